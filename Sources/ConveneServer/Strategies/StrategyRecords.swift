import ConveneDomain
import Fluent
import Foundation

/// A strategy of a partnership or an organisation: the Police and Crime Plan is the OPCC's (`Strategy`).
final class StrategyRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "strategies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalParent(key: "owner_partnership_id") var ownerPartnership: PartnershipRecord?
    @OptionalParent(key: "owner_organisation_id") var ownerOrganisation: OrganisationRecord?
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    @OptionalField(key: "starts_on") var startsOn: String?
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "document_url") var documentURL: String?

    static var workspacePath: KeyPath<StrategyRecord, ParentProperty<StrategyRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

/// One of a strategy's priorities, with the Police and Crime Plan priorities and national framework objectives it
/// carries (by key: a list column, as partnerships' themes are).
final class PriorityRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "priorities"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "strategy_id") var strategy: StrategyRecord
    @Field(key: "key") var key: String
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @OptionalField(key: "theme") var theme: String?
    @Field(key: "measures") var measures: String
    @Field(key: "plan_priority_keys") var planPriorityKeys: String
    @Field(key: "framework_objective_keys") var frameworkObjectiveKeys: String

    static var workspacePath: KeyPath<PriorityRecord, ParentProperty<PriorityRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

struct CreateStrategies: AsyncMigration {
    var name: String { "2026-11-23-create-strategies" }

    func prepare(on database: Database) async throws {
        try await database.schema("strategies")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("updated_at", .datetime)
            .field("owner_partnership_id", .uuid, .references("partnerships", "id"))
            .field("owner_organisation_id", .uuid, .references("organisations", "id"))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("document_url", .string)
            .unique(on: "workspace_id", "key")
            .create()
        try await database.schema("priorities")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("strategy_id", .uuid, .required, .references("strategies", "id"))
            .field("key", .string, .required)
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("theme", .string)
            .field("measures", .string, .required)
            .field("plan_priority_keys", .string, .required)
            .field("framework_objective_keys", .string, .required)
            .unique(on: "workspace_id", "key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("priorities").delete()
        try await database.schema("strategies").delete()
    }
}
