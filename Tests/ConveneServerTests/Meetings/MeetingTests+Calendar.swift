import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Calendar files from Outlook and Google, imported twice; a series kept on London's clock.
extension MeetingTests {
    // MARK: 1. Calendar import

    static let outlookBoard =
        "040000008200E00074C5B7101A82E00800000000C0F1A4D8A36DDA01000000000000000010000000B1AB5B3B1F6F8E4C9C0A6B2B0C1D1E2F"
    static let outlookEuropol =
        "040000008200E00074C5B7101A82E00800000000D1E2F3A4B5C6DA01000000000000000010000000C2BC6C4C2A7A9F5DAD1B7C3C1D2E3F40"
    static let outlookFinance =
        "040000008200E00074C5B7101A82E00800000000E2F3A4B5C6D7DA01000000000000000010000000D3CD7D5D3B8BA06EBE2C8D4D2E3F4051"
    static let outlookAwayDay =
        "040000008200E00074C5B7101A82E00800000000F3A4B5C6D7E8DA01000000000000000010000000E4DE8E6E4C9CB17FCF3D9E5E3F405162"
    static let googleGroup = "3k9v1q2r7s8t0u4w6x5y1z2a3b@google.com"

    /// What the Outlook export holds, read by hand: calendar key → London wall clock and status.
    static let outlookMeetings: [String: (String, MeetingStatus)] = [
        outlookBoard + "/20240306T100000Z": ("2024-03-06 10:00", .scheduled),
        outlookBoard + "/20240313T100000Z": ("2024-03-13 10:00", .scheduled),
        outlookBoard + "/20240320T100000Z": ("2024-03-20 10:00", .scheduled),
        outlookBoard + "/20240327T100000Z": ("2024-03-27 10:00", .scheduled),
        // 3 April: EXDATE. From 31 March London is on BST, and 10:00 stays 10:00.
        outlookBoard + "/20240410T090000Z": ("2024-04-10 10:00", .scheduled),
        // The 17 April occurrence, moved to Thursday 18 April at 14:00.
        outlookBoard + "/20240417T090000Z": ("2024-04-18 14:00", .scheduled),
        outlookBoard + "/20240424T090000Z": ("2024-04-24 10:00", .scheduled),
        // 14:00 in W. Europe Standard Time.
        outlookEuropol: ("2024-01-16 13:00", .scheduled),
        // 09:30 in the file's own "Customized Time Zone" (GMT/BST rules), cancelled.
        outlookFinance: ("2024-07-10 09:30", .cancelled),
        // An all-day event starts at midnight in London.
        outlookAwayDay: ("2024-05-20 00:00", .scheduled)
    ]

    /// The Google export's events in spring 2024 (its weekly series has no end, so it goes on to the end of the window).
    static let googleMeetings: [String: (String, MeetingStatus)] = [
        googleGroup + "/20240305T100000Z": ("2024-03-05 10:00", .scheduled),
        googleGroup + "/20240312T100000Z": ("2024-03-12 10:00", .scheduled),
        googleGroup + "/20240326T100000Z": ("2024-03-26 10:00", .scheduled),
        googleGroup + "/20240402T090000Z": ("2024-04-02 10:00", .scheduled),
        googleGroup + "/20240409T090000Z": ("2024-04-10 14:30", .scheduled),  // moved to Wednesday afternoon
        googleGroup + "/20240416T090000Z": ("2024-04-16 10:00", .cancelled),  // one occurrence cancelled
        googleGroup + "/20240423T090000Z": ("2024-04-23 10:00", .scheduled),
        googleGroup + "/20240528T090000Z": ("2024-05-28 10:00", .scheduled),
        "7h2j4k6l8m0n1p3q5r7s9t@google.com": ("2024-04-15 00:00", .scheduled),  // two all-day days
        "2b4d6f8h0j2l4n6p8r0t@google.com": ("2024-03-20 15:00", .scheduled),  // in UTC, which is GMT in March
        "9x8w7v6u5t4s3r2q1p@google.com": ("2024-05-08 13:00", .cancelled)
    ]

    @Test func outlookAndGoogleExportsImportToTheRightMeetingsAndAgainChangeNothing() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let outlook = try Self.calendarFixture("outlook-export.ics")
            let google = try Self.calendarFixture("google-export.ics")

