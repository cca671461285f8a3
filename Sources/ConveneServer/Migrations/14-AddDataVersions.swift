import Fluent
import SQLKit

/// Each workspace's data version, which every write to it moves on (in the write's transaction), and the pages kept
/// against it: a page is served while the version it was worked out at is the workspace's.
struct AddDataVersions: AsyncMigration {
    var name: String { "2026-12-21-add-data-versions" }

    func prepare(on database: Database) async throws {
        try await database.schema("workspaces").field("version", .int64, .required, .sql(.default(0))).update()
        try await database.schema("kept_pages")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id", onDelete: .cascade))
            .field("page", .string, .required)
            .field("parameters", .string, .required)
            .field("version", .int64, .required)
            .field("title", .string, .required)
            .field("breadcrumbs", .string, .required)
            .field("is_demo", .bool, .required)
            .field("has_forms", .bool, .required)
            .field("content", .string, .required)
            .unique(on: "workspace_id", "page", "parameters")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("kept_pages").delete()
        try await database.schema("workspaces").deleteField("version").update()
    }
}
