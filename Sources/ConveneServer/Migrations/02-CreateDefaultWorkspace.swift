import ConveneDomain
import Fluent
import Foundation
import SQLKit
import Vapor

/// Creates the default workspace; a data migration, so a fresh database is usable at once.
/// It writes the row with SQL, not the model: the model has columns that later migrations add.
struct CreateDefaultWorkspace: AsyncMigration {
    var name: String { "2026-11-22-create-default-workspace" }

    func prepare(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.insert(into: WorkspaceRecord.schema)
            .columns("id", "created_at", "key", "name")
            .values(
                SQLBind(UUID()), SQLBind(Now.system()), SQLBind(WorkspaceRecord.defaultKey),
                SQLBind("This office's register")
            )
            .run()
    }

    func revert(on database: Database) async throws {
        try await WorkspaceRecord.query(on: database).filter(\.$key == WorkspaceRecord.defaultKey).delete()
    }
}
