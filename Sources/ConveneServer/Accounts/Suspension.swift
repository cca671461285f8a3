import ConveneDomain
import Fluent
import Foundation

/// Suspending a user's role in a workspace, and suspending the roles of accounts no one uses. A suspended role is
/// kept (with its grants and tokens), but gives nothing from the next request: the session's principal and the
/// tokens are read without it (`Asker`, `AuthMiddleware.principal(token:)`). A workspace's last administrator is
/// never suspended, demoted or removed.
extension Accounts {
    /// Whether this role is its workspace's only administrator that is not suspended.
    static func isLastAdmin(_ member: WorkspaceMemberRecord, on db: Database) async throws -> Bool {
        guard member.role == WorkspaceRole.admin.rawValue, member.suspendedAt == nil else { return false }
        return try await WorkspaceMemberRecord.query(on: db).filter(\.$workspace.$id == member.$workspace.id)
            .filter(\.$role == WorkspaceRole.admin.rawValue).filter(\.$suspendedAt == nil).count() <= 1
    }

    static func member(_ email: String, workspace: String, on db: Database, actor: String) async throws
        -> (UserRecord, WorkspaceMemberRecord, Scope)
    {
        let user = try await find(email, on: db)
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        guard
            let member = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID())
                .filter(\.$workspace.$id == scope.workspaceID).first()
        else { throw Failure(description: "\(user.email) has no role in the workspace '\(workspace)'.") }
        return (user, member, scope)
    }

    /// Suspends a user's role in a workspace, audited.
    public static func suspend(
        email: String, workspace: String = Tasks.defaultWorkspace, on db: Database, actor: String = Tasks.actor,
        now: Now = .system
    ) async throws {
        let (user, member, scope) = try await member(email, workspace: workspace, on: db, actor: actor)
        guard member.suspendedAt == nil else { return }
        if try await isLastAdmin(member, on: db) {
            throw Failure(description: "\(user.email) is the workspace's last administrator and cannot be suspended.")
        }
        try await scope.audited { scope, audit in
            member.suspendedAt = now()
            try await member.update(on: scope.db)
            audit.note(
                "suspend", "user", user.email, before: ["email": user.email, "role": member.role],
                after: ["email": user.email, "role": member.role, "suspended": "yes"])
        }
    }

    /// Gives a suspended role back, audited.
    public static func restore(
        email: String, workspace: String = Tasks.defaultWorkspace, on db: Database, actor: String = Tasks.actor
    ) async throws {
        let (user, member, scope) = try await member(email, workspace: workspace, on: db, actor: actor)
        guard member.suspendedAt != nil else { return }
        try await scope.audited { scope, audit in
            member.suspendedAt = nil
            try await member.update(on: scope.db)
            audit.note(
                "restore", "user", user.email, before: ["email": user.email, "role": member.role, "suspended": "yes"],
                after: ["email": user.email, "role": member.role])
        }
    }

    /// An account's roles suspended for being unused.
    public struct Expired: Codable, Sendable, Equatable {
        public var email: String
        public var workspace: String
        /// When they were last active; never, for an account that has not been used since it was made.
        public var lastActive: Date?
    }

    /// Suspends the roles of every account unused for `days` (since its last activity, or since it was made when it
    /// has never been used): what `convene accounts expire` runs from a scheduler. A workspace's last administrator
    /// is left, and said to be.
    public static func expire(
        after days: Int = 180, on db: Database, actor: String = Tasks.actor, now: Now = .system
    ) async throws -> (suspended: [Expired], kept: [Expired]) {
        let cutoff = now().addingTimeInterval(-Double(days) * 86_400)
        var suspended: [Expired] = []
        var kept: [Expired] = []
        let members = try await WorkspaceMemberRecord.query(on: db).filter(\.$suspendedAt == nil).with(\.$user)
            .with(\.$workspace).all()
        for member in members.sorted(by: { ($0.user.email, $0.workspace.key) < ($1.user.email, $1.workspace.key) }) {
            let user = member.user
            guard (user.lastActiveAt ?? user.createdAt ?? .distantPast) < cutoff else { continue }
            let row = Expired(email: user.email, workspace: member.workspace.key, lastActive: user.lastActiveAt)
            if try await isLastAdmin(member, on: db) {
                kept.append(row)
                continue
            }
            try await suspend(email: user.email, workspace: member.workspace.key, on: db, actor: actor, now: now)
            suspended.append(row)
        }
        return (suspended, kept)
    }
}

extension Accounts {
    /// Takes a user's role in one workspace away, with the partnerships they ran and their tokens there; the account
    /// stays for their other workspaces. Audited; never the workspace's last administrator.
    public static func removeFromWorkspace(
        email: String, workspace: String = Tasks.defaultWorkspace, on db: Database, actor: String = Tasks.actor
    ) async throws {
        let (user, member, scope) = try await member(email, workspace: workspace, on: db, actor: actor)
        if try await isLastAdmin(member, on: db) {
            throw Failure(description: "\(user.email) is the workspace's last administrator; make another one first.")
        }
        let userID = try user.requireID()
        try await scope.audited { scope, audit in
            try await PartnershipGrantRecord.query(in: scope).filter(\.$user.$id == userID).delete()
            try await APITokenRecord.query(on: scope.db).filter(\.$user.$id == userID)
                .filter(\.$workspace.$id == scope.workspaceID).delete()
            try await member.delete(on: scope.db)
            audit.note(
                "delete", "user", user.email, before: ["email": user.email, "role": member.role],
                after: nil as [String: String]?)
        }
    }
}
