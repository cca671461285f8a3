import ConveneDomain
import Fluent
import Foundation

struct CreateStrategies: AsyncMigration {
    var name: String { "2026-11-23-create-strategies" }

    func prepare(on database: Database) async throws {
        try await database.schema("strategies")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("updated_at", .datetime)
            .field("owner_partnership_id", .uuid, .references("partnerships", "id"))
            .field("owner_organisation_id", .uuid, .references("organisations", "id"))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("document_url", .string)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("priorities")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("strategy_id", .uuid, .required, .references("strategies", "id"))
            .field("key", .string, .required)
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("theme", .string)
            .field("measures", .string, .required)
            .field("plan_priority_keys", .string, .required)
            .field("framework_objective_keys", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("priorities").delete()
        try await database.schema("strategies").delete()
    }
}
