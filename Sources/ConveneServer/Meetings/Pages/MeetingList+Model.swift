import ConveneDomain
import Fluent
import Foundation

/// A partnership's meetings: those coming up, a page of past ones, its proposed items, and the form to propose one.
struct MeetingListModel {
    var context: PageContext
    var partnership: PartnershipRef
    var upcoming: [MeetingStore.Listed]
    var upcomingTotal: Int
    var past: [MeetingStore.Listed]
    var pastTotal: Int
    var page: Int
    var backlog: [BacklogItem]
    /// The choices of the propose-an-item form; empty for those who may not use it.
    var themes: [String] = []
    var persons: [(String, String)] = []
    var mayEdit: Bool
    var errors: [FieldError] = []
    var input = ItemFormInput()
    /// How many meetings a series just added.
    var scheduled: Int?

    static let upcomingShown = 12
    static let perPage = 20

    static func load(
        _ partnership: PartnershipRecord, page: Int, mayEdit: Bool, context: PageContext, in scope: Scope
    ) async throws -> MeetingListModel {
        let now = scope.now()
        async let upcoming = MeetingStore.meetings(
            of: partnership, upcoming: true, from: now, page: 1,
            per: upcomingShown,
            in: scope)
        async let past = MeetingStore.meetings(
            of: partnership, upcoming: false, from: now, page: page, per: perPage,
            in: scope)
        async let backlog = MeetingAccess.backlog(of: partnership, in: scope)
        let (u, p) = (try await upcoming, try await past)
        var model = MeetingListModel(
            context: context, partnership: PartnershipRef(partnership),
            upcoming: u.meetings, upcomingTotal: u.total, past: p.meetings, pastTotal: p.total,
            page: page, backlog: try await backlog, mayEdit: mayEdit)
        if model.mayEdit {
            async let themes = MeetingStore.themes(in: scope)
            async let persons = RecordChoices.load(in: scope).persons
            (model.themes, model.persons) = (try await themes, try await persons)
        }
        return model
    }
}
