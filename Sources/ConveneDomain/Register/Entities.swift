import Foundation

// The register's records as plain values. Each validates its own fields; rules that
// span records (references, cycles, duplicates) live in `RegisterCheck`.

/// A place with an ONS code: police force area, district, upper-tier authority, CSP area, ICB…
public struct Area: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var kind: AreaKind
    /// The area this one nests in (a district's police force area); overlaps are `AreaLink`s.
    public var parentCode: String?

    public init(code: String, name: String, kind: AreaKind, parentCode: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
    }

    /// ONS GSS codes: a letter for the nation, two digits for the entity, six for the instance.
    public static func isValidCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 9, "EWSNKL".utf8.contains(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.require(
            Area.isValidCode(code), "code",
            "'\(code)' is not an ONS code; expected a letter and eight digits, like E23000023")
        check.requireText(name, "name", "the area's name")
        if let parentCode {
            check.require(Area.isValidCode(parentCode), "parent_code", "'\(parentCode)' is not an ONS code")
            check.require(parentCode != code, "parent_code", "An area cannot be its own parent")
        }
        return check.errors
    }
}

/// A district lies wholly (share 1) or partly in a larger area: its CSP area, upper tier, force area or ICB.
public struct AreaLink: Hashable, Codable, Sendable {
    public var districtCode: String
    public var areaCode: String
    /// The part of the district inside the area, when the lookup says (0 < share ≤ 1).
    public var share: Double?

    public init(districtCode: String, areaCode: String, share: Double? = nil) {
        self.districtCode = districtCode
        self.areaCode = areaCode
        self.share = share
    }
}

/// A partner body: police force, OPCC, council, ICB, probation, fire and rescue, VCSE group…
public struct Organisation: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    public var sector: Sector
    /// The id a Popolo file gave the record, when it is not the key (`ocd-person/1`, `Q42`); exports write it back.
    public var popoloID: String?

    public init(key: String, name: String, sector: Sector, popoloID: String? = nil) {
        self.key = key
        self.name = name
        self.sector = sector
        self.popoloID = popoloID
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(name, "name", "the organisation's name")
        return check.errors
    }
}

public struct Person: Hashable, Codable, Sendable {
    public var key: String
    /// A person's name, or for demo and role-only records the role title itself.
    public var name: String
    public var roleTitle: String?
    public var organisationKey: String?
    public var seniority: SeniorityBand?
    /// Annual salary in whole pounds, the midpoint of the person's band; used only for cost estimates.
    public var salaryBand: Int?
    /// The id a Popolo file gave the record, when it is not the key (`ocd-person/1`, `Q42`); exports write it back.
    public var popoloID: String?

    public init(
        key: String, name: String, roleTitle: String? = nil, organisationKey: String? = nil,
        seniority: SeniorityBand? = nil, salaryBand: Int? = nil, popoloID: String? = nil
    ) {
        self.popoloID = popoloID
        self.key = key
        self.name = name
        self.roleTitle = roleTitle
        self.organisationKey = organisationKey
        self.seniority = seniority
        self.salaryBand = salaryBand
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(name, "name", "the person's name")
        check.optionalText(roleTitle, "role_title", "the role title", max: 200)
        if let salaryBand {
            check.require(
                (1...1_000_000).contains(salaryBand), "salary_band",
                "Salary band must be a whole number of pounds a year between 1 and 1,000,000")
        }
        return check.errors
    }
}

public struct Partnership: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    public var type: PartnershipType
    public var status: PartnershipStatus
    public var startedOn: Day?
    public var endedOn: Day?
    public var statutoryBasis: String?
    public var purpose: String?
    public var themes: [String]
    /// ONS codes of the districts or upper-tier authorities the partnership covers.
    public var footprint: [String]
    public var pccRoles: [PCCRole]
    public var meetingFrequency: MeetingFrequency?
    public var secretariatKey: String?
    /// The police force area whose register holds the partnership (ONS code, E23… or W15…).
    public var forceAreaCode: String?
    /// Demo records are marked so that nobody mistakes them for a real area's register.
    public var isDemo: Bool
    /// The id a Popolo file gave the record, when it is not the key (`ocd-person/1`, `Q42`); exports write it back.
    public var popoloID: String?

    public init(
        key: String, name: String, type: PartnershipType, status: PartnershipStatus = .active,
        startedOn: Day? = nil, endedOn: Day? = nil, statutoryBasis: String? = nil,
        purpose: String? = nil, themes: [String] = [], footprint: [String] = [],
        pccRoles: [PCCRole] = [], meetingFrequency: MeetingFrequency? = nil,
        secretariatKey: String? = nil, forceAreaCode: String? = nil, isDemo: Bool = false, popoloID: String? = nil
    ) {
        self.popoloID = popoloID
        self.key = key
        self.name = name
        self.type = type
        self.status = status
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.statutoryBasis = statutoryBasis
        self.purpose = purpose
        self.themes = themes
        self.footprint = footprint
        self.pccRoles = pccRoles
        self.meetingFrequency = meetingFrequency
        self.secretariatKey = secretariatKey
        self.forceAreaCode = forceAreaCode
        self.isDemo = isDemo
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(name, "name", "the partnership's name")
        check.optionalText(statutoryBasis, "statutory_basis", "the statutory basis", max: 500)
        check.optionalText(purpose, "purpose", "the purpose", max: 4000)
        check.order(startedOn, endedOn, startField: "started_on", endField: "ended_on")
        if status.hasEnded {
            check.require(endedOn != nil, "ended_on", "Enter the date the partnership was \(status.label.lowercased())")
        } else {
            check.require(endedOn == nil, "ended_on", "Only a merged or discontinued partnership has an end date")
        }
        for code in footprint where !Area.isValidCode(code) {
            check.require(false, "footprint", "'\(code)' is not an ONS area code")
        }
        if let forceAreaCode {
            check.require(
                Area.isValidCode(forceAreaCode), "force_area_code", "'\(forceAreaCode)' is not an ONS area code")
        }
        check.require(Set(footprint).count == footprint.count, "footprint", "An area is listed more than once")
        check.require(Set(pccRoles).count == pccRoles.count, "pcc_roles", "A PCC role is listed more than once")
        for theme in themes {
            check.require(!theme.isEmpty && theme.count <= 80, "themes", "Each theme must be 1 to 80 characters")
        }
        return check.errors
    }
}

