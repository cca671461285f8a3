import Foundation
import Testing

@testable import ConveneDomain

/// The calendar files of Tests/corpus/calendars (real exports, or files written in a client's own dialect where
/// none could be had; its README says which), each read as the client meant it.
enum CalendarCorpus {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus/calendars")

    /// Every file, with the window its meetings fall in (also the window the Python comparison expands).
    static let windows: [String: (from: String, to: String)] = [
        "calendarlabs-empty-rrule.ics": ("2019-01-01T00:00:00Z", "2023-01-01T00:00:00Z"),
        "exchange-allday-moved.ics": ("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
        "exchange-allday-moved-offset-tzid.ics": ("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
        "fastmail-two-rrules.ics": ("2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z"),
        "feed-byhour-byminute.ics": ("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
        "outlook-lost-fold-space.ics": ("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
        "owa-events-without-uid.ics": ("2020-01-01T00:00:00Z", "2022-01-01T00:00:00Z"),
        // The series ends with a DATE UNTIL under a UTC start, which expanders read differently on its last day.
        "range-thisandfuture.ics": ("2024-08-01T00:00:00Z", "2025-06-01T00:00:00Z"),
        "thunderbird-byweekno-byyearday.ics": ("2025-01-01T00:00:00Z", "2030-01-01T00:00:00Z")
    ]

    static func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    static func read(_ name: String) throws -> CalendarImport {
        let window = try #require(windows[name], "\(name) has no window")
        return CalendarImport.read(
            try data(name),
            window: DateInterval(start: CalendarFixture.utc(window.from), end: CalendarFixture.utc(window.to)))
    }

    static func starts(_ events: [CalendarEvent]) -> [String] { events.map { CalendarFixture.utcText($0.startsAt) } }
}

@Suite struct CalendarCorpusTests {
    @Test func everyFileIsInTheCorpusTableAndReadsWholeTheSameTwice() throws {
        // Setup
        let names = try FileManager.default.contentsOfDirectory(atPath: CalendarCorpus.folder.path).filter {
            $0.hasSuffix(".ics")
        }
        // Check
        #expect(Set(names) == Set(CalendarCorpus.windows.keys), "every corpus file is tested, and only those")
        for name in names.sorted() {
            // Act
            let first = try CalendarCorpus.read(name)
            let again = try CalendarCorpus.read(name)
            // Check
            #expect(first.issues.isEmpty, "\(name): \(first.issues)")
            #expect(!first.events.isEmpty, "\(name) has meetings in its window")
            #expect(first.events == again.events, "\(name) reads the same twice, keys included")
            #expect(Set(first.events.map(\.key)).count == first.events.count, "\(name): one key per meeting")
        }
    }

    @Test func everyFileWrittenAsAFeedAndReadBackKeepsItsMeetings() throws {
        for name in CalendarCorpus.windows.keys.sorted() {
            // Setup
            let file = try CalendarCorpus.read(name)
            // Act
            let feed = CalendarFeed.write(
                name: name, events: file.events, includeAttendees: true,
                stamp: CalendarFixture.utc("2026-01-01T00:00:00Z"))
            let back = CalendarImport.read(
                Data(feed.utf8),
                window: DateInterval(
                    start: CalendarFixture.utc("2000-01-01T00:00:00Z"), end: CalendarFixture.utc("2040-01-01T00:00:00Z")
                ))
            // Check
            #expect(back.issues.isEmpty && back.warnings.isEmpty, "\(name): \(back.issues) \(back.warnings)")
            // An all-day event is its days: a feed writes dates, which a reader places in its own zone.
            func summary(_ events: [CalendarEvent]) -> [String] {
                events.map {
                    let when =
                        $0.allDay.map { "\($0.lowerBound)…\($0.upperBound)" } ?? CalendarFixture.utcText($0.startsAt)
                    return "\(when) \($0.summary) \($0.status.rawValue)"
                }.sorted()
            }
            #expect(summary(back.events) == summary(file.events), "\(name): the same meetings after a round trip")
        }
    }

    // MARK: Exchange: an all-day series moved by a day

    @Test func anExchangeAllDayOverrideReplacesItsOccurrenceByDateInItsOwnZone() throws {
        for (name, uid) in [
            ("exchange-allday-moved.ics", "exchange-moved-recurrence"),
            ("exchange-allday-moved-offset-tzid.ics", "exchange-moved-recurrence-offset-tz")
        ] {
            // Act: RECURRENCE-ID;TZID=W. Europe Standard Time (or UTC+01):20260226T000000 on a VALUE=DATE series.
            let file = try CalendarCorpus.read(name)
            // Check
            #expect(file.issues.isEmpty && file.warnings.isEmpty, "\(name): \(file.issues) \(file.warnings)")
            let days = file.events.compactMap { $0.allDay?.lowerBound.description }
            #expect(days.count == file.events.count, "\(name): every occurrence is all-day")
            #expect(!days.contains("2026-02-26"), "\(name): the moved Thursday is not kept at its old date")
            #expect(Array(days.prefix(4)) == ["2026-02-19", "2026-02-24", "2026-02-27", "2026-03-03"], "\(name)")
            let moved = try #require(file.events.first { $0.isException }, "\(name)")
            #expect(moved.key == uid + "/20260226", "\(name): the key of the occurrence it replaces")
            #expect(moved.allDay == CalendarFixture.day("2026-02-27")...CalendarFixture.day("2026-02-27"))
            #expect(CalendarFixture.utcText(moved.recurrenceID!) == "2026-02-26T00:00:00Z", "midnight in London")
            // Tuesdays and Thursdays from 19 February to 17 August 2026.
            #expect(file.events.count == 51, "\(name)")
            #expect(file.events.filter(\.isException).count == 1)
        }
    }

    // MARK: RANGE=THISANDFUTURE

    @Test func aThisAndFutureChangeMovesEveryLaterOccurrence() throws {
        // Act: every two days at 12:00 UTC from 1 September 2024; from 13 September 3 hours earlier and 7 hours
        // long; 15 September alone at 17:00; from 21 September a day, 2 hours and 22 minutes later.
        let file = try CalendarCorpus.read("range-thisandfuture.ics")
        // Check
        #expect(file.issues.isEmpty && file.warnings.isEmpty, "\(file.issues) \(file.warnings)")
        #expect(
            Array(CalendarCorpus.starts(file.events).prefix(12)) == [
                "2024-09-01T12:00:00Z", "2024-09-03T12:00:00Z", "2024-09-05T12:00:00Z", "2024-09-07T12:00:00Z",
                "2024-09-09T12:00:00Z", "2024-09-11T12:00:00Z", "2024-09-13T09:00:00Z",
                "2024-09-14T06:00:00Z",  // RDATE 09:00, moved with the rest
                "2024-09-15T17:00:00Z", "2024-09-17T09:00:00Z", "2024-09-19T09:00:00Z", "2024-09-22T14:22:00Z"
            ])
        let seventeenth = try #require(file.events.first { $0.key == "210/20240917T120000Z" })
        #expect(seventeenth.summary == "MODIFIED EVENT" && seventeenth.isException)
        #expect(seventeenth.endsAt == seventeenth.startsAt.addingTimeInterval(7 * 3_600), "the change's length")
        #expect(seventeenth.recurrenceID == CalendarFixture.utc("2024-09-17T12:00:00Z"))
        let later = try #require(file.events.first { $0.key == "210/20250101T120000Z" })
        #expect(CalendarFixture.utcText(later.startsAt) == "2025-01-02T14:22:00Z")
        #expect(later.summary == "EDITED EVENT" && later.endsAt == later.startsAt.addingTimeInterval(111 * 60))
        #expect(
            !file.events.contains {
                $0.summary == "ORIGINAL EVENT" && $0.startsAt > CalendarFixture.utc("2024-09-12T00:00:00Z")
            })
    }

    // MARK: Several RRULEs

    @Test func twoRulesGiveTheUnionOfTheirOccurrences() throws {
        // Act: Fastmail's weekly Thursdays (COUNT=20) and the second Monday of the month (COUNT=2).
        let file = try CalendarCorpus.read("fastmail-two-rrules.ics")
        // Check
        #expect(file.issues.isEmpty, "\(file.issues)")
        let mondays = file.events.filter { CalendarFixture.londonCalendar.component(.weekday, from: $0.startsAt) == 2 }
        #expect(CalendarCorpus.starts(mondays) == ["2023-02-13T10:00:00Z", "2023-03-13T10:00:00Z"])
        #expect(file.events.count == 22, "20 Thursdays and 2 Mondays")
        #expect(file.events.allSatisfy { CalendarFixture.londonTime($0.startsAt) == "10:00" })
    }

    // MARK: BYWEEKNO, BYYEARDAY, BYHOUR and BYMINUTE

    @Test func weekNumbersAndDaysOfTheYear() throws {
        // Act
        let file = try CalendarCorpus.read("thunderbird-byweekno-byyearday.ics")
        // Check
        #expect(file.issues.isEmpty, "\(file.issues)")
        func days(_ summary: String) -> [String] {
            file.events.filter { $0.summary == summary }.map {
                LocalDateTime(utc: $0.startsAt.addingTimeInterval(3_600)).day.description
            }
        }
        #expect(
            days("Partnership planning week: budget review") == [
                "2026-02-03", "2026-05-05", "2026-08-04", "2026-11-03", "2027-02-09", "2027-05-11", "2027-08-10",
                "2027-11-09"
            ], "the Tuesdays of ISO weeks 6, 19, 32 and 45")
        #expect(
            days("Year-end on-call handover") == ["2025-12-26", "2027-01-01", "2027-12-31", "2028-12-29"],
            "the Friday of the last ISO week: 2026's is 1 January 2027")
        #expect(
            days("Quarterly performance return check") == [
                "2026-04-01", "2026-07-01", "2026-10-01", "2026-12-31", "2027-04-01", "2027-07-01", "2027-10-01",
                "2027-12-31"
            ])
    }

    @Test func severalMeetingsOnOneDay() throws {
        // Act
        let file = try CalendarCorpus.read("feed-byhour-byminute.ics")
        // Check
        #expect(file.issues.isEmpty, "\(file.issues)")
        let dropIns = file.events.filter { $0.summary == "Needs assessment drop-in" }
        #expect(
            Array(dropIns.map { CalendarFixture.londonTime($0.startsAt) }.prefix(4)) == [
                "09:30", "14:30", "09:30", "14:30"
            ])
        #expect(dropIns.count == 12 && dropIns.allSatisfy { $0.endsAt == $0.startsAt.addingTimeInterval(45 * 60) })
        let slots = file.events.filter { $0.summary == "Data-sharing triage slot" }
        #expect(slots.count == 39, "4 slots on each of 10 weekdays, less one EXDATE")
        #expect(Set(slots.map { CalendarFixture.londonTime($0.startsAt) }) == ["10:00", "10:40", "16:00", "16:40"])
        #expect(Set(slots.map(\.key)).count == 39)
        #expect(slots.contains { $0.key == "8a6s4d2f0g9h7j5k3l1z@google.com/20260330T090000Z" }, "BST from 29 March")
    }

    // MARK: What mainstream parsers read, with a warning

    @Test func anEmptyRuleIsNoRule() throws {
        // Act: Calendar Labs' holidays, each with an empty RRULE line.
        let file = try CalendarCorpus.read("calendarlabs-empty-rrule.ics")
        // Check
        #expect(file.issues.isEmpty, "\(file.issues)")
        #expect(file.events.count == 34 && file.events.allSatisfy { $0.key == $0.uid && $0.allDay != nil })
        #expect(file.warnings.count == 34)
        #expect(
            file.warnings.first?.description
                == "line 15, RRULE: the rule is empty, so it adds no repeats; the event is read without it")
    }

    @Test func eventsWithoutAUIDGetAKeyFromTheirStartSummaryAndOrganiser() throws {
        // Act: Outlook Web App (Exchange 2010) writes no UID.
        let file = try CalendarCorpus.read("owa-events-without-uid.ics")
        let again = try CalendarCorpus.read("owa-events-without-uid.ics")
        // Check
        #expect(file.issues.isEmpty, "\(file.issues)")
        #expect(file.warnings.map(\.location) == ["line 6", "line 25", "line 44", "line 63"])
        #expect(file.warnings.allSatisfy { $0.field == "UID" && $0.message.contains("has no UID, so it is known by") })
        let uids = Set(file.events.map(\.uid))
        #expect(uids.count == 4 && uids.allSatisfy { $0.hasPrefix("no-uid-") })
        #expect(file.events.map(\.key) == again.events.map(\.key), "the same file gives the same keys")
        let sydney = try #require(file.events.first { $0.summary == " TEST Syd" })
        #expect(CalendarFixture.utcText(sydney.startsAt) == "2020-10-28T02:30:00Z", "13:30 in Sydney, on summer time")
        let weekly = file.events.filter { $0.summary == " TEST2" }
        #expect(weekly.count > 80 && weekly.allSatisfy { $0.key.hasPrefix($0.uid + "/") })
    }

    @Test func twoAlikeEventsWithoutAUIDStillGetTwoKeys() {
        // Setup
        let event = """
            BEGIN:VEVENT
            DTSTART:20240301T100000Z
            SUMMARY:Board
            END:VEVENT
            """
        // Act
        let file = CalendarFixture.read(text: "BEGIN:VCALENDAR\n\(event)\n\(event)\nEND:VCALENDAR")
        // Check
        #expect(file.issues.isEmpty)
        #expect(file.events.count == 2)
        #expect(file.events.map(\.key).sorted().last == file.events.map(\.key).sorted().first! + "-2")
    }

    @Test func aLineThatLostItsFoldSpaceIsJoinedToTheOneBefore() throws {
        // Act
        let file = try CalendarCorpus.read("outlook-lost-fold-space.ics")
        // Check
        #expect(file.issues.isEmpty, "\(file.issues)")
        #expect(file.warnings.map(\.location) == ["line 25", "line 26", "line 27"])
        #expect(
            file.warnings.first?.message
                == "the line does not start with a space but cannot start a property, so it is read as the rest of line 24 (its fold space was lost)"
        )
        let first = try #require(file.events.first)
        #expect(file.events.count == 6)
        #expect(
            first.description
                == "Agenda: 1. Minutes and actions 2. Drug-related deaths review 3.Treatment capacity and waiting times\n\n"
                + "Join on your computer or mobile app\nhttps://teams.microsoft.com/l/meetup-join/19%3ameeting_ZDk4YjE2NjMtNzE5"
                + "Zi00YzA1LWI5ZjEtOTQ4MmQ1YzI3ZTg0%40thread.v2/0\n")
        #expect(first.onlineMeetingURL?.hasSuffix("%40thread.v2/0") == true, "the link comes back whole")
    }

    // MARK: For the third-party expander

    /// Writes Convene's expansion of every corpus file (and of the two client fixtures) for
    /// Tests/calendar/check_expansions.py, which expands the same files with recurring-ical-events and compares.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CONVENE_ICS_OUT"] != nil))
    func writesCorpusExpansionsForThePythonCheck() throws {
        // Setup
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CONVENE_ICS_OUT"]!)
            .appendingPathComponent("expansions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixtures = [
            ("outlook-export.ics", ("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")),
            ("google-export.ics", ("2024-03-01T00:00:00Z", "2024-06-01T00:00:00Z"))
        ]
        let files =
            CalendarCorpus.windows.map { (CalendarCorpus.folder.appendingPathComponent($0.key), $0.value) }
            + fixtures.map { (CalendarFixture.folder.appendingPathComponent($0.0), (from: $0.1.0, to: $0.1.1)) }
        let repository =
            CalendarCorpus.folder.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path + "/"
        for (url, window) in files {
            // Act
            let data = try Data(contentsOf: url)
            let file = CalendarImport.read(
                data, window: DateInterval(start: CalendarFixture.utc(window.from), end: CalendarFixture.utc(window.to))
            )
            // The IANA zone Convene takes for each TZID the file names, for the names icalendar does not know.
            var zones: [String: String] = [:]
            for calendar in ICalendar.parse(data).calendars {
                for event in calendar.children("VEVENT") {
                    for property in event.properties {
                        if let tzid = property.parameter("TZID"), let zone = CalendarZone.named(tzid) {
                            zones[tzid] = zone.name
                        }
                    }
                }
            }
            let expansion: [String: Any] = [
                "source": String(url.path.dropFirst(repository.count)), "from": window.from, "to": window.to,
                "floating": file.timeZone ?? "Europe/London", "zones": zones,
                "starts": file.events.map { CalendarFixture.utcText($0.startsAt) }
            ]
            let json = try JSONSerialization.data(withJSONObject: expansion, options: [.prettyPrinted, .sortedKeys])
            try json.write(to: folder.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".json"))
            // Check
            #expect(file.issues.isEmpty, "\(url.lastPathComponent): \(file.issues)")
            #expect(url.path.hasPrefix(repository))
        }
    }
}
