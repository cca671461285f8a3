import ConveneDomain
import Fluent
import Foundation
import SQLKit

/// The analyses read a workspace's meetings of a period: without this index the database walks every workspace's
/// meetings of that period (64,500 on the national generator) to find one workspace's 1,500.
struct CreateAnalysisIndexes: AsyncMigration {
    var name: String { "2026-11-23-analysis-indexes" }

    func prepare(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "meetings_workspace_starts_idx").on("meetings").column("workspace_id").column(
            "starts_at"
        ).run()
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "meetings_workspace_starts_idx").run()
    }
}
