import Crypto
import Foundation

/// The rules of signing in through an OpenID Connect provider (Microsoft Entra ID and others): the PKCE pair, the
/// checks an ID token's claims must pass once its signature has been verified, who the token says the person is, and
/// which role their groups or app roles give. The cryptography (the token's signature) is jwt-kit's, in the server.
public enum OpenIDConnect {
    /// Base64url without padding (RFC 4648 section 5), as PKCE and JWTs write bytes.
    public static func base64URL(_ data: some DataProtocol) -> String {
        Data(data).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A secret of 32 random bytes, base64url: the PKCE verifier, the state and the nonce are each one.
    public static func secret<G: RandomNumberGenerator>(using generator: inout G) -> String {
        base64URL((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The S256 code challenge of a PKCE verifier (RFC 7636 section 4.2): base64url(SHA-256(verifier)).
    public static func challenge(_ verifier: String) -> String {
        base64URL(Array(SHA256.hash(data: Data(verifier.utf8))))
    }

    /// The claims Convene reads from an ID token.
    public struct Claims: Hashable, Codable, Sendable {
        public var iss: String
        public var sub: String
        /// One audience or several.
        public var aud: [String]
        public var exp: Date
        public var iat: Date
        public var nonce: String?
        public var email: String?
        public var preferredUsername: String?
        public var name: String?
        /// Entra ID: the user's object id and their tenant, which together name them in every app.
        public var oid: String?
        public var tid: String?
        /// Entra ID: the groups (object ids) and the app roles the token carries.
        public var groups: [String]
        public var roles: [String]

        public init(
            iss: String, sub: String, aud: [String], exp: Date, iat: Date, nonce: String? = nil, email: String? = nil,
            preferredUsername: String? = nil, name: String? = nil, oid: String? = nil, tid: String? = nil,
            groups: [String] = [], roles: [String] = []
        ) {
            self.iss = iss
            self.sub = sub
            self.aud = aud
            self.exp = exp
            self.iat = iat
            self.nonce = nonce
            self.email = email
            self.preferredUsername = preferredUsername
            self.name = name
            self.oid = oid
            self.tid = tid
            self.groups = groups
            self.roles = roles
        }

        enum CodingKeys: String, CodingKey {
            case iss, sub, aud, exp, iat, nonce, email, name, oid, tid, groups, roles
            case preferredUsername = "preferred_username"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            iss = try c.decode(String.self, forKey: .iss)
            sub = try c.decode(String.self, forKey: .sub)
            if let one = try? c.decode(String.self, forKey: .aud) {
                aud = [one]
            } else {
                aud = try c.decode([String].self, forKey: .aud)
            }
            exp = Date(timeIntervalSince1970: try c.decode(Double.self, forKey: .exp))
            iat = Date(timeIntervalSince1970: try c.decode(Double.self, forKey: .iat))
            nonce = try c.decodeIfPresent(String.self, forKey: .nonce)
            email = try c.decodeIfPresent(String.self, forKey: .email)
            preferredUsername = try c.decodeIfPresent(String.self, forKey: .preferredUsername)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            oid = try c.decodeIfPresent(String.self, forKey: .oid)
            tid = try c.decodeIfPresent(String.self, forKey: .tid)
            groups = try c.decodeIfPresent([String].self, forKey: .groups) ?? []
            roles = try c.decodeIfPresent([String].self, forKey: .roles) ?? []
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(iss, forKey: .iss)
            try c.encode(sub, forKey: .sub)
            try c.encode(aud, forKey: .aud)
            try c.encode(exp.timeIntervalSince1970, forKey: .exp)
            try c.encode(iat.timeIntervalSince1970, forKey: .iat)
            try c.encodeIfPresent(nonce, forKey: .nonce)
            try c.encodeIfPresent(email, forKey: .email)
            try c.encodeIfPresent(preferredUsername, forKey: .preferredUsername)
            try c.encodeIfPresent(name, forKey: .name)
            try c.encodeIfPresent(oid, forKey: .oid)
            try c.encodeIfPresent(tid, forKey: .tid)
            if !groups.isEmpty { try c.encode(groups, forKey: .groups) }
            if !roles.isEmpty { try c.encode(roles, forKey: .roles) }
        }

        /// The address to match an invitation by: `email`, or Entra's `preferred_username` when it is one.
        public var address: String? {
            (email ?? preferredUsername.flatMap { $0.contains("@") ? $0 : nil }).map(Credentials.normalisedEmail)
        }
    }

    /// Why a verified token is still refused, each in words; none when it may sign the person in.
    ///
    /// The checks of OpenID Connect Core 1.0 section 3.1.3.7: the issuer is the one asked; the audience includes this
    /// client; the token has not expired and was not issued in the future (each with `leeway` for clocks); the nonce
    /// is the one this sign-in sent.
    public static func problems(
        _ claims: Claims, issuer: String, clientID: String, nonce: String, now: Date, leeway: TimeInterval = 60
    ) -> [String] {
        var problems: [String] = []
        if claims.iss != issuer { problems.append("it was issued by '\(claims.iss)', not '\(issuer)'") }
        if !claims.aud.contains(clientID) { problems.append("it is not meant for this application") }
        if claims.exp.addingTimeInterval(leeway) <= now { problems.append("it has expired") }
        if claims.iat.addingTimeInterval(-leeway) > now { problems.append("it was issued in the future") }
        if claims.nonce != nonce { problems.append("its nonce is not this sign-in's") }
        return problems
    }

    /// Who a token says the person is, never by email alone: Entra ID's tenant and object id when the token has them
    /// (the same in every app of the tenant), otherwise the issuer and subject.
    public struct Identity: Hashable, Codable, Sendable {
        public var issuer: String
        public var subject: String

        public init(issuer: String, subject: String) {
            self.issuer = issuer
            self.subject = subject
        }

        public init(_ claims: Claims) {
            if let tid = claims.tid, let oid = claims.oid {
                self.init(issuer: "entra:\(tid)", subject: oid)
            } else {
                self.init(issuer: claims.iss, subject: claims.sub)
            }
        }
    }

    /// The role a token's groups and app roles give under `mapping` (a group id or app role name to a role): the
    /// highest of those it carries, or none when it carries none mapped.
    public static func role(_ claims: Claims, mapping: [String: WorkspaceRole]) -> WorkspaceRole? {
        (claims.groups + claims.roles).compactMap { mapping[$0] }.max()
    }

    /// Whether a person from this token may register themselves: only from a tenant or an email domain the workspace
    /// lists.
    public static func mayRegister(_ claims: Claims, tenants: Set<String>, domains: Set<String>) -> Bool {
        if let tid = claims.tid, tenants.contains(tid) { return true }
        guard let address = claims.address, let domain = address.split(separator: "@").last else { return false }
        return domains.contains(String(domain))
    }
}
