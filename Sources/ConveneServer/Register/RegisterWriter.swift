import ConveneDomain
import Fluent
import Foundation

/// What writing a batch did (or, in a dry run, would do).
public struct ChangeSummary: Sendable, Equatable, Codable {
    public struct Count: Sendable, Equatable, Codable {
        public var created = 0
        public var updated = 0
        public var removed = 0
        public var unchanged = 0
    }

    public struct Change: Sendable, Equatable, Codable, CustomStringConvertible {
        public var action: String
        public var kind: String
        public var key: String
        public var description: String { "\(action) \(kind) \(key)" }
    }

    /// Counts per kind of record, in a fixed order for printing.
    public var counts: [String: Count] = [:]
    public var changes: [Change] = []
    /// The file's warnings: what was skipped or guessed, each by its place in the file.
    public var warnings: [ImportIssue] = []

    public var changedCount: Int { counts.values.reduce(0) { $0 + $1.created + $1.updated + $1.removed } }
    public var recordCount: Int { counts.values.reduce(0) { $0 + $1.created + $1.updated + $1.unchanged } }

    mutating func note(_ action: String, _ kind: String, _ key: String) {
        var count = counts[kind, default: Count()]
        switch action {
        case "create": count.created += 1
        case "update": count.updated += 1
        case "remove": count.removed += 1
        default: count.unchanged += 1
        }
        counts[kind] = count
        if action != "keep" { changes.append(Change(action: action, kind: kind, key: key)) }
    }

    public static let kindOrder = [
        "area", "area link", "organisation", "person", "partnership", "relation",
        "membership", "terms of reference", "meeting"
    ]
}

/// Writes a checked batch into the database: records are matched by key, created when new and
/// updated when different; nothing outside the batch is touched, except the relations of the
/// partnerships whose relations the file states in full. Run it inside a transaction.
struct RegisterWriter {
    let scope: Scope
    var progress: (@Sendable (String) -> Void)?
    private(set) var summary = ChangeSummary()
    private var audit: AuditLog
    private var ids = IDIndex()
    private var keys = KeyIndex()
    private var newIDs: OrderedIDs

    init(scope: Scope, progress: (@Sendable (String) -> Void)? = nil) {
        self.scope = scope
        self.audit = AuditLog(scope: scope)
        self.newIDs = OrderedIDs(at: scope.now())
        self.progress = progress
    }

    /// Reads only the stored records the batch names and the keys they and it refer to: a form's save of one record
    /// reads a few rows, whatever the size of the workspace.
    mutating func write(_ batch: ImportBatch) async throws -> ChangeSummary {
        let register = batch.register
        let areas = try await AreaRecord.query(on: scope.db).all(\.$code, in: Set(register.areas.map(\.code)))
        let links = try await AreaLinkRecord.query(on: scope.db).all(
            \.$districtCode, in: Set(register.areaLinks.map(\.districtCode)))
        let organisations = try await OrganisationRecord.query(in: scope).all(
            \.$key, in: register.organisations.map(\.key))
        let persons = try await PersonRecord.query(in: scope).all(\.$key, in: register.persons.map(\.key))
        let partnerships = try await PartnershipRecord.query(in: scope).all(
            \.$key, in: register.partnerships.map(\.key))
        let memberships = try await MembershipRecord.query(in: scope).all(\.$key, in: register.memberships.map(\.key))
        try await learn(NamedKeys(register))
        try await learn(
            organisations: persons.compactMap { $0.$organisation.id } + partnerships.compactMap { $0.$secretariat.id }
                + memberships.flatMap { [$0.$organisation.id, $0.$represents.id].compactMap { $0 } },
            persons: memberships.flatMap { [$0.$person.id, $0.$substitute.id].compactMap { $0 } },
            partnerships: memberships.map { $0.$partnership.id })

        try await upsert(
            register.areas, kind: "area", key: \.code, into: .areas,
            stored: stored(areas, key: \.code, value: \.domain))
        try await upsert(
            register.areaLinks, kind: "area link", key: { "\($0.districtCode)>\($0.areaCode)" }, into: .areaLinks,
            stored: stored(links, key: { "\($0.districtCode)>\($0.areaCode)" }, value: \.domain))

        for (key, id) in try await upsert(
            register.organisations, kind: "organisation", key: \.key, into: .organisations,
            stored: stored(organisations, key: \.key, value: \.domain), keep: { $1.keepingPopoloID(of: $0) })
        {
            ids.organisations[key] = id; keys.organisations[id] = key
        }

        for (key, id) in try await upsert(
            register.persons, kind: "person", key: \.key, into: .persons,
            stored: stored(persons, key: \.key, value: { $0.domain(keys) }),
            keep: { $1.keepingPopoloID(of: $0) })
        {
            ids.persons[key] = id; keys.persons[id] = key
        }

        for (key, id) in try await upsert(
            register.partnerships, kind: "partnership", key: \.key, into: .partnerships,
            stored: stored(partnerships, key: \.key, value: { $0.domain(keys) }),
            keep: { $1.keepingPopoloID(of: $0) })
        {
            ids.partnerships[key] = id; keys.partnerships[id] = key
        }

        try await writeRelations(register.relations, statedFor: batch.relationsStatedFor)

        try await upsert(
            register.memberships, kind: "membership", key: \.key, into: .memberships,
            stored: stored(memberships, key: \.key, value: { $0.domain(keys) }),
            keep: { $1.keepingPopoloID(of: $0) })

        let terms = try await TermsOfReferenceRecord.query(in: scope).all(
            \.$partnership.$id, in: Set(register.termsOfReference.compactMap { ids.partnerships[$0.partnershipKey] }))
        try await upsert(
            register.termsOfReference, kind: "terms of reference", key: { "\($0.partnershipKey)#\($0.version)" },
            into: .termsOfReference,
            stored: stored(
                terms, key: { "\(keys.partnerships[$0.$partnership.id] ?? "")#\($0.version)" },
                value: { $0.domain(keys) }))

        try await writeMeetings(register.meetings)
        progress?("writing the audit log")
        try await audit.flush()
        return summary
    }

