// The meetings benchmark: "a workspace with 1,500 meetings a year for 80 partnerships and 10 years of
// history; the meeting page, action log and a person's 'my meetings' page stay under 100 ms at the median."
// Generates the history with the demo's `MeetingHistory` (written by `GeneratedBusiness`), then times those pages
// over HTTP on 127.0.0.1. Prints figures.
import ConveneDemo
import ConveneDomain
import ConveneServer
import Foundation
import Vapor

func meetingsScenario(_ options: Options) async throws {
    let (folder, database) = try scratchDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let databaseName = databaseLabel(database) + (options.analyze != 0 ? "" : " (no ANALYZE)")

    print(
        "Convene meetings benchmark: \(options.boards) partnerships of \(options.membersEach) members, "
            + "\(options.meetingsPerYear) meetings a year for \(options.years) years, \(database.description)")
    let app = try await benchApplication(database)
    do {
        let start = ContinuousClock.now
        let summary = try await MeetingHistory.generate(
            on: app.db, partnerships: options.boards, membersEach: options.membersEach,
            meetingsPerYear: options.meetingsPerYear,
            years: options.years, now: Now.system(), analyze: options.analyze != 0, progress: { print("  \($0)") })
        let generation = seconds(start)
        for line in summary.lines { print(line) }
        print(
            String(format: "generation: %.1f s, %.0f rows/s", generation, Double(summary.rowCount) / generation)
                + (options.analyze != 0 ? ", then ANALYZE" : ", planner statistics left as they are (--analyze 0)"))

        // A viewer linked to a person who sits on several of the partnerships; pages are read with their API token.
        let email = "member@convene.invalid"
        try await Accounts.addUser(
            email: email, password: "benchmark password", role: .viewer, on: app.db, passwords: app.password.async)
        try await MeetingHistory.link(email: email, toPerson: summary.busyPersonKey, on: app.db)
        let token = try await Accounts.createToken(email: email, label: "benchmark", role: nil, on: app.db).secret
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        print(
            "signed in as \(summary.busyPersonKey), a member of \(summary.busyPersonPartnerships.joined(separator: ", "))"
        )

        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = options.port
        try app.server.start()
        let board = "/partnerships/\(summary.samplePartnershipKey)"
        let pages = [
            ("meeting page, a year ago (locked minutes)", "\(board)/meetings/\(summary.sampleMeetingKey)"),
            ("meeting page, latest held (draft minutes)", "\(board)/meetings/\(summary.latestMeetingKey)"),
            ("action log (outstanding)", "\(board)/actions"),
            ("action log (all)", "\(board)/actions?show=all"),
            ("action log (all, last page)", "\(board)/actions?show=all&page=8"),
            ("my meetings", "/my/meetings"),
            ("my meetings, page 20", "/my/meetings?page=20"),
            ("my actions", "/my/actions"),
            ("partnership's meetings", "\(board)/meetings")
        ]
        try await timePages(
            app: app, base: "http://127.0.0.1:\(options.port)", headers: headers, pages: pages, options: options,
            scenario: "meetings", database: databaseName)
        if let results = options.results {
            appendResults(
                results,
                [
                    ("meetings", databaseName, "generation (s)", generation, generation),
                    ("meetings", databaseName, "rows written", Double(summary.rowCount), Double(summary.rowCount))
                ])
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
    } catch {
        print("meetings benchmark failed: \(String(String(reflecting: error).prefix(2_000)))")
        await app.server.shutdown()
        try? await app.asyncShutdown()
        throw error
    }
}

func databaseLabel(_ database: DatabaseChoice) -> String {
    if case .postgres = database { return "PostgreSQL" }
    return "SQLite"
}

/// Times each page: ten warm-up requests, then `options.requests`; prints the median, p90 and max, and appends them to
/// `--results` for the table of both databases.
func timePages(
    app: Application, base: String, headers: HTTPHeaders, pages: [(String, String)], options: Options,
    scenario: String, database: String
) async throws {
    print("page timings over HTTP on 127.0.0.1, \(options.requests) requests each after 10 warm-up requests:")
    var rows: [(String, String, String, Double, Double)] = []
    for (label, path) in pages {
        var failed = false
        for _ in 0..<10 {
            let response: ClientResponse = try await app.client.get(URI(string: base + path), headers: headers)
            if response.status != .ok {
                print("  \(path) answered \(response.status)")
                failed = true
                break
            }
        }
        if failed { continue }
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<options.requests {
            let t = ContinuousClock.now
            let response: ClientResponse = try await app.client.get(URI(string: base + path), headers: headers)
            times.append(seconds(t) * 1000)
            bytes = response.body?.readableBytes ?? 0
            guard response.status == .ok else { print("\(path) answered \(response.status)"); break }
        }
        print(
            "  " + label.padding(toLength: 46, withPad: " ", startingAt: 0)
                + String(
                    format: " median %6.1f ms   p90 %6.1f ms   max %6.1f ms   %4d KiB",
                    median(times), percentile(times, 0.9), times.max() ?? 0, bytes / 1024))
        rows.append((scenario, database, label, median(times), percentile(times, 0.9)))
    }
    if let results = options.results { appendResults(results, rows) }
}

/// One line per figure: scenario, database, label, median, p90 (tab-separated).
func appendResults(_ path: String, _ rows: [(String, String, String, Double, Double)]) {
    let text = rows.map { "\($0.0)\t\($0.1)\t\($0.2)\t\($0.3)\t\($0.4)\n" }.joined()
    if let handle = FileHandle(forWritingAtPath: path) {
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    } else {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
}

/// The figures of every run in `--results`, one table per scenario, a column pair per database.
func report(_ options: Options) throws {
    guard let path = options.results, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        print("report: give --results FILE")
        return
    }
    let rows = text.split(separator: "\n").map {
        $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    .filter { $0.count == 5 }
    var scenarios: [String] = []
    for row in rows where !scenarios.contains(row[0]) { scenarios.append(row[0]) }
    for scenario in scenarios {
        let mine = rows.filter { $0[0] == scenario }
        var databases: [String] = []
        var labels: [String] = []
        for row in mine {
            if !databases.contains(row[1]) { databases.append(row[1]) }
            if !labels.contains(row[2]) { labels.append(row[2]) }
        }
        print("\n\(scenario): median / p90 in ms")
        var header = "  " + "".padding(toLength: 44, withPad: " ", startingAt: 0)
        for database in databases { header += database.padding(toLength: 22, withPad: " ", startingAt: 0) }
        print(header)
        for label in labels {
            var line = "  " + label.padding(toLength: 44, withPad: " ", startingAt: 0)
            for database in databases {
                guard let row = mine.last(where: { $0[1] == database && $0[2] == label }),
                    let m = Double(row[3]), let p = Double(row[4])
                else {
                    line += "-".padding(toLength: 22, withPad: " ", startingAt: 0)
                    continue
                }
                let cell = m == p ? String(format: "%.1f", m) : String(format: "%6.1f / %6.1f", m, p)
                line += cell.padding(toLength: 22, withPad: " ", startingAt: 0)
            }
            print(line)
        }
    }
}
