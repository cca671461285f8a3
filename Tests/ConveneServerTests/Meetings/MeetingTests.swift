// Over 400 lines: a board's business told through its pages, from calendar import to the action log.
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// A board's business rules, through the pages a secretariat uses: calendar import, series on London's clock, minutes that
/// lock, actions carried forward, quorum with substitutes, calendar feeds, a person's own meetings and actions,
/// papers, and who may do what.
@Suite struct MeetingTests {
    // MARK: The register every test starts from

    /// Two partnerships: "cdp" with three members (dph, acc, hcs), "board" with one (pcc); "csp" with none; and
    /// a deputy who is nobody's member, to stand in for someone.
    static func setUp(_ app: Application, quorum: Int? = nil) async throws {
        let outcome = try await app.importCSV(
            """
            partnership_id,partnership_name,type,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
            cdp,Drugs Partnership,cdp,cdp-dph,dph,Director of Public Health,council,County Council,local-government,member
            cdp,,,cdp-acc,acc,Assistant Chief Constable,police,County Police,police,member
            cdp,,,cdp-hcs,hcs,Head of Community Safety,council,County Council,local-government,member
            board,Strategic Board,strategic-board,board-pcc,pcc,Police and Crime Commissioner,opcc,Office of the PCC,policing-governance,chair
            """)
        guard case .applied = outcome else { Issue.record("the register was not imported: \(outcome)"); return }
        let deputy = try await app.send(
            .POST, "/api/v1/persons", json: #"{"key":"deputy","name":"Deputy Director of Public Health"}"#)
        #expect(deputy.status == .created, "\(deputy.status): \(deputy.text)")
        let csp = try await app.send(
            .POST, "/api/v1/partnerships", json: #"{"key":"csp","name":"Community Safety Partnership","type":"csp"}"#)
        #expect(csp.status == .created, "\(csp.status): \(csp.text)")
        if let quorum {
            let terms = try await app.send(
                .POST, "/api/v1/partnerships/cdp/terms-of-reference", json: #"{"quorum":\#(quorum)}"#)
            #expect((200..<300).contains(Int(terms.status.code)), "\(terms.status): \(terms.text)")
        }
    }

    static func scope(_ app: Application) async throws -> Scope {
        try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    static let london: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        return calendar
    }()

    /// Today in London, moved by `offset` days, as yyyy-mm-dd: the tests' dates keep their place relative to today.
    static func day(_ offset: Int) -> String {
        let date = london.date(byAdding: .day, value: offset, to: TestClock.now())!
        let c = london.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// "2024-03-06 10:00" on the clock in London.
    static func wallClock(_ date: Date) -> String {
        let c = london.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Schedules a single meeting through the form and returns its key.
    static func schedule(
        _ app: Application, _ partnership: String, on day: String, name: String, start: String = "10:00"
    ) async throws -> String {
        let response = try await app.send(
            .POST, "/partnerships/\(partnership)/meetings/new",
            form:
                "name=\(encode(name))&date=\(day)&start=\(start)&duration=120&format=in-person&place=County+Hall&status=scheduled"
        )
        let location = response.headers.first(name: .location) ?? ""
        #expect(
            location.hasPrefix("/partnerships/\(partnership)/meetings/"),
            "scheduling \(name): \(response.status) \(response.text.prefix(400))")
        return String(location.split(separator: "/").last ?? "")
    }

    static func meetings(_ app: Application, of partnership: String) async throws -> [MeetingRecord] {
        let scope = try await scope(app)
        let record = try await RegisterQueries.partnership(partnership, in: scope)
        return try await MeetingRecord.query(in: scope).filter(\.$partnership.$id == record.requireID()).sort(
            \.$startsAt
        ).all()
    }

    static func auditCount(_ app: Application) async throws -> Int {
        try await AuditEventRecord.query(on: app.db).count()
    }

    /// A multipart form with one file of any bytes (the shared `Upload` carries text only), as the test administrator.
    static func postFile(_ app: Application, _ path: String, fields: [(String, String)] = [], name: String, data: Data)
        async throws -> TestingHTTPResponse
    {
        let identity = try #require(TestIdentity.current(app))
        let boundary = "----convene-meeting-test-\(UUID().uuidString)"
        var body = Data()
        for (field, value) in fields + [("csrf_token", identity.csrf)] {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "convene-session=\(identity.cookie)")
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await app.testing().sendRequest(
            .POST, path, headers: headers, body: ByteBuffer(bytes: [UInt8](body)))
    }

    struct Person: Sendable { var cookie: String; var csrf: String }

    /// Another user of the default workspace, signed in through the real form.
    static func signIn(_ app: Application, _ role: WorkspaceRole, given partnerships: [String] = []) async throws
        -> Person
    {
        let email = "\(role.rawValue)@force.police.uk"
        try await Accounts.addUser(
            email: email, password: TestIdentity.password, role: role, on: app.db, passwords: app.password.async)
        for key in partnerships { try await Accounts.grant(email: email, partnership: key, on: app.db) }
        let (cookie, csrf) = try await TestIdentity.session(app, email: email, password: TestIdentity.password)
        return Person(cookie: cookie, csrf: csrf)
    }

    static func send(_ app: Application, as person: Person, _ method: HTTPMethod, _ path: String, form: String = "")
        async throws -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "convene-session=\(person.cookie)")
        var body: ByteBuffer?
        if method != .GET {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: form + "&csrf_token=\(person.csrf)")
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    /// A calendar file's lines unfolded (RFC 5545 §3.1), so a long line can be searched whole.
    static func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
            .components(separatedBy: "\r\n")
    }

    static func calendarFixture(_ name: String) throws -> Data {
        try Data(
            contentsOf: Fixtures.repository.appendingPathComponent("Tests/ConveneDomainTests/Fixtures/calendar/\(name)")
        )
    }

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
            guard case .imported(let created, 0, 0, 0) = task else { Issue.record("Google import: \(task)"); return }
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
            guard case .imported(0, 0, let unchanged, 0) = outlookAgain else {
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

    // MARK: 6. Feeds

    @Test func aPrivateFeedNamesWhoAttendedUntilRevokedAndThePublicFeedNamesNobody() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let past = try await Self.schedule(app, "cdp", on: Self.day(-7), name: "CDP board held")
            _ = try await Self.schedule(app, "cdp", on: Self.day(21), name: "CDP board to come")
            _ = try await Self.schedule(app, "board", on: Self.day(21), name: "Strategic board meeting")
            let attendance = try await app.send(
                .POST, "/partnerships/cdp/meetings/\(past)/attendance",
                form: "status-dph=present&status-acc=apologies")
            #expect(attendance.status == .seeOther)

            // Act
            let unpublished = try await app.send(.GET, "/public/partnerships/cdp/meetings.ics", signedIn: false)
            let made = try await app.send(.POST, "/calendar/feeds", form: "kind=partnership&partnership_key=cdp")
            let url =
                made.text.components(separatedBy: "id=\"feed-url\">").dropFirst().first?.components(separatedBy: "<")
                .first ?? ""
            let path = url.range(of: "/feeds/").map { String(url[$0.lowerBound...]) } ?? "/feeds/missing"
            let feed = try await app.send(.GET, path, signedIn: false)
            let tag = feed.headers.first(name: .eTag) ?? ""
            let calendar = try await app.send(.GET, "/calendar")
            let revokePath =
                calendar.text.components(separatedBy: "action=\"/calendar/feeds/").dropFirst().first?
                .components(separatedBy: "\"").first.map { "/calendar/feeds/" + $0 } ?? ""
            let revoked = try await app.send(.POST, revokePath)
            let afterRevoke = try await app.send(.GET, path, signedIn: false)
            let published = try await app.send(.POST, "/api/v1/partnerships/cdp/publish", json: "{}")
            let publicFeed = try await app.send(.GET, "/public/partnerships/cdp/meetings.ics", signedIn: false)
            let nobody = try await app.send(.GET, "/feeds/not-a-token.ics", signedIn: false)

            // Check: the private feed
            #expect(made.status == .ok, "\(made.status): \(made.text.prefix(400))")
            #expect(url.hasSuffix(".ics") && url.contains("/feeds/"), "the feed's address is on the page: '\(url)'")
            #expect(feed.status == .ok)
            #expect(
                feed.headers.contentType?.description.hasPrefix("text/calendar") == true,
                "\(feed.headers.contentType?.description ?? "none")")
            let lines = Self.unfolded(feed.text)
            #expect(lines.first == "BEGIN:VCALENDAR")
            #expect(lines.contains("SUMMARY:CDP board held") && lines.contains("SUMMARY:CDP board to come"))
            #expect(!lines.contains("SUMMARY:Strategic board meeting"), "only the partnership's meetings")
            #expect(
                lines.contains {
                    $0.hasPrefix("ATTENDEE") && $0.contains("Director of Public Health") && $0.contains("ACCEPTED")
                },
                "who attended is named in a private feed")
            #expect(
                lines.contains {
                    $0.hasPrefix("ATTENDEE") && $0.contains("Assistant Chief Constable") && $0.contains("DECLINED")
                },
                "apologies are declined")
            #expect(!tag.isEmpty)
            #expect(revoked.status == .seeOther, "revoking '\(revokePath)': \(revoked.status)")
            #expect(afterRevoke.status == .notFound)
            #expect(nobody.status == .notFound)