    /// Learns the ids of the stored records `named` names.
    private mutating func learn(_ named: NamedKeys) async throws {
        for o in try await OrganisationRecord.query(in: scope).field(\.$id).field(\.$key)
            .all(\.$key, in: named.organisations.filter { ids.organisations[$0] == nil })
        {
            ids.organisations[o.key] = o.id; keys.organisations[o.id!] = o.key
        }
        for p in try await PersonRecord.query(in: scope).field(\.$id).field(\.$key)
            .all(\.$key, in: named.persons.filter { ids.persons[$0] == nil })
        {
            ids.persons[p.key] = p.id; keys.persons[p.id!] = p.key
        }
        for p in try await PartnershipRecord.query(in: scope).field(\.$id).field(\.$key)
            .all(\.$key, in: named.partnerships.filter { ids.partnerships[$0] == nil })
        {
            ids.partnerships[p.key] = p.id; keys.partnerships[p.id!] = p.key
        }
    }

    /// Learns the keys of the records stored records refer to by id.
    private mutating func learn(
        organisations: [UUID] = [], persons: [UUID] = [], partnerships: [UUID] = []
    ) async throws {
        for o in try await OrganisationRecord.query(in: scope).field(\.$id).field(\.$key)
            .all(\.$id, in: Set(organisations.filter { keys.organisations[$0] == nil }))
        {
            ids.organisations[o.key] = o.id; keys.organisations[o.id!] = o.key
        }
        for p in try await PersonRecord.query(in: scope).field(\.$id).field(\.$key)
            .all(\.$id, in: Set(persons.filter { keys.persons[$0] == nil }))
        {
            ids.persons[p.key] = p.id; keys.persons[p.id!] = p.key
        }
        for p in try await PartnershipRecord.query(in: scope).field(\.$id).field(\.$key)
            .all(\.$id, in: Set(partnerships.filter { keys.partnerships[$0] == nil }))
        {
            ids.partnerships[p.key] = p.id; keys.partnerships[p.id!] = p.key
        }
    }

    /// Stored records by key, each as its id and its domain value.
    private func stored<Record: Model, Value>(
        _ records: [Record], key: (Record) -> String, value: (Record) -> Value
    ) -> [String: (id: UUID, value: Value)] where Record.IDValue == UUID {
        Dictionary(records.map { (key($0), ($0.id!, value($0))) }, uniquingKeysWith: { a, _ in a })
    }

