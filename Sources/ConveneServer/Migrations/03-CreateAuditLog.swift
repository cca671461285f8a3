import ConveneDomain
import Fluent
import Foundation

struct CreateAuditLog: AsyncMigration {
    var name: String { "2026-11-22-create-audit-log" }

    func prepare(on database: Database) async throws {
        try await database.schema("audit_events")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("kind", .string, .required)
            .field("record_key", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        try await Indexes.create(
            on: database, [("audit_events", "workspace_id"), ("audit_events", "record_key"), ("audit_events", "at")])
    }

    func revert(on database: Database) async throws {
        try await database.schema("audit_events").delete()
    }
}
