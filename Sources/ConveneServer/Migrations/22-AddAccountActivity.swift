import Fluent

/// When a user was last active (signed in or used the API, written at most once a day), and a role in a workspace
/// suspended: kept, but signing in to that workspace and its tokens stop working.
struct AddAccountActivity: AsyncMigration {
    var name: String { "2026-12-28-add-account-activity" }

    func prepare(on database: Database) async throws {
        try await database.schema("users").field("last_active_at", .datetime).update()
        try await database.schema("workspace_members").field("suspended_at", .datetime).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("workspace_members").deleteField("suspended_at").update()
        try await database.schema("users").deleteField("last_active_at").update()
    }
}
