import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The jobs the `convene` executable runs, as plain functions over a booted application.
public enum Tasks {
    /// The register's file formats: Popolo JSON, the office sheet as CSV, and the same sheet as an Excel workbook.
    public enum FileFormat: String, CaseIterable, Sendable { case popolo, csv, xlsx }

    /// Builds an application for a configuration and brings its database up to date.
    public static func application(
        _ configuration: Configuration, environment: Environment = .production,
        logLevel: Logger.Level = .notice
    ) async throws -> Application {
        var env = environment
        env.arguments = [env.arguments.first ?? "convene"]
        let app = try await Application.make(env)
        app.logger.logLevel = logLevel
        do {
            try configure(app, configuration)
            try await Migrations.run(on: app)
            try await PlannerStatistics.refreshOnOpening(app.db)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    public static func read(_ format: FileFormat, _ data: Data) -> ImportBatch {
        switch format {
        case .popolo: Popolo.read(data)
        case .csv: RegisterCSV.read(data)
        case .xlsx: RegisterWorkbook.read(data)
        }
    }

    /// How the audit log names changes made by the convene command.
    public static let actor = "command line"

    /// The audit log of a workspace, oldest first, as JSON lines (one event a line).
    public static func exportAudit(on db: Database, workspace: String = defaultWorkspace) async throws -> Data {
        let scope = try await Scope.workspace(workspace, on: db)
        let events = try await AuditEventRecord.query(in: scope).sort(\.$at).sort(\.$id).all()
        var out = Data()
        for event in events {
            out.append(try AuditEntry(event).jsonLine())
            out.append(0x0A)
        }
        return out
    }

    public enum CalendarImportOutcome: Sendable {
        case rejected([ImportIssue])
        /// `warnings`: what was read by a guess, each by its line; they never stop an import.
        case imported(created: Int, updated: Int, unchanged: Int, skipped: Int, warnings: [ImportIssue])
    }

    /// Imports a calendar file (.ics) into a partnership's meetings: all or nothing, idempotent by event. `now`
    /// places the window of occurrences taken (ten years back, five ahead).
    public static func importCalendar(
        _ data: Data, partnership: String, on db: Database,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> CalendarImportOutcome {
        let scope = try await Scope.workspace(workspace, on: db, actor: Tasks.actor, now: now)
        let record = try await RegisterQueries.partnership(partnership, in: scope)
        switch try await MeetingBusiness.importCalendar(data, into: record, in: scope) {
        case .rejected(let issues): return .rejected(issues)
        case .imported(let r):
            return .imported(
                created: r.created.count, updated: r.updated.count, unchanged: r.unchanged, skipped: r.skipped,
                warnings: r.warnings)
        }
    }

    /// What `convene import ics` prints after an import: the counts, then each warning by its line.
    public static func describeCalendarImport(
        file: String, created: Int, updated: Int, unchanged: Int, skipped: Int, warnings: [ImportIssue]
    ) -> String {
        var lines = [
            "\(file): \(created) meetings added, \(updated) changed, \(unchanged) already up to date"
                + (skipped > 0 ? ", \(skipped) left alone (another partnership has them)" : "") + "."
        ]
        lines += warningLines(warnings)
        return lines.joined(separator: "\n")
    }

    /// A partnership's meetings, or the whole workspace's, as a calendar file; with `includeAttendees` false, as the
    /// public feed has them (nobody named).
    public static func exportCalendar(
        partnership: String?, includeAttendees: Bool, on db: Database,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> Data {
        let scope = try await Scope.workspace(workspace, on: db, actor: Tasks.actor, now: now)
        var selection = CalendarFeeds.Selection(
            kind: .workspace, includeActions: false, includeAttendees: includeAttendees, name: "Convene")
        if let partnership {
            let record = try await RegisterQueries.partnership(partnership, in: scope)
            selection.kind = .partnership
            selection.partnership = record
            selection.name = record.name
        }
        return Data(try await CalendarFeeds.feed(selection, in: scope).utf8)
    }

    /// The workspace every task works in unless told otherwise.
    public static let defaultWorkspace = WorkspaceRecord.defaultKey

    public static func importFile(
        _ format: FileFormat, _ data: Data, dryRun: Bool, on db: Database,
        workspace: String = defaultWorkspace,
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> ImportOutcome {
        let scope = try await Scope.workspace(workspace, on: db, actor: Tasks.actor)
        progress?("reading \(data.count) bytes")
        return try await RegisterImport.run(read(format, data), in: scope, dryRun: dryRun, progress: progress)
    }

    public static func export(_ format: FileFormat, on db: Database, workspace: String = defaultWorkspace) async throws
        -> Data
    {
        let register = try await RegisterStore(scope: try await Scope.workspace(workspace, on: db, actor: Tasks.actor))
            .load()
        switch format {
        case .popolo: return Popolo.write(register)
        case .csv: return Data(RegisterCSV.write(register).utf8)
        case .xlsx: return try RegisterWorkbook.write(register)
        }
    }

    /// Imports ONS lookup files together, in one transaction: all of them or none.
    /// Areas are shared reference data; the import runs through the default workspace's scope only for its transaction.
    public static func importGeography(
        _ files: [(name: String, data: Data)], dryRun: Bool, on db: Database,
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> ImportOutcome {
        let scope = try await Scope.workspace(defaultWorkspace, on: db, actor: Tasks.actor)
        progress?("reading \(files.count) file\(files.count == 1 ? "" : "s")")
        let batch = ONSLookup.read(files, first: PoliceForceAreas.all)
        return try await RegisterImport.run(batch, in: scope, dryRun: dryRun, progress: progress)
    }

    /// Saves strategies and their priorities, each checked by the domain's rules; saving them again changes nothing.
    public static func saveStrategies(
        _ strategies: [Strategy], priorities: [Priority], on db: Database,
        workspace: String = defaultWorkspace
    ) async throws {
        let scope = try await Scope.workspace(workspace, on: db, actor: Tasks.actor)
        for strategy in strategies {
            let errors = try await StrategyStore.save(strategy, in: scope)
            guard errors.isEmpty else {
                throw Failure(
                    "The strategy \(strategy.key) is not valid: \(errors.map(\.message).joined(separator: "; "))")
            }
        }
        for priority in priorities {
            let errors = try await StrategyStore.save(priority, in: scope)
            guard errors.isEmpty else {
                throw Failure(
                    "The priority \(priority.key) is not valid: \(errors.map(\.message).joined(separator: "; "))")
            }
        }
    }

    /// The demo's national workspace (the demo admin is given a role in it when it exists).
    public static let demoNational = "national-demo"

    /// Publishes partnerships of a workspace to the network and the public pages.
    public static func publish(_ keys: [String], on db: Database, workspace: String = defaultWorkspace) async throws {
        let scope = try await Scope.workspace(workspace, on: db, actor: Tasks.actor)
        for key in keys { try await Publishing.set(key, published: true, in: scope) }
    }

    /// An import's warnings as the command prints them: the first 50, and how many more.
    static func warningLines(_ warnings: [ImportIssue]) -> [String] {
        guard !warnings.isEmpty else { return [] }
        return ["Warnings (\(warnings.count); the rest of the file went in):"] + warnings.prefix(50).map { "  - \($0)" }
            + (warnings.count > 50 ? ["  … and \(warnings.count - 50) more warnings"] : [])
    }

    /// A summary a person can read: counts per kind and, when asked, each change.
    public static func describe(_ summary: ChangeSummary, dryRun: Bool, listChanges: Int = 0) -> String {
        var lines: [String] = []
        for kind in ChangeSummary.kindOrder {
            guard let c = summary.counts[kind] else { continue }
            var parts = ["\(c.created) new", "\(c.updated) changed", "\(c.unchanged) unchanged"]
            if c.removed > 0 { parts.append("\(c.removed) removed") }
            lines.append("  \(kind): " + parts.joined(separator: ", "))
        }
        if listChanges > 0 {
            for change in summary.changes.prefix(listChanges) { lines.append("  - \(change)") }
            if summary.changes.count > listChanges {
                lines.append("  … and \(summary.changes.count - listChanges) more changes")
            }
        }
        lines += warningLines(summary.warnings)
        let head =
            dryRun
            ? "Dry run: nothing was written. Importing would make \(summary.changedCount) changes:"
            : summary.changedCount == 0
                ? "Nothing to change: the register already holds everything in the file."
                : "Imported: \(summary.changedCount) changes."
        return ([head] + lines).joined(separator: "\n")
    }
}
