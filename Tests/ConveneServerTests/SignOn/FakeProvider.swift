import ConveneDomain
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import Vapor

@testable import ConveneServer

/// An OpenID provider on 127.0.0.1 that the tests control: its discovery document, its keys (which a test rotates)
/// and the ID token its token endpoint gives next, signed with whichever key the test chooses. It records the PKCE
/// verifier each code exchange sends and how often its keys are fetched.
final class FakeProvider: Sendable {
    struct Key: Sendable {
        var kid: String
        var key: ES256PrivateKey
    }

    struct State: Sendable {
        var published: [Key] = []
        var nextToken: String?
        var verifiers: [String] = []
        var keyFetches = 0
    }

    let app: Application
    let state = NIOLockedValueBox(State())
    /// Known once the server listens (on a port the system chooses).
    private let address = NIOLockedValueBox("")
    var issuer: String { address.withLockedValue { $0 } }

    private init(app: Application) { self.app = app }

    static func start() async throws -> FakeProvider {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        let provider = FakeProvider(app: app)
        // Routes first: the server answers with those it has when it starts.
        provider.routes()
        provider.publish([Key(kid: "a", key: ES256PrivateKey())])
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else {
            throw SignOnError("the fake provider did not start")
        }
        provider.address.withLockedValue { $0 = "http://127.0.0.1:\(port)" }
        return provider
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    /// The keys the provider publishes from now on.
    func publish(_ keys: [Key]) { state.withLockedValue { $0.published = keys } }

    var currentKey: Key { state.withLockedValue { $0.published[0] } }

    private func routes() {
        let address = self.address
        let state = self.state
        app.get(".well-known", "openid-configuration") { _ in
            let issuer = address.withLockedValue { $0 }
            return [
                "issuer": issuer, "authorization_endpoint": "\(issuer)/authorize",
                "token_endpoint": "\(issuer)/token", "jwks_uri": "\(issuer)/jwks"
            ]
        }
        app.get("jwks") { _ -> Response in
            let keys = state.withLockedValue { s in
                s.keyFetches += 1
                return s.published
            }
            let entries = keys.map { key -> String in
                let (x, y) = key.key.publicKey.parameters!
                return #"{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":""#
                    + key.kid + #"","x":""# + x + #"","y":""# + y + #""}"#
            }
            let response = Response(
                status: .ok, body: .init(string: #"{"keys":["# + entries.joined(separator: ",") + "]}"))
            response.headers.contentType = .json
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
            return response
        }
        app.post("token") { req -> Response in
            struct Form: Content { var code_verifier: String? }
            let verifier = try req.content.decode(Form.self).code_verifier ?? ""
            let token = state.withLockedValue { s in
                s.verifiers.append(verifier)
                return s.nextToken
            }
            guard let token else { return Response(status: .badRequest) }
            let response = Response(
                status: .ok, body: .init(string: #"{"token_type":"Bearer","id_token":""# + token + #""}"#))
            response.headers.contentType = .json
            return response
        }
    }

    /// Signs `claims` with `key` (by default the one published first) and gives it at the next code exchange.
    func give(_ claims: OpenIDConnect.Claims, signedWith key: Key? = nil) async throws {
        struct Payload: JWTPayload {
            var claims: OpenIDConnect.Claims
            init(_ claims: OpenIDConnect.Claims) { self.claims = claims }
            init(from decoder: Decoder) throws { claims = try OpenIDConnect.Claims(from: decoder) }
            func encode(to encoder: Encoder) throws { try claims.encode(to: encoder) }
            func verify(using algorithm: some JWTAlgorithm) async throws {}
        }
        let key = key ?? currentKey
        let keys = await JWTKeyCollection().add(ecdsa: key.key, kid: JWKIdentifier(string: key.kid))
        let token = try await keys.sign(Payload(claims), kid: JWKIdentifier(string: key.kid))
        state.withLockedValue { $0.nextToken = token }
    }
}
