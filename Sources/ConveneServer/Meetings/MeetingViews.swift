import ConveneDomain
import Foundation
import Plot
import Vapor

/// The meeting pages as typed HTML.
enum MeetingViews {
    typealias Body = Node<HTML.BodyContext>

    static func crumbs(_ p: PartnershipRecord) -> [(label: String, href: String)] {
        [("Overview", RegisterPath.overview.href), ("Partnerships", RegisterPath.partnerships.href), (p.name, RegisterPath.partnership(p.key).href), ("Meetings", MeetingPath.meetings(p.key).href)]
    }

    static func statusTag(_ status: MeetingStatus) -> Body {
        let colour = switch status {
        case .draft: "grey"
        case .scheduled: "blue"
        case .held: "green"
        case .cancelled: "red"
        }
        return Components.tag(status.label, colour)
    }

    static func minutesTag(_ state: MinutesState?) -> Body {
        guard let state else { return Components.text(nil, empty: "No minutes yet") }
        return Components.tag("Minutes " + state.label.lowercased(), state == .draft ? "yellow" : (state == .approved ? "green" : "purple"))
    }

    static func actionStatusTag(_ action: ActionItem, today: Day) -> Body {
        if action.isOverdue(on: today) { return Components.tag("Overdue", "red") }
        let colour = switch action.status {
        case .open: "blue"
        case .inProgress: "yellow"
        case .done: "green"
        case .dropped: "grey"
        }
        return Components.tag(action.status.label, colour)
    }

    static func meetingTable(_ caption: String, _ rows: [MeetingStore.Listed], showPartnership: Bool = false) -> Body {
        Components.table(caption: caption,
            headers: [.text("When"), .text("Meeting")] + (showPartnership ? [.text("Partnership")] : []) + [.text("Status"), .text("Minutes")],
            rows: rows.map { row in
                [.text(WallClock.describe(row.meeting.startsAt, row.meeting.endsAt)), .a(.href(MeetingPath.meeting(row.meeting.partnershipKey, row.meeting.key).href), .text(row.meeting.name))]
                    + (showPartnership ? [.text(row.partnershipName)] : [])
                    + [statusTag(row.meeting.status), minutesTag(row.minutes)]
            })
    }

    // MARK: A partnership's meetings

    static func list(context: PageContext, _ p: PartnershipRecord, upcoming: (meetings: [MeetingStore.Listed], total: Int),
                     past: (meetings: [MeetingStore.Listed], total: Int), page: Int, backlog: [AgendaItemRecord], themes: [String],
                     persons: [(String, String)], mayEdit: Bool, errors: [FieldError], input: ItemFormInput, scheduled: Int?) -> Layout {
        let form = Form(errors: errors)
        let pages = max(1, (past.total + 19) / 20)
        return Layout(context: context, title: errors.isEmpty ? "Meetings of \(p.name)" : "Error: Meetings of \(p.name)",
                      breadcrumbs: Array(crumbs(p).dropLast()), isDemo: p.isDemo, content: .group(
            form.errorSummary(),
            .unwrap(scheduled) { count in
                .div(.class("panel"), .attribute(named: "role", value: "status"),
                     .h2(.text("Series scheduled")),
                     .p(.text(count == 0 ? "Every meeting of the series was already scheduled; nothing was added."
                                         : "\(count) \(count == 1 ? "meeting" : "meetings") added.")))
            },
            .heading("Meetings", caption: p.name),
            .if(mayEdit, .div(
                .a(.href(MeetingPath.newMeeting(p.key).href), .class("button"), .text("Schedule a meeting")), .text(" "),
                .a(.href(MeetingPath.newSeries(p.key).href), .class("button button--secondary"), .text("Schedule a series")), .text(" "),
                .a(.href(MeetingPath.importCalendar(p.key).href), .class("button button--secondary"), .text("Import a calendar file")))),
            .p(.a(.href(MeetingPath.actions(p.key).href), .text("Action log")), .text(" · "),
               .a(.href(PersonalPath.calendar.href(["partnership": p.key])), .text("Subscribe to these meetings in your calendar"))),
            .h2(.id("upcoming"), .text("Coming up")),
            upcoming.meetings.isEmpty ? .p(.text("No meetings are scheduled.")) :
                meetingTable("The next \(upcoming.meetings.count) of \(upcoming.total) meetings to come", upcoming.meetings),
            .h2(.id("past"), .text("Past meetings (\(past.total))")),
            past.meetings.isEmpty ? .p(.text("No past meetings are recorded.")) : meetingTable("Past meetings, latest first", past.meetings),
            Components.pagination(page: page, pages: pages) { MeetingPath.meetings(p.key).href(["page": String($0)], fragment: "past") },
            .h2(.id("backlog"), .text("Proposed items (\(backlog.count))")),
            .p(.text("Items proposed for a future meeting. Put one on a meeting's agenda from that meeting's agenda page.")),
            backlog.isEmpty ? .p(.text("Nothing is proposed.")) :
                .ul(.class("list"), .forEach(backlog) { item in
                    .li(.text(item.title), .text(" – \(AgendaItemKind(rawValue: item.kind)?.label ?? item.kind)"),
                        .unwrap(item.durationMinutes) { .text(", \($0) minutes") })
                }),
            .if(mayEdit, .detailsElement("Propose an item",
                .postForm(action: MeetingPath.backlog(p.key).href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                    itemFields(form, input, themes: themes, persons: persons),
                    .button(.type(.submit), .class("button"), .text("Propose the item")))))
        ))
    }

