import ConveneDemo
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Several workspaces: switching between them, the national workspace, and the secretariat's partnerships.
@Suite struct WorkspaceTests {
    /// Two force areas and a national workspace. Each force area has a published and a private partnership.
    static func setUp(_ app: Application) async throws {
        try await Workspaces.add(
            key: "cleveland", name: "Cleveland", kind: .forceArea, forceAreaCode: "E23000013", on: app.db)
        try await Workspaces.add(
            key: "national", name: "National network", kind: .national, forceAreaCode: nil, on: app.db)
        for (workspace, prefix) in [(Tasks.defaultWorkspace, "Home"), ("cleveland", "Cleveland")] {
            _ = try await Tasks.importFile(
                .csv,
                Data(
                    """
                    partnership_id,partnership_name,type,purpose
                    open-cdp,\(prefix) Drugs Partnership,cdp,Published purpose
                    closed-group,\(prefix) Private Group,task-and-finish-group,Private purpose
                    """.utf8), dryRun: false, on: app.db, workspace: workspace)
            let scope = try await Scope.workspace(workspace, on: app.db)
            let open = try #require(try await PartnershipRecord.query(in: scope).filter(\.$key == "open-cdp").first())
            open.publishedAt = TestClock.now()
            try await open.update(on: app.db)
        }
    }

    static func signIn(_ app: Application, _ email: String) async throws -> AuthorisationTests.Credentials {
        let (cookie, csrf) = try await TestIdentity.session(app, email: email, password: TestIdentity.password)
        return AuthorisationTests.Credentials(token: "", cookie: cookie, csrf: csrf)
    }

    static func send(
        _ app: Application, _ who: AuthorisationTests.Credentials, _ method: HTTPMethod, _ path: String,
        form: String = ""
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "convene-session=\(who.cookie)")
        var body: ByteBuffer?
        if method != .GET {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: form + "&csrf_token=\(who.csrf)")
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    @Test func aUserInTwoWorkspacesSwitchesBetweenThem() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let email = "analyst@cleveland.police.uk"
            try await Accounts.addUser(
                email: email, password: TestIdentity.password, role: .viewer, on: app.db, passwords: app.password.async)
            try await Accounts.setRole(email: email, role: .editor, workspace: "cleveland", on: app.db)
            let user = try await Self.signIn(app, email)

            // Act
            let home = try await Self.send(app, user, .GET, "/partnerships")
            let homeForm = try await Self.send(app, user, .GET, "/partnerships/new")
            let choices = try await Self.send(app, user, .GET, "/account/workspaces")
            let switched = try await Self.send(app, user, .POST, "/account/workspaces", form: "workspace=cleveland")
            let there = try await Self.send(app, user, .GET, "/partnerships")
            let thereForm = try await Self.send(app, user, .GET, "/partnerships/new")
            let notTheirs = try await Self.send(app, user, .POST, "/account/workspaces", form: "workspace=national")
            let missing = try await Self.send(app, user, .POST, "/account/workspaces", form: "workspace=nowhere")
            let forged = try await app.testing().sendRequest(
                .POST, "/account/workspaces",
                headers: [
                    "Cookie": "convene-session=\(user.cookie)", "Content-Type": "application/x-www-form-urlencoded"
                ], body: ByteBuffer(string: "workspace=default"))
            let still = try await Self.send(app, user, .GET, "/partnerships")

