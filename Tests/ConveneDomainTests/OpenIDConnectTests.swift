import ConveneDomain
import Foundation
import Testing

/// The rules of signing in through an OpenID Connect provider: PKCE's S256 challenge, the checks a verified ID
/// token's claims must pass, who it names, and the role its groups give.
@Suite struct OpenIDConnectTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func claims(
        iss: String = "https://login.microsoftonline.com/tenant-a/v2.0", aud: [String] = ["convene"],
        exp: TimeInterval = 600, iat: TimeInterval = -10, nonce: String? = "n-1"
    ) -> OpenIDConnect.Claims {
        OpenIDConnect.Claims(
            iss: iss, sub: "pairwise-subject", aud: aud, exp: now.addingTimeInterval(exp),
            iat: now.addingTimeInterval(iat), nonce: nonce, preferredUsername: "Ann.Lead@Police.example.org",
            oid: "object-1", tid: "tenant-a", groups: ["g-editors", "g-viewers"], roles: ["Convene.Reader"])
    }

    @Test func theChallengeIsTheVerifiersSHA256InBase64URL() {
        // SHA-256 of nothing is e3b0c442…b855; in base64url without padding:
        #expect(OpenIDConnect.challenge("") == "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU")
        // As Python's hashlib and base64.urlsafe_b64encode give it.
        #expect(
            OpenIDConnect.challenge("dBjftJeZ4CVP-mJ92K9qxdHSgEuDWvIvLTQWo6Un7gI")
                == "TwcDR4VW0Yf0VnR4s28gpgIOMrBTZd2AZoXjpgmXa_o")
        var generator = SystemRandomNumberGenerator()
        let secret = OpenIDConnect.secret(using: &generator)
        #expect(secret.count == 43 && !secret.contains("=") && !secret.contains("+") && !secret.contains("/"))
    }

    @Test func aTokenIsRefusedForEachClaimThatDoesNotHold() {
        let issuer = "https://login.microsoftonline.com/tenant-a/v2.0"
        func problems(_ c: OpenIDConnect.Claims) -> [String] {
            OpenIDConnect.problems(c, issuer: issuer, clientID: "convene", nonce: "n-1", now: Self.now)
        }
        #expect(problems(Self.claims()) == [])
        #expect(problems(Self.claims(aud: ["other", "convene"])) == [])
        #expect(problems(Self.claims(iss: "https://evil.example")).count == 1)
        #expect(problems(Self.claims(aud: ["other"])) == ["it is not meant for this application"])
        #expect(problems(Self.claims(exp: -61)) == ["it has expired"])
        // A minute's leeway either way for clocks.
        #expect(problems(Self.claims(exp: -59)) == [])
        #expect(problems(Self.claims(iat: 120)) == ["it was issued in the future"])
        #expect(problems(Self.claims(nonce: "replayed")) == ["its nonce is not this sign-in's"])
        #expect(problems(Self.claims(nonce: nil)) == ["its nonce is not this sign-in's"])
    }

    @Test func theClaimsAreReadAsProvidersWriteThem() throws {
        let json = """
            {"iss":"https://idp.example","sub":"s","aud":"convene","exp":1800000600,"iat":1800000000,
             "nonce":"n","email":"A@B.example","groups":["g"]}
            """
        let claims = try JSONDecoder().decode(OpenIDConnect.Claims.self, from: Data(json.utf8))
        #expect(claims.aud == ["convene"] && claims.address == "a@b.example" && claims.roles == [])
        let again = try JSONDecoder().decode(OpenIDConnect.Claims.self, from: try JSONEncoder().encode(claims))
        #expect(again == claims)
    }

    @Test func anIdentityIsTheTenantAndObjectIdOrTheIssuerAndSubjectNeverTheEmail() {
        #expect(OpenIDConnect.Identity(Self.claims()) == .init(issuer: "entra:tenant-a", subject: "object-1"))
        var other = Self.claims()
        other.tid = nil
        #expect(
            OpenIDConnect.Identity(other)
                == .init(issuer: "https://login.microsoftonline.com/tenant-a/v2.0", subject: "pairwise-subject"))
    }

    @Test func theHighestMappedGroupOrAppRoleGivesTheRole() {
        let claims = Self.claims()
        #expect(OpenIDConnect.role(claims, mapping: ["g-viewers": .viewer, "g-editors": .editor]) == .editor)
        #expect(OpenIDConnect.role(claims, mapping: ["Convene.Reader": .viewer]) == .viewer)
        #expect(OpenIDConnect.role(claims, mapping: ["g-admins": .admin]) == nil)
    }

    @Test func onlyAListedTenantOrDomainMayRegister() {
        let claims = Self.claims()
        #expect(OpenIDConnect.mayRegister(claims, tenants: ["tenant-a"], domains: []))
        #expect(OpenIDConnect.mayRegister(claims, tenants: [], domains: ["police.example.org"]))
        #expect(!OpenIDConnect.mayRegister(claims, tenants: ["tenant-b"], domains: ["council.example.org"]))
    }
}
