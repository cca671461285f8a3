// Over 400 lines: calendar files as real clients write them, one suite so each quirk is tested once.
import Foundation
import Testing

@testable import ConveneDomain

@Suite struct CalendarImportTests {
    static let outlookBoard =
        "040000008200E00074C5B7101A82E00800000000C0F1A4D8A36DDA01000000000000000010000000B1AB5B3B1F6F8E4C9C0A6B2B0C1D1E2F"
    static let googleGroup = "3k9v1q2r7s8t0u4w6x5y1z2a3b@google.com"

    // MARK: Outlook

    @Test func outlookExportImportsToTheRightMeetings() throws {
        // Act
        let file = try CalendarFixture.read(
            "outlook-export.ics", from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z")
        // Check
        #expect(file.issues.isEmpty, "\(file.issues)")
        let board = file.events.filter { $0.uid == Self.outlookBoard }
        #expect(
            board.map { CalendarFixture.utcText($0.startsAt) } == [
                "2024-03-06T10:00:00Z", "2024-03-13T10:00:00Z", "2024-03-20T10:00:00Z", "2024-03-27T10:00:00Z",
                // 3 April is removed by EXDATE; from 31 March London is on BST.
                "2024-04-10T09:00:00Z", "2024-04-18T13:00:00Z", "2024-04-24T09:00:00Z"
            ])
        #expect(board.allSatisfy { $0.endsAt == $0.startsAt.addingTimeInterval(90 * 60) })
        #expect(board.map(\.summary).filter { $0.hasSuffix("(moved)") }.count == 1)

        let moved = try #require(board.first { $0.isException })
        #expect(
            moved.key == Self.outlookBoard + "/20240417T090000Z",
            "the moved meeting keeps the key of the occurrence it replaces")
        #expect(moved.recurrenceID == CalendarFixture.utc("2024-04-17T09:00:00Z"))
        #expect(CalendarFixture.londonTime(moved.startsAt) == "14:00")
        #expect(moved.description == "Moved to Thursday afternoon: the chair is at the PCC panel on Wednesday.\n")
        #expect(
            moved.onlineMeetingURL?.hasPrefix("https://teams.microsoft.com/l/meetup-join/") == true,
            "taken from the series")

        let first = board[0]
        #expect(first.key == Self.outlookBoard + "/20240306T100000Z")
        #expect(first.summary == "Combating Drugs Partnership board")
        #expect(first.location == "Microsoft Teams Meeting")
        #expect(first.status == .confirmed && first.sequence == 2)
        #expect(first.description?.contains("naloxone supply in custody suites, outreach; housing\n3. AOB") == true)
        #expect(
            first.organizer == CalendarAttendee(name: "Okafor, Grace", email: "grace.okafor@opcc.example.police.uk"))
        #expect(
            first.attendees == [
                CalendarAttendee(
                    name: "Director of Public Health", email: "dph@leicester.example.gov.uk",
                    role: .required, participation: .needsAction),
                CalendarAttendee(
                    name: "Lee, Sam", email: "sam.lee@llr-icb.example.nhs.uk", role: .optional, participation: .accepted
                )
            ])
        #expect(
            first.onlineMeetingURL
                == "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjY5ZTIxODQtYzQ1Mi00ZjM4LWE2NjMtOTk4NmE1ODI3ZmFj%40thread.v2/0?context=%7b%22Tid%22%3a%2212345678-aaaa-bbbb-cccc-1234567890ab%22%7d"
        )
        #expect(first.stamp == CalendarFixture.utc("2024-03-01T09:15:12Z"))
    }

    @Test func outlookWindowsZonesCustomZonesAllDayAndCancelledEvents() throws {
        // Act
        let file = try CalendarFixture.read(
            "outlook-export.ics", from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z")
        // Check
        let europol = try #require(file.events.first { $0.summary == "Europol briefing: synthetic opioids" })
        #expect(CalendarFixture.utcText(europol.startsAt) == "2024-01-16T13:00:00Z", "14:00 in W. Europe Standard Time")
        #expect(europol.key == europol.uid && europol.recurrenceID == nil)
        #expect(europol.location == "Europol HQ, Eisenhowerlaan 73, Den Haag")
        #expect(
            europol.description?.hasPrefix("Joint online session with officers from Europol’s drugs unit") == true,
            "the ’ that Outlook's fold split in two comes back whole")
        #expect(europol.description?.contains("café session afterwards ☕") == true)

        let finance = try #require(file.events.first { $0.summary == "Canceled: Finance sub-group" })
        #expect(finance.status == .cancelled)
        #expect(
            CalendarFixture.utcText(finance.startsAt) == "2024-07-10T08:30:00Z",
            "09:30 in the file's own 'Customized Time Zone'")

        let awayDay = try #require(file.events.first { $0.allDay != nil })
        #expect(awayDay.allDay == CalendarFixture.day("2024-05-20")...CalendarFixture.day("2024-05-20"))
        #expect(CalendarFixture.utcText(awayDay.startsAt) == "2024-05-19T23:00:00Z", "midnight in London")
        #expect(CalendarFixture.utcText(awayDay.endsAt!) == "2024-05-20T23:00:00Z")
        #expect(file.events.count == 10)
    }

    // MARK: Google Calendar

    @Test func googleExportImportsToTheRightMeetings() throws {
        // Act
        let file = try CalendarFixture.read(
            "google-export.ics", from: "2024-03-01T00:00:00Z", to: "2024-06-01T00:00:00Z")
        // Check
        #expect(file.issues.isEmpty, "\(file.issues)")
        #expect(file.name == "Leicester Combating Drugs Partnership")
        #expect(file.timeZone == "Europe/London")
        let group = file.events.filter { $0.uid == Self.googleGroup }
        #expect(
            group.map { CalendarFixture.utcText($0.startsAt) } == [
                "2024-03-05T10:00:00Z", "2024-03-12T10:00:00Z", "2024-03-26T10:00:00Z",  // 19 March: EXDATE
                "2024-04-02T09:00:00Z", "2024-04-10T13:30:00Z", "2024-04-16T09:00:00Z", "2024-04-23T09:00:00Z",
                "2024-04-30T09:00:00Z", "2024-05-07T09:00:00Z", "2024-05-14T09:00:00Z", "2024-05-21T09:00:00Z",
                "2024-05-28T09:00:00Z"
            ])
        let moved = try #require(group.first { $0.key == Self.googleGroup + "/20240409T090000Z" })
        #expect(moved.isException && moved.status == .confirmed)
        #expect(CalendarFixture.londonTime(moved.startsAt) == "14:30")
        #expect(moved.description == "Moved to Wednesday: Tuesday clashes with the Health and Wellbeing Board.")

        let cancelled = try #require(group.first { $0.key == Self.googleGroup + "/20240416T090000Z" })
        #expect(cancelled.status == .cancelled && cancelled.isException)
        #expect(group.filter { $0.status == .cancelled }.count == 1)

        let first = group[0]
        #expect(first.onlineMeetingURL == "https://meet.google.com/abc-defg-hij")
        #expect(first.location == "County Hall, Glenfield, Leicester LE3 8RA, UK")
        #expect(first.attendees.map(\.participation) == [.accepted, .tentative])
        #expect(first.attendees.last?.name == "Priya Shah")
        #expect(first.organizer?.email == "c_9f8e7d6c5b4a@group.calendar.google.com")
    }

    @Test func googleAllDayEscapedTextAndCancelledEvent() throws {
        // Act
        let file = try CalendarFixture.read(
            "google-export.ics", from: "2024-03-01T00:00:00Z", to: "2024-06-01T00:00:00Z")
        // Check
        let awayDays = try #require(file.events.first { $0.summary == "Partnership away days" })
        #expect(awayDays.allDay == CalendarFixture.day("2024-04-15")...CalendarFixture.day("2024-04-16"))
        #expect(
            awayDays.description
                == "Two days at the Leicester Tigers ground: strategy refresh for 2024–25 – all members welcome.")

        let review = try #require(file.events.first { $0.uid == "2b4d6f8h0j2l4n6p8r0t@google.com" })
        #expect(review.summary == "Review: drugs, alcohol & harm; next steps")
        #expect(
            review.description
                == "Papers: \\\\opcc-fs01\\partnerships\\cdp\\2024-03\nItems: naloxone, drug checking; the \"county lines\" review.\nRSVP to Priya – priya.shah@leicester.example.gov.uk"
        )
        #expect(review.location == "Room 3; City Hall, 115 Charles Street")
        #expect(CalendarFixture.utcText(review.startsAt) == "2024-03-20T15:00:00Z")
        #expect(review.endsAt == CalendarFixture.utc("2024-03-20T16:30:00Z"))

        let workshop = try #require(file.events.first { $0.summary == "Data sharing workshop" })
        #expect(workshop.status == .cancelled && workshop.description == nil)
        #expect(file.events.count == 15)
    }

    // MARK: The clocks change

    @Test func weeklyTenOClockLondonSeriesStaysAtTenAcrossTheLastSundayOfMarch() throws {
        // Setup: a weekly series from Thursday 7 March 2024; the clocks go forward on Sunday 31 March.
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:board@example
            DTSTAMP:20240301T000000Z
            DTSTART;TZID=Europe/London:20240307T100000
            DTEND;TZID=Europe/London:20240307T120000
            RRULE:FREQ=WEEKLY;COUNT=6
            SUMMARY:Board
            END:VEVENT
            END:VCALENDAR
            """
        // Act
        let events = CalendarFixture.read(text: text).events
        // Check
        #expect(events.count == 6)
        #expect(
            events.allSatisfy { CalendarFixture.londonTime($0.startsAt) == "10:00" },
            "10:00 on the clock in London every week")
        #expect(events.allSatisfy { CalendarFixture.londonTime($0.endsAt!) == "12:00" })
        #expect(
            events.map { CalendarFixture.utcHour($0.startsAt) } == [10, 10, 10, 10, 9, 9],
            "four Thursdays on GMT, then BST")
        // Google's and Outlook's real exports do the same.
        let google = try CalendarFixture.read(
            "google-export.ics", from: "2024-03-01T00:00:00Z", to: "2024-06-01T00:00:00Z")
        let outlook = try CalendarFixture.read(
            "outlook-export.ics", from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z")
        for series in [
            google.events.filter { $0.uid == Self.googleGroup }, outlook.events.filter { $0.uid == Self.outlookBoard }
        ] {
            let regular = series.filter { !$0.isException }
            #expect(regular.allSatisfy { CalendarFixture.londonTime($0.startsAt) == "10:00" })
            #expect(Set(regular.map { CalendarFixture.utcHour($0.startsAt) }) == [10, 9])
        }
    }

    // MARK: Importing again

    @Test func keysStayTheSameWhenTheOrganiserMovesAnOccurrence() {
        // Setup
        let series = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:group@example
            DTSTART;TZID=Europe/London:20240305T100000
            DTEND;TZID=Europe/London:20240305T110000
            RRULE:FREQ=WEEKLY;COUNT=3
            SUMMARY:Delivery group
            END:VEVENT
            """
        let before = series + "\nEND:VCALENDAR"
        let after =
            series + """

                BEGIN:VEVENT
                UID:group@example
                RECURRENCE-ID;TZID=Europe/London:20240312T100000
                DTSTART;TZID=Europe/London:20240313T150000
                SUMMARY:Delivery group
                END:VEVENT
                END:VCALENDAR
                """
        // Act
        let first = CalendarFixture.read(text: before).events
        let again = CalendarFixture.read(text: before).events
        let moved = CalendarFixture.read(text: after).events
        // Check
        #expect(first == again)
        #expect(
            first.map(\.key) == [
                "group@example/20240305T100000Z", "group@example/20240312T100000Z", "group@example/20240319T100000Z"
            ])
        #expect(moved.map(\.key) == first.map(\.key))
        #expect(CalendarFixture.utcText(moved[1].startsAt) == "2024-03-13T15:00:00Z")
        #expect(
            moved[1].endsAt == moved[1].startsAt.addingTimeInterval(3_600),
            "an override with no end keeps the series' length")
    }

    @Test func aThisAndFutureChangeOnLondonsClockKeepsItsTimeAcrossTheClockChange() {
        // Setup: Thursdays at 10:00 from 5 March 2026; from 19 March at 14:00 for an hour, in another room.
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:board@example
            DTSTART;TZID=Europe/London:20260305T100000
            DTEND;TZID=Europe/London:20260305T120000
            RRULE:FREQ=WEEKLY;COUNT=5
            SUMMARY:Board
            LOCATION:Room 1
            END:VEVENT
            BEGIN:VEVENT
            UID:board@example
            RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20260319T100000
            DTSTART;TZID=Europe/London:20260319T140000
            DTEND;TZID=Europe/London:20260319T150000
            SUMMARY:Board
            LOCATION:Room 2
            SEQUENCE:1
            END:VEVENT
            END:VCALENDAR
            """
        // Act
        let file = CalendarFixture.read(text: text, from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z")
        // Check
        #expect(file.issues.isEmpty)
        #expect(
            file.events.map { CalendarFixture.londonTime($0.startsAt) } == [
                "10:00", "10:00", "14:00", "14:00", "14:00"
            ],
            "14:00 in London after the clocks go forward on 29 March, too")
        #expect(file.events.map(\.location) == ["Room 1", "Room 1", "Room 2", "Room 2", "Room 2"])
        #expect(
            file.events.suffix(3).allSatisfy { $0.endsAt == $0.startsAt.addingTimeInterval(3_600) && $0.isException })
        #expect(
            file.events.map(\.key) == [
                "board@example/20260305T100000Z", "board@example/20260312T100000Z", "board@example/20260319T100000Z",
                "board@example/20260326T100000Z", "board@example/20260402T090000Z"
            ], "each keeps the key of the occurrence it was")
    }

    @Test func anAllDaySeriesExcludesByDateWhateverTheZoneOfItsExdate() {
        // Setup: Exchange writes an all-day series' EXDATE as midnight in its own zone.
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:away@example
            DTSTART;VALUE=DATE:20260219
            DTEND;VALUE=DATE:20260220
            RRULE:FREQ=WEEKLY;COUNT=3
            EXDATE;TZID=W. Europe Standard Time:20260226T000000
            SUMMARY:Away day
            END:VEVENT
            END:VCALENDAR
            """
        // Act
        let file = CalendarFixture.read(text: text, from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z")
        // Check
        #expect(file.events.map { $0.allDay!.lowerBound.description } == ["2026-02-19", "2026-03-05"])
    }

    @Test func vtodoAndCancelledSeries() {
        // Setup
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:old-forum@example
            DTSTART;VALUE=DATE:20240301
            RRULE:FREQ=MONTHLY;COUNT=2
            STATUS:CANCELLED
            SUMMARY:Old forum
            END:VEVENT
            BEGIN:VTODO
            UID:action-12@example
            SUMMARY:Circulate the naloxone paper
            DUE;VALUE=DATE:20240322
            STATUS:IN-PROCESS
            END:VTODO
            END:VCALENDAR
            """
        // Act
        let file = CalendarFixture.read(text: text)
        // Check
        #expect(file.issues.isEmpty)
        #expect(file.events.map(\.key) == ["old-forum@example/20240301", "old-forum@example/20240401"])
        #expect(file.events.allSatisfy { $0.status == .cancelled })
        #expect(
            file.tasks == [
                CalendarTask(
                    uid: "action-12@example", summary: "Circulate the naloxone paper",
                    dueDay: CalendarFixture.day("2024-03-22"), status: .inProcess, line: 9)
            ])
    }

    // MARK: Bad input

    @Test func aBadDateNamesItsLineAndProperty() {
        // Setup
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:1@example
            SUMMARY:Board
            DTSTART:2024-13-01
            END:VEVENT
            END:VCALENDAR
            """
        // Act
        let issues = CalendarFixture.read(text: text).issues.map(\.description)
        // Check
        #expect(
            issues == [
                "line 5, DTSTART: '2024-13-01' is not a date; expected yyyymmdd or yyyymmddThhmmss, such as 20240315T100000"
            ])
    }

    @Test func anUnknownFrequencyNamesItsLine() {
        // Setup
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:1@example
            DTSTART:20240301T100000Z
            RRULE:FREQ=FORTNIGHTLY;COUNT=4
            END:VEVENT
            END:VCALENDAR
            """
        // Act
        let file = CalendarFixture.read(text: text)
        // Check
        #expect(
            file.issues.map(\.description) == [
                "line 5, RRULE: 'FREQ=FORTNIGHTLY' is not a frequency; expected DAILY, WEEKLY, MONTHLY or YEARLY"
            ])
        #expect(file.events.isEmpty, "a bad event is not half-imported")
    }

    @Test func aMissingStartNamesTheEvent() {
        // Setup
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:ok@example
            DTSTART:20240301T100000Z
            SUMMARY:Fine
            END:VEVENT
            BEGIN:VEVENT
            UID:1@example
            SUMMARY:Board
            END:VEVENT
            END:VCALENDAR
            """
        // Act
        let file = CalendarFixture.read(text: text)
        // Check
        #expect(
            file.issues.map(\.description) == [
                "line 7, DTSTART: the event 'Board' has no DTSTART; every meeting needs a start"
            ])
        #expect(file.issues.first?.field == "DTSTART")
    }

    @Test func anUnterminatedBeginNamesItsLine() {
        // Setup: a file cut short.
        let text = """
            BEGIN:VCALENDAR
            VERSION:2.0
            BEGIN:VEVENT
            UID:1@example
            DTSTART:20240301T100000Z
            SUMMARY:Board
            """
        // Act
        let issues = CalendarFixture.read(text: text).issues.map(\.description)
        // Check
        #expect(
            issues == [
                "line 3, BEGIN: 'VEVENT' is never closed; expected END:VEVENT",
                "line 1, BEGIN: 'VCALENDAR' is never closed; expected END:VCALENDAR"
            ])
    }

    @Test func otherProblemsAreReportedToo() {
        // Setup
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART:20240301T100000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:2@example
            DTSTART;TZID=Mars/Olympus Mons:20240301T100000
            END:VEVENT
            BEGIN:VEVENT
            UID:3@example
            DTSTART:20240301T100000Z
            DTEND:20240301T090000Z
            STATUS:POSTPONED
            END:VEVENT
            BEGIN:VEVENT
            UID:4@example
            DTSTART:20240301T100000Z
            RRULE:FREQ=DAILY
            EXDATE:20240302T100000Z,20240303
            END:VEVENT
            END:VCALENDAR
            """
        // Act
        let file = CalendarFixture.read(text: text, to: "2024-03-10T00:00:00Z")
        let issues = file.issues.map(\.description)
        // Check
        #expect(file.warnings.map(\.location) == ["line 2"], "an event without a UID is read, with a warning")
        #expect(
            issues == [
                "line 7, DTSTART: the time zone 'Mars/Olympus Mons' is not known and the file does not define it in a VTIMEZONE",
                "line 12, DTEND: the event ends before it starts",
                "line 13, STATUS: 'POSTPONED' is not an event status; expected CONFIRMED, TENTATIVE or CANCELLED"
            ])
    }

    @Test func aSeriesWithTooManyOccurrencesIsReported() {
        // Setup
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:daily@example
            DTSTART:20240301T100000Z
            RRULE:FREQ=DAILY
            SUMMARY:Stand-up
            END:VEVENT
            END:VCALENDAR
            """
        // Act
        let file = CalendarImport.read(
            Data(text.utf8),
            window: DateInterval(
                start: CalendarFixture.utc("2024-01-01T00:00:00Z"),
                end: CalendarFixture.utc("2025-01-01T00:00:00Z")),
            limit: 100)
        // Check
        #expect(file.events.count == 100)
        #expect(
            file.issues.map(\.description) == [
                "line 2, RRULE: the series 'Stand-up' has more than 100 occurrences in the period imported; give it an end (UNTIL or COUNT) or import a shorter period"
            ])
    }
}
