// The benchmarks: generate a large workspace, write it, and time the busiest pages over HTTP. Three scenarios:
// `register` (a large landscape, imported), `meetings` (in Meetings.swift: ten years of board
// business) and `national` (in National.swift: 43 workspaces, and the analyses of each). Prints figures; it asserts nothing. Run it with scripts/bench (a release build).
import ConveneDomain
import ConveneServer
import Foundation
import Vapor

struct Options {
    var partnerships = 5_000
    var memberships = 50_000
    var requests = 200
    var port = 8765
    /// `register` (the default), `meetings`, or `report` (prints the table of the figures in `--results`).
    var scenario = "register"
    /// A file each run appends its page figures to, for the table of both databases.
    var results: String?
    // The meetings scenario.
    var boards = 80
    var membersEach = 12
    var meetingsPerYear = 1_500
    var years = 10
    /// 0: leave the planner's statistics as they are after writing the history (SQLite then has none).
    var analyze = 1
    // The national scenario.
    var seed = 1
    var workspaces = 43

    init(_ arguments: [String]) {
        var i = 1
        while i + 1 < arguments.count {
            let value = Int(arguments[i + 1]) ?? 0
            switch arguments[i] {
            case "--scenario": scenario = arguments[i + 1]
            case "--results": results = arguments[i + 1]
            case "--boards": boards = value
            case "--members-each": membersEach = value
            case "--meetings-per-year": meetingsPerYear = value
            case "--years": years = value
            case "--analyze": analyze = value
            case "--seed": seed = value
            case "--workspaces": workspaces = value
            case "--partnerships": partnerships = value
            case "--memberships": memberships = value
            case "--requests": requests = value
            case "--port": port = value
            default: break
            }
            i += 2
        }
    }
}

/// A landscape of the given size: 40 force areas, a quarter of the partnerships reporting to another,
/// members drawn from a pool of people about 1.6 times the partnership count.
func generate(_ options: Options) -> Register {
    var register = Register(areas: PoliceForceAreas.all)
    let sectors = Sector.allCases
    for o in 0..<300 {
        register.organisations.append(
            Organisation(key: "org-\(o)", name: "Organisation \(o)", sector: sectors[o % sectors.count]))
    }
    let people = max(1, options.partnerships * 8 / 5)
    for p in 0..<people {
        register.persons.append(
            Person(
                key: "person-\(p)", name: "Person \(p)", roleTitle: "Role \(p % 40)",
                organisationKey: "org-\(p % 300)", seniority: SeniorityBand.allCases[p % 6]))
    }
    let types = PartnershipType.allCases
    for p in 0..<options.partnerships {
        register.partnerships.append(
            Partnership(
                key: "partnership-\(p)", name: "Partnership \(p) \(types[p % types.count].rawValue)",
                type: types[p % types.count],
                status: p % 17 == 0 ? .underReview : .active, purpose: "Generated partnership \(p)",
                themes: ["theme-\(p % 9)"], pccRoles: p % 3 == 0 ? [.attends] : [.member, .funder],
                meetingFrequency: .quarterly, forceAreaCode: PoliceForceAreas.all[p % 40].code))
        if p % 4 == 1 {
            register.relations.append(PartnershipRelation("partnership-\(p)", .reportsTo, "partnership-\(p - 1)"))
        }
    }
    let perPartnership = max(1, options.memberships / max(1, options.partnerships))
    var seat = 0
    for p in 0..<options.partnerships {
        for m in 0..<perPartnership where seat < options.memberships {
            let person = (p * 7 + m * 13) % people
            register.memberships.append(
                Membership(
                    key: "partnership-\(p)-m\(m)", partnershipKey: "partnership-\(p)", personKey: "person-\(person)",
                    role: m == 0 ? .chair : .member, representsKey: "org-\(person % 300)", votingRight: m % 2 == 0))
            seat += 1
        }
    }
    return register
}

/// A scenario's database: an SQLite file in a scratch folder (which the caller removes), or DATABASE_URL's PostgreSQL.
func scratchDatabase() throws -> (folder: URL, database: DatabaseChoice) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (folder, DatabaseChoice.fromEnvironment(databasePath: folder.appendingPathComponent("bench.sqlite").path))
}

