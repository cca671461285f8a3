import ConveneDomain
import Fluent
import Foundation

/// The files of outcomes `convene import` reads.
public enum OutcomeFileKind: String, CaseIterable, Sendable {
    case indicators, measurements, targets
}

/// How `convene analyse outcomes|funding` writes its answer.
public enum OutcomeOutputFormat: String, CaseIterable, Sendable {
    case json, csv
}

/// Outcomes and funding as the `convene` command uses them.
extension Tasks {
    /// Imports a file of indicators, measurements or targets, all or nothing: what it did (or with `dryRun` would
    /// do) as text, or a failure naming every bad cell.
    public static func importOutcomes(
        _ kind: OutcomeFileKind, _ data: Data, fileName: String, dryRun: Bool, db: Database,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let report = try await OutcomeImport.run(
            OutcomeImport.Kind(rawValue: kind.rawValue)!, data, fileName: fileName, dryRun: dryRun, in: scope)
        guard report.errors.isEmpty else {
            throw Failure(
                "\(fileName) has \(report.errors.count) problem\(report.errors.count == 1 ? "" : "s"); nothing was imported:\n"
                    + report.errors.map { "\(fileName): \($0.field): \($0.message)" }.joined(separator: "\n"))
        }
        return "\(fileName): \(report.summary)."
    }

    /// The outcomes analysis, of a partnership's framework or of every indicator with a value.
    public static func analyseOutcomes(
        partnership: String?, area: String?, format: OutcomeOutputFormat, db: Database,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> Data {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let report: OutcomesAnalysis.Report
        do {
            report = try await OutcomeStore.analysis(partnership: partnership, area: area, in: scope)
        } catch let problem as Problem {
            throw Failure("\(problem.detail ?? problem.title) in the workspace '\(workspace)'")
        }
        switch format {
        case .json: return try OutcomesAnalysis.json(report) + Data("\n".utf8)
        case .csv: return Data(OutcomesAnalysis.csv(report).utf8)
        }
    }

    /// The funding analysis: money in by funder and year beside the meetings' cost, in pence; of a partnership, of
    /// a force area's partnerships (`forceArea`, an ONS code), or of all.
    public static func analyseFunding(
        partnership: String?, forceArea: String? = nil, format: OutcomeOutputFormat, db: Database,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> Data {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let only: Set<String>?
        do {
            only = try await FundingStore.focus(partnership: partnership, forceArea: forceArea, in: scope)
        } catch let problem as Problem {
            throw Failure("\(problem.detail ?? problem.title) in the workspace '\(workspace)'")
        }
        let report = try await FundingStore.analysis(only: only, in: scope)
        switch format {
        case .json: return try FundingAnalysis.json(report) + Data("\n".utf8)
        case .csv: return Data(FundingAnalysis.csv(report).utf8)
        }
    }
}

/// Frameworks and funding streams as the demo and the command line make them.
extension Tasks {
    /// Sets a partnership's performance framework; a failure names each problem.
    public static func setFramework(
        _ framework: PerformanceFramework, db: Database, workspace: String = defaultWorkspace, now: Now = .system
    ) async throws {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let errors = try await OutcomeBusiness.setFramework(framework, in: scope)
        if !errors.isEmpty {
            throw Failure(errors)
        }
    }

    /// The workspace's funding streams, by key.
    public static func fundingStreams(db: Database, workspace: String = defaultWorkspace) async throws
        -> [FundingStream]
    {
        try await FundingStore.streams(in: try await Scope.workspace(workspace, on: db, actor: actor))
    }

    /// Adds a funding stream (its key made from its purpose) and gives its key; a failure names each problem.
    @discardableResult
    public static func addFundingStream(
        _ stream: FundingStream, db: Database, workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        return try await FundingBusiness.create(stream, in: scope).orFailure()
    }
}
