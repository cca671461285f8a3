import ConveneDomain
import Fluent
import Foundation

/// A partnership's action log, filtered and a page at a time.
struct ActionLogModel {
    var context: PageContext
    var partnership: PartnershipRef
    var rows: [MeetingStore.ActionRow]
    var total: Int
    var filter: MeetingStore.ActionFilter
    var page: Int
    var today: Day
    var mayEdit: Bool

    static let perPage = 50

    static func load(
        _ partnership: PartnershipRecord, filter: MeetingStore.ActionFilter, page: Int,
        context: PageContext,
        in scope: Scope
    ) async throws -> ActionLogModel {
        let today = scope.now.today
        async let found = MeetingStore.actions(
            partnership: partnership, filter: filter, today: today, page: page,
            per: perPage, in: scope)
        async let mayEdit = MeetingAccess.mayEdit(partnership.key, context: context, in: scope)
        let (rows, total) = try await found
        return ActionLogModel(
            context: context, partnership: PartnershipRef(partnership), rows: rows, total: total,
            filter: filter, page: page, today: today, mayEdit: try await mayEdit)
    }
}

/// One action: where it came from, its updates, and the form to add one.
struct ActionPageModel {
    var context: PageContext
    var partnership: PartnershipRef
    var action: ActionItem
    var owner: String
    var meeting: MeetingRef?
    var itemTitle: String?
    var today: Day
    var mayEdit: Bool
    var errors: [FieldError] = []

    static func load(
        _ partnership: PartnershipRecord, _ record: ActionRecord, errors: [FieldError] = [],
        context: PageContext, in scope: Scope
    ) async throws -> ActionPageModel {
        let db = scope.db
        async let person = record.$ownerPerson.get(on: db)
        async let organisation = record.$ownerOrganisation.get(on: db)
        async let meeting = record.$meeting.get(on: db)
        async let item = record.$item.get(on: db)
        async let updates = MeetingStore.updates(of: record, in: scope)
        async let mayEdit = MeetingAccess.mayEdit(partnership.key, context: context, in: scope)
        let (m, i) = (try await meeting, try await item)
        let (ownerPerson, ownerOrganisation) = (try await person, try await organisation)
        let owner = ownerPerson?.name ?? ownerOrganisation?.name
        let value = record.domain(
            partnershipKey: partnership.key, meetingKey: m?.key,
            itemKey: i?.key,
            ownerPersonKey: nil, ownerOrganisationKey: nil, updates: try await updates)
        return ActionPageModel(
            context: context, partnership: PartnershipRef(partnership), action: value,
            owner: owner ?? "", meeting: m.map(MeetingRef.init), itemTitle: i?.title,
            today: scope.now.today, mayEdit: try await mayEdit, errors: errors)
    }
}

/// The form to add an action, to a meeting (and one of its items) or to the partnership as a whole.
struct ActionFormModel {
    var context: PageContext
    var partnership: PartnershipRef
    var input: ActionFormInput
    /// Who may own it: people as `person:KEY`, organisations as `organisation:KEY`.
    var owners: [(String, String)]
    /// The meeting's agenda items it may arise from: key and "N. title".
    var items: [(String, String)]
    var errors: [FieldError] = []

    static func load(
        _ partnership: PartnershipRecord, input: ActionFormInput, errors: [FieldError] = [],
        context: PageContext, in scope: Scope
    ) async throws -> ActionFormModel {
        async let choices = RecordChoices.load(in: scope)
        var items: [(String, String)] = []
        if let key = input.meeting, let meeting = try? await MeetingStore.meeting(key, of: partnership, in: scope) {
            items = try await AgendaItemRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID())
                .sort(\.$position).all().map { ($0.key, "\($0.position). \($0.title)") }
        }
        let c = try await choices
        let owners =
            c.persons.map { ("person:\($0.0)", $0.1) }
            + c.organisations.map { ("organisation:\($0.0)", "\($0.1) (organisation)") }
        return ActionFormModel(
            context: context, partnership: PartnershipRef(partnership), input: input, owners: owners,
            items: items, errors: errors)
    }
}

/// The calendar import form, and what an import did.
struct CalendarImportModel {
    var context: PageContext
    var partnership: PartnershipRef
    var errors: [FieldError] = []
}

struct CalendarImportedModel {
    var context: PageContext
    var partnership: PartnershipRef
    /// The name of the file imported.
    var name: String
    var result: MeetingBusiness.CalendarResult
}
