import ConveneDomain
import Foundation

/// One meeting: its agenda (with the declared interests its items touch), attendance, actions and minutes.
struct MeetingPageModel {
    var context: PageContext
    var detail: MeetingDetail
    var today: Day
    var mayEdit: Bool
    var interests: MeetingInterests

    static func load(
        _ partnership: PartnershipRecord, _ meeting: MeetingRecord, mayEdit: Bool, context: PageContext,
        in scope: Scope
    ) async throws -> MeetingPageModel {
        let detail = try await MeetingDetail.load(partnership: partnership, meeting: meeting, in: scope)
        return MeetingPageModel(
            context: context, detail: detail, today: scope.now.today, mayEdit: mayEdit,
            interests: try await MeetingInterests.load(detail, meeting: meeting, in: scope))
    }
}
