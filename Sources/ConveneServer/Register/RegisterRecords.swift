import ConveneDomain
import Fluent
import Foundation

// Fluent models: one per table, read like table definitions. Column names are snake_case.
// Calendar dates are stored as ISO `yyyy-mm-dd` text (sorts correctly on both databases);
// short lists as `;a;b;` text, so that a filter is a portable LIKE '%;a;%'.

final class AreaRecord: Model, @unchecked Sendable {
    static let schema = "areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "parent_code") var parentCode: String?

    init() {}
}

final class AreaLinkRecord: Model, @unchecked Sendable {
    static let schema = "area_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "district_code") var districtCode: String
    @Field(key: "area_code") var areaCode: String
    @OptionalField(key: "share") var share: Double?

    init() {}
}

final class OrganisationRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @Field(key: "sector") var sector: String
    /// The id a Popolo file gave the record, when it is not its key; exports write it back.
    @OptionalField(key: "popolo_id") var popoloID: String?

    static var workspacePath: KeyPath<OrganisationRecord, ParentProperty<OrganisationRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

final class PersonRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "persons"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalParent(key: "organisation_id") var organisation: OrganisationRecord?
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @OptionalField(key: "role_title") var roleTitle: String?
    @OptionalField(key: "seniority") var seniority: String?
    @OptionalField(key: "salary_band") var salaryBand: Int?
    /// A PCC, Deputy PCC or Deputy Mayor whom the public pages may name; everyone else stays private.
    @OptionalField(key: "public_office") var publicOffice: Bool?
    /// The id a Popolo file gave the record, when it is not its key; exports write it back.
    @OptionalField(key: "popolo_id") var popoloID: String?

    static var workspacePath: KeyPath<PersonRecord, ParentProperty<PersonRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

final class PartnershipRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "partnerships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalParent(key: "secretariat_id") var secretariat: OrganisationRecord?
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @Field(key: "type") var type: String
    @Field(key: "status") var status: String
    @OptionalField(key: "started_on") var startedOn: String?
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "statutory_basis") var statutoryBasis: String?
    @OptionalField(key: "purpose") var purpose: String?
    @Field(key: "themes") var themes: String
    @Field(key: "footprint") var footprint: String
    @Field(key: "pcc_roles") var pccRoles: String
    @OptionalField(key: "meeting_frequency") var meetingFrequency: String?
    @OptionalField(key: "force_area_code") var forceAreaCode: String?
    @Field(key: "is_demo") var isDemo: Bool
    /// Published partnerships appear on the public pages; nothing else does.
    @OptionalField(key: "published_at") var publishedAt: Date?
    /// The id a Popolo file gave the record, when it is not its key; exports write it back.
    @OptionalField(key: "popolo_id") var popoloID: String?

    static var workspacePath: KeyPath<PartnershipRecord, ParentProperty<PartnershipRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

final class MembershipRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @OptionalParent(key: "person_id") var person: PersonRecord?
    @OptionalParent(key: "organisation_id") var organisation: OrganisationRecord?
    @OptionalParent(key: "represents_id") var represents: OrganisationRecord?
    @OptionalParent(key: "substitute_id") var substitute: PersonRecord?
    @Field(key: "key") var key: String
    @Field(key: "role") var role: String
    @Field(key: "voting_right") var votingRight: Bool
    @OptionalField(key: "started_on") var startedOn: String?
    @OptionalField(key: "ended_on") var endedOn: String?
    /// The id a Popolo file gave the record, when it is not its key; exports write it back.
    @OptionalField(key: "popolo_id") var popoloID: String?

    static var workspacePath: KeyPath<MembershipRecord, ParentProperty<MembershipRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

final class RelationRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "partnership_relations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "from_id") var from: PartnershipRecord
    @Parent(key: "to_id") var to: PartnershipRecord
    @Field(key: "kind") var kind: String

    static var workspacePath: KeyPath<RelationRecord, ParentProperty<RelationRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

final class TermsOfReferenceRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "terms_of_reference"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @Field(key: "version") var version: Int
    @OptionalField(key: "purpose") var purpose: String?
    @OptionalField(key: "quorum") var quorum: Int?
    @OptionalField(key: "meeting_frequency") var meetingFrequency: String?
    @OptionalField(key: "approved_on") var approvedOn: String?
    @OptionalField(key: "review_due") var reviewDue: String?

    static var workspacePath: KeyPath<TermsOfReferenceRecord, ParentProperty<TermsOfReferenceRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// `[a, b]` ⇄ `;a;b;` (empty list ⇄ empty text).
enum ListColumn {
    static func encode(_ items: [String]) -> String {
        items.isEmpty ? "" : ";" + items.joined(separator: ";") + ";"
    }

    /// Split on the bytes of ";" (ASCII, so never inside another character), not on characters: it is read for
    /// every agenda item an analysis reads.
    static func decode(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: ";")).map { String(text[$0.startIndex..<$0.endIndex]) }
    }
}
