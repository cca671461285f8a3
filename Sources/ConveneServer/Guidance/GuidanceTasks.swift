import ConveneDomain
import Fluent
import Foundation

/// How `convene milestones` writes a partnership's task list.
public enum MilestonesFormat: String, CaseIterable, Sendable {
    case json, text
}

/// Guidance as the `convene` command uses it.
extension Tasks {
    /// A partnership's milestones as of `day` (today by the clock unless given), as JSON or text.
    public static func milestones(
        _ key: String, on day: Day? = nil, format: MilestonesFormat, db: Database,
        workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let milestones: PartnershipMilestones
        do {
            milestones = try await GuidanceStore.milestones(of: key, on: day, in: scope)
        } catch let problem as Problem {
            throw Failure("\(problem.detail ?? problem.title): no such partnership in the workspace '\(workspace)'")
        }
        switch format {
        case .text:
            return MilestonesText.render(milestones)
        case .json:
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(MilestonesJSON(milestones)), as: UTF8.self) + "\n"
        }
    }
}
