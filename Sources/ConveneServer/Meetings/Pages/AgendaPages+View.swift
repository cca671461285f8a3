import ConveneDomain
import Foundation
import Plot

enum AgendaEditorView {
    typealias Body = Node<HTML.BodyContext>

    static func render(_ model: AgendaEditorModel) -> Layout {
        let context = model.context
        let d = model.detail
        let form = Form(errors: model.errors)
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        let base = MeetingPath.meeting(pk, mk).href
        let title = "Agenda for \(d.meeting.name), \(MeetingParts.day(d.meeting.startsAt))"
        func moveButton(_ item: AgendaItem, _ move: String, _ label: String) -> Body {
            .postForm(
                action: MeetingPath.item(pk, mk, item: item.key, .move).href, context: context,
                .input(.type(.hidden), .name("move"), .value(move)),
                .button(
                    .type(.submit), .class("link-button"), .text(label),
                    .span(.class("visually-hidden"), .text(": \(item.title)"))))
        }
        return Layout(
            context: context, title: Form(errors: model.errors).title(title),
            breadcrumbs: MeetingParts.crumbs(d.partnership) + [(d.meeting.name, base)],
            content: .group(
                form.errorSummary(),
                .heading(
                    "Build the agenda",
                    caption: "\(d.meeting.name), \(WallClock.describe(d.meeting.startsAt, d.meeting.endsAt))"),
                .p(
                    .text("\(d.plannedMinutes) minutes planned"),
                    .unwrap(d.meeting.durationMinutes) { .text(" of \($0)") },
                    .text(".")),
                .unwrap(d.overrun) {
                    .div(
                        .class("warning-text"),
                        .strong(.text("Warning: the agenda overruns the meeting by \($0) minutes.")))
                },
                .p(
                    .text(
                        "Open actions from earlier meetings appear on the agenda as matters arising without "
                            + "being added here.")),
                d.items.isEmpty
                    ? .p(.text("No items yet."))
                    : Components.table(
                        caption: "Items",
                        headers: [
                            .text("No."), .text("Item"), .text("Minutes"),
                            .span(.class("visually-hidden"), .text("Changes"))
                        ],
                        rows: d.items.enumerated().map { index, row in
                            let item = row.item
                            return [
                                .text("\(item.position)"),
                                .group(
                                    .text(item.title), .br(),
                                    .span(
                                        .class("body-s"),
                                        .text(item.kind.label + (row.presenter.map { ", \($0.name)" } ?? "")))),
                                Components.text(item.durationMinutes.map(String.init), empty: "–"),
                                .div(
                                    .class("item-actions"),
                                    .a(
                                        .href(MeetingPath.item(pk, mk, item: item.key, .edit).href), .text("Change"),
                                        .span(.class("visually-hidden"), .text(": \(item.title)"))),
                                    .if(index > 0, moveButton(item, "up", "Move up")),
                                    .if(index < d.items.count - 1, moveButton(item, "down", "Move down")),
                                    moveButton(item, "backlog", "Back to proposed items"),
                                    moveButton(item, "remove", "Remove"))
                            ]
                        }),
                .if(
                    !model.backlog.isEmpty,
                    .group(
                        .h2(.text("Proposed items")),
                        Components.table(
                            caption: "Proposed items",
                            headers: [.text("Item"), .span(.class("visually-hidden"), .text("Add"))],
                            rows: model.backlog.map { item in
                                [
                                    .text(item.title),
                                    .postForm(
                                        action: MeetingPath.item(pk, mk, item: item.key, .schedule).href,
                                        context: context,
                                        .button(
                                            .type(.submit), .class("link-button"), .text("Put on this agenda"),
                                            .span(.class("visually-hidden"), .text(": \(item.title)"))))
                                ]
                            }, captionVisible: false))),
                .h2(.id("add-item"), .text("Add an item")),
                .postForm(
                    action: MeetingPath.meeting(pk, mk, .agenda).href, context: context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    MeetingParts.itemFields(form, model.input, themes: model.themes, persons: model.persons),
                    .button(.type(.submit), .class("button"), .text("Add the item"))),
                .p(.a(.href(base), .text("Back to the meeting")))
            ))
    }
}

enum ItemFormView {
    static func render(_ model: ItemFormModel) -> Layout {
        let context = model.context
        let place = model.place
        let form = Form(errors: model.errors)
        let (pk, mk, ik) = (place.partnership.key, place.meeting.key, place.itemKey)
        let base = MeetingPath.meeting(pk, mk).href
        let agenda = MeetingPath.meeting(pk, mk, .agenda).href
        return Layout(
            context: context, title: Form(errors: model.errors).title("Change an item"),
            breadcrumbs: MeetingParts.crumbs(place.partnership) + [
                (place.meeting.name, base),
                (
                    "Agenda",
                    agenda
                )
            ],
            content: .group(
                form.errorSummary(),
                .heading("Change an item", caption: place.itemTitle),
                .postForm(
                    action: MeetingPath.item(pk, mk, item: ik, .edit).href, context: context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    MeetingParts.itemFields(form, model.input, themes: model.themes, persons: model.persons),
                    .button(.type(.submit), .class("button"), .text("Save")),
                    .a(.href(agenda), .class("button button--secondary"), .text("Cancel"))),
                .h2(.id("papers"), .text("Papers")),
                .postForm(
                    action: MeetingPath.item(pk, mk, item: ik, .papers).href, context: context,
                    .attribute(named: "enctype", value: "multipart/form-data"),
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.textInput(
                        "paper_title", "Paper title", model.paperTitle,
                        hint: "Leave empty to use the file's name"),
                    form.fileInput(
                        "file", "File",
                        hint: "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG, up to 10 MB",
                        accept: ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.csv,.txt,.png,.jpg,.jpeg"),
                    form.textInput(
                        "url", "Or a link to the paper", model.paperURL, hint: "Starting https://", type: .url),
                    .button(.type(.submit), .class("button button--secondary"), .text("Attach the paper")))))
    }
}

enum DecisionFormView {
    static func render(_ model: DecisionFormModel) -> Layout {
        let context = model.context
        let place = model.place
        let form = Form(errors: model.errors)
        let (pk, mk) = (place.partnership.key, place.meeting.key)
        let base = MeetingPath.meeting(pk, mk).href
        return Layout(
            context: context,
            title: Form(errors: model.errors).title("Record the decision"),
            breadcrumbs: MeetingParts.crumbs(place.partnership) + [(place.meeting.name, base)],
            content: .group(
                form.errorSummary(),
                .heading("Record the decision", caption: place.itemTitle),
                .postForm(
                    action: MeetingPath.item(pk, mk, item: place.itemKey, .decision).href, context: context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.textArea(
                        "decision", "What the board decided", model.input.decision,
                        hint: "Leave empty to clear the decision"),
                    form.textArea("rationale", "Why", model.input.rationale),
                    .button(.type(.submit), .class("button"), .text("Save")),
                    .a(.href(base), .class("button button--secondary"), .text("Cancel")))))
    }
}
