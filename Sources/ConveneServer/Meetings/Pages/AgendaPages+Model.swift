import ConveneDomain
import Fluent
import Foundation

/// The agenda editor: the meeting's items, the partnership's proposed items and the form to add one.
struct AgendaEditorModel {
    var context: PageContext
    var detail: MeetingDetail
    var backlog: [BacklogItem]
    var themes: [String]
    var persons: [(String, String)]
    var input = ItemFormInput()
    var errors: [FieldError] = []

    static func load(
        _ partnership: PartnershipRecord, _ meeting: MeetingRecord, input: ItemFormInput = ItemFormInput(),
        errors: [FieldError] = [], context: PageContext,
        in scope: Scope
    ) async throws -> AgendaEditorModel {
        async let detail = MeetingDetail.load(partnership: partnership, meeting: meeting, in: scope)
        async let backlog = MeetingAccess.backlog(of: partnership, in: scope)
        async let themes = MeetingStore.themes(in: scope)
        async let persons = RecordChoices.load(in: scope).persons
        return AgendaEditorModel(
            context: context, detail: try await detail, backlog: try await backlog,
            themes: try await themes, persons: try await persons, input: input, errors: errors)
    }
}

/// An item on a meeting's agenda, as the item and decision forms name it.
struct AgendaItemPlace {
    var partnership: PartnershipRef
    var meeting: MeetingRef
    var itemKey: String
    var itemTitle: String

    init(partnership: PartnershipRef, meeting: MeetingRef, itemKey: String, itemTitle: String) {
        (self.partnership, self.meeting, self.itemKey, self.itemTitle) = (partnership, meeting, itemKey, itemTitle)
    }

    init(_ partnership: PartnershipRecord, _ meeting: MeetingRecord, _ item: AgendaItemRecord) {
        self.init(
            partnership: PartnershipRef(partnership), meeting: MeetingRef(meeting), itemKey: item.key,
            itemTitle: item.title)
    }
}

/// The form to change an agenda item and attach its papers.
struct ItemFormModel {
    var context: PageContext
    var place: AgendaItemPlace
    var input: ItemFormInput
    var themes: [String]
    var persons: [(String, String)]
    var errors: [FieldError] = []
    var paperTitle: String?
    var paperURL: String?

    static func load(
        _ place: AgendaItemPlace, input: ItemFormInput, errors: [FieldError] = [],
        paperTitle: String? = nil,
        paperURL: String? = nil, context: PageContext, in scope: Scope
    ) async throws -> ItemFormModel {
        async let themes = MeetingStore.themes(in: scope)
        async let persons = RecordChoices.load(in: scope).persons
        return ItemFormModel(
            context: context, place: place, input: input, themes: try await themes,
            persons: try await persons, errors: errors, paperTitle: paperTitle, paperURL: paperURL)
    }
}

/// The form to record the decision on an agenda item.
struct DecisionFormModel {
    var context: PageContext
    var place: AgendaItemPlace
    var input: MeetingPages.DecisionInput
    var errors: [FieldError] = []
}
