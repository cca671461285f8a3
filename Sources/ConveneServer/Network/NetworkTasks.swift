import ConveneDomain
import Fluent
import Foundation

/// What a workspace shares with the network, as the `convene` command and the demo use it.
extension Tasks {
    /// Names the workspace's partnership lead for the directory; a failure names each problem.
    public static func nameLead(
        _ lead: PartnershipLead, db: Database, workspace: String = defaultWorkspace, now: Now = .system
    ) async throws {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        let errors = try await NetworkBusiness.setLead(lead, in: scope)
        if !errors.isEmpty { throw Failure(errors) }
    }

    /// Shares a survey (`survey:KEY`) or a partnership's terms of reference (`terms:KEY`) with the network and gives
    /// its key in the library.
    @discardableResult
    public static func shareTemplate(
        _ source: String, note: String?, db: Database, workspace: String = defaultWorkspace, now: Now = .system
    ) async throws -> String {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: now)
        return try await NetworkBusiness.share(source, note: note, in: scope).orFailure()
    }
}
