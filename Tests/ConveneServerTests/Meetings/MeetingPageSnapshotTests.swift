import ConveneDomain
import Foundation
import SnapshotTesting
import Testing

@testable import ConveneServer

/// The meeting pages rendered from models built by hand: no app, no database. A change to a page's HTML shows
/// here as a changed snapshot (`__Snapshots__`), to be looked at and recorded again on purpose.
@Suite struct MeetingPageSnapshotTests {
    // MARK: A fixed world

    static let workspace = UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!
    static let user = UUID(uuidString: "00000000-0000-0000-0000-0000000000bb")!

    static func context(_ path: String) -> PageContext {
        let principal = Principal(
            userID: user, email: "secretariat@example.org", workspaceID: workspace,
            workspaceName: "Thames Valley", workspaceKind: .forceArea, role: .editor,
            viaToken: false)
        return PageContext(principal: principal, csrfToken: "fixed-form-token", path: path)
    }

    static let partnership = PartnershipRef(key: "tv-cdp", name: "Thames Valley Combating Drugs Partnership")
    static let today = Day(year: 2026, month: 3, day: 10)!

    /// An instant on London's clock (GMT in March before the clocks change).
    static func at(_ day: Int, month: Int = 3, hour: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        return calendar.date(from: DateComponents(year: 2026, month: month, day: day, hour: hour))!
    }

    static let meeting = Meeting(
        key: "tv-cdp-2026-03-03", partnershipKey: "tv-cdp", name: "CDP board",
        startsAt: at(3, hour: 10), endsAt: at(3, hour: 12), status: .held, format: .hybrid,
        place: "Room 4, Kidlington", onlineURL: "https://meet.example.org/cdp")
    static let earlier = Meeting(
        key: "tv-cdp-2026-01-06", partnershipKey: "tv-cdp", name: "CDP board",
        startsAt: at(6, month: 1, hour: 10), endsAt: at(6, month: 1, hour: 12), status: .held)
    static let later = Meeting(
        key: "tv-cdp-2026-04-07", partnershipKey: "tv-cdp", name: "CDP board",
        startsAt: at(7, month: 4, hour: 10), endsAt: at(7, month: 4, hour: 12))

    static let chair = MeetingStore.PersonRef(
        key: "ann-chair", name: "Ann Chair",
        roleTitle: "Police and Crime Commissioner")
    static let lead = MeetingStore.PersonRef(key: "bo-lead", name: "Bo Lead", roleTitle: "Public health lead")
    static let deputy = MeetingStore.PersonRef(key: "cy-deputy", name: "Cy Deputy", roleTitle: nil)
    static let officer = MeetingStore.PersonRef(key: "di-officer", name: "Di Officer", roleTitle: "Policy officer")

    static let overdue = ActionItem(
        key: "a-1", partnershipKey: "tv-cdp", meetingKey: earlier.key,
        title: "Map the treatment providers", ownerPersonKey: "bo-lead",
        raisedOn: Day(year: 2026, month: 1, day: 6)!,
        dueOn: Day(
            year: 2026, month: 2,
            day: 28)!)
    static let arising = ActionItem(
        key: "a-2", partnershipKey: "tv-cdp", meetingKey: meeting.key, itemKey: "i-1",
        title: "Write to the ICB about needle exchange", ownerPersonKey: "ann-chair",
        raisedOn: Day(year: 2026, month: 3, day: 3)!,
        dueOn: Day(
            year: 2026, month: 4,
            day: 30)!,
        status: .inProgress,
        updates: [
            ActionUpdate(
                on: Day(year: 2026, month: 3, day: 5)!,
                text: "Letter drafted",
                status: .inProgress)
        ])

