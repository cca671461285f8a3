import ConveneDomain
import Fluent
import Foundation

/// The attendance register of one meeting, as stored or as posted.
struct AttendanceFormModel {
    var context: PageContext
    var detail: MeetingDetail
    /// The form as posted, shown again when it had errors; nil shows what is stored.
    var posted: [String: String]?
    var persons: [(String, String)]
    var errors: [FieldError] = []

    static func load(
        _ detail: MeetingDetail, posted: [String: String]? = nil, errors: [FieldError] = [],
        context: PageContext, in scope: Scope
    ) async throws -> AttendanceFormModel {
        AttendanceFormModel(
            context: context, detail: detail, posted: posted,
            persons: try await RecordChoices.load(in: scope).persons, errors: errors)
    }
}

/// The minutes of one meeting: the draft, approving, locking and addenda.
struct MinutesFormModel {
    var context: PageContext
    var detail: MeetingDetail
    var text: String?
    /// This meeting and the next few of the partnership, which the minutes may be approved at.
    var laterMeetings: [MeetingRef]
    var today: Day
    var errors: [FieldError] = []

    static func load(
        _ partnership: PartnershipRecord, _ meeting: MeetingRecord, text: String? = nil,
        errors: [FieldError] = [], context: PageContext,
        in scope: Scope
    ) async throws -> MinutesFormModel {
        async let detail = MeetingDetail.load(partnership: partnership, meeting: meeting, in: scope)
        async let later = MeetingRecord.query(in: scope).filter(\.$partnership.$id == meeting.$partnership.id)
            .filter(\.$startsAt >= meeting.startsAt).filter(\.$status != MeetingStatus.cancelled.rawValue)
            .sort(\.$startsAt).limit(6).all()
        return MinutesFormModel(
            context: context, detail: try await detail, text: text,
            laterMeetings: try await later.map(MeetingRef.init), today: scope.now.today,
            errors: errors)
    }
}
