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

    init(scope: Scope, progress: (@Sendable (String) -> Void)? = nil) {
        self.scope = scope
        self.audit = AuditLog(scope: scope)
        self.progress = progress
    }

    mutating func write(_ batch: ImportBatch) async throws -> ChangeSummary {
        let register = batch.register
        try await loadIndexes()

        let areas = try await AreaRecord.query(on: scope.db).all()
        try await upsert(
            register.areas, kind: "area", key: \.code,
            stored: Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }),
            current: { $0.domain }, fill: { $0.fill($1) })
        let links = try await AreaLinkRecord.query(on: scope.db).all()
        try await upsert(
            register.areaLinks, kind: "area link", key: { "\($0.districtCode)>\($0.areaCode)" },
            stored: Dictionary(
                links.map { ("\($0.districtCode)>\($0.areaCode)", $0) }, uniquingKeysWith: { a, _ in a }),
            current: { $0.domain }, fill: { $0.fill($1) })

        let organisations = try await OrganisationRecord.query(in: scope).all()
        let newOrganisations = try await upsert(
            register.organisations, kind: "organisation", key: \.key,
            stored: Dictionary(organisations.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
            current: { $0.domain }, fill: { $0.fill($1) }, keep: { $1.keepingPopoloID(of: $0) })
        for record in newOrganisations {
            ids.organisations[record.key] = record.id; keys.organisations[record.id!] = record.key
        }

        let persons = try await PersonRecord.query(in: scope).all()
        let snapshot = ids
        let keySnapshot = keys
        let newPersons = try await upsert(
            register.persons, kind: "person", key: \.key,
            stored: Dictionary(persons.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
            current: { $0.domain(keySnapshot) }, fill: { $0.fill($1, ids: snapshot) },
            keep: { $1.keepingPopoloID(of: $0) })
        for record in newPersons { ids.persons[record.key] = record.id; keys.persons[record.id!] = record.key }

        let partnerships = try await PartnershipRecord.query(in: scope).all()
        let ids2 = ids
        let keys2 = keys
        let newPartnerships = try await upsert(
            register.partnerships, kind: "partnership", key: \.key,
            stored: Dictionary(partnerships.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
            current: { $0.domain(keys2) }, fill: { $0.fill($1, ids: ids2) }, keep: { $1.keepingPopoloID(of: $0) })
        for record in newPartnerships {
            ids.partnerships[record.key] = record.id; keys.partnerships[record.id!] = record.key
        }

        try await writeRelations(register.relations, statedFor: batch.relationsStatedFor)

        let memberships = try await MembershipRecord.query(in: scope).all()
        let ids3 = ids
        let keys3 = keys
        try await upsert(
            register.memberships, kind: "membership", key: \.key,
            stored: Dictionary(memberships.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
            current: { $0.domain(keys3) }, fill: { $0.fill($1, ids: ids3) }, keep: { $1.keepingPopoloID(of: $0) })

        let terms = try await TermsOfReferenceRecord.query(in: scope).all()
        try await upsert(
            register.termsOfReference, kind: "terms of reference", key: { "\($0.partnershipKey)#\($0.version)" },
            stored: Dictionary(
                terms.map { ("\(keys3.partnerships[$0.$partnership.id] ?? "")#\($0.version)", $0) },
                uniquingKeysWith: { a, _ in a }),
            current: { $0.domain(keys3) }, fill: { $0.fill($1, ids: ids3) })

        try await writeMeetings(register.meetings)
        try await audit.flush()
        return summary
    }

    private mutating func loadIndexes() async throws {
        for o in try await OrganisationRecord.query(in: scope).field(\.$id).field(\.$key).all() {
            ids.organisations[o.key] = o.id
            keys.organisations[o.id!] = o.key
        }
        for p in try await PersonRecord.query(in: scope).field(\.$id).field(\.$key).all() {
            ids.persons[p.key] = p.id
            keys.persons[p.id!] = p.key
        }
        for p in try await PartnershipRecord.query(in: scope).field(\.$id).field(\.$key).all() {
            ids.partnerships[p.key] = p.id
            keys.partnerships[p.id!] = p.key
        }
    }

    /// Creates the new, updates the changed, keeps the rest; returns the records it created. `keep` gives what a
    /// stored record keeps of itself that the incoming value does not state (its Popolo id).
    @discardableResult
    private mutating func upsert<Value: Equatable & Encodable, Record: Model>(
        _ incoming: [Value], kind: String, key: (Value) -> String, stored: [String: Record],
        current: (Record) -> Value, fill: (Record, Value) -> Void, keep: ((Value, Value) -> Value)? = nil
    ) async throws -> [Record] where Record.IDValue == UUID {
        var created: [Record] = []
        for (n, stated) in incoming.enumerated() {
            var value = stated
            let k = key(value)
            if let record = stored[k] {
                let before = current(record)
                if let keep { value = keep(before, value) }
                if before == value {
                    summary.note("keep", kind, k)
                } else {
                    audit.note("update", kind, k, before: before, after: value)
                    fill(record, value)
                    try await record.update(on: scope.db)
                    summary.note("update", kind, k)
                }
            } else {
                let record = Record()
                record.id = UUID()
                if let owned = record as? any WorkspaceOwned { scope.claim(owned) }
                fill(record, value)
                created.append(record)
                summary.note("create", kind, k)
                audit.note("create", kind, k, before: nil as Value?, after: value)
            }
            if n > 0 && n % 10_000 == 0 { progress?("\(kind): \(n) of \(incoming.count)") }
        }
        try await BatchInsert.run(created, at: scope.now(), on: scope.db)
        return created
    }

    private mutating func writeRelations(_ relations: [PartnershipRelation], statedFor: Set<String>) async throws {
        let stored = try await RelationRecord.query(in: scope).all()
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
        var created: [RelationRecord] = []
        for relation in relations {
            let label = "\(relation.fromKey) \(relation.kind.rawValue) \(relation.toKey)"
            if have.contains(relation) {
                summary.note("keep", "relation", label)
                continue
            }
            let record = RelationRecord()
            scope.claim(record)
            record.$from.id = ids.partnerships[relation.fromKey]!
            record.$to.id = ids.partnerships[relation.toKey]!
            record.kind = relation.kind.rawValue
            created.append(record)
            have.insert(relation)
            summary.note("create", "relation", label)
            audit.note("create", "relation", label, before: nil as PartnershipRelation?, after: relation)
        }
        try await BatchInsert.run(created, at: scope.now(), on: scope.db)
    }

    private mutating func writeMeetings(_ meetings: [Meeting]) async throws {
        guard !meetings.isEmpty else { return }
        // Only the meetings the file names, and their attendance, a chunk of keys at a time.
        var stored: [MeetingRecord] = []
        var attendanceRows: [AttendanceRecord] = []
        let wanted = meetings.map(\.key)
        for start in stride(from: 0, to: wanted.count, by: 500) {
            let found = try await MeetingRecord.query(in: scope).filter(
                \.$key ~~ Array(wanted[start..<min(start + 500, wanted.count)])
            ).all()
            stored += found
            if !found.isEmpty {
                attendanceRows += try await AttendanceRecord.query(in: scope).filter(
                    \.$meeting.$id ~~ found.compactMap(\.id)
                ).all()
            }
        }
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
                record.id = UUID()
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
