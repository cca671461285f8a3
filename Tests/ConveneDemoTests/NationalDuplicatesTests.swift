import Foundation
import Testing

@testable import ConveneDemo
@testable import ConveneDomain

/// The duplication analyses on the national generator's planted ground truth.
@Suite struct NationalDuplicatesTests {

    static func analyticsData(_ workspace: NationalLandscape.Workspace) -> AnalyticsData {
        let r = workspace.register
        return AnalyticsData(
            organisations: r.organisations, persons: r.persons, partnerships: r.partnerships,
            memberships: r.memberships,
            termsOfReference: r.termsOfReference, meetings: r.meetings, items: workspace.items,
            decisions: workspace.decisions,
            actions: workspace.actions)
    }

    @Test(arguments: [2, 40])
    func everyPlantedDuplicateIsFoundAtTheDefaults(index: Int) throws {
        // Setup
        let options = NationalLandscape.Options()
        let workspace = NationalLandscape.workspace(index, options)
        let data = Self.analyticsData(workspace)
        let year = Period(from: options.firstDay, to: options.asOf.adding(days: -1))

        // Act
        let report = DuplicateDiscussions.run(data, period: year, settings: AnalyticsSettings(), today: workspace.asOf)

        // Check: each planted pair is a finding, with its meetings, days and the people at both.
        let findings = Dictionary(
            report.findings.map { ("\($0.a.itemKey)|\($0.b.itemKey)", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(workspace.plantedDuplicates.count == options.duplicatesPerWorkspace)
        for planted in workspace.plantedDuplicates {
            let finding = try #require(
                findings["\(planted.itemKeys.a)|\(planted.itemKeys.b)"], "\(planted.titles.a) | \(planted.titles.b)")
            #expect(
                finding.a.partnershipKey == planted.partnershipKeys.a
                    && finding.b.partnershipKey == planted.partnershipKeys.b)
            #expect(finding.a.meetingKey == planted.meetingKeys.a && finding.b.meetingKey == planted.meetingKeys.b)
            #expect(finding.a.day == planted.days.a && finding.b.day == planted.days.b)
            #expect(
                finding.sharedPersonKeys == planted.sharedAttendeeKeys && finding.cosine >= 0.6
                    && finding.attendeeOverlap >= 0.5)
        }
        // No standing item is in a finding, and the partnerships' rows add up.
        #expect(
            report.findings.allSatisfy {
                !DuplicateDiscussions.isProcedural($0.a.title) && !DuplicateDiscussions.isProcedural($0.b.title)
            })
        #expect(
            report.partnerships.allSatisfy {
                $0.duplicated <= $0.items && $0.elsewhere.allSatisfy { $0.partnershipKey != "" }
            })
    }

    /// Triage works out cost, delivery and duplicate discussions only for the partnerships the person is invited to:
    /// each, asked about some partnerships, must say of them exactly what it says when asked about all.
    @Test func askedAboutSomePartnershipsTheAnalysesSayOfThemWhatTheWholeSays() throws {
        // Setup: a generated force area, and sets of its partnerships (the PCC's, one, none, and random ones).
        let options = NationalLandscape.Options()
        let workspace = NationalLandscape.workspace(2, options)
        let data = Self.analyticsData(workspace)
        let year = Period(from: options.firstDay, to: options.asOf.adding(days: -1))
        let settings = AnalyticsSettings()
        let today = workspace.asOf
        let keys = data.partnerships.map(\.key)
        var random = SeededRandom(seed: 7)
        let invited = Triage.invited(data, personKey: try #require(data.pcc).key, asOf: year.to)
        let sets =
            [invited, [keys[0]], []] + (0..<3).map { _ in Set(keys.filter { _ in Bool.random(using: &random) }) }
        let duplicates = DuplicateDiscussions.run(data, period: year, settings: settings, today: today)
        let cost = CostAudit.run(data, period: year, settings: settings, today: today)
        let delivery = Delivery.run(data, period: year, today: today)
        #expect(!invited.isEmpty && invited.count < keys.count && !duplicates.findings.isEmpty)

        for only in sets {
            // Act
            let someDuplicates = DuplicateDiscussions.run(
                data, period: year, settings: settings, today: today, only: only)
            let someCost = CostAudit.run(data, period: year, settings: settings, today: today, only: only)
            let someDelivery = Delivery.run(data, period: year, today: today, only: only)

            // Check
            #expect(
                Set(someDuplicates.findings)
                    == Set(
                        duplicates.findings.filter {
                            only.contains($0.a.partnershipKey) || only.contains($0.b.partnershipKey)
                        }))
            #expect(someDuplicates.partnerships == duplicates.partnerships.filter { only.contains($0.key) })
            #expect(someCost.partnerships == cost.partnerships.filter { only.contains($0.key) })
            func row(_ r: Delivery.Row) -> String { "\(r.key) \(r.figures) \(r.recurring)" }
            #expect(
                someDelivery.partnerships.map(row) == delivery.partnerships.filter { only.contains($0.key) }.map(row))
        }
    }
}
