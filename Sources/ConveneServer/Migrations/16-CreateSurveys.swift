import Fluent

/// Surveys, their personal links and their responses.
struct CreateSurveys: AsyncMigration {
    var name: String { "2026-12-23-create-surveys" }

    func prepare(on database: Database) async throws {
        try await database.schema("surveys")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("key", .string, .required)
            .field("title", .string, .required)
            .field("introduction", .string)
            .field("anonymous", .bool, .required)
            .field("status", .string, .required)
            .field("closes_on", .string)
            .field("previous_key", .string)
            .field("questions", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("survey_links")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("survey_id", .uuid, .required, .references("surveys", "id"))
            .field("key", .string, .required)
            .field("person_id", .uuid, .references("persons", "id"))
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .field("recipient", .string, .required)
            .field("sector", .string)
            .field("secret_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "secret_hash")
            .unique(on: "survey_id", "key")
            .create()
        try await database.schema("survey_responses")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("survey_id", .uuid, .required, .references("surveys", "id"))
            .field("link_id", .uuid, .references("survey_links", "id"))
            .field("locator", .string)
            .field("source", .string)
            .field("sector", .string)
            .field("answers", .string, .required)
            .field("submitted", .bool, .required)
            .unique(on: "survey_id", "locator")
            .unique(on: "survey_id", "source")
            .create()
        try await Indexes.create(on: database, [("survey_responses", "survey_id"), ("survey_links", "survey_id")])
    }

    func revert(on database: Database) async throws {
        try await database.schema("survey_responses").delete()
        try await database.schema("survey_links").delete()
        try await database.schema("surveys").delete()
    }
}
