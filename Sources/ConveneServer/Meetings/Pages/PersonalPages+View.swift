import ConveneDomain
import Foundation
import Plot

enum PersonalPagesView {
    static func render(_ model: MyMeetingsModel) -> Layout {
        let pages = max(1, (model.total + MyMeetingsModel.perPage - 1) / MyMeetingsModel.perPage)
        return Layout(
            context: model.context, title: "My meetings",
            breadcrumbs: [
                (
                    "Overview",
                    RegisterPath.overview.href
                )
            ],
            content: .group(
                .heading("My meetings", caption: model.personName),
                .p(
                    .a(.href(PersonalPath.myActions.href), .text("My actions")), .text(" · "),
                    .a(.href(PersonalPath.calendar.href), .text("Subscribe to my meetings in my calendar"))),
                .h2(.text("Coming up")),
                model.upcoming.isEmpty
                    ? .p(.text("No meetings are scheduled for the partnerships you are a member of."))
                    : MeetingParts.meetingTable(
                        "Meetings of the partnerships you are a member of", model.upcoming,
                        showPartnership: true),
                .h2(.id("past"), .text("Meetings you attended (\(model.total))")),
                model.past.isEmpty
                    ? .p(.text("No attendance is recorded for you."))
                    : MeetingParts.meetingTable(
                        "Meetings you attended, latest first", model.past, showPartnership: true),
                Components.pagination(page: model.page, pages: pages) {
                    PersonalPath.myMeetings.href(["page": String($0)], fragment: "past")
                }))
    }

    static func render(_ model: MyActionsModel) -> Layout {
        let filter = model.filter
        let pages = max(1, (model.total + MyActionsModel.perPage - 1) / MyActionsModel.perPage)
        return Layout(
            context: model.context, title: "My actions",
            breadcrumbs: [
                (
                    "Overview",
                    RegisterPath.overview.href
                )
            ],
            content: .group(
                .heading("My actions", caption: model.personName),
                .p(.a(.href(PersonalPath.myMeetings.href), .text("My meetings"))),
                MeetingParts.actionFilters(filter) { PersonalPath.myActions.href(["show": $0.rawValue]) },
                MeetingParts.actionRows(
                    "\(model.total) actions you own: \(filter.label.lowercased())", model.rows,
                    today: model.today, showPartnership: true),
                Components.pagination(page: model.page, pages: pages) {
                    PersonalPath.myActions.href(["show": filter.rawValue, "page": String($0)])
                }))
    }

    static func render(_ model: NotLinkedModel) -> Layout {
        Layout(
            context: model.context, title: model.title, breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                .heading(model.title),
                .p(
                    .text(
                        "Your account is not linked to a person in this register, so Convene does not know which meetings "
                            + "and actions are yours.")),
                .p(.a(.href(PersonalPath.whoIAm.href), .class("button"), .text("Say who you are in the register")))))
    }

    static func render(_ model: WhoIAmModel) -> Layout {
        let form = Form(errors: model.errors)
        let title = "Who you are in the register"
        return Layout(
            context: model.context, title: Form(errors: model.errors).title(title),
            breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                form.errorSummary(),
                .heading(title),
                .p(
                    .text(
                        "Your meetings, your actions and your calendar feed are those of the person you choose here. It "
                            + "changes nothing else you can see or do.")),
                .postForm(
                    action: PersonalPath.whoIAm.href, context: model.context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.select(
                        "person_key", "You are", model.personKey, model.persons, blank: "Nobody in the register"),
                    .button(.type(.submit), .class("button"), .text("Save")))))
    }

    static func render(_ model: ThemesModel) -> Layout {
        let context = model.context
        let form = Form(errors: model.errors)
        return Layout(
            context: context, title: Form(errors: model.errors).title("Themes"),
            breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                form.errorSummary(),
                .heading("Themes"),
                .p(
                    .text(
                        "Agenda items are tagged with these themes, so that the same discussion can be found across "
                            + "partnerships.")),
                Components.table(
                    caption: "The workspace's themes",
                    headers: [.text("Theme"), .span(.class("visually-hidden"), .text("Change"))],
                    rows: model.themes.map { theme in
                        [
                            .text(theme),
                            model.mayEdit
                                ? .postForm(
                                    action: PersonalPath.retireTheme.href, context: context,
                                    .input(.type(.hidden), .name("name"), .value(theme)),
                                    .button(
                                        .type(.submit), .class("link-button"), .text("Retire"),
                                        .span(.class("visually-hidden"), .text(" \(theme)")))) : .empty
                        ]
                    }, captionVisible: false),
                .if(
                    model.mayEdit,
                    .postForm(
                        action: PersonalPath.themes.href, context: context,
                        .attribute(named: "novalidate", value: "novalidate"),
                        form.textInput("name", "Add a theme", model.name),
                        .button(.type(.submit), .class("button"), .text("Add the theme"))))))
    }
}
