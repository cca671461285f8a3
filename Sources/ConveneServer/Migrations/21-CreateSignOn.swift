import Fluent

/// Single sign-on: the identities that sign users in, the providers' keys as last fetched, and invitations.
struct CreateSignOn: AsyncMigration {
    var name: String { "2026-12-27-create-sign-on" }

    func prepare(on database: Database) async throws {
        try await database.schema("user_identities")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("issuer", .string, .required)
            .field("subject", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "issuer", "subject")
            .create()
        try await database.schema("provider_keys")
            .id()
            .field("issuer", .string, .required)
            .field("jwks", .string, .required)
            .field("fetched_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "issuer")
            .create()
        try await database.schema("invitations")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("token_hash", .string, .required)
            .field("invited_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("invitations").delete()
        try await database.schema("provider_keys").delete()
        try await database.schema("user_identities").delete()
    }
}
