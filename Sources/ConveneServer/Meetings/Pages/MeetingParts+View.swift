import ConveneDomain
import Foundation
import Plot

/// What the meetings pages share: breadcrumbs, tags, the meetings and actions tables and the item fields.
enum MeetingParts {
    typealias Body = Node<HTML.BodyContext>

    static func crumbs(_ p: PartnershipRef) -> [(label: String, href: String)] {
        [
            ("Overview", RegisterPath.overview.href), ("Partnerships", RegisterPath.partnerships.href),
            (p.name, RegisterPath.partnership(p.key).href), ("Meetings", MeetingPath.meetings(p.key).href)
        ]
    }

    static func statusTag(_ status: MeetingStatus) -> Body {
        let colour =
            switch status {
            case .draft: "grey"
            case .scheduled: "blue"
            case .held: "green"
            case .cancelled: "red"
            }
        return Components.tag(status.label, colour)
    }

    static func minutesTag(_ state: MinutesState?) -> Body {
        guard let state else { return Components.text(nil, empty: "No minutes yet") }
        return Components.tag(
            "Minutes " + state.label.lowercased(),
            state == .draft ? "yellow" : (state == .approved ? "green" : "purple"))
    }

    static func actionStatusTag(_ action: ActionItem, today: Day) -> Body {
        if action.isOverdue(on: today) { return Components.tag("Overdue", "red") }
        let colour =
            switch action.status {
            case .open: "blue"
            case .inProgress: "yellow"
            case .done: "green"
            case .dropped: "grey"
            }
        return Components.tag(action.status.label, colour)
    }

    static func meetingTable(_ caption: String, _ rows: [MeetingStore.Listed], showPartnership: Bool = false) -> Body {
        Components.table(
            caption: caption,
            headers: [.text("When"), .text("Meeting")] + (showPartnership ? [.text("Partnership")] : [])
                + [.text("Status"), .text("Minutes")],
            rows: rows.map { row in
                let m = row.meeting
                return [
                    .text(WallClock.describe(m.startsAt, m.endsAt)),
                    .a(.href(MeetingPath.meeting(m.partnershipKey, m.key).href), .text(m.name))
                ]
                    + (showPartnership ? [.text(row.partnershipName)] : [])
                    + [statusTag(m.status), minutesTag(row.minutes)]
            })
    }

    static func actionRows(
        _ caption: String, _ rows: [MeetingStore.ActionRow], today: Day,
        showPartnership: Bool
    ) -> Body {
        rows.isEmpty
            ? .p(.text("No actions."))
            : Components.table(
                caption: caption,
                headers: [.text("Action")] + (showPartnership ? [.text("Partnership")] : [])
                    + [.text("Owner"), .text("From"), .text("Due"), .text("Status")],
                rows: rows.map { r in
                    let from: Body =
                        r.meeting.map {
                            .a(
                                .href(MeetingPath.meeting(r.action.partnershipKey, $0.key).href),
                                .text(WallClock.parts($0.startsAt).day.longDescription))
                        } ?? Components.text(nil, empty: "–")
                    return [
                        .a(
                            .href(MeetingPath.action(r.action.partnershipKey, r.action.key).href),
                            .text(r.action.title))
                    ]
                        + (showPartnership ? [.text(r.partnershipName)] : [])
                        + [
                            .text(r.owner), from,
                            Components.text(r.action.dueOn?.longDescription, empty: "No date"),
                            actionStatusTag(r.action, today: today)
                        ]
                })
    }

    /// The filter links above a list of actions.
    static func actionFilters(
        _ filter: MeetingStore.ActionFilter,
        href: (MeetingStore.ActionFilter) -> String
    ) -> Body {
        let links = MeetingStore.ActionFilter.allCases.map { (filter: $0, href: href($0)) }
        return .nav(
            .ariaLabel("Which actions"),
            .ul(
                .class("filter-links"),
                .forEach(links) { link in
                    let label = link.filter.label
                    return .li(
                        link.filter == filter
                            ? .strong(.attribute(named: "aria-current", value: "page"), .text(label))
                            : .a(.href(link.href), .text(label)))
                }))
    }

    static func itemFields(
        _ form: Form, _ input: ItemFormInput, themes: [String],
        persons: [(
            String,
            String
        )]
    ) -> Body {
        .group(
            form.textInput("title", "Title", input.title),
            form.radios(
                "kind", "What the item is for", input.kind,
                AgendaItemKind.allCases.map {
                    (
                        $0.rawValue,
                        $0.label
                    )
                }),
            form.textInput(
                "duration", "Time on the agenda, in minutes", input.duration, hint: "For example, 15",
                short: true),
            form.select("presenter_key", "Presented by", input.presenterKey, persons, blank: "Nobody named"),
            form.checkboxes("themes", "Themes", input.themes ?? [], themes.map { ($0, $0) }))
    }

    static func meetingFields(_ form: Form, format: String?, place: String?, onlineURL: String?) -> Body {
        .group(
            form.radios("format", "How people meet", format, MeetingFormat.allCases.map { ($0.rawValue, $0.label) }),
            form.textInput(
                "place", "Where (in person)", place,
                hint: "A room and building, for in-person and hybrid meetings"),
            form.textInput(
                "online_url", "Joining link (online)", onlineURL,
                hint: "For online and hybrid meetings, starting https://", type: .url))
    }

    /// The day of a meeting in words, as its links say it.
    static func day(_ date: Date) -> String { WallClock.parts(date).day.longDescription }
}