            // Check
            #expect(home.text.contains("Home Drugs Partnership") && !home.text.contains("Cleveland Drugs Partnership"))
            #expect(home.text.contains("Switch workspace"))
            #expect(homeForm.status == .forbidden, "a viewer at home")
            #expect(
                choices.text.contains("Cleveland") && choices.text.contains("Editor") && choices.text.contains("Viewer")
            )
            #expect(switched.status == .seeOther)
            #expect(
                there.text.contains("Cleveland Drugs Partnership") && !there.text.contains("Home Drugs Partnership"))
            #expect(thereForm.status == .ok, "an editor in Cleveland")
            #expect(notTheirs.status == .notFound && missing.status == .notFound)
            #expect(forged.status == .forbidden, "switching is a form post and needs its token")
            #expect(still.text.contains("Cleveland Drugs Partnership"))
        }
    }

    @Test func aNationalWorkspaceReadsOnlyWhatOthersPublish() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            let email = "analyst@national.example.org"
            try await Accounts.addUser(
                email: email, password: TestIdentity.password, role: .admin, workspace: "national",
                on: app.db, passwords: app.password.async)
            let token = try await Accounts.createToken(
                email: email, label: "national", role: nil, workspace: "national", on: app.db
            ).secret
            let user = try await Self.signIn(app, email)
            var bearer = HTTPHeaders()
            bearer.bearerAuthorization = BearerAuthorization(token: token)

            // Act
            let network = try await Self.send(app, user, .GET, "/network")
            let own = try await Self.send(app, user, .GET, "/partnerships")
            let theirs = try await Self.send(app, user, .GET, "/partnerships/closed-group")
            let theirsPublished = try await Self.send(app, user, .GET, "/partnerships/open-cdp")
            let api = try await app.testing().sendRequest(.GET, "/api/v1/partnerships", headers: bearer)
            let edit = try await app.testing().sendRequest(
                .PATCH, "/api/v1/partnerships/open-cdp", headers: bearer.merging(["Content-Type": "application/json"]),
                body: ByteBuffer(string: #"{"name":"Renamed"}"#))

            // Check
            #expect(network.status == .ok)
            #expect(network.text.contains("national workspace"))
            #expect(
                network.text.contains("Home Drugs Partnership") && network.text.contains("Cleveland Drugs Partnership"))
            #expect(network.text.contains("/public/cleveland/open-cdp"))
            for secret in ["Home Private Group", "Cleveland Private Group", "Private purpose"] {
                for response in [network, own, theirs, theirsPublished, api] {
                    #expect(!response.text.contains(secret), "the national workspace reads \(secret)")
                }
            }
            #expect(theirs.status == .notFound, "another workspace's private record")
            #expect(
                theirsPublished.status == .notFound,
                "the national workspace's own register does not hold others' records")
            #expect(try api.json()["total"] as? Int == 0)
            #expect(edit.status == .notFound)
            let names = try await PartnershipRecord.query(on: app.db).all().map(\.name)
            #expect(!names.contains("Renamed"))
        }
    }

    @Test func aSecretariatRunsOnlyThePartnershipsItIsGiven() async throws {
        try await withConveneApp { app in
            // Setup
            try await AuditTests.setUp(app)
            let email = "officer@opcc.example.org"
            try await Accounts.addUser(
                email: email, password: TestIdentity.password, role: .secretariat, on: app.db,
                passwords: app.password.async)
            try await Accounts.grant(email: email, partnership: "cdp", on: app.db)
            let user = try await Self.signIn(app, email)
            let token = try await Accounts.createToken(email: email, label: "officer", role: nil, on: app.db).secret
            var json = HTTPHeaders()
            json.bearerAuthorization = BearerAuthorization(token: token)
            json.contentType = .json

            // Act
            let page = try await Self.send(app, user, .GET, "/partnerships/cdp")
            let other = try await Self.send(app, user, .GET, "/partnerships/board")
            let added = try await Self.send(
                app, user, .POST, "/partnerships/cdp/members/new", form: "person_key=spare&role=member")
            let refused = try await Self.send(
                app, user, .POST, "/partnerships/board/members/new", form: "person_key=spare&role=member")
            let moved = try await app.testing().sendRequest(
                .PATCH, "/api/v1/memberships/cdp-dph", headers: json,
                body: ByteBuffer(string: #"{"partnership_key":"board"}"#))
            let changed = try await app.testing().sendRequest(
                .PATCH, "/api/v1/memberships/cdp-dph", headers: json,
                body: ByteBuffer(string: #"{"voting_right":true}"#))
            let published = try await Self.send(app, user, .POST, "/partnerships/cdp/publish")
            let created = try await app.testing().sendRequest(
                .POST, "/api/v1/memberships", headers: json,
                body: ByteBuffer(string: #"{"key":"m9","partnership_key":"board","person_key":"spare"}"#))
            try await Accounts.revokeGrant(email: email, partnership: "cdp", on: app.db)
            let afterwards = try await Self.send(
                app, user, .POST, "/partnerships/cdp/terms-of-reference/new", form: "quorum=3")

            // Check
            #expect(page.text.contains("Change this partnership") && page.text.contains("Add a member"))
            #expect(!page.text.contains("Publish (show"), "publishing stays with editors")
            #expect(!other.text.contains("Change this partnership") && !other.text.contains("Add a member"))
            #expect(added.status == .seeOther)
            #expect(refused.status == .forbidden)
            #expect(moved.status == .forbidden, "a membership cannot be moved to a partnership not given")
            #expect(changed.status == .ok)
            #expect(published.status == .forbidden)
            #expect(created.status == .forbidden)
            #expect(afterwards.status == .forbidden, "taking the partnership back takes effect at once")
            let log = try await AuditEventRecord.query(on: app.db).filter(\.$kind == "partnership grant").all()
            #expect(log.map(\.action).sorted() == ["create", "delete"])
            #expect(try await Accounts.grants(email: email, on: app.db) == [])
        }
    }

    @Test func grantsAndRolesAreCheckedAndAudited() async throws {
        try await withConveneApp { app in
            // Setup
            try await AuditTests.setUp(app)
            try await Workspaces.add(
                key: "cleveland", name: "Cleveland", kind: .forceArea, forceAreaCode: nil, on: app.db)
            let email = "clerk@council.example.org"
            try await Accounts.addUser(
                email: email, password: TestIdentity.password, role: .secretariat, on: app.db,
                passwords: app.password.async)

            // Act
            let notAMember = await #expect(throws: Accounts.Failure.self) {
                try await Accounts.grant(email: email, partnership: "cdp", workspace: "cleveland", on: app.db)
            }
            let noSuchPartnership = await #expect(throws: Accounts.Failure.self) {
                try await Accounts.grant(email: email, partnership: "nothing", on: app.db)
            }
            try await Accounts.grant(email: email, partnership: "spare-board", on: app.db)
            try await Accounts.grant(email: email, partnership: "spare-board", on: app.db)
            try await Accounts.setRole(email: email, role: .viewer, workspace: "cleveland", on: app.db)
            let described = try await Accounts.describe(email: email, on: app.db)
            let deleted = try await app.send(.DELETE, "/api/v1/partnerships/spare-board")
            try await Accounts.removeUser(email: email, on: app.db)

            // Check
            #expect(notAMember?.description.contains("no role in the workspace 'cleveland'") == true)
            #expect(noSuchPartnership?.description.contains("no partnership 'nothing'") == true)
            #expect(
                described == [
                    email, "  cleveland: Viewer", "  default: Secretariat", "    runs the business of 'spare-board'"
                ])
            #expect(deleted.status == .noContent, "a partnership's grants go with it")
            let kinds = try await AuditEventRecord.query(on: app.db).all().map { "\($0.action) \($0.kind)" }
            #expect(kinds.filter { $0 == "create partnership grant" }.count == 1, "granting twice changes nothing")
            #expect(kinds.contains("delete partnership grant"))
            #expect(kinds.contains("create user") && kinds.contains("delete user"))
            #expect(kinds.contains("create workspace"))
            #expect(try await PartnershipGrantRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func theDemoAddsANationalWorkspaceOnceAndPublishesItsCDPs() async throws {
        try await withConveneApp { app in
            // Act
            _ = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            let cdp = try #require(try await PartnershipRecord.query(in: scope).filter(\.$type == "cdp").first())
            _ = try await app.send(.POST, "/partnerships/\(cdp.key)/unpublish", form: "")
            _ = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)

            // Check
            #expect(try await Workspaces.all(on: app.db).map(\.key) == [Tasks.defaultWorkspace, Tasks.demoNational])
            let cdps = try await PartnershipRecord.query(in: scope).filter(\.$type == "cdp").all()
            #expect(
                cdps.filter { $0.publishedAt != nil }.count == cdps.count - 1,
                "a second load leaves what people unpublished alone")
        }
    }

    @Test func workspacesAreCheckedWhenAdded() async throws {
        try await withConveneApp { app in
            // Act
            let failures = await [
                ("West Mercia", "West Mercia", WorkspaceKind.forceArea, nil as String?),
                ("west-mercia", "", .forceArea, nil),
                ("west-mercia", "West Mercia", .forceArea, "E99999999"),
                ("national", "National", .national, "E23000016"),
                (Tasks.defaultWorkspace, "Again", .forceArea, nil)
            ].asyncMap { key, name, kind, code in
                do {
                    try await Workspaces.add(key: key, name: name, kind: kind, forceAreaCode: code, on: app.db)
                    return nil as String?
                } catch { return String(describing: error) }
            }
            try await Workspaces.add(
                key: "west-mercia", name: "West Mercia", kind: .forceArea, forceAreaCode: "E23000016", on: app.db)

            // Check
            #expect(failures.allSatisfy { $0 != nil }, "\(failures)")
            #expect(try await Workspaces.all(on: app.db).map(\.key) == [Tasks.defaultWorkspace, "west-mercia"])
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

extension HTTPHeaders {
    func merging(_ other: HTTPHeaders) -> HTTPHeaders {
        var merged = self
        for (name, value) in other { merged.replaceOrAdd(name: name, value: value) }
        return merged
    }
}
