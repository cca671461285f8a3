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
    public static func addUser(email: String, password: String, role: WorkspaceRole, workspace: String = Tasks.defaultWorkspace,
                               on db: Database, passwords: AsyncPasswordHasher) async throws {
        let errors = Credentials.validate(email: email, password: password)
        if let first = errors.first { throw Failure(description: first.message) }
        let email = Credentials.normalisedEmail(email)
        let scope = try await Scope.workspace(workspace, on: db)
        if try await UserRecord.query(on: db).filter(\.$email == email).first() != nil {
            throw Failure(description: "A user with the email address \(email) already exists; use 'convene user role' to change their role.")
        }
        let hash = try await passwords.hash(password).get()
        try await scope.transaction { scope in
            let user = UserRecord()
            user.email = email
            user.passwordHash = hash
            try await user.create(on: scope.db)
            let member = WorkspaceMemberRecord()
            member.$user.id = try user.requireID()
            member.$workspace.id = scope.workspaceID
            member.role = role.rawValue
            try await member.create(on: scope.db)
            var audit = AuditLog(scope: scope)
            audit.note("create", "user", email, before: nil as [String: String]?, after: ["email": email, "role": role.rawValue])
            try await audit.flush()
        }
    }

    public static func setRole(email: String, role: WorkspaceRole, workspace: String = Tasks.defaultWorkspace, on db: Database) async throws {
        let user = try await find(email, on: db)
        let scope = try await Scope.workspace(workspace, on: db)
        let member = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID())
            .filter(\.$workspace.$id == scope.workspaceID).first() ?? {
                let m = WorkspaceMemberRecord()
                m.$user.id = try user.requireID()
                m.$workspace.id = scope.workspaceID
                return m
            }()
        member.role = role.rawValue
        try await member.save(on: db)
    }

    /// Removes a user everywhere: their roles, their tokens and the account.
    public static func removeUser(email: String, on db: Database) async throws {
        let user = try await find(email, on: db)
        let id = try user.requireID()
        try await db.transaction { db in
            try await APITokenRecord.query(on: db).filter(\.$user.$id == id).delete()
            try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == id).delete()
            try await user.delete(on: db)
        }
    }

    public static func resetPassword(email: String, password: String, on db: Database, passwords: AsyncPasswordHasher) async throws {
        if let error = Credentials.validate(password: password).first { throw Failure(description: error.message) }
        let user = try await find(email, on: db)
        user.passwordHash = try await passwords.hash(password).get()
        try await user.update(on: db)
    }

    /// A new API token for a user in a workspace, limited to `role` (never above the user's own). Returns the secret, shown once.
    public static func createToken(email: String, label: String, role: WorkspaceRole?, workspace: String = Tasks.defaultWorkspace,
                                   on db: Database, actor: String = Tasks.actor) async throws -> (id: UUID, secret: String) {
        let user = try await find(email, on: db)
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        guard let member = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID())
            .filter(\.$workspace.$id == scope.workspaceID).first(), let own = WorkspaceRole(rawValue: member.role) else {
            throw Failure(description: "\(user.email) has no role in the workspace '\(workspace)'.")
        }
        let wanted = role ?? own
        guard wanted <= own else { throw Failure(description: "A token cannot have more than the user's own role (\(own.label)).") }
        let secret = APITokenRecord.newSecret()
        let token = APITokenRecord()
        token.$user.id = try user.requireID()
        token.$workspace.id = scope.workspaceID
        token.role = wanted.rawValue
        token.label = label.isEmpty ? "API token" : label
        token.tokenHash = APITokenRecord.hash(secret)
        try await scope.transaction { scope in
            try await token.create(on: scope.db)
            var audit = AuditLog(scope: scope)
            audit.note("create", "api token", "\(user.email): \(token.label)", before: nil as [String: String]?,
                       after: ["user": user.email, "label": token.label, "role": wanted.rawValue])
            try await audit.flush()
        }
        return (try token.requireID(), secret)
    }

    public static func revokeToken(id: UUID, on db: Database, actor: String = Tasks.actor) async throws {
        guard let token = try await APITokenRecord.query(on: db).filter(\.$id == id).with(\.$user).first() else {
            throw Failure(description: "No API token has the identifier \(id).")
        }
        let scope = Scope(db: db, workspaceID: token.$workspace.id, actor: actor)
        try await scope.transaction { scope in
            token.revokedAt = Date()
            try await token.update(on: scope.db)
            var audit = AuditLog(scope: scope)
            audit.note("revoke", "api token", "\(token.user.email): \(token.label)", before: ["revoked": false], after: ["revoked": true])
            try await audit.flush()
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
    public static func setupLink(on db: Database) async throws -> String? {
        guard try await !hasUsers(on: db) else { return nil }
        let secret = CSRFMiddleware.newToken()
        let record = SetupTokenRecord()
        record.tokenHash = APITokenRecord.hash(secret)
        record.expiresAt = Date().addingTimeInterval(24 * 60 * 60)
        try await record.create(on: db)
        return "/setup/\(secret)"
    }

    public static let demoAdmin = "demo-admin@convene.invalid"

    /// The demo's administrator, with a fresh password each time (printed, never stored in clear).
    public static func demoAdmin(on db: Database, passwords: AsyncPasswordHasher) async throws -> String {
        let password = Credentials.generatedPassword()
        if try await UserRecord.query(on: db).filter(\.$email == demoAdmin).first() != nil {
            try await resetPassword(email: demoAdmin, password: password, on: db, passwords: passwords)
            try await setRole(email: demoAdmin, role: .admin, on: db)
        } else {
            try await addUser(email: demoAdmin, password: password, role: .admin, on: db, passwords: passwords)
        }
        return password
    }
}
