import ConveneDomain
import Fluent
import Foundation

/// The form to schedule or change one meeting.
struct MeetingFormModel {
    var context: PageContext
    var partnership: PartnershipRef
    var input: MeetingFormInput
    /// The other partnerships it may be a joint meeting with: key and name.
    var others: [(String, String)]
    var errors: [FieldError] = []
    var action: String
    var title: String

    static func load(
        _ partnership: PartnershipRecord, input: MeetingFormInput, errors: [FieldError] = [],
        action: String,
        title: String, context: PageContext, in scope: Scope
    ) async throws -> MeetingFormModel {
        let others = try await PartnershipRecord.query(in: scope).filter(\.$key != partnership.key).sort(\.$name).all()
            .map { ($0.key, $0.name) }
        return MeetingFormModel(
            context: context, partnership: PartnershipRef(partnership), input: input,
            others: others,
            errors: errors, action: action, title: title)
    }
}

/// The form to schedule a series of meetings.
struct SeriesFormModel {
    var context: PageContext
    var partnership: PartnershipRef
    var input = SeriesFormInput()
    var errors: [FieldError] = []
}
