import Fluent
import Foundation
import SQLKit
import VaporTesting

@testable import ConveneServer

/// The run's one migrated template, made the first time a test asks, and a copy of it for each test.
actor TestDatabases {
    static let shared = TestDatabases()

    /// A test's own database and how to remove it.
    struct Copy: Sendable {
        var database: DatabaseChoice
        var remove: @Sendable () async throws -> Void
    }

    /// A set-up run once into a template of its own: the template, the test identity signed in there, and what
    /// the set-up returned.
    struct Seeded: Sendable {
        var template: String
        var identity: TestIdentity
        var value: any Sendable
    }

    private let postgresURL = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    private var template: Task<String, any Error>?
    private var seeds: [String: Task<Seeded, any Error>] = [:]

    func copy() async throws -> Copy {
        try await copy(of: try await madeTemplate())
    }

    /// A copy of the template `name`'s set-up made, running `setUp` (signed in as the test identity, on the suite's
    /// clock) the first time a test asks for it; with the identity and what `setUp` returned.
    func seeded(_ name: String, _ setUp: @escaping @Sendable (Application) async throws -> any Sendable) async throws
        -> (copy: Copy, identity: TestIdentity, value: any Sendable)
    {
        // The task is kept before anything is awaited, so that tests asking at once share the one set-up.
        if seeds[name] == nil {
            let postgresURL = self.postgresURL
            seeds[name] = Task<Seeded, any Error> {
                let base = try await self.madeTemplate()
                let tag = "convene_seed_\(name)_\(ProcessInfo.processInfo.processIdentifier)"
                let made: String
                let database: DatabaseChoice
                if let postgresURL {
                    try await Self.admin(postgresURL, "DROP DATABASE IF EXISTS \(tag)")
                    try await Self.admin(postgresURL, "CREATE DATABASE \(tag) TEMPLATE \(base)")
                    made = tag
                    database = .postgres(url: Self.url(postgresURL, database: tag), searchPath: nil)
                } else {
                    made = Self.folder.appendingPathComponent("\(tag).sqlite").path
                    try? FileManager.default.removeItem(atPath: made)
                    try FileManager.default.copyItem(atPath: base, toPath: made)
                    database = .sqliteFile(made)
                }
                let app = try await Application.make(.testing)
                app.logger.logLevel = .warning
                do {
                    try configure(app, Configuration(database: database, now: TestClock.now))
                    try await TestIdentity.signIn(app)
                    let value = try await setUp(app)
                    let identity = TestIdentity.current(app)!
                    try await app.asyncShutdown()
                    return Seeded(template: made, identity: identity, value: value)
                } catch {
                    try? await app.asyncShutdown()
                    throw error
                }
            }
        }
        let seed = try await seeds[name]!.value
        return (try await copy(of: seed.template), seed.identity, seed.value)
    }

    /// A test's own copy of a template.
    private func copy(of template: String) async throws -> Copy {
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        if let postgresURL {
            try await Self.admin(postgresURL, "CREATE DATABASE \(name) TEMPLATE \(template)")
            return Copy(database: .postgres(url: Self.url(postgresURL, database: name), searchPath: nil)) {
                try await Self.admin(postgresURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            }
        }
        let path = Self.folder.appendingPathComponent("\(name).sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return Copy(database: .sqliteFile(path)) {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
        }
    }

    /// The template's database name (PostgreSQL) or file (SQLite), migrated once.
    private func madeTemplate() async throws -> String {
        if let template { return try await template.value }
        let postgresURL = self.postgresURL
        let task = Task<String, any Error> {
            let tag = "convene_template_\(ProcessInfo.processInfo.processIdentifier)"
            let database: DatabaseChoice
            let made: String
            if let postgresURL {
                try await Self.admin(postgresURL, "DROP DATABASE IF EXISTS \(tag)")
                try await Self.admin(postgresURL, "CREATE DATABASE \(tag)")
                database = .postgres(url: Self.url(postgresURL, database: tag), searchPath: nil)
                made = tag
            } else {
                made = Self.folder.appendingPathComponent("\(tag).sqlite").path
                try? FileManager.default.removeItem(atPath: made)
                database = .sqliteFile(made)
            }
            let app = try await Application.make(.testing)
            app.logger.logLevel = .warning
            do {
                try configure(app, Configuration(database: database))
                try await Migrations.run(on: app)
                try await app.asyncShutdown()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            return made
        }
        template = task
        return try await task.value
    }

    /// Where the SQLite copies live: memory-backed when the machine has it, so a test's writes cost no disk.
    private static let folder: URL = {
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        // The folders of earlier runs whose process has ended go first: each holds its run's template.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        for name in names where name.hasPrefix("convene-tests-") {
            if let pid = Int32(name.dropFirst("convene-tests-".count)), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
            }
        }
        let folder = base.appendingPathComponent("convene-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// `url` with its database name replaced.
    private static func url(_ url: String, database: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + database
        return components.string!
    }

    /// Runs one statement on the server's own database (CREATE and DROP DATABASE cannot run inside the one they name).
    private static func admin(_ url: String, _ statement: String) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try configure(app, Configuration(database: .postgres(url: url, searchPath: nil)))
            try await (app.db as! any SQLDatabase).raw(SQLQueryString(statement)).run()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
