import ConveneDomain
import Fluent
import Foundation
import JWTKit
import Vapor

/// What Convene asks of the identity provider: its metadata (discovery), the ID token for a code, and its keys,
/// kept in the database until they expire and fetched again when a token names a key they lack.
enum SignOnProvider {
    /// The parts of the provider's `.well-known/openid-configuration` the flow uses.
    struct Metadata: Codable, Sendable {
        var issuer: String
        var authorizationEndpoint: String
        var tokenEndpoint: String
        var jwksURI: String
        var endSessionEndpoint: String?

        enum CodingKeys: String, CodingKey {
            case issuer
            case authorizationEndpoint = "authorization_endpoint"
            case tokenEndpoint = "token_endpoint"
            case jwksURI = "jwks_uri"
            case endSessionEndpoint = "end_session_endpoint"
        }
    }

    /// The provider's metadata, which must name the issuer it was asked for.
    static func metadata(_ settings: SignOnSettings, client: Client) async throws -> Metadata {
        let url =
            settings.issuer.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            + "/.well-known/openid-configuration"
        let response: ClientResponse
        do {
            response = try await client.get(URI(string: url))
        } catch {
            throw SignOnError("The identity provider could not be reached at \(url): \(error)")
        }
        guard response.status == .ok, let body = response.body,
            let metadata = try? JSONDecoder().decode(Metadata.self, from: Data(buffer: body))
        else {
            throw SignOnError(
                "The identity provider's configuration could not be read from \(url) (it answered \(response.status.code))"
            )
        }
        guard metadata.issuer == settings.issuer else {
            throw SignOnError("The identity provider calls itself '\(metadata.issuer)', not '\(settings.issuer)'")
        }
        return metadata
    }

    /// The ID token the provider gives for a code, with the PKCE verifier that proves this sign-in asked for it.
    static func idToken(
        code: String, verifier: String, redirectURI: String, metadata: Metadata, settings: SignOnSettings,
        client: Client
    ) async throws -> String {
        struct Form: Content {
            var grant_type = "authorization_code"
            var code: String
            var redirect_uri: String
            var client_id: String
            var client_secret: String
            var code_verifier: String
        }
        struct Tokens: Decodable { var id_token: String? }
        let response = try await client.post(URI(string: metadata.tokenEndpoint)) { request in
            try request.content.encode(
                Form(
                    code: code, redirect_uri: redirectURI, client_id: settings.clientID,
                    client_secret: settings.clientSecret, code_verifier: verifier),
                as: .urlEncodedForm)
        }
        guard response.status == .ok, let body = response.body,
            let token = (try? JSONDecoder().decode(Tokens.self, from: Data(buffer: body)))?.id_token
        else {
            throw SignOnError(
                "The identity provider gave no ID token for the code (it answered \(response.status.code))")
        }
        return token
    }

    /// An ID token's claims once its signature is verified against the provider's keys. The keys are read from the
    /// database while they last; a token naming a key they lack (the provider has rotated its keys) fetches them
    /// again, once.
    static func verify(
        _ token: String, metadata: Metadata, client: Client, on db: Database, now: Date
    ) async throws -> OpenIDConnect.Claims {
        let cached = try await ProviderKeysRecord.query(on: db).filter(\.$issuer == metadata.issuer).first()
        if let cached, cached.expiresAt > now, keyIDs(cached.jwks).contains(keyID(token) ?? "") {
            return try await claims(token, jwks: cached.jwks)
        }
        return try await claims(token, jwks: try await fetchKeys(metadata, client: client, on: db, now: now))
    }

    /// The key id a token's header names.
    static func keyID(_ token: String) -> String? {
        struct Header: Decodable { var kid: String? }
        guard let part = token.split(separator: ".").first else { return nil }
        var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: text).flatMap { try? JSONDecoder().decode(Header.self, from: $0) }?.kid
    }

    /// The ids of the keys in a JWKS.
    static func keyIDs(_ jwks: String) -> Set<String> {
        struct Keys: Decodable {
            struct Key: Decodable { var kid: String? }
            var keys: [Key]
        }
        return Set((try? JSONDecoder().decode(Keys.self, from: Data(jwks.utf8)))?.keys.compactMap(\.kid) ?? [])
    }

    /// The claims of a token whose signature one of these keys verifies.
    static func claims(_ token: String, jwks: String) async throws -> OpenIDConnect.Claims {
        struct Payload: JWTPayload {
            var claims: OpenIDConnect.Claims
            init(from decoder: Decoder) throws { claims = try OpenIDConnect.Claims(from: decoder) }
            func encode(to encoder: Encoder) throws { try claims.encode(to: encoder) }
            // The claims are checked by `OpenIDConnect.problems`, with the sign-in's nonce.
            func verify(using algorithm: some JWTAlgorithm) async throws {}
        }
        let keys = try await JWTKeyCollection().add(jwksJSON: jwks)
        return try await keys.verify(token, as: Payload.self).claims
    }

    /// Fetches the provider's keys and keeps them for as long as it says (`Cache-Control: max-age`), an hour when it
    /// does not say, at least five minutes and at most a day.
    static func fetchKeys(_ metadata: Metadata, client: Client, on db: Database, now: Date) async throws -> String {
        let response = try await client.get(URI(string: metadata.jwksURI))
        guard response.status == .ok, let body = response.body else {
            throw SignOnError("The identity provider's keys could not be read from \(metadata.jwksURI)")
        }
        let jwks = String(buffer: body)
        let maxAge = response.headers.cacheControl?.maxAge.map(TimeInterval.init) ?? 3600
        let record =
            try await ProviderKeysRecord.query(on: db).filter(\.$issuer == metadata.issuer).first()
            ?? ProviderKeysRecord()
        record.issuer = metadata.issuer
        record.jwks = jwks
        record.fetchedAt = now
        record.expiresAt = now.addingTimeInterval(min(max(maxAge, 300), 86_400))
        // Another instance may keep them first; these keys verify this token either way.
        try? await record.save(on: db)
        return jwks
    }
}
