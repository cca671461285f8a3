import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// `convene backup` and `convene restore` on the database this run uses; `scripts/check-backup` carries the demo
/// from SQLite to PostgreSQL and back through the binary.
@Suite struct BackupTests {
    /// A register, a meeting with its agenda, accounts and their audit, all in one workspace.
    static func filled(_ app: Application) async throws {
        try await MeetingTests.setUp(app)
        let meeting = try await app.send(
            .POST, "/api/v1/partnerships/cdp/meetings",
            json: #"{"name":"Board","starts_at":"2027-06-01T09:00:00.123456Z","ends_at":"2027-06-01T11:00:00Z"}"#)
        #expect(meeting.status == .created, "\(meeting.text)")
        let item = try await app.send(
            .POST, "/api/v1/partnerships/cdp/meetings/cdp-2027-06-01/items", json: #"{"title":"Housing first"}"#)
        #expect(item.status == .ok, "\(item.text)")
    }

    /// Runs `body` with an application on a database of its own that only the migrations have written.
    static func withEmptyDatabase<T>(_ body: (Application) async throws -> T) async throws -> T {
        let copy = try await TestDatabases.shared.copy()
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try configure(app, Configuration(database: copy.database, now: TestClock.now))
            let result = try await body(app)
            try await app.asyncShutdown()
            try? await copy.remove()
            return result
        } catch {
            try? await app.asyncShutdown()
            try? await copy.remove()
            throw error
        }
    }

    static func exports(_ app: Application) async throws -> [Data] {
        [
            try await Tasks.export(.popolo, on: app.db), try await Tasks.export(.csv, on: app.db),
            try await Tasks.exportAudit(on: app.db)
        ]
    }

    @Test func aBackupRestoredIntoAnEmptyDatabaseIsTheSameDatabase() async throws {
        try await withConveneApp { app in
            try await Self.filled(app)
            let backup = try await Tasks.backup(on: app.db)
            let exported = try await Self.exports(app)
            let file = try BackupFile.decode(backup)
            #expect(file.tables.contains { $0.name == "users" && $0.rows.count == 1 })
            #expect(file.tables.contains { $0.name == "audit_events" && !$0.rows.isEmpty })
            try await Self.withEmptyDatabase { restored in
                let (tables, rows) = try await Tasks.restore(backup, replacing: false, on: restored.db)
                #expect(tables == file.tables.count)
                #expect(rows == file.tables.reduce(0) { $0 + $1.rows.count })
                // The same file again, byte for byte, and the same exports.
                #expect(try await Tasks.backup(on: restored.db) == backup)
                #expect(try await Self.exports(restored) == exported)
                // The restored accounts sign in.
                #expect(try await UserRecord.query(on: restored.db).all().map(\.email) == [TestIdentity.email])
            }
        }
    }

    @Test func aDamagedOrCutBackupIsRefusedAndChangesNothing() async throws {
        try await withConveneApp { app in
            try await Self.filled(app)
            let backup = try await Tasks.backup(on: app.db)
            var altered = backup
            altered[altered.count / 2] ^= 0x01
            let cases: [(Data, String)] = [
                (backup.prefix(backup.count / 2), "cut short"),
                (backup.prefix(backup.count - 1), "cut short"),
                (altered, "checksum does not match"),
                (Data("not a backup\n".utf8), "cut short"),
                (Data(), "empty")
            ]
            try await Self.withEmptyDatabase { target in
                let before = try await Self.exports(target)
                for (data, reason) in cases {
                    do {
                        _ = try await Tasks.restore(data, replacing: true, on: target.db)
                        Issue.record("a damaged backup (\(reason)) was restored")
                    } catch let problem as BackupProblem {
                        #expect(problem.description.contains(reason), "\(problem)")
                    }
                }
                #expect(try await Self.exports(target) == before)
            }
        }
    }

    @Test func aDatabaseThatHoldsRecordsIsKeptUnlessToldToReplaceThem() async throws {
        try await withConveneApp { app in
            try await Self.filled(app)
            let backup = try await Tasks.backup(on: app.db)
            let before = try await Self.exports(app)
            do {
                _ = try await Tasks.restore(backup, replacing: false, on: app.db)
                Issue.record("a backup was restored over a database that holds records")
            } catch let problem as BackupProblem {
                #expect(problem.description.contains("not empty"), "\(problem)")
            }
            #expect(try await Self.exports(app) == before)
            // Told to, it replaces them: the same database again.
            _ = try await Tasks.restore(backup, replacing: true, on: app.db)
            #expect(try await Tasks.backup(on: app.db) == backup)
        }
    }
}
