import ConveneDomain
import Fluent
import Foundation

/// The analyses and settings as the `convene` command runs them.
extension Tasks {
    public static func analyse(
        _ analysis: Analysis, _ question: AnalysisQuestion, on db: Database,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> AnalysisOutput {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        do {
            return try await Analyses.run(analysis, question, in: scope)
        } catch let problem as Analyses.Problem {
            throw Failure(problem.description)
        }
    }

    /// Every setting with its value in the workspace and its default.
    public static func settings(on db: Database, workspace: String = defaultWorkspace)
        async throws -> [(key: String, label: String, value: Int, defaultValue: Int, unit: String)]
    {
        let settings = try await AnalyticsStore.settings(in: try await Scope.workspace(workspace, on: db, actor: actor))
        let defaults = AnalyticsSettings()
        return AnalyticsSettings.definitions.map { ($0.key, $0.label, settings.value($0), defaults.value($0), $0.unit) }
    }

    public static func setSetting(_ key: String, _ value: String, on db: Database, workspace: String = defaultWorkspace)
        async throws
    {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        if let error = try await AnalyticsStore.set(key, value, in: scope) { throw Failure(error.message) }
    }

    /// A failure a person can act on, told in one sentence.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
        /// A write's field errors, each with its field.
        init(_ errors: [FieldError]) { self.init(errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")) }
    }
}

extension Result where Failure == Refusal {
    /// What a write made (its key), or for a command the failure that names each problem.
    func orFailure() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let refusal): throw Tasks.Failure(refusal.errors)
        }
    }
}
