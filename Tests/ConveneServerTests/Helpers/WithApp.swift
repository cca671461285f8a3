import ConveneDomain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import ConveneServer

/// Runs a test against a freshly migrated database: SQLite in memory, or, when DATABASE_URL is set
/// (as `scripts/test` does for its second run), a PostgreSQL schema of its own that is dropped afterwards.
func withConveneApp<T>(dotPath: String? = nil, _ test: (Application) async throws -> T) async throws -> T {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var schema: String?
    do {
        let database: DatabaseChoice
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            schema = String(name)
            database = .postgres(url: url, searchPath: schema)
        } else {
            database = .sqliteMemory
        }
        try configure(app, Configuration(database: database, dotPath: dotPath))
        if let schema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
        let result = try await test(app)
        if let schema { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        try await app.asyncShutdown()
        return result
    } catch {
        if let schema { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        try? await app.asyncShutdown()
        throw error
    }
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
        var description: String { "The shared reference file \(path) is missing; set CONVENE_SHARED_DATA to the shared/data folder" }
    }

    static let lookups = ["lad24_csp24_pfa24_ew.csv", "ltla23_utla23_ew.csv", "lad24_icb24_en_from_lsoa21.csv"]

    /// Whether the shared ONS lookups are beside the repository; scripts/test insists on them under CI.
    static let haveLookups = lookups.allSatisfy { FileManager.default.fileExists(atPath: geography.appendingPathComponent($0).path) }
}

extension Application {
    /// Sends a request and returns the response; JSON bodies are encoded for you.
    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, form: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        } else if let form {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: form)
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
