import ConveneDomain
import Foundation

// Records ⇄ domain values. References travel as keys in the domain and as ids in the database;
// `KeyIndex` translates between the two.

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

    func fill(_ area: Area) {
        code = area.code
        name = area.name
        kind = area.kind.rawValue
        parentCode = area.parentCode
    }
}

extension AreaLinkRecord {
    var domain: AreaLink { AreaLink(districtCode: districtCode, areaCode: areaCode, share: share) }

    func fill(_ link: AreaLink) {
        districtCode = link.districtCode
        areaCode = link.areaCode
        share = link.share
    }
}

extension OrganisationRecord {
    var domain: Organisation {
        Organisation(key: key, name: name, sector: Sector(rawValue: sector) ?? .other, popoloID: popoloID)
    }

    func fill(_ organisation: Organisation) {
        key = organisation.key
        name = organisation.name
        sector = organisation.sector.rawValue
        popoloID = organisation.popoloID
    }
}

extension PersonRecord {
    func domain(_ keys: KeyIndex) -> Person {
        Person(
            key: key, name: name, roleTitle: roleTitle,
            organisationKey: $organisation.id.flatMap { keys.organisations[$0] },
            seniority: seniority.flatMap(SeniorityBand.init(rawValue:)), salaryBand: salaryBand, popoloID: popoloID)
    }

    func fill(_ person: Person, ids: IDIndex) {
        key = person.key
        name = person.name
        roleTitle = person.roleTitle
        $organisation.id = person.organisationKey.flatMap { ids.organisations[$0] }
        seniority = person.seniority?.rawValue
        salaryBand = person.salaryBand
        popoloID = person.popoloID
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

    func fill(_ partnership: Partnership, ids: IDIndex) {
        key = partnership.key
        name = partnership.name
        type = partnership.type.rawValue
        status = partnership.status.rawValue
        startedOn = partnership.startedOn?.description
        endedOn = partnership.endedOn?.description
        statutoryBasis = partnership.statutoryBasis
        purpose = partnership.purpose
        themes = ListColumn.encode(partnership.themes)
        footprint = ListColumn.encode(partnership.footprint)
        pccRoles = ListColumn.encode(partnership.pccRoles.map(\.rawValue))
        meetingFrequency = partnership.meetingFrequency?.rawValue
        $secretariat.id = partnership.secretariatKey.flatMap { ids.organisations[$0] }
        forceAreaCode = partnership.forceAreaCode
        isDemo = partnership.isDemo
        popoloID = partnership.popoloID
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

    func fill(_ membership: Membership, ids: IDIndex) {
        key = membership.key
        $partnership.id = ids.partnerships[membership.partnershipKey]!
        $person.id = membership.personKey.flatMap { ids.persons[$0] }
        $organisation.id = membership.organisationKey.flatMap { ids.organisations[$0] }
        role = membership.role.rawValue
        $represents.id = membership.representsKey.flatMap { ids.organisations[$0] }
        votingRight = membership.votingRight
        startedOn = membership.startedOn?.description
        endedOn = membership.endedOn?.description
        $substitute.id = membership.substituteKey.flatMap { ids.persons[$0] }
        popoloID = membership.popoloID
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

    func fill(_ terms: TermsOfReference, ids: IDIndex) {
        $partnership.id = ids.partnerships[terms.partnershipKey]!
        version = terms.version
        purpose = terms.purpose
        quorum = terms.quorum
        meetingFrequency = terms.meetingFrequency?.rawValue
        approvedOn = terms.approvedOn?.description
        reviewDue = terms.reviewDue?.description
    }
}

/// Keys → ids, the other direction of `KeyIndex`.
struct IDIndex {
    var organisations: [String: UUID] = [:]
    var persons: [String: UUID] = [:]
    var partnerships: [String: UUID] = [:]
}