    static var detail: MeetingDetail {
        let attendance = [
            Attendance(personKey: "ann-chair", status: .present, preparationMinutes: 30, travelMinutes: 40),
            Attendance(personKey: "bo-lead", status: .apologies),
            Attendance(
                personKey: "cy-deputy", status: .substitute, substituteForKey: "bo-lead",
                preparationMinutes: 15),
            Attendance(personKey: "di-officer", status: .presentOnline, attendedMinutes: 60)
        ]
        let items = [
            MeetingDetail.Item(
                item: AgendaItem(
                    key: "i-1", partnershipKey: "tv-cdp", meetingKey: meeting.key, position: 1,
                    title: "Harm reduction plan", kind: .decision, durationMinutes: 45,
                    presenterKey: "bo-lead", themes: ["Harm reduction"]),
                presenter: lead,
                papers: [MeetingDetail.Paper(key: "p-1", title: "Draft plan", fileName: "plan.pdf", size: 204_800)],
                decision: Decision(itemKey: "i-1", decision: "The plan is agreed", rationale: "It meets the guidance")),
            MeetingDetail.Item(
                item: AgendaItem(
                    key: "i-2", partnershipKey: "tv-cdp", meetingKey: meeting.key, position: 2,
                    title: "Data sharing update", kind: .information, durationMinutes: 90),
                presenter: nil, papers: [], decision: nil)
        ]
        return MeetingDetail(
            partnership: partnership, meeting: meeting, seriesName: "CDP board, every two months",
            partnerships: [(key: "tv-cdp", name: partnership.name)], items: items,
            members: [
                MeetingStore.Row(person: chair, role: "Chair", attendance: attendance[0]),
                MeetingStore.Row(person: lead, role: "Member", attendance: attendance[1], namedSubstitute: deputy)
            ],
            others: [
                MeetingStore.Row(person: deputy, role: nil, attendance: attendance[2]),
                MeetingStore.Row(person: officer, role: nil, attendance: attendance[3])
            ],
            quorum: Quorum.check(required: 2, members: ["ann-chair", "bo-lead"], attendance: attendance),
            minutes: Minutes(meetingKey: meeting.key, text: "The board met.\n\nThe plan was agreed.", state: .draft),
            minutesApprovedAt: nil, arising: [arising], mattersArising: [overdue],
            previous: (meeting: earlier, minutes: Minutes(meetingKey: earlier.key, text: "Earlier.", state: .draft)),
            persons: Dictionary(uniqueKeysWithValues: [chair, lead, deputy, officer].map { ($0.key, $0) }),
            organisations: [:])
    }

    static func html(_ layout: Layout) -> String {
        // One element a line, so that a changed snapshot shows where the page changed.
        layout.render().replacingOccurrences(of: "><", with: ">\n<")
    }

    // MARK: The pages

    @Test func meetingWithAgendaAttendanceAndMinutes() {
        // Setup
        let path = MeetingPath.meeting("tv-cdp", Self.meeting.key).href
        let interests = MeetingInterests(
            flags: [
                "i-1": [
                    .init(
                        personKey: "bo-lead", person: "Bo Lead", matter: "Trustee of a harm reduction charity",
                        reason: "is about Harm reduction")
                ]
            ],
            made: [
                .init(
                    declaration: MeetingDeclaration(
                        key: "d-1", meetingKey: Self.meeting.key, personKey: "bo-lead", itemKey: "i-1",
                        matter: "a trustee of a harm reduction charity", action: .tookNoPart),
                    person: "Bo Lead", item: "Harm reduction plan")
            ])
        let model = MeetingPageModel(
            context: Self.context(path), detail: Self.detail, today: Self.today, mayEdit: true, interests: interests)
        // The call under test
        let html = Self.html(MeetingPageView.render(model))
        // Validation
        assertSnapshot(of: html, as: .lines)
    }

    @Test func attendanceForm() {
        let path = MeetingPath.meeting("tv-cdp", Self.meeting.key, .attendance).href
        let model = AttendanceFormModel(
            context: Self.context(path), detail: Self.detail, posted: nil,
            persons: [Self.chair, Self.lead, Self.deputy, Self.officer].map {
                (
                    $0.key,
                    $0.name
                )
            })
        assertSnapshot(of: Self.html(AttendanceFormView.render(model)), as: .lines)
    }

