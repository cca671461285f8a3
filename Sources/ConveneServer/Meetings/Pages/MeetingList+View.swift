import ConveneDomain
import Plot

enum MeetingListView {
    static func render(_ model: MeetingListModel) -> Layout {
        let context = model.context
        let p = model.partnership
        let form = Form(errors: model.errors)
        let pages = max(1, (model.pastTotal + MeetingListModel.perPage - 1) / MeetingListModel.perPage)
        let title = "Meetings of \(p.name)"
        return Layout(
            context: context, title: Form(errors: model.errors).title(title),
            breadcrumbs: Array(MeetingParts.crumbs(p).dropLast()), isDemo: p.isDemo,
            content: .group(
                form.errorSummary(),
                .unwrap(model.scheduled) { count in
                    .div(
                        .class("panel"), .attribute(named: "role", value: "status"),
                        .h2(.text("Series scheduled")),
                        .p(
                            .text(
                                count == 0
                                    ? "Every meeting of the series was already scheduled; nothing was added."
                                    : "\(count) \(count == 1 ? "meeting" : "meetings") added.")))
                },
                .heading("Meetings", caption: p.name),
                .if(
                    model.mayEdit,
                    .div(
                        .a(.href(MeetingPath.newMeeting(p.key).href), .class("button"), .text("Schedule a meeting")),
                        .text(" "),
                        .a(
                            .href(MeetingPath.newSeries(p.key).href), .class("button button--secondary"),
                            .text("Schedule a series")), .text(" "),
                        .a(
                            .href(MeetingPath.importCalendar(p.key).href), .class("button button--secondary"),
                            .text("Import a calendar file")))),
                .p(
                    .a(.href(MeetingPath.actions(p.key).href), .text("Action log")), .text(" · "),
                    .a(
                        .href(PersonalPath.calendar.href(["partnership": p.key])),
                        .text("Subscribe to these meetings in your calendar"))),
                .h2(.id("upcoming"), .text("Coming up")),
                model.upcoming.isEmpty
                    ? .p(.text("No meetings are scheduled."))
                    : MeetingParts.meetingTable(
                        "The next \(model.upcoming.count) of \(model.upcomingTotal) meetings to come",
                        model.upcoming),
                .h2(.id("past"), .text("Past meetings (\(model.pastTotal))")),
                model.past.isEmpty
                    ? .p(.text("No past meetings are recorded."))
                    : MeetingParts.meetingTable("Past meetings, latest first", model.past),
                Components.pagination(page: model.page, pages: pages) {
                    MeetingPath.meetings(p.key).href(["page": String($0)], fragment: "past")
                },
                .h2(.id("backlog"), .text("Proposed items (\(model.backlog.count))")),
                .p(
                    .text(
                        "Items proposed for a future meeting. Put one on a meeting's agenda from that meeting's "
                            + "agenda page.")),
                model.backlog.isEmpty
                    ? .p(.text("Nothing is proposed."))
                    : .ul(
                        .class("list"),
                        .forEach(model.backlog) { item in
                            .li(
                                .text(item.title),
                                .text(" – \(AgendaItemKind(rawValue: item.kind)?.label ?? item.kind)"),
                                .unwrap(item.durationMinutes) { .text(", \($0) minutes") })
                        }),
                .if(
                    model.mayEdit,
                    .detailsElement(
                        "Propose an item",
                        .postForm(
                            action: MeetingPath.backlog(p.key).href, context: context,
                            .attribute(named: "novalidate", value: "novalidate"),
                            MeetingParts.itemFields(form, model.input, themes: model.themes, persons: model.persons),
                            .button(.type(.submit), .class("button"), .text("Propose the item")))))
            ))
    }
}
