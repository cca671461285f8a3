import Fluent
import SQLKit

/// The query planner's statistics, kept fresh: after a bulk write, and (SQLite) on opening.
enum PlannerStatistics {
    /// After a bulk write the statistics are stale until autovacuum gets round to them; on PostgreSQL that turned a
    /// 12 ms page into 400 ms, and SQLite, without them, guesses how selective each index is. This refreshes the named
    /// tables only: a bare ANALYZE walks every table of the database and can deadlock with a concurrent DROP (seen in
    /// the test suite, whose tests each drop their own database).
    static func refresh(_ tables: [String], on db: Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ANALYZE \(unsafeRaw: tables.joined(separator: ", "))").run()
        } else {
            for table in tables { try await sql.raw("ANALYZE \(ident: table)").run() }
        }
    }

    /// SQLite has no autovacuum to keep the statistics fresh as tables grow through forms: on opening,
    /// `PRAGMA optimize` analyses the tables that have changed a good deal since they were last analysed (with a
    /// bounded sample, so it stays quick on a large file). PostgreSQL's autovacuum does this by itself.
    static func refreshOnOpening(_ db: Database) async throws {
        guard (db as? any SQLDatabase)?.dialect.name == "sqlite" else { return }
        try await db.withConnection { connection in
            // One connection for both: the limit belongs to the connection.
            guard let sql = connection as? any SQLDatabase else { return }
            try await sql.raw("PRAGMA analysis_limit = 1000").run()
            try await sql.raw("PRAGMA optimize = 0x10002").run()
        }
    }

    /// The tables of a board's business that bulk writers fill.
    static let business = [
        MeetingRecord.schema, JointMeetingRecord.schema, AttendanceRecord.schema, AgendaItemRecord.schema,
        PaperRecord.schema, MinutesRecord.schema, AddendumRecord.schema, ActionRecord.schema, ActionUpdateRecord.schema
    ]

    /// The tables a register import writes.
    static let register = [
        AreaRecord.schema, AreaLinkRecord.schema, OrganisationRecord.schema, PersonRecord.schema,
        PartnershipRecord.schema, MembershipRecord.schema, RelationRecord.schema, TermsOfReferenceRecord.schema,
        MeetingRecord.schema, AttendanceRecord.schema, AuditEventRecord.schema
    ]
}
