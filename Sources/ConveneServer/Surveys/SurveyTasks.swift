import ConveneDomain
import Fluent
import Foundation

/// How `convene survey results` writes a survey's results.
public enum SurveyResultsFormat: String, CaseIterable, Sendable {
    case json, csv
}

/// Surveys as the `convene` command uses them.
extension Tasks {
    /// Imports answers gathered elsewhere into the survey `key`, all or nothing; the report as text, or a failure
    /// naming every bad cell.
    public static func importSurvey(
        _ data: Data, fileName: String, survey key: String, title: String?, db: Database,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let report = try await SurveyImport.run(data, fileName: fileName, survey: key, title: title, in: scope)
        guard report.errors.isEmpty else {
            throw Failure(
                "Nothing was imported: "
                    + report.errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
        }
        return "\(report.created ? "Made the survey \(key) from the file's header. " : "")"
            + "\(report.added) responses added, \(report.unchanged) already there.\n"
    }

    /// A survey's results: the JSON contract, or CSV.
    public static func surveyResults(
        _ key: String, format: SurveyResultsFormat, db: Database, workspace: String = defaultWorkspace,
        now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let results: SurveyResults
        do {
            results = try await SurveyStore.results(of: key, in: scope)
        } catch let problem as Problem {
            throw Failure("\(problem.detail ?? problem.title): no such survey in the workspace '\(workspace)'")
        }
        switch format {
        case .csv: return results.csv
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(results.contract), as: UTF8.self) + "\n"
        }
    }
}
