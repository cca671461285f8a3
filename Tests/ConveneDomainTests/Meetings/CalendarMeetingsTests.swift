import ConveneDomain
import Foundation
import Testing

@Suite struct CalendarMeetingsTests {
    static let london = TimeZone(identifier: "Europe/London")!

    static func read(_ text: String) -> CalendarImport {
        let window = DateInterval(start: Date(timeIntervalSince1970: 1_700_000_000), duration: 5 * 366 * 86_400)
        return CalendarImport.read(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), window: window)
    }

    static let file = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test//EN
        BEGIN:VEVENT
        UID:board-series@example.org
        DTSTAMP:20240101T000000Z
        DTSTART;TZID=Europe/London:20240305T100000
        DTEND;TZID=Europe/London:20240305T120000
        RRULE:FREQ=WEEKLY;COUNT=3
        SUMMARY:CDP board
        LOCATION:Police HQ\\, Room 2
        X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.example.org/join/1
        END:VEVENT
        BEGIN:VEVENT
        UID:board-series@example.org
        DTSTAMP:20240101T000000Z
        RECURRENCE-ID;TZID=Europe/London:20240312T100000
        DTSTART;TZID=Europe/London:20240313T140000
        DTEND;TZID=Europe/London:20240313T160000
        SUMMARY:CDP board (moved)
        END:VEVENT
        BEGIN:VEVENT
        UID:cancelled@example.org
        DTSTAMP:20240101T000000Z
        DTSTART:20240320T100000Z
        STATUS:CANCELLED
        SUMMARY:Away day
        END:VEVENT
        END:VCALENDAR
        """

    @Test func eventsBecomeMeetingsWithStableKeysStatusAndFormat() throws {
        // Act
        let file = Self.read(Self.file)
        let meetings = file.events.map {
            CalendarMeetings.meeting(from: $0, partnershipKey: "cdp", timeZone: Self.london)
        }
        let again = Self.read(Self.file).events.map {
            CalendarMeetings.meeting(from: $0, partnershipKey: "cdp", timeZone: Self.london)
        }

        // Check
        #expect(file.issues.isEmpty)
        #expect(meetings.count == 4)
        #expect(meetings.map(\.key) == again.map(\.key))
        #expect(Set(meetings.map(\.key)).count == 4)
        let moved = try #require(meetings.first { $0.name == "CDP board (moved)" })
        // A moved occurrence keeps the key of the day it was planned for.
        #expect(moved.key.hasPrefix("cdp-2024-03-12-"))
        #expect(moved.startsAt == ISO8601DateFormatter().date(from: "2024-03-13T14:00:00Z"))
        let first = try #require(meetings.first)
        #expect(
            first.format == .hybrid && first.place == "Police HQ, Room 2"
                && first.onlineURL == "https://teams.example.org/join/1")
        #expect(first.durationMinutes == 120)
        #expect(meetings.first { $0.name == "Away day" }?.status == .cancelled)
        #expect(meetings.allSatisfy { $0.validate().isEmpty })
    }

    @Test func aMeetingBecomesAFeedEventNamingAttendeesOnlyWhenGiven() {
        let meeting = Meeting(
            key: "cdp-2026-03-03", partnershipKey: "cdp", name: "CDP board",
            startsAt: Date(timeIntervalSince1970: 1_772_532_000), status: .cancelled, format: .online,
            onlineURL: "https://teams.example.org/join/2")
        let event = CalendarMeetings.event(
            for: meeting, url: nil, attendees: [CalendarAttendee(name: "Chair", email: nil)])
        let feed = CalendarFeed.write(
            name: "CDP", events: [event], includeAttendees: false, stamp: Date(timeIntervalSince1970: 0))
        #expect(
            event.status == .cancelled && event.location == "Online"
                && event.endsAt == meeting.startsAt.addingTimeInterval(3600))
        #expect(event.uid == "cdp-2026-03-03@convene")
        #expect(!feed.contains("ATTENDEE") && feed.contains("STATUS:CANCELLED"))
    }

    @Test(
        arguments: [
            ("Microsoft Teams Meeting", MeetingFormat.online, nil, MeetingFormat.online),
            ("Microsoft Teams Meeting; Police HQ, Room 2", .hybrid, "Police HQ, Room 2", .hybrid),
            ("Zoom", .online, nil, .online),
            ("Teams Room 4", .hybrid, "Teams Room 4", .inPerson)
        ] as [(String, MeetingFormat, String?, MeetingFormat)])
    func anOnlinePlatformInTheLocationIsNotAPlace(
        location: String, format: MeetingFormat, place: String?, linkless: MeetingFormat
    ) {
        var event = CalendarEvent(
            uid: "x@example.org", summary: "Board", startsAt: Date(timeIntervalSince1970: 1_772_532_000),
            endsAt: Date(timeIntervalSince1970: 1_772_539_200))
        event.location = location
        event.onlineMeetingURL = "https://teams.example.org/join/3"
        let meeting = CalendarMeetings.meeting(from: event, partnershipKey: "cdp", timeZone: Self.london)
        #expect(meeting.format == format)
        #expect(meeting.place == place)

        // Without a joining link, a platform alone still says the meeting is online.
        event.onlineMeetingURL = nil
        #expect(CalendarMeetings.meeting(from: event, partnershipKey: "cdp", timeZone: Self.london).format == linkless)
    }
}
