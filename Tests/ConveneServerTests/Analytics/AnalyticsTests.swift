import ConveneDemo
import ConveneDomain
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The analyses through the server: the CLI's contract on an imported Popolo file, settings, and the pages.
@Suite struct AnalyticsTests {
    /// `boards` partnerships, each with twelve people at `salary` attending four two-hour meetings in 2025–26.
    static func popolo(boards: Int, salary: Int) -> Data {
        var persons: [String] = []
        var organizations: [String] = []
        var events: [String] = []
        for b in 1...boards {
            organizations.append(
                #"{"id": "board-\#(b)", "name": "Board \#(b)", "classification": "partnership:forum"}"#)
            let people = (1...12).map { "b\(b)-p\($0)" }
            persons += people.map { #"{"id": "\#($0)", "name": "Member \#($0)", "convene:salary_band": \#(salary)}"# }
            for (i, day) in ["2025-05-14", "2025-08-13", "2025-11-12", "2026-02-11"].enumerated() {
                let attendees = people.map { "\"\($0)\"" }.joined(separator: ", ")
                events.append(
                    #"{"id": "board-\#(b)-\#(i)", "name": "Board \#(b)", "organization_id": "board-\#(b)", "status": "held", "start_date": "\#(day)T09:00:00Z", "end_date": "\#(day)T11:00:00Z", "attendees": [\#(attendees)]}"#
                )
            }
        }
        return Data(
            """
            {"persons": [\(persons.joined(separator: ",\n"))],
             "organizations": [\(organizations.joined(separator: ",\n"))],
             "events": [\(events.joined(separator: ",\n"))]}
            """.utf8)
    }

    struct CostJSON: Decodable {
        struct Row: Decodable {
            var id: String; var name: String; var meetings: Int; var person_hours: Double; var cost_pence: Int
        }
        var currency: String
        var hours_per_year: Int
        var total_pence: Int
        var partnerships: [Row]
    }

    static let year = AnalysisQuestion(period: Period(from: Day("2025-04-01")!, to: Day("2026-03-31")!))

    @Test(arguments: [(1, 50_000, 408_240), (1, 80_000, 653_040), (50, 50_000, 20_412_000)])
    func theCostOfAnImportedPopoloFileIsTheReportsWorkedTable(boards: Int, salary: Int, pence: Int) async throws {
        try await withConveneApp { app in
            // Setup
            let outcome = try await Tasks.importFile(
                .popolo, Self.popolo(boards: boards, salary: salary), dryRun: false, on: app.db)
            guard case .applied = outcome else { Issue.record("not imported: \(outcome)"); return }

            // Act
            let output = try await Tasks.analyse(.cost, Self.year, on: app.db)
            let json = try JSONDecoder().decode(CostJSON.self, from: output.render(.json))

            // Check
            #expect(json.currency == "GBP" && json.hours_per_year == 1_764)
            #expect(json.total_pence == pence)
            #expect(json.partnerships.count == boards)
            #expect(
                json.partnerships.allSatisfy {
                    $0.meetings == 4 && $0.person_hours == 144 && $0.cost_pence == pence / boards
                })
            #expect(json.partnerships.first?.name.hasPrefix("Board ") == true)
            let csv = String(decoding: output.render(.csv), as: UTF8.self)
            #expect(csv.hasPrefix("id,name,meetings,person_hours,cost_pence"))
            #expect(String(decoding: output.render(.text), as: UTF8.self).contains(Money(pence: pence).description))
        }
    }

    @Test func aChangedSettingChangesTheCostAndIsAudited() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await Tasks.importFile(.popolo, Self.popolo(boards: 1, salary: 50_000), dryRun: false, on: app.db)

            // Act
            try await Tasks.setSetting("hours-per-year", "1800", on: app.db)
            let refused = await #expect(throws: Tasks.Failure.self) {
                try await Tasks.setSetting("hours-per-year", "none", on: app.db)
            }
            let output = try await Tasks.analyse(.cost, Self.year, on: app.db)
            let json = try JSONDecoder().decode(CostJSON.self, from: output.render(.json))
            let settings = try await Tasks.settings(on: app.db)
            let audit = String(decoding: try await Tasks.exportAudit(on: app.db), as: UTF8.self)

