import ConveneDomain
import Foundation

/// One meeting: its agenda, attendance, actions and minutes.
struct MeetingPageModel {
    var context: PageContext
    var detail: MeetingDetail
    var today: Day
    var mayEdit: Bool

    static func load(
        _ partnership: PartnershipRecord, _ meeting: MeetingRecord, context: PageContext,
        in scope: Scope
    ) async throws -> MeetingPageModel {
        async let detail = MeetingDetail.load(partnership: partnership, meeting: meeting, in: scope)
        async let mayEdit = MeetingAccess.mayEdit(partnership.key, context: context, in: scope)
        return MeetingPageModel(
            context: context, detail: try await detail, today: scope.now.today,
            mayEdit: try await mayEdit)
    }
}
