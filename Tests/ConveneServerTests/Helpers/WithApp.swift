import ConveneDomain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import ConveneServer

/// Runs a test against a freshly migrated database of its own: a copy of the run's one migrated template, an SQLite
/// file, or, when DATABASE_URL is set (as `scripts/test` does for its second run), a PostgreSQL database made with
/// `CREATE DATABASE … TEMPLATE` and dropped afterwards. Migrating once per run rather than once per test keeps the
/// suite fast as it grows. The application's clock is fixed at `now` (the suite's own day unless a test chooses another).
func withConveneApp<T>(dotPath: String? = nil, now: Now = TestClock.now, _ test: (Application) async throws -> T)
    async throws -> T
{
    // Tests run all at once; each application holds its own database connections, so that many at a time is the
    // limit (PostgreSQL's test cluster has 600 connection slots).
    await TestSlots.shared.enter()
    defer { Task { await TestSlots.shared.leave() } }
    return try await run(try await TestDatabases.shared.copy(), dotPath: dotPath, now: now, identity: nil, test)
}

/// A set-up many tests start from (a register, users, records of another workspace), run once per run into a
/// template of its own; `value` is what it returns for the tests (the users' credentials, say). It runs signed in as
/// the test identity, on the suite's clock.
struct TestSeed<Value: Sendable>: Sendable {
    /// Lower-case letters, digits and underscores: the template's name.
    var name: String
    var setUp: @Sendable (Application) async throws -> Value
}

/// Runs a test against its own copy of the seed's database, as `withConveneApp` does with the migrated template;
/// the seed is made the first time a test asks for it. The test gets what the seed's set-up returned.
func withConveneApp<Value: Sendable, T>(
    seed: TestSeed<Value>, _ test: (Application, Value) async throws -> T
) async throws -> T {
    await TestSlots.shared.enter()
    defer { Task { await TestSlots.shared.leave() } }
    let setUp = seed.setUp
    let seeded = try await TestDatabases.shared.seeded(seed.name) { app in try await setUp(app) }
    guard let value = seeded.value as? Value else { throw EscapedError(description: "The seed \(seed.name) changed") }
    return try await run(seeded.copy, dotPath: nil, now: TestClock.now, identity: seeded.identity) { app in
        try await test(app, value)
    }
}

/// Runs `test` on an application over `copy`, signed in as `identity` (held in the copy already) or as a new test
/// identity, and removes the copy afterwards.
private func run<T>(
    _ copy: TestDatabases.Copy, dotPath: String?, now: Now, identity: TestIdentity?,
    _ test: (Application) async throws -> T
) async throws -> T {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    let result: T
    do {
        try configure(app, Configuration(database: copy.database, dotPath: dotPath, now: now))
        if let identity {
            TestIdentity.use(identity, in: app)
        } else {
            try await TestIdentity.signIn(app)
        }
        result = try await test(app)
    } catch {
        try? await app.asyncShutdown()
        try? await copy.remove()
        // PostgreSQL's errors describe themselves only when reflected; a failing test should say what happened.
        throw EscapedError(description: String(reflecting: error))
    }
    try await app.asyncShutdown()
    // The copy lives in a throwaway folder or cluster: failing to remove it does not fail the test.
    try? await copy.remove()
    return result
}

/// How many tests have an application and a database at once.
actor TestSlots {
    static let shared = TestSlots(64)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = count }

    func enter() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// The suite's own today: every test's dates are worked out from it, never from the machine's clock.
enum TestClock {
    static let today = Day(year: 2026, month: 6, day: 16)!
    /// Ten in the morning of `today`, London time.
    static let now = Now.fixed(today, minute: 10 * 60)
}

struct EscapedError: Error, CustomStringConvertible {
    var description: String
}

/// The repository's folder, and the shared reference data beside it.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// ../shared/data/geography, or CONVENE_SHARED_DATA/geography.
    static var geography: URL {
        if let shared = ProcessInfo.processInfo.environment["CONVENE_SHARED_DATA"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("geography")
        }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data/geography")
    }

    static func geographyFile(_ name: String) throws -> (name: String, data: Data) {
        let url = geography.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FixtureMissing(path: url.path)
        }
        return (name, data)
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "The shared reference file \(path) is missing; set CONVENE_SHARED_DATA to the shared/data folder"
        }
    }

    static let lookups = ["lad24_csp24_pfa24_ew.csv", "ltla23_utla23_ew.csv", "lad24_icb24_en_from_lsoa21.csv"]

    /// Whether the shared ONS lookups are beside the repository; scripts/test insists on them under CI.
    static let haveLookups = lookups.allSatisfy {
        FileManager.default.fileExists(atPath: geography.appendingPathComponent($0).path)
    }
}

/// The test suite's own administrator: an API token for /api and a signed-in session (with its form token) for pages.
struct TestIdentity: Sendable {
    static let email = "tests@convene.invalid"
    static let password = "a long test password"
    var token: String
    var cookie: String
    var csrf: String

    private struct Key: StorageKey { typealias Value = TestIdentity }

    static func current(_ app: Application) -> TestIdentity? { app.storage[Key.self] }

