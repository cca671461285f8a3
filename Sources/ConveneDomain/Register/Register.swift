/// A whole register, or the part of one that a file carries.
/// Importers produce one, exporters read one, and the server stores one.
public struct Register: Hashable, Codable, Sendable {
    public var areas: [Area] = []
    public var areaLinks: [AreaLink] = []
    public var organisations: [Organisation] = []
    public var persons: [Person] = []
    public var partnerships: [Partnership] = []
    public var memberships: [Membership] = []
    public var relations: [PartnershipRelation] = []
    public var termsOfReference: [TermsOfReference] = []
    public var meetings: [Meeting] = []

    public init(
        areas: [Area] = [], areaLinks: [AreaLink] = [], organisations: [Organisation] = [],
        persons: [Person] = [], partnerships: [Partnership] = [], memberships: [Membership] = [],
        relations: [PartnershipRelation] = [], termsOfReference: [TermsOfReference] = [],
        meetings: [Meeting] = []
    ) {
        self.areas = areas
        self.areaLinks = areaLinks
        self.organisations = organisations
        self.persons = persons
        self.partnerships = partnerships
        self.memberships = memberships
        self.relations = relations
        self.termsOfReference = termsOfReference
        self.meetings = meetings
    }

    public var recordCount: Int {
        areas.count + areaLinks.count + organisations.count + persons.count + partnerships.count
            + memberships.count + relations.count + termsOfReference.count
            + meetings.count + meetings.reduce(0) { $0 + $1.attendance.count }
    }

    /// The same register in a canonical order, so that two registers with the same records compare equal.
    public func sorted() -> Register {
        Register(
            areas: areas.sorted { $0.code < $1.code },
            areaLinks: areaLinks.sorted { ($0.districtCode, $0.areaCode) < ($1.districtCode, $1.areaCode) },
            organisations: organisations.sorted { $0.key < $1.key },
            persons: persons.sorted { $0.key < $1.key },
            partnerships: partnerships.sorted { $0.key < $1.key },
            memberships: memberships.sorted { $0.key < $1.key },
            relations: relations.sorted {
                ($0.fromKey, $0.kind.rawValue, $0.toKey) < ($1.fromKey, $1.kind.rawValue, $1.toKey)
            },
            termsOfReference: termsOfReference.sorted {
                ($0.partnershipKey, $0.version) < ($1.partnershipKey, $1.version)
            },
            meetings: meetings.sorted { $0.key < $1.key }.map { meeting in
                var meeting = meeting
                meeting.attendance.sort { $0.personKey < $1.personKey }
                return meeting
            }
        )
    }
}

/// Where in a file a record came from ("row 14", "memberships[3]"), so that every problem names its place.
public struct RecordOrigin: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case area, organisation, person, partnership, membership, relation, termsOfReference, meeting
    }
    public var kind: Kind
    public var key: String

    public init(_ kind: Kind, _ key: String) {
        self.kind = kind
        self.key = key
    }
}

/// One problem found in an import: where it is, which field, and what to do about it.
public struct ImportIssue: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// "row 14", "line 3", "memberships[2]", or "file" when the whole file is at fault.
    public var location: String
    public var field: String?
    public var message: String

    public init(_ location: String, field: String? = nil, _ message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { return "\(location), \(field): \(message)" }
        return "\(location): \(message)"
    }
}

/// What an importer read from a file: the records, where each came from, and the problems found.
public struct ImportBatch: Sendable {
    public var register = Register()
    public var origins: [RecordOrigin: String] = [:]
    public var issues: [ImportIssue] = []
    /// What was read but not used, or read by a guess (an unknown kind of organisation, an area Convene has no place
    /// for): reported with the import, never a reason to refuse the file.
    public var warnings: [ImportIssue] = []
    /// Partnerships whose outgoing relations the file states in full, so the ones it leaves out are removed.
    public var relationsStatedFor: Set<String> = []
    /// For a format whose records carry their own ids (Popolo): kind → key → the file's id, for every key made from
    /// one, referred to or defined. The import matches them to stored records; problems name the id, not the key.
    public var popoloIDs: [RecordOrigin.Kind: [String: String]] = [:]
    /// The file's names for the register's fields, kind by kind ("key" → "id"), so that a problem names the field
    /// as the file spells it.
    public var fieldNames: [RecordOrigin.Kind: [String: String]] = [:]

    public init() {}

    public func location(_ kind: RecordOrigin.Kind, _ key: String) -> String {
        origins[RecordOrigin(kind, key)] ?? "file"
    }

    /// A record's identifier as the file wrote it.
    public func name(_ kind: RecordOrigin.Kind, _ key: String) -> String { popoloIDs[kind]?[key] ?? key }

    /// A field's name as the file spells it.
    public func field(_ kind: RecordOrigin.Kind, _ field: String) -> String { fieldNames[kind]?[field] ?? field }
}

/// Every key a register's records state or refer to, by kind: what a write of it needs to look up, and no more.
public struct NamedKeys: Hashable, Sendable {
    public var areaCodes: Set<String> = []
    public var organisations: Set<String> = []
    public var persons: Set<String> = []
    public var partnerships: Set<String> = []

    public init(_ register: Register) {
        for area in register.areas { areaCodes.insert(area.code); area.parentCode.map { areaCodes.insert($0) } }
        for link in register.areaLinks { areaCodes.formUnion([link.districtCode, link.areaCode]) }
        organisations.formUnion(register.organisations.map(\.key))
        for person in register.persons {
            persons.insert(person.key)
            person.organisationKey.map { organisations.insert($0) }
        }
        for partnership in register.partnerships {
            partnerships.insert(partnership.key)
            areaCodes.formUnion(partnership.footprint)
            partnership.forceAreaCode.map { areaCodes.insert($0) }
            partnership.secretariatKey.map { organisations.insert($0) }
        }
        for membership in register.memberships {
            partnerships.insert(membership.partnershipKey)
            persons.formUnion([membership.personKey, membership.substituteKey].compactMap { $0 })
            organisations.formUnion([membership.organisationKey, membership.representsKey].compactMap { $0 })
        }
        for relation in register.relations { partnerships.formUnion([relation.fromKey, relation.toKey]) }
        partnerships.formUnion(register.termsOfReference.map(\.partnershipKey))
        for meeting in register.meetings {
            partnerships.insert(meeting.partnershipKey)
            for attendance in meeting.attendance {
                persons.formUnion([attendance.personKey, attendance.substituteForKey].compactMap { $0 })
            }
        }
    }
}
