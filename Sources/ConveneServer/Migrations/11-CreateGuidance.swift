import ConveneDomain
import Fluent
import Foundation

/// National guidance as templates (shared by every workspace, as the reference geography is), the evidence each
/// partnership keeps against their steps, and the guidance Convene ships, loaded here on the first run.
struct CreateGuidance: AsyncMigration {
    var name: String { "2026-12-06-create-guidance" }

    func prepare(on database: Database) async throws {
        try await database.schema("guidance_templates")
            .id()
            .field("created_at", .datetime)
            .field("key", .string, .required)
            .field("version", .int, .required)
            .field("title", .string, .required)
            .field("partnership_type", .string, .required)
            .field("published_on", .string, .required)
            .field("source", .string)
            .field("steps", .string, .required)
            .unique(on: "key", "version")
            .create()
        try await database.schema("guidance_evidence")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .string, .required)
            .field("key", .string, .required)
            .field("template_key", .string, .required)
            .field("step_key", .string, .required)
            .field("occurrence", .int, .required)
            .field("paper_key", .string)
            .field("url", .string)
            .field("file_name", .string)
            .field("content_type", .string)
            .field("size", .int)
            .field("sha256", .string)
            .field("evidence_on", .string)
            .field("confirmed_by", .string)
            .field("note", .string)
            .field("marks_done", .bool, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("guidance_evidence_files")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("evidence_id", .uuid, .required, .references("guidance_evidence", "id"))
            .field("data", .data, .required)
            .create()
        try await Indexes.create(on: database, [("guidance_evidence", "partnership_id")])
        for template in try GuidanceTemplateFile.shipped() {
            try await GuidanceTemplateRecord(template).create(on: database)
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("guidance_evidence_files").delete()
        try await database.schema("guidance_evidence").delete()
        try await database.schema("guidance_templates").delete()
    }
}