            // Check: the public feed
            #expect(unpublished.status == .notFound)
            #expect(published.status == .ok || published.status == .noContent, "\(published.status)")
            #expect(publicFeed.status == .ok)
            let publicLines = Self.unfolded(publicFeed.text)
            #expect(publicLines.contains("SUMMARY:CDP board held") && publicLines.contains("SUMMARY:CDP board to come"))
            #expect(!publicFeed.text.contains("ATTENDEE"))
            #expect(!publicFeed.text.contains("ORGANIZER"))
            #expect(
                !publicFeed.text.contains("Director of Public Health")
                    && !publicFeed.text.contains("Assistant Chief Constable"))

            // For the Python icalendar check in scripts/test.
            if let folder = ProcessInfo.processInfo.environment["CONVENE_ICS_OUT"], !folder.isEmpty {
                let out = URL(fileURLWithPath: folder)
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                try Data(feed.text.utf8).write(to: out.appendingPathComponent("server-private-partnership.ics"))
                try Data(publicFeed.text.utf8).write(to: out.appendingPathComponent("server-public-partnership.ics"))
            }
        }
    }

    @Test func feedsOfAPersonAndOfTheWorkspaceWithActionsAsTasks() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let meeting = try await Self.schedule(app, "cdp", on: Self.day(10), name: "CDP board to come")
            _ = try await Self.schedule(app, "board", on: Self.day(12), name: "Strategic board meeting")
            _ = try await app.send(
                .POST, "/partnerships/cdp/actions/new",
                form: "meeting=\(meeting)&title=Map+the+treatment+services&owner=person:dph&due_on=\(Self.day(20))")
            _ = try await app.send(.POST, "/account/person", form: "person_key=dph")

            // Act
            let noKind = try await app.send(.POST, "/calendar/feeds", form: "partnership_key=cdp")
            let unknown = try await app.send(.POST, "/calendar/feeds", form: "kind=partnership&partnership_key=nothing")
            let mine = try await app.send(.POST, "/calendar/feeds", form: "kind=person&include_actions=yes")
            let everything = try await app.send(.POST, "/calendar/feeds", form: "kind=workspace")
            func path(_ page: TestingHTTPResponse) -> String {
                let url =
                    page.text.components(separatedBy: "id=\"feed-url\">").dropFirst().first?.components(
                        separatedBy: "<"
                    ).first ?? ""
                return url.range(of: "/feeds/").map { String(url[$0.lowerBound...]) } ?? "/feeds/missing"
            }
            let mineFeed = try await app.send(.GET, path(mine), signedIn: false)
            let everythingFeed = try await app.send(.GET, path(everything), signedIn: false)
            let list = try await app.send(.GET, "/calendar")

            // Check
            #expect(noKind.status == .unprocessableEntity && unknown.status == .unprocessableEntity)
            #expect(mineFeed.status == .ok && everythingFeed.status == .ok)
            let mineLines = Self.unfolded(mineFeed.text)
            #expect(
                mineLines.contains("SUMMARY:CDP board to come")
                    && !mineLines.contains("SUMMARY:Strategic board meeting"))
            #expect(mineLines.contains("BEGIN:VTODO") && mineLines.contains("SUMMARY:Map the treatment services"))
            let allLines = Self.unfolded(everythingFeed.text)
            #expect(
                allLines.contains("SUMMARY:CDP board to come") && allLines.contains("SUMMARY:Strategic board meeting"))
            #expect(!allLines.contains("BEGIN:VTODO"))
            #expect(
                list.text.contains("Meetings of Director of Public Health, with actions")
                    && list.text.contains("Every meeting in the workspace"),
                "the feeds are listed by what they carry")
            if let folder = ProcessInfo.processInfo.environment["CONVENE_ICS_OUT"], !folder.isEmpty {
                let out = URL(fileURLWithPath: folder)
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                try Data(mineFeed.text.utf8).write(to: out.appendingPathComponent("server-person-with-actions.ics"))
                try Data(everythingFeed.text.utf8).write(to: out.appendingPathComponent("server-workspace.ics"))
            }
        }
    }

    // MARK: 7. My meetings, my actions

    @Test func myMeetingsAndMyActionsAreThoseOfThePersonIAm() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            _ = try await Self.schedule(app, "cdp", on: Self.day(14), name: "Drugs board to come")
            let cdpPast = try await Self.schedule(app, "cdp", on: Self.day(-21), name: "Drugs board without me")
            _ = try await Self.schedule(app, "board", on: Self.day(14), name: "Strategic board to come")
            let boardPast = try await Self.schedule(app, "board", on: Self.day(-14), name: "Strategic board workshop")
            _ = try await app.send(
                .POST, "/partnerships/board/meetings/\(boardPast)/attendance",
                form: "status-pcc=present&other-1=dph&other-status-1=present")
            _ = try await app.send(
                .POST, "/partnerships/cdp/meetings/\(cdpPast)/attendance",
                form: "status-acc=present&status-dph=apologies")
            _ = try await app.send(
                .POST, "/partnerships/cdp/actions/new",
                form: "title=Naloxone+kits+for+hostels&owner=person:dph&due_on=\(Self.day(30))")
            _ = try await app.send(
                .POST, "/partnerships/cdp/actions/new",
                form: "title=Custody+referrals+report&owner=person:acc&due_on=\(Self.day(30))")

            // Act
            let unlinked = try await app.send(.GET, "/my/meetings")
            let nobody = try await app.send(.POST, "/account/person", form: "person_key=nobody")
            let linked = try await app.send(.POST, "/account/person", form: "person_key=dph")
            let meetings = try await app.send(.GET, "/my/meetings")
            let actions = try await app.send(.GET, "/my/actions")
            let form = try await app.send(.GET, "/account/person")

            // Check
            #expect(unlinked.status == .ok && unlinked.text.contains("not linked to a person"))
            #expect(nobody.status == .unprocessableEntity)
            #expect(linked.headers.first(name: .location) == "/my/meetings")
            #expect(meetings.text.contains("Drugs board to come"), "an upcoming meeting of dph's partnership")
            #expect(!meetings.text.contains("Strategic board to come"), "dph is not a member of the board")
            #expect(meetings.text.contains("Strategic board workshop"), "a meeting dph attended")
            #expect(!meetings.text.contains("Drugs board without me"), "dph sent apologies: not a meeting dph attended")
            #expect(meetings.text.contains("Meetings you attended (1)"))
            #expect(actions.text.contains("Naloxone kits for hostels"))
            #expect(!actions.text.contains("Custody referrals report"))
            #expect(form.text.contains("<option value=\"dph\" selected"))
        }
    }

    // MARK: 8. Papers

    @Test func aPaperIsWhatItsNameSaysAndIsDownloadedAsAnAttachment() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let meeting = try await Self.schedule(app, "cdp", on: Self.day(7), name: "CDP board")
            let base = "/partnerships/cdp/meetings/\(meeting)"
            _ = try await app.send(.POST, base + "/agenda", form: "title=Needs+assessment&kind=for-discussion")
            let scope = try await Self.scope(app)
            let item = try #require(try await AgendaItemRecord.query(in: scope).first())
            var pdf = Data("%PDF-1.7\n%".utf8)
            pdf.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3, 0x0A, 0x00, 0xFF])
            pdf.append(Data("1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8))
            var large = Data("%PDF-1.7\n".utf8)
            large.append(Data(repeating: 0x20, count: MeetingBusiness.maximumPaperSize + 1 - large.count))

            // Act
            let added = try await Self.postFile(
                app, base + "/agenda/\(item.key)/papers", fields: [("paper_title", "Needs assessment 2026")],
                name: "needs-assessment.pdf", data: pdf)
            let fake = try await Self.postFile(
                app, base + "/agenda/\(item.key)/papers", name: "minutes.pdf", data: Data("Just some text".utf8))
            let tooLarge = try await Self.postFile(
                app, base + "/agenda/\(item.key)/papers", name: "huge.pdf", data: large)
            let papers = try await PaperRecord.query(in: scope).all()
            let paper = try #require(papers.first)
            let download = try await app.send(.GET, base + "/papers/\(paper.key)")
            let page = try await app.send(.GET, base)

            // Check
            #expect(added.status == .seeOther, "\(added.status): \(added.text.prefix(400))")
            #expect(fake.status == .unprocessableEntity)
            #expect(fake.text.contains("be what its name says"), "the refusal says why")
            #expect(
                tooLarge.status == .unprocessableEntity || tooLarge.status == .payloadTooLarge, "\(tooLarge.status)")
            if tooLarge.status == .unprocessableEntity { #expect(tooLarge.text.contains("smaller than 10 MB")) }
            #expect(papers.count == 1)
            #expect(
                paper.title == "Needs assessment 2026" && paper.contentType == "application/pdf"
                    && paper.size == pdf.count)
            #expect(download.status == .ok)
            #expect(
                download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true,
                "\(download.headers.first(name: .contentDisposition) ?? "no Content-Disposition")")
            #expect(download.headers.first(name: .contentDisposition)?.contains("needs-assessment.pdf") == true)
            #expect(download.headers.contentType?.description == "application/pdf")
            #expect(Data(buffer: download.body) == pdf, "the same bytes come back")
            #expect(page.text.contains(base + "/papers/\(paper.key)") && page.text.contains("Needs assessment 2026"))
        }
    }

    // MARK: 9. Who may do what

    @Test func aSecretariatRunsOnlyItsOwnPartnershipsAndAViewerChangesNothing() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let boardMeeting = try await Self.schedule(app, "board", on: Self.day(7), name: "Strategic board")
            let secretariat = try await Self.signIn(app, .secretariat, given: ["cdp"])
            let viewer = try await Self.signIn(app, .viewer)
            let form =
                "name=CDP+board&date=\(Self.day(21))&start=10:00&duration=90&format=in-person&place=County+Hall&status=scheduled"
            let audits = try await Self.auditCount(app)

            // Act
            let own = try await Self.send(app, as: secretariat, .POST, "/partnerships/cdp/meetings/new", form: form)
            let jointWithOther = try await Self.send(
                app, as: secretariat, .POST, "/partnerships/cdp/meetings/new",
                form: form + "&joint_with%5B%5D=board")
            let other = try await Self.send(app, as: secretariat, .POST, "/partnerships/board/meetings/new", form: form)
            let otherForm = try await Self.send(app, as: secretariat, .GET, "/partnerships/board/meetings/new")
            let otherSeries = try await Self.send(
                app, as: secretariat, .POST, "/partnerships/board/series/new",
                form:
                    "name=Board&first_day=\(Self.day(30))&start=10:00&duration=60&repeats=weekly-1&count=3&format=in-person&place=HQ"
            )
            let viaOwnPath = try await Self.send(
                app, as: secretariat, .POST, "/partnerships/cdp/meetings/\(boardMeeting)/minutes", form: "text=Hijacked"
            )
            let read = try await Self.send(app, as: secretariat, .GET, "/partnerships/board/meetings/\(boardMeeting)")
            let afterSecretariat = try await Self.auditCount(app)
            let viewerMeeting = try await Self.send(
                app, as: viewer, .POST, "/partnerships/cdp/meetings/new", form: form)
            let viewerAction = try await Self.send(
                app, as: viewer, .POST, "/partnerships/cdp/actions/new",
                form: "title=Anything&owner=person:dph&due_on=\(Self.day(30))")
            let viewerMinutes = try await Self.send(
                app, as: viewer, .POST, "/partnerships/board/meetings/\(boardMeeting)/minutes", form: "text=Mine")
            let viewerTheme = try await Self.send(app, as: viewer, .POST, "/themes", form: "name=Knife+crime")
            let viewerReads = try await Self.send(app, as: viewer, .GET, "/partnerships/cdp/meetings")
            let viewerPage = try await Self.send(app, as: viewer, .GET, "/partnerships/board/meetings/\(boardMeeting)")

            // Check
            #expect(
                own.headers.first(name: .location)?.hasPrefix("/partnerships/cdp/meetings/") == true,
                "\(own.status): \(own.text.prefix(300))")
            #expect(other.status == .forbidden && otherForm.status == .forbidden && otherSeries.status == .forbidden)
            #expect(
                jointWithOther.status == .unprocessableEntity
                    && jointWithOther.text.contains("You are not the secretariat of"),
                "a joint meeting changes the other partnership's meetings too")
            #expect(
                viaOwnPath.status == .notFound, "another partnership's meeting is not found under the secretariat's own"
            )
            #expect(read.status == .ok, "reading is for everyone in the workspace")
            #expect(afterSecretariat == audits + 1, "only the secretariat's own meeting was written")
            #expect(
                viewerMeeting.status == .forbidden && viewerAction.status == .forbidden
                    && viewerMinutes.status == .forbidden)
            #expect(viewerTheme.status == .forbidden)
            #expect(viewerReads.status == .ok && viewerPage.status == .ok)
            #expect(
                !viewerPage.text.contains("Write the minutes") && !viewerPage.text.contains("Change the meeting"),
                "no edit controls for a viewer")
            #expect(try await Self.auditCount(app) == afterSecretariat)
            #expect(try await Self.meetings(app, of: "board").count == 1)
            let scope = try await Self.scope(app)
            #expect(try await MinutesRecord.query(in: scope).count() == 0)
        }
    }
}
