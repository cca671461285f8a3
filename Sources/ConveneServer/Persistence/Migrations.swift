import Fluent
import Vapor

/// Every migration the register has shipped, in order. A shipped migration is never edited: add a new one.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(CreateRegister())
        app.migrations.add(CreateDefaultWorkspace())
        app.migrations.add(CreateAuditLog())
        app.migrations.add(CreateAccounts())
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(CreateGrantsAndWorkspaceKinds())
        app.migrations.add(CreateMeetingBusiness())
        app.migrations.add(CreateAnalytics())
        app.migrations.add(CreateAnalysisIndexes())
        app.migrations.add(CreateStrategies())
    }
}

/// Version 1 of the register's schema.
struct CreateRegister: AsyncMigration {
    var name: String { "2026-11-22-create-register" }

    func prepare(on database: Database) async throws {
        try await database.schema("workspaces")
            .id()
            .field("created_at", .datetime)
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("force_area_code", .string)
            .unique(on: "key")
            .create()
        // Areas are reference geography shared by every workspace; everything else belongs to one.
        try await database.schema("areas")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_code", .string)
            .unique(on: "code")
            .create()
        try await database.schema("area_links")
            .id()
            .field("district_code", .string, .required)
            .field("area_code", .string, .required)
            .field("share", .double)
            .unique(on: "district_code", "area_code")
            .create()
        try await database.schema("organisations")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("sector", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("persons")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("role_title", .string)
            .field("seniority", .string)
            .field("salary_band", .int)
            .field("public_office", .bool)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("partnerships")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("secretariat_id", .uuid, .references("organisations", "id"))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("status", .string, .required)
            .field("started_on", .string)
            .field("ended_on", .string)
            .field("statutory_basis", .string)
            .field("purpose", .string)
            .field("themes", .string, .required)
            .field("footprint", .string, .required)
            .field("pcc_roles", .string, .required)
            .field("meeting_frequency", .string)
            .field("force_area_code", .string)
            .field("is_demo", .bool, .required)
            .field("published_at", .datetime)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("memberships")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("person_id", .uuid, .references("persons", "id"))
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .field("represents_id", .uuid, .references("organisations", "id"))
            .field("substitute_id", .uuid, .references("persons", "id"))
            .field("key", .string, .required)
            .field("role", .string, .required)
            .field("voting_right", .bool, .required)
            .field("started_on", .string)
            .field("ended_on", .string)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("partnership_relations")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("from_id", .uuid, .required, .references("partnerships", "id"))
            .field("to_id", .uuid, .required, .references("partnerships", "id"))
            .field("kind", .string, .required)
            .unique(on: "from_id", "kind", "to_id")
            .create()
        try await database.schema("terms_of_reference")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("created_at", .datetime)
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("version", .int, .required)
            .field("purpose", .string)
            .field("quorum", .int)
            .field("meeting_frequency", .string)
            .field("approved_on", .string)
            .field("review_due", .string)
            .unique(on: "partnership_id", "version")
            .create()
        try await database.schema("meetings")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime)
            .field("status", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("attendances")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("substitute_for_id", .uuid, .references("persons", "id"))
            .field("status", .string, .required)
            .unique(on: "meeting_id", "person_id")
            .create()
        try await Indexes.create(on: database, [
            ("memberships", "partnership_id"), ("memberships", "person_id"), ("memberships", "organisation_id"),
            ("partnership_relations", "to_id"), ("partnerships", "name"), ("partnerships", "type"),
            ("partnerships", "status"), ("partnerships", "force_area_code"), ("persons", "organisation_id"),
            ("area_links", "area_code"), ("meetings", "partnership_id"), ("partnership_relations", "workspace_id"),
            ("terms_of_reference", "workspace_id"), ("attendances", "workspace_id"),
        ])
    }

    func revert(on database: Database) async throws {
        for table in ["attendances", "meetings", "terms_of_reference", "partnership_relations", "memberships",
                      "partnerships", "persons", "organisations", "area_links", "areas", "workspaces"] {
            try await database.schema(table).delete()
        }
    }
}

import SQLKit

enum Indexes {
    static func create(on database: Database, _ indexes: [(table: String, column: String)]) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in indexes {
            try await sql.create(index: "\(index.table)_\(index.column)_idx").on(index.table).column(index.column).run()
        }
    }
}
