import ConveneDomain
import Foundation
import Plot

enum CalendarFeedsView {
    static func render(_ model: CalendarFeedsModel) -> Layout {
        let context = model.context
        let partnership = model.partnership
        let form = Form(errors: model.errors)
        let myMeetings = model.me.map { "My meetings (\($0))" } ?? "My meetings (say who you are in the register first)"
        return Layout(
            context: context, title: Form(errors: model.errors).title("Calendar feeds"),
            breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                form.errorSummary(),
                .heading("Calendar feeds"),
                .p(
                    .text(
                        "Subscribe to meetings from Outlook, Google Calendar or your phone: they appear there "
                            + "and stay up to "
                            + "date. A feed's address is private to you: anyone who has it can read the feed, so do not share "
                            + "it, and turn it off here if it is seen by someone else.")),
                .unwrap(model.created) { url in
                    .div(
                        .class("panel"), .attribute(named: "role", value: "status"),
                        .h2(.text("Your new feed's address")),
                        .p(
                            .text(
                                "Copy it now: it is shown only once. In Outlook choose Add calendar, From internet; in "
                                    + "Google Calendar, Other calendars, From URL.")),
                        .p(.code(.id("feed-url"), .text(url))))
                },
                .h2(.text("Your feeds")),
                model.feeds.isEmpty
                    ? .p(.text("You have no feeds."))
                    : Components.table(
                        caption: "Your feeds",
                        headers: [
                            .text("Feed"), .text("Made"),
                            .span(
                                .class("visually-hidden"),
                                .text("Turn off"))
                        ],
                        rows: model.feeds.map { f in
                            [
                                .text(f.description), .text(f.made),
                                .postForm(
                                    action: PersonalPath.revokeFeed(f.id).href, context: context,
                                    .button(
                                        .type(.submit), .class("link-button"), .text("Turn off"),
                                        .span(.class("visually-hidden"), .text(": \(f.description)"))))
                            ]
                        }, captionVisible: false),
                .h2(.text("Make a feed")),
                .postForm(
                    action: PersonalPath.newFeed.href, context: context,
                    .attribute(
                        named: "novalidate",
                        value: "novalidate"),
                    form.radios(
                        "kind", "Which meetings",
                        partnership == nil ? (model.me == nil ? "workspace" : "person") : "partnership",
                        [
                            ("person", myMeetings), ("partnership", "One partnership's meetings"),
                            ("workspace", "Every meeting in the workspace")
                        ]),
                    form.select(
                        "partnership_key", "Partnership", partnership, model.partnerships,
                        blank: "Choose a partnership", hint: "For one partnership's meetings"),
                    form.checkboxes(
                        "include_actions", "Actions", [], [("yes", "Include open actions as tasks")],
                        single: true),
                    .button(.type(.submit), .class("button"), .text("Make the feed"))),
                .p(
                    .text(
                        "Published partnerships also have a public feed, without anyone's name, at "
                            + PersonalPath.publicFeed("KEY").href + "."))))
    }
}
