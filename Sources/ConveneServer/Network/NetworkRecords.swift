import ConveneDomain
import Fluent
import Foundation

/// The partnership lead a workspace names for the network's directory (`PartnershipLead`, as JSON): one a workspace.
final class NetworkLeadRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "network_leads"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "lead") var lead: String
    @Field(key: "updated_at") var updatedAt: Date

    static var workspacePath: KeyPath<NetworkLeadRecord, ParentProperty<NetworkLeadRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    var domain: PartnershipLead? { StoredJSON.read(PartnershipLead.self, lead) }
}

/// A template a workspace shares with the network (`LibraryItem`, as JSON), as it stood when shared.
final class LibraryItemRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "library_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "key") var key: String
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "item") var item: String
    @Field(key: "shared_at") var sharedAt: Date

    static var workspacePath: KeyPath<LibraryItemRecord, ParentProperty<LibraryItemRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    var domain: LibraryItem? { StoredJSON.read(LibraryItem.self, item) }
}
