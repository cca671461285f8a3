import ConveneDomain
import Foundation

/// One meeting: its agenda, attendance, actions and minutes.
struct MeetingPageModel {
    var context: PageContext
    var detail: MeetingDetail
    var today: Day
    var mayEdit: Bool

    static func load(
        _ partnership: PartnershipRecord, _ meeting: MeetingRecord, mayEdit: Bool, context: PageContext,
        in scope: Scope
    ) async throws -> MeetingPageModel {
        MeetingPageModel(
            context: context,
            detail: try await MeetingDetail.load(partnership: partnership, meeting: meeting, in: scope),
            today: scope.now.today, mayEdit: mayEdit)
    }
}
