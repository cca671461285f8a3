import ConveneDomain
import Fluent
import Foundation
import SQLKit

/// One change to the register: who, when, which record, and the record before and after (as JSON).
final class AuditEventRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "kind") var kind: String
    @Field(key: "record_key") var recordKey: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?

    static var workspacePath: KeyPath<AuditEventRecord, ParentProperty<AuditEventRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// The audit log is written in the same transaction as the change it records: a write that fails
/// or rolls back leaves no entry, and no write happens without one.
struct AuditLog {
    let scope: Scope
    private let at: Date
    private var ids: OrderedIDs
    /// Events noted since the last batch was handed to a task to turn into JSON.
    private var noted: [Event] = []
    /// Each earlier batch of events, with its values' JSON being made beside the writes that go on meanwhile: a large
    /// import notes tens of thousands, and their JSON would otherwise add to its time.
    private var encoding: [(events: [Event], json: Task<[(before: String?, after: String?)], Never>)] = []
    private static let eventsPerTask = 4_096
    private static let columns = [
        "id", "workspace_id", "at", "actor", "action", "kind", "record_key", "before", "after"
    ]

    private struct Event: Sendable {
        let id: UUID
        let action: String
        let kind: String
        let key: String
        let before: (any Encodable & Sendable)?
        let after: (any Encodable & Sendable)?
    }

    init(scope: Scope) {
        self.scope = scope
        at = scope.now()
        ids = OrderedIDs(at: at)
    }

    mutating func note<Value: Encodable & Sendable>(
        _ action: String, _ kind: String, _ key: String, before: Value?, after: Value?
    ) {
        noted.append(Event(id: ids.next(), action: action, kind: kind, key: key, before: before, after: after))
        if noted.count == Self.eventsPerTask { encodeNoted() }
    }

    private mutating func encodeNoted() {
        guard !noted.isEmpty else { return }
        let events = noted
        noted = []
        encoding.append((events, Task { events.map { (Self.json(opening: $0.before), Self.json(opening: $0.after)) } }))
    }

    /// Writes what was noted in few statements, so that a large import stays one transaction.
    mutating func flush() async throws {
        encodeNoted()
        var rows: [[ColumnValue]] = []
        for (events, json) in encoding {
            for (event, (before, after)) in zip(events, await json.value) {
                rows.append([
                    .id(event.id), .id(scope.workspaceID), .instant(at), .text(scope.actor), .text(event.action),
                    .text(event.kind), .text(event.key), ColumnValue(before), ColumnValue(after)
                ])
            }
        }
        encoding.removeAll()
        try await BatchInsert.run(into: AuditEventRecord.schema, columns: Self.columns, rows: rows, on: scope.db)
    }

    /// Deletes one record and records it, in one transaction.
    static func delete<Record: Model, Value: Encodable & Sendable>(
        _ record: Record, kind: String, key: String, before: Value,
        in scope: Scope
    ) async throws {
        try await scope.audited { scope, audit in
            try await record.delete(on: scope.db)
            audit.note("delete", kind, key, before: before, after: nil as Value?)
        }
    }

    private static func json(opening value: (any Encodable & Sendable)?) -> String? {
        value.flatMap { json($0) }
    }

    static func json<Value: Encodable>(_ value: Value) -> String? {
        (try? JSONEncoder.api.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension Scope {
    /// Runs `body` in one transaction with an audit log, written at its end in that same transaction: the one way
    /// a change and its entries are written together.
    /// `audited` for a write whose checks read state: they run inside the transaction, with what they read locked,
    /// and refuse by throwing a `Refusal`, which rolls everything back; its field errors are returned.
    func auditedChecking(_ body: @escaping @Sendable (Scope, inout AuditLog) async throws -> Void) async throws
        -> [FieldError]
    {
        do {
            try await audited(body)
            return []
        } catch let refusal as Refusal {
            return refusal.errors
        }
    }

    func audited<T: Sendable>(_ body: @escaping @Sendable (Scope, inout AuditLog) async throws -> T) async throws -> T {
        try await transaction { scope in
            var audit = AuditLog(scope: scope)
            let result = try await body(scope, &audit)
            try await audit.flush()
            return result
        }
    }
}

/// Field errors found inside a write's transaction (see `Scope.auditedChecking`).
struct Refusal: Error {
    var errors: [FieldError]
    init(_ errors: [FieldError]) { self.errors = errors }
}

extension Result where Failure == Refusal {
    /// A refused write's field errors; none when it was done.
    var errors: [FieldError] {
        if case .failure(let refusal) = self { return refusal.errors }
        return []
    }
}
