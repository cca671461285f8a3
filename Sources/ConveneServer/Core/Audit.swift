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
    /// The events noted and not yet written, as rows of `columns`.
    private(set) var pending: [[any SQLExpression]] = []
    private let at: Date
    private static let columns = [
        "id", "workspace_id", "at", "actor", "action", "kind", "record_key", "before", "after"
    ]

    init(scope: Scope) {
        self.scope = scope
        at = scope.now()
    }

    mutating func note<Value: Encodable>(_ action: String, _ kind: String, _ key: String, before: Value?, after: Value?)
    {
        let json = { (value: Value?) -> any SQLExpression in value.flatMap(Self.json).map { SQLBind($0) } ?? SQLLiteral.null }
        pending.append([
            SQLBind(UUID()), SQLBind(scope.workspaceID), SQLBind(at), SQLBind(scope.actor), SQLBind(action),
            SQLBind(kind), SQLBind(key), json(before), json(after)
        ])
    }

    /// Writes what was noted in few statements, so that a large import stays one transaction.
    mutating func flush() async throws {
        try await BatchInsert.run(into: AuditEventRecord.schema, columns: Self.columns, rows: pending, on: scope.db)
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