    static func itemFields(_ form: Form, _ input: ItemFormInput, themes: [String], persons: [(String, String)]) -> Body {
        .group(
            form.textInput("title", "Title", input.title),
            form.radios("kind", "What the item is for", input.kind, AgendaItemKind.allCases.map { ($0.rawValue, $0.label) }),
            form.textInput("duration", "Time on the agenda, in minutes", input.duration, hint: "For example, 15", short: true),
            form.select("presenter_key", "Presented by", input.presenterKey, persons, blank: "Nobody named"),
            form.checkboxes("themes", "Themes", input.themes ?? [], themes.map { ($0, $0) }))
    }

    // MARK: Meeting form and series form

    static func meetingFields(_ form: Form, format: String?, place: String?, onlineURL: String?) -> Body {
        .group(
            form.radios("format", "How people meet", format, MeetingFormat.allCases.map { ($0.rawValue, $0.label) }),
            form.textInput("place", "Where (in person)", place, hint: "A room and building, for in-person and hybrid meetings"),
            form.textInput("online_url", "Joining link (online)", onlineURL, hint: "For online and hybrid meetings, starting https://", type: .url))
    }

    static func meetingForm(context: PageContext, _ input: MeetingFormInput, partnership p: PartnershipRecord, others: [(String, String)], errors: [FieldError],
                            action: String, title: String) -> Layout {
        let form = Form(errors: errors)
        return Layout(context: context, title: errors.isEmpty ? title : "Error: \(title)", breadcrumbs: crumbs(p), content: .group(
            form.errorSummary(),
            .heading(title, caption: p.name),
            .postForm(action: action, context: context, .attribute(named: "novalidate", value: "novalidate"),
                form.textInput("name", "Name", input.name, hint: "For example, Combating Drugs Partnership board"),
                form.textInput("date", "Date", input.date, hint: "For example, 2026-03-03", short: true),
                form.textInput("start", "Start time", input.start, hint: "On the 24-hour clock, London time, like 10:00", short: true),
                form.textInput("duration", "Length in minutes", input.duration, hint: "For example, 120", short: true),
                meetingFields(form, format: input.format, place: input.place, onlineURL: input.onlineURL),
                form.radios("status", "Status", input.status, MeetingStatus.allCases.map { ($0.rawValue, $0.label) }),
                .detailsElement("A joint meeting with other partnerships",
                    form.checkboxes("joint_with", "Also a meeting of", input.jointWith ?? [], others)),
                .button(.type(.submit), .class("button"), .text("Save")),
                .a(.href(MeetingPath.meetings(p.key).href), .class("button button--secondary"), .text("Cancel")))))
    }

    static func seriesForm(context: PageContext, _ input: SeriesFormInput, partnership p: PartnershipRecord, errors: [FieldError]) -> Layout {
        let form = Form(errors: errors)
        let title = "Schedule a series of meetings"
        return Layout(context: context, title: errors.isEmpty ? title : "Error: \(title)", breadcrumbs: crumbs(p), content: .group(
            form.errorSummary(),
            .heading(title, caption: p.name),
            .p(.text("Every meeting of the series is scheduled at once, at the same time on London's clock, summer or winter. Scheduling the same series again adds nothing.")),
            .postForm(action: MeetingPath.newSeries(p.key).href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                form.textInput("name", "Name", input.name, hint: "Each meeting is called this. For example, CDP board"),
                form.textInput("first_day", "Date of the first meeting", input.firstDay, hint: "For example, 2026-01-06", short: true),
                form.textInput("start", "Start time", input.start, hint: "On the 24-hour clock, London time, like 10:00", short: true),
                form.textInput("duration", "Length in minutes", input.duration, short: true),
                form.select("repeats", "How often", input.repeats, SeriesFormInput.repeatChoices),
                form.textInput("count", "How many meetings", input.count, hint: "Up to \(MeetingSeries.maximumMeetings)", short: true),
                form.textInput("rule", "Rule (only for 'as the rule below says')", input.rule,
                               hint: "An iCalendar RRULE with COUNT or UNTIL, for example FREQ=WEEKLY;INTERVAL=6;COUNT=8"),
                form.textInput("skipped", "Days without a meeting", input.skipped, hint: "Dates separated by commas, for example 2026-12-22, 2027-04-06"),
                meetingFields(form, format: input.format, place: input.place, onlineURL: input.onlineURL),
                .button(.type(.submit), .class("button"), .text("Schedule the series")),
                .a(.href(MeetingPath.meetings(p.key).href), .class("button button--secondary"), .text("Cancel")))))
    }

    // MARK: The meeting page

