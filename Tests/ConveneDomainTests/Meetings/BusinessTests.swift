import ConveneDomain
import Foundation
import Testing

@Suite struct BusinessTests {
    static func day(_ text: String) -> Day { Day(text)! }

    @Test func anAgendaThatOverrunsTheMeetingSaysByHowMuch() {
        // Setup
        let items = [
            AgendaItem(
                key: "a", partnershipKey: "cdp", meetingKey: "m", position: 2, title: "Data", durationMinutes: 40),
            AgendaItem(
                key: "b", partnershipKey: "cdp", meetingKey: "m", position: 1, title: "Welcome", durationMinutes: 10),
            AgendaItem(key: "c", partnershipKey: "cdp", meetingKey: "m", position: 7, title: "Any other business")
        ]

        // Act
        let over = Agenda.overrun(items, meetingMinutes: 45)
        let fits = Agenda.overrun(items, meetingMinutes: 90)
        let numbered = Agenda.renumbered(items)

        // Check
        #expect(Agenda.plannedMinutes(items) == 50)
        #expect(over == 5)
        #expect(fits == nil)
        #expect(Agenda.overrun(items, meetingMinutes: nil) == nil)
        #expect(numbered.map(\.key) == ["b", "a", "c"] && numbered.map(\.position) == [1, 2, 3])
    }

    @Test func anItemNeedsATitleAndASensibleDuration() {
        let item = AgendaItem(key: "x", partnershipKey: "cdp", position: 0, title: " ", durationMinutes: 0)
        #expect(Set(item.validate().map(\.field)) == ["title", "position", "duration_minutes"])
        #expect(item.isInBacklog)
    }

    @Test func quorumCountsMembersPresentAndMembersRepresentedBySubstitutesOnce() {
        // Setup: five members; three present (one online), one sends a substitute, one sends apologies;
        // an officer in attendance who is not a member does not count.
        let members: Set<String> = ["chair", "police", "council", "nhs", "probation"]
        let attendance = [
            Attendance(personKey: "chair", status: .present),
            Attendance(personKey: "police", status: .presentOnline),
            Attendance(personKey: "council", status: .present),
            Attendance(personKey: "nhs-deputy", status: .substitute, substituteForKey: "nhs"),
            Attendance(personKey: "nhs", status: .apologies),
            Attendance(personKey: "probation", status: .apologies),
            Attendance(personKey: "analyst", status: .present)
        ]

        // Act
        let four = Quorum.check(required: 4, members: members, attendance: attendance)
        let five = Quorum.check(required: 5, members: members, attendance: attendance)
        let none = Quorum.check(required: nil, members: members, attendance: attendance)

        // Check
        #expect(four.counted == ["chair", "council", "nhs", "police"])
        #expect(four.isMet == true)
        #expect(five.isMet == false)
        #expect(none.isMet == nil)
        #expect(Quorum.problems(members: members, attendance: attendance).isEmpty)
    }

    @Test func aSubstituteMustStandInForAnAbsentMember() {
        let members: Set<String> = ["chair", "police"]
        let attendance = [
            Attendance(personKey: "chair", status: .present),
            Attendance(personKey: "deputy", status: .substitute, substituteForKey: "chair"),
            Attendance(personKey: "guest", status: .substitute, substituteForKey: "stranger"),
            Attendance(personKey: "someone", status: .substitute)
        ]
        let problems = Quorum.problems(members: members, attendance: attendance).map(\.message)
        #expect(problems.count == 3)
        #expect(problems.contains { $0.contains("marked present and also has a substitute") })
        #expect(problems.contains { $0.contains("who is not a member") })
        #expect(problems.contains { $0.contains("Say whom") })
        #expect(Quorum.check(required: 2, members: members, attendance: attendance).counted == ["chair"])
    }