            // Act: Outlook through the page, Google through the command line's task.
            let page = try await Self.postFile(
                app, "/partnerships/cdp/meetings/import", name: "outlook-export.ics", data: outlook)
            let task = try await Tasks.importCalendar(google, partnership: "csp", on: app.db)
            let cdp = try await Self.meetings(app, of: "cdp")
            let csp = try await Self.meetings(app, of: "csp")
            let audits = try await Self.auditCount(app)
            // The same files again, the other way round.
            let outlookAgain = try await Tasks.importCalendar(outlook, partnership: "cdp", on: app.db)
            let googleAgain = try await Self.postFile(
                app, "/partnerships/csp/meetings/import", name: "google-export.ics", data: google)
            let cdpAgain = try await Self.meetings(app, of: "cdp")
            let cspAgain = try await Self.meetings(app, of: "csp")
            let listing = try await app.send(.GET, "/partnerships/cdp/meetings?page=1")

            // Check: Outlook
            #expect(page.status == .ok, "\(page.status): \(page.text.prefix(600))")
            #expect(page.text.contains("10 meetings added"), "\(page.text.prefix(600))")
            let outlookFound = Dictionary(
                cdp.map { ($0.calendarKey ?? "", (Self.wallClock($0.startsAt), MeetingStatus(rawValue: $0.status))) },
                uniquingKeysWith: { a, _ in a })
            #expect(
                Set(outlookFound.keys) == Set(Self.outlookMeetings.keys),
                "exactly the file's meetings, and not the EXDATE'd 3 April")
            for (key, (clock, status)) in Self.outlookMeetings {
                #expect(
                    outlookFound[key]?.0 == clock,
                    "\(key) at \(clock) in London, found \(outlookFound[key]?.0 ?? "nothing")")
                #expect(outlookFound[key]?.1 == status, "\(key) is \(status.rawValue)")
            }
            #expect(!cdp.contains { Self.wallClock($0.startsAt).hasPrefix("2024-04-03") }, "3 April is excluded")
            #expect(
                !cdp.contains { Self.wallClock($0.startsAt) == "2024-04-17 10:00" },
                "the moved occurrence is not also at its old time")
            let moved = try #require(cdp.first { $0.calendarKey == Self.outlookBoard + "/20240417T090000Z" })
            #expect(moved.name == "Combating Drugs Partnership board (moved)")
            #expect(moved.endsAt == moved.startsAt.addingTimeInterval(90 * 60))

            // Check: Google
            guard case .imported(let created, 0, 0, 0, let warnings) = task else {
                Issue.record("Google import: \(task)"); return
            }
            #expect(warnings.isEmpty, "\(warnings)")
            #expect(created == csp.count)
            let googleFound = Dictionary(
                csp.map { ($0.calendarKey ?? "", (Self.wallClock($0.startsAt), MeetingStatus(rawValue: $0.status))) },
                uniquingKeysWith: { a, _ in a })
            for (key, (clock, status)) in Self.googleMeetings {
                #expect(
                    googleFound[key]?.0 == clock,
                    "\(key) at \(clock) in London, found \(googleFound[key]?.0 ?? "nothing")")
                #expect(googleFound[key]?.1 == status, "\(key) is \(status.rawValue)")
            }
            #expect(googleFound[Self.googleGroup + "/20240319T100000Z"] == nil, "19 March is excluded by EXDATE")
            #expect(!csp.contains { Self.wallClock($0.startsAt).hasPrefix("2024-03-19") })
            let weekly = csp.filter {
                ($0.calendarKey ?? "").hasPrefix(Self.googleGroup + "/")
                    && $0.calendarKey != Self.googleGroup + "/20240409T090000Z"
            }
            #expect(weekly.count > 100, "the open-ended weekly series runs to the end of the import window")
            #expect(
                weekly.allSatisfy { Self.wallClock($0.startsAt).hasSuffix(" 10:00") },
                "every Tuesday at 10:00 in London, summer and winter")
            #expect(
                Set(
                    weekly.map {
                        Calendar(identifier: .gregorian).dateComponents(
                            in: TimeZone(identifier: "UTC")!, from: $0.startsAt
                        ).hour!
                    }) == [9, 10])

            // Check: the same files again change nothing
            guard case .imported(0, 0, let unchanged, 0, _) = outlookAgain else {
                Issue.record("Outlook again: \(outlookAgain)"); return
            }
            #expect(unchanged == 10)
            #expect(googleAgain.status == .ok)
            #expect(googleAgain.text.contains("0 meetings added, 0 changed"), "\(googleAgain.text.prefix(600))")
            #expect(cdpAgain.count == cdp.count && cspAgain.count == csp.count)
            #expect(cdpAgain.map(\.id) == cdp.map(\.id) && cspAgain.map(\.id) == csp.map(\.id))
            #expect(try await Self.auditCount(app) == audits, "no new audit entries")
            #expect(listing.text.contains("Combating Drugs Partnership board (moved)"))
        }
    }

    @Test func aBrokenCalendarFileChangesNothingAndNamesTheLine() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let lines = [
                "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:fine@example", "DTSTAMP:20260101T000000Z",
                "DTSTART;TZID=Europe/London:\(Self.day(30).replacingOccurrences(of: "-", with: ""))T100000",
                "SUMMARY:A fine meeting", "END:VEVENT",
                "BEGIN:VEVENT", "UID:broken@example", "SUMMARY:Board", "DTSTART:2024-13-01", "END:VEVENT",
                "END:VCALENDAR"
            ]
            let badLine = lines.firstIndex(of: "DTSTART:2024-13-01")! + 1
            let file = Data(lines.joined(separator: "\r\n").utf8)
            let before = try await Self.auditCount(app)

            // Act
            let page = try await Self.postFile(app, "/partnerships/cdp/meetings/import", name: "broken.ics", data: file)
            let task = try await Tasks.importCalendar(file, partnership: "cdp", on: app.db)
            let empty = try await Self.postFile(
                app, "/partnerships/cdp/meetings/import", name: "empty.ics", data: Data())

            // Check
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("line \(badLine)"), "the page names line \(badLine): \(page.text.prefix(800))")
            #expect(page.text.contains("DTSTART"))
            guard case .rejected(let issues) = task else { Issue.record("a broken file was imported: \(task)"); return }
            #expect(issues.contains { $0.location == "line \(badLine)" && $0.field == "DTSTART" }, "\(issues)")
            #expect(empty.status == .unprocessableEntity)
            #expect(try await Self.meetings(app, of: "cdp").isEmpty, "not even the good event was imported")
            #expect(try await Self.auditCount(app) == before)
        }
    }

    // MARK: 2. A series on London's clock

    @Test func aWeeklySeriesStaysAtTenOClockInLondonAcrossTheClockChange() async throws {
        try await withConveneApp { app in
            // Setup: Thursdays from 4 March 2027; the clocks go forward on Sunday 28 March 2027.
            try await Self.setUp(app)
            let form =
                "name=CDP+board&first_day=2027-03-04&start=10:00&duration=120&repeats=weekly-1&count=6&format=in-person&place=County+Hall"

            // Act
            let response = try await app.send(.POST, "/partnerships/cdp/series/new", form: form)
            let again = try await app.send(.POST, "/partnerships/cdp/series/new", form: form)
            let meetings = try await Self.meetings(app, of: "cdp")
            let april = try await app.send(.GET, "/partnerships/cdp/meetings/\(meetings.last?.key ?? "")")
            let list = try await app.send(.GET, response.headers.first(name: .location) ?? "/")

            // Check
            #expect(
                response.headers.first(name: .location)?.hasPrefix("/partnerships/cdp/meetings") == true,
                "\(response.status): \(response.text.prefix(500))")
            #expect(again.status == .unprocessableEntity, "the same series twice is refused")
            #expect(
                meetings.map { ISO8601DateFormatter().string(from: $0.startsAt) } == [
                    "2027-03-04T10:00:00Z", "2027-03-11T10:00:00Z", "2027-03-18T10:00:00Z", "2027-03-25T10:00:00Z",
                    "2027-04-01T09:00:00Z", "2027-04-08T09:00:00Z"
                ])
            #expect(meetings.allSatisfy { Self.wallClock($0.startsAt).hasSuffix(" 10:00") })
            #expect(meetings.allSatisfy { $0.endsAt == $0.startsAt.addingTimeInterval(120 * 60) })
            #expect(meetings.allSatisfy { $0.place == "County Hall" && $0.format == "in-person" })
            #expect(april.text.contains("Thursday 8 April 2027, 10:00 to 12:00"), "\(april.text.prefix(300))")
            #expect(
                april.text.contains("<dd class=\"summary-list__value\">CDP board</dd>"),
                "the series is named by its name")
            #expect(
                list.text.contains("Series scheduled") && list.text.contains("6 meetings added"),
                "the secretariat is told what was scheduled")
        }
    }
}
