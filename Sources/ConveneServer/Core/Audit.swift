import ConveneDomain
import Fluent
import Foundation

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
    private(set) var pending: [AuditEventRecord] = []
    private let at: Date

    init(scope: Scope) {
        self.scope = scope
        at = scope.now()
    }

    mutating func note<Value: Encodable>(_ action: String, _ kind: String, _ key: String, before: Value?, after: Value?)
    {
        let event = AuditEventRecord()
        scope.claim(event)
        event.at = at
        event.actor = scope.actor
        event.action = action
        event.kind = kind
        event.recordKey = key
        event.before = before.flatMap(Self.json)
        event.after = after.flatMap(Self.json)
        pending.append(event)
    }

    /// Writes what was noted in few statements, so that a large import stays one transaction.
    mutating func flush() async throws {
        try await BatchInsert.run(pending, at: at, on: scope.db)
        pending.removeAll()
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

    static func json<Value: Encodable>(_ value: Value) -> String? {
        (try? JSONEncoder.api.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension Scope {
    /// Runs `body` in one transaction with an audit log, written at its end in that same transaction: the one way
    /// a change and its entries are written together.
    func audited<T: Sendable>(_ body: @escaping @Sendable (Scope, inout AuditLog) async throws -> T) async throws -> T {
        try await transaction { scope in
            var audit = AuditLog(scope: scope)
            let result = try await body(scope, &audit)
            try await audit.flush()
            return result
        }
    }
}
