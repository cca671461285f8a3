import ConveneDomain
import Plot

enum MeetingPageView {
    typealias Body = Node<HTML.BodyContext>

    static func render(_ model: MeetingPageModel) -> Layout {
        let d = model.detail
        let m = d.meeting
        let mayEdit = model.mayEdit
        let today = model.today
        let (pk, mk) = (m.partnershipKey, m.key)
        let editable = mayEdit && !d.isSettled
        return Layout(
            context: model.context, title: "\(m.name), \(MeetingParts.day(m.startsAt))",
            breadcrumbs: MeetingParts.crumbs(d.partnership), isDemo: d.partnership.isDemo,
            content: .group(
                .heading(m.name, caption: d.partnerships.map(\.name).joined(separator: " and ")),
                .p(MeetingParts.statusTag(m.status), .text(" "), MeetingParts.minutesTag(d.minutes?.state)),
                .if(
                    mayEdit,
                    .a(
                        .href(MeetingPath.meeting(pk, mk, .edit).href), .class("button button--secondary"),
                        .text("Change the meeting"))),
                .a(
                    .href(RegisterPath.history.href(["kind": "meeting", "key": m.key])),
                    .class("button button--secondary"),
                    .text("History")),
                Components.summaryList([
                    ("When", .text(WallClock.describe(m.startsAt, m.endsAt))),
                    ("How", Components.text(m.format?.label)),
                    ("Where", Components.text(m.place, empty: m.format == .online ? "Online" : "Not recorded")),
                    (
                        "Joining link",
                        m.onlineURL.map { Components.link($0, $0) } ?? Components.text(nil, empty: "None")
                    ),
                    (
                        "Partnerships",
                        .group(
                            .forEach(Array(d.partnerships.enumerated())) { index, p in
                                .group(
                                    .if(index > 0, .text(", ")),
                                    .a(.href(RegisterPath.partnership(p.key).href), .text(p.name)))
                            })
                    ),
                    ("Series", Components.text(d.seriesName, empty: "A single meeting"))
                ]),
                previousMinutes(model),
                agenda(d, model.interests, editable: editable, today: today),
                attendance(d, editable: editable),
                actions(d, mayEdit: mayEdit, today: today),
                minutes(d, model.interests, mayEdit: mayEdit)
            ))
    }

    private static func previousMinutes(_ model: MeetingPageModel) -> Body {
        guard let previous = model.detail.previous else { return .empty }
        let state = previous.minutes?.state
        let (pk, mk) = (previous.meeting.partnershipKey, previous.meeting.key)
        return .div(
            .class("inset-text"),
            .p(
                .text("Minutes of the previous meeting, "),
                .a(.href(MeetingPath.meeting(pk, mk).href), .text(MeetingParts.day(previous.meeting.startsAt))),
                .text(": "), MeetingParts.minutesTag(state)),
            .if(
                model.mayEdit && state == .draft,
                .postForm(
                    action: MeetingPath.meeting(pk, mk, .approveMinutes).href, context: model.context,
                    .input(.type(.hidden), .name("at_meeting"), .value(model.detail.meeting.key)),
                    .button(
                        .type(.submit), .class("button button--secondary"),
                        .text("Approve them at this meeting")))))
    }

    private static func agenda(_ d: MeetingDetail, _ interests: MeetingInterests, editable: Bool, today: Day) -> Body {
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        return .section(
            .attribute(named: "aria-labelledby", value: "agenda"),
            .h2(.id("agenda"), .text("Agenda")),
            .if(
                editable,
                .a(
                    .href(MeetingPath.meeting(pk, mk, .agenda).href), .class("button button--secondary"),
                    .text("Build the agenda"))),
            .p(
                .text("\(d.plannedMinutes) minutes planned"), .unwrap(d.meeting.durationMinutes) { .text(" of \($0)") },
                .text(".")),
            .unwrap(d.overrun) { over in
                .div(
                    .class("warning-text"),
                    .strong(.text("Warning: the agenda overruns the meeting by \(over) minutes.")))
            },
            .if(
                !d.mattersArising.isEmpty,
                .group(
                    .h3(.text("Matters arising: actions still open (\(d.mattersArising.count))")),
                    actionTable("Actions carried forward from earlier meetings", d.mattersArising, d, today: today))),
            d.items.isEmpty
                ? .p(.text("No items are on the agenda yet."))
                : .ol(
                    .class("agenda"),
                    .forEach(d.items) { item in
                        agendaItem(item, d, flags: interests.flags[item.item.key] ?? [], editable: editable)
                    }))
    }

