import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Minutes that lock, actions carried forward and overdue, quorum with substitutes.
extension MeetingTests {
    // MARK: 3. Minutes lock

    @Test func approvedMinutesAndTheMeetingRecordNoLongerChangeAndLockedOnesGainDatedAddenda() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let first = try await Self.schedule(app, "cdp", on: Self.day(-14), name: "CDP board")
            let next = try await Self.schedule(app, "cdp", on: Self.day(14), name: "CDP board next")
            let base = "/partnerships/cdp/meetings/\(first)"
            _ = try await app.send(
                .POST, base + "/agenda", form: "title=Naloxone+in+custody&kind=for-decision&duration=20")
            let scope = try await Self.scope(app)
            let item = try #require(try await AgendaItemRecord.query(in: scope).first())
            _ = try await app.send(.POST, base + "/attendance", form: "status-dph=present")

            // Act: a draft, changed, then approved at the next meeting
            let draft = try await app.send(.POST, base + "/minutes", form: "text=First+draft")
            let redraft = try await app.send(.POST, base + "/minutes", form: "text=The+board+agreed+the+plan")
            let approved = try await app.send(.POST, base + "/minutes/approve", form: "at_meeting=\(next)")
            // Once approved, nothing of the record changes
            let edit = try await app.send(.POST, base + "/minutes", form: "text=Rewritten")
            let attendance = try await app.send(
                .POST, base + "/attendance", form: "status-dph=present&status-acc=present")
            let decision = try await app.send(.POST, base + "/agenda/\(item.key)/decision", form: "decision=Agreed")
            let added = try await app.send(.POST, base + "/agenda", form: "title=Late+item&kind=for-information")
            let moved = try await app.send(.POST, base + "/agenda/\(item.key)/move", form: "move=backlog")
            let tooEarly = try await app.send(.POST, base + "/minutes/addenda", form: "text=A+correction")
            // Locked: only dated addenda
            let locked = try await app.send(.POST, base + "/minutes/lock")
            let editLocked = try await app.send(.POST, base + "/minutes", form: "text=Rewritten+again")
            let emptyAddendum = try await app.send(.POST, base + "/minutes/addenda", form: "text=+")
            let addendum = try await app.send(
                .POST, base + "/minutes/addenda", form: "text=The+plan+was+agreed+by+four+votes+to+one")
            // The next meeting's minutes cannot be approved at an earlier meeting
            _ = try await app.send(.POST, "/partnerships/cdp/meetings/\(next)/minutes", form: "text=Next+minutes")
            let backwards = try await app.send(
                .POST, "/partnerships/cdp/meetings/\(next)/minutes/approve", form: "at_meeting=\(first)")
            let page = try await app.send(.GET, base)

