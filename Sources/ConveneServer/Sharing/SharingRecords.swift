import ConveneDomain
import Fluent
import Foundation

/// A data-sharing agreement, kept whole as JSON beside the fields it is looked up by: its key, its status and its
/// parties (as text "|police|council|", for "whose agreements" on a party's page).
final class AgreementRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "sharing_agreements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "key") var key: String
    @Field(key: "status") var status: String
    @Field(key: "parties") var parties: String
    @Field(key: "partnerships") var partnerships: String
    @Field(key: "agreement") var agreement: String
    @Field(key: "created_at") var createdAt: Date

    static var workspacePath: KeyPath<AgreementRecord, ParentProperty<AgreementRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    var domain: DataSharingAgreement? { StoredJSON.read(DataSharingAgreement.self, agreement) }

    func set(_ a: DataSharingAgreement) {
        status = a.status.rawValue
        parties = Self.bars(a.partyKeys)
        partnerships = Self.bars(a.partnershipKeys)
        agreement = StoredJSON.write(a)
    }

    /// Keys between bars, so that a key is found with LIKE '%|key|%'.
    static func bars(_ keys: [String]) -> String { "|" + keys.joined(separator: "|") + "|" }
}

/// A request for data made of a partner.
final class DataRequestRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "data_requests"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "key") var key: String
    @Field(key: "partner_key") var partnerKey: String
    @Field(key: "due_by") var dueBy: String
    @OptionalField(key: "answered_on") var answeredOn: String?
    @Field(key: "request") var request: String
    @Field(key: "created_at") var createdAt: Date

    static var workspacePath: KeyPath<DataRequestRecord, ParentProperty<DataRequestRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    var domain: DataRequest? { StoredJSON.read(DataRequest.self, request) }

    func set(_ r: DataRequest) {
        partnerKey = r.partnerKey
        dueBy = r.dueBy.description
        answeredOn = r.answeredOn?.description
        request = StoredJSON.write(r)
    }
}

/// A person's declared interest, kept once in the workspace and shown on every partnership they sit on.
final class InterestRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "interest_declarations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "key") var key: String
    @Parent(key: "person_id") var person: PersonRecord
    @Field(key: "declaration") var declaration: String
    @Field(key: "created_at") var createdAt: Date

    static var workspacePath: KeyPath<InterestRecord, ParentProperty<InterestRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    var domain: InterestDeclaration? { StoredJSON.read(InterestDeclaration.self, declaration) }
}

/// A declaration of interest made at a meeting (`MeetingDeclaration`), part of its minutes.
final class MeetingDeclarationRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "meeting_declarations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "key") var key: String
    @Parent(key: "meeting_id") var meeting: MeetingRecord
    @Parent(key: "person_id") var person: PersonRecord
    @Field(key: "declaration") var declaration: String
    @Field(key: "created_at") var createdAt: Date

    static var workspacePath:
        KeyPath<MeetingDeclarationRecord, ParentProperty<MeetingDeclarationRecord, WorkspaceRecord>>
    {
        \.$workspace
    }

    init() {}

    var domain: MeetingDeclaration? { StoredJSON.read(MeetingDeclaration.self, declaration) }
}
