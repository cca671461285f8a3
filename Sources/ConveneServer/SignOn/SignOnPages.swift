import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// Signing in through the identity provider: the authorization-code flow with PKCE (S256), its state, nonce and
/// verifier kept in the database session between the two requests and forgotten as the second begins, so a state
/// is good once.
enum SignOnPages {
    static func register(on app: Application) {
        app.get(SignOnPath.start, use: start)
        app.get(SignOnPath.callback, use: callback)
    }

    static func settings(_ req: Request) throws -> SignOnSettings {
        guard let settings = req.application.convene.signOn else {
            throw Problem.notFound("Signing in through an identity provider")
        }
        return settings
    }

    /// Sends the browser to the provider with a fresh state, nonce and PKCE challenge.
    @Sendable static func start(req: Request) async throws -> Response {
        let settings = try settings(req)
        let metadata = try await SignOnProvider.metadata(settings, client: req.client)
        var generator = SystemRandomNumberGenerator()
        let (state, nonce, verifier) = (
            OpenIDConnect.secret(using: &generator), OpenIDConnect.secret(using: &generator),
            OpenIDConnect.secret(using: &generator)
        )
        req.session.data["oidc_state"] = state
        req.session.data["oidc_nonce"] = nonce
        req.session.data["oidc_verifier"] = verifier
        req.session.data["oidc_next"] = SignInPages.safeNext(try? req.query.get(String.self, at: "next"))
        guard var url = URLComponents(string: metadata.authorizationEndpoint) else {
            throw SignOnError("The provider's authorization address is not one")
        }
        url.queryItems =
            (url.queryItems ?? []) + [
                URLQueryItem(name: "response_type", value: "code"),
                URLQueryItem(name: "client_id", value: settings.clientID),
                URLQueryItem(
                    name: "redirect_uri", value: settings.redirectURI(requestHost: req.headers.first(name: .host))),
                URLQueryItem(name: "scope", value: "openid profile email"),
                URLQueryItem(name: "state", value: state),
                URLQueryItem(name: "nonce", value: nonce),
                URLQueryItem(name: "code_challenge", value: OpenIDConnect.challenge(verifier)),
                URLQueryItem(name: "code_challenge_method", value: "S256")
            ]
        guard let location = url.string else { throw SignOnError("The provider's authorization address is not one") }
        return req.redirect(to: location)
    }

    /// Back from the provider: the state must be this session's; the code is exchanged for an ID token, whose
    /// signature and claims are checked; the identity signs its user in, or an invitation to its address links it.
    @Sendable static func callback(req: Request) async throws -> Response {
        let settings = try settings(req)
        let expected = req.session.data["oidc_state"]
        let nonce = req.session.data["oidc_nonce"] ?? ""
        let verifier = req.session.data["oidc_verifier"] ?? ""
        let next = req.session.data["oidc_next"] ?? "/"
        for key in ["oidc_state", "oidc_nonce", "oidc_verifier", "oidc_next"] { req.session.data[key] = nil }
        if let error = try? req.query.get(String.self, at: "error") {
            return refused(req, "The identity provider did not sign you in (\(error)).")
        }
        guard let state = try? req.query.get(String.self, at: "state"), let expected, state == expected else {
            return refused(req, "This sign-in was not started here, or has already been used. Start it again.")
        }
        guard let code = try? req.query.get(String.self, at: "code") else {
            return refused(req, "The identity provider sent no code.")
        }
        let claims: OpenIDConnect.Claims
        do {
            let metadata = try await SignOnProvider.metadata(settings, client: req.client)
            let token = try await SignOnProvider.idToken(
                code: code, verifier: verifier,
                redirectURI: settings.redirectURI(requestHost: req.headers.first(name: .host)), metadata: metadata,
                settings: settings, client: req.client)
            claims = try await SignOnProvider.verify(
                token, metadata: metadata, client: req.client, on: req.db, now: req.now())
        } catch {
            req.logger.notice("sign-on refused: \(String(describing: error))")
            return refused(req, "The identity provider's answer could not be checked, so you are not signed in.")
        }
        let problems = OpenIDConnect.problems(
            claims, issuer: settings.issuer, clientID: settings.clientID, nonce: nonce, now: req.now())
        guard problems.isEmpty else {
            req.logger.notice("sign-on refused: \(problems.joined(separator: "; "))")
            return refused(
                req, "The identity provider's token was refused: \(problems.joined(separator: "; ")).")
        }
        switch try await SignOnBusiness.user(for: claims, settings: settings, on: req.db, now: req.now()) {
        case .failure(let refusal): return refused(req, refusal.description)
        case .success(let userID):
            guard let principal = try await Asker.of(user: userID, on: req.db).principal(user: userID, workspace: nil)
            else { return refused(req, "Your account has no workspace. Ask your office's administrator.") }
            try await SignInPages.startSession(principal, req)
            return req.redirect(to: SignInPages.safeNext(next))
        }
    }

    /// The refusal, said plainly, with the way back to signing in; nothing is created.
    static func refused(_ req: Request, _ reason: String) -> Response {
        Layout(
            context: req.pageContext, title: "You are not signed in",
            content: .group(
                .heading("You are not signed in"),
                .p(.attribute(named: "role", value: "alert"), .text(reason)),
                .p(.a(.href(AccountPath.signIn.href), .text("Back to signing in"))))
        ).response(status: .forbidden)
    }
}

/// Who the provider's person is in Convene.
enum SignOnBusiness {
    /// Their user: by the identity (never by email alone); else, the first time, the invitation to their address,
    /// which makes (or finds) the user, gives them the invitation's role and links the identity. Otherwise refused,
    /// and nothing is created. A role the token's groups or app roles give (`CONVENE_OIDC_ROLES`) is theirs in the
    /// workspace they sign in to.
    static func user(
        for claims: OpenIDConnect.Claims, settings: SignOnSettings, on db: Database, now: Date
    ) async throws -> Result<UUID, SignOnError> {
        let identity = OpenIDConnect.Identity(claims)
        let mapped = OpenIDConnect.role(claims, mapping: settings.roleMapping)
        if let known = try await UserIdentityRecord.query(on: db).filter(\.$issuer == identity.issuer)
            .filter(\.$subject == identity.subject).first()
        {
            if let mapped { try await apply(mapped, to: known.$user.id, on: db) }
            return .success(known.$user.id)
        }
        guard let address = claims.address,
            let invitation = try await InvitationRecord.query(on: db).filter(\.$email == address)
                .filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).sort(\.$createdAt, .descending).first()
        else {
            return .failure(
                SignOnError(
                    "You have not been invited to Convene. Ask your office's administrator to invite "
                        + (claims.address ?? "your address") + "."))
        }
        let userID = try await InvitationPages.accept(
            invitation, role: mapped ?? WorkspaceRole(rawValue: invitation.role) ?? .viewer,
            passwordHash: nil, identity: identity, on: db, now: now)
        return .success(userID)
    }

    /// Sets the user's role in each workspace they belong to, to the one their groups give, audited where it changes.
    static func apply(_ role: WorkspaceRole, to userID: UUID, on db: Database) async throws {
        for member in try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == userID).all()
        where member.role != role.rawValue {
            let before = member.role
            try await db.transaction { db in
                member.role = role.rawValue
                try await member.update(on: db)
                var audit = AuditLog(
                    scope: Scope(db: db, workspaceID: member.$workspace.id, actor: "identity provider"))
                audit.note(
                    "update", "role", userID.uuidString, before: ["role": before], after: ["role": role.rawValue])
                try await audit.flush()
            }
        }
    }
}