            // Check
            for response in [draft, redraft, approved, locked, addendum] {
                #expect(response.status == .seeOther, "\(response.status): \(response.text.prefix(400))")
            }
            for response in [edit, attendance, decision, added, moved, tooEarly, editLocked, emptyAddendum, backwards] {
                #expect(response.status == .unprocessableEntity, "\(response.status): \(response.text.prefix(200))")
            }
            let meeting = try #require(try await MeetingRecord.query(in: scope).filter(\.$key == first).first())
            let minutes = try #require(
                try await MinutesRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).first())
            #expect(minutes.text == "The board agreed the plan", "approved minutes keep their text")
            #expect(minutes.state == "locked")
            #expect(minutes.approvedOn == TestClock.today.description)
            let nextRecord = try #require(try await MeetingRecord.query(in: scope).filter(\.$key == next).first())
            #expect(minutes.$approvedAt.id == nextRecord.id, "approved at the next meeting")
            let addenda = try await AddendumRecord.query(in: scope).filter(\.$minutes.$id == minutes.requireID()).all()
            #expect(addenda.map(\.text) == ["The plan was agreed by four votes to one"])
            #expect(addenda.map(\.on) == [TestClock.today.description], "dated today")
            #expect(
                try await AttendanceRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).count() == 1)
            let items = try await AgendaItemRecord.query(in: scope).all()
            #expect(items.count == 1 && items[0].decision == nil && items[0].$meeting.id == meeting.id)
            let nextMinutes = try await MinutesRecord.query(in: scope).filter(\.$meeting.$id == nextRecord.requireID())
                .first()
            #expect(nextMinutes?.state == "draft")
            #expect(page.text.contains("Addendum, \(TestClock.today.longDescription)"))
            #expect(page.text.contains("The plan was agreed by four votes to one"))
            #expect(page.text.contains("Approved on \(TestClock.today.longDescription)"))
            #expect(page.text.contains("at the meeting of <a href=\"/partnerships/cdp/meetings/\(next)\">"))
        }
    }

    // MARK: 4. Actions carried forward; overdue

    @Test func anOpenActionIsAMatterArisingAtTheNextMeetingUntilItIsDone() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let first = try await Self.schedule(app, "cdp", on: Self.day(-14), name: "CDP board")
            let second = try await Self.schedule(app, "cdp", on: Self.day(14), name: "CDP board next")
            let title = "Circulate the naloxone paper"

            // Act
            let created = try await app.send(
                .POST, "/partnerships/cdp/actions/new",
                form: "meeting=\(first)&title=\(Self.encode(title))&owner=person:dph&due_on=\(Self.day(7))")
            let scope = try await Self.scope(app)
            let action = try #require(try await ActionRecord.query(in: scope).first())
            let firstPage = try await app.send(.GET, "/partnerships/cdp/meetings/\(first)")
            let open = try await app.send(.GET, "/partnerships/cdp/meetings/\(second)")
            let progress = try await app.send(
                .POST, "/partnerships/cdp/actions/\(action.key)/updates", form: "text=Drafted&status=in-progress")
            let inProgress = try await app.send(.GET, "/partnerships/cdp/meetings/\(second)")
            let done = try await app.send(
                .POST, "/partnerships/cdp/actions/\(action.key)/updates", form: "text=Sent+to+members&status=done")
            let closed = try await app.send(.GET, "/partnerships/cdp/meetings/\(second)")
            let actionPage = try await app.send(.GET, "/partnerships/cdp/actions/\(action.key)")

            // Check
            #expect(
                created.headers.first(name: .location) == "/partnerships/cdp/meetings/\(first)#actions",
                "\(created.status): \(created.text.prefix(500))")
            #expect(firstPage.text.contains("Actions from this meeting (1)") && firstPage.text.contains(title))
            #expect(!firstPage.text.contains("Matters arising"), "not a matter arising at the meeting that raised it")
            #expect(open.text.contains("Matters arising: actions still open (1)"), "\(open.text.prefix(300))")
            #expect(open.text.contains(title))
            #expect(progress.status == .seeOther && done.status == .seeOther)
            #expect(
                inProgress.text.contains("Matters arising") && inProgress.text.contains(title),
                "in progress is still outstanding")
            #expect(!closed.text.contains("Matters arising"))
            #expect(!closed.text.contains(title))
            #expect(actionPage.text.contains("Sent to members") && actionPage.text.contains("Drafted"))
            let updates = try await ActionUpdateRecord.query(in: scope).all()
            #expect(updates.count == 2 && updates.allSatisfy { $0.on == TestClock.today.description })
        }
    }

    /// Overdue is worked out from today whenever it is shown: the stored status stays "open".
    @Test func overdueIsShownForAPastDueDateAndNeverStored() async throws {
        try await withConveneApp { app in
            // Setup: an action raised a month ago, due ten days ago, and another due next week.
            try await Self.setUp(app)
            let scope = try await Self.scope(app)
            let cdp = try await RegisterQueries.partnership("cdp", in: scope)
            let late = ActionItem(
                key: "pending", partnershipKey: "cdp", title: "Publish the needs assessment", ownerPersonKey: "acc",
                raisedOn: Day(Self.day(-30))!, dueOn: Day(Self.day(-10))!)
            let onTime = ActionItem(
                key: "pending", partnershipKey: "cdp", title: "Book the venue", ownerPersonKey: "acc",
                raisedOn: Day(Self.day(-30))!, dueOn: Day(Self.day(7))!)
            let (lateErrors, lateKey) = try await MeetingBusiness.addAction(
                late, partnership: cdp, meeting: nil, item: nil, in: scope)
            let (onTimeErrors, onTimeKey) = try await MeetingBusiness.addAction(
                onTime, partnership: cdp, meeting: nil, item: nil, in: scope)
            #expect(lateErrors.isEmpty && onTimeErrors.isEmpty)

            // Act
            let latePage = try await app.send(.GET, "/partnerships/cdp/actions/\(lateKey ?? "")")
            let onTimePage = try await app.send(.GET, "/partnerships/cdp/actions/\(onTimeKey ?? "")")
            let overdue = try await app.send(.GET, "/partnerships/cdp/actions?show=overdue")

            // Check
            #expect(latePage.text.contains(">Overdue<"), "\(latePage.text.prefix(300))")
            #expect(latePage.text.contains("Open (overdue)"))
            #expect(!onTimePage.text.contains(">Overdue<") && !onTimePage.text.contains("(overdue)"))
            #expect(overdue.text.contains("Publish the needs assessment") && !overdue.text.contains("Book the venue"))
            let stored = try await ActionRecord.query(in: scope).all()
            #expect(stored.map(\.status).sorted() == ["open", "open"], "overdue is never stored")
        }
    }

    /// A secretariat often records a meeting's actions days after it: an action raised at a meeting a month ago
    /// may well have fallen due since.
    @Test func anActionOfAPastMeetingMayBeDueBeforeToday() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let meeting = try await Self.schedule(app, "cdp", on: Self.day(-30), name: "CDP board")

            // Act
            let created = try await app.send(
                .POST, "/partnerships/cdp/actions/new",
                form: "meeting=\(meeting)&title=Report+on+drug+deaths&owner=person:dph&due_on=\(Self.day(-10))")
            let page = try await app.send(.GET, "/partnerships/cdp/meetings/\(meeting)")

            // Check
            #expect(
                created.status == .seeOther,
                "raised on the meeting's day, due after it: \(created.status) \(created.text.components(separatedBy: "There is a problem").dropFirst().first?.prefix(500) ?? "")"
            )
            #expect(page.text.contains("Report on drug deaths") && page.text.contains(">Overdue<"))
            let scope = try await Self.scope(app)
            let stored = try await ActionRecord.query(in: scope).first()
            #expect(stored?.raisedOn == Self.day(-30), "raised on the meeting's day")
            #expect(stored?.status == "open")
        }
    }

    // MARK: 5. Quorum and substitutes

    @Test func quorumCountsSubstitutesAndRefusesASubstituteForSomeonePresent() async throws {
        try await withConveneApp { app in
            // Setup: quorum 2 of the three members
            try await Self.setUp(app, quorum: 2)
            let meeting = try await Self.schedule(app, "cdp", on: Self.day(-7), name: "CDP board")
            let base = "/partnerships/cdp/meetings/\(meeting)"

            // Act
            let withSubstitute = try await app.send(
                .POST, base + "/attendance",
                form: "status-dph=present&status-acc=substitute&substitute-acc=deputy&status-hcs=apologies")
            let quorate = try await app.send(.GET, base)
            let withoutSubstitute = try await app.send(
                .POST, base + "/attendance", form: "status-dph=present&status-acc=apologies&status-hcs=absent")
            let notQuorate = try await app.send(.GET, base)
            // dph sends a substitute and is also listed as present
            let both = try await app.send(
                .POST, base + "/attendance",
                form: "status-dph=substitute&substitute-dph=deputy&other-1=dph&other-status-1=present")
            // acc is present and also stands in for hcs
            let twice = try await app.send(
                .POST, base + "/attendance", form: "status-acc=present&status-hcs=substitute&substitute-hcs=acc")
            let scope = try await Self.scope(app)
            let record = try #require(try await MeetingRecord.query(in: scope).filter(\.$key == meeting).first())
            let cdp = try await RegisterQueries.partnership("cdp", in: scope)
            let detail = try await MeetingStore.detail(record, of: cdp, in: scope)
            let direct = try await MeetingBusiness.recordAttendance(
                record,
                [
                    Attendance(personKey: "dph", status: .present),
                    Attendance(personKey: "deputy", status: .substitute, substituteForKey: "dph")
                ],
                detail: detail, in: scope)
            let after = try await app.send(.GET, base)

            // Check
            #expect(withSubstitute.status == .seeOther, "\(withSubstitute.status): \(withSubstitute.text.prefix(400))")
            #expect(quorate.text.contains(">Quorate<"), "dph present and acc represented: 2 of 2")
            #expect(!quorate.text.contains(">Not quorate<"))
            #expect(quorate.text.contains("Deputy Director of Public Health attended in their place"))
            #expect(quorate.text.contains(" 2 of 2 members needed"))
            #expect(withoutSubstitute.status == .seeOther)
            #expect(notQuorate.text.contains(">Not quorate<"), "only dph counts")
            #expect(!notQuorate.text.contains(">Quorate<"))
            #expect(!notQuorate.text.contains("attended in their place"))
            #expect(both.status == .unprocessableEntity)
            #expect(twice.status == .unprocessableEntity)
            #expect(direct.contains { $0.message.contains("marked present and also has a substitute") }, "\(direct)")
            #expect(after.text.contains(">Not quorate<"), "the refused registers changed nothing")
            let rows = try await AttendanceRecord.query(in: scope).filter(\.$meeting.$id == record.requireID()).all()
            #expect(rows.count == 3 && rows.allSatisfy { $0.$substituteFor.id == nil })
            #expect(record.status == "held", "a meeting with people at it was held")
        }
    }
}
