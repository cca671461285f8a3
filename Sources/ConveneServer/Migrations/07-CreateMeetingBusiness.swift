import ConveneDomain
import Fluent
import Foundation
import SQLKit

struct CreateMeetingBusiness: AsyncMigration {
    var name: String { "2026-11-23-create-meeting-business" }

    func prepare(on database: Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        for (table, column, type) in [
            ("meetings", "format", DatabaseSchema.DataType.string), ("meetings", "place", .string),
            ("meetings", "online_url", .string), ("meetings", "series_id", .uuid),
            ("meetings", "calendar_key", .string), ("attendances", "preparation_minutes", .int),
            ("attendances", "travel_minutes", .int),
            // The person a user is in a workspace: whose meetings and actions "my meetings" shows.
            ("workspace_members", "person_id", .uuid)
        ] {
            try await database.schema(table).field(.string(column), type).update()
        }
        try await database.schema("meeting_series")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("first_day", .string, .required)
            .field("start_minute", .int, .required)
            .field("duration_minutes", .int, .required)
            .field("time_zone", .string, .required)
            .field("rule", .string, .required)
            .field("skipped_days", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("joint_meetings")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .unique(on: "meeting_id", "partnership_id")
            .create()
        try await database.schema("agenda_items")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("meeting_id", .uuid, .references("meetings", "id"))
            .field("presenter_id", .uuid, .references("persons", "id"))
            .field("key", .string, .required)
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("duration_minutes", .int)
            .field("themes", .string, .required)
            .field("decision", .string)
            .field("rationale", .string)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("papers")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("item_id", .uuid, .required, .references("agenda_items", "id"))
            .field("key", .string, .required)
            .field("title", .string, .required)
            .field("url", .string)
            .field("file_name", .string)
            .field("content_type", .string)
            .field("size", .int)
            .field("sha256", .string)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("paper_contents")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("paper_id", .uuid, .required, .references("papers", "id"))
            .field("data", .data, .required)
            .unique(on: "paper_id")
            .create()
        try await database.schema("minutes")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("updated_at", .datetime)
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("text", .string, .required)
            .field("state", .string, .required)
            .field("approved_on", .string)
            .field("approved_at_meeting_id", .uuid, .references("meetings", "id"))
            .unique(on: "meeting_id")
            .create()
        try await database.schema("minutes_addenda")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("minutes_id", .uuid, .required, .references("minutes", "id"))
            .field("on", .string, .required)
            .field("text", .string, .required)
            .create()
        try await database.schema("actions")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("meeting_id", .uuid, .references("meetings", "id"))
            .field("item_id", .uuid, .references("agenda_items", "id"))
            .field("owner_person_id", .uuid, .references("persons", "id"))
            .field("owner_organisation_id", .uuid, .references("organisations", "id"))
            .field("key", .string, .required)
            .field("title", .string, .required)
            .field("raised_on", .string, .required)
            .field("due_on", .string)
            .field("status", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("action_updates")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("action_id", .uuid, .required, .references("actions", "id"))
            .field("on", .string, .required)
            .field("text", .string, .required)
            .field("status", .string)
            .create()
        try await database.schema("themes")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("name", .string, .required)
            .field("retired", .bool, .required)
            .unique(on: "workspace_id", "name")
            .create()
        try await database.schema("feed_tokens")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("token_hash", .string, .required)
            .field("kind", .string, .required)
            .field("target_key", .string)
            .field("include_actions", .bool, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await Indexes.create(
            on: database,
            [
                ("meetings", "starts_at"), ("meetings", "calendar_key"), ("attendances", "meeting_id"),
                ("attendances", "person_id"),
                ("joint_meetings", "partnership_id"), ("agenda_items", "meeting_id"),
                ("agenda_items", "partnership_id"),
                ("papers", "item_id"), ("minutes_addenda", "minutes_id"), ("actions", "partnership_id"),
                ("actions", "owner_person_id"), ("actions", "meeting_id"), ("action_updates", "action_id"),
                ("feed_tokens", "user_id")
            ])
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "meetings_partnership_starts_idx").on("meetings").column("partnership_id")
                .column("starts_at").run()
        }
    }

    func revert(on database: Database) async throws {
        for table in [
            "feed_tokens", "themes", "action_updates", "actions", "minutes_addenda", "minutes", "paper_contents",
            "papers",
            "agenda_items", "joint_meetings", "meeting_series"
        ] {
            try await database.schema(table).delete()
        }
        for (table, column) in [
            ("workspace_members", "person_id"), ("attendances", "preparation_minutes"),
            ("attendances", "travel_minutes"),
            ("meetings", "format"), ("meetings", "place"), ("meetings", "online_url"), ("meetings", "series_id"),
            ("meetings", "calendar_key")
        ] {
            try await database.schema(table).deleteField(.string(column)).update()
        }
    }
}
