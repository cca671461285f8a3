import Foundation
import Testing

@testable import ConveneDomain

/// A partnership's feed with every kind of event and task, shared by the tests and the Python check.
enum FeedFixture {
    static let stamp = CalendarFixture.utc("2024-03-01T09:00:00Z")

    static let events: [CalendarEvent] = [
        CalendarEvent(
            uid: "meeting-41@convene", summary: "Combating Drugs Partnership board",
            description:
                "Agenda:\n1. Minutes, actions; matters arising\n2. Naloxone in custody – café-style workshop ☕\n3. \\\\server\\papers",
            location: "County Hall, Glenfield; Room 2.14",
            startsAt: CalendarFixture.utc("2024-04-10T09:00:00Z"), endsAt: CalendarFixture.utc("2024-04-10T10:30:00Z"),
            sequence: 3, stamp: CalendarFixture.utc("2024-03-28T16:45:00Z"),
            organizer: CalendarAttendee(name: "Okafor, Grace", email: "grace.okafor@opcc.example.police.uk"),
            attendees: [
                CalendarAttendee(
                    name: "Director of Public Health", email: "dph@leicester.example.gov.uk",
                    role: .chair, participation: .accepted),
                CalendarAttendee(
                    name: "Lee, Sam: ICB \"lead\"", email: "sam.lee@llr-icb.example.nhs.uk",
                    role: .required, participation: .tentative),
                CalendarAttendee(
                    email: "analyst@leicester.example.gov.uk", role: .optional, participation: .needsAction)
            ],
            url: "https://convene.example/partnerships/leicester-cdp/meetings/41",
            onlineMeetingURL:
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjY5ZTIx%40thread.v2/0?context=%7b%22Tid%22%7d"),
        CalendarEvent(
            uid: "meeting-40@convene", summary: "Finance sub-group",
            startsAt: CalendarFixture.utc("2024-03-12T10:00:00Z"),
            endsAt: CalendarFixture.utc("2024-03-12T11:00:00Z"), status: .cancelled, sequence: 1),
        CalendarEvent(
            uid: "meeting-42@convene", summary: "Partnership away days",
            days: CalendarFixture.day("2024-04-15")...CalendarFixture.day("2024-04-16")),
        CalendarEvent(
            uid: "meeting-43@convene", summary: "Delivery group (provisional)", description: nil,
            startsAt: CalendarFixture.utc("2024-11-05T10:00:00Z"), status: .tentative,
            stamp: CalendarFixture.utc("2024-03-02T08:00:00Z"))
    ]

    static let tasks: [CalendarTask] = [
        CalendarTask(
            uid: "action-7@convene", summary: "Circulate the naloxone paper, with the data",
            description: "Owner: DPH; due before the board", dueDay: CalendarFixture.day("2024-04-03")),
        CalendarTask(
            uid: "action-8@convene", summary: "Book the away days venue",
            due: CalendarFixture.utc("2024-03-20T17:00:00Z"),
            status: .completed, stamp: CalendarFixture.utc("2024-03-19T12:00:00Z")),
        CalendarTask(uid: "action-9@convene", summary: "Draft the data sharing agreement", status: .inProcess),
        CalendarTask(uid: "action-10@convene", summary: "Old action", status: .cancelled)
    ]

    static func feed(includeAttendees: Bool = true) -> String {
        CalendarFeed.write(
            name: "Leicester Combating Drugs Partnership", events: events, tasks: tasks,
            includeAttendees: includeAttendees, stamp: stamp)
    }
}

@Suite struct CalendarFeedTests {
    private func physicalLines(_ text: String) -> [Substring] {
        Array(text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast())
    }

