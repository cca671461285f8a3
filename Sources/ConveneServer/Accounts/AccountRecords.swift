import ConveneDomain
import Fluent
import Foundation
import Vapor

final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    /// When they last signed in or used the API, written at most once a day (`AuthMiddleware`).
    @OptionalField(key: "last_active_at") var lastActiveAt: Date?

    init() {}
}

/// A user's role in one workspace.
final class WorkspaceMemberRecord: Model, @unchecked Sendable {
    static let schema = "workspace_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserRecord
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "role") var role: String
    /// The person this user is in the workspace's register, if they are one: "my meetings" and "my actions" are theirs.
    @OptionalParent(key: "person_id") var person: PersonRecord?
    /// A suspended role is kept, but gives nothing: no sign-in to the workspace, no working token.
    @OptionalField(key: "suspended_at") var suspendedAt: Date?

    init() {}
}

/// A partnership given to a secretariat user: they run its business (its record, members and terms of
/// reference now; its meetings later) and read the rest of the workspace.
final class PartnershipGrantRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "partnership_grants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "user_id") var user: UserRecord
    @Parent(key: "partnership_id") var partnership: PartnershipRecord

    static var workspacePath: KeyPath<PartnershipGrantRecord, ParentProperty<PartnershipGrantRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// A sign-in attempt, kept for throttling (per account and per client address) across every instance.
final class LoginAttemptRecord: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date
    @Field(key: "succeeded") var succeeded: Bool

    init() {}
}

/// An API token: one user, one workspace, the user's role or less. Only its SHA-256 is stored.
final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "user_id") var user: UserRecord
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "role") var role: String
    @Field(key: "label") var label: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).lowercaseHex
    }

    /// 32 random bytes, URL-safe; shown once, never stored.
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "cvn_"
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// A one-time link that lets the first administrator of a fresh installation sign up.
final class SetupTokenRecord: Model, @unchecked Sendable {
    static let schema = "setup_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