    static func meetingPage(context: PageContext, _ d: MeetingStore.Detail, today: Day, mayEdit: Bool) -> Layout {
        let m = d.meeting
        let (pk, mk) = (m.partnershipKey, m.key)
        let editable = mayEdit && !d.isSettled
        return Layout(context: context, title: "\(m.name), \(WallClock.parts(m.startsAt).day.longDescription)", breadcrumbs: crumbs(d.partnership),
                      isDemo: d.partnership.isDemo, content: .group(
            .heading(m.name, caption: d.partnerships.map(\.name).joined(separator: " and ")),
            .p(statusTag(m.status), .text(" "), minutesTag(d.minutes?.state)),
            .if(mayEdit, .a(.href(MeetingPath.meeting(pk, mk, .edit).href), .class("button button--secondary"), .text("Change the meeting"))),
            .a(.href(RegisterPath.history.href(["kind": "meeting", "key": m.key])), .class("button button--secondary"), .text("History")),
            Components.summaryList([
                ("When", .text(WallClock.describe(m.startsAt, m.endsAt))),
                ("How", Components.text(m.format?.label)),
                ("Where", Components.text(m.place, empty: m.format == .online ? "Online" : "Not recorded")),
                ("Joining link", m.onlineURL.map { Components.link($0, $0) } ?? Components.text(nil, empty: "None")),
                ("Partnerships", .group(.forEach(Array(d.partnerships.enumerated())) { index, p in
                    .group(.if(index > 0, .text(", ")), .a(.href(RegisterPath.partnership(p.key).href), .text(p.name)))
                })),
                ("Series", Components.text(d.seriesName, empty: "A single meeting")),
            ]),
            previousMinutes(context: context, d, mayEdit: mayEdit),
            agenda(d, editable: editable, mayEdit: mayEdit, today: today),
            attendance(d, editable: editable),
            actions(d, mayEdit: mayEdit, today: today),
            minutes(d, mayEdit: mayEdit)
        ))
    }

    private static func previousMinutes(context: PageContext, _ d: MeetingStore.Detail, mayEdit: Bool) -> Body {
        guard let previous = d.previous else { return .empty }
        let state = previous.minutes?.state
        return .div(.class("inset-text"),
            .p(.text("Minutes of the previous meeting, "), .a(.href(MeetingPath.meeting(previous.meeting.partnershipKey, previous.meeting.key).href), .text(WallClock.parts(previous.meeting.startsAt).day.longDescription)),
               .text(": "), minutesTag(state)),
            .if(mayEdit && state == .draft, .postForm(action: MeetingPath.meeting(previous.meeting.partnershipKey, previous.meeting.key, .approveMinutes).href, context: context,
                .input(.type(.hidden), .name("at_meeting"), .value(d.meeting.key)),
                .button(.type(.submit), .class("button button--secondary"), .text("Approve them at this meeting")))))
    }

    private static func agenda(_ d: MeetingStore.Detail, editable: Bool, mayEdit: Bool, today: Day) -> Body {
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        return .section(.attribute(named: "aria-labelledby", value: "agenda"),
            .h2(.id("agenda"), .text("Agenda")),
            .if(editable, .a(.href(MeetingPath.meeting(pk, mk, .agenda).href), .class("button button--secondary"), .text("Build the agenda"))),
            .p(.text("\(d.plannedMinutes) minutes planned"), .unwrap(d.meeting.durationMinutes) { .text(" of \($0)") }, .text(".")),
            .unwrap(d.overrun) { over in
                .div(.class("warning-text"), .strong(.text("Warning: the agenda overruns the meeting by \(over) minutes.")))
            },
            .if(!d.mattersArising.isEmpty, .group(
                .h3(.text("Matters arising: actions still open (\(d.mattersArising.count))")),
                actionTable("Actions carried forward from earlier meetings", d.mattersArising, d, today: today))),
            d.items.isEmpty ? .p(.text("No items are on the agenda yet.")) :
                .ol(.class("agenda"), .forEach(d.items) { item in
                    .li(.id("item-\(item.item.key)"),
                        .h3(.class("heading-s"), .text(item.item.title)),
                        .p(.class("body-s"), .text(item.item.kind.label),
                           .unwrap(item.item.durationMinutes) { .text(" · \($0) minutes") },
                           .unwrap(item.presenter) { .text(" · presented by \($0.name)") },
                           .if(!item.item.themes.isEmpty, .text(" · themes: " + item.item.themes.joined(separator: ", ")))),
                        .if(!item.papers.isEmpty, .ul(.forEach(item.papers) { paper in
                            .li(.a(.href(MeetingPath.paper(pk, mk, paper: paper.key).href), .text(paper.title)),
                                .unwrap(paper.size) { .text(" (\(paper.fileName ?? "file"), \(max(1, $0 / 1024)) KB)") })
                        })),
                        .unwrap(item.decision) { decision in
                            .div(.class("decision"), .p(.strong(.text("Decision: ")), .text(decision.decision)),
                                 .unwrap(decision.rationale) { .p(.strong(.text("Why: ")), .text($0)) })
                        },
                        .if(editable, .p(.a(.href(MeetingPath.item(pk, mk, item: item.item.key, .decision).href),
                                            .text(item.decision == nil ? "Record the decision" : "Change the decision"),
                                            .span(.class("visually-hidden"), .text(" on \(item.item.title)"))),
                                         .text(" · "),
                                         .a(.href(MeetingPath.newAction(d.meeting.partnershipKey).href(["meeting": d.meeting.key, "item": item.item.key])),
                                            .text("Add an action"), .span(.class("visually-hidden"), .text(" on \(item.item.title)"))))))
                }))
    }