            // Check: £50,000 ÷ 1,800 = £27.777… → £27.778 → £27.78; 144 hours.
            #expect(json.hours_per_year == 1_800 && json.total_pence == 144 * 2_778)
            #expect(refused?.description.contains("whole number of hours") == true)
            #expect(settings.first { $0.key == "hours-per-year" }?.value == 1_800)
            #expect(audit.contains("\"setting\"") && audit.contains("hours-per-year"))
        }
    }

    struct TriageJSON: Decodable {
        struct Entry: Decodable {
            var id: String; var roles: [String]; var recommendation: String; var meetings_per_year: Int
        }
        var capacity: Int
        var attend_meetings: Int
        var fits: Bool
        var entries: [Entry]
    }

    /// Where the person chairs or is the SRO, triage says attend; the rest fits the capacity.
    static func checkTriage(_ json: TriageJSON, _ what: String) {
        let leading = json.entries.filter {
            $0.roles.contains {
                $0 == "Chair" || $0.hasPrefix("Senior Responsible Owner") || $0 == "Co-SRO" || $0 == "Co-chair"
            }
        }
        #expect(!leading.isEmpty, "\(what): the person leads something")
        #expect(
            leading.allSatisfy { $0.recommendation == "attend" }, "\(what): every meeting they chair or lead is kept")
        #expect(
            json.fits && json.attend_meetings <= json.capacity,
            "\(what): \(json.attend_meetings) meetings for a capacity of \(json.capacity)")
    }

    @Test func triageOnTheNationalGeneratorKeepsWhatThePCCLeadsAndFitsTheCapacity() async throws {
        try await withConveneApp { app in
            // Setup: one generated force area, written as `convene demo --scale national` writes it.
            let options = NationalLandscape.Options(seed: 7)
            let first = try await NationalDemo.generate(on: app.db, options: options, count: 1)
            let again = try await NationalDemo.generate(on: app.db, options: options, count: 1)
            let generated = NationalLandscape.workspace(0, options)
            let year = AnalysisQuestion(period: Period(from: options.firstDay, to: options.firstDay.adding(days: 364)))

            // Act
            var question = year
            question.capacity = 120
            let triage = try JSONDecoder().decode(
                TriageJSON.self,
                from: try await Tasks.analyse(
                    .triage, question, on: app.db,
                    workspace: generated.key
                ).json)
            let cost = try JSONDecoder().decode(
                CostJSON.self, from: try await Tasks.analyse(.cost, year, on: app.db, workspace: generated.key).json)

            // Check
            #expect(first.workspaces == 1 && first.meetings == 1_500 && again.workspaces == 0 && again.skipped == 1)
            #expect(first.attendances == generated.register.meetings.map(\.attendance.count).reduce(0, +))
            Self.checkTriage(triage, generated.name)
            #expect(
                triage.entries.contains { $0.recommendation != "attend" },
                "the PCC is invited to more than the capacity")
            #expect(cost.partnerships.count == generated.register.partnerships.count && cost.total_pence > 0)
            #expect(
                cost.partnerships.map(\.meetings).reduce(0, +)
                    == generated.register.meetings.filter { $0.status == .held }.count)
        }
    }

    @Test func triageOnTheDemoLandscapeKeepsWhatEachCommissionerLeads() async throws {
        try await withConveneApp { app in
            // Setup: the demo's register without its year of business (several force areas, so the person is named).
            _ = try await Tasks.importFile(.popolo, try DemoLandscape.popolo(), dryRun: false, on: app.db)
            let people = try await PersonRecord.query(on: app.db).all().filter {
                ($0.roleTitle ?? "").hasPrefix("Deputy Mayor")
            }
            #expect(!people.isEmpty)

            for person in people {
                // Act
                let question = AnalysisQuestion(
                    period: Period.year(to: TestClock.today), personKey: person.key, capacity: 12)
                let triage = try JSONDecoder().decode(
                    TriageJSON.self, from: try await Tasks.analyse(.triage, question, on: app.db).json)

                // Check: with no meetings recorded, a partnership counts its frequency's meetings.
                Self.checkTriage(triage, person.roleTitle ?? person.key)
            }
        }
    }

    @Test func aPartAttendanceRecordedOnTheRegisterCostsTheTimeThere() async throws {
        try await withConveneApp { app in
            // Setup: a two-hour meeting ten days ago; the Director of Public Health stays an hour.
            try await MeetingTests.setUp(app)
            let meeting = try await MeetingTests.schedule(app, "cdp", on: MeetingTests.day(-10), name: "CDP board")

            // Act
            let saved = try await app.send(
                .POST, "/partnerships/cdp/meetings/\(meeting)/attendance",
                form: "status-dph=present&attended-dph=60&status-acc=present")
            let refused = try await app.send(
                .POST, "/partnerships/cdp/meetings/\(meeting)/attendance",
                form: "status-dph=present&attended-dph=2000&status-acc=present")
            let page = try await app.send(.GET, "/partnerships/cdp/meetings/\(meeting)/attendance")
            let json = try JSONDecoder().decode(
                CostJSON.self,
                from: try await Tasks.analyse(
                    .cost, AnalysisQuestion(period: Period.year(to: TestClock.today)), on: app.db
                ).json)

            // Check: (60 + 60) + (120 + 60) minutes at £50,000 (the default salary): 300 × 2,835 ÷ 60 pence.
            #expect(saved.status == .seeOther || saved.status == .found, "\(saved.status): \(saved.text.prefix(300))")
            #expect(refused.status == .unprocessableEntity)
            #expect(page.text.contains("value=\"60\""), "the register shows the part attendance")
            let cdp = try #require(json.partnerships.first { $0.id == "cdp" })
            #expect(cdp.person_hours == 5 && cdp.cost_pence == 300 * 2_835 / 60)
        }
    }

    @Test func aSupportCostWithMistakesComesBackWithWhatWasTypedAndAddsNothing() async throws {
        try await withConveneApp { app in
            // Setup
            try await MeetingTests.setUp(app)

            // Act
            let wrong = try await app.send(
                .POST, "/analysis/support-costs",
                form: "partnership=cdp&label=Board+secretary&minutes_per_meeting=lots&salary=32000")
            let right = try await app.send(
                .POST, "/analysis/support-costs",
                form: "partnership=cdp&label=Board+secretary&minutes_per_meeting=240&salary=32000")
            let page = try await app.send(.GET, "/analysis/cost/meetings?partnership=cdp")

            // Check
            #expect(wrong.status == .unprocessableEntity)
            #expect(
                wrong.text.contains("There is a problem") && wrong.text.contains("Enter the minutes each meeting takes")
            )
            #expect(
                wrong.text.contains("value=\"Board secretary\"") && wrong.text.contains("value=\"lots\""),
                "what was typed is kept")
            #expect(right.status == .seeOther || right.status == .found)
            #expect(page.text.components(separatedBy: "Board secretary").count == 2, "one support cost, not two")
        }
    }
}
