import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Partnerships given to secretariat users, and the kind of each workspace (existing ones are force areas).
struct CreateGrantsAndWorkspaceKinds: AsyncMigration {
    var name: String { "2026-11-23-create-grants-and-workspace-kinds" }

    func prepare(on database: Database) async throws {
        try await database.schema("workspaces")
            .field("kind", .string, .required, .sql(.default(WorkspaceKind.forceArea.rawValue)))
            .update()
        try await database.schema("partnership_grants")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .unique(on: "user_id", "partnership_id")
            .create()
        try await Indexes.create(on: database, [("partnership_grants", "partnership_id")])
    }

    func revert(on database: Database) async throws {
        try await database.schema("partnership_grants").delete()
        try await database.schema("workspaces").deleteField("kind").update()
    }
}