    private static func agendaItem(
        _ item: MeetingDetail.Item, _ d: MeetingDetail, flags: [MeetingInterests.Flag], editable: Bool
    ) -> Node<HTML.ListContext> {
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        return .li(
            .id("item-\(item.item.key)"),
            .h3(.class("heading-s"), .text(item.item.title)),
            .p(
                .class("body-s"), .text(item.item.kind.label),
                .unwrap(item.item.durationMinutes) { .text(" · \($0) minutes") },
                .unwrap(item.presenter) { .text(" · presented by \($0.name)") },
                .if(!item.item.themes.isEmpty, .text(" · themes: " + item.item.themes.joined(separator: ", ")))),
            MeetingInterestsView.flags(
                flags, item: item.item.key, title: item.item.title,
                record: editable ? SharingPath.meetingDeclaration(pk, mk) : nil),
            .if(
                !item.papers.isEmpty,
                .ul(
                    .forEach(item.papers) { paper in
                        .li(
                            .a(.href(MeetingPath.paper(pk, mk, paper: paper.key).href), .text(paper.title)),
                            .unwrap(paper.size) { .text(" (\(paper.fileName ?? "file"), \(max(1, $0 / 1024)) KB)") })
                    })),
            .unwrap(item.decision) { decision in
                .div(
                    .class("decision"), .p(.strong(.text("Decision: ")), .text(decision.decision)),
                    .unwrap(decision.rationale) { .p(.strong(.text("Why: ")), .text($0)) })
            },
            .if(
                editable,
                .p(
                    .a(
                        .href(MeetingPath.item(pk, mk, item: item.item.key, .decision).href),
                        .text(item.decision == nil ? "Record the decision" : "Change the decision"),
                        .span(.class("visually-hidden"), .text(" on \(item.item.title)"))),
                    .text(" · "),
                    .a(
                        .href(MeetingPath.newAction(pk).href(["meeting": mk, "item": item.item.key])),
                        .text("Add an action"),
                        .span(
                            .class("visually-hidden"),
                            .text(" on \(item.item.title)")))))
        )
    }

    private static func attendanceText(_ row: MeetingStore.Row, _ d: MeetingDetail) -> Body {
        guard let a = row.attendance else {
            // A member who sent a substitute appears as apologies; say who came.
            return Components.text(nil, empty: "Not recorded")
        }
        let substitute = (d.members + d.others).compactMap(\.attendance)
            .first { $0.status == .substitute && $0.substituteForKey == row.person.key }
        return .group(
            .text(a.status.label),
            .unwrap(substitute) { s in
                .text(" – \(d.persons[s.personKey]?.name ?? s.personKey) attended in their place")
            }, .unwrap(a.substituteForKey) { .text(" for \(d.persons[$0]?.name ?? $0)") })
    }

    private static func attendance(_ d: MeetingDetail, editable: Bool) -> Body {
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        let quorum: Body = {
            guard let required = d.quorum.required else {
                return .p(.text("The terms of reference set no quorum; \(d.quorum.counted.count) members counted."))
            }
            let met = d.quorum.isMet ?? false
            return .p(
                met ? Components.tag("Quorate", "green") : Components.tag("Not quorate", "red"),
                .text(
                    " \(d.quorum.counted.count) of \(required) members needed were present or represented by a "
                        + "substitute."))
        }()
        let anyRecorded = (d.members + d.others).contains { $0.attendance != nil }
        return .section(
            .attribute(named: "aria-labelledby", value: "attendance"),
            .h2(.id("attendance"), .text("Attendance")),
            .if(
                editable,
                .a(
                    .href(MeetingPath.meeting(pk, mk, .attendance).href), .class("button button--secondary"),
                    .text("Record attendance"))),
            .if(anyRecorded, quorum),
            d.members.isEmpty
                ? .p(.text("The partnership has no members recorded on this day."))
                : Components.table(
                    caption: "Members", headers: [.text("Member"), .text("Role"), .text("Attendance")],
                    rows: d.members.map { row in
                        [
                            .group(
                                .a(.href(RegisterPath.person(row.person.key).href), .text(row.person.name)),
                                .unwrap(row.person.roleTitle) {
                                    $0 == row.person.name ? .empty : .group(.br(), .span(.class("body-s"), .text($0)))
                                }),
                            Components.text(row.role), attendanceText(row, d)
                        ]
                    }),
            .if(
                !d.others.isEmpty,
                Components.table(
                    caption: "Also in attendance",
                    headers: [.text("Person"), .text("Attendance")],
                    rows: d.others.map { row in
                        [
                            .a(.href(RegisterPath.person(row.person.key).href), .text(row.person.name)),
                            attendanceText(
                                row,
                                d)
                        ]
                    })))
    }

