import ConveneDomain
import Fluent
import Foundation

/// A workspace's people and roles: each user with their role, whether it is suspended, when they were last active
/// (the longest unused first), the partnerships a secretariat user runs, how they sign in; the invitations waiting.
struct PeopleAdminModel {
    struct Row: Sendable {
        var email: String
        var role: WorkspaceRole
        var suspended: Bool
        var lastActive: Date?
        /// Days since they were last active (or since the account was made), when that is the expiry or more.
        var unusedDays: Int?
        var grants: [(key: String, name: String)]
        var password: Bool
        var identities: Int
    }

    struct Waiting: Sendable {
        var email: String
        var role: WorkspaceRole
        var expiresAt: Date
    }

    var context: PageContext
    var rows: [Row]
    var invitations: [Waiting]
    var partnerships: [(String, String)]
    /// A link just made, shown once.
    var newLink: String?
    var errors: [FieldError] = []
    var expiryDays = 180

    static func load(
        context: PageContext, newLink: String? = nil, errors: [FieldError] = [], in scope: Scope
    ) async throws -> PeopleAdminModel {
        let now = scope.now()
        let members = try await WorkspaceMemberRecord.query(on: scope.db)
            .filter(\.$workspace.$id == scope.workspaceID).with(\.$user).all()
        let userIDs = members.map(\.$user.id)
        let identities =
            userIDs.isEmpty ? [] : try await UserIdentityRecord.query(on: scope.db).filter(\.$user.$id ~~ userIDs).all()
        let grants = try await PartnershipGrantRecord.query(in: scope).with(\.$partnership).all()
        let model = PeopleAdminModel(
            context: context, rows: [], invitations: [], partnerships: [], newLink: newLink, errors: errors)
        let rows = members.map { member -> Row in
            let user = member.user
            let since = user.lastActiveAt ?? user.createdAt ?? now
            let days = Int(now.timeIntervalSince(since) / 86_400)
            return Row(
                email: user.email, role: WorkspaceRole(rawValue: member.role) ?? .viewer,
                suspended: member.suspendedAt != nil, lastActive: user.lastActiveAt,
                unusedDays: days >= model.expiryDays ? days : nil,
                grants: grants.filter { $0.$user.id == member.$user.id }.map {
                    ($0.partnership.key, $0.partnership.name)
                }
                .sorted { $0.name < $1.name },
                password: user.passwordHash != "!",
                identities: identities.filter { $0.$user.id == member.$user.id }.count)
        }
        let invitations = try await InvitationRecord.query(on: scope.db).filter(\.$workspace.$id == scope.workspaceID)
            .filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).sort(\.$createdAt).all()
        var result = model
        // The longest unused first, so that the accounts to suspend are at the top.
        result.rows = rows.sorted {
            ($0.lastActive ?? .distantPast, $0.email) < ($1.lastActive ?? .distantPast, $1.email)
        }
        result.invitations = invitations.map {
            Waiting(email: $0.email, role: WorkspaceRole(rawValue: $0.role) ?? .viewer, expiresAt: $0.expiresAt)
        }
        result.partnerships = try await PartnershipRecord.query(in: scope).sort(\.$name).all().map { ($0.key, $0.name) }
        return result
    }
}
