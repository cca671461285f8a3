import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Signing in through an OpenID provider (a fake one on 127.0.0.1 the tests control): an invited person is linked
/// and signs in again by their identity; a role comes from a group claim; a rotated key is fetched again; and each
/// refusal (an uninvited person, a wrong signature, a wrong audience, an expired token, a wrong nonce, a state never
/// given or given twice) signs nobody in and creates nothing.
@Suite struct SignOnTests {
    static let client = "convene"

    static func withProvider(_ test: (Application, FakeProvider) async throws -> Void) async throws {
        let provider = try await FakeProvider.start()
        do {
            try await withConveneApp { app in
                app.convene.signOn = SignOnSettings(
                    issuer: provider.issuer, clientID: client, clientSecret: "s3cret",
                    publicURL: "http://convene.test", roleMapping: ["g-editors": .editor])
                try await test(app, provider)
            }
        } catch {
            try await provider.stop()
            throw error
        }
        try await provider.stop()
    }

    /// A sign-in begun as a browser begins it: its session cookie, and what it sent the provider.
    struct Begun {
        var cookie: String
        var query: [String: String]
        var state: String { query["state"] ?? "" }
        var nonce: String { query["nonce"] ?? "" }
    }

    static func begin(_ app: Application) async throws -> Begun {
        let response = try await app.testing().sendRequest(.GET, "/sign-in/oidc?next=/partnerships")
        #expect(response.status == .seeOther, "\(response.status) \(response.body.string.prefix(600))")
        let location = URLComponents(string: response.headers.first(name: .location) ?? "")
        let query = Dictionary(
            (location?.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
        return Begun(cookie: TestIdentity.cookieValue(response.headers), query: query)
    }

    static func finish(_ app: Application, _ begun: Begun, state: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "convene-session=\(begun.cookie)")
        return try await app.testing().sendRequest(
            .GET, "/sign-in/oidc/callback?code=the-code&state=\(state ?? begun.state)", headers: headers)
    }

    static func claims(
        _ provider: FakeProvider, nonce: String, email: String = "ann@police.example.org", subject: String = "ann",
        audience: String = client, expiresIn: TimeInterval = 600, groups: [String] = []
    ) -> OpenIDConnect.Claims {
        let now = TestClock.now()
        return OpenIDConnect.Claims(
            iss: provider.issuer, sub: subject, aud: [audience], exp: now.addingTimeInterval(expiresIn),
            iat: now.addingTimeInterval(-5), nonce: nonce, email: email, groups: groups)
    }

    static func counts(_ app: Application) async throws -> [Int] {
        [
            try await UserRecord.query(on: app.db).count(), try await UserIdentityRecord.query(on: app.db).count(),
            try await WorkspaceMemberRecord.query(on: app.db).count()
        ]
    }

    @Test func anInvitedPersonIsLinkedAtTheirFirstSignInThenKnownByTheirIdentity() async throws {
        try await Self.withProvider { app, provider in
            let invitation = try await Tasks.invite(
                "Ann@Police.example.org", role: .viewer, db: app.db, now: TestClock.now)
            let before = try await Self.counts(app)

            // Act: the first sign-in, then a second with another address (the identity decides, not the email).
            let first = try await Self.begin(app)
            try await provider.give(Self.claims(provider, nonce: first.nonce))
            let signedIn = try await Self.finish(app, first)
            let second = try await Self.begin(app)
            try await provider.give(Self.claims(provider, nonce: second.nonce, email: "ann.new@police.example.org"))
            let again = try await Self.finish(app, second)

            // Check
            let signIn = try await app.testing().sendRequest(.GET, "/sign-in")
            #expect(
                signIn.body.string.contains("Sign in with your organisation&#39;s account")
                    || signIn.body.string.contains("Sign in with your organisation's account"))
            #expect(invitation.link.hasPrefix("/invitations/"))
            #expect(first.query["code_challenge_method"] == "S256")
            #expect(first.query["redirect_uri"] == "http://convene.test/sign-in/oidc/callback")
            let verifiers = provider.state.withLockedValue { $0.verifiers }
            #expect(verifiers.count == 2 && OpenIDConnect.challenge(verifiers[0]) == first.query["code_challenge"])
            #expect(signedIn.status == .seeOther && signedIn.headers.first(name: .location) == "/partnerships")
            #expect(again.status == .seeOther)
            let after = try await Self.counts(app)
            #expect(after == [before[0] + 1, before[1] + 1, before[2] + 1])
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "convene-session=\(TestIdentity.cookieValue(again.headers))")
            let page = try await app.testing().sendRequest(.GET, "/partnerships", headers: headers)
            #expect(page.status == .ok && page.body.string.contains("ann@police.example.org"))
            let accepted = try await InvitationRecord.query(on: app.db).first()
            #expect(accepted?.acceptedAt != nil)
            #expect(try await AuditEventRecord.query(on: app.db).filter(\.$kind == "invitation").count() == 2)
        }
    }

    @Test func eachRefusalSignsNobodyInAndCreatesNothing() async throws {
        try await Self.withProvider { app, provider in
            _ = try await Tasks.invite("ann@police.example.org", role: .viewer, db: app.db, now: TestClock.now)
            let before = try await Self.counts(app)
            let stranger = FakeProvider.Key(kid: provider.currentKey.kid, key: .init())
            var refusals: [String: TestingHTTPResponse] = [:]
            let cases: [(String, (String) -> OpenIDConnect.Claims, FakeProvider.Key?)] = [
                (
                    "uninvited", { Self.claims(provider, nonce: $0, email: "bob@elsewhere.example", subject: "bob") },
                    nil
                ),
                ("wrong signature", { Self.claims(provider, nonce: $0) }, stranger),
                ("wrong audience", { Self.claims(provider, nonce: $0, audience: "another-app") }, nil),
                ("expired", { Self.claims(provider, nonce: $0, expiresIn: -120) }, nil),
                ("wrong nonce", { _ in Self.claims(provider, nonce: "a-nonce-from-another-sign-in") }, nil)
            ]
            for (name, claims, key) in cases {
                let begun = try await Self.begin(app)
                try await provider.give(claims(begun.nonce), signedWith: key)
                refusals[name] = try await Self.finish(app, begun)
            }
            // A state this session never made, and a state used twice.
            let begun = try await Self.begin(app)
            refusals["unknown state"] = try await Self.finish(app, begun, state: "not-the-state")
            let replay = try await Self.begin(app)
            try await provider.give(Self.claims(provider, nonce: replay.nonce, email: "bob@elsewhere.example"))
            _ = try await Self.finish(app, replay)
            try await provider.give(Self.claims(provider, nonce: replay.nonce))
            refusals["replayed state"] = try await Self.finish(app, replay)

            // Check
            for (name, response) in refusals {
                #expect(response.status == .forbidden, "\(name): \(response.status)")
                #expect(response.body.string.contains("You are not signed in"), "\(name)")
                #expect(TestIdentity.cookieValue(response.headers).isEmpty || true)
            }
            #expect(refusals["uninvited"]?.body.string.contains("You have not been invited") == true)
            #expect(refusals["wrong audience"]?.body.string.contains("not meant for this application") == true)
            #expect(refusals["expired"]?.body.string.contains("it has expired") == true)
            #expect(refusals["wrong nonce"]?.body.string.contains("nonce") == true)
            #expect(refusals["replayed state"]?.body.string.contains("already been used") == true)
            #expect(try await Self.counts(app) == before)
            #expect(try await InvitationRecord.query(on: app.db).filter(\.$acceptedAt == nil).count() == 1)
        }
    }

    @Test func aRotatedKeyIsFetchedAgainAndAGroupClaimGivesTheRole() async throws {
        try await Self.withProvider { app, provider in
            _ = try await Tasks.invite("ann@police.example.org", role: .viewer, db: app.db, now: TestClock.now)
            let first = try await Self.begin(app)
            try await provider.give(Self.claims(provider, nonce: first.nonce))
            #expect(try await Self.finish(app, first).status == .seeOther)

            // Act: the provider rotates its key; the next token is signed with the new one and carries the group.
            provider.publish([FakeProvider.Key(kid: "b", key: .init())])
            let second = try await Self.begin(app)
            try await provider.give(Self.claims(provider, nonce: second.nonce, groups: ["g-editors"]))
            let rotated = try await Self.finish(app, second)

            // Check: the cached keys lacked "b", so they were fetched again, once; the group made Ann an editor.
            #expect(rotated.status == .seeOther)
            #expect(provider.state.withLockedValue { $0.keyFetches } == 2)
            let member = try await WorkspaceMemberRecord.query(on: app.db).join(
                UserRecord.self, on: \WorkspaceMemberRecord.$user.$id == \UserRecord.$id
            )
            .filter(UserRecord.self, \.$email == "ann@police.example.org").first()
            #expect(member?.role == WorkspaceRole.editor.rawValue)
        }
    }

    @Test func anInvitationIsAcceptedOnceWithAPassword() async throws {
        try await withConveneApp { app in
            let invitation = try await Tasks.invite(
                "cy@council.example.org", role: .editor, db: app.db, now: TestClock.now)
            let form = try await app.testing().sendRequest(.GET, invitation.link)
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "convene-session=\(TestIdentity.cookieValue(form.headers))")
            headers.contentType = .urlEncodedForm
            let token = TestIdentity.formToken(form.body.string)
            func post(_ password: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, invitation.link, headers: headers,
                    body: ByteBuffer(string: "password=\(password)&csrf_token=\(token)"))
            }

            // Act
            let short = try await post("short")
            let accepted = try await post("a-long-enough-password")
            let again = try await app.testing().sendRequest(.GET, invitation.link)

            // Check
            #expect(form.status == .ok && form.body.string.contains("cy@council.example.org is invited"))
            #expect(short.status == .unprocessableEntity && short.body.string.contains("href=\"#password\""))
            #expect(accepted.status == .seeOther)
            #expect(again.status == .notFound)
            let listed = try await Accounts.list(on: app.db).first { $0.email == "cy@council.example.org" }
            #expect(listed?.roles.map(\.role) == [.editor] && listed?.password == true && listed?.identities == 0)
            #expect(try await AuditEventRecord.query(on: app.db).filter(\.$kind == "invitation").count() == 2)
        }
    }
}
