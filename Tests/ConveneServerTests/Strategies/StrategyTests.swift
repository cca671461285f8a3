import ConveneDemo
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Strategies and duplication through the server: strategies and their alignment on the demo, and the duplication analyses as the CLI
/// and the API give them, on the demo and on a generated force area.
@Suite struct StrategyTests {
    struct PrioritiesJSON: Decodable {
        struct Priority: Decodable { var id: String; var title: String; var strategy: String }
        struct Cluster: Decodable { var representative: Priority; var members: [Priority]; var strategies: [String] }
        struct Line: Decodable { var title: String; var strategies: [String]; var priorities: [String] }
        var analysis: String, threshold: Double, priorities: Int, distinct: Int, summary: String, clusters: [Cluster],
            consolidated: [Line]
    }

    struct DuplicatesJSON: Decodable {
        struct Side: Decodable {
            var item_id: String; var meeting_id: String; var day: String; var partnership_id: String
        }
        struct Finding: Decodable {
            var a: Side; var b: Side; var cosine: Double; var attendee_overlap: Double; var shared_people: [String];
            var days_apart: Int
        }
        struct Row: Decodable { var id: String; var items: Int; var duplicated: Int; var share: Double }
        var analysis: String, window_days: Int, text_threshold: Double, attendee_threshold: Double, findings: [Finding],
            partnerships: [Row]
    }

    struct OverlapJSON: Decodable {
        struct Named: Decodable { var id: String; var name: String }
        struct Measure: Decodable {
            var shared: Int; var overlap: Double; var jaccard: Double; var shared_ids: [String]
        }
        struct Pair: Decodable { var a: Named; var b: Named; var people: Measure; var organisations: Measure }
        var analysis: String, on: String, pairs: [Pair]
    }

    @Test func theDemosStrategiesAlignAndTheirNearDuplicatePrioritiesCollapse() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            let events = try await AuditEventRecord.query(in: scope).count()

