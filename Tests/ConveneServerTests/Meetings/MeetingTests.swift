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
}
