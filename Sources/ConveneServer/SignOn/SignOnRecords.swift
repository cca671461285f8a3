import Fluent
import Foundation

/// An identity at a provider that signs a user in: the issuer and subject (`OpenIDConnect.Identity`), one user each.
final class UserIdentityRecord: Model, @unchecked Sendable {
    static let schema = "user_identities"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "issuer") var issuer: String
    @Field(key: "subject") var subject: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A provider's signing keys (its JWKS, as fetched) until they expire, shared by every instance.
final class ProviderKeysRecord: Model, @unchecked Sendable {
    static let schema = "provider_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "issuer") var issuer: String
    @Field(key: "jwks") var jwks: String
    @Field(key: "fetched_at") var fetchedAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

/// An invitation to a workspace, by email, with the role it gives: accepted once, with a password through its
/// one-time link or by signing in through the provider as that address; it expires.
final class InvitationRecord: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "email") var email: String
    @Field(key: "role") var role: String
    /// The SHA-256 of the link's secret; the secret itself is shown once.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "invited_by") var invitedBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?

    init() {}
}
