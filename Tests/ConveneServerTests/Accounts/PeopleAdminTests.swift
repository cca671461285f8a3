import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// People and roles in the browser: an administrator invites someone, who accepts with a password; the
/// administrator makes them secretariat, gives them a partnership, then suspends them, each change in the audit log;
/// their session stops working at once; the last administrator cannot be demoted.
@Suite struct PeopleAdminTests {
    @Test func anAdministratorInvitesGrantsAndSuspendsEachChangeAudited() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(
                """
                partnership_id,partnership_name,type
                cdp,Drugs Partnership,cdp
                """)
            let email = "sam@council.example.org"

            // Act: the invitation, from the page; its link accepted with a password.
            let invited = try await app.send(.POST, "/admin/people/invite", form: "email=\(email)&role=viewer")
            let link = try #require(
                invited.text.range(of: "/invitations/").map {
                    String(invited.text[$0.lowerBound...].prefix { $0 != "<" })
                })
            let form = try await app.testing().sendRequest(.GET, link)
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "convene-session=\(TestIdentity.cookieValue(form.headers))")
            headers.contentType = .urlEncodedForm
            let accepted = try await app.testing().sendRequest(
                .POST, link, headers: headers,
                body: ByteBuffer(
                    string: "password=a-long-enough-password&csrf_token=\(TestIdentity.formToken(form.body.string))"))
            var theirs = HTTPHeaders()
            theirs.add(name: .cookie, value: "convene-session=\(TestIdentity.cookieValue(accepted.headers))")
            let before = try await app.testing().sendRequest(.GET, "/partnerships", headers: theirs)
            let role = try await app.send(.POST, "/admin/people/\(email)/role", form: "role=secretariat")
            let grant = try await app.send(.POST, "/admin/people/\(email)/grant", form: "partnership_key=cdp")
            let page = try await app.send(.GET, "/admin/people")
            let suspended = try await app.send(.POST, "/admin/people/\(email)/suspend", form: "")
            let after = try await app.testing().sendRequest(.GET, "/partnerships", headers: theirs)
            let demoteSelf = try await app.send(
                .POST, "/admin/people/\(TestIdentity.email)/role", form: "role=editor")

            // Check
            #expect(invited.status == .ok && accepted.status == .seeOther)
            #expect(before.status == .ok)
            #expect([role.status, grant.status, suspended.status] == [.seeOther, .seeOther, .seeOther])
            #expect(page.text.contains(email) && page.text.contains("Drugs Partnership"))
            #expect(after.status == .seeOther)
            #expect(demoteSelf.status == .unprocessableEntity && demoteSelf.text.contains("last administrator"))
            let audited = try await AuditEventRecord.query(on: app.db).sort(\.$at).all()
                // The test's own administrator, made as it first signs in, is not part of it.
                .filter {
                    ["invitation", "user", "partnership grant"].contains($0.kind) && $0.recordKey != TestIdentity.email
                }
                .map { "\($0.action) \($0.kind)" }
            #expect(
                audited == [
                    "create invitation", "accept invitation", "update user", "create partnership grant",
                    "suspend user"
                ])
        }
    }
}
