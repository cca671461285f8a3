import Fluent

/// Declarations of interest made at meetings, as their minutes record them; each workspace's partnership lead for the
/// national directory; and the library of templates workspaces share with the network.
struct CreateNetworkSharing: AsyncMigration {
    var name: String { "2026-12-26-create-network-sharing" }

    func prepare(on database: Database) async throws {
        try await database.schema("meeting_declarations")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("key", .string, .required)
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("declaration", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("network_leads")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("lead", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "workspace_id")
            .create()
        try await database.schema("library_items")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("item", .string, .required)
            .field("shared_at", .datetime, .required)
            .unique(on: "workspace_id", "key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("library_items").delete()
        try await database.schema("network_leads").delete()
        try await database.schema("meeting_declarations").delete()
    }
}
