import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// A CDP's task list from the shipped guidance: the dates from its own start, the rules read from the register's
/// records, evidence kept and steps marked done by a person, through the command's function, the pages and the API.
@Suite struct GuidanceTests {
    /// A CDP started on 2024-01-01 whose Director of Public Health is its SRO, with approved terms of reference.
    static func setUpCDP(_ app: Application, terms: Bool = true) async throws {
        _ = try await app.importCSV(
            """
            partnership_id,partnership_name,type,started_on,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
            cdp,Drugs Partnership,cdp,2024-01-01,cdp-dph,dph,Director of Public Health,council,County Council,local-government,sro
            """)
        if terms {
            let made = try await app.send(
                .POST, "/api/v1/partnerships/cdp/terms-of-reference", json: #"{"quorum":4,"approved_on":"2024-02-01"}"#)
            #expect(made.status == .created, "\(made.text)")
        }
    }

    static func tasks(_ json: String) throws -> [String: [String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let templates = object?["templates"] as? [[String: Any]] ?? []
        let tasks = templates.first?["tasks"] as? [[String: Any]] ?? []
        return Dictionary(
            tasks.map { ("\($0["step"] as? String ?? "")#\($0["occurrence"] as? Int ?? -1)", $0) },
            uniquingKeysWith: { a, _ in a })
    }

    @Test func aCDPStartedIn2024IsDueAtTheGuidancesIntervalsAndShowsWhatTheRegisterKnows() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUpCDP(app)

            // Act: what `convene milestones cdp --on 2024-09-01 --format json` prints.
            let json = try await Tasks.milestones("cdp", on: Day("2024-09-01"), format: .json, db: app.db)
            let tasks = try Self.tasks(json)

            // Check
            #expect(
                tasks.mapValues { $0["due"] as? String ?? "" } == [
                    "nominate-sro#0": "2024-03-01", "form-partnership#0": "2024-03-01",
                    "confirm-footprint#0": "2024-03-01", "agree-terms-of-reference#0": "2024-04-30",
                    "joint-needs-assessment#0": "2024-06-30", "delivery-plan#0": "2024-07-31",
                    "performance-framework#0": "2024-07-31", "progress-report#0": "2024-11-30"
                ])
            #expect(
                tasks.filter { $0.value["status"] as? String == "done" }.keys.sorted() == [
                    "agree-terms-of-reference#0", "nominate-sro#0"
                ])
            #expect(
                tasks.filter { $0.value["overdue"] as? Bool == true }.keys.sorted() == [
                    "confirm-footprint#0", "delivery-plan#0", "form-partnership#0", "joint-needs-assessment#0",
                    "performance-framework#0"
                ])
            #expect(tasks["nominate-sro#0"]?["done_by"] as? String == "rule")
            let records = tasks["nominate-sro#0"]?["records"] as? [[String: String]]
            #expect(records?.first?["href"] == "/persons/dph")
            #expect(json.contains("\"starts_from\" : \"2024-01-01\""))
        }
    }

    @Test func theTextFormatAndAnUnknownPartnership() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUpCDP(app, terms: false)

            // Act
            let text = try await Tasks.milestones("cdp", on: Day("2024-03-02"), format: .text, db: app.db)

            // Check
            #expect(text.contains("2024-03-01  Done                      nominate-sro"))
            #expect(text.contains("2024-03-01  Not started, overdue      form-partnership"))
            await #expect(throws: Tasks.Failure.self) {
                _ = try await Tasks.milestones("nobody", format: .text, db: app.db)
            }
        }
    }

    @Test func theFootprintAndDeliveryPlanRulesReadTheRecords() async throws {
        try await withConveneApp { app in
            // Setup: a county of two districts; the CDP covers one of them, then both.
            try await Self.setUpCDP(app)
            for area in [
                #"{"code":"E10000034","name":"Worcestershire","kind":"upper-tier-authority"}"#,
                #"{"code":"E07000234","name":"Bromsgrove","kind":"district","parent_code":"E10000034"}"#,
                #"{"code":"E07000235","name":"Malvern Hills","kind":"district","parent_code":"E10000034"}"#
            ] {
                _ = try await app.send(.POST, "/api/v1/areas", json: area)
            }
            // The ONS lookup's links from each district to its county.
            for district in ["E07000234", "E07000235"] {
                let link = AreaLinkRecord()
                link.districtCode = district
                link.areaCode = "E10000034"
                try await link.create(on: app.db)
            }
            func status(_ step: String) async throws -> String? {
                let response = try await app.send(.GET, "/api/v1/partnerships/cdp/milestones?on=2024-09-01")
                let tasks = try Self.tasks(response.text)
                return tasks["\(step)#0"]?["status"] as? String
            }
            _ = try await app.send(.PATCH, "/api/v1/partnerships/cdp", json: #"{"footprint":["E07000234"]}"#)
            let half = try await status("confirm-footprint")

            // Act
            _ = try await app.send(
                .PATCH, "/api/v1/partnerships/cdp", json: #"{"footprint":["E07000234","E07000235"]}"#)
            let whole = try await status("confirm-footprint")
            _ = try await app.send(
                .POST, "/strategies/new",
                form: "name=CDP+delivery+plan&kind=delivery-plan&owner=partnership:cdp&status=active")
            let noPriorities = try await status("delivery-plan")
            _ = try await app.send(.POST, "/strategies/cdp-delivery-plan/priorities/new", form: "title=Treatment")
            let withPriorities = try await status("delivery-plan")

            // Check
            #expect(half == "not-started")
            #expect(whole == "done")
            #expect(noPriorities == "cannot-start-yet")
            #expect(withPriorities == "done")
        }
    }

    @Test func thePartnershipPageLinksToTheTaskListWhichShowsEachStep() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUpCDP(app)
            _ = try await app.send(
                .POST, "/api/v1/partnerships", json: #"{"key":"forum","name":"Forum","type":"forum"}"#)

            // Act
            let page = try await app.send(.GET, "/partnerships/cdp")
            let forum = try await app.send(.GET, "/partnerships/forum")
            let list = try await app.send(.GET, "/partnerships/cdp/milestones")

            // Check: the test clock's today is 16 June 2026, so the third progress report is listed.
            #expect(page.text.contains("href=\"/partnerships/cdp/milestones\""))
            #expect(!forum.text.contains("/milestones"))
            #expect(list.status == .ok)
            #expect(list.text.contains("Nominate your local senior responsible owner (SRO)"))
            #expect(list.text.contains("Director of Public Health, SRO"))
            #expect(list.text.contains("due 30 November 2026"))
            #expect(list.text.contains("tag--red"))
        }
    }

    @Test func evidenceIsUploadedKeptAndServedAndAStepIsMarkedDoneWithAReason() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUpCDP(app)
            let path = "/partnerships/cdp/milestones/cdp-guidance-2022/form-partnership/0/evidence"

            // Act
            let form = try await app.send(.GET, path)
            let uploaded = try await app.send(
                .POST, path,
                upload: Upload(
                    fields: [("confirmed_by", "Head of community safety"), ("evidence_on", "2024-02-01")],
                    file: "name,organisation\nDirector of Public Health,County Council\n", name: "members.csv"))
            let afterUpload = try await Tasks.milestones("cdp", format: .json, db: app.db, now: TestClock.now)
            let noReason = try await app.send(.POST, path, form: "marks_done=yes")
            let ruleStep = try await app.send(
                .POST, "/partnerships/cdp/milestones/cdp-guidance-2022/nominate-sro/0/evidence",
                form: "marks_done=yes&note=We+know")
            let marked = try await app.send(.POST, path, form: "marks_done=yes&note=The+board+met+on+1+February")
            let afterMark = try await Tasks.milestones("cdp", format: .json, db: app.db, now: TestClock.now)
            let list = try await app.send(.GET, "/partnerships/cdp/milestones")
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            let kept = try #require(
                try await GuidanceEvidenceRecord.query(in: scope).filter(\.$fileName != nil).first())
            let file = try await app.send(.GET, "/partnerships/cdp/milestones/files/\(kept.key)")

            // Check
            #expect(form.status == .ok && form.text.contains("What counts as evidence"))
            #expect(uploaded.status == .seeOther, "\(uploaded.text.prefix(400))")
            #expect(try Self.tasks(afterUpload)["form-partnership#0"]?["status"] as? String == "in-progress")
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("Say why the step is done"))
            #expect(ruleStep.status == .unprocessableEntity && ruleStep.text.contains("cannot be marked done by hand"))
            #expect(marked.status == .seeOther)
            #expect(try Self.tasks(afterMark)["form-partnership#0"]?["done_by"] as? String == "person")
            #expect(list.text.contains("members.csv") && list.text.contains("Confirmed by Head of community safety"))
            #expect(file.status == .ok && file.text.contains("Director of Public Health,County Council"))
            #expect(file.headers.first(name: .contentDisposition)?.contains("attachment") == true)
        }
    }

    @Test func evidenceNamesAMeetingPaperAndRefusesOneThatIsNotThePartnerships() async throws {
        try await withConveneApp { app in
            // Setup
            try await AuditTests.setUp(app)
            let path = "/api/v1/partnerships/cdp/milestones/cdp-guidance-2022/joint-needs-assessment/0/evidence"

            // Act
            let good = try await app.send(
                .POST, path, json: #"{"paper_key":"cdp-2026-03-10-item-1-paper-1","note":"Presented in March"}"#)
            let bad = try await app.send(.POST, path, json: #"{"paper_key":"no-such-paper"}"#)
            let empty = try await app.send(.POST, path, json: "{}")
            let list = try await app.send(.GET, "/partnerships/cdp/milestones")

            // Check
            #expect(good.status == .created, "\(good.text)")
            #expect(try good.json()["status"] as? String == "in-progress")
            #expect(bad.status == .unprocessableEntity && bad.text.contains("paper_key"))
            #expect(empty.status == .unprocessableEntity)
            #expect(
                list.text.contains("/partnerships/cdp/meetings/cdp-2026-03-10/papers/cdp-2026-03-10-item-1-paper-1"))
        }
    }
}
