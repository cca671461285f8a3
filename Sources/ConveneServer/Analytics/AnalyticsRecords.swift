import ConveneDomain
import Fluent
import Foundation
import SQLKit

/// A workspace's setting that differs from its default (`AnalyticsSettings`): one row a key.
final class SettingRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "workspace_settings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "key") var key: String
    @Field(key: "value") var value: String

    static var workspacePath: KeyPath<SettingRecord, ParentProperty<SettingRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

/// Support a partnership's meetings need beyond its members: a secretariat, an analyst (`SupportCost`).
final class SupportCostRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "support_costs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @Field(key: "key") var key: String
    @Field(key: "label") var label: String
    @Field(key: "minutes_per_meeting") var minutesPerMeeting: Int
    @OptionalField(key: "salary") var salary: Int?

    static var workspacePath: KeyPath<SupportCostRecord, ParentProperty<SupportCostRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

/// A person's plan from triage: the capacity they chose, and per partnership what triage recommended and what they
/// chose (the same, or their override).
final class TriagePlanRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "triage_plans"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "person_id") var person: PersonRecord
    @Field(key: "capacity") var capacity: Int

    static var workspacePath: KeyPath<TriagePlanRecord, ParentProperty<TriagePlanRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

final class TriageChoiceRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "triage_choices"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "plan_id") var plan: TriagePlanRecord
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @Field(key: "recommended") var recommended: String
    @Field(key: "choice") var choice: String

    static var workspacePath: KeyPath<TriageChoiceRecord, ParentProperty<TriageChoiceRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

struct CreateAnalytics: AsyncMigration {
    var name: String { "2026-11-23-create-analytics" }

    func prepare(on database: Database) async throws {
        // For a person who was there for part of a meeting.
        try await database.schema("attendances").field("attended_minutes", .int).update()
        try await database.schema("workspace_settings")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("updated_at", .datetime)
            .field("key", .string, .required)
            .field("value", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("support_costs")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("key", .string, .required)
            .field("label", .string, .required)
            .field("minutes_per_meeting", .int, .required)
            .field("salary", .int)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("triage_plans")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("updated_at", .datetime)
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("capacity", .int, .required)
            .unique(on: "workspace_id", "person_id")
            .create()
        try await database.schema("triage_choices")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("plan_id", .uuid, .required, .references("triage_plans", "id"))
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("recommended", .string, .required)
            .field("choice", .string, .required)
            .unique(on: "plan_id", "partnership_id")
            .create()
    }

    func revert(on database: Database) async throws {
        for table in ["triage_choices", "triage_plans", "support_costs", "workspace_settings"] { try await database.schema(table).delete() }
        try await database.schema("attendances").deleteField("attended_minutes").update()
    }
}

/// The analyses read a workspace's meetings of a period: without this index the database walks every workspace's
/// meetings of that period (64,500 on the national generator) to find one workspace's 1,500.
struct CreateAnalysisIndexes: AsyncMigration {
    var name: String { "2026-11-23-analysis-indexes" }

    func prepare(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "meetings_workspace_starts_idx").on("meetings").column("workspace_id").column("starts_at").run()
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "meetings_workspace_starts_idx").run()
    }
}
