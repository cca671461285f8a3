import Fluent
import FluentPostgresDriver
import SQLKit
import Vapor

/// Every migration Convene has shipped, in order, one file each in this folder, numbered as they run.
/// A shipped migration is never edited: add a new one. (The `meetings` table was created with the register
/// in version 1, so it is in `01-CreateRegister`; `07-CreateMeetingBusiness` adds the rest of a board's business.)
public enum Migrations {
    static var all: [any Migration] {
        [
            CreateRegister(), CreateDefaultWorkspace(), CreateAuditLog(), CreateAccounts(),
            SessionRecord.migration,  // 05: Vapor's own sessions table
            CreateGrantsAndWorkspaceKinds(), CreateMeetingBusiness(), CreateAnalytics(), CreateAnalysisIndexes(),
            CreateStrategies(), CreateGuidance(), CreateProgressReports(), AddPopoloIDs(), AddDataVersions(),
            AddKeptPageExpiry(), CreateSurveys(), CreateReviews(), CreateOutcomes(), CreateSharing(),
            CreateNetworkSharing(), CreateSignOn(), AddAccountActivity()
        ]
    }

    static func register(on app: Application) {
        app.migrations.add(all)
    }

    /// Brings the database up to date, however many instances start at once. On PostgreSQL the migrations run under
    /// an advisory lock, held on a connection of its own (so that the migrations' own connections are free), and
    /// an instance that waited finds nothing left to do; the lock goes with the connection if the process dies.
    /// SQLite is switched to write-ahead logging first, so that readers and a writer do not block each other (the
    /// file keeps the mode).
    public static func run(on app: Application) async throws {
        switch app.convene.database {
        case .postgres(let url, let searchPath):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let searchPath { configuration.searchPath = [searchPath] }
            let connection = try await PostgresConnection.connect(
                on: app.eventLoopGroup.any(), configuration: configuration.coreConfiguration, id: 0,
                logger: app.logger)
            do {
                _ = try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: app.logger).get()
                try await app.autoMigrate()
                _ = try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: app.logger).get()
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        case .sqliteFile:
            try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode = WAL").run()
            try await app.autoMigrate()
        case .sqliteMemory:
            try await app.autoMigrate()
        }
    }

    /// The advisory lock's key: "convene" in ASCII, as a number.
    static let lockKey: Int64 = 0x63_6f_6e_76_65_6e_65

    /// The migrations this build has that the database has not run; empty when it is up to date.
    public static func pending(on db: Database) async throws -> [String] {
        let sql = db as! any SQLDatabase
        let log = MigrationLog.schema
        let exists =
            sql.dialect.name == "sqlite"
            ? try await sql.raw("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = \(bind: log)").first()
                != nil
            : try await sql.raw("SELECT 1 WHERE to_regclass(\(bind: log)) IS NOT NULL").first() != nil
        guard exists else { return all.map(\.name) }
        let ran = Set(
            try await sql.raw("SELECT name FROM \(ident: log)").all().map {
                try $0.decode(column: "name", as: String.self)
            })
        return all.map(\.name).filter { !ran.contains($0) }
    }
}

/// Plain indexes on one column each, as the migrations add them.
enum Indexes {
    static func create(on database: Database, _ indexes: [(table: String, column: String)]) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in indexes {
            try await sql.create(index: "\(index.table)_\(index.column)_idx").on(index.table).column(index.column).run()
        }
    }
}
