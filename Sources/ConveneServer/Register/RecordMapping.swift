import ConveneDomain
import Foundation

// Records → domain values; the other direction, domain values → rows, is `RowTable` (RegisterRows.swift). References
// travel as keys in the domain and as ids in the database; `KeyIndex` and `IDIndex` translate between the two.

struct KeyIndex {
    var organisations: [UUID: String] = [:]
    var persons: [UUID: String] = [:]
    var partnerships: [UUID: String] = [:]
    var meetings: [UUID: String] = [:]
}

extension Day {
    init?(stored: String?) {
        guard let stored else { return nil }
        self.init(stored)
    }
}

extension AreaRecord {
    var domain: Area {
        Area(code: code, name: name, kind: AreaKind(rawValue: kind) ?? .district, parentCode: parentCode)
    }
}

extension AreaLinkRecord {
    var domain: AreaLink { AreaLink(districtCode: districtCode, areaCode: areaCode, share: share) }
}

extension OrganisationRecord {
    var domain: Organisation {
        Organisation(key: key, name: name, sector: Sector(rawValue: sector) ?? .other, popoloID: popoloID)
    }
}

extension PersonRecord {
    func domain(_ keys: KeyIndex) -> Person {
        Person(
            key: key, name: name, roleTitle: roleTitle,
            organisationKey: $organisation.id.flatMap { keys.organisations[$0] },
            seniority: seniority.flatMap(SeniorityBand.init(rawValue:)), salaryBand: salaryBand, popoloID: popoloID)
    }
}

extension PartnershipRecord {
    func domain(_ keys: KeyIndex) -> Partnership {
        Partnership(
            key: key, name: name,
            type: PartnershipType(rawValue: type) ?? .forum,
            status: PartnershipStatus(rawValue: status) ?? .active,
            startedOn: Day(stored: startedOn), endedOn: Day(stored: endedOn),
            statutoryBasis: statutoryBasis, purpose: purpose,
            themes: ListColumn.decode(themes), footprint: ListColumn.decode(footprint),
            pccRoles: ListColumn.decode(pccRoles).compactMap(PCCRole.init(rawValue:)),
            meetingFrequency: meetingFrequency.flatMap(MeetingFrequency.init(rawValue:)),
            secretariatKey: $secretariat.id.flatMap { keys.organisations[$0] },
            forceAreaCode: forceAreaCode, isDemo: isDemo, popoloID: popoloID)
    }
}

extension MembershipRecord {
    func domain(_ keys: KeyIndex) -> Membership {
        Membership(
            key: key, partnershipKey: keys.partnerships[$partnership.id] ?? "",
            personKey: $person.id.flatMap { keys.persons[$0] },
            organisationKey: $organisation.id.flatMap { keys.organisations[$0] },
            role: MembershipRole(rawValue: role) ?? .member,
            representsKey: $represents.id.flatMap { keys.organisations[$0] },
            votingRight: votingRight, startedOn: Day(stored: startedOn), endedOn: Day(stored: endedOn),
            substituteKey: $substitute.id.flatMap { keys.persons[$0] }, popoloID: popoloID)
    }
}

extension RelationRecord {
    func domain(_ keys: KeyIndex) -> PartnershipRelation {
        PartnershipRelation(
            keys.partnerships[$from.id] ?? "", RelationKind(rawValue: kind) ?? .reportsTo,
            keys.partnerships[$to.id] ?? "")
    }
}

extension TermsOfReferenceRecord {
    func domain(_ keys: KeyIndex) -> TermsOfReference {
        TermsOfReference(
            partnershipKey: keys.partnerships[$partnership.id] ?? "", version: version, purpose: purpose,
            quorum: quorum, meetingFrequency: meetingFrequency.flatMap(MeetingFrequency.init(rawValue:)),
            approvedOn: Day(stored: approvedOn), reviewDue: Day(stored: reviewDue))
    }
}

/// Keys → ids, the other direction of `KeyIndex`.
struct IDIndex {
    var organisations: [String: UUID] = [:]
    var persons: [String: UUID] = [:]
    var partnerships: [String: UUID] = [:]
}
