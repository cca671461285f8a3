import ConveneDomain
import Foundation

// The wire types of partnerships and memberships: what a GET gives, what a create and a PATCH take, each mapped
// to and from the domain's value in one place.

/// A partnership as the API gives it (a field with no value is left out).
struct PartnershipResponse: ResourceResponse {
    var key: String
    var name: String
    var type: PartnershipType
    var status: PartnershipStatus
    var startedOn: Day?
    var endedOn: Day?
    var statutoryBasis: String?
    var purpose: String?
    var themes: [String]
    var footprint: [String]
    var pccRoles: [PCCRole]
    var meetingFrequency: MeetingFrequency?
    var secretariatKey: String?
    var forceAreaCode: String?
    var isDemo: Bool

    enum CodingKeys: CodingKey, CaseIterable {
        case key, name, type, status, startedOn, endedOn, statutoryBasis,
            purpose, themes, footprint, pccRoles, meetingFrequency, secretariatKey, forceAreaCode, isDemo
    }

    init(_ value: Partnership) {
        key = value.key
        name = value.name
        type = value.type
        status = value.status
        startedOn = value.startedOn
        endedOn = value.endedOn
        statutoryBasis = value.statutoryBasis
        purpose = value.purpose
        themes = value.themes
        footprint = value.footprint
        pccRoles = value.pccRoles
        meetingFrequency = value.meetingFrequency
        secretariatKey = value.secretariatKey
        forceAreaCode = value.forceAreaCode
        isDemo = value.isDemo
    }
}

/// The body of a create: the required fields, and the others with their defaults.
struct NewPartnership: ResourceNew {
    var key: String
    var name: String
    var type: PartnershipType
    var status: PartnershipStatus?
    var startedOn: Day?
    var endedOn: Day?
    var statutoryBasis: String?
    var purpose: String?
    var themes: [String]?
    var footprint: [String]?
    var pccRoles: [PCCRole]?
    var meetingFrequency: MeetingFrequency?
    var secretariatKey: String?
    var forceAreaCode: String?
    var isDemo: Bool?

    enum CodingKeys: CodingKey, CaseIterable {
        case key, name, type, status, startedOn, endedOn, statutoryBasis,
            purpose, themes, footprint, pccRoles, meetingFrequency, secretariatKey, forceAreaCode, isDemo
    }

    var value: Partnership {
        Partnership(
            key: key, name: name, type: type, status: status ?? .active, startedOn: startedOn, endedOn: endedOn,
            statutoryBasis: statutoryBasis, purpose: purpose, themes: themes ?? [], footprint: footprint ?? [],
            pccRoles: pccRoles ?? [], meetingFrequency: meetingFrequency, secretariatKey: secretariatKey,
            forceAreaCode: forceAreaCode, isDemo: isDemo ?? false)
    }
}

/// The body of a PATCH: each field given replaces the stored one, null clears an optional one.
struct PartnershipPatch: ResourcePatch {
    var key: String?
    var name: String?
    var type: PartnershipType?
    var status: PartnershipStatus?
    var startedOn: Change<Day>
    var endedOn: Change<Day>
    var statutoryBasis: Change<String>
    var purpose: Change<String>
    var themes: [String]?
    var footprint: [String]?
    var pccRoles: [PCCRole]?
    var meetingFrequency: Change<MeetingFrequency>
    var secretariatKey: Change<String>
    var forceAreaCode: Change<String>
    var isDemo: Bool?

    enum CodingKeys: CodingKey, CaseIterable {
        case key, name, type, status, startedOn, endedOn, statutoryBasis,
            purpose, themes, footprint, pccRoles, meetingFrequency, secretariatKey, forceAreaCode, isDemo
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.required(.key)
        name = try c.required(.name)
        type = try c.required(.type)
        status = try c.required(.status)
        startedOn = try c.change(.startedOn)
        endedOn = try c.change(.endedOn)
        statutoryBasis = try c.change(.statutoryBasis)
        purpose = try c.change(.purpose)
        themes = try c.required(.themes)
        footprint = try c.required(.footprint)
        pccRoles = try c.required(.pccRoles)
        meetingFrequency = try c.change(.meetingFrequency)
        secretariatKey = try c.change(.secretariatKey)
        forceAreaCode = try c.change(.forceAreaCode)
        isDemo = try c.required(.isDemo)
    }

    var identifier: String? { key }

