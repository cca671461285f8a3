import ConveneDomain
import Fluent

/// Local indicators, measurements with their revisions, targets, performance frameworks and funding streams; and the
/// shipped guidance templates a database does not have yet (version 2 of the CDP guidance, whose "performance
/// framework" step has a rule).
struct CreateOutcomes: AsyncMigration {
    var name: String { "2026-12-24-create-outcomes" }

    func prepare(on database: Database) async throws {
        try await database.schema("indicators")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("key", .string, .required)
            .field("indicator", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("measurements")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("indicator_key", .string, .required)
            .field("area_code", .string, .required)
            .field("period", .string, .required)
            .field("revision", .int, .required)
            .field("value", .double, .required)
            .field("numerator", .double)
            .field("denominator", .double)
            .field("published_on", .string)
            .field("source", .string)
            .field("received_at", .datetime, .required)
            .field("received_by", .string, .required)
            .unique(on: "workspace_id", "indicator_key", "area_code", "period", "revision")
            .create()
        try await database.schema("indicator_targets")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("indicator_key", .string, .required)
            .field("area_code", .string, .required)
            .field("period", .string, .required)
            .field("value", .double, .required)
            .unique(on: "workspace_id", "indicator_key", "area_code", "period")
            .create()
        try await database.schema("performance_frameworks")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("area_code", .string, .required)
            .field("comparison_area_code", .string)
            .field("entries", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "partnership_id")
            .create()
        try await database.schema("funding_streams")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("key", .string, .required)
            .field("funder_key", .string)
            .field("funder_name", .string)
            .field("recipient_key", .string, .required)
            .field("partnership_keys", .string, .required)
            .field("purpose", .string, .required)
            .field("amounts", .string, .required)
            .field("conditions", .string)
            .field("reporting_dates", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "workspace_id", "key")
            .create()
        let kept = try await GuidanceTemplateRecord.query(on: database).all().map { "\($0.key)@\($0.version)" }
        for template in try GuidanceTemplateFile.shipped() where !kept.contains("\(template.key)@\(template.version)") {
            try await GuidanceTemplateRecord(template).create(on: database)
        }
    }

    func revert(on database: Database) async throws {
        for table in ["funding_streams", "performance_frameworks", "indicator_targets", "measurements", "indicators"] {
            try await database.schema(table).delete()
        }
    }
}
