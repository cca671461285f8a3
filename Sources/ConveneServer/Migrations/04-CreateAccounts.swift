import ConveneDomain
import Fluent
import Foundation
import Vapor

struct CreateAccounts: AsyncMigration {
    var name: String { "2026-11-22-create-accounts" }

    func prepare(on database: Database) async throws {
        try await database.schema("users")
            .id()
            .field("created_at", .datetime)
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .unique(on: "email")
            .create()
        try await database.schema("workspace_members")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("role", .string, .required)
            .unique(on: "user_id", "workspace_id")
            .create()
        try await database.schema("login_attempts")
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        try await database.schema("api_tokens")
            .id()
            .field("created_at", .datetime)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("role", .string, .required)
            .field("label", .string, .required)
            .field("token_hash", .string, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("setup_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await Indexes.create(
            on: database, [("login_attempts", "email"), ("login_attempts", "address"), ("login_attempts", "at")])
    }

    func revert(on database: Database) async throws {
        for table in ["setup_tokens", "api_tokens", "login_attempts", "workspace_members", "users"] {
            try await database.schema(table).delete()
        }
    }
}