    private static func attendanceText(_ row: MeetingStore.Row, _ d: MeetingStore.Detail) -> Body {
        guard let a = row.attendance else {
            // A member who sent a substitute appears as apologies; say who came.
            return Components.text(nil, empty: "Not recorded")
        }
        let substitute = (d.members + d.others).compactMap(\.attendance).first { $0.status == .substitute && $0.substituteForKey == row.person.key }
        return .group(.text(a.status.label), .unwrap(substitute) { s in
            .text(" – \(d.persons[s.personKey]?.name ?? s.personKey) attended in their place")
        }, .unwrap(a.substituteForKey) { .text(" for \(d.persons[$0]?.name ?? $0)") })
    }

    private static func attendance(_ d: MeetingStore.Detail, editable: Bool) -> Body {
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        let quorum: Body = {
            guard let required = d.quorum.required else { return .p(.text("The terms of reference set no quorum; \(d.quorum.counted.count) members counted.")) }
            let met = d.quorum.isMet ?? false
            return .p(met ? Components.tag("Quorate", "green") : Components.tag("Not quorate", "red"),
                      .text(" \(d.quorum.counted.count) of \(required) members needed were present or represented by a substitute."))
        }()
        let anyRecorded = (d.members + d.others).contains { $0.attendance != nil }
        return .section(.attribute(named: "aria-labelledby", value: "attendance"),
            .h2(.id("attendance"), .text("Attendance")),
            .if(editable, .a(.href(MeetingPath.meeting(pk, mk, .attendance).href), .class("button button--secondary"), .text("Record attendance"))),
            .if(anyRecorded, quorum),
            d.members.isEmpty ? .p(.text("The partnership has no members recorded on this day.")) :
                Components.table(caption: "Members", headers: [.text("Member"), .text("Role"), .text("Attendance")],
                    rows: d.members.map { row in
                        [.group(.a(.href(RegisterPath.person(row.person.key).href), .text(row.person.name)),
                                .unwrap(row.person.roleTitle) { $0 == row.person.name ? .empty : .group(.br(), .span(.class("body-s"), .text($0))) }),
                         Components.text(row.role), attendanceText(row, d)]
                    }),
            .if(!d.others.isEmpty, Components.table(caption: "Also in attendance", headers: [.text("Person"), .text("Attendance")],
                rows: d.others.map { row in [.a(.href(RegisterPath.person(row.person.key).href), .text(row.person.name)), attendanceText(row, d)] })))
    }

    static func owner(_ a: ActionItem, _ d: MeetingStore.Detail) -> String {
        a.ownerPersonKey.map { d.persons[$0]?.name ?? $0 } ?? a.ownerOrganisationKey.map { d.organisations[$0] ?? $0 } ?? ""
    }

    private static func actionTable(_ caption: String, _ actions: [ActionItem], _ d: MeetingStore.Detail, today: Day) -> Body {
        Components.table(caption: caption, headers: [.text("Action"), .text("Owner"), .text("Due"), .text("Status")],
            rows: actions.map { a in
                [.a(.href(MeetingPath.action(a.partnershipKey, a.key).href), .text(a.title)), .text(owner(a, d)),
                 Components.text(a.dueOn?.longDescription, empty: "No date"), actionStatusTag(a, today: today)]
            }, captionVisible: false)
    }

    private static func actions(_ d: MeetingStore.Detail, mayEdit: Bool, today: Day) -> Body {
        .section(.attribute(named: "aria-labelledby", value: "actions"),
            .h2(.id("actions"), .text("Actions from this meeting (\(d.arising.count))")),
            .if(mayEdit, .a(.href(MeetingPath.newAction(d.meeting.partnershipKey).href(["meeting": d.meeting.key])),
                            .class("button button--secondary"), .text("Add an action"))),
            d.arising.isEmpty ? .p(.text("No actions were recorded.")) : actionTable("Actions from this meeting", d.arising, d, today: today))
    }

    private static func minutes(_ d: MeetingStore.Detail, mayEdit: Bool) -> Body {
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        return .section(.attribute(named: "aria-labelledby", value: "minutes"),
            .h2(.id("minutes"), .text("Minutes")),
            .if(mayEdit, .a(.href(MeetingPath.meeting(pk, mk, .minutes).href), .class("button button--secondary"),
                            .text(d.minutes == nil ? "Write the minutes" : (d.minutes!.state == .draft ? "Change the minutes" : "Minutes and addenda")))),
            .unwrap(d.minutes, { minutes in
                .group(
                    .p(minutesTag(minutes.state), .unwrap(minutes.approvedOn) { .text(" Approved on \($0.longDescription)") },
                       .unwrap(d.minutesApprovedAt) { at in .group(.text(" at the meeting of "), .a(.href(MeetingPath.meeting(d.meeting.partnershipKey, at.key).href), .text(WallClock.parts(at.startsAt).day.longDescription))) }),
                    .div(.class("minutes-text"), .forEach(minutes.text.components(separatedBy: "\n\n")) { .p(.text($0)) }),
                    .forEach(minutes.addenda) { a in
                        .div(.class("inset-text"), .p(.strong(.text("Addendum, \(a.on.longDescription): "))), .p(.text(a.text)))
                    })
            }, else: .p(.text("No minutes have been written.")))
        )
    }

    // MARK: Agenda editor