    /// Signs in as an identity whose user, token and session the application's database holds already.
    static func use(_ identity: TestIdentity, in app: Application) { app.storage[Key.self] = identity }

    static func signIn(_ app: Application) async throws {
        try await Accounts.addUser(
            email: email, password: password, role: .admin, on: app.db, passwords: app.password.async)
        let token = try await Accounts.createToken(email: email, label: "tests", role: nil, on: app.db).secret
        let (cookie, csrf) = try await session(app, email: email, password: password)
        app.storage[Key.self] = TestIdentity(token: token, cookie: cookie, csrf: csrf)
    }

    /// Signs in through the real form and returns the session cookie and its form token.
    static func session(_ app: Application, email: String, password: String) async throws -> (
        cookie: String, csrf: String
    ) {
        let form = try await app.testing().sendRequest(.GET, "/sign-in")
        let anonymous = cookieValue(form.headers)
        let token = formToken(form.body.string)
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        headers.add(name: .cookie, value: "convene-session=\(anonymous)")
        let body =
            "email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? email)&password=\(password.replacingOccurrences(of: " ", with: "+"))&csrf_token=\(token)"
        let signedIn = try await app.testing().sendRequest(
            .POST, "/sign-in", headers: headers, body: ByteBuffer(string: body))
        let cookie = cookieValue(signedIn.headers)
        var pageHeaders = HTTPHeaders()
        pageHeaders.add(name: .cookie, value: "convene-session=\(cookie)")
        let page = try await app.testing().sendRequest(.GET, "/", headers: pageHeaders)
        return (cookie, formToken(page.body.string))
    }

    /// Makes the installation one with no account, as a fresh one is (Convene itself never removes a workspace's last
    /// administrator).
    static func removeEveryAccount(_ app: Application) async throws {
        try await APITokenRecord.query(on: app.db).delete()
        try await PartnershipGrantRecord.query(on: app.db).delete()
        try await WorkspaceMemberRecord.query(on: app.db).delete()
        try await UserRecord.query(on: app.db).delete()
    }

    static func cookieValue(_ headers: HTTPHeaders) -> String {
        headers.setCookie?["convene-session"]?.string ?? ""
    }

    static func formToken(_ html: String) -> String {
        guard let range = html.range(of: #"name="csrf_token" value=""#) else { return "" }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// A file upload as a browser sends it: form fields and one file, as multipart/form-data.
struct Upload: Sendable {
    var fields: [(String, String)]
    var file: (field: String, name: String, content: String)
    /// A file that is not text (a workbook), sent as it is in place of `file.content`.
    var bytes: Data?

    init(fields: [(String, String)] = [("format", "csv")], file: String, name: String = "register.csv") {
        self.fields = fields
        self.file = ("file", name, file)
    }

    init(fields: [(String, String)], bytes: Data, name: String) {
        self.init(fields: fields, file: "", name: name)
        self.bytes = bytes
    }

    func body(csrf: String?) -> (contentType: String, body: ByteBuffer) {
        let boundary = "----convene-test-\(UUID().uuidString)"
        var text = ""
        for (name, value) in fields + (csrf.map { [("csrf_token", $0)] } ?? []) {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
        guard let bytes else {
            text += "Content-Type: text/csv\r\n\r\n\(file.content)\r\n--\(boundary)--\r\n"
            return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(string: text))
        }
        var buffer = ByteBuffer(string: text + "Content-Type: application/octet-stream\r\n\r\n")
        buffer.writeBytes(bytes)
        buffer.writeString("\r\n--\(boundary)--\r\n")
        return ("multipart/form-data; boundary=\(boundary)", buffer)
    }
}

extension Application {
    /// Sends a request as the test administrator (or, with `signedIn: false`, as nobody) and returns the response.
    /// JSON goes with the API token; forms go with the session cookie and its form token.
    func send(
        _ method: HTTPMethod, _ path: String, json: String? = nil, form: String? = nil, upload: Upload? = nil,
        signedIn: Bool = true, headers extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = extra
        var body: ByteBuffer?
        let identity = signedIn ? TestIdentity.current(self) : nil
        if let identity {
            if path.hasPrefix("/api/") {
                headers.bearerAuthorization = BearerAuthorization(token: identity.token)
            } else {
                headers.add(name: .cookie, value: "convene-session=\(identity.cookie)")
            }
        }
        if let upload {
            let (type, multipart) = upload.body(csrf: identity?.csrf)
            headers.replaceOrAdd(name: .contentType, value: type)
            body = multipart
        } else if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        } else if let form {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: form + (identity.map { "&csrf_token=\($0.csrf)" } ?? ""))
        } else if method != .GET && !path.hasPrefix("/api/"), let identity {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: "csrf_token=\(identity.csrf)")
        }
        return try await testing().sendRequest(method, path, headers: headers, body: body)
    }

    func importCSV(_ text: String, dryRun: Bool = false) async throws -> ImportOutcome {
        try await Tasks.importFile(.csv, Data(text.utf8), dryRun: dryRun, on: db)
    }

    func exportPopolo() async throws -> String {
        String(decoding: try await Tasks.export(.popolo, on: db), as: UTF8.self)
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any] ?? [:]
    }
}
