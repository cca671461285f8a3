import ConveneDemo
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The demo's outcomes and money: the Cambridgeshire and Peterborough CDP's dashboard with a target met and one
/// missed, its performance-framework step done, and its money by funder beside what its meetings cost; West Mercia's
/// £100,000 shared by its two CDPs.
@Suite struct DemoOutcomesTests {
    static let today = Day(year: 2026, month: 12, day: 7)!

    @Test func theDemoCDPsDashboardMeetsOneTargetMissesAnotherAndItsMoneyStandsBesideItsMeetingsCost() async throws {
        try await withConveneApp(now: .fixed(Self.today)) { app in
            // Setup
            guard case .applied = try await ReportsDemo.load(on: app.db, today: Self.today) else {
                Issue.record("the demo did not load")
                return
            }
            let cdp = "cambridgeshire-high-harms-board"

            // Act
            let dashboard = try await app.send(.GET, "/partnerships/\(cdp)/dashboard")
            let milestones = try await app.send(.GET, "/partnerships/\(cdp)/milestones")
            let funding = try await app.send(.GET, "/api/v1/analyses/funding")
            let cost = try await app.send(.GET, "/api/v1/analyses/cost?from=2026-04-01&to=2027-03-31")
            let page = try await app.send(.GET, "/funding?partnership=\(cdp)")

            // Check: the statuses follow from the values and targets.
            #expect(dashboard.text.contains("Meets its target") && dashboard.text.contains("Misses its target"))
            #expect(dashboard.text.contains("Close to its target or improving"))
            #expect(dashboard.text.contains("Improving (from 4.4 per 100,000 in 2022)"))
            let step = try #require(milestones.text.range(of: #"id="task-performance-framework-0-status""#))
            #expect(milestones.text[step.upperBound...].prefix(120).contains("Done"))
            #expect(milestones.text.contains("Report to the funder: Supplementary substance misuse treatment"))
            // The money: the Cambridgeshire streams; the current year's meetings' cost is the cost audit's.
            let json = try funding.json()
            let partnerships = try #require(json["partnerships"] as? [[String: Any]])
            let cambs = try #require(partnerships.first { $0["partnership"] as? String == cdp })
            let years = try #require(cambs["years"] as? [[String: Any]])
            let current = try #require(years.first { $0["financial_year"] as? String == "2026-27" })
            #expect(current["money_in_pence"] as? Int == 268_800_000)
            let audited = try #require(
                (try cost.json()["partnerships"] as? [[String: Any]])?.first { $0["id"] as? String == cdp })
            #expect(current["meeting_cost_pence"] as? Int == audited["total_pence"] as? Int)
            #expect((current["meeting_cost_pence"] as? Int ?? 0) > 0)
            let westMercia = partnerships.filter { partnership in
                let key = partnership["partnership"] as? String ?? ""
                return key.hasSuffix("combating-drugs-partnership")
                    && (key.hasPrefix("herefordshire") || key.hasPrefix("shropshire"))
            }
            #expect(westMercia.map { $0["money_in_pence"] as? Int } == [5_000_000, 5_000_000])
            #expect(page.status == .ok && page.text.contains("Where the money flows"))
            // The force area's view: Cambridgeshire's partnerships only, so not West Mercia's £100,000.
            let area = try await app.send(.GET, "/api/v1/analyses/funding?force_area=E23000023")
            let areaPartnerships = try #require(try area.json()["partnerships"] as? [[String: Any]])
            #expect(areaPartnerships.map { $0["partnership"] as? String } == [cdp])
            #expect(try area.json()["money_in_pence"] as? Int == cambs["money_in_pence"] as? Int)
            let areaPage = try await app.send(.GET, "/funding?force_area=E23000023")
            #expect(
                areaPage.status == .ok
                    && areaPage.text.contains("<h1 class=\"heading-xl\">Funding: Cambridgeshire</h1>"))
        }
    }
}