/// Convene on that database, migrated, quiet.
func benchApplication(_ database: DatabaseChoice) async throws -> Application {
    var env = try Environment.detect(arguments: ["convene-bench"])
    env.arguments = ["convene-bench"]
    return try await Tasks.application(Configuration(database: database), environment: env, logLevel: .error)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func seconds(_ start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

let options = Options(CommandLine.arguments)
switch options.scenario {
case "register": try await registerScenario(options)
case "meetings": try await meetingsScenario(options)
case "national": try await nationalScenario(options)
case "report": try report(options)
default: print("unknown scenario '\(options.scenario)': register, meetings, national or report")
}

func registerScenario(_ options: Options) async throws {
    let (folder, database) = try scratchDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }

    print(
        "Convene register benchmark: \(options.partnerships) partnerships, \(options.memberships) memberships, \(database.description)"
    )
    let register = generate(options)
    let csv = Data(RegisterCSV.write(register).utf8)
    if let path = ProcessInfo.processInfo.environment["BENCH_WRITE_CSV"] {
        // For looking at the generated data with other tools (EXPLAIN, the convene command).
        FileManager.default.createFile(atPath: path, contents: csv)
    }
    let csvRows = max(0, String(decoding: csv, as: UTF8.self).components(separatedBy: "\r\n").count - 2)
    print("generated CSV: \(csvRows) rows, \(csv.count / 1024) KiB")

    let app = try await benchApplication(database)
    do {
        // The areas the generated partnerships refer to.
        _ = try await Tasks.importGeography([], dryRun: false, on: app.db)

        var start = ContinuousClock.now
        _ = try CSV.read(csv)
        let tokenSeconds = seconds(start)
        start = ContinuousClock.now
        let parsed = RegisterCSV.read(csv)
        let parseSeconds = seconds(start)
        start = ContinuousClock.now
        _ = RegisterCheck.issues(in: parsed, known: .init())
        print(
            String(
                format: "  of which splitting the CSV: %.2f s; reading its records: %.2f s; checking them: %.2f s",
                tokenSeconds, parseSeconds, seconds(start)))

        start = ContinuousClock.now
        let began = start
        // Each step of the first import, as the import reports it, at the time it began.
        let outcome = try await Tasks.importFile(.csv, csv, dryRun: false, on: app.db) { step in
            print(String(format: "    at %.2f s: %@", seconds(began), step))
        }
        let importSeconds = seconds(start)
        guard case .applied(let summary, _) = outcome else {
            print("import rejected: \(outcome)")
            throw Abort(.internalServerError)
        }
        print(
            String(
                format: "import (first):  %.2f s, %.0f CSV rows/s, %.0f records/s (%d records written)",
                importSeconds, Double(csvRows) / importSeconds, Double(summary.recordCount) / importSeconds,
                summary.changedCount))

        // The same landscape in the other formats, each a first import into a workspace of its own.
        let others = [(Tasks.FileFormat.xlsx, try RegisterWorkbook.write(register)), (.popolo, Popolo.write(register))]
        for (format, data) in others {
            let workspace = "bench-\(format.rawValue)"
            try await Workspaces.add(key: workspace, name: workspace, kind: .forceArea, forceAreaCode: nil, on: app.db)
            start = ContinuousClock.now
            let began = start
            let outcome = try await Tasks.importFile(format, data, dryRun: false, on: app.db, workspace: workspace) {
                print(String(format: "    at %.2f s: %@", seconds(began), $0))
            }
            let took = seconds(start)
            guard case .applied(let summary, _) = outcome else {
                print("\(format.rawValue) import rejected: \(outcome)")
                throw Abort(.internalServerError)
            }
            print(
                String(
                    format: "import (first, %@, %d KiB):  %.2f s, %.0f rows/s (the CSV's rows), %.0f records/s",
                    format.rawValue, data.count / 1024, took, Double(csvRows) / took,
                    Double(summary.recordCount) / took))
        }

        start = ContinuousClock.now
        _ = try await Tasks.importFile(.csv, csv, dryRun: false, on: app.db)
        let againSeconds = seconds(start)
        print(
            String(
                format: "import (again, no changes): %.2f s, %.0f CSV rows/s", againSeconds,
                Double(csvRows) / againSeconds))

        // Pages need a signed-in user; the benchmark reads them with an API token, which any route accepts.
        try await Accounts.addUser(
            email: "bench@convene.invalid", password: "benchmark password", role: .viewer, on: app.db,
            passwords: app.password.async)
        let token = try await Accounts.createToken(
            email: "bench@convene.invalid", label: "benchmark", role: nil, on: app.db
        ).secret
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)

        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = options.port
        try app.server.start()
        let base = "http://127.0.0.1:\(options.port)"
        let pages = [
            ("partnership list, first page", "/partnerships"),
            (
                "partnership list, filtered and sorted",
                "/partnerships?type=cdp&status=active&sort=force_area&order=desc&page=3"
            ),
            ("partnership list, name search", "/partnerships?q=Partnership+42"),
            ("partnership page (10 members, reporting chain)", "/partnerships/partnership-2001"),
            ("overview", "/")
        ]
        try await timePages(
            app: app, base: base, headers: headers, pages: pages, options: options, scenario: "register",
            database: databaseLabel(database))
        await app.server.shutdown()
        try await app.asyncShutdown()
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}