    @Test func writesAPublishedCalendar() {
        // Act
        let feed = FeedFixture.feed()
        // Check
        let lines = physicalLines(feed)
        #expect(
            Array(lines.prefix(9)) == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Convene//Convene//EN",
                "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Leicester Combating Drugs Partnership",
                "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H", "BEGIN:VEVENT"
            ])
        #expect(lines.last == "END:VCALENDAR")
        #expect(feed.contains("\r\nDTSTART:20240410T090000Z\r\nDTEND:20240410T103000Z\r\n"))
        #expect(
            feed.contains("\r\nDTSTART;VALUE=DATE:20240415\r\nDTEND;VALUE=DATE:20240417\r\n"),
            "DTEND is the day after the last")
        #expect(feed.contains("\r\nSUMMARY:Circulate the naloxone paper\\, with the data\r\n"))
        #expect(feed.contains("\r\nDUE;VALUE=DATE:20240403\r\n"))
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        #expect(
            unfolded.contains(
                "\r\nATTENDEE;CN=\"Lee, Sam: ICB 'lead'\";ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE:mailto:sam.lee@"),
            "a name with a comma or colon is quoted; a double quote inside becomes an apostrophe")
        #expect(feed.contains("\r\nDTSTAMP:20240301T090000Z\r\n"), "events with no stamp of their own take the feed's")
        #expect(feed.components(separatedBy: "BEGIN:VEVENT").count - 1 == 4)
        #expect(feed.components(separatedBy: "BEGIN:VTODO").count - 1 == 4)
    }

    @Test func foldsEveryLineWithinSeventyFiveOctetsAndEndsItWithCRLF() {
        // Act
        let feed = FeedFixture.feed()
        // Check
        let bytes = Array(feed.utf8)
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(i > 0 && bytes[i - 1] == 0x0D, "no bare line feed")
        }
        let lines = physicalLines(feed)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains { $0.utf8.count > 70 }, "long lines are folded near the limit, not early")
        #expect(lines.allSatisfy { String(validating: Array($0.utf8), as: UTF8.self) != nil }, "no character is split")
    }

    @Test func readingAFeedGivesBackItsEventsAndTasks() {
        // Setup
        let window = DateInterval(
            start: CalendarFixture.utc("2024-01-01T00:00:00Z"), end: CalendarFixture.utc("2025-01-01T00:00:00Z"))
        // Act
        let file = CalendarImport.read(Data(FeedFixture.feed().utf8), window: window)
        // Check
        #expect(file.issues.isEmpty, "\(file.issues)")
        #expect(file.name == "Leicester Combating Drugs Partnership")
        let events = file.events.map { event in
            var event = event; event.line = nil; return event
        }
        let written = FeedFixture.events.map { event in
            var event = event
            event.stamp = event.stamp ?? FeedFixture.stamp
            // A parameter cannot hold a double quote: the writer puts an apostrophe instead.
            event.attendees = event.attendees.map { person in
                var person = person
                person.name = person.name?.replacingOccurrences(of: "\"", with: "'")
                return person
            }
            return event
        }.sorted { $0.startsAt < $1.startsAt }
        #expect(events == written)
        let tasks = file.tasks.map { task in
            var task = task; task.line = nil; return task
        }
        #expect(
            tasks
                == FeedFixture.tasks.map { task in
                    var task = task; task.stamp = task.stamp ?? FeedFixture.stamp; return task
                }
                .sorted { $0.uid < $1.uid })
    }

    @Test func publicFeedsCarryNoPeople() {
        // Act
        let feed = FeedFixture.feed(includeAttendees: false)
        // Check
        #expect(!feed.contains("ATTENDEE"))
        #expect(!feed.contains("ORGANIZER"))
        #expect(!feed.contains("@leicester.example.gov.uk") && !feed.contains("@opcc.example"))
        #expect(feed.contains("SUMMARY:Combating Drugs Partnership board"))
    }

    @Test func theSameMeetingsGiveTheSameBytes() {
        // Act
        let first = FeedFixture.feed()
        let shuffled = CalendarFeed.write(
            name: "Leicester Combating Drugs Partnership", events: FeedFixture.events.reversed(),
            tasks: FeedFixture.tasks.reversed(), includeAttendees: true, stamp: FeedFixture.stamp)
        // Check
        #expect(first == FeedFixture.feed())
        #expect(first == shuffled, "order of the input does not matter")
    }

    /// Writes sample feeds for `scripts/check-ics-python`, which parses them with Python's icalendar package.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CONVENE_ICS_OUT"] != nil))
    func writesSampleFeedsForThePythonCheck() throws {
        // Setup
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CONVENE_ICS_OUT"]!)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let window = DateInterval(
            start: CalendarFixture.utc("2024-01-01T00:00:00Z"), end: CalendarFixture.utc("2025-01-01T00:00:00Z"))
        let imported =
            try CalendarFixture.read("outlook-export.ics", from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z")
            .events
            + CalendarImport.read(try CalendarFixture.data("google-export.ics"), window: window).events
        // Act
        let feeds = [
            "partnership.ics": FeedFixture.feed(),
            "public.ics": FeedFixture.feed(includeAttendees: false),
            "empty.ics": CalendarFeed.write(
                name: "Nothing yet", events: [], includeAttendees: false, stamp: FeedFixture.stamp),
            "imported.ics": CalendarFeed.write(
                name: "Imported from Outlook and Google", events: imported,
                includeAttendees: true, stamp: FeedFixture.stamp)
        ]
        for (name, text) in feeds {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        // Check
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ics") }.count >= 4)
    }
}