    @Test func minutesAreApprovedOnlyWhenWrittenAndAtTheirMeetingOrALaterOne() throws {
        let held = Date(timeIntervalSince1970: 1_800_000_000)
        var blank = Minutes(meetingKey: "m1", text: "  \n")
        #expect(throws: Minutes.Refusal.nothingToApprove) {
            try blank.approve(on: Self.day("2026-03-01"), atMeeting: "m1", approving: held, held: held)
        }
        var minutes = Minutes(meetingKey: "m1", text: "The board agreed the plan")
        #expect(throws: Minutes.Refusal.approvedBeforeTheMeeting) {
            try minutes.approve(
                on: Self.day("2026-03-01"), atMeeting: "m0", approving: held.addingTimeInterval(-86_400), held: held)
        }
        #expect(Minutes.Refusal.approvedBeforeTheMeeting.field == "at_meeting")
        try minutes.approve(on: Self.day("2026-03-01"), atMeeting: "m1", approving: held, held: held)
        #expect(minutes.state == .approved)
    }

    @Test func aMeetingsRulesHoldWhoeverWritesIt() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func fields(_ meeting: Meeting) -> Set<String> { Set(meeting.validateAsScheduled().map(\.field)) }
        var meeting = Meeting(
            key: "m1", partnershipKey: "cdp", name: "Board", startsAt: start, endsAt: start.addingTimeInterval(60),
            format: .inPerson)
        #expect(fields(meeting) == ["ends_at", "place"])
        meeting.endsAt = start.addingTimeInterval(2 * 86_400)
        meeting.format = .hybrid
        meeting.place = "Hall"
        meeting.onlineURL = "teams"
        #expect(fields(meeting) == ["ends_at", "online_url"])
        meeting.endsAt = start.addingTimeInterval(3600)
        meeting.onlineURL = "https://example.org/join"
        meeting.attendance = [Attendance(personKey: "p", status: .present, attendedMinutes: 2000)]
        #expect(fields(meeting) == ["attendance"])
        // A register file's meeting says nothing of how it meets, and needs neither place nor link; a file's
        // times are kept as it states them.
        #expect(
            Meeting(key: "m3", partnershipKey: "cdp", name: "Holiday", startsAt: start, endsAt: start).validate()
                .isEmpty)
        #expect(fields(Meeting(key: "m2", partnershipKey: "cdp", name: "Board", startsAt: start)).isEmpty)
        #expect(Theme.nameErrors("Housing; health").map(\.field) == ["name"])
        #expect(Theme.clash("housing", with: ["Housing"])?.field == "name")
    }

    @Test func minutesGoFromDraftToApprovedToLockedAndThenOnlyTakeAddenda() throws {
        // Setup
        var minutes = Minutes(meetingKey: "m1", text: "Draft text")

        // Act and check, step by step
        try minutes.edit("Corrected draft")
        #expect(throws: Minutes.Refusal.notApproved) { try minutes.lock() }
        #expect(throws: Minutes.Refusal.notLocked) { try minutes.addAddendum("Too early", on: Self.day("2026-02-01")) }
        try minutes.approve(on: Self.day("2026-03-01"), atMeeting: "m2")
        #expect(minutes.state == .approved && minutes.approvedAtMeetingKey == "m2")
        #expect(throws: Minutes.Refusal.notADraft(.approved)) { try minutes.edit("Sneaky change") }
        try minutes.lock()
        #expect(throws: Minutes.Refusal.notADraft(.locked)) { try minutes.edit("Sneaky change") }
        #expect(throws: Minutes.Refusal.notADraft(.locked)) {
            try minutes.approve(on: Self.day("2026-03-02"), atMeeting: nil)
        }
        #expect(throws: Minutes.Refusal.empty) { try minutes.addAddendum("  ", on: Self.day("2026-03-05")) }
        try minutes.addAddendum("Item 3: the figure was 42, not 24.", on: Self.day("2026-03-05"))
        #expect(minutes.text == "Corrected draft")
        #expect(minutes.addenda == [Addendum(on: Self.day("2026-03-05"), text: "Item 3: the figure was 42, not 24.")])
        #expect(!minutes.isEditable)
    }

    @Test func overdueIsWorkedOutFromTheDateAndTheStatus() {
        var action = ActionItem(
            key: "a1", partnershipKey: "cdp", title: "Share the needs assessment", ownerOrganisationKey: "council",
            raisedOn: Self.day("2026-01-10"), dueOn: Self.day("2026-02-01"))
        #expect(!action.isOverdue(on: Self.day("2026-02-01")))
        #expect(action.isOverdue(on: Self.day("2026-02-02")))
        action.update("Shared with members", on: Self.day("2026-02-03"), status: .done)
        #expect(!action.isOverdue(on: Self.day("2026-03-01")))
        #expect(action.updates.count == 1 && action.status == .done)
    }

    @Test func anActionHasOneOwnerAndADueDateAfterItWasRaised() {
        let none = ActionItem(
            key: "a", partnershipKey: "cdp", title: "x", raisedOn: Self.day("2026-01-10"), dueOn: Self.day("2026-01-01")
        )
        let both = ActionItem(
            key: "b", partnershipKey: "cdp", title: "x", ownerPersonKey: "p", ownerOrganisationKey: "o",
            raisedOn: Self.day("2026-01-10"))
        #expect(Set(none.validate().map(\.field)) == ["owner", "due_on"])
        #expect(both.validate().map(\.field) == ["owner"])
    }

    @Test func outstandingActionsCarryForwardToTheNextMeetingOfTheirPartnership() {
        // Setup
        let actions = [
            ActionItem(
                key: "late", partnershipKey: "cdp", title: "Late", ownerPersonKey: "p",
                raisedOn: Self.day("2026-01-10"), dueOn: Self.day("2026-02-01")),
            ActionItem(
                key: "going", partnershipKey: "cdp", title: "Going", ownerPersonKey: "p",
                raisedOn: Self.day("2026-01-10"),
                dueOn: Self.day("2026-01-20"), status: .inProgress),
            ActionItem(
                key: "undated", partnershipKey: "cdp", title: "Undated", ownerPersonKey: "p",
                raisedOn: Self.day("2026-01-10")),
            ActionItem(
                key: "done", partnershipKey: "cdp", title: "Done", ownerPersonKey: "p",
                raisedOn: Self.day("2026-01-10"), status: .done),
            ActionItem(
                key: "dropped", partnershipKey: "cdp", title: "Dropped", ownerPersonKey: "p",
                raisedOn: Self.day("2026-01-10"), status: .dropped),
            ActionItem(
                key: "other", partnershipKey: "csp", title: "Other board", ownerPersonKey: "p",
                raisedOn: Self.day("2026-01-10")),
            ActionItem(
                key: "same-day", partnershipKey: "cdp", title: "Raised at this meeting", ownerPersonKey: "p",
                raisedOn: Self.day("2026-04-10"))
        ]

        // Act
        let arising = MattersArising.forMeeting(of: "cdp", on: Self.day("2026-04-10"), actions: actions)

        // Check
        #expect(arising.map(\.key) == ["going", "late", "undated"])
    }
}
