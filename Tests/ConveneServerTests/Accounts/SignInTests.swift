import ConveneDomain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import VaporTesting

@testable import ConveneServer

@Suite struct SignInTests {
    @Test func aFormPostWithoutItsTokenIsRefused() async throws {
        try await withConveneApp { app in
            // Setup
            let identity = try #require(TestIdentity.current(app))
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "convene-session=\(identity.cookie)")
            headers.contentType = .urlEncodedForm

            // Act
            let without = try await app.testing().sendRequest(
                .POST, "/organisations/new", headers: headers,
                body: ByteBuffer(string: "name=Council&sector=local-government"))
            let wrong = try await app.testing().sendRequest(
                .POST, "/organisations/new", headers: headers,
                body: ByteBuffer(string: "name=Council&sector=local-government&csrf_token=guess"))
            let with = try await app.send(.POST, "/organisations/new", form: "name=Council&sector=local-government")

            // Check
            #expect(without.status == .forbidden)
            #expect(wrong.status == .forbidden)
            #expect(with.status == .seeOther)
            #expect(try await OrganisationRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func badSignInsAreThrottledThenRecover() async throws {
        try await withConveneApp { app in
            // Setup
            let form = try await app.testing().sendRequest(.GET, "/sign-in")
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.add(name: .cookie, value: "convene-session=\(TestIdentity.cookieValue(form.headers))")
            let token = TestIdentity.formToken(form.body.string)
            func attempt(_ password: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .POST, "/sign-in", headers: headers,
                    body: ByteBuffer(
                        string:
                            "email=tests%40convene.invalid&password=\(password.replacingOccurrences(of: " ", with: "+"))&csrf_token=\(token)"
                    ))
            }

            // Act
            let unknown = try await app.testing().sendRequest(
                .POST, "/sign-in", headers: headers,
                body: ByteBuffer(
                    string: "email=nobody%40convene.invalid&password=whatever+it+is&csrf_token=\(token)"))
            var failures: [HTTPResponseStatus] = []
            for _ in 0..<4 { failures.append(try await attempt("wrong password here").status) }
            let blocked = try await attempt(TestIdentity.password)
            // Fifteen minutes on, the failures have left the window.
            for old in try await LoginAttemptRecord.query(on: app.db).all() {
                old.at = old.at.addingTimeInterval(-16 * 60)
                try await old.update(on: app.db)
            }
            let recovered = try await attempt(TestIdentity.password)

            // Check
            #expect(failures == Array(repeating: .unauthorized, count: 4))
            #expect(
                unknown.body.string.contains("Enter a correct email address and password"),
                "one message for a wrong email or password")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers.first(name: .retryAfter) != nil)
            #expect(recovered.status == .seeOther)
        }
    }

    @Test func aRevokedTokenStopsWorkingAtOnce() async throws {
        try await withConveneApp { app in
            // Setup
            let (id, secret) = try await Accounts.createToken(
                email: TestIdentity.email, label: "script", role: .viewer, on: app.db)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: secret)

            // Act
            let before = try await app.testing().sendRequest(.GET, "/api/v1/partnerships", headers: headers)
            let write = try await app.testing().sendRequest(.POST, "/api/v1/organisations", headers: headers)
            try await Accounts.revokeToken(id: id, on: app.db)
            let after = try await app.testing().sendRequest(.GET, "/api/v1/partnerships", headers: headers)
            let stored = try await APITokenRecord.find(id, on: app.db)

            // Check
            #expect(before.status == .ok)
            #expect(write.status == .forbidden, "a viewer token cannot write")
            #expect(after.status == .unauthorized)
            #expect(stored?.tokenHash != secret && stored?.tokenHash.count == 64, "only the hash is stored")
        }
    }

    @Test func sessionsExpireWhenIdleAndCookiesAreLocked() async throws {
        try await withConveneApp { app in
            // Setup
            let identity = try #require(TestIdentity.current(app))
            let fresh = try await app.testing().sendRequest(.GET, "/sign-in")
            let cookie = fresh.headers[.setCookie].first ?? ""

            // Act
            for record in try await SessionRecord.query(on: app.db).all() {
                record.data["seen"] = String(TestClock.now().addingTimeInterval(-31 * 60).timeIntervalSince1970)
                try await record.update(on: app.db)
            }
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "convene-session=\(identity.cookie)")
            let idle = try await app.testing().sendRequest(.GET, "/partnerships", headers: headers)

            // Check
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.lowercased().contains("samesite=lax"))
            #expect(idle.status == .seeOther, "an idle session is signed out")
        }
    }

    @Test func theLastSeenTimeIsWrittenAtMostOnceAMinuteAndAnonymousRequestsMakeNoSession() async throws {
        let later = NIOLockedValueBox<TimeInterval>(0)
        let start = TestClock.now()
        try await withConveneApp(now: Now { start.addingTimeInterval(later.withLockedValue { $0 }) }) { app in
            // Setup
            let sessions = try await SessionRecord.query(on: app.db).count()
            func seen() async throws -> String? {
                try await SessionRecord.query(on: app.db).all().compactMap { $0.data["seen"] }.first
            }
            let signedIn = try await seen()

            // Act and check: half a minute on, nothing is written; a minute on, the time is.
            later.withLockedValue { $0 = 30 }
            #expect(try await app.send(.GET, "/partnerships").status == .ok)
            #expect(try await seen() == signedIn)
            later.withLockedValue { $0 = 61 }
            #expect(try await app.send(.GET, "/partnerships").status == .ok)
            #expect(try await seen() == String(start.addingTimeInterval(61).timeIntervalSince1970))
            // A load balancer's questions, the API and public pages make no session.
            #expect(try await app.send(.GET, "/healthz", signedIn: false).status == .ok)
            #expect(try await app.send(.GET, "/readyz", signedIn: false).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/partnerships").status == .ok)
            #expect(try await app.send(.GET, "/public", signedIn: false).status == .ok)
            #expect(try await SessionRecord.query(on: app.db).count() == sessions)
        }
    }

    @Test func passwordsNeedTwelveCharactersAndTheSetupLinkWorksOnce() async throws {
        try await withConveneApp { app in
            // Setup: an installation with no account.
            try await TestIdentity.removeEveryAccount(app)
            let link = try #require(try await Accounts.setupLink(on: app.db, now: app.convene.now))
            let page = try await app.testing().sendRequest(.GET, link)
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.add(name: .cookie, value: "convene-session=\(TestIdentity.cookieValue(page.headers))")
            let token = TestIdentity.formToken(page.body.string)

            // Act
            let short = try await app.testing().sendRequest(
                .POST, link, headers: headers,
                body: ByteBuffer(string: "email=a%40b.org&password=elevenchars&csrf_token=\(token)"))
            let made = try await app.testing().sendRequest(
                .POST, link, headers: headers,
                body: ByteBuffer(string: "email=a%40b.org&password=twelve+chars&csrf_token=\(token)"))
            let again = try await app.testing().sendRequest(.GET, link)

            // Check
            #expect(page.status == .ok)
            #expect(short.status == .unprocessableEntity)
            #expect(made.status == .seeOther)
            #expect(again.status == .notFound, "the link works once")
            #expect(
                try await Accounts.setupLink(on: app.db, now: app.convene.now) == nil,
                "no new link once someone has an account")
        }
    }
}
