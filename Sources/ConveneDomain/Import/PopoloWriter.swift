import Foundation

extension Popolo {
    /// Writes the register as Popolo JSON: records in `Register.sorted()` order, keys sorted, pretty printed,
    /// so that the same register always gives the same bytes and a file can be compared with an earlier one.
    public static func write(_ register: Register) -> Data {
        let register = register.sorted()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Only text, booleans, whole numbers and finite shares are written, which always encode.
        return try! encoder.encode(Document(register))
    }

    /// Popolo's posts are Convene's (partnership, role) pairs; this is the id of one, from the partnership's id.
    static func postKey(_ partnershipID: String, _ role: MembershipRole) -> String {
        "\(partnershipID)--\(role.rawValue)"
    }

    /// Meeting times are exchanged in UTC, to the second.
    static func dateTimeText(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}

private func nonEmpty<T>(_ items: [T]) -> [T]? { items.isEmpty ? nil : items }

private struct Document: Encodable {
    var areas: [AreaEntry] = []
    var events: [EventEntry] = []
    var memberships: [MembershipEntry] = []
    var organizations: [OrganizationEntry] = []
    var persons: [PersonEntry] = []
    var posts: [PostEntry] = []

    init(_ register: Register) {
        let ids = IDs(register)
        let links = Dictionary(grouping: register.areaLinks, by: \.districtCode)
        areas = register.areas.map { AreaEntry($0, links[$0.code] ?? []) }
        events = register.meetings.map { EventEntry($0, ids) }
        memberships = register.memberships.map { MembershipEntry($0, ids) }
        let relations = Dictionary(grouping: register.relations, by: \.fromKey)
        let terms = Dictionary(grouping: register.termsOfReference, by: \.partnershipKey)
        organizations =
            register.organisations.map { OrganizationEntry($0, ids) }
            + register.partnerships.map { OrganizationEntry($0, relations[$0.key] ?? [], terms[$0.key] ?? [], ids) }
        persons = register.persons.map { PersonEntry($0, ids) }
        let seats = register.memberships.map { PostEntry(ids.organisation($0.partnershipKey), $0.role) }
        posts = Dictionary(seats.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }).values.sorted {
            $0.id < $1.id
        }
    }
}

/// Each record's id in the file: the Popolo id it came with, or its key.
private struct IDs {
    var organisations: [String: String] = [:]
    var persons: [String: String] = [:]

    init(_ register: Register) {
        for o in register.organisations { organisations[o.key] = o.popoloID }
        for p in register.partnerships { organisations[p.key] = p.popoloID }
        for p in register.persons { persons[p.key] = p.popoloID }
    }

    func organisation(_ key: String) -> String { organisations[key] ?? key }
    func person(_ key: String) -> String { persons[key] ?? key }
}

private struct AreaEntry: Encodable {
    var id, name, classification: String
    var parentId: String?
    var links: [LinkEntry]?

    enum CodingKeys: String, CodingKey {
        case id, name, classification, parentId = "parent_id", links = "convene:links"
    }

    init(_ area: Area, _ links: [AreaLink]) {
        id = area.code
        name = area.name
        classification = area.kind.rawValue
        parentId = area.parentCode
        self.links = nonEmpty(
            links.map { LinkEntry(areaId: $0.areaCode, share: $0.share.flatMap { $0.isFinite ? $0 : nil }) })
    }
}

private struct LinkEntry: Encodable {
    var areaId: String
    var share: Double?
    enum CodingKeys: String, CodingKey { case areaId = "area_id", share }
}

/// Partner bodies and partnerships share Popolo's organizations list; the classification tells them apart.
private struct OrganizationEntry: Encodable {
    var id, name, classification: String
    var foundingDate, dissolutionDate: Day?
    var parentId, areaId: String?
    var status, statutoryBasis, purpose, meetingFrequency, secretariatId: String?
    var themes, footprint, pccRoles: [String]?
    var relations: [RelationEntry]?
    var isDemo: Bool?
    var termsOfReference: [TermsEntry]?

    enum CodingKeys: String, CodingKey {
        case id, name, classification, foundingDate = "founding_date", dissolutionDate = "dissolution_date"
        case parentId = "parent_id", areaId = "area_id", status = "convene:status", statutoryBasis =
            "convene:statutory_basis"
        case purpose = "convene:purpose", meetingFrequency = "convene:meeting_frequency"
        case secretariatId = "convene:secretariat_id", themes = "convene:themes", footprint = "convene:footprint"
        case pccRoles = "convene:pcc_roles", relations = "convene:relations", isDemo = "convene:is_demo"
        case termsOfReference = "convene:terms_of_reference"
    }

    init(_ organisation: Organisation, _ ids: IDs) {
        id = organisation.popoloID ?? organisation.key
        name = organisation.name
        classification = "sector:\(organisation.sector.rawValue)"
    }