    func applied(to stored: Partnership) -> Partnership {
        var value = stored
        if let key { value.key = key }
        if let name { value.name = name }
        if let type { value.type = type }
        if let status { value.status = status }
        value.startedOn = startedOn.applied(to: value.startedOn)
        value.endedOn = endedOn.applied(to: value.endedOn)
        value.statutoryBasis = statutoryBasis.applied(to: value.statutoryBasis)
        value.purpose = purpose.applied(to: value.purpose)
        if let themes { value.themes = themes }
        if let footprint { value.footprint = footprint }
        if let pccRoles { value.pccRoles = pccRoles }
        value.meetingFrequency = meetingFrequency.applied(to: value.meetingFrequency)
        value.secretariatKey = secretariatKey.applied(to: value.secretariatKey)
        value.forceAreaCode = forceAreaCode.applied(to: value.forceAreaCode)
        if let isDemo { value.isDemo = isDemo }
        return value
    }
}

/// A membership as the API gives it (a field with no value is left out).
struct MembershipResponse: ResourceResponse {
    var key: String
    var partnershipKey: String
    var personKey: String?
    var organisationKey: String?
    var role: MembershipRole
    var representsKey: String?
    var votingRight: Bool
    var startedOn: Day?
    var endedOn: Day?
    var substituteKey: String?

    enum CodingKeys: CodingKey, CaseIterable {
        case key, partnershipKey, personKey, organisationKey, role,
            representsKey, votingRight, startedOn, endedOn, substituteKey
    }

    init(_ value: Membership) {
        key = value.key
        partnershipKey = value.partnershipKey
        personKey = value.personKey
        organisationKey = value.organisationKey
        role = value.role
        representsKey = value.representsKey
        votingRight = value.votingRight
        startedOn = value.startedOn
        endedOn = value.endedOn
        substituteKey = value.substituteKey
    }
}

/// The body of a create: the required fields, and the others with their defaults.
struct NewMembership: ResourceNew {
    var key: String
    var partnershipKey: String
    var personKey: String?
    var organisationKey: String?
    var role: MembershipRole?
    var representsKey: String?
    var votingRight: Bool?
    var startedOn: Day?
    var endedOn: Day?
    var substituteKey: String?

    enum CodingKeys: CodingKey, CaseIterable {
        case key, partnershipKey, personKey, organisationKey, role,
            representsKey, votingRight, startedOn, endedOn, substituteKey
    }

    var value: Membership {
        Membership(
            key: key, partnershipKey: partnershipKey, personKey: personKey, organisationKey: organisationKey,
            role: role ?? .member, representsKey: representsKey, votingRight: votingRight ?? false,
            startedOn: startedOn, endedOn: endedOn, substituteKey: substituteKey)
    }
}

/// The body of a PATCH: each field given replaces the stored one, null clears an optional one.
struct MembershipPatch: ResourcePatch {
    var key: String?
    var partnershipKey: String?
    var personKey: Change<String>
    var organisationKey: Change<String>
    var role: MembershipRole?
    var representsKey: Change<String>
    var votingRight: Bool?
    var startedOn: Change<Day>
    var endedOn: Change<Day>
    var substituteKey: Change<String>

    enum CodingKeys: CodingKey, CaseIterable {
        case key, partnershipKey, personKey, organisationKey, role,
            representsKey, votingRight, startedOn, endedOn, substituteKey
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.required(.key)
        partnershipKey = try c.required(.partnershipKey)
        personKey = try c.change(.personKey)
        organisationKey = try c.change(.organisationKey)
        role = try c.required(.role)
        representsKey = try c.change(.representsKey)
        votingRight = try c.required(.votingRight)
        startedOn = try c.change(.startedOn)
        endedOn = try c.change(.endedOn)
        substituteKey = try c.change(.substituteKey)
    }

    var identifier: String? { key }

    func applied(to stored: Membership) -> Membership {
        var value = stored
        if let key { value.key = key }
        if let partnershipKey { value.partnershipKey = partnershipKey }
        value.personKey = personKey.applied(to: value.personKey)
        value.organisationKey = organisationKey.applied(to: value.organisationKey)
        if let role { value.role = role }
        value.representsKey = representsKey.applied(to: value.representsKey)
        if let votingRight { value.votingRight = votingRight }
        value.startedOn = startedOn.applied(to: value.startedOn)
        value.endedOn = endedOn.applied(to: value.endedOn)
        value.substituteKey = substituteKey.applied(to: value.substituteKey)
        return value
    }
}
