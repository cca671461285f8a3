// Over 400 lines: the authorisation matrix, every route for every role, in one table.
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Who may do what: every route, for every role, in the user's own workspace and in another.
@Suite struct AuthorisationTests {
    enum Who: String, CaseIterable, Sendable { case anonymous, viewer, secretariat, editor, admin }

    struct Credentials: Sendable { var token: String; var cookie: String; var csrf: String }

    /// The set-up of most tests, made once per run; and the one whose secretariat runs another partnership's business.
    static let seed = TestSeed(name: "authorisation") { app in try await setUp(app) }
    static let sparesSeed = TestSeed(name: "authorisation_spare") { app in
        try await setUp(app, secretariatOf: ["spare-board"])
    }

    /// Users of every role in the default workspace, and another workspace with a record of its own.
    /// The secretariat user runs the business of `secretariatOf`; the write cases touch "cdp" and "board".
    static func setUp(_ app: Application, secretariatOf: [String] = ["cdp", "board"]) async throws -> [Who: Credentials]
    {
        try await AuditTests.setUp(app)
        var people: [Who: Credentials] = [:]
        for who in Who.allCases where who != .anonymous {
            let email = "\(who.rawValue)@force.police.uk"
            let role = WorkspaceRole(rawValue: who.rawValue)!
            try await Accounts.addUser(
                email: email, password: TestIdentity.password, role: role, on: app.db, passwords: app.password.async)
            if who == .secretariat {
                for key in secretariatOf { try await Accounts.grant(email: email, partnership: key, on: app.db) }
            }
            let token = try await Accounts.createToken(email: email, label: "matrix", role: nil, on: app.db).secret
            let (cookie, csrf) = try await TestIdentity.session(app, email: email, password: TestIdentity.password)
            people[who] = Credentials(token: token, cookie: cookie, csrf: csrf)
        }
        try await Workspaces.add(
            key: "other-force", name: "Another force area", kind: .forceArea, forceAreaCode: nil, on: app.db)
        _ = try await Tasks.importFile(
            .csv,
            Data(
                """
                partnership_id,partnership_name,type,purpose,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
                secret-board,Secret Board Of Another Force,strategic-board,Confidential purpose text,secret-seat,secret-person,Secret Person Name,secret-org,Secret Organisation,police,chair
                """.utf8), dryRun: false, on: app.db, workspace: "other-force")
        _ = try await Tasks.importFile(.popolo, Data("{}".utf8), dryRun: false, on: app.db, workspace: "other-force")
        // A meeting of the other workspace's partnership, with minutes, under a key nobody here uses.
        let theirs = try await Scope.workspace("other-force", on: app.db)
        let meeting = Meeting(
            key: "secret-meeting", partnershipKey: "secret-board", name: "Secret Meeting Of Another Force",
            startsAt: Date(timeIntervalSince1970: 1_773_136_800))
        #expect(try await MeetingBusiness.createMeeting(meeting, in: theirs) == [])
        let record = try #require(try await MeetingRecord.query(in: theirs).filter(\.$key == "secret-meeting").first())
        #expect(try await MeetingBusiness.changeMinutes(record, .edit("Secret minutes text"), in: theirs) == [])
        // A strategy and a priority of theirs, under keys nobody here uses.
        #expect(
            try await StrategyStore.save(
                Strategy(
                    key: "secret-strategy", name: "Secret Strategy Of Another Force", kind: .partnershipStrategy,
                    ownerPartnershipKey: "secret-board"), in: theirs) == [])
        #expect(
            try await StrategyStore.save(
                Priority(key: "secret-priority", strategyKey: "secret-strategy", title: "Secret priority title"),
                in: theirs) == [])
        // A progress report each: ours with a PDF on record, theirs naming their board.
        let ours = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db, now: TestClock.now)
        let year = ProgressReport.Year(startYear: 2025)
        let report = try await ProgressReports.make(
            RegisterQueries.partnership("cdp", in: ours), year: year, chromium: nil, threadPool: app.threadPool,
            in: ours)
        report.pdf = Data("%PDF-1.4 a report on record".utf8)
        try await report.update(on: app.db)
        _ = try await ProgressReports.make(
            RegisterQueries.partnership("secret-board", in: theirs), year: year, chromium: nil,
            threadPool: app.threadPool, in: theirs)
        return people
    }

    static func send(
        _ app: Application, _ who: Who, _ people: [Who: Credentials], _ method: HTTPMethod, _ path: String,
        json: String? = nil, form: String? = nil, upload: Upload? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        var body: ByteBuffer?
        let person = people[who]
        if let person {
            if path.hasPrefix("/api/") {
                headers.bearerAuthorization = BearerAuthorization(token: person.token)
            } else {
                headers.add(name: .cookie, value: "convene-session=\(person.cookie)")
            }
        }
        if let upload {
            let (type, multipart) = upload.body(csrf: person?.csrf ?? "")
            headers.replaceOrAdd(name: .contentType, value: type)
            body = multipart
        } else if let json {
            headers.contentType = .json; body = ByteBuffer(string: json)
        } else if method != .GET {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: (form ?? "") + "&csrf_token=\(person?.csrf ?? "")")
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    /// Every GET route with its parameters filled from the default workspace, and from the other one.
    static let reads: [(route: String, own: String, other: String?)] = [
        ("GET /", "/", nil), ("GET /partnerships", "/partnerships", nil),
        ("GET /partnerships/new", "/partnerships/new", nil),
        ("GET /partnerships/{key}", "/partnerships/cdp", "/partnerships/secret-board"),
        ("GET /partnerships/{key}/edit", "/partnerships/cdp/edit", "/partnerships/secret-board/edit"),
        ("GET /organisations", "/organisations", nil),
        ("GET /organisations/{key}", "/organisations/council", "/organisations/secret-org"),
        ("GET /persons", "/persons", nil), ("GET /persons/{key}", "/persons/dph", "/persons/secret-person"),
        ("GET /landscape", "/landscape", nil), ("GET /history", "/history", nil),
        ("GET /account/tokens", "/account/tokens", nil),
        ("GET /account/workspaces", "/account/workspaces", nil), ("GET /network", "/network", nil),
        ("GET /import", "/import", nil),
        ("GET /organisations/new", "/organisations/new", nil),
        ("GET /organisations/{key}/edit", "/organisations/council/edit", "/organisations/secret-org/edit"),
        ("GET /persons/new", "/persons/new", nil),
        ("GET /persons/{key}/edit", "/persons/dph/edit", "/persons/secret-person/edit"),
        (
            "GET /partnerships/{key}/members/new", "/partnerships/cdp/members/new",
            "/partnerships/secret-board/members/new"
        ),
        (
            "GET /partnerships/{key}/members/{member}/edit", "/partnerships/cdp/members/cdp-dph/edit",
            "/partnerships/secret-board/members/secret-seat/edit"
        ),
        (
            "GET /partnerships/{key}/terms-of-reference/new", "/partnerships/cdp/terms-of-reference/new",
            "/partnerships/secret-board/terms-of-reference/new"
        ),
        ("GET /api/v1/areas", "/api/v1/areas", nil), ("GET /api/v1/areas/{key}", "/api/v1/areas/E06000001", nil),
        ("GET /api/v1/organisations", "/api/v1/organisations", nil),
        ("GET /api/v1/organisations/{key}", "/api/v1/organisations/council", "/api/v1/organisations/secret-org"),
        ("GET /api/v1/persons", "/api/v1/persons", nil),
        ("GET /api/v1/persons/{key}", "/api/v1/persons/dph", "/api/v1/persons/secret-person"),
        ("GET /api/v1/partnerships", "/api/v1/partnerships", nil),
        ("GET /api/v1/partnerships/{key}", "/api/v1/partnerships/cdp", "/api/v1/partnerships/secret-board"),
        ("GET /api/v1/memberships", "/api/v1/memberships", nil),
        ("GET /api/v1/memberships/{key}", "/api/v1/memberships/cdp-dph", "/api/v1/memberships/secret-seat"),
        ("GET /api/v1/partnership-relations", "/api/v1/partnership-relations", nil),
        (
            "GET /api/v1/partnerships/{key}/terms-of-reference", "/api/v1/partnerships/cdp/terms-of-reference",
            "/api/v1/partnerships/secret-board/terms-of-reference"
        ),
        (
            "GET /api/v1/partnerships/{key}/terms-of-reference/{version}",
            "/api/v1/partnerships/cdp/terms-of-reference/1", nil
        ),
        // A partnership's business: another workspace's partnership is not found, nor its meeting under one of ours.
        ("GET /partnerships/{key}/meetings", "/partnerships/cdp/meetings", "/partnerships/secret-board/meetings"),
        (
            "GET /partnerships/{key}/meetings/{meeting}", "/partnerships/cdp/meetings/cdp-2026-03-10",
            "/partnerships/cdp/meetings/secret-meeting"
        ),
        (
            "GET /partnerships/{key}/meetings/{meeting}/papers/{paper}",
            "/partnerships/cdp/meetings/cdp-2026-03-10/papers/cdp-2026-03-10-item-1-paper-1",
            "/partnerships/secret-board/meetings/secret-meeting/papers/cdp-2026-03-10-item-1-paper-1"
        ),
        ("GET /partnerships/{key}/actions", "/partnerships/cdp/actions", "/partnerships/secret-board/actions"),
        ("GET /partnerships/{key}/reports", "/partnerships/cdp/reports", "/partnerships/secret-board/reports"),
        (
            "GET /partnerships/{key}/reports/{report}", "/partnerships/cdp/reports/cdp-2025",
            "/partnerships/secret-board/reports/secret-board-2025"
        ),
        (
            "GET /partnerships/{key}/reports/{report}/pdf", "/partnerships/cdp/reports/cdp-2025/pdf",
            "/partnerships/secret-board/reports/secret-board-2025/pdf"
        ),
        (
            "GET /partnerships/{key}/actions/{action}", "/partnerships/cdp/actions/cdp-action-1",
            "/partnerships/secret-board/actions/cdp-action-1"
        ),
        (
            "GET /partnerships/{key}/meetings/new", "/partnerships/cdp/meetings/new",
            "/partnerships/secret-board/meetings/new"
        ),
        ("GET /partnerships/{key}/series/new", "/partnerships/cdp/series/new", "/partnerships/secret-board/series/new"),
        (
            "GET /partnerships/{key}/meetings/import", "/partnerships/cdp/meetings/import",
            "/partnerships/secret-board/meetings/import"
        ),
        (
            "GET /partnerships/{key}/meetings/{meeting}/edit", "/partnerships/cdp/meetings/cdp-2026-03-10/edit",
            "/partnerships/cdp/meetings/secret-meeting/edit"
        ),
        (
            "GET /partnerships/{key}/meetings/{meeting}/agenda", "/partnerships/cdp/meetings/cdp-2026-03-10/agenda",
            "/partnerships/cdp/meetings/secret-meeting/agenda"
        ),
        (
            "GET /partnerships/{key}/meetings/{meeting}/agenda/{item}/edit",
            "/partnerships/cdp/meetings/cdp-2026-03-10/agenda/cdp-2026-03-10-item-1/edit",
            "/partnerships/cdp/meetings/secret-meeting/agenda/cdp-2026-03-10-item-1/edit"
        ),
        (
            "GET /partnerships/{key}/meetings/{meeting}/agenda/{item}/decision",
            "/partnerships/cdp/meetings/cdp-2026-03-10/agenda/cdp-2026-03-10-item-1/decision",
            "/partnerships/cdp/meetings/secret-meeting/agenda/cdp-2026-03-10-item-1/decision"
        ),
        (
            "GET /partnerships/{key}/meetings/{meeting}/attendance",
            "/partnerships/cdp/meetings/cdp-2026-03-10/attendance",
            "/partnerships/cdp/meetings/secret-meeting/attendance"
        ),
        (
            "GET /partnerships/{key}/meetings/{meeting}/minutes", "/partnerships/cdp/meetings/cdp-2026-03-10/minutes",
            "/partnerships/cdp/meetings/secret-meeting/minutes"
        ),
        (
            "GET /partnerships/{key}/meetings/{meeting}/declarations",
            "/partnerships/cdp/meetings/cdp-2026-03-10/declarations",
            "/partnerships/cdp/meetings/secret-meeting/declarations"
        ),
        (
            "GET /partnerships/{key}/actions/new", "/partnerships/cdp/actions/new",
            "/partnerships/secret-board/actions/new"
        ),
        // A person's own view, and the workspace's themes.
        ("GET /my/meetings", "/my/meetings", nil), ("GET /my/actions", "/my/actions", nil),
        ("GET /account/person", "/account/person", nil),
        ("GET /themes", "/themes", nil), ("GET /calendar", "/calendar", nil),
        // The analyses.
        ("GET /analysis", "/analysis", nil), ("GET /analysis/cost", "/analysis/cost", nil),
        ("GET /analysis/cost/meetings", "/analysis/cost/meetings?partnership=cdp", nil),
        ("GET /analysis/load", "/analysis/load", nil),
        ("GET /analysis/load/persons/{key}", "/analysis/load/persons/dph", "/analysis/load/persons/secret-person"),
        ("GET /analysis/attendance", "/analysis/attendance", nil),
        ("GET /analysis/delivery", "/analysis/delivery", nil),
        ("GET /analysis/triage", "/analysis/triage", nil), ("GET /analysis/settings", "/analysis/settings", nil),
        ("GET /api/v1/analyses/{analysis}", "/api/v1/analyses/cost", nil),
        // Strategies and the duplication analyses.
        ("GET /analysis/overlap", "/analysis/overlap", nil), ("GET /analysis/duplicates", "/analysis/duplicates", nil),
        ("GET /analysis/priorities", "/analysis/priorities", nil),
        // The CDP analyses.
        ("GET /analysis/involvement", "/analysis/involvement", nil), ("GET /analysis/sros", "/analysis/sros", nil),
        ("GET /analysis/footprints", "/analysis/footprints", nil),
        ("GET /strategies", "/strategies", nil), ("GET /strategies/alignment", "/strategies/alignment", nil),
        ("GET /strategies/new", "/strategies/new", nil),
        ("GET /strategies/{key}", "/strategies/police-and-crime-plan", "/strategies/secret-strategy"),
        ("GET /strategies/{key}/edit", "/strategies/police-and-crime-plan/edit", "/strategies/secret-strategy/edit"),
        (
            "GET /strategies/{key}/priorities/new", "/strategies/police-and-crime-plan/priorities/new",
            "/strategies/secret-strategy/priorities/new"
        ),
        (
            "GET /strategies/{key}/priorities/{priority}/edit",
            "/strategies/police-and-crime-plan/priorities/police-and-crime-plan-reduce-drug-harm/edit",
            "/strategies/secret-strategy/priorities/secret-priority/edit"
        ),
        // The same business in the API.
        (
            "GET /api/v1/partnerships/{key}/meetings", "/api/v1/partnerships/cdp/meetings",
            "/api/v1/partnerships/secret-board/meetings"
        ),
        (
            "GET /api/v1/partnerships/{key}/meetings/{meeting}", "/api/v1/partnerships/cdp/meetings/cdp-2026-03-10",
            "/api/v1/partnerships/cdp/meetings/secret-meeting"
        ),
        (
            "GET /api/v1/partnerships/{key}/actions", "/api/v1/partnerships/cdp/actions",
            "/api/v1/partnerships/secret-board/actions"
        ),
        ("GET /api/v1/me/meetings", "/api/v1/me/meetings", nil), ("GET /api/v1/me/actions", "/api/v1/me/actions", nil),
        // Guidance: the templates, and a partnership's task list, its evidence form and its kept files.
        ("GET /guidance", "/guidance", nil), ("GET /guidance/export", "/guidance/export", nil),
        ("GET /guidance/new", "/guidance/new", nil), ("GET /guidance/import", "/guidance/import", nil),
        ("GET /partnerships/{key}/milestones", "/partnerships/cdp/milestones", "/partnerships/secret-board/milestones"),
        (
            "GET /partnerships/{key}/milestones/{template}/{step}/{occurrence}/evidence",
            "/partnerships/cdp/milestones/cdp-guidance-2022/form-partnership/0/evidence",
            "/partnerships/secret-board/milestones/cdp-guidance-2022/form-partnership/0/evidence"
        ),
        (
            "GET /partnerships/{key}/milestones/files/{evidence}",
            "/partnerships/cdp/milestones/files/cdp-form-partnership-1",
            "/partnerships/secret-board/milestones/files/cdp-form-partnership-1"
        ),
        ("GET /api/v1/guidance/templates", "/api/v1/guidance/templates", nil),
        // Surveys: the list, a survey, its results and the forms that make and send them.
        ("GET /surveys", "/surveys", nil), ("GET /surveys/new", "/surveys/new", nil),
        ("GET /surveys/import", "/surveys/import", nil),
        // Reviews: the list, a review, its report as a page and a PDF, and the forms that make and decide it.
        ("GET /reviews", "/reviews", nil), ("GET /reviews/new", "/reviews/new", nil),
        ("GET /api/v1/surveys", "/api/v1/surveys", nil),
        ("GET /api/v1/surveys/{key}", "/api/v1/surveys/open-survey", nil),
        ("GET /api/v1/surveys/{key}/results", "/api/v1/surveys/open-survey/results", nil),
        ("GET /api/v1/surveys/{key}/responses", "/api/v1/surveys/open-survey/responses", nil),
        ("GET /api/v1/reviews", "/api/v1/reviews", nil), ("GET /api/v1/reviews/{key}", "/api/v1/reviews/review", nil),
        ("GET /api/v1/reviews/{key}/report", "/api/v1/reviews/review/report", nil),
        ("GET /reviews/{key}", "/reviews/review", nil), ("GET /reviews/{key}/report", "/reviews/review/report", nil),
        ("GET /reviews/{key}/report.pdf", "/reviews/review/report.pdf", nil),
        ("GET /reviews/{key}/partnerships/{partnership}", "/reviews/review/partnerships/cdp", nil),
        ("GET /surveys/{key}", "/surveys/open-survey", nil),
        ("GET /surveys/{key}/results", "/surveys/open-survey/results", nil),
        ("GET /surveys/{key}/links", "/surveys/open-survey/links", nil),
        ("GET /surveys/{key}/questions/new", "/surveys/partners-survey/questions/new", nil),
        (
            "GET /api/v1/partnerships/{key}/milestones", "/api/v1/partnerships/cdp/milestones",
            "/api/v1/partnerships/secret-board/milestones"
        ),
        // Outcomes: the indicators, their files, a partnership's framework and dashboard; funding streams.
        ("GET /outcomes", "/outcomes", nil), ("GET /outcomes/import", "/outcomes/import", nil),
        ("GET /outcomes/indicators/new", "/outcomes/indicators/new", nil),
        ("GET /outcomes/indicators/{id}", "/outcomes/indicators/cdof-drug-misuse-deaths", nil),
        ("GET /partnerships/{key}/framework", "/partnerships/cdp/framework", "/partnerships/secret-board/framework"),
        ("GET /partnerships/{key}/dashboard", "/partnerships/cdp/dashboard", "/partnerships/secret-board/dashboard"),
        (
            "GET /partnerships/{key}/dashboard/{indicator}", "/partnerships/cdp/dashboard/cdof-drug-misuse-deaths.csv",
            "/partnerships/secret-board/dashboard/cdof-drug-misuse-deaths.csv"
        ),
        ("GET /api/v1/indicators", "/api/v1/indicators", nil),
        ("GET /api/v1/indicators/{id}", "/api/v1/indicators/cdof-drug-misuse-deaths", nil),
        ("GET /api/v1/indicators/{id}/measurements", "/api/v1/indicators/cdof-drug-misuse-deaths/measurements", nil),
        ("GET /api/v1/targets", "/api/v1/targets", nil),
        (
            "GET /api/v1/partnerships/{key}/framework", "/api/v1/partnerships/cdp/framework",
            "/api/v1/partnerships/secret-board/framework"
        ),
        ("GET /api/v1/analyses/outcomes", "/api/v1/analyses/outcomes", nil),
        ("GET /funding", "/funding", nil), ("GET /funding/new", "/funding/new", nil),
        ("GET /funding/{key}", "/funding/initial-grant", nil),
        ("GET /funding/{key}/edit", "/funding/initial-grant/edit", nil),
        ("GET /api/v1/funding-streams", "/api/v1/funding-streams", nil),
        ("GET /api/v1/funding-streams/{key}", "/api/v1/funding-streams/initial-grant", nil),
        ("GET /api/v1/analyses/funding", "/api/v1/analyses/funding", nil),
        // Data sharing: agreements and the log of requests, and their forms.
        ("GET /sharing", "/sharing", nil), ("GET /sharing/agreements/new", "/sharing/agreements/new", nil),
        ("GET /sharing/agreements/{key}", "/sharing/agreements/drug-data", nil),
        ("GET /sharing/agreements/{key}/edit", "/sharing/agreements/drug-data/edit", nil),
        ("GET /sharing/requests", "/sharing/requests", nil),
        (
            "GET /api/v1/persons/{key}/interests", "/api/v1/persons/dph/interests",
            "/api/v1/persons/secret-person/interests"
        ),
        (
            "GET /api/v1/partnerships/{key}/meetings/{meeting}/declarations",
            "/api/v1/partnerships/cdp/meetings/cdp-2026-03-10/declarations",
            "/api/v1/partnerships/cdp/meetings/secret-meeting/declarations"
        ),
        // The network's directory and library: shared by workspaces with every workspace.
        ("GET /network/leads", "/network/leads", nil), ("GET /network/leads/ours", "/network/leads/ours", nil),
        ("GET /api/v1/network/leads", "/api/v1/network/leads", nil),
        ("GET /network/library", "/network/library", nil),
        ("GET /network/library/{workspace}/{key}", "/network/library/default/partners-survey", nil),
        ("GET /api/v1/network/library", "/api/v1/network/library", nil),
        // People and roles, for administrators.
        ("GET /admin/people", "/admin/people", nil), ("GET /account/sessions", "/account/sessions", nil),
        ("GET /sharing/requests/new", "/sharing/requests/new", nil),
        ("GET /sharing/requests/{key}", "/sharing/requests/arrest-figures", nil),
        ("GET /api/v1/agreements", "/api/v1/agreements", nil),
        ("GET /api/v1/agreements/{key}", "/api/v1/agreements/drug-data", nil),
        ("GET /api/v1/data-requests", "/api/v1/data-requests", nil),
        ("GET /api/v1/data-requests/{key}", "/api/v1/data-requests/arrest-figures", nil),
        ("GET /api/v1/analyses/requests", "/api/v1/analyses/requests", nil),
        ("GET /alerts", "/alerts", nil)
    ]

    /// Routes anyone may use.
    static let open: Set<String> = [
        "GET /healthz", "GET /readyz", "GET /sign-in", "POST /sign-in", "POST /sign-out", "GET /setup/{token}",
        "POST /setup/{token}",
        "GET /api/v1/openapi.json", "GET /public", "GET /public/{workspace}/{key}",
        "GET /api/v1/public/partnerships", "GET /api/v1/public/partnerships/{workspace}/{key}",
        // A calendar feed's token is its key; a published partnership's feed names nobody.
        "GET /feeds/{token}", "GET /public/partnerships/{key}/meetings.ics",
        // A survey's personal link: its secret is its key (`SurveyTests` holds its pages to it).
        "GET /respond/{secret}", "GET /respond/{secret}/{page}", "GET /respond/{secret}/check",
        "POST /respond/{secret}/{page}", "POST /respond/{secret}/check",
        // A published review's report (`ReviewTests` holds it to naming nobody).
        "GET /public/reviews/{workspace}/{key}",
        // Signing in through the identity provider (`SignOnTests` holds its refusals).
        "GET /sign-in/oidc", "GET /sign-in/oidc/callback",
        // An invitation's link: its secret is its key (`SignOnTests` holds it to working once).
        "GET /invitations/{secret}", "POST /invitations/{secret}"
    ]

    static let secretStrings = [
        "Secret Board Of Another Force", "Confidential purpose text", "Secret Person Name", "Secret Organisation",
        "Secret Meeting Of Another Force", "Secret minutes text", "Secret Strategy Of Another Force",
        "Secret priority title"
    ]

    /// Everyone signed in manages their own tokens, says which person they are and makes their own calendar feeds;
    /// the register needs an editor.
    static func writeRole(_ route: String) -> WorkspaceRole {
        if route.contains(" /guidance") || route.contains("/api/v1/guidance") { return .admin }
        // A workspace's own indicators: its administrators add them.
        if route == "POST /outcomes/indicators/new" || route == "POST /api/v1/indicators" { return .admin }
        // People and roles: a workspace's administrators.
        if route.contains(" /admin/") { return .admin }
        return route.contains("/account/tokens") || route.contains("/account/person")
            || route.contains("/account/sessions")
            || route.contains("/calendar/feeds") || route == "POST /alerts/digest" ? .viewer : .editor
    }

    /// The pages with the forms of a partnership's business are read with the rule of what they post (an API list
    /// beside its create route is not a form).
    static func readRole(_ route: String) -> WorkspaceRole {
        let form =
            !route.hasPrefix("GET /api/")
            && partnershipBusiness.contains(route.replacingOccurrences(of: "GET ", with: "POST "))
        // Guidance templates are national: only administrators add them.
        if route == "GET /guidance/new" || route == "GET /guidance/import" { return .admin }
        if route == "GET /outcomes/indicators/new" || route == "GET /admin/people" { return .admin }
        return route.hasSuffix("/new") || route.hasSuffix("/edit") || route == "GET /import"
            || route == "GET /network/leads/ours"
            || route == "GET /surveys/{key}/links" || route == "GET /surveys/import"
            || route == "GET /reviews/{key}/partnerships/{partnership}"
            || route == "GET /api/v1/surveys/{key}/responses" || route == "GET /outcomes/import" || form
            ? .editor : .viewer
    }

    /// A partnership's own business: its secretariat may do these to the partnerships it is given, and nothing else
    /// that needs an editor. (The forms that go with the page posts are read with the same rule.)
    static let partnershipBusiness: Set<String> = [
        "PATCH /api/v1/partnerships/{key}", "POST /api/v1/memberships", "PATCH /api/v1/memberships/{key}",
        "DELETE /api/v1/memberships/{key}", "POST /api/v1/memberships/{key}/end",
        "POST /api/v1/partnerships/{key}/terms-of-reference",
        "PATCH /api/v1/partnerships/{key}/terms-of-reference/{version}",
        "DELETE /api/v1/partnerships/{key}/terms-of-reference/{version}",
        "POST /partnerships/{key}/edit", "POST /partnerships/{key}/members/new",
        "POST /partnerships/{key}/members/{member}/edit",
        "POST /partnerships/{key}/terms-of-reference/new",
        // Its meetings, in the API and on the pages.
        "POST /api/v1/partnerships/{key}/meetings", "POST /api/v1/partnerships/{key}/series",
        "POST /api/v1/partnerships/{key}/calendar",
        "PUT /api/v1/partnerships/{key}/meetings/{meeting}/attendance",
        "POST /api/v1/partnerships/{key}/meetings/{meeting}/items",
        "PUT /api/v1/partnerships/{key}/meetings/{meeting}/minutes",
        "POST /api/v1/partnerships/{key}/meetings/{meeting}/minutes/approve",
        "POST /api/v1/partnerships/{key}/meetings/{meeting}/minutes/lock",
        "POST /api/v1/partnerships/{key}/meetings/{meeting}/minutes/addenda",
        "POST /api/v1/partnerships/{key}/actions", "POST /api/v1/partnerships/{key}/actions/{action}/updates",
        "POST /partnerships/{key}/meetings/new", "POST /partnerships/{key}/series/new",
        "POST /partnerships/{key}/meetings/import",
        "POST /partnerships/{key}/backlog", "POST /partnerships/{key}/meetings/{meeting}/edit",
        "POST /partnerships/{key}/meetings/{meeting}/agenda",
        "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/move",
        "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/schedule",
        "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/edit",
        "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/decision",
        "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/papers",
        "POST /partnerships/{key}/meetings/{meeting}/attendance", "POST /partnerships/{key}/meetings/{meeting}/minutes",
        "POST /partnerships/{key}/meetings/{meeting}/minutes/approve",
        "POST /partnerships/{key}/meetings/{meeting}/minutes/lock",
        "POST /partnerships/{key}/meetings/{meeting}/minutes/addenda", "POST /partnerships/{key}/actions/new",
        "POST /partnerships/{key}/meetings/{meeting}/declarations",
        "POST /api/v1/partnerships/{key}/meetings/{meeting}/declarations",
        "POST /partnerships/{key}/actions/{action}/updates",
        // Its evidence for the guidance's steps.
        "POST /partnerships/{key}/milestones/{template}/{step}/{occurrence}/evidence",
        "POST /api/v1/partnerships/{key}/milestones/{template}/{step}/{occurrence}/evidence",
        "POST /partnerships/{key}/reports/new",
        // Its performance framework.
        "POST /partnerships/{key}/framework", "PUT /api/v1/partnerships/{key}/framework"
    ]

    /// Whether `who` may use a route, when the secretariat has been given the partnership the request names.
    static func allowed(_ who: Who, _ route: String, needs role: WorkspaceRole) -> Bool {
        guard who != .anonymous, let own = WorkspaceRole(rawValue: who.rawValue) else { return false }
        if own >= role { return true }
        let asWrite = route.replacingOccurrences(of: "GET ", with: "POST ")
        return who == .secretariat && partnershipBusiness.contains(asWrite)
    }

    @Test func theMatrixNamesEveryRoute() async throws {
        try await withConveneApp { app in
            let routes = Set(
                app.routes.all.map { route in
                    "\(route.method.rawValue) /"
                        + route.path.map { c -> String in
                            if case .parameter(let name) = c { return "{\(name)}" }
                            return c.description
                        }.joined(separator: "/")
                }.map { $0 == "GET /" ? "GET /" : $0 })
            let named = Set(Self.reads.map(\.route)).union(AuditTests.cases.map(\.route)).union(Self.open)
                .union(AuditTests.sessionOnly)
            #expect(routes.subtracting(named).sorted() == [], "routes with no row in the matrix")
        }
    }

    @Test(arguments: Who.allCases) func readsInTheOwnWorkspace(_ who: Who) async throws {
        try await withConveneApp(seed: Self.seed) { app, people in
            for read in Self.reads {
                let response = try await Self.send(app, who, people, .GET, read.own)
                if Self.allowed(who, read.route, needs: Self.readRole(read.route)) {
                    #expect(response.status == .ok, "\(who) \(read.route): \(response.status)")
                } else if who == .anonymous {
                    #expect(
                        response.status == (read.own.hasPrefix("/api/") ? .unauthorized : .seeOther),
                        "\(who) \(read.route)")
                } else {
                    #expect(response.status == .forbidden, "\(who) \(read.route): \(response.status)")
                }
                for secret in Self.secretStrings {
                    #expect(!response.body.string.contains(secret), "\(who) \(read.route) leaks \(secret)")
                }
            }
        }
    }

    @Test(arguments: Who.allCases) func anotherWorkspacesRecordsAreNotFound(_ who: Who) async throws {
        try await withConveneApp(seed: Self.seed) { app, people in
            for read in Self.reads {
                guard let other = read.other else { continue }
                let response = try await Self.send(app, who, people, .GET, other)
                #expect(
                    [.notFound, .unauthorized, .seeOther, .forbidden].contains(response.status),
                    "\(who) \(other): \(response.status)")
                for secret in Self.secretStrings {
                    #expect(!response.body.string.contains(secret), "\(who) \(other) leaks \(secret)")
                }
            }
            // Writes aimed at the other workspace's records change nothing there.
            _ = try await Self.send(
                app, who, people, .PATCH, "/api/v1/partnerships/secret-board", json: #"{"name":"Renamed"}"#)
            _ = try await Self.send(app, who, people, .DELETE, "/api/v1/memberships/secret-seat")
            _ = try await Self.send(
                app, who, people, .POST, "/partnerships/secret-board/edit",
                form: "name=Renamed&type=forum&status=active")
            _ = try await Self.send(
                app, who, people, .POST, "/partnerships/cdp/meetings/secret-meeting/minutes", form: "text=Overwritten")
            _ = try await Self.send(
                app, who, people, .POST, "/partnerships/cdp/meetings/secret-meeting/attendance",
                form: "status-dph=present")
            let theirs = String(
                decoding: try await Tasks.export(.popolo, on: app.db, workspace: "other-force"), as: UTF8.self)
            #expect(theirs.contains("Secret Board Of Another Force") && theirs.contains("secret-seat"))
            let scope = try await Scope.workspace("other-force", on: app.db)
            #expect(try await MinutesRecord.query(in: scope).all().map(\.text) == ["Secret minutes text"])
            #expect(try await AttendanceRecord.query(in: scope).count() == 0)
        }
    }

    @Test(arguments: Who.allCases) func writesNeedAnEditor(_ who: Who) async throws {
        for write in AuditTests.cases
        where write.route != "POST /setup/{token}" && !write.route.contains("{id}/revoke")
            && !Self.open.contains(write.route)
        {
            try await withConveneApp(seed: Self.seed) { app, people in
                let response = try await Self.send(
                    app, who, people, AuditTests.method(write.route), try await AuditTests.resolve(write.path, app),
                    json: write.json, form: write.form, upload: write.uploaded)
                if Self.allowed(who, write.route, needs: Self.writeRole(write.route)) {
                    #expect(
                        (200..<400).contains(Int(response.status.code)), "\(who) \(write.route): \(response.status)")
                } else {
                    #expect(
                        [.unauthorized, .forbidden].contains(response.status),
                        "\(who) \(write.route): \(response.status)")
                }
            }
        }
    }

    /// A secretariat given only another partnership can do none of the writes: each names "cdp" or "board".
    @Test func aSecretariatWritesOnlyToThePartnershipsItIsGiven() async throws {
        for write in AuditTests.cases where Self.partnershipBusiness.contains(write.route) {
            try await withConveneApp(seed: Self.sparesSeed) { app, people in
                let before = try await AuditTests.auditCount(app)
                let response = try await Self.send(
                    app, .secretariat, people, AuditTests.method(write.route), write.path,
                    json: write.json, form: write.form,
                    upload: write.uploaded)
                #expect(response.status == .forbidden, "\(write.route): \(response.status)")
                #expect(try await AuditTests.auditCount(app) == before)
            }
        }
    }

    /// Choosing a workspace changes the session, not a record: it needs a signed-in user and a role in the workspace.
    @Test(arguments: Who.allCases) func switchingWorkspaceNeedsARoleThere(_ who: Who) async throws {
        try await withConveneApp(seed: Self.seed) { app, people in
            let response = try await Self.send(
                app, who, people, .POST, "/account/workspaces", form: "workspace=other-force")
            // Anonymous posts fail the form-token check before they reach the route.
            let expected: [HTTPResponseStatus] = who == .anonymous ? [.unauthorized, .forbidden] : [.notFound]
            #expect(expected.contains(response.status), "\(who): \(response.status)")
        }
    }
}
