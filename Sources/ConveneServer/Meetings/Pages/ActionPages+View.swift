import ConveneDomain
import Foundation
import Plot

enum ActionLogView {
    static func render(_ model: ActionLogModel) -> Layout {
        let context = model.context
        let p = model.partnership
        let filter = model.filter
        let pages = max(1, (model.total + ActionLogModel.perPage - 1) / ActionLogModel.perPage)
        return Layout(
            context: context, title: "Action log of \(p.name)",
            breadcrumbs: Array(MeetingParts.crumbs(p).dropLast()),
            isDemo: p.isDemo,
            content: .group(
                .heading("Action log", caption: p.name),
                .if(
                    model.mayEdit,
                    .a(.href(MeetingPath.newAction(p.key).href), .class("button"), .text("Add an action"))),
                MeetingParts.actionFilters(filter) { MeetingPath.actions(p.key).href(["show": $0.rawValue]) },
                MeetingParts.actionRows(
                    "\(model.total) actions: \(filter.label.lowercased())", model.rows,
                    today: model.today,
                    showPartnership: false),
                Components.pagination(page: model.page, pages: pages) {
                    MeetingPath.actions(p.key).href(["show": filter.rawValue, "page": String($0)])
                }))
    }
}

enum ActionPageView {
    static func render(_ model: ActionPageModel) -> Layout {
        let context = model.context
        let p = model.partnership
        let a = model.action
        let today = model.today
        let form = Form(errors: model.errors)
        let from: Node<HTML.BodyContext> =
            model.meeting.map { m in
                .group(
                    .a(
                        .href(MeetingPath.meeting(p.key, m.key).href),
                        .text("\(m.name), \(MeetingParts.day(m.startsAt))")),
                    .unwrap(model.itemTitle) { .text(", item: \($0)") })
            } ?? Components.text(nil, empty: "Not from a meeting")
        return Layout(
            context: context, title: Form(errors: model.errors).title(a.title),
            breadcrumbs: Array(MeetingParts.crumbs(p).dropLast()) + [
                (
                    "Action log",
                    MeetingPath.actions(p.key).href
                )
            ],
            isDemo: p.isDemo,
            content: .group(
                form.errorSummary(),
                .heading(a.title, caption: "Action of \(p.name)"),
                .p(MeetingParts.actionStatusTag(a, today: today)),
                Components.summaryList([
                    ("Owner", .text(model.owner)),
                    ("Raised", .text(a.raisedOn.longDescription)),
                    ("Due", Components.text(a.dueOn?.longDescription, empty: "No date")),
                    ("Status", .text(a.status.label + (a.isOverdue(on: today) ? " (overdue)" : ""))),
                    ("From", from)
                ]),
                .h2(.text("Updates")),
                a.updates.isEmpty
                    ? .p(.text("No updates yet."))
                    : .ul(
                        .class("list"),
                        .forEach(a.updates.reversed()) { u in
                            .li(
                                .strong(.text(u.on.longDescription + ": ")), .text(u.text),
                                .unwrap(u.status) { .text(" (now \($0.label.lowercased()))") })
                        }),
                .if(
                    model.mayEdit,
                    .postForm(
                        action: MeetingPath.actionUpdates(p.key, a.key).href, context: context,
                        .attribute(named: "novalidate", value: "novalidate"),
                        form.textArea("text", "Update", nil, hint: "What has happened, dated today"),
                        form.select(
                            "status", "Status", a.status.rawValue,
                            ActionStatus.allCases.map {
                                (
                                    $0.rawValue,
                                    $0.label
                                )
                            }),
                        .button(.type(.submit), .class("button"), .text("Add the update"))))))
    }
}

enum ActionFormView {
    static func render(_ model: ActionFormModel) -> Layout {
        let context = model.context
        let p = model.partnership
        let input = model.input
        let form = Form(errors: model.errors)
        return Layout(
            context: context, title: Form(errors: model.errors).title("Add an action"),
            breadcrumbs: MeetingParts.crumbs(p),
            content: .group(
                form.errorSummary(),
                .heading("Add an action", caption: p.name),
                .postForm(
                    action: MeetingPath.newAction(p.key).href, context: context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    .unwrap(input.meeting) { .input(.type(.hidden), .name("meeting"), .value($0)) },
                    form.textArea("title", "What is to be done", input.title),
                    form.select(
                        "owner", "Owner", input.owner, model.owners, blank: "Choose a person or an organisation"),
                    form.textInput("due_on", "Due date", input.dueOn, hint: "For example, 2026-04-30", short: true),
                    .if(
                        !model.items.isEmpty,
                        form.select(
                            "item_key", "Arising from item", input.itemKey, model.items,
                            blank: "The meeting as a whole")),
                    .button(.type(.submit), .class("button"), .text("Add the action")),
                    .a(.href(MeetingPath.actions(p.key).href), .class("button button--secondary"), .text("Cancel")))))
    }
}

enum CalendarImportView {
    static func render(_ model: CalendarImportModel) -> Layout {
        let context = model.context
        let p = model.partnership
        let form = Form(errors: model.errors)
        let title = "Import a calendar file"
        return Layout(
            context: context, title: Form(errors: model.errors).title(title),
            breadcrumbs: MeetingParts.crumbs(p),
            content: .group(
                form.errorSummary(),
                .heading(title, caption: p.name),
                .p(
                    .text(
                        "Export the board's meetings from Outlook, Google Calendar or another calendar as an "
                            + ".ics file and "
                            + "import it here. Repeating meetings, moved and cancelled occurrences and time zones are read as "
                            + "the calendar wrote them.")),
                .p(
                    .text(
                        "The whole file is checked first: if anything in it cannot be read, nothing is imported and each "
                            + "problem is listed by line. Importing the same file again changes nothing; an updated file "
                            + "updates the meetings it names.")),
                .postForm(
                    action: MeetingPath.importCalendar(p.key).href, context: context,
                    .attribute(named: "enctype", value: "multipart/form-data"),
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.fileInput(
                        "file", "Calendar file", hint: "An .ics file, up to 20 MB",
                        accept: ".ics,text/calendar"),
                    .button(.type(.submit), .class("button"), .text("Import")))))
    }

    static func render(_ model: CalendarImportedModel) -> Layout {
        let r = model.result
        let p = model.partnership
        let skipped = r.skipped > 0 ? ", \(r.skipped) left alone because another partnership already has them" : ""
        return Layout(
            context: model.context, title: "Calendar imported", breadcrumbs: MeetingParts.crumbs(p),
            content: .group(
                .div(
                    .class("panel"), .h1(.class("heading-xl"), .text("Calendar imported")),
                    .p(
                        .text(
                            "\(model.name): \(r.created.count) meetings added, \(r.updated.count) changed, "
                                + "\(r.unchanged) already up to date" + skipped + "."))),
                .if(
                    !r.warnings.isEmpty,
                    .group(
                        .h2(.class("heading-m"), .text("Warnings")),
                        .p(.text("These parts of \(model.name) were read by a guess; the rest went in as written.")),
                        Components.table(
                            caption: "Warnings for \(model.name)",
                            headers: [.text("Where"), .text("Property"), .text("Warning")],
                            rows: r.warnings.prefix(1_000).map {
                                [.text($0.location), Components.text($0.field, empty: "–"), .text($0.message)]
                            }, captionVisible: false))),
                .p(.a(.href(MeetingPath.meetings(p.key).href), .text("See the meetings")))))
    }
}
