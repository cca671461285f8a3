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

    static var workspacePath: KeyPath<SupportCostRecord, ParentProperty<SupportCostRecord, WorkspaceRecord>> {
        \.$workspace
    }

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

    static var workspacePath: KeyPath<TriagePlanRecord, ParentProperty<TriagePlanRecord, WorkspaceRecord>> {
        \.$workspace
    }

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

    static var workspacePath: KeyPath<TriageChoiceRecord, ParentProperty<TriageChoiceRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}
