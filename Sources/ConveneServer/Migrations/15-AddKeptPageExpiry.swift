import Fluent

/// When a kept page stops being true by itself: a page that says what is upcoming holds until the next meeting starts,
/// whatever the data version.
struct AddKeptPageExpiry: AsyncMigration {
    var name: String { "2026-12-22-add-kept-page-expiry" }

    func prepare(on database: Database) async throws {
        try await database.schema("kept_pages").field("expires_at", .datetime).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("kept_pages").deleteField("expires_at").update()
    }
}
