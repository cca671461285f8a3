import Fluent
import SQLKit
import Vapor

/// Every migration Convene has shipped, in order, one file each in this folder, numbered as they run.
/// A shipped migration is never edited: add a new one. (The `meetings` table was created with the register
/// in version 1, so it is in `01-CreateRegister`; `07-CreateMeetingBusiness` adds the rest of a board's business.)
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(CreateRegister())
        app.migrations.add(CreateDefaultWorkspace())
        app.migrations.add(CreateAuditLog())
        app.migrations.add(CreateAccounts())
        app.migrations.add(SessionRecord.migration)  // 05: Vapor's own sessions table
        app.migrations.add(CreateGrantsAndWorkspaceKinds())
        app.migrations.add(CreateMeetingBusiness())
        app.migrations.add(CreateAnalytics())
        app.migrations.add(CreateAnalysisIndexes())
        app.migrations.add(CreateStrategies())
        app.migrations.add(CreateGuidance())
        app.migrations.add(CreateProgressReports())
        app.migrations.add(AddPopoloIDs())
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