    @Test func minutesForm() {
        let path = MeetingPath.meeting("tv-cdp", Self.meeting.key, .minutes).href
        let later = [Self.meeting, Self.later].map { MeetingRef(key: $0.key, name: $0.name, startsAt: $0.startsAt) }
        let model = MinutesFormModel(
            context: Self.context(path), detail: Self.detail, text: nil, laterMeetings: later,
            today: Self.today)
        assertSnapshot(of: Self.html(MinutesFormView.render(model)), as: .lines)
    }

    @Test func meetingsList() {
        let path = MeetingPath.meetings("tv-cdp").href
        let model = MeetingListModel(
            context: Self.context(path), partnership: Self.partnership,
            upcoming: [MeetingStore.Listed(meeting: Self.later, partnershipName: Self.partnership.name, minutes: nil)],
            upcomingTotal: 1,
            past: [
                MeetingStore.Listed(meeting: Self.meeting, partnershipName: Self.partnership.name, minutes: .draft),
                MeetingStore.Listed(
                    meeting: Self.earlier, partnershipName: Self.partnership.name,
                    minutes: .locked)
            ],
            pastTotal: 23, page: 1,
            backlog: [
                BacklogItem(
                    key: "i-9", title: "Drug-related deaths review", kind: "for-discussion",
                    durationMinutes: 20)
            ],
            themes: ["Harm reduction", "Supply"], persons: [(Self.chair.key, Self.chair.name)], mayEdit: true,
            scheduled: 6)
        assertSnapshot(of: Self.html(MeetingListView.render(model)), as: .lines)
    }

    @Test func actionLog() {
        let path = MeetingPath.actions("tv-cdp").href
        let rows = [
            MeetingStore.ActionRow(
                action: Self.overdue, partnershipName: Self.partnership.name, owner: "Bo Lead",
                meeting: (
                    key: Self.earlier.key, name: Self.earlier.name,
                    startsAt: Self.earlier.startsAt
                )),
            MeetingStore.ActionRow(
                action: Self.arising, partnershipName: Self.partnership.name, owner: "Ann Chair",
                meeting: (
                    key: Self.meeting.key, name: Self.meeting.name,
                    startsAt: Self.meeting.startsAt
                ))
        ]
        let model = ActionLogModel(
            context: Self.context(path), partnership: Self.partnership, rows: rows, total: 51,
            filter: .outstanding, page: 1, today: Self.today, mayEdit: true)
        assertSnapshot(of: Self.html(ActionLogView.render(model)), as: .lines)
    }

    @Test func actionPage() {
        let path = MeetingPath.action("tv-cdp", Self.arising.key).href
        let model = ActionPageModel(
            context: Self.context(path), partnership: Self.partnership, action: Self.arising,
            owner: "Ann Chair",
            meeting: MeetingRef(
                key: Self.meeting.key, name: Self.meeting.name,
                startsAt: Self.meeting.startsAt),
            itemTitle: "Harm reduction plan", today: Self.today, mayEdit: true)
        assertSnapshot(of: Self.html(ActionPageView.render(model)), as: .lines)
    }

    @Test func calendarImportedWithWarnings() {
        let path = MeetingPath.importCalendar("tv-cdp").href
        var result = MeetingBusiness.CalendarResult(created: ["tv-cdp-2026-03-03-1a2b3c4d"], unchanged: 4)
        result.warnings = [
            ImportIssue(
                "line 15", field: "RRULE", "the rule is empty, so it adds no repeats; the event is read without it"),
            ImportIssue(
                "line 27",
                "the line does not start with a space but cannot start a property, so it is read as the rest of line 26 "
                    + "(its fold space was lost)")
        ]
        let model = CalendarImportedModel(
            context: Self.context(path), partnership: Self.partnership, name: "board.ics", result: result)
        assertSnapshot(of: Self.html(CalendarImportView.render(model)), as: .lines)
    }
}
