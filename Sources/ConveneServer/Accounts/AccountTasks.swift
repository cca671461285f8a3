import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Users, roles and tokens: what the command line, the setup link and the demo share.
public enum Accounts {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Adds a user with a role in a workspace; the password must meet the rules.
    public static func addUser(
        email: String, password: String, role: WorkspaceRole, workspace: String = Tasks.defaultWorkspace,
        on db: Database, passwords: AsyncPasswordHasher, actor: String = Tasks.actor
    ) async throws {
        let errors = Credentials.validate(email: email, password: password)
        if let first = errors.first { throw Failure(description: first.message) }
        let email = Credentials.normalisedEmail(email)
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        if try await UserRecord.query(on: db).filter(\.$email == email).first() != nil {
            throw Failure(
                description:
                    "A user with the email address \(email) already exists; use 'convene user role' to change their role."
            )
        }
        let hash = try await passwords.hash(password).get()
        try await scope.audited { scope, audit in
            let user = UserRecord()
            user.email = email
            user.passwordHash = hash
            try await user.create(on: scope.db)
            let member = WorkspaceMemberRecord()
            member.$user.id = try user.requireID()
            member.$workspace.id = scope.workspaceID
            member.role = role.rawValue
            try await member.create(on: scope.db)
            audit.note(
                "create", "user", email, before: nil as [String: String]?,
                after: ["email": email, "role": role.rawValue])
        }
    }

