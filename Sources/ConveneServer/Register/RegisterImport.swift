import ConveneDomain
import Fluent
import Foundation
import SQLKit

public enum ImportOutcome: Sendable {
    /// Nothing was written; each issue names its row (or record) and field.
    case rejected([ImportIssue])
    /// Written (or, in a dry run, what would have been written).
    case applied(ChangeSummary, dryRun: Bool)
}

/// Every import runs here: check the whole file, then write it in one transaction, or write nothing.
public enum RegisterImport {
    private struct DryRunRollback: Error { let summary: ChangeSummary }

    static func run(
        _ batch: ImportBatch, in scope: Scope, dryRun: Bool = false,
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> ImportOutcome {
        if !batch.issues.isEmpty { return .rejected(batch.issues) }
        do {
            let summary = try await scope.transaction { scope in
                // Checked inside the transaction so that the keys it resolves against cannot change under it.
                let known = try await RegisterStore(scope: scope).knownKeys()
                let issues = RegisterCheck.issues(in: batch, known: known)
                if !issues.isEmpty { throw Rejected(issues: issues) }
                progress?("checked \(batch.register.recordCount) records; writing")
                var writer = RegisterWriter(scope: scope, progress: progress)
                let summary = try await writer.write(batch)
                if dryRun { throw DryRunRollback(summary: summary) }
                return summary
            }
            // After a large import the planner's statistics are stale until autovacuum gets round to them;
            // on PostgreSQL that turned a 12 ms page into 400 ms. Refresh them at once, for the tables an import
            // writes only: a bare ANALYZE walks every table of the database and can deadlock with a concurrent
            // DROP (seen in the test suite, whose tests each drop their own schema).
            if summary.changedCount >= 1_000, let sql = scope.db as? any SQLDatabase {
                let tables = [
                    AreaRecord.schema, AreaLinkRecord.schema, OrganisationRecord.schema, PersonRecord.schema,
                    PartnershipRecord.schema, MembershipRecord.schema, RelationRecord.schema,
                    TermsOfReferenceRecord.schema, MeetingRecord.schema, AttendanceRecord.schema,
                    AuditEventRecord.schema
                ]
                if sql.dialect.name == "postgresql" {
                    try await sql.raw("ANALYZE \(unsafeRaw: tables.joined(separator: ", "))").run()
                } else {
                    for table in tables { try await sql.raw("ANALYZE \(ident: table)").run() }
                }
            }
            return .applied(summary, dryRun: false)
        } catch let rollback as DryRunRollback {
            return .applied(rollback.summary, dryRun: true)
        } catch let rejected as Rejected {
            return .rejected(rejected.issues)
        }
    }

    private struct Rejected: Error { let issues: [ImportIssue] }
}