    static func owner(_ a: ActionItem, _ d: MeetingDetail) -> String {
        a.ownerPersonKey.map { d.persons[$0]?.name ?? $0 }
            ?? a.ownerOrganisationKey.map { d.organisations[$0] ?? $0 } ?? ""
    }

    private static func actionTable(
        _ caption: String, _ actions: [ActionItem], _ d: MeetingDetail,
        today: Day
    ) -> Body {
        Components.table(
            caption: caption, headers: [.text("Action"), .text("Owner"), .text("Due"), .text("Status")],
            rows: actions.map { a in
                [
                    .a(.href(MeetingPath.action(a.partnershipKey, a.key).href), .text(a.title)), .text(owner(a, d)),
                    Components.text(a.dueOn?.longDescription, empty: "No date"),
                    MeetingParts.actionStatusTag(
                        a,
                        today: today)
                ]
            }, captionVisible: false)
    }

    private static func actions(_ d: MeetingDetail, mayEdit: Bool, today: Day) -> Body {
        .section(
            .attribute(named: "aria-labelledby", value: "actions"),
            .h2(.id("actions"), .text("Actions from this meeting (\(d.arising.count))")),
            .if(
                mayEdit,
                .a(
                    .href(MeetingPath.newAction(d.meeting.partnershipKey).href(["meeting": d.meeting.key])),
                    .class("button button--secondary"), .text("Add an action"))),
            d.arising.isEmpty
                ? .p(.text("No actions were recorded."))
                : actionTable("Actions from this meeting", d.arising, d, today: today))
    }

    private static func minutes(_ d: MeetingDetail, _ interests: MeetingInterests, mayEdit: Bool) -> Body {
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        let label =
            d.minutes == nil
            ? "Write the minutes"
            : (d.minutes!.state == .draft ? "Change the minutes" : "Minutes and addenda")
        return .section(
            .attribute(named: "aria-labelledby", value: "minutes"),
            .h2(.id("minutes"), .text("Minutes")),
            .if(
                mayEdit,
                .a(
                    .href(MeetingPath.meeting(pk, mk, .minutes).href), .class("button button--secondary"),
                    .text(label))),
            .unwrap(
                d.minutes,
                { minutes in
                    .group(
                        .p(
                            MeetingParts.minutesTag(minutes.state),
                            .unwrap(minutes.approvedOn) { .text(" Approved on \($0.longDescription)") },
                            .unwrap(d.minutesApprovedAt) { at in
                                .group(
                                    .text(" at the meeting of "),
                                    .a(
                                        .href(MeetingPath.meeting(pk, at.key).href),
                                        .text(MeetingParts.day(at.startsAt))))
                            }),
                        .div(
                            .class("minutes-text"),
                            .forEach(minutes.text.components(separatedBy: "\n\n")) { .p(.text($0)) }),
                        .forEach(minutes.addenda) { a in
                            .div(
                                .class("inset-text"), .p(.strong(.text("Addendum, \(a.on.longDescription): "))),
                                .p(.text(a.text)))
                        })
                }, else: .p(.text("No minutes have been written."))),
            MeetingInterestsView.made(
                interests, record: mayEdit && !d.isSettled ? SharingPath.meetingDeclaration(pk, mk) : nil)
        )
    }
}
