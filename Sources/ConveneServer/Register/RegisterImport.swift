import ConveneDomain
import Fluent
import Foundation

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
        _ batch: ImportBatch, in scope: Scope, dryRun: Bool = false, creating new: RecordOrigin? = nil,
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> ImportOutcome {
        progress?("read \(batch.register.recordCount) records")
        if !batch.issues.isEmpty { return .rejected(batch.issues) }
        do {
            let summary = try await scope.transaction { scope in
                // Checked inside the transaction, with the workspace locked, so that the keys it resolves against
                // cannot change under it.
                try await scope.lockWorkspace()
                // A record the write means to create must not exist when the write begins: else it is `KeyInUse`.
                if let new, try await RegisterEdits.exists(new, in: scope) {
                    throw KeyInUse(field: new.kind == .area ? "code" : "key", value: new.key)
                }
                let store = RegisterStore(scope: scope)
                // A file's own ids (Popolo) find the records they made before, whatever keys those have.
                var resolved = batch
                if !batch.popoloIDs.isEmpty {
                    resolved = PopoloIDs.resolve(batch, stored: try await store.popoloIdentities())
                }
                let known = try await store.knownKeys(
                    of: NamedKeys(resolved.register),
                    hierarchy: resolved.register.relations.contains(where: \.kind.isHierarchical))
                let issues = RegisterCheck.issues(in: resolved, known: known)
                if !issues.isEmpty { throw Rejected(issues: issues) }
                progress?("checked \(resolved.register.recordCount) records; writing")
                var writer = RegisterWriter(scope: scope, progress: progress)
                var summary = try await writer.write(resolved)
                summary.warnings = resolved.warnings
                if dryRun { throw DryRunRollback(summary: summary) }
                // Areas are every workspace's: what each worked out from them is out of date.
                if !resolved.register.areas.isEmpty || !resolved.register.areaLinks.isEmpty {
                    try await DataVersion.bumpAll(on: scope.sql)
                }
                return summary
            }
            if summary.changedCount >= 1_000 {
                try await PlannerStatistics.refresh(PlannerStatistics.register, on: scope.db)
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
