import Foundation
import SQLKit

/// Each workspace's data version: a number that every write to the workspace moves on, in the write's own
/// transaction (`Scope.transaction`), and that the request's principal carries (read with who is asking, at no
/// extra cost). What is worked out from a workspace's data (an analysis's page, a page's entity tag) is kept or
/// named against the version it was worked out at, and so is never served once a write has moved the version on, by
/// any instance. Writes to what every workspace shows (the geography, the guidance templates) move every
/// workspace's version on.
enum DataVersion {
    /// Moves one workspace's version on.
    static func bump(_ workspace: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE workspaces SET version = version + 1 WHERE id = \(bind: workspace)").run()
    }

    /// Moves every workspace's version on: for the data they all share.
    static func bumpAll(on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE workspaces SET version = version + 1").run()
    }
}