    /// Creates the new, updates the changed, keeps the rest; returns the keys and ids of what it created. `keep` gives
    /// what a stored record keeps of itself that the incoming value does not state (its Popolo id).
    @discardableResult
    private mutating func upsert<Value: Equatable & Encodable & Sendable>(
        _ incoming: [Value], kind: String, key: (Value) -> String, into table: RowTable<Value>,
        stored: [String: (id: UUID, value: Value)], keep: ((Value, Value) -> Value)? = nil
    ) async throws -> [(key: String, id: UUID)] {
        var created: [(id: UUID, value: Value)] = []
        var createdKeys: [(key: String, id: UUID)] = []
        if !incoming.isEmpty { progress?("\(kind): \(incoming.count) in the file") }
        for (n, stated) in incoming.enumerated() {
            var value = stated
            let k = key(value)
            if let (id, before) = stored[k] {
                if let keep { value = keep(before, value) }
                if before == value {
                    summary.note("keep", kind, k)
                } else {
                    audit.note("update", kind, k, before: before, after: value)
                    try await table.update(id, to: value, ids: ids, in: scope)
                    summary.note("update", kind, k)
                }
            } else {
                let id = newIDs.next()
                created.append((id, value))
                createdKeys.append((k, id))
                summary.note("create", kind, k)
                audit.note("create", kind, k, before: nil as Value?, after: value)
            }
            if n > 0 && n % 10_000 == 0 { progress?("\(kind): \(n) of \(incoming.count)") }
        }
        try await table.insert(created, ids: ids, in: scope)
        return createdKeys
    }

    private mutating func writeRelations(_ relations: [PartnershipRelation], statedFor: Set<String>) async throws {
        // The stored relations of the partnerships the batch states relations for or from.
        let from = statedFor.union(relations.map(\.fromKey)).compactMap { ids.partnerships[$0] }
        let stored = try await RelationRecord.query(in: scope).all(\.$from.$id, in: Set(from))
        try await learn(partnerships: stored.map { $0.$to.id })
        let wanted = Set(relations)
        var have: Set<PartnershipRelation> = []
        for record in stored {
            let relation = record.domain(keys)
            if statedFor.contains(relation.fromKey) && !wanted.contains(relation) {
                try await record.delete(on: scope.db)
                audit.note(
                    "delete", "relation", "\(relation.fromKey) \(relation.kind.rawValue) \(relation.toKey)",
                    before: relation, after: nil as PartnershipRelation?)
                summary.note("remove", "relation", "\(relation.fromKey) \(relation.kind.rawValue) \(relation.toKey)")
            } else {
                have.insert(relation)
            }
        }
        var created: [(id: UUID, value: PartnershipRelation)] = []
        for relation in relations {
            let label = "\(relation.fromKey) \(relation.kind.rawValue) \(relation.toKey)"
            if have.contains(relation) {
                summary.note("keep", "relation", label)
                continue
            }
            created.append((newIDs.next(), relation))
            have.insert(relation)
            summary.note("create", "relation", label)
            audit.note("create", "relation", label, before: nil as PartnershipRelation?, after: relation)
        }
        try await RowTable.relations.insert(created, ids: ids, in: scope)
    }

    private mutating func writeMeetings(_ meetings: [Meeting]) async throws {
        guard !meetings.isEmpty else { return }
        // Only the meetings the file names, and their attendance.
        let stored = try await MeetingRecord.query(in: scope).all(\.$key, in: Set(meetings.map(\.key)))
        let attendanceRows = try await AttendanceRecord.query(in: scope).all(
            \.$meeting.$id, in: stored.compactMap(\.id))
        try await learn(
            persons: attendanceRows.flatMap { [$0.$person.id, $0.$substituteFor.id].compactMap { $0 } },
            partnerships: stored.map { $0.$partnership.id })
        let byKey = Dictionary(stored.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let attendances = Dictionary(grouping: attendanceRows, by: { $0.$meeting.id })
        let ids = self.ids
        for meeting in meetings {
            let record = byKey[meeting.key] ?? MeetingRecord()
            let recorded = record.id.map {
                record.domain(
                    partnershipKey: keys.partnerships[record.$partnership.id] ?? "",
                    attendance: (attendances[$0] ?? []).map { $0.domain(persons: keys.persons) })
            }
            let before = recorded?.interchanged
            let normalised = meeting.interchanged
            if before == normalised {
                summary.note("keep", "meeting", meeting.key)
                continue
            }
            let after = recorded.map { $0.updated(from: meeting) } ?? meeting
            record.fill(after, partnershipID: ids.partnerships[after.partnershipKey]!)
            scope.claim(record)
            if record.id == nil {
                record.id = newIDs.next()
                try await record.create(on: scope.db)
            } else {
                try await record.update(on: scope.db)
                try await AttendanceRecord.query(in: scope).filter(\.$meeting.$id == record.id!).delete()
            }
            let rows = after.attendance.map {
                AttendanceRecord.row($0, meeting: record.id!, persons: ids.persons, in: scope)
            }
            if !rows.isEmpty { try await rows.create(on: scope.db) }
            summary.note(before == nil ? "create" : "update", "meeting", meeting.key)
            audit.note(before == nil ? "create" : "update", "meeting", meeting.key, before: before, after: normalised)
        }
    }
}