    init(_ p: Partnership, _ relations: [PartnershipRelation], _ terms: [TermsOfReference], _ ids: IDs) {
        id = p.popoloID ?? p.key
        name = p.name
        classification = "partnership:\(p.type.rawValue)"
        foundingDate = p.startedOn
        dissolutionDate = p.endedOn
        // Popolo has one parent; a single "sub-group of" is it, and every other relation is an extension.
        let parents = relations.filter { $0.kind == .subGroupOf }
        parentId = parents.count == 1 ? ids.organisation(parents[0].toKey) : nil
        areaId = p.forceAreaCode
        status = p.status.rawValue
        statutoryBasis = p.statutoryBasis
        purpose = p.purpose
        meetingFrequency = p.meetingFrequency?.rawValue
        secretariatId = p.secretariatKey.map(ids.organisation)
        themes = nonEmpty(p.themes)
        footprint = nonEmpty(p.footprint)
        pccRoles = nonEmpty(p.pccRoles.map(\.rawValue))
        self.relations = nonEmpty(
            relations.filter { parentId == nil || $0.kind != .subGroupOf }
                .map { RelationEntry(kind: $0.kind.rawValue, to: ids.organisation($0.toKey)) })
        isDemo = p.isDemo ? true : nil
        termsOfReference = nonEmpty(terms.map(TermsEntry.init))
    }
}

private struct RelationEntry: Encodable {
    var kind, to: String
}

private struct TermsEntry: Encodable {
    var version: Int
    var purpose: String?
    var quorum: Int?
    var meetingFrequency: String?
    var approvedOn, reviewDue: Day?

    enum CodingKeys: String, CodingKey {
        case version, purpose, quorum, meetingFrequency = "meeting_frequency", approvedOn = "approved_on", reviewDue =
            "review_due"
    }

    init(_ terms: TermsOfReference) {
        version = terms.version
        purpose = terms.purpose
        quorum = terms.quorum
        meetingFrequency = terms.meetingFrequency?.rawValue
        approvedOn = terms.approvedOn
        reviewDue = terms.reviewDue
    }
}

private struct PersonEntry: Encodable {
    var id, name: String
    var roleTitle, organisationId, seniority: String?
    var salaryBand: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, roleTitle = "convene:role_title", organisationId = "convene:organisation_id"
        case seniority = "convene:seniority", salaryBand = "convene:salary_band"
    }

    init(_ person: Person, _ ids: IDs) {
        id = person.popoloID ?? person.key
        name = person.name
        roleTitle = person.roleTitle
        organisationId = person.organisationKey.map(ids.organisation)
        seniority = person.seniority?.rawValue
        salaryBand = person.salaryBand
    }
}

private struct PostEntry: Encodable {
    var id, label, role: String
    var organizationId: String

    enum CodingKeys: String, CodingKey { case id, label, role, organizationId = "organization_id" }

    init(_ partnershipKey: String, _ role: MembershipRole) {
        id = Popolo.postKey(partnershipKey, role)
        label = role.label
        self.role = role.rawValue
        organizationId = partnershipKey
    }
}

private struct MembershipEntry: Encodable {
    var id: String
    var personId: String?
    /// An organisation that is itself the member, as Popolo's member object.
    var member: MemberEntry?
    var organizationId, role, postId: String
    var onBehalfOfId: String?
    var startDate, endDate: Day?
    var voting: Bool
    var substituteId: String?

    enum CodingKeys: String, CodingKey {
        case id, personId = "person_id", member, organizationId = "organization_id", role, postId = "post_id"
        case onBehalfOfId = "on_behalf_of_id", startDate = "start_date", endDate = "end_date"
        case voting = "convene:voting", substituteId = "convene:substitute_id"
    }

    init(_ m: Membership, _ ids: IDs) {
        id = m.popoloID ?? m.key
        personId = m.personKey.map(ids.person)
        member = m.organisationKey.map { MemberEntry(type: "Organization", id: ids.organisation($0)) }
        organizationId = ids.organisation(m.partnershipKey)
        role = m.role.rawValue
        postId = Popolo.postKey(organizationId, m.role)
        onBehalfOfId = m.representsKey.map(ids.organisation)
        startDate = m.startedOn
        endDate = m.endedOn
        voting = m.votingRight
        substituteId = m.substituteKey.map(ids.person)
    }
}

private struct MemberEntry: Encodable {
    var type, id: String
    enum CodingKeys: String, CodingKey { case type = "@type", id }
}

private struct EventEntry: Encodable {
    var id, name, startDate, status, organizationId: String
    var endDate: String?
    var attendees: [AttendeeEntry]?

    enum CodingKeys: String, CodingKey {
        case id, name, startDate = "start_date", endDate = "end_date", status
        case organizationId = "organization_id", attendees
    }

    init(_ meeting: Meeting, _ ids: IDs) {
        id = meeting.popoloID ?? meeting.key
        name = meeting.name
        startDate = Popolo.dateTimeText(meeting.startsAt)
        endDate = meeting.endsAt.map(Popolo.dateTimeText)
        status = meeting.status.rawValue
        organizationId = ids.organisation(meeting.partnershipKey)
        attendees = nonEmpty(
            meeting.attendance.map {
                AttendeeEntry(
                    id: ids.person($0.personKey), attendance: $0.status.rawValue,
                    substituteFor: $0.substituteForKey.map(ids.person))
            })
    }
}

private struct AttendeeEntry: Encodable {
    var id, attendance: String
    var substituteFor: String?
    enum CodingKeys: String, CodingKey {
        case id, attendance = "convene:attendance", substituteFor = "convene:substitute_for"
    }
}
