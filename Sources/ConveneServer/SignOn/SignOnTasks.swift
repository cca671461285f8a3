import ConveneDomain
import Crypto
import Fluent
import Foundation

/// Invitations, as `convene user invite` makes them.
extension Tasks {
    /// An invitation made: the address, its one-time link (a path on this site; shown once) and when it expires.
    public struct Invitation: Sendable {
        public var email: String
        public var role: WorkspaceRole
        public var link: String
        public var expiresAt: Date
    }

    /// How long an invitation lasts.
    public static let invitationLifetime: TimeInterval = 7 * 86_400

    /// Invites an address to a workspace with a role: they accept through its link with a password, or by signing
    /// in through the identity provider as that address. Audited.
    public static func invite(
        _ email: String, role: WorkspaceRole, workspace: String = defaultWorkspace, by inviter: String = actor,
        db: Database, now: Now = .system
    ) async throws -> Invitation {
        let address = Credentials.normalisedEmail(email)
        if let problem = Credentials.validate(email: address, password: String(repeating: "x", count: 99)).first {
            throw Failure(problem.message)
        }
        let scope = try await Scope.workspace(workspace, on: db, actor: inviter, now: now)
        var generator = SystemRandomNumberGenerator()
        let secret = OpenIDConnect.secret(using: &generator)
        let expires = now().addingTimeInterval(invitationLifetime)
        try await scope.audited { scope, audit in
            let record = InvitationRecord()
            record.$workspace.id = scope.workspaceID
            record.email = address
            record.role = role.rawValue
            record.tokenHash = InvitationPages.hash(secret)
            record.invitedBy = inviter
            record.createdAt = now()
            record.expiresAt = expires
            try await record.create(on: scope.db)
            audit.note(
                "create", "invitation", address, before: nil as [String: String]?,
                after: ["email": address, "role": role.rawValue])
        }
        return Invitation(email: address, role: role, link: "/invitations/\(secret)", expiresAt: expires)
    }
}

/// Who can sign in, as `convene user list --format json` gives it.
extension Accounts {
    public struct Listed: Codable, Sendable, Equatable {
        public struct Role: Codable, Sendable, Equatable {
            public var workspace: String
            public var role: WorkspaceRole
        }

        public var email: String
        public var roles: [Role]
        /// Whether they have a password; an account made through the identity provider has none.
        public var password: Bool
        /// How many provider identities sign them in.
        public var identities: Int
    }

    /// Every user, by email, with their roles by workspace.
    public static func list(on db: Database) async throws -> [Listed] {
        let users = try await UserRecord.query(on: db).sort(\.$email).all()
        let members = try await WorkspaceMemberRecord.query(on: db).with(\.$workspace).all()
        let identities = try await UserIdentityRecord.query(on: db).all()
        return try users.map { user in
            let id = try user.requireID()
            return Listed(
                email: user.email,
                roles: members.filter { $0.$user.id == id }.sorted { $0.workspace.key < $1.workspace.key }
                    .map {
                        Listed.Role(workspace: $0.workspace.key, role: WorkspaceRole(rawValue: $0.role) ?? .viewer)
                    },
                password: user.passwordHash != "!", identities: identities.filter { $0.$user.id == id }.count)
        }
    }
}
