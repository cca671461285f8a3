import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Suspending a role: the user's session and tokens stop working on their next request; a workspace's last
/// administrator is never suspended, demoted or removed; `convene accounts expire` suspends the roles of accounts
/// unused for the time given.
@Suite struct SuspensionTests {
    static let password = "a-long-enough-password"

    @Test func aSuspendedUsersSessionAndTokenStopWorkingOnTheirNextRequest() async throws {
        try await withConveneApp { app in
            try await Accounts.addUser(
                email: "sec@office.example.org", password: Self.password, role: .editor, on: app.db,
                passwords: app.password.async)
            let (cookie, _) = try await TestIdentity.session(
                app, email: "sec@office.example.org", password: Self.password)
            let token = try await Accounts.createToken(
                email: "sec@office.example.org", label: "script", role: nil, on: app.db
            ).secret
            var session = HTTPHeaders()
            session.add(name: .cookie, value: "convene-session=\(cookie)")
            var bearer = HTTPHeaders()
            bearer.bearerAuthorization = BearerAuthorization(token: token)
            let pageBefore = try await app.testing().sendRequest(.GET, "/partnerships", headers: session)
            let apiBefore = try await app.testing().sendRequest(.GET, "/api/v1/partnerships", headers: bearer)

            // Act
            try await Accounts.suspend(email: "sec@office.example.org", on: app.db, now: TestClock.now)
            let pageAfter = try await app.testing().sendRequest(.GET, "/partnerships", headers: session)
            let apiAfter = try await app.testing().sendRequest(.GET, "/api/v1/partnerships", headers: bearer)
            try await Accounts.restore(email: "sec@office.example.org", on: app.db)
            let apiRestored = try await app.testing().sendRequest(.GET, "/api/v1/partnerships", headers: bearer)

            // Check
            #expect(pageBefore.status == .ok && apiBefore.status == .ok)
            #expect(pageAfter.status == .seeOther && apiAfter.status == .unauthorized)
            #expect(apiRestored.status == .ok)
            let kinds = try await AuditEventRecord.query(on: app.db).filter(\.$kind == "user").all().map(\.action)
            #expect(kinds.contains("suspend") && kinds.contains("restore"))
        }
    }

    @Test func theLastAdministratorIsNeverSuspendedDemotedOrRemoved() async throws {
        try await withConveneApp { app in
            let admin = TestIdentity.email
            await #expect(throws: Accounts.Failure.self) {
                try await Accounts.suspend(email: admin, on: app.db, now: TestClock.now)
            }
            await #expect(throws: Accounts.Failure.self) {
                try await Accounts.setRole(email: admin, role: .editor, on: app.db)
            }
            await #expect(throws: Accounts.Failure.self) { try await Accounts.removeUser(email: admin, on: app.db) }
            // With a second administrator, the first may go.
            try await Accounts.addUser(
                email: "second@office.example.org", password: Self.password, role: .admin, on: app.db,
                passwords: app.password.async)
            try await Accounts.setRole(email: admin, role: .editor, on: app.db)
            #expect(try await Accounts.list(on: app.db).first { $0.email == admin }?.roles.map(\.role) == [.editor])
        }
    }

    @Test func accountsUnusedForTheTimeGivenAreSuspended() async throws {
        try await withConveneApp { app in
            for email in ["idle@office.example.org", "busy@office.example.org"] {
                try await Accounts.addUser(
                    email: email, password: Self.password, role: .viewer, on: app.db, passwords: app.password.async)
            }
            let now = TestClock.now()
            let long = now.addingTimeInterval(-200 * 86_400)
            for user in try await UserRecord.query(on: app.db).all() {
                // The test's administrator and the idle account were last active 200 days ago; the busy one today.
                user.lastActiveAt = user.email == "busy@office.example.org" ? now : long
                try await user.update(on: app.db)
            }

            // Act
            let (suspended, kept) = try await Accounts.expire(after: 180, on: app.db, now: TestClock.now)
            let again = try await Accounts.expire(after: 180, on: app.db, now: TestClock.now)

            // Check: the idle viewer suspended; the administrator kept, being the last; nothing the second time.
            #expect(suspended.map(\.email) == ["idle@office.example.org"])
            #expect(kept.map(\.email) == [TestIdentity.email])
            #expect(again.suspended.isEmpty)
            let idle = try await WorkspaceMemberRecord.query(on: app.db).join(
                UserRecord.self, on: \WorkspaceMemberRecord.$user.$id == \UserRecord.$id
            )
            .filter(UserRecord.self, \.$email == "idle@office.example.org").first()
            #expect(idle?.suspendedAt != nil)
        }
    }
}

/// "Sign out everywhere": every session of the user ends and every token of theirs is revoked.
@Suite struct SignOutEverywhereTests {
    @Test func signingOutEverywhereEndsEverySessionAndRevokesEveryToken() async throws {
        try await withConveneApp { app in
            let email = "roamer@office.example.org"
            try await Accounts.addUser(
                email: email, password: SuspensionTests.password, role: .editor, on: app.db,
                passwords: app.password.async)
            let laptop = try await TestIdentity.session(app, email: email, password: SuspensionTests.password)
            let phone = try await TestIdentity.session(app, email: email, password: SuspensionTests.password)
            let token = try await Accounts.createToken(email: email, label: "script", role: nil, on: app.db).secret
            func headers(_ cookie: String) -> HTTPHeaders {
                var h = HTTPHeaders()
                h.add(name: .cookie, value: "convene-session=\(cookie)")
                return h
            }
            let listed = try await app.testing().sendRequest(.GET, "/account/sessions", headers: headers(laptop.cookie))

            // Act
            var post = headers(laptop.cookie)
            post.contentType = .urlEncodedForm
            let ended = try await app.testing().sendRequest(
                .POST, "/account/sessions/end", headers: post, body: ByteBuffer(string: "csrf_token=\(laptop.csrf)"))
            var bearer = HTTPHeaders()
            bearer.bearerAuthorization = BearerAuthorization(token: token)

            // Check: both sessions were listed; afterwards neither works, nor the token; the administrator's does.
            #expect(listed.status == .ok && listed.body.string.components(separatedBy: "<tr").count - 2 == 2)
            #expect(ended.status == .seeOther)
            #expect(
                try await app.testing().sendRequest(.GET, "/partnerships", headers: headers(phone.cookie)).status
                    == .seeOther)
            #expect(
                try await app.testing().sendRequest(.GET, "/partnerships", headers: headers(laptop.cookie)).status
                    == .seeOther)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/partnerships", headers: bearer).status
                    == .unauthorized)
            #expect(try await app.send(.GET, "/partnerships").status == .ok)
        }
    }
}
