import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The calendar files of Tests/corpus/calendars end to end: imported, imported again (nothing changes), exported,
/// and the export read back holds the same meetings as the file; and the warnings a file earns reach the user.
extension MeetingTests {
    static let corpus = Fixtures.repository.appendingPathComponent("Tests/corpus/calendars")

    /// Each corpus file with the day the test takes for today, so that its meetings fall in the import's window
    /// (ten years back, five ahead) and in the export's (a year back, two ahead).
    static let corpusToday: [String: Day] = [
        "calendarlabs-empty-rrule.ics": Day(year: 2020, month: 1, day: 1)!,
        "exchange-allday-moved.ics": TestClock.today,
        "exchange-allday-moved-offset-tzid.ics": TestClock.today,
        "fastmail-two-rrules.ics": Day(year: 2023, month: 6, day: 1)!,
        "feed-byhour-byminute.ics": TestClock.today,
        "outlook-lost-fold-space.ics": TestClock.today,
        "owa-events-without-uid.ics": Day(year: 2021, month: 1, day: 1)!,
        "range-thisandfuture.ics": Day(year: 2025, month: 1, day: 1)!,
        "thunderbird-byweekno-byyearday.ics": TestClock.today
    ]

    @Test func theCorpusTableNamesEveryFile() throws {
        // Act
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter {
            $0.hasSuffix(".ics")
        }
        // Check
        #expect(Set(names) == Set(Self.corpusToday.keys))
    }

    @Test(arguments: corpusToday.keys.sorted())
    func aCorpusCalendarImportsWholeAgainChangesNothingAndExportsTheSameMeetings(_ name: String) async throws {
        let today = try #require(Self.corpusToday[name])
        let now = Now.fixed(today, minute: 10 * 60)
        try await withConveneApp(now: now) { app in
            // Setup
            try await Self.setUp(app)
            let data = try Data(contentsOf: Self.corpus.appendingPathComponent(name))
            let clock = now()
            let expected = CalendarImport.read(
                data,
                window: DateInterval(
                    start: clock.addingTimeInterval(-10 * 366 * 86_400), end: clock.addingTimeInterval(5 * 366 * 86_400)
                ))

            // Act
            let first = try await Tasks.importCalendar(data, partnership: "csp", on: app.db, now: now)
            let stored = try await Self.meetings(app, of: "csp")
            let audits = try await Self.auditCount(app)
            let again = try await Tasks.importCalendar(data, partnership: "csp", on: app.db, now: now)
            let storedAgain = try await Self.meetings(app, of: "csp")
            let exported = try await Tasks.exportCalendar(
                partnership: "csp", includeAttendees: true, on: app.db, now: now)

            // Check: the import
            guard case .imported(let created, 0, 0, 0, let warnings) = first else {
                Issue.record("\(name) was not imported whole: \(first)"); return
            }
            #expect(created == expected.events.count && created == stored.count, "\(name): one meeting per event")
            #expect(warnings == expected.warnings, "\(name): the file's warnings come with the result")
            #expect(
                stored.map(\.startsAt).sorted() == expected.events.map(\.startsAt).sorted(),
                "\(name): the meetings start when the file says")
            // Check: again, nothing changes
            guard case .imported(0, 0, let unchanged, 0, _) = again else {
                Issue.record("\(name) again changed something: \(again)"); return
            }
            #expect(unchanged == created)
            #expect(storedAgain.map(\.id) == stored.map(\.id) && storedAgain.map(\.key) == stored.map(\.key))
            #expect(try await Self.auditCount(app) == audits, "\(name): no audit entry the second time")
            // Check: the export holds the file's meetings of its window (a year back, two ahead)
            let from = clock.addingTimeInterval(-366 * 86_400)
            let to = clock.addingTimeInterval(2 * 366 * 86_400)
            let back = CalendarImport.read(exported, window: DateInterval(start: from, end: to))
            #expect(back.issues.isEmpty && back.warnings.isEmpty, "\(name): \(back.issues) \(back.warnings)")
            func lines(_ events: [CalendarEvent]) -> [String] {
                events.map { "\(ISO8601DateFormatter().string(from: $0.startsAt)) \($0.status.rawValue)" }.sorted()
            }
            let inWindow = expected.events.filter { $0.startsAt >= from && $0.startsAt < to }
            #expect(!inWindow.isEmpty, "\(name) has meetings in the export's window")
            #expect(lines(back.events) == lines(inWindow), "\(name): the export holds the same meetings")
        }
    }

    @Test func aCalendarFilesWarningsReachThePageTheAPIAndTheCommandLine() async throws {
        try await withConveneApp(now: Now.fixed(Day(year: 2021, month: 1, day: 1)!, minute: 10 * 60)) { app in
            // Setup: Outlook Web App's export, whose events have no UID.
            try await Self.setUp(app)
            let data = try Data(contentsOf: Self.corpus.appendingPathComponent("owa-events-without-uid.ics"))

            // Act
            let page = try await Self.postFile(
                app, "/partnerships/cdp/meetings/import", name: "owa-events-without-uid.ics", data: data)
            let api = try await app.send(
                .POST, "/api/v1/partnerships/board/calendar", json: String(decoding: data, as: UTF8.self))
            let task = try await Tasks.importCalendar(
                data, partnership: "csp", on: app.db, now: Now.fixed(Day(year: 2021, month: 1, day: 1)!, minute: 600))

            // Check
            #expect(page.status == .ok, "\(page.status): \(page.text.prefix(600))")
            #expect(page.text.contains("<h2 class=\"heading-m\">Warnings</h2>"), "\(page.text.prefix(2_000))")
            #expect(page.text.contains("line 25") && page.text.contains("has no UID, so it is known by"))
            #expect(api.status == .ok, "\(api.status): \(api.text.prefix(600))")
            let json = try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any]
            let warnings = json?["warnings"] as? [[String: Any]] ?? []
            #expect(warnings.map { $0["location"] as? String } == ["line 6", "line 25", "line 44", "line 63"])
            #expect(warnings.allSatisfy { $0["field"] as? String == "UID" })
            guard case .imported(let created, _, _, _, let found) = task else {
                Issue.record("the OWA file was refused: \(task)"); return
            }
            #expect(created > 0 && found.count == 4 && found.allSatisfy { $0.field == "UID" })
            let printed = Tasks.describeCalendarImport(
                file: "owa.ics", created: created, updated: 0, unchanged: 0, skipped: 0, warnings: found)
            #expect(
                printed.contains(
                    "\nWarnings (4; the rest of the file went in):\n  - line 6, UID: the event ' TEST Syd' has no UID"))
        }
    }
}