/// A person's (or an organisation's) seat on a partnership.
public struct Membership: Hashable, Codable, Sendable {
    public var key: String
    public var partnershipKey: String
    public var personKey: String?
    public var organisationKey: String?
    public var role: MembershipRole
    /// The organisation the member represents on the partnership, when it is not obvious.
    public var representsKey: String?
    public var votingRight: Bool
    public var startedOn: Day?
    public var endedOn: Day?
    /// The person named to attend in the member's place.
    public var substituteKey: String?
    /// The id a Popolo file gave the record, when it is not the key (`ocd-person/1`, `Q42`); exports write it back.
    public var popoloID: String?

    public init(
        key: String, partnershipKey: String, personKey: String? = nil, organisationKey: String? = nil,
        role: MembershipRole = .member, representsKey: String? = nil, votingRight: Bool = false,
        startedOn: Day? = nil, endedOn: Day? = nil, substituteKey: String? = nil, popoloID: String? = nil
    ) {
        self.popoloID = popoloID
        self.key = key
        self.partnershipKey = partnershipKey
        self.personKey = personKey
        self.organisationKey = organisationKey
        self.role = role
        self.representsKey = representsKey
        self.votingRight = votingRight
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.substituteKey = substituteKey
    }

    /// Current on a day when it has started (or has no start) and has not yet ended.
    public func isCurrent(on day: Day) -> Bool {
        (startedOn.map { $0 <= day } ?? true) && (endedOn.map { $0 >= day } ?? true)
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.require(
            (personKey == nil) != (organisationKey == nil), "person_key",
            "Choose either a person or an organisation as the member, not both")
        check.order(startedOn, endedOn, startField: "started_on", endField: "ended_on")
        if let substituteKey, substituteKey == personKey {
            check.require(false, "substitute_key", "A member cannot be their own substitute")
        }
        return check.errors
    }
}

public struct PartnershipRelation: Hashable, Codable, Sendable {
    public var fromKey: String
    public var kind: RelationKind
    public var toKey: String

    public init(_ fromKey: String, _ kind: RelationKind, _ toKey: String) {
        self.fromKey = fromKey
        self.kind = kind
        self.toKey = toKey
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.require(fromKey != toKey, "to_key", "A partnership cannot be related to itself")
        return check.errors
    }
}

/// One version of a partnership's terms of reference.
public struct TermsOfReference: Hashable, Codable, Sendable {
    public var partnershipKey: String
    public var version: Int
    public var purpose: String?
    public var quorum: Int?
    public var meetingFrequency: MeetingFrequency?
    public var approvedOn: Day?
    public var reviewDue: Day?

    public init(
        partnershipKey: String, version: Int, purpose: String? = nil, quorum: Int? = nil,
        meetingFrequency: MeetingFrequency? = nil, approvedOn: Day? = nil, reviewDue: Day? = nil
    ) {
        self.partnershipKey = partnershipKey
        self.version = version
        self.purpose = purpose
        self.quorum = quorum
        self.meetingFrequency = meetingFrequency
        self.approvedOn = approvedOn
        self.reviewDue = reviewDue
    }

    public enum ReviewState: Equatable, Sendable { case notSet, due, dueSoon, notDue }

    /// "Review due" once the review date has come; "due soon" within 60 days of it.
    public func reviewState(on day: Day) -> ReviewState {
        guard let reviewDue else { return .notSet }
        if reviewDue <= day { return .due }
        if reviewDue <= day.adding(days: 60) { return .dueSoon }
        return .notDue
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.require(version >= 1, "version", "Version must be 1 or more")
        if let quorum {
            check.require(quorum >= 1 && quorum <= 500, "quorum", "Quorum must be between 1 and 500 members")
        }
        check.optionalText(purpose, "purpose", "the purpose", max: 4000)
        if let approvedOn, let reviewDue, reviewDue < approvedOn {
            check.require(false, "review_due", "The review date must be after the approval date (\(approvedOn))")
        }
        return check.errors
    }
}