            // Act
            let output = try await Tasks.analyse(
                .priorities, AnalysisQuestion(period: Period.year(to: TestClock.today)), on: app.db)
            let json = try JSONDecoder().decode(PrioritiesJSON.self, from: output.render(.json))
            let (strategies, priorities) = try await StrategyStore.all(in: scope)
            let alignment = Alignment.run(strategies: strategies, priorities: priorities)
            _ = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)
            let eventsAgain = try await AuditEventRecord.query(in: scope).count()

            // Check: every active strategy's priority is read (the draft strategy's is not), and fewer distinct ones remain.
            let demoStrategies = try DemoStrategies.strategies()
            let demoPriorities = try DemoStrategies.priorities()
            #expect(strategies.count == demoStrategies.count && priorities.count == demoPriorities.count)
            #expect(json.priorities == demoPriorities.count - 1)
            #expect(
                json.distinct < json.priorities
                    && json.summary == "\(json.priorities) priorities are \(json.distinct) distinct ones")
            let violence = try #require(
                json.clusters.first { cluster in
                    cluster.members.contains { $0.id == "bedfordshire-serious-violence-strategy-young-people" }
                })
            #expect(violence.members.contains { $0.id == "bedford-community-safety-plan-violence" })
            #expect(json.consolidated.count == json.distinct)
            // The plan's priorities that no partnership carries, and a national objective nobody carries.
            #expect(alignment.planState == .one)
            #expect(
                Set(alignment.planPrioritiesNoPartnershipCarries.map(\.priorityKey))
                    == [
                        "bedfordshire-police-and-crime-plan-local-policing",
                        "bedfordshire-police-and-crime-plan-criminal-justice"
                    ])
            #expect(alignment.uncarriedObjectives.contains { $0.objective.key == "harm-to-hope-1-5" })
            #expect(!alignment.uncarriedObjectives.contains { $0.objective.key == "harm-to-hope-1" })
            // Loading the demo again changes nothing.
            let added = try await AuditEventRecord.query(in: scope).sort(\.$at, .descending).limit(
                max(0, eventsAgain - events)
            ).all()
            #expect(
                events > 0 && eventsAgain == events,
                "\(added.map { "\($0.action) \($0.kind) \($0.recordKey) \($0.before ?? "") → \($0.after ?? "")" }.prefix(3))"
            )
        }
    }

    @Test func duplicatesOverlapAndTriageOnAGeneratedForceArea() async throws {
        try await withConveneApp { app in
            // Setup: one generated force area, as `convene demo --scale national` writes it.
            let options = NationalLandscape.Options(seed: 5)
            _ = try await NationalDemo.generate(on: app.db, options: options, count: 1)
            let generated = NationalLandscape.workspace(0, options)
            let year = AnalysisQuestion(period: Period(from: options.firstDay, to: options.firstDay.adding(days: 364)))

            // Act
            let duplicates = try JSONDecoder().decode(
                DuplicatesJSON.self,
                from: try await Tasks.analyse(
                    .duplicates, year, on: app.db, workspace: generated.key, now: .fixed(generated.asOf)
                ).render(.json))
            let overlap = try JSONDecoder().decode(
                OverlapJSON.self,
                from: try await Tasks.analyse(
                    .overlap, year, on: app.db, workspace: generated.key, now: .fixed(generated.asOf)
                ).render(.json))
            let triage = try await Tasks.analyse(
                .triage, year, on: app.db, workspace: generated.key, now: .fixed(generated.asOf))
            let reasons = String(decoding: triage.render(.json), as: UTF8.self)

            // Check: every planted duplicate is found with its shared people, at the default settings.
            #expect(
                duplicates.window_days == 90 && duplicates.text_threshold == 0.5 && duplicates.attendee_threshold == 0.5
            )
            let found = Dictionary(
                duplicates.findings.map { (Set([$0.a.item_id, $0.b.item_id]), $0) }, uniquingKeysWith: { a, _ in a })
            #expect(!generated.plantedDuplicates.isEmpty)
            for planted in generated.plantedDuplicates {
                let finding = found[Set([planted.itemKeys.a, planted.itemKeys.b])]
                #expect(finding != nil, "planted \(planted.titles.a) | \(planted.titles.b) not found")
                #expect(finding.map { Set($0.shared_people) == Set(planted.sharedAttendeeKeys) } ?? false)
            }
            #expect(
                duplicates.findings.allSatisfy {
                    $0.a.partnership_id != $0.b.partnership_id && $0.days_apart <= 90 && $0.cosine >= 0.5
                })
            // Overlap: ranked, with both measures in range and the shared people named.
            #expect(!overlap.pairs.isEmpty)
            #expect(
                overlap.pairs.allSatisfy {
                    (0...1).contains($0.people.overlap) && $0.people.jaccard <= $0.people.overlap
                        && $0.people.shared == $0.people.shared_ids.count
                })
            #expect(zip(overlap.pairs, overlap.pairs.dropFirst()).allSatisfy { $0.people.overlap >= $1.people.overlap })
            // Triage gives duplication as a reason where it finds it.
            #expect(reasons.contains("also discussed at") || reasons.contains("also sit on"))
        }
    }

    @Test func aStrategyAndItsPrioritiesAreValidatedBeforeAnythingIsWritten() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.importCSV(
                """
                partnership_id,partnership_name,type,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
                cdp,Drugs Partnership,cdp,cdp-dph,dph,Director of Public Health,opcc,Office of the PCC,policing-governance,sro
                """)
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)

            // Act
            let planOwnedByAPartnership = try await StrategyStore.save(
                Strategy(
                    key: "plan", name: "Police and Crime Plan", kind: .policeAndCrimePlan, ownerPartnershipKey: "cdp"),
                in: scope)
            let unknownOwner = try await StrategyStore.save(
                Strategy(
                    key: "plan", name: "Police and Crime Plan", kind: .policeAndCrimePlan,
                    ownerOrganisationKey: "nobody"), in: scope)
            let plan = try await StrategyStore.save(
                Strategy(
                    key: "plan", name: "Police and Crime Plan", kind: .policeAndCrimePlan, ownerOrganisationKey: "opcc"),
                in: scope)
            let badLinks = try await StrategyStore.save(
                Priority(
                    key: "p1", strategyKey: "plan", title: "Safer streets", planPriorityKeys: ["nothing"],
                    frameworkObjectiveKeys: ["harm-to-hope-9"]),
                in: scope)
            let good = try await StrategyStore.save(
                Priority(key: "p1", strategyKey: "plan", title: "Safer streets"), in: scope)
            let (strategies, priorities) = try await StrategyStore.all(in: scope)

            // Check
            #expect(planOwnedByAPartnership.map(\.field) == ["owner"])
            #expect(
                unknownOwner.contains { $0.field == "owner" && $0.message.contains("organisation in this register") })
            #expect(plan.isEmpty && good.isEmpty)
            #expect(Set(badLinks.map(\.field)) == ["plan_priority_keys", "framework_objective_keys"])
            #expect(strategies.map(\.key) == ["plan"] && priorities.map(\.key) == ["p1"])
        }
    }
}
