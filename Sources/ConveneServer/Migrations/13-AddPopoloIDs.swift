import Fluent

/// A record imported from a Popolo file whose id is not a Convene key keeps that id, so that the next import of the
/// file finds the record and an export writes the id back.
struct AddPopoloIDs: AsyncMigration {
    var name: String { "2026-12-20-add-popolo-ids" }

    static let tables = ["organisations", "persons", "partnerships", "memberships", "meetings"]

    func prepare(on database: Database) async throws {
        for table in Self.tables {
            try await database.schema(table).field("popolo_id", .string).update()
        }
    }

    func revert(on database: Database) async throws {
        for table in Self.tables {
            try await database.schema(table).deleteField("popolo_id").update()
        }
    }
}