    public static func setRole(
        email: String, role: WorkspaceRole, workspace: String = Tasks.defaultWorkspace, on db: Database,
        actor: String = Tasks.actor
    ) async throws {
        let user = try await find(email, on: db)
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        let existing = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID())
            .filter(\.$workspace.$id == scope.workspaceID).first()
        let member = existing ?? WorkspaceMemberRecord()
        let before = existing?.role
        if before == role.rawValue { return }
        if let existing, role != .admin, try await isLastAdmin(existing, on: db) {
            throw Failure(description: "\(user.email) is the workspace's last administrator; make another one first.")
        }
        member.$user.id = try user.requireID()
        member.$workspace.id = scope.workspaceID
        member.role = role.rawValue
        try await scope.audited { scope, audit in
            try await member.save(on: scope.db)
            audit.note(
                before == nil ? "create" : "update", "user", user.email,
                before: before.map { ["email": user.email, "role": $0] },
                after: ["email": user.email, "role": role.rawValue])
        }
    }

    /// Removes a user everywhere: their roles, partnerships, tokens and the account; each workspace's log says so.
    public static func removeUser(email: String, on db: Database, actor: String = Tasks.actor) async throws {
        let user = try await find(email, on: db)
        let id = try user.requireID()
        for member in try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == id).all()
        where try await isLastAdmin(member, on: db) {
            throw Failure(description: "\(user.email) is a workspace's last administrator; make another one first.")
        }
        try await db.transaction { db in
            for member in try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == id).all() {
                var audit = AuditLog(scope: Scope(db: db, workspaceID: member.$workspace.id, actor: actor))
                audit.note(
                    "delete", "user", user.email, before: ["email": user.email, "role": member.role],
                    after: nil as [String: String]?)
                try await audit.flush()
            }
            try await PartnershipGrantRecord.query(on: db).filter(\.$user.$id == id).delete()
            try await APITokenRecord.query(on: db).filter(\.$user.$id == id).delete()
            try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == id).delete()
            try await user.delete(on: db)
        }
    }

    /// Gives a partnership to a user of its workspace, to run its business as its secretariat.
    public static func grant(
        email: String, partnership: String, workspace: String = Tasks.defaultWorkspace, on db: Database,
        actor: String = Tasks.actor
    ) async throws {
        let (user, record, scope) = try await grantParties(email, partnership, workspace, on: db, actor: actor)
        let userID = try user.requireID()
        let partnershipID = try record.requireID()
        guard
            try await PartnershipGrantRecord.query(in: scope).filter(\.$user.$id == userID)
                .filter(\.$partnership.$id == partnershipID).first() == nil
        else { return }
        try await scope.audited { scope, audit in
            let grant = PartnershipGrantRecord()
            scope.claim(grant)
            grant.$user.id = userID
            grant.$partnership.id = partnershipID
            try await grant.create(on: scope.db)
            audit.note(
                "create", "partnership grant", "\(user.email): \(record.key)", before: nil as [String: String]?,
                after: ["user": user.email, "partnership": record.key])
        }
    }

    public static func revokeGrant(
        email: String, partnership: String, workspace: String = Tasks.defaultWorkspace, on db: Database,
        actor: String = Tasks.actor
    ) async throws {
        let (user, record, scope) = try await grantParties(email, partnership, workspace, on: db, actor: actor)
        guard
            let grant = try await PartnershipGrantRecord.query(in: scope).filter(\.$user.$id == user.requireID())
                .filter(\.$partnership.$id == record.requireID()).first()
        else {
            throw Failure(description: "\(user.email) has not been given the partnership '\(partnership)'.")
        }
        try await AuditLog.delete(
            grant, kind: "partnership grant", key: "\(user.email): \(record.key)",
            before: ["user": user.email, "partnership": record.key], in: scope)
    }

    /// The keys of the partnerships a user has been given in a workspace.
    public static func grants(email: String, workspace: String = Tasks.defaultWorkspace, on db: Database) async throws
        -> [String]
    {
        let user = try await find(email, on: db)
        let scope = try await Scope.workspace(workspace, on: db)
        return try await PartnershipGrantRecord.query(in: scope).filter(\.$user.$id == user.requireID()).with(
            \.$partnership
        ).all()
            .map(\.partnership.key).sorted()
    }

    /// A user's workspaces, roles and partnerships, one line each, for the command line.
    public static func describe(email: String, on db: Database) async throws -> [String] {
        let user = try await find(email, on: db)
        var lines = [user.email]
        let members = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID()).with(
            \.$workspace
        ).all()
        for member in members.sorted(by: { $0.workspace.key < $1.workspace.key }) {
            let role = WorkspaceRole(rawValue: member.role)?.label ?? member.role
            lines.append("  \(member.workspace.key): \(role)")
            for key in try await grants(email: email, workspace: member.workspace.key, on: db) {
                lines.append("    runs the business of '\(key)'")
            }
        }
        if members.isEmpty { lines.append("  no role in any workspace") }
        return lines
    }

    private static func grantParties(
        _ email: String, _ partnership: String, _ workspace: String, on db: Database,
        actor: String
    ) async throws -> (UserRecord, PartnershipRecord, Scope) {
        let user = try await find(email, on: db)
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        guard
            try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID())
                .filter(\.$workspace.$id == scope.workspaceID).first() != nil
        else {
            throw Failure(
                description:
                    "\(user.email) has no role in the workspace '\(workspace)'; give them one with 'convene user role'."
            )
        }
        guard let record = try await PartnershipRecord.query(in: scope).filter(\.$key == partnership).first() else {
            throw Failure(description: "The workspace '\(workspace)' has no partnership '\(partnership)'.")
        }
        return (user, record, scope)
    }

    public static func resetPassword(email: String, password: String, on db: Database, passwords: AsyncPasswordHasher)
        async throws
    {
        if let error = Credentials.validate(password: password).first { throw Failure(description: error.message) }
        let user = try await find(email, on: db)
        user.passwordHash = try await passwords.hash(password).get()
        try await user.update(on: db)
    }

    /// A new API token for a user in a workspace, limited to `role` (never above the user's own). Returns the secret, shown once.
    public static func createToken(
        email: String, label: String, role: WorkspaceRole?, workspace: String = Tasks.defaultWorkspace,
        on db: Database, actor: String = Tasks.actor
    ) async throws -> (id: UUID, secret: String) {
        let user = try await find(email, on: db)
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        guard
            let member = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID())
                .filter(\.$workspace.$id == scope.workspaceID).first(), let own = WorkspaceRole(rawValue: member.role)
        else {
            throw Failure(description: "\(user.email) has no role in the workspace '\(workspace)'.")
        }
        let wanted = role ?? own
        guard wanted <= own else {
            throw Failure(description: "A token cannot have more than the user's own role (\(own.label)).")
        }
        let secret = APITokenRecord.newSecret()
        let token = APITokenRecord()
        token.$user.id = try user.requireID()
        token.$workspace.id = scope.workspaceID
        token.role = wanted.rawValue
        token.label = label.isEmpty ? "API token" : label
        token.tokenHash = APITokenRecord.hash(secret)
        try await scope.audited { scope, audit in
            try await token.create(on: scope.db)
            audit.note(
                "create", "api token", "\(user.email): \(token.label)", before: nil as [String: String]?,
                after: ["user": user.email, "label": token.label, "role": wanted.rawValue])
        }
        return (try token.requireID(), secret)
    }

    public static func revokeToken(id: UUID, on db: Database, actor: String = Tasks.actor, now: Now = .system)
        async throws
    {
        guard let token = try await APITokenRecord.query(on: db).filter(\.$id == id).with(\.$user).first() else {
            throw Failure(description: "No API token has the identifier \(id).")
        }
        let scope = Scope(db: db, workspaceID: token.$workspace.id, actor: actor, now: now)
        try await scope.audited { scope, audit in
            token.revokedAt = scope.now()
            try await token.update(on: scope.db)
            audit.note(
                "revoke", "api token", "\(token.user.email): \(token.label)", before: ["revoked": false],
                after: ["revoked": true])
        }
    }

    static func find(_ email: String, on db: Database) async throws -> UserRecord {
        let email = Credentials.normalisedEmail(email)
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email).first() else {
            throw Failure(description: "No user has the email address \(email).")
        }
        return user
    }

    public static func hasUsers(on db: Database) async throws -> Bool {
        try await UserRecord.query(on: db).count() > 0
    }

    /// A one-time link for the first administrator, valid for a day; nil once anyone has an account.
    public static func setupLink(on db: Database, now: Now = .system) async throws -> String? {
        guard try await !hasUsers(on: db) else { return nil }
        let secret = CSRFMiddleware.newToken()
        let record = SetupTokenRecord()
        record.tokenHash = APITokenRecord.hash(secret)
        record.expiresAt = now().addingTimeInterval(24 * 60 * 60)
        try await record.create(on: db)
        return AccountPath.setup(secret).href
    }

    public static let demoAdmin = "demo-admin@convene.invalid"

    /// The demo's administrator, with a fresh password each time (printed, never stored in clear), and a viewer
    /// of the demo's national workspace, so that switching between workspaces can be tried. They have chosen the
    /// weekly digest of alerts.
    public static func demoAdmin(on db: Database, passwords: AsyncPasswordHasher) async throws -> String {
        let password = Credentials.generatedPassword()
        if try await UserRecord.query(on: db).filter(\.$email == demoAdmin).first() != nil {
            try await resetPassword(email: demoAdmin, password: password, on: db, passwords: passwords)
            try await setRole(email: demoAdmin, role: .admin, on: db)
        } else {
            try await addUser(email: demoAdmin, password: password, role: .admin, on: db, passwords: passwords)
        }
        if try await WorkspaceRecord.query(on: db).filter(\.$key == Tasks.demoNational).first() != nil {
            try await setRole(email: demoAdmin, role: .viewer, workspace: Tasks.demoNational, on: db)
        }
        if let user = try await UserRecord.query(on: db).filter(\.$email == demoAdmin).first()?.id {
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: db, actor: Tasks.actor)
            if try await !Digests.chosen(by: user, in: scope) {
                try await Digests.choose(true, user: user, email: demoAdmin, in: scope)
            }
        }
        return password
    }
}
