import Fluent

/// Reviews of the partnership system and their recommendations.
struct CreateReviews: AsyncMigration {
    var name: String { "2026-12-23-create-reviews" }

    func prepare(on database: Database) async throws {
        try await database.schema("reviews")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("key", .string, .required)
            .field("title", .string, .required)
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("partnership_keys", .string)
            .field("survey_key", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("published_at", .datetime)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("review_recommendations")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("review_id", .uuid, .required, .references("reviews", "id"))
            .field("partnership_key", .string, .required)
            .field("position", .int, .required)
            .field("proposed", .string, .required)
            .field("proposed_with", .string)
            .field("reasons", .string, .required)
            .field("measures", .string, .required)
            .field("decided", .string)
            .field("decided_with", .string)
            .field("rationale", .string)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .unique(on: "review_id", "partnership_key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("review_recommendations").delete()
        try await database.schema("reviews").delete()
    }
}
