// Over 400 lines: every write route and the audit entry it must leave, in one table.
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Every write route leaves an audit entry in the same transaction; a failed write leaves none.
@Suite struct AuditTests {
    struct WriteCase: Sendable, CustomTestStringConvertible {
        var route: String  // "METHOD /path/{param}" as the router names it
        var path: String
        var json: String? = nil
        var form: String? = nil
        var upload: String? = nil
        var bad: (json: String?, form: String?)
        var badUpload: String? = nil
        var kind: String
        /// The form's fields beside an upload.
        var fields: [(String, String)] = [("format", "csv")]
        var testDescription: String { route }

        var uploaded: Upload? { upload.map { Upload(fields: fields, file: $0) } }
        var badUploaded: Upload? { badUpload.map { Upload(fields: fields, file: $0) } }
    }

    /// The base register, made once per run.
    static let seed = TestSeed(name: "audit") { app in try await setUp(app) }

    /// A base register every case starts from: an organisation, two people, two partnerships,
    /// a membership, a reporting line and a version of terms of reference.
    static func setUp(_ app: Application) async throws {
        _ = try await app.send(
            .POST, "/api/v1/areas", json: #"{"code":"E06000001","name":"Hartlepool","kind":"district"}"#)
        _ = try await app.importCSV(
            """
            partnership_id,partnership_name,type,reports_to,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
            board,Strategic Board,strategic-board,,,,,,,,
            cdp,Drugs Partnership,cdp,board,cdp-dph,dph,Director of Public Health,council,County Council,local-government,sro
            """)
        _ = try await app.send(.POST, "/api/v1/persons", json: #"{"key":"spare","name":"Spare Person"}"#)
        _ = try await app.send(
            .POST, "/api/v1/organisations", json: #"{"key":"spare-org","name":"Spare Organisation","sector":"other"}"#)
        _ = try await app.send(
            .POST, "/api/v1/partnerships", json: #"{"key":"spare-board","name":"Spare Board","type":"forum"}"#)
        _ = try await app.send(.POST, "/api/v1/partnerships/spare-board/publish", json: "{}")
        _ = try await app.send(.POST, "/api/v1/partnerships/cdp/terms-of-reference", json: #"{"quorum":4}"#)
        try await setUpMeetings(app)
        // The Police and Crime Plan with one priority.
        _ = try await app.send(
            .POST, "/strategies/new",
            form: "name=Police+and+Crime+Plan&kind=police-and-crime-plan&owner=organisation:council&status=active")
        _ = try await app.send(
            .POST, "/strategies/police-and-crime-plan/priorities/new", form: "title=Reduce+drug+harm")
        // A file kept as evidence that the drugs partnership was formed (cdp-form-partnership-1).
        _ = try await app.send(
            .POST, "/partnerships/cdp/milestones/cdp-guidance-2022/form-partnership/0/evidence",
            upload: Upload(fields: [], file: "name\nDirector of Public Health\n", name: "members.csv"))
        // A draft survey (partners-survey) and an open one (open-survey), both from the reports' template.
        for title in ["Partners+survey", "Open+survey"] {
            _ = try await app.send(.POST, "/surveys/new", form: "title=\(title)&template=partnership-system")
        }
        _ = try await app.send(.POST, "/surveys/open-survey/status", form: "status=open")
        // A review of the landscape ("review"), a draft.
        _ = try await app.send(.POST, "/reviews/new", form: "title=Review&from=2026-01-01&to=2026-03-31")
        // The drugs partnership's performance framework, and a funding stream for it ("initial-grant").
        _ = try await app.send(
            .POST, "/partnerships/cdp/framework", form: "area_code=E10000003&indicators%5B%5D=cdof-drug-misuse-deaths")
        _ = try await app.send(.POST, "/funding/new", form: streamForm("Initial+grant"))
        // A data-sharing agreement ("drug-data") and a request for data under it ("arrest-figures").
        _ = try await app.send(.POST, "/sharing/agreements/new", form: agreementForm("Drug+data"))
        _ = try await app.send(.POST, "/sharing/requests/new", form: requestForm("Arrest+figures"))
        // The office's partnership lead for the network's directory, and two templates in the library: the draft
        // survey ("partners-survey") and the drugs partnership's terms ("terms-of-reference-of-the-drugs-partnership").
        _ = try await app.send(
            .POST, "/network/leads/ours",
            form: "force_area_code=E23000023&office=Head+of+Partnerships&organisation=OPCC")
        for source in ["survey:partners-survey", "terms:cdp"] {
            _ = try await app.send(.POST, "/network/library/share", form: "source=\(source)")
        }
    }

    /// An agreement between the council and the spare organisation for the drugs partnership.
    static func agreementForm(_ title: String) -> String {
        "title=\(title)&party_keys%5B%5D=council&party_keys%5B%5D=spare-org&partnership_keys%5B%5D=cdp"
            + "&purpose=Needs+assessment&data_categories%5B%5D=aggregate&lawful_basis=public-task"
            + "&legal_gateway=Crime+and+Disorder+Act+1998%2C+section+115&status=draft"
    }

    static func agreementJSON(_ title: String) -> String {
        #"{"title":""# + title
            + #"","party_keys":["council","spare-org"],"partnership_keys":["cdp"],"purpose":"Needs","#
            + #""data_categories":["aggregate"],"lawful_basis":"public-task","legal_gateway":"Consent","#
            + #""status":"draft","documents":[]}"#
    }

    static func requestJSON(_ what: String, answer: String = "") -> String {
        #"{"requester_organisation_key":"council","partner_key":"spare-org","what":""# + what
            + #"","purpose":"The plan","gateway":"Consent","asked_on":"2026-05-01","due_by":"2026-05-31""# + answer
            + "}"
    }

    /// A request the council makes of the spare organisation.
    static func requestForm(_ what: String) -> String {
        "requester=organisation%3Acouncil&partner_key=spare-org&what=\(what)&purpose=The+plan"
            + "&gateway=Consent&asked_on=2026-05-01&due_by=2026-05-31"
    }

    /// A funding stream's form: from the spare organisation to the council, for the drugs partnership.
    static func streamForm(_ purpose: String) -> String {
        "funder=spare-org&recipient_key=council&partnership_keys%5B%5D=cdp&purpose=\(purpose)&year_1=2026-27"
            + "&amount_1=1000"
    }

    /// A stream in the API's JSON, with its purpose.
    static func streamJSON(_ purpose: String) -> String {
        #"{"funder":{"name":"Home Office"},"recipient_key":"council","partnership_keys":["cdp"],"purpose":""#
            + purpose + #"","amounts":[{"financial_year":"2026-27","pence":100}]}"#
    }

    static let measurementsFile = "indicator_id,area_code,period,value\ncdof-drug-misuse-deaths,E10000003,2023,4.2\n"

    /// A guidance template file with one template, as an administrator imports it.
    static let guidanceFile =
        #"{"templates":[{"key":"svd-2022","title":"Serious Violence Duty","version":1,"partnership_type":"serious-violence","published_on":"2022-12-01","steps":[{"key":"strategy","title":"Publish a strategy","evidence":"The strategy","due":{"months":13}}]}]}"#

    /// The drugs partnership's business: a meeting whose minutes are locked (cdp-2026-01-13), one whose minutes are
    /// approved (cdp-2026-02-10), the one most cases work on (cdp-2026-03-10: draft minutes, an item with a paper,
    /// an action) and a later one (cdp-2026-04-14); and a proposed item in the backlog.
    static func setUpMeetings(_ app: Application) async throws {
        for day in ["2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14"] {
            let made = try await app.send(
                .POST, "/partnerships/cdp/meetings/new",
                form:
                    "name=CDP+board&date=\(day)&start=10:00&duration=120&format=in-person&place=County+Hall&status=scheduled"
            )
            #expect(
                made.headers.first(name: .location) == "/partnerships/cdp/meetings/cdp-\(day)",
                "\(made.status): \(made.text.prefix(300))")
        }
        for day in ["2026-01-13", "2026-02-10", "2026-03-10"] {
            _ = try await app.send(.POST, "/partnerships/cdp/meetings/cdp-\(day)/minutes", form: "text=The+board+met")
        }
        for day in ["2026-01-13", "2026-02-10"] {
            _ = try await app.send(.POST, "/partnerships/cdp/meetings/cdp-\(day)/minutes/approve", form: "")
        }
        _ = try await app.send(.POST, "/partnerships/cdp/meetings/cdp-2026-01-13/minutes/lock", form: "")
        _ = try await app.send(
            .POST, "/partnerships/cdp/meetings/cdp-2026-03-10/agenda",
            form: "title=Naloxone&kind=for-decision&duration=20")
        _ = try await app.send(
            .POST, "/partnerships/cdp/meetings/cdp-2026-03-10/agenda/cdp-2026-03-10-item-1/papers",
            upload: Upload(fields: [], file: "month,deaths\n2026-01,3\n", name: "figures.csv"))
        _ = try await app.send(.POST, "/partnerships/cdp/backlog", form: "title=Drug+checking&kind=for-discussion")
        _ = try await app.send(
            .POST, "/partnerships/cdp/actions/new",
            form: "meeting=cdp-2026-03-10&title=Circulate+the+paper&owner=person:dph")
        let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
        let states = try await MinutesRecord.query(in: scope).with(\.$meeting).all().map {
            "\($0.meeting.key) \($0.state)"
        }.sorted()
        #expect(states == ["cdp-2026-01-13 locked", "cdp-2026-02-10 approved", "cdp-2026-03-10 draft"])
        #expect(try await PaperRecord.query(in: scope).filter(\.$key == "cdp-2026-03-10-item-1-paper-1").count() == 1)
        #expect(try await AgendaItemRecord.query(in: scope).filter(\.$key == "cdp-proposed-1").count() == 1)
        #expect(try await ActionRecord.query(in: scope).filter(\.$key == "cdp-action-1").count() == 1)
    }

    /// A calendar file with one meeting, and one whose second event has a start that is not a date.
    static let calendarFile = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:audit@example", "DTSTAMP:20260101T000000Z",
        "DTSTART;TZID=Europe/London:20260609T100000", "DTEND;TZID=Europe/London:20260609T113000",
        "SUMMARY:Imported board", "END:VEVENT", "END:VCALENDAR", ""
    ].joined(separator: "\r\n")
    static let brokenCalendarFile = calendarFile.replacingOccurrences(
        of: "END:VCALENDAR",
        with: "BEGIN:VEVENT\r\nUID:broken@example\r\nSUMMARY:Board\r\nDTSTART:2026-13-01\r\nEND:VEVENT\r\nEND:VCALENDAR"
    )

    static let cases: [WriteCase] =
        [
            .init(
                route: "POST /setup/{token}", path: "/setup/{token}",
                form: "email=first%40force.police.uk&password=a+long+enough+password",
                bad: (nil, "email=first%40force.police.uk&password=short"), kind: "user"),
            .init(
                route: "POST /api/v1/areas", path: "/api/v1/areas",
                json: #"{"code":"E06000002","name":"Middlesbrough","kind":"district"}"#,
                bad: (#"{"code":"nope","name":"X","kind":"district"}"#, nil), kind: "area"),
            .init(
                route: "PATCH /api/v1/areas/{key}", path: "/api/v1/areas/E06000001",
                json: #"{"name":"Hartlepool Borough"}"#,
                bad: (#"{"parent_code":"bad"}"#, nil), kind: "area"),
            .init(route: "DELETE /api/v1/areas/{key}", path: "/api/v1/areas/E06000001", bad: (nil, nil), kind: "area"),
            .init(
                route: "POST /api/v1/organisations", path: "/api/v1/organisations",
                json: #"{"key":"police","name":"Police","sector":"police"}"#,
                bad: (#"{"key":"police","name":"","sector":"police"}"#, nil), kind: "organisation"),
            .init(
                route: "PATCH /api/v1/organisations/{key}", path: "/api/v1/organisations/council",
                json: #"{"name":"Council"}"#,
                bad: (#"{"name":""}"#, nil), kind: "organisation"),
            .init(
                route: "DELETE /api/v1/organisations/{key}", path: "/api/v1/organisations/spare-org", bad: (nil, nil),
                kind: "organisation"),
            .init(
                route: "POST /api/v1/persons", path: "/api/v1/persons",
                json: #"{"key":"acc","name":"Assistant Chief Constable"}"#,
                bad: (#"{"key":"acc","name":"","salary_band":-1}"#, nil), kind: "person"),
            .init(
                route: "PATCH /api/v1/persons/{key}", path: "/api/v1/persons/spare", json: #"{"role_title":"Analyst"}"#,
                bad: (#"{"salary_band":0}"#, nil), kind: "person"),
            .init(
                route: "DELETE /api/v1/persons/{key}", path: "/api/v1/persons/spare", bad: (nil, nil), kind: "person"),
            .init(
                route: "POST /api/v1/partnerships", path: "/api/v1/partnerships",
                json: #"{"key":"vawg","name":"VAWG Board","type":"vawg-board"}"#,
                bad: (#"{"key":"vawg","name":"VAWG Board","type":"vawg-board","ended_on":"2020-01-01"}"#, nil),
                kind: "partnership"),
            .init(
                route: "PATCH /api/v1/partnerships/{key}", path: "/api/v1/partnerships/board",
                json: #"{"purpose":"Oversight"}"#,
                bad: (#"{"footprint":["bad"]}"#, nil), kind: "partnership"),
            .init(
                route: "DELETE /api/v1/partnerships/{key}", path: "/api/v1/partnerships/spare-board", bad: (nil, nil),
                kind: "partnership"),
            .init(
                route: "POST /api/v1/partnerships/{key}/end", path: "/api/v1/partnerships/board/end",
                json: #"{"ended_on":"2025-01-01"}"#,
                bad: (#"{"status":"active"}"#, nil), kind: "partnership"),
            .init(
                route: "POST /api/v1/memberships", path: "/api/v1/memberships",
                json: #"{"key":"m2","partnership_key":"board","person_key":"spare"}"#,
                bad: (#"{"key":"m2","partnership_key":"board","person_key":"nobody"}"#, nil), kind: "membership"),
            .init(
                route: "PATCH /api/v1/memberships/{key}", path: "/api/v1/memberships/cdp-dph",
                json: #"{"voting_right":true}"#,
                bad: (#"{"ended_on":"1900-01-01","started_on":"2000-01-01"}"#, nil), kind: "membership"),
            .init(
                route: "DELETE /api/v1/memberships/{key}", path: "/api/v1/memberships/cdp-dph", bad: (nil, nil),
                kind: "membership"),
            .init(
                route: "POST /api/v1/memberships/{key}/end", path: "/api/v1/memberships/cdp-dph/end",
                json: #"{"ended_on":"2025-01-01"}"#,
                bad: (#"{"ended_on":"not-a-date"}"#, nil), kind: "membership"),
            .init(
                route: "POST /api/v1/partnership-relations", path: "/api/v1/partnership-relations",
                json: #"{"from_key":"board","kind":"delivery-arm-of","to_key":"cdp"}"#,
                bad: (#"{"from_key":"board","kind":"reports-to","to_key":"cdp"}"#, nil), kind: "relation"),
            .init(
                route: "DELETE /api/v1/partnership-relations/{from}/{kind}/{to}",
                path: "/api/v1/partnership-relations/cdp/reports-to/board",
                bad: (nil, nil), kind: "relation"),
            .init(
                route: "POST /api/v1/partnerships/{key}/terms-of-reference",
                path: "/api/v1/partnerships/cdp/terms-of-reference",
                json: #"{"quorum":5}"#, bad: (#"{"quorum":0}"#, nil), kind: "terms of reference"),
            .init(
                route: "PATCH /api/v1/partnerships/{key}/terms-of-reference/{version}",
                path: "/api/v1/partnerships/cdp/terms-of-reference/1",
                json: #"{"quorum":6}"#, bad: (#"{"quorum":0}"#, nil), kind: "terms of reference"),
            .init(
                route: "DELETE /api/v1/partnerships/{key}/terms-of-reference/{version}",
                path: "/api/v1/partnerships/cdp/terms-of-reference/1",
                bad: (nil, nil), kind: "terms of reference"),
            .init(
                route: "POST /partnerships/new", path: "/partnerships/new",
                form: "name=Community+Safety+Partnership&type=csp&status=active",
                bad: (nil, "name=&type=csp&status=active"), kind: "partnership"),
            .init(
                route: "POST /partnerships/{key}/edit", path: "/partnerships/cdp/edit",
                form: "name=Drugs+Partnership&type=cdp&status=active&purpose=Harm+to+Hope",
                bad: (nil, "name=Drugs+Partnership&type=cdp&status=active&reports_to=cdp"), kind: "partnership"),
            .init(
                route: "POST /organisations/new", path: "/organisations/new", form: "name=Probation&sector=probation",
                bad: (nil, "name=Probation&sector="), kind: "organisation"),
            .init(
                route: "POST /organisations/{key}/edit", path: "/organisations/council/edit",
                form: "name=Borough+Council&sector=local-government",
                bad: (nil, "name=&sector=local-government"), kind: "organisation"),
            .init(
                route: "POST /persons/new", path: "/persons/new", form: "name=Head+of+Community+Safety",
                bad: (nil, "name="), kind: "person"),
            .init(
                route: "POST /persons/{key}/edit", path: "/persons/dph/edit",
                form: "name=Director+of+Public+Health&seniority=director",
                bad: (nil, "name=Director&salary_band=lots"), kind: "person"),
            .init(
                route: "POST /partnerships/{key}/members/new", path: "/partnerships/board/members/new",
                form: "person_key=spare&role=member",
                bad: (nil, "person_key=spare&organisation_key=council&role=member"), kind: "membership"),
            .init(
                route: "POST /partnerships/{key}/members/{member}/edit", path: "/partnerships/cdp/members/cdp-dph/edit",
                form: "person_key=dph&role=sro&ended_on=2025-03-31",
                bad: (nil, "person_key=dph&role=sro&ended_on=not-a-date"), kind: "membership"),
            .init(
                route: "POST /partnerships/{key}/publish", path: "/partnerships/cdp/publish", form: "",
                bad: (nil, nil), kind: "partnership"),
            .init(
                route: "POST /partnerships/{key}/unpublish", path: "/partnerships/spare-board/unpublish", form: "",
                bad: (nil, nil), kind: "partnership"),
            .init(
                route: "POST /api/v1/partnerships/{key}/publish", path: "/api/v1/partnerships/cdp/publish", json: "{}",
                bad: (nil, nil), kind: "partnership"),
            .init(
                route: "POST /api/v1/partnerships/{key}/unpublish", path: "/api/v1/partnerships/spare-board/unpublish",
                json: "{}",
                bad: (nil, nil), kind: "partnership"),
            .init(
                route: "POST /account/tokens", path: "/account/tokens", form: "label=Dashboard&role=viewer",
                bad: (nil, "label=&role=viewer"), kind: "api token"),
            .init(
                route: "POST /account/tokens/{id}/revoke", path: "/account/tokens/{token}/revoke", form: "",
                bad: (nil, nil), kind: "api token"),
            .init(
                route: "POST /partnerships/{key}/terms-of-reference/new",
                path: "/partnerships/cdp/terms-of-reference/new", form: "quorum=7",
                bad: (nil, "quorum=many"), kind: "terms of reference"),
            .init(
                route: "POST /import", path: "/import",
                upload: "partnership_id,partnership_name,type\nvawg,VAWG Board,vawg-board\n",
                bad: (nil, nil), badUpload: "partnership_id,partnership_name,type\nvawg,VAWG Board,not-a-type\n",
                kind: "partnership")
        ] + meetingCases

    /// A partnership's business, and the personal routes that go with it.
    static let meetingCases: [WriteCase] = onTheMeeting([
        .init(
            route: "POST /partnerships/{key}/reports/new", path: "/partnerships/cdp/reports/new", form: "year=2025",
            bad: (nil, "year=1999"), kind: "progress report"),
        .init(
            route: "POST /partnerships/{key}/meetings/new", path: "/partnerships/cdp/meetings/new",
            form:
                "name=CDP+board&date=2026-05-12&start=10:00&duration=120&format=in-person&place=County+Hall&status=scheduled",
            bad: (
                nil,
                "name=CDP+board&date=2026-05-12&start=25:00&duration=120&format=in-person&place=County+Hall&status=scheduled"
            ), kind: "meeting"),
        .init(
            route: "POST /partnerships/{key}/series/new", path: "/partnerships/cdp/series/new",
            form:
                "name=Delivery+group&first_day=2026-06-02&start=14:00&duration=60&repeats=weekly-2&count=4&format=online&online_url=https%3A%2F%2Fmeet.example%2Fcdp",
            bad: (
                nil,
                "name=Delivery+group&first_day=2026-06-02&start=14:00&duration=60&repeats=weekly-2&count=0&format=online&online_url=https%3A%2F%2Fmeet.example%2Fcdp"
            ),
            kind: "meeting series"),
        .init(
            route: "POST /partnerships/{key}/meetings/import", path: "/partnerships/cdp/meetings/import",
            upload: calendarFile,
            bad: (nil, nil), badUpload: brokenCalendarFile, kind: "meeting"),
        .init(
            route: "POST /partnerships/{key}/backlog", path: "/partnerships/cdp/backlog",
            form: "title=Housing+first&kind=for-discussion",
            bad: (nil, "title=&kind=for-discussion"), kind: "agenda item"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/edit", path: "MEETING/edit",
            form:
                "name=CDP+board+(moved)&date=2026-03-11&start=10:00&duration=120&format=in-person&place=County+Hall&status=scheduled",
            bad: (nil, "name=CDP+board&date=2026-03-11&start=10:00&duration=120&format=online&status=scheduled"),
            kind: "meeting"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/agenda", path: "MEETING/agenda",
            form: "title=Housing+first&kind=for-information&duration=10",
            bad: (nil, "title=Housing+first&kind=for-nothing"), kind: "agenda item"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/move",
            path: "MEETING/agenda/cdp-2026-03-10-item-1/move",
            form: "move=backlog", bad: (nil, "move=sideways"), kind: "agenda item"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/schedule",
            path: "MEETING/agenda/cdp-proposed-1/schedule",
            form: "", bad: (nil, nil), kind: "agenda item"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/edit",
            path: "MEETING/agenda/cdp-2026-03-10-item-1/edit",
            form: "title=Naloxone+in+custody&kind=for-decision&duration=15", bad: (nil, "title=&kind=for-decision"),
            kind: "agenda item"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/decision",
            path: "MEETING/agenda/cdp-2026-03-10-item-1/decision",
            form: "decision=Agreed&rationale=Fewer+deaths", bad: (nil, "rationale=Fewer+deaths"), kind: "decision"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/agenda/{item}/papers",
            path: "MEETING/agenda/cdp-2026-03-10-item-1/papers",
            upload: "month,admissions\n2026-02,12\n", bad: (nil, nil), badUpload: "", kind: "paper"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/attendance", path: "MEETING/attendance",
            form: "status-dph=present",
            bad: (nil, "status-dph=substitute"), kind: "attendance"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/minutes", path: "MEETING/minutes",
            form: "text=The+board+agreed+the+plan",
            bad: (nil, nil), kind: "minutes"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/minutes/approve", path: "MEETING/minutes/approve",
            form: "at_meeting=cdp-2026-04-14",
            bad: (nil, "at_meeting=cdp-2026-01-13"), kind: "minutes"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/declarations", path: "MEETING/declarations",
            form: "person_key=dph&item_key=cdp-2026-03-10-item-1&matter=Trustee+of+a+charity&action=left-the-room",
            bad: (nil, "person_key=dph&matter=+&action=left-the-room"), kind: "meeting-declaration"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/minutes/lock",
            path: "/partnerships/cdp/meetings/cdp-2026-02-10/minutes/lock",
            form: "", bad: (nil, nil), kind: "minutes"),
        .init(
            route: "POST /partnerships/{key}/meetings/{meeting}/minutes/addenda",
            path: "/partnerships/cdp/meetings/cdp-2026-01-13/minutes/addenda",
            form: "text=The+vote+was+four+to+one", bad: (nil, "text=+"), kind: "minutes"),
        .init(
            route: "POST /partnerships/{key}/actions/new", path: "/partnerships/cdp/actions/new",
            form: "meeting=cdp-2026-03-10&title=Map+the+treatment+services&owner=person:dph",
            bad: (nil, "meeting=cdp-2026-03-10&title=Map+the+treatment+services&owner="), kind: "action"),
        .init(
            route: "POST /partnerships/{key}/actions/{action}/updates",
            path: "/partnerships/cdp/actions/cdp-action-1/updates",
            form: "text=Under+way&status=in-progress", bad: (nil, "text=Under+way&status=finished"), kind: "action"),
        .init(
            route: "POST /account/person", path: "/account/person", form: "person_key=dph",
            bad: (nil, "person_key=nobody"), kind: "account person"),
        .init(
            route: "POST /calendar/feeds", path: "/calendar/feeds", form: "kind=partnership&partnership_key=cdp",
            bad: (nil, "kind=partnership&partnership_key=nobody"), kind: "calendar feed"),
        .init(
            route: "POST /calendar/feeds/{id}/revoke", path: "/calendar/feeds/{feed}/revoke", form: "", bad: (nil, nil),
            kind: "calendar feed"),
        .init(route: "POST /themes", path: "/themes", form: "name=Knife+crime", bad: (nil, "name="), kind: "theme"),
        .init(
            route: "POST /themes/retire", path: "/themes/retire", form: "name=housing", bad: (nil, "name=nothing"),
            kind: "theme"),
        // The analyses' settings, support costs and a triage plan.
        .init(
            route: "POST /analysis/settings", path: "/analysis/settings", form: "hours-per-year=1800",
            bad: (nil, "hours-per-year=lots"), kind: "setting"),
        .init(
            route: "POST /analysis/support-costs", path: "/analysis/support-costs",
            form: "partnership=cdp&label=Secretariat&minutes_per_meeting=240",
            bad: (nil, "partnership=cdp&label=&minutes_per_meeting=240"), kind: "support cost"),
        .init(
            route: "POST /analysis/triage", path: "/analysis/triage", form: "person=dph&capacity=100",
            bad: (nil, "person=nobody&capacity=100"),
            kind: "triage plan"),
        // Strategies and priorities.
        .init(
            route: "POST /strategies/new", path: "/strategies/new",
            form: "name=CDP+strategy&kind=partnership-strategy&owner=partnership:cdp&status=active",
            bad: (nil, "name=&kind=partnership-strategy&owner=partnership:cdp&status=active"), kind: "strategy"),
        .init(
            route: "POST /strategies/{key}/edit", path: "/strategies/police-and-crime-plan/edit",
            form: "name=Police+and+Crime+Plan+2024&kind=police-and-crime-plan&owner=organisation:council&status=active",
            bad: (nil, "name=Police+and+Crime+Plan&kind=police-and-crime-plan&owner=partnership:cdp&status=active"),
            kind: "strategy"),
        .init(
            route: "POST /strategies/{key}/priorities/new", path: "/strategies/police-and-crime-plan/priorities/new",
            form: "title=Safer+streets&framework_objective_keys[]=harm-to-hope-1", bad: (nil, "title="),
            kind: "priority"),
        .init(
            route: "POST /strategies/{key}/priorities/{priority}/edit",
            path: "/strategies/police-and-crime-plan/priorities/police-and-crime-plan-reduce-drug-harm/edit",
            form: "title=Reduce+drug+harm+and+deaths",
            bad: (nil, "title=&framework_objective_keys[]=no-such-objective"), kind: "priority"),
        // Guidance: templates (administrators) and a partnership's evidence for its steps.
        .init(
            route: "POST /guidance/new", path: "/guidance/new",
            form:
                "title=Plan&key=plan-2023&version=1&partnership_type=vawg-board&published_on=2023-01-01&steps%5B0%5D%5Btitle%5D=A&steps%5B0%5D%5Bevidence%5D=E&steps%5B0%5D%5Bdue_months%5D=1",
            bad: (nil, "title=Plan&key=plan-2023&version=1&partnership_type=vawg-board&published_on=2023-01-01"),
            kind: "guidance-template"),
        .init(
            route: "POST /guidance/import", path: "/guidance/import", upload: guidanceFile, bad: (nil, nil),
            badUpload: "{}", kind: "guidance-template"),
        .init(
            route: "POST /api/v1/guidance/templates", path: "/api/v1/guidance/templates", json: guidanceFile,
            bad: (#"{"templates":[{"key":"svd-2022"}]}"#, nil), kind: "guidance-template"),
        .init(
            route: "POST /partnerships/{key}/milestones/{template}/{step}/{occurrence}/evidence",
            path: "/partnerships/cdp/milestones/cdp-guidance-2022/joint-needs-assessment/0/evidence",
            upload: "area,deaths\nCounty,12\n", bad: (nil, nil), badUpload: "", kind: "guidance-evidence"),
        .init(
            route: "POST /api/v1/partnerships/{key}/milestones/{template}/{step}/{occurrence}/evidence",
            path: "/api/v1/partnerships/cdp/milestones/cdp-guidance-2022/form-partnership/0/evidence",
            json: #"{"note":"The board met","marks_done":true}"#, bad: (#"{"marks_done":true}"#, nil),
            kind: "guidance-evidence"),
        // Surveys: made, their questions, opened, their links, and a respondent's answers through a link.
        .init(
            route: "POST /surveys/new", path: "/surveys/new", form: "title=Another+survey&template=",
            bad: (nil, "title=&template="), kind: "survey"),
        .init(
            route: "POST /surveys/{key}/questions/new", path: "/surveys/partners-survey/questions/new",
            form: "text=Anything+else%3F&kind=free_text", bad: (nil, "text=&kind=free_text"), kind: "survey"),
        .init(
            route: "POST /surveys/{key}/questions/{question}/remove",
            path: "/surveys/partners-survey/questions/q19/remove", bad: (nil, nil), kind: "survey"),
        .init(
            route: "POST /surveys/{key}/status", path: "/surveys/partners-survey/status", form: "status=open",
            bad: (nil, "status=draft"), kind: "survey"),
        .init(
            route: "POST /surveys/import", path: "/surveys/import",
            upload: "ID,Too many partnerships are talking shops\n1,Agree\n2,Strongly disagree\n", bad: (nil, nil),
            badUpload: "", kind: "survey"),
        .init(
            route: "POST /api/v1/surveys", path: "/api/v1/surveys",
            json: #"{"title":"API survey","template":"partnership-system","anonymous":true}"#,
            bad: (#"{"title":"","template":"nope"}"#, nil), kind: "survey"),
        .init(
            route: "POST /surveys/{key}/links", path: "/surveys/open-survey/links", form: "persons%5B%5D=dph",
            bad: (nil, "persons%5B%5D=nobody"), kind: "survey-link"),
        .init(
            route: "POST /respond/{secret}/{page}", path: "/respond/{secret}/1",
            form: "q1=agree&q2=agree&q3=neither&q4=disagree&q5=strongly_agree&q6=dont_know",
            bad: (nil, "q1=sometimes"), kind: "survey-response"),
        .init(
            route: "POST /respond/{secret}/check", path: "/respond/{answered}/check", bad: (nil, nil),
            kind: "survey-response"),
        // Reviews: made, their steps, and the reviewer's decision on a recommendation.
        .init(
            route: "POST /reviews/new", path: "/reviews/new", form: "title=Second+review&from=2026-01-01&to=2026-03-31",
            bad: (nil, "title=&from=2026-01-01&to=x"), kind: "review"),
        .init(
            route: "POST /reviews/{key}/status", path: "/reviews/review/status", form: "status=in-consultation",
            bad: (nil, "status=final"), kind: "review"),
        .init(
            route: "POST /reviews/{key}/partnerships/{partnership}", path: "/reviews/review/partnerships/cdp",
            form: "decision=reform&rationale=Too+many+meetings", bad: (nil, "decision=reform&rationale="),
            kind: "review-recommendation"),
        // A declaration of interest, by a person, kept once.
        .init(
            route: "POST /persons/{key}/interests", path: "/persons/dph/interests",
            form: "kind=directorship&organisation_key=spare-org&matter=Trustee&from=2025-01-01",
            bad: (nil, "kind=directorship&matter=&from=2025-01-01"), kind: "interest"),
        // The weekly digest of alerts, chosen by the user.
        .init(
            route: "POST /alerts/digest", path: "/alerts/digest", form: "weekly=yes", bad: (nil, nil),
            kind: "digest-choice"),
        // Data sharing: agreements and requests for data.
        .init(
            route: "POST /sharing/agreements/new", path: "/sharing/agreements/new", form: agreementForm("Health+data"),
            bad: (nil, agreementForm("Health+data").replacingOccurrences(of: "public-task", with: "whim")),
            kind: "agreement"),
        .init(
            route: "POST /sharing/agreements/{key}/edit", path: "/sharing/agreements/drug-data/edit",
            form: agreementForm("Drug+data+2026"), bad: (nil, agreementForm("")), kind: "agreement"),
        .init(
            route: "POST /sharing/requests/new", path: "/sharing/requests/new", form: requestForm("Admissions"),
            bad: (nil, requestForm("")), kind: "data-request"),
        .init(
            route: "POST /sharing/requests/{key}/answer", path: "/sharing/requests/arrest-figures/answer",
            form: "answered_on=2026-05-20&outcome=provided", bad: (nil, "answered_on=2026-05-20&outcome=refused"),
            kind: "data-request"),
        .init(
            route: "POST /api/v1/agreements", path: "/api/v1/agreements", json: agreementJSON("API agreement"),
            bad: (agreementJSON(""), nil), kind: "agreement"),
        .init(
            route: "PUT /api/v1/agreements/{key}", path: "/api/v1/agreements/drug-data",
            json: agreementJSON("Drug data"),
            bad: (agreementJSON("Drug data").replacingOccurrences(of: "spare-org", with: "nobody"), nil),
            kind: "agreement"),
        .init(
            route: "POST /api/v1/data-requests", path: "/api/v1/data-requests", json: requestJSON("Stops"),
            bad: (requestJSON(""), nil), kind: "data-request"),
        .init(
            route: "PUT /api/v1/data-requests/{key}", path: "/api/v1/data-requests/arrest-figures",
            json: requestJSON("Arrest figures", answer: #","answered_on":"2026-05-20","outcome":"provided""#),
            bad: (requestJSON("Arrest figures", answer: #","answered_on":"2026-05-20","outcome":"refused""#), nil),
            kind: "data-request"),
        // Declarations of interest in the API: a person's, and one made at a meeting.
        .init(
            route: "POST /api/v1/persons/{key}/interests", path: "/api/v1/persons/dph/interests",
            json: #"{"kind":"directorship","matter":"Trustee","from":"2025-01-01"}"#,
            bad: (#"{"kind":"directorship","matter":"","from":"2025-01-01"}"#, nil), kind: "interest"),
        .init(
            route: "POST /api/v1/partnerships/{key}/meetings/{meeting}/declarations",
            path: "/api/v1/partnerships/cdp/meetings/cdp-2026-03-10/declarations",
            json: #"{"person_key":"dph","matter":"Trustee of a charity","action":"remained"}"#,
            bad: (#"{"person_key":"dph","matter":"","action":"remained"}"#, nil), kind: "meeting-declaration"),
        // People and roles, by an administrator: "viewer@office.example.org" has the viewer's role.
        .init(
            route: "POST /admin/people/invite", path: "/admin/people/invite",
            form: "email=new%40office.example.org&role=editor",
            bad: (nil, "email=not-an-address&role=editor"), kind: "invitation"),
        .init(
            route: "POST /admin/people/{email}/role", path: "/admin/people/{viewer}/role", form: "role=secretariat",
            bad: (nil, "role=emperor"), kind: "user"),
        .init(
            route: "POST /admin/people/{email}/suspend", path: "/admin/people/{viewer}/suspend", form: "",
            bad: (nil, nil), kind: "user"),
        .init(
            route: "POST /admin/people/{email}/restore", path: "/admin/people/{suspended}/restore", form: "",
            bad: (nil, nil), kind: "user"),
        .init(
            route: "POST /admin/people/{email}/remove", path: "/admin/people/{viewer}/remove", form: "",
            bad: (nil, nil), kind: "user"),
        .init(
            route: "POST /admin/people/{email}/grant", path: "/admin/people/{viewer}/grant",
            form: "partnership_key=cdp",
            bad: (nil, "partnership_key=nothing"), kind: "partnership grant"),
        .init(
            route: "POST /admin/people/{email}/revoke", path: "/admin/people/{granted}/revoke",
            form: "partnership_key=cdp",
            bad: (nil, "partnership_key=board"), kind: "partnership grant"),
        // Signing out everywhere (the test's own sessions and tokens).
        .init(
            route: "POST /account/sessions/end", path: "/account/sessions/end", form: "", bad: (nil, nil),
            kind: "user"),
        // An invitation accepted with a password.
        .init(
            route: "POST /invitations/{secret}", path: "/invitations/{invitation}",
            form: "password=a-long-enough-password",
            bad: (nil, "password=short"), kind: "invitation"),
        // The network: the office's partnership lead, and the library of templates.
        .init(
            route: "POST /network/leads/ours", path: "/network/leads/ours",
            form: "force_area_code=E23000023&office=Director+of+Partnerships&organisation=OPCC",
            bad: (nil, "force_area_code=E23000023&office=Director&organisation="), kind: "network-lead"),
        .init(
            route: "PUT /api/v1/network/leads/ours", path: "/api/v1/network/leads/ours",
            json: #"{"force_area_code":"E23000023","office":"Partnerships lead","organisation":"OPCC"}"#,
            bad: (#"{"force_area_code":"E99999999","office":"Partnerships lead","organisation":"OPCC"}"#, nil),
            kind: "network-lead"),
        .init(
            route: "DELETE /api/v1/network/leads/ours", path: "/api/v1/network/leads/ours", bad: (nil, nil),
            kind: "network-lead"),
        .init(
            route: "POST /network/library/share", path: "/network/library/share",
            form: "source=survey:open-survey&note=It+worked", bad: (nil, "source=survey:nothing"), kind: "library-item"),
        .init(
            route: "POST /api/v1/network/library", path: "/api/v1/network/library",
            json: #"{"source":"survey:open-survey"}"#, bad: (#"{"source":"terms:nothing"}"#, nil), kind: "library-item"),
        .init(
            route: "POST /network/library/{workspace}/{key}/copy",
            path: "/network/library/default/terms-of-reference-of-the-drugs-partnership/copy",
            form: "partnership_key=board", bad: (nil, "partnership_key="), kind: "terms of reference"),
        .init(
            route: "POST /api/v1/network/library/{workspace}/{key}/copy",
            path: "/api/v1/network/library/default/partners-survey/copy", json: "{}", bad: (nil, nil), kind: "survey"),
        .init(
            route: "POST /network/library/ours/{key}/withdraw", path: "/network/library/ours/partners-survey/withdraw",
            form: "", bad: (nil, nil), kind: "library-item"),
        // Outcomes: files of values and targets, a local indicator, a partnership's framework, funding streams.
        .init(
            route: "POST /outcomes/import", path: "/outcomes/import", upload: measurementsFile, bad: (nil, nil),
            badUpload: "indicator_id,area_code,period,value\nnope,E10000003,2023,4.2\n", kind: "measurements",
            fields: [("kind", "measurements")]),
        .init(
            route: "POST /outcomes/indicators/new", path: "/outcomes/indicators/new",
            form:
                "indicator_id=local-kits&name=Naloxone+kits&unit=count&polarity=higher-is-better&source=Plan"
                + "&frequency=quarterly&geography=upper-tier-authority",
            bad: (nil, "indicator_id=&name="), kind: "indicator"),
        .init(
            route: "POST /api/v1/indicators", path: "/api/v1/indicators",
            json:
                #"{"id":"api-kits","name":"Kits","unit":"count","polarity":"higher-is-better","source":"Plan","#
                + #""frequency":"annual","geography":"upper-tier-authority","outcomes":[]}"#,
            bad: (
                #"{"id":"cdof-drug-misuse-deaths","name":"Kits","unit":"count","polarity":"higher-is-better","#
                    + #""source":"Plan","frequency":"annual","geography":"upper-tier-authority","outcomes":[]}"#, nil
            ), kind: "indicator"),
        .init(
            route: "POST /api/v1/measurements", path: "/api/v1/measurements", json: measurementsFile,
            bad: ("indicator_id,area_code\n", nil), kind: "measurements"),
        .init(
            route: "POST /api/v1/targets", path: "/api/v1/targets",
            json: "indicator_id,area_code,period,target\ncdof-drug-misuse-deaths,E10000003,2023,4.5\n",
            bad: ("indicator_id,area_code,period,target\ncdof-drug-misuse-deaths,E10000003,2023,lots\n", nil),
            kind: "target"),
        .init(
            route: "POST /partnerships/{key}/framework", path: "/partnerships/cdp/framework",
            form: "area_code=E10000003&indicators%5B%5D=cdof-numbers-in-treatment", bad: (nil, "area_code=x"),
            kind: "performance-framework"),
        .init(
            route: "PUT /api/v1/partnerships/{key}/framework", path: "/api/v1/partnerships/cdp/framework",
            json:
                #"{"area_code":"E10000003","indicators":[{"indicator_id":"cdof-numbers-in-treatment","priority_keys":[]}]}"#,
            bad: (#"{"area_code":"x","indicators":[]}"#, nil), kind: "performance-framework"),
        .init(
            route: "POST /funding/new", path: "/funding/new", form: streamForm("Treatment+grant"),
            bad: (nil, streamForm("")), kind: "funding-stream"),
        .init(
            route: "POST /funding/{key}/edit", path: "/funding/initial-grant/edit", form: streamForm("First+grant"),
            bad: (nil, streamForm("Initial+grant").replacingOccurrences(of: "2026-27", with: "2026")),
            kind: "funding-stream"),
        .init(
            route: "POST /api/v1/funding-streams", path: "/api/v1/funding-streams", json: streamJSON("Drug testing"),
            bad: (streamJSON(""), nil), kind: "funding-stream"),
        .init(
            route: "PUT /api/v1/funding-streams/{key}", path: "/api/v1/funding-streams/initial-grant",
            json: streamJSON("First grant"),
            bad: (streamJSON("First grant").replacingOccurrences(of: "council", with: "nobody"), nil),
            kind: "funding-stream"),
        // The same business through the API.
        .init(
            route: "POST /api/v1/partnerships/{key}/meetings", path: "/api/v1/partnerships/cdp/meetings",
            json: #"{"name":"CDP board","starts_at":"2026-05-12T09:00:00Z","ends_at":"2026-05-12T11:00:00Z"}"#,
            bad: (#"{"name":"","starts_at":"2026-05-12T09:00:00Z"}"#, nil), kind: "meeting"),
        .init(
            route: "POST /api/v1/partnerships/{key}/series", path: "/api/v1/partnerships/cdp/series",
            json:
                #"{"name":"Delivery group","first_day":"2026-06-02","start_minute":840,"duration_minutes":60,"rule":"FREQ=WEEKLY;COUNT=2"}"#,
            bad: (
                #"{"name":"Delivery group","first_day":"2026-06-02","start_minute":840,"duration_minutes":60,"rule":"FREQ=WEEKLY"}"#,
                nil
            ),
            kind: "meeting series"),
        .init(
            route: "POST /api/v1/partnerships/{key}/calendar", path: "/api/v1/partnerships/cdp/calendar",
            json: calendarFile,
            bad: (brokenCalendarFile, nil), kind: "meeting"),
        .init(
            route: "PUT /api/v1/partnerships/{key}/meetings/{meeting}/attendance", path: "API-MEETING/attendance",
            json: #"{"attendance":[{"person_key":"dph","status":"present"}]}"#,
            bad: (#"{"attendance":[{"person_key":"nobody","status":"present"}]}"#, nil), kind: "attendance"),
        .init(
            route: "POST /api/v1/partnerships/{key}/meetings/{meeting}/items", path: "API-MEETING/items",
            json: #"{"title":"Housing first","duration_minutes":10}"#, bad: (#"{"title":""}"#, nil), kind: "agenda item"
        ),
        .init(
            route: "PUT /api/v1/partnerships/{key}/meetings/{meeting}/minutes", path: "API-MEETING/minutes",
            json: #"{"text":"The board agreed the plan"}"#, bad: (#"{"text":5}"#, nil), kind: "minutes"),
        .init(
            route: "POST /api/v1/partnerships/{key}/meetings/{meeting}/minutes/approve",
            path: "API-MEETING/minutes/approve",
            json: #"{"at_meeting":"cdp-2026-04-14"}"#, bad: (#"{"at_meeting":"cdp-2026-01-13"}"#, nil), kind: "minutes"),
        .init(
            route: "POST /api/v1/partnerships/{key}/meetings/{meeting}/minutes/lock",
            path: "/api/v1/partnerships/cdp/meetings/cdp-2026-02-10/minutes/lock",
            json: "{}", bad: (nil, nil), kind: "minutes"),
        .init(
            route: "POST /api/v1/partnerships/{key}/meetings/{meeting}/minutes/addenda",
            path: "/api/v1/partnerships/cdp/meetings/cdp-2026-01-13/minutes/addenda",
            json: #"{"text":"The vote was four to one"}"#, bad: (#"{"text":" "}"#, nil), kind: "minutes"),
        .init(
            route: "POST /api/v1/partnerships/{key}/actions", path: "/api/v1/partnerships/cdp/actions",
            json: #"{"title":"Map the treatment services","owner_person_key":"dph","meeting_key":"cdp-2026-03-10"}"#,
            bad: (#"{"title":"Map the treatment services"}"#, nil), kind: "action"),
        .init(
            route: "POST /api/v1/partnerships/{key}/actions/{action}/updates",
            path: "/api/v1/partnerships/cdp/actions/cdp-action-1/updates",
            json: #"{"text":"Under way","status":"in-progress"}"#, bad: (#"{"status":"finished"}"#, nil), kind: "action"
        )
    ])

    /// "MEETING/…" is a path under the meeting most cases work on.
    static func onTheMeeting(_ cases: [WriteCase]) -> [WriteCase] {
        cases.map { c in
            var c = c
            c.path = c.path.replacingOccurrences(
                of: "API-MEETING/", with: "/api/v1/partnerships/cdp/meetings/cdp-2026-03-10/"
            )
            .replacingOccurrences(of: "MEETING/", with: "/partnerships/cdp/meetings/cdp-2026-03-10/")
            return c
        }
    }

    /// The setup link exists only while nobody has an account, so its case removes the test's own user first.
    static func resolve(_ path: String, _ app: Application) async throws -> String {
        for (placeholder, state) in [("{viewer}", ""), ("{suspended}", "suspended"), ("{granted}", "granted")]
        where path.contains(placeholder) {
            let email = "viewer@office.example.org"
            try await Accounts.addUser(
                email: email, password: "a-long-enough-password", role: .viewer, on: app.db,
                passwords: app.password.async)
            if state == "suspended" { try await Accounts.suspend(email: email, on: app.db, now: TestClock.now) }
            if state == "granted" { try await Accounts.grant(email: email, partnership: "cdp", on: app.db) }
            return path.replacingOccurrences(of: placeholder, with: email)
        }
        if path == "/invitations/{invitation}" {
            return try await Tasks.invite("invited@office.example.org", role: .viewer, db: app.db, now: TestClock.now)
                .link
        }
        if path.contains("{secret}") || path.contains("{answered}") {
            // A personal link to the open survey; for "{answered}", with every question already answered.
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            let made = try await SurveyBusiness.makeLinks("open-survey", persons: ["dph"], organisations: [], in: scope)
            let secret = try made.get()[0].secret
            if path.contains("{answered}") {
                let opened = try await SurveyLinks.open(secret, on: app.db, now: app.convene.now)
                let answers = Dictionary(
                    uniqueKeysWithValues: opened.survey.questions.map {
                        ($0.key, $0.kind == .likert ? SurveyAnswer.likert(.agree) : .text("Fine"))
                    })
                #expect(try await SurveyLinks.save(answers, submit: false, opened, secret: secret) == [])
            }
            return path.replacingOccurrences(of: "{secret}", with: secret).replacingOccurrences(
                of: "{answered}", with: secret)
        }
        if path.contains("{feed}") {
            _ = try await app.send(.POST, "/calendar/feeds", form: "kind=workspace")
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            let feed = try #require(try await FeedTokenRecord.query(in: scope).filter(\.$revokedAt == nil).first())
            return path.replacingOccurrences(of: "{feed}", with: try feed.requireID().uuidString)
        }
        if path.contains("{token}/revoke") {
            let id = try await Accounts.createToken(
                email: TestIdentity.email, label: "to revoke", role: .viewer, on: app.db
            ).id
            return path.replacingOccurrences(of: "{token}", with: id.uuidString)
        }
        guard path == "/setup/{token}" else { return path }
        try await TestIdentity.removeEveryAccount(app)
        return try await Accounts.setupLink(on: app.db, now: app.convene.now) ?? ""
    }

    static func method(_ route: String) -> HTTPMethod { HTTPMethod(rawValue: String(route.split(separator: " ")[0])) }

    static func auditCount(_ app: Application) async throws -> Int {
        try await AuditEventRecord.query(on: app.db).count()
    }

    @Test(arguments: cases) func aWriteLeavesAnAuditEntry(_ write: WriteCase) async throws {
        try await withConveneApp(seed: Self.seed) { app, _ in
            // Setup: the base register (`seed`)
            let path = try await Self.resolve(write.path, app)
            let before = try await Self.auditCount(app)

            // Act
            let response = try await app.send(
                Self.method(write.route), path, json: write.json, form: write.form,
                upload: write.uploaded)

            // Check
            #expect((200..<400).contains(Int(response.status.code)), "\(response.status): \(response.text.prefix(300))")
            let events = try await AuditEventRecord.query(on: app.db).sort(\.$at, .descending).all()
            #expect(events.count > before)
            #expect(events.contains { $0.kind == write.kind }, "an audit entry for the \(write.kind)")
            #expect(events.allSatisfy { !$0.actor.isEmpty })
        }
    }

    @Test(arguments: cases.filter { $0.bad.json != nil || $0.bad.form != nil || $0.badUpload != nil })
    func aFailedWriteLeavesNone(_ write: WriteCase) async throws {
        try await withConveneApp(seed: Self.seed) { app, _ in
            // Setup: the base register (`seed`)
            let path = try await Self.resolve(write.path, app)
            let before = try await Self.auditCount(app)

            // Act
            let response = try await app.send(
                Self.method(write.route), path, json: write.bad.json, form: write.bad.form,
                upload: write.badUploaded)

            // Check
            #expect(response.status.code >= 400, "\(response.status)")
            #expect(try await Self.auditCount(app) == before)
        }
    }

    /// Posts that change only the session: signing in and out, and choosing a workspace. Attempts and sessions
    /// are kept in tables of their own.
    static let sessionOnly: Set<String> = ["POST /sign-in", "POST /sign-out", "POST /account/workspaces"]

    /// The table above names every write route there is; a new write route fails here until it is added.
    @Test func everyWriteRouteIsCovered() async throws {
        try await withConveneApp { app in
            // Setup
            let writes = Set(
                app.routes.all.filter { $0.method != .GET && $0.method != .HEAD }.map { route in
                    "\(route.method.rawValue) /"
                        + route.path.map { component -> String in
                            if case .parameter(let name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                })

            // Check
            #expect(writes.subtracting(Self.sessionOnly) == Set(Self.cases.map(\.route)))
        }
    }

    @Test func importsAreAuditedAndExported() async throws {
        try await withConveneApp(seed: Self.seed) { app, _ in
            // Setup: the base register (`seed`)

            // Act
            let lines = String(decoding: try await Tasks.exportAudit(on: app.db), as: UTF8.self).split(separator: "\n")
            let page = try await app.send(.GET, "/history?kind=partnership&key=cdp")
            _ = try await app.send(.PATCH, "/api/v1/partnerships/cdp", json: #"{"purpose":"Cut drug harm"}"#)
            let changed = try await app.send(.GET, "/history?kind=partnership&key=cdp")

            // Check
            #expect(lines.count >= 8)
            #expect(
                lines.contains { $0.contains("\"actor\":\"command line\"") }, "the import was made on the command line")
            #expect(
                lines.contains { $0.contains("\"actor\":\"\(TestIdentity.email)\"") },
                "the API calls name the signed-in user")
            #expect(page.text.contains("Drugs Partnership") || page.text.contains("cdp"))
            #expect(changed.text.contains("purpose"))
            #expect(changed.text.contains("Cut drug harm"))
        }
    }
}
