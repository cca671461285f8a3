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
