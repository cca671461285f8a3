import Fluent

struct CreateProgressReports: AsyncMigration {
    var name: String { "2026-12-06-create-progress-reports" }

    func prepare(on database: Database) async throws {
        try await database.schema(ProgressReportRecord.schema)
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("year_start", .int, .required)
            .field("made_at", .datetime, .required)
            .field("made_by", .string, .required)
            .field("data_version", .string, .required)
            .field("html", .string, .required)
            .field("pdf", .data)
            .unique(on: "workspace_id", "key")
            .create()
        try await Indexes.create(on: database, [(ProgressReportRecord.schema, "partnership_id")])
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProgressReportRecord.schema).delete()
    }
}
