import ConveneDomain
import Foundation
import SnapshotTesting
import Testing

@testable import ConveneServer

/// The strategy pages rendered from models built by hand: the Police and Crime Plan and a partnership's strategy
/// carrying its priorities, with no app and no database. A change to a page's HTML shows here as a changed
/// snapshot (`__Snapshots__`), to be looked at and recorded again on purpose.
@Suite struct StrategyPageSnapshotTests {
    static let plan = Strategy(
        key: "plan", name: "Police and Crime Plan 2024 to 2028", kind: .policeAndCrimePlan,
        ownerOrganisationKey: "opcc", startsOn: Day("2024-04-01"), endsOn: Day("2028-03-31"))
    static let drugs = Strategy(
        key: "drugs", name: "Drugs strategy", kind: .partnershipStrategy,
        ownerPartnershipKey: "mersey-cdp", startsOn: Day("2025-04-01"))

    static func landscape() -> StrategyLandscape {
        StrategyLandscape(
            strategies: [plan, drugs],
            priorities: [
                Priority(key: "plan-safer", strategyKey: "plan", title: "Safer streets", position: 1),
                Priority(key: "plan-harm", strategyKey: "plan", title: "Less harm from drugs", position: 2),
                Priority(
                    key: "drugs-supply", strategyKey: "drugs", title: "Break the supply of drugs",
                    description: "Disrupt county lines.", theme: "drugs",
                    measures: ["Lines closed", "Dealers charged"], planPriorityKeys: ["plan-harm"],
                    frameworkObjectiveKeys: ["harm-to-hope-1"], position: 1),
                Priority(key: "drugs-treatment", strategyKey: "drugs", title: "More people in treatment", position: 2)
            ],
            partnerships: [("mersey-cdp", "Merseyside Combating Drugs Partnership")],
            organisations: [("opcc", "Office of the PCC")])
    }

    static func context(_ role: WorkspaceRole) -> PageContext { RegisterPageSnapshotTests.context(role: role) }

    @Test func listForAnEditor() {
        // Setup
        let model = StrategyListModel(context: Self.context(.editor), landscape: Self.landscape())

        // Act
        let html = StrategyViews.list(model).render()

        // Check: two strategies with four priorities, each with its owner; an editor may add one.
        #expect(html.contains("2 strategies with 4 priorities"))
        #expect(html.contains("Merseyside Combating Drugs Partnership"))
        #expect(html.contains("href=\"\(StrategyPath.newStrategy.href)\""))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func strategyForAViewer() {
        // Setup
        let model = StrategyPageModel(context: Self.context(.viewer), strategy: Self.drugs, landscape: Self.landscape())

        // Act
        let html = StrategyViews.show(model).render()

        // Check: what the first priority carries, and no change links for a viewer.
        #expect(html.contains("Plan: Less harm from drugs"))
        #expect(!html.contains("href=\"\(StrategyPath.newPriority("drugs").href)\""))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func strategyFormWithErrors() {
        // Setup
        let input = StrategyFormInput(Self.drugs)
        let model = StrategyFormModel(
            context: Self.context(.editor), title: "Change Drugs strategy",
            action: StrategyPath.editStrategy("drugs").href, cancel: StrategyPath.strategy("drugs").href,
            input: input, errors: [FieldError("ends_on", "The end date must be a date like 2028-03-31")],
            landscape: Self.landscape())

        // Act
        let html = StrategyViews.strategyForm(model).render()

        // Check
        #expect(html.contains("<title>Error: Change Drugs strategy"))
        #expect(html.contains("Partnership: Merseyside Combating Drugs Partnership"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func priorityFormOffersThePlansPriorities() {
        // Setup
        let model = PriorityFormModel(
            context: Self.context(.editor), title: "Add a priority", action: StrategyPath.newPriority("drugs").href,
            input: PriorityFormInput(), errors: [], strategy: Self.drugs, landscape: Self.landscape())

        // Act
        let html = StrategyViews.priorityForm(model).render()

        // Check
        #expect(html.contains("Safer streets"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func alignment() {
        // Setup
        let landscape = Self.landscape()
        let report = Alignment.run(
            strategies: landscape.strategies, priorities: landscape.priorities,
            partnershipNames: ["mersey-cdp": "Merseyside Combating Drugs Partnership"],
            organisationNames: ["opcc": "Office of the PCC"])
        let model = AlignmentModel(context: Self.context(.viewer), report: report)

        // Act
        let html = AlignmentPage.render(model).render()

        // Check: the supply priority carries the plan's priority on drugs; safer streets is a gap.
        #expect(html.contains("Break the supply of drugs"))
        #expect(html.contains("Carries"))
        assertSnapshot(of: html, as: .lines)
    }
}
