import ConveneDomain
import Fluent
import Foundation

/// A funding stream: who gives the money, to whom, for which partnerships, by financial year. The amounts, the
/// partnerships and the reporting dates are kept as JSON, since they are always read and written with the stream.
final class FundingStreamRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "funding_streams"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "key") var key: String
    @OptionalField(key: "funder_key") var funderKey: String?
    @OptionalField(key: "funder_name") var funderName: String?
    @Field(key: "recipient_key") var recipientKey: String
    @Field(key: "partnership_keys") var partnershipKeys: String
    @Field(key: "purpose") var purpose: String
    @Field(key: "amounts") var amounts: String
    @OptionalField(key: "conditions") var conditions: String?
    @Field(key: "reporting_dates") var reportingDates: String
    @Field(key: "created_at") var createdAt: Date

    static var workspacePath: KeyPath<FundingStreamRecord, ParentProperty<FundingStreamRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    var domain: FundingStream {
        FundingStream(
            key: key, funder: Funder(organisationKey: funderKey, name: funderName), recipientKey: recipientKey,
            partnershipKeys: StoredJSON.read([String].self, partnershipKeys) ?? [], purpose: purpose,
            amounts: StoredJSON.read([FundingAmount].self, amounts) ?? [], conditions: conditions,
            reportingDates: StoredJSON.read([Day].self, reportingDates) ?? [])
    }

    /// Writes the stream's values into the record (its key is the record's own).
    func set(_ stream: FundingStream) {
        funderKey = stream.funder.organisationKey
        funderName = stream.funder.name
        recipientKey = stream.recipientKey
        partnershipKeys = StoredJSON.write(stream.partnershipKeys)
        purpose = stream.purpose
        amounts = StoredJSON.write(stream.amounts.sorted { $0.financialYear < $1.financialYear })
        conditions = stream.conditions
        reportingDates = StoredJSON.write(stream.reportingDates.sorted())
    }
}
