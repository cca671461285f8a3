import Fluent

/// Data-sharing agreements and requests for data; declarations of interest; who chose the weekly digest, and the digests sent, a row a user and
/// week.
struct CreateSharing: AsyncMigration {
    var name: String { "2026-12-25-create-sharing" }

    func prepare(on database: Database) async throws {
        try await database.schema("sharing_agreements")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("key", .string, .required)
            .field("status", .string, .required)
            .field("parties", .string, .required)
            .field("partnerships", .string, .required)
            .field("agreement", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("data_requests")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("key", .string, .required)
            .field("partner_key", .string, .required)
            .field("due_by", .string, .required)
            .field("answered_on", .string)
            .field("request", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("interest_declarations")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("key", .string, .required)
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("declaration", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("digest_choices")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .unique(on: "workspace_id", "user_id")
            .create()
        try await database.schema("digests_sent")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("week", .string, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "workspace_id", "user_id", "week")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("digests_sent").delete()
        try await database.schema("interest_declarations").delete()
        try await database.schema("digest_choices").delete()
        try await database.schema("data_requests").delete()
        try await database.schema("sharing_agreements").delete()
    }
}