    static func agendaEditor(context: PageContext, _ d: MeetingStore.Detail, backlog: [AgendaItemRecord], themes: [String], persons: [(String, String)],
                             input: ItemFormInput, errors: [FieldError]) -> Layout {
        let form = Form(errors: errors)
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key), base = MeetingPath.meeting(pk, mk).href
        let title = "Agenda for \(d.meeting.name), \(WallClock.parts(d.meeting.startsAt).day.longDescription)"
        func moveButton(_ item: AgendaItem, _ move: String, _ label: String) -> Body {
            .postForm(action: MeetingPath.item(pk, mk, item: item.key, .move).href, context: context,
                .input(.type(.hidden), .name("move"), .value(move)),
                .button(.type(.submit), .class("link-button"), .text(label), .span(.class("visually-hidden"), .text(": \(item.title)"))))
        }
        return Layout(context: context, title: errors.isEmpty ? title : "Error: \(title)",
                      breadcrumbs: crumbs(d.partnership) + [(d.meeting.name, base)], content: .group(
            form.errorSummary(),
            .heading("Build the agenda", caption: "\(d.meeting.name), \(WallClock.describe(d.meeting.startsAt, d.meeting.endsAt))"),
            .p(.text("\(d.plannedMinutes) minutes planned"), .unwrap(d.meeting.durationMinutes) { .text(" of \($0)") }, .text(".")),
            .unwrap(d.overrun) { .div(.class("warning-text"), .strong(.text("Warning: the agenda overruns the meeting by \($0) minutes."))) },
            .p(.text("Open actions from earlier meetings appear on the agenda as matters arising without being added here.")),
            d.items.isEmpty ? .p(.text("No items yet.")) :
                Components.table(caption: "Items", headers: [.text("No."), .text("Item"), .text("Minutes"),
                                                             .span(.class("visually-hidden"), .text("Changes"))],
                    rows: d.items.enumerated().map { index, item in
                        [.text("\(item.item.position)"),
                         .group(.text(item.item.title), .br(), .span(.class("body-s"), .text(item.item.kind.label + (item.presenter.map { ", \($0.name)" } ?? "")))),
                         Components.text(item.item.durationMinutes.map(String.init), empty: "–"),
                         .div(.class("item-actions"),
                              .a(.href(MeetingPath.item(pk, mk, item: item.item.key, .edit).href), .text("Change"), .span(.class("visually-hidden"), .text(": \(item.item.title)"))),
                              .if(index > 0, moveButton(item.item, "up", "Move up")),
                              .if(index < d.items.count - 1, moveButton(item.item, "down", "Move down")),
                              moveButton(item.item, "backlog", "Back to proposed items"),
                              moveButton(item.item, "remove", "Remove"))]
                    }),
            .if(!backlog.isEmpty, .group(
                .h2(.text("Proposed items")),
                Components.table(caption: "Proposed items", headers: [.text("Item"), .span(.class("visually-hidden"), .text("Add"))],
                    rows: backlog.map { item in
                        [.text(item.title),
                         .postForm(action: MeetingPath.item(pk, mk, item: item.key, .schedule).href, context: context,
                            .button(.type(.submit), .class("link-button"), .text("Put on this agenda"), .span(.class("visually-hidden"), .text(": \(item.title)"))))]
                    }, captionVisible: false))),
            .h2(.id("add-item"), .text("Add an item")),
            .postForm(action: MeetingPath.meeting(pk, mk, .agenda).href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                itemFields(form, input, themes: themes, persons: persons),
                .button(.type(.submit), .class("button"), .text("Add the item"))),
            .p(.a(.href(base), .text("Back to the meeting")))
        ))
    }

    static func itemForm(context: PageContext, _ input: ItemFormInput, meeting c: MeetingPages.Context, item: AgendaItemRecord, themes: [String],
                         persons: [(String, String)], errors: [FieldError], paperTitle: String? = nil, paperURL: String? = nil) -> Layout {
        let form = Form(errors: errors)
        let (pk, mk) = (c.partnership.key, c.meeting.key), base = MeetingPath.meeting(pk, mk).href
        return Layout(context: context, title: errors.isEmpty ? "Change an item" : "Error: Change an item",
                      breadcrumbs: crumbs(c.partnership) + [(c.meeting.name, base), ("Agenda", MeetingPath.meeting(pk, mk, .agenda).href)], content: .group(
            form.errorSummary(),
            .heading("Change an item", caption: item.title),
            .postForm(action: MeetingPath.item(pk, mk, item: item.key, .edit).href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                itemFields(form, input, themes: themes, persons: persons),
                .button(.type(.submit), .class("button"), .text("Save")),
                .a(.href(MeetingPath.meeting(pk, mk, .agenda).href), .class("button button--secondary"), .text("Cancel"))),
            .h2(.id("papers"), .text("Papers")),
            .postForm(action: MeetingPath.item(pk, mk, item: item.key, .papers).href, context: context, .attribute(named: "enctype", value: "multipart/form-data"),
                         .attribute(named: "novalidate", value: "novalidate"),
                form.textInput("paper_title", "Paper title", paperTitle, hint: "Leave empty to use the file's name"),
                form.fileInput("file", "File", hint: "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG, up to 10 MB",
                               accept: ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.csv,.txt,.png,.jpg,.jpeg"),
                form.textInput("url", "Or a link to the paper", paperURL, hint: "Starting https://", type: .url),
                .button(.type(.submit), .class("button button--secondary"), .text("Attach the paper")))))
    }

    static func decisionForm(context: PageContext, _ input: MeetingPages.DecisionInput, meeting c: MeetingPages.Context, item: AgendaItemRecord,
                             errors: [FieldError]) -> Layout {
        let form = Form(errors: errors)
        let (pk, mk) = (c.partnership.key, c.meeting.key), base = MeetingPath.meeting(pk, mk).href
        return Layout(context: context, title: errors.isEmpty ? "Record the decision" : "Error: Record the decision",
                      breadcrumbs: crumbs(c.partnership) + [(c.meeting.name, base)], content: .group(
            form.errorSummary(),
            .heading("Record the decision", caption: item.title),
            .postForm(action: MeetingPath.item(pk, mk, item: item.key, .decision).href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                form.textArea("decision", "What the board decided", input.decision, hint: "Leave empty to clear the decision"),
                form.textArea("rationale", "Why", input.rationale),
                .button(.type(.submit), .class("button"), .text("Save")),
                .a(.href(base), .class("button button--secondary"), .text("Cancel")))))
    }

    // MARK: Attendance register

    static func attendanceForm(context: PageContext, _ d: MeetingStore.Detail, posted: [String: String]?, persons: [(String, String)], errors: [FieldError]) -> Layout {
        let form = Form(errors: errors)
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key), base = MeetingPath.meeting(pk, mk).href
        let everyone = (d.members + d.others).compactMap(\.attendance)
        func value(_ name: String, _ stored: String?) -> String? { posted.map { $0[name] } ?? stored }
        let statusChoices: [(String, String)] = [("present", "Present"), ("present-online", "Present online"),
                                                 ("substitute", "Sent a substitute"), ("apologies", "Apologies"), ("absent", "Absent")]
        let memberKeys = Set(d.members.map(\.person.key))
        let others = d.others.filter { $0.attendance?.status != .substitute }
        return Layout(context: context, title: errors.isEmpty ? "Record attendance" : "Error: Record attendance",
                      breadcrumbs: crumbs(d.partnership) + [(d.meeting.name, base)], content: .group(
            form.errorSummary(),
            .heading("Record attendance", caption: "\(d.meeting.name), \(WallClock.describe(d.meeting.startsAt, d.meeting.endsAt))"),
            .p(.text("Preparation and travel time, in minutes, are used to work out what the meeting cost; so is the time there of anyone who was there for part of the meeting only.")),
            .postForm(action: MeetingPath.meeting(pk, mk, .attendance).href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                .forEach(d.members) { row in
                    let key = row.person.key
                    let stored = everyone.first { $0.personKey == key }
                    let substitute = everyone.first { $0.status == .substitute && $0.substituteForKey == key }
                    let status = stored.map { substitute != nil ? "substitute" : $0.status.rawValue }
                    return .element(named: "fieldset", nodes: [
                        .class("fieldset"),
                        .element(named: "legend", nodes: [.class("heading-s"), .text(row.person.name + (row.role.map { ", \($0)" } ?? ""))] as [Body]),
                        form.select("status-\(key)", "Attendance", value("status-\(key)", status), statusChoices, blank: "Not recorded"),
                        form.select("substitute-\(key)", "Substitute (who attended in their place)",
                                    value("substitute-\(key)", substitute?.personKey ?? row.namedSubstitute?.key),
                                    persons.filter { !memberKeys.contains($0.0) || $0.0 != key }, blank: "Nobody",
                                    hint: row.namedSubstitute.map { "Named substitute: \($0.name)" }),
                        form.textInput("preparation-\(key)", "Preparation (minutes)", value("preparation-\(key)", (substitute ?? stored)?.preparationMinutes.map(String.init)), short: true),
                        form.textInput("travel-\(key)", "Travel (minutes)", value("travel-\(key)", (substitute ?? stored)?.travelMinutes.map(String.init)), short: true),
                        form.textInput("attended-\(key)", "Minutes there, if not the whole meeting", value("attended-\(key)", (substitute ?? stored)?.attendedMinutes.map(String.init)), short: true),
                    ] as [Body])
                },
                .h2(.text("Others in attendance")),
                .p(.text("Officers, guests and anyone else who is not a member. They do not count towards the quorum.")),
                .forEach(1...5) { n in
                    let stored = others.indices.contains(n - 1) ? others[n - 1] : nil
                    return .element(named: "fieldset", nodes: [
                        .class("fieldset"),
                        .element(named: "legend", nodes: [.class("heading-s"), .text("Other person \(n)")] as [Body]),
                        form.select("other-\(n)", "Person", value("other-\(n)", stored?.person.key), persons, blank: "Nobody"),
                        form.select("other-status-\(n)", "Attendance", value("other-status-\(n)", stored?.attendance?.status.rawValue),
                                    Array(statusChoices.filter { $0.0 != "substitute" })),
                        form.textInput("preparation-other-\(n)", "Preparation (minutes)", value("preparation-other-\(n)", stored?.attendance?.preparationMinutes.map(String.init)), short: true),
                        form.textInput("travel-other-\(n)", "Travel (minutes)", value("travel-other-\(n)", stored?.attendance?.travelMinutes.map(String.init)), short: true),
                        form.textInput("attended-other-\(n)", "Minutes there, if not the whole meeting", value("attended-other-\(n)", stored?.attendance?.attendedMinutes.map(String.init)), short: true),
                    ] as [Body])
                },
                .button(.type(.submit), .class("button"), .text("Save attendance")),
                .a(.href(base), .class("button button--secondary"), .text("Cancel")))))
    }

    // MARK: Minutes

    static func minutesForm(context: PageContext, _ d: MeetingStore.Detail, text: String?, laterMeetings: [MeetingRecord], today: Day, errors: [FieldError]) -> Layout {
        let form = Form(errors: errors)
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key), base = MeetingPath.meeting(pk, mk).href
        let state = d.minutes?.state ?? .draft
        return Layout(context: context, title: errors.isEmpty ? "Minutes" : "Error: Minutes",
                      breadcrumbs: crumbs(d.partnership) + [(d.meeting.name, base)], content: .group(
            form.errorSummary(),
            .heading("Minutes", caption: "\(d.meeting.name), \(WallClock.describe(d.meeting.startsAt, d.meeting.endsAt))"),
            .p(minutesTag(d.minutes?.state)),
            .p(.text("Minutes are written as a draft, approved (normally at the next meeting), then locked. Locked minutes cannot be changed; a correction is added as a dated addendum.")),
            .if(state == .draft, .group(
                .postForm(action: MeetingPath.meeting(pk, mk, .minutes).href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                    form.textArea("text", "Minutes", text ?? d.minutes?.text, hint: "Decisions and attendance are recorded on the meeting page and are part of the minutes"),
                    .button(.type(.submit), .class("button"), .text("Save the draft"))),
                .if(d.minutes != nil, .postForm(action: MeetingPath.meeting(pk, mk, .approveMinutes).href, context: context,
                    form.select("at_meeting", "Approved at", laterMeetings.dropFirst().first?.key,
                                laterMeetings.map { ($0.key, "\($0.name), \(WallClock.parts($0.startsAt).day.longDescription)") }, blank: "Not at a meeting"),
                    .button(.type(.submit), .class("button button--secondary"), .text("Approve the minutes")))))),
            .if(state != .draft, .div(.class("minutes-text"), .forEach((d.minutes?.text ?? "").components(separatedBy: "\n\n")) { .p(.text($0)) })),
            .if(state == .approved, .postForm(action: MeetingPath.meeting(pk, mk, .lockMinutes).href, context: context,
                .p(.text("Locking makes the minutes final.")),
                .button(.type(.submit), .class("button button--warning"), .text("Lock the minutes")))),
            .if(state == .locked, .group(
                .forEach(d.minutes?.addenda ?? []) { a in .div(.class("inset-text"), .p(.strong(.text("Addendum, \(a.on.longDescription)"))), .p(.text(a.text))) },
                .postForm(action: MeetingPath.meeting(pk, mk, .addenda).href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                    form.textArea("text", "Add an addendum, dated \(today.longDescription)", text, hint: "A correction to the locked minutes"),
                    .button(.type(.submit), .class("button button--secondary"), .text("Add the addendum"))))),
            .p(.a(.href(base), .text("Back to the meeting")))))
    }

    // MARK: Actions

    static func actionLog(context: PageContext, _ p: PartnershipRecord, rows: [MeetingStore.ActionRow], total: Int, filter: MeetingStore.ActionFilter, page: Int,
                          today: Day, mayEdit: Bool) -> Layout {
        let pages = max(1, (total + 49) / 50)
        return Layout(context: context, title: "Action log of \(p.name)", breadcrumbs: Array(crumbs(p).dropLast()), isDemo: p.isDemo, content: .group(
            .heading("Action log", caption: p.name),
            .if(mayEdit, .a(.href(MeetingPath.newAction(p.key).href), .class("button"), .text("Add an action"))),
            .nav(.ariaLabel("Which actions"), .ul(.class("filter-links"), .forEach(MeetingStore.ActionFilter.allCases) { f in
                .li(f == filter ? .strong(.attribute(named: "aria-current", value: "page"), .text(f.label))
                                : .a(.href(MeetingPath.actions(p.key).href(["show": f.rawValue])), .text(f.label)))
            })),
            actionRows("\(total) actions: \(filter.label.lowercased())", rows, today: today, showPartnership: false),
            Components.pagination(page: page, pages: pages) { MeetingPath.actions(p.key).href(["show": filter.rawValue, "page": String($0)]) }))
    }

    static func actionRows(_ caption: String, _ rows: [MeetingStore.ActionRow], today: Day, showPartnership: Bool) -> Body {
        rows.isEmpty ? .p(.text("No actions.")) :
            Components.table(caption: caption,
                headers: [.text("Action")] + (showPartnership ? [.text("Partnership")] : []) + [.text("Owner"), .text("From"), .text("Due"), .text("Status")],
                rows: rows.map { r in
                    [.a(.href(MeetingPath.action(r.action.partnershipKey, r.action.key).href), .text(r.action.title))]
                        + (showPartnership ? [.text(r.partnershipName)] : [])
                        + [.text(r.owner),
                           r.meeting.map { .a(.href(MeetingPath.meeting(r.action.partnershipKey, $0.key).href), .text(WallClock.parts($0.startsAt).day.longDescription)) }
                               ?? Components.text(nil, empty: "–"),
                           Components.text(r.action.dueOn?.longDescription, empty: "No date"), actionStatusTag(r.action, today: today)]
                })
    }

    static func actionForm(context: PageContext, _ input: ActionFormInput, partnership p: PartnershipRecord, choices: RecordChoices, items: [(String, String)],
                           errors: [FieldError]) -> Layout {
        let form = Form(errors: errors)
        let owners = choices.persons.map { ("person:\($0.0)", $0.1) } + choices.organisations.map { ("organisation:\($0.0)", "\($0.1) (organisation)") }
        return Layout(context: context, title: errors.isEmpty ? "Add an action" : "Error: Add an action", breadcrumbs: crumbs(p), content: .group(
            form.errorSummary(),
            .heading("Add an action", caption: p.name),
            .postForm(action: MeetingPath.newAction(p.key).href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                .unwrap(input.meeting) { .input(.type(.hidden), .name("meeting"), .value($0)) },
                form.textArea("title", "What is to be done", input.title),
                form.select("owner", "Owner", input.owner, owners, blank: "Choose a person or an organisation"),
                form.textInput("due_on", "Due date", input.dueOn, hint: "For example, 2026-04-30", short: true),
                .if(!items.isEmpty, form.select("item_key", "Arising from item", input.itemKey, items, blank: "The meeting as a whole")),
                .button(.type(.submit), .class("button"), .text("Add the action")),
                .a(.href(MeetingPath.actions(p.key).href), .class("button button--secondary"), .text("Cancel")))))
    }

    static func actionPage(context: PageContext, _ a: ActionItem, partnership p: PartnershipRecord, owner: String, meeting: MeetingRecord?, item: AgendaItemRecord?,
                           today: Day, mayEdit: Bool, errors: [FieldError]) -> Layout {
        let form = Form(errors: errors)
        return Layout(context: context, title: errors.isEmpty ? a.title : "Error: \(a.title)",
                      breadcrumbs: Array(crumbs(p).dropLast()) + [("Action log", MeetingPath.actions(p.key).href)], isDemo: p.isDemo, content: .group(
            form.errorSummary(),
            .heading(a.title, caption: "Action of \(p.name)"),
            .p(actionStatusTag(a, today: today)),
            Components.summaryList([
                ("Owner", .text(owner)),
                ("Raised", .text(a.raisedOn.longDescription)),
                ("Due", Components.text(a.dueOn?.longDescription, empty: "No date")),
                ("Status", .text(a.status.label + (a.isOverdue(on: today) ? " (overdue)" : ""))),
                ("From", meeting.map { .group(.a(.href(MeetingPath.meeting(p.key, $0.key).href), .text("\($0.name), \(WallClock.parts($0.startsAt).day.longDescription)")),
                                             .unwrap(item) { .text(", item: \($0.title)") }) } ?? Components.text(nil, empty: "Not from a meeting")),
            ]),
            .h2(.text("Updates")),
            a.updates.isEmpty ? .p(.text("No updates yet.")) :
                .ul(.class("list"), .forEach(a.updates.reversed()) { u in
                    .li(.strong(.text(u.on.longDescription + ": ")), .text(u.text), .unwrap(u.status) { .text(" (now \($0.label.lowercased()))") })
                }),
            .if(mayEdit, .postForm(action: MeetingPath.actionUpdates(p.key, a.key).href, context: context,
                                      .attribute(named: "novalidate", value: "novalidate"),
                form.textArea("text", "Update", nil, hint: "What has happened, dated today"),
                form.select("status", "Status", a.status.rawValue, ActionStatus.allCases.map { ($0.rawValue, $0.label) }),
                .button(.type(.submit), .class("button"), .text("Add the update"))))))
    }

    // MARK: Calendar import

    static func importForm(context: PageContext, _ p: PartnershipRecord, errors: [FieldError]) -> Layout {
        let form = Form(errors: errors)
        return Layout(context: context, title: errors.isEmpty ? "Import a calendar file" : "Error: Import a calendar file", breadcrumbs: crumbs(p), content: .group(
            form.errorSummary(),
            .heading("Import a calendar file", caption: p.name),
            .p(.text("Export the board's meetings from Outlook, Google Calendar or another calendar as an .ics file and import it here. Repeating meetings, moved and cancelled occurrences and time zones are read as the calendar wrote them.")),
            .p(.text("The whole file is checked first: if anything in it cannot be read, nothing is imported and each problem is listed by line. Importing the same file again changes nothing; an updated file updates the meetings it names.")),
            .postForm(action: MeetingPath.importCalendar(p.key).href, context: context, .attribute(named: "enctype", value: "multipart/form-data"),
                         .attribute(named: "novalidate", value: "novalidate"),
                form.fileInput("file", "Calendar file", hint: "An .ics file, up to 20 MB", accept: ".ics,text/calendar"),
                .button(.type(.submit), .class("button"), .text("Import")))))
    }

    static func imported(context: PageContext, _ p: PartnershipRecord, name: String, _ r: MeetingBusiness.CalendarResult) -> Layout {
        Layout(context: context, title: "Calendar imported", breadcrumbs: crumbs(p), content: .group(
            .div(.class("panel"), .h1(.class("heading-xl"), .text("Calendar imported")),
                 .p(.text("\(name): \(r.created.count) meetings added, \(r.updated.count) changed, \(r.unchanged) already up to date" +
                          (r.skipped > 0 ? ", \(r.skipped) left alone because another partnership already has them" : "") + "."))),
            .p(.a(.href(MeetingPath.meetings(p.key).href), .text("See the meetings")))))
    }
}
