import ConveneDomain
import Fluent
import Foundation
import SQLKit

struct CreateAnalytics: AsyncMigration {
    var name: String { "2026-11-23-create-analytics" }

    func prepare(on database: Database) async throws {
        // For a person who was there for part of a meeting.
        try await database.schema("attendances").field("attended_minutes", .int).update()
        try await database.schema("workspace_settings")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("updated_at", .datetime)
            .field("key", .string, .required)
            .field("value", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("support_costs")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("key", .string, .required)
            .field("label", .string, .required)
            .field("minutes_per_meeting", .int, .required)
            .field("salary", .int)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("triage_plans")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("updated_at", .datetime)
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("capacity", .int, .required)
            .unique(on: "workspace_id", "person_id")
            .create()
        try await database.schema("triage_choices")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("plan_id", .uuid, .required, .references("triage_plans", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("recommended", .string, .required)
            .field("choice", .string, .required)
            .unique(on: "plan_id", "partnership_id")
            .create()
    }

    func revert(on database: Database) async throws {
        for table in ["triage_choices", "triage_plans", "support_costs", "workspace_settings"] {
            try await database.schema(table).delete()
        }
        try await database.schema("attendances").deleteField("attended_minutes").update()
    }
}
