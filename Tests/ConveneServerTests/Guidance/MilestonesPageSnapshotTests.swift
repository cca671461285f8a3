import ConveneDomain
import Foundation
import SnapshotTesting
import Testing

@testable import ConveneServer

/// The task list and the evidence form rendered from models built by hand: no app, no database.
@Suite struct MilestonesPageSnapshotTests {
    static let context = PageContext(
        principal: Principal(
            userID: UUID(uuidString: "00000000-0000-0000-0000-0000000000bb")!, email: "editor@example.org",
            workspaceID: UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!, workspaceName: "West Mercia",
            workspaceKind: .forceArea, role: .editor, viaToken: false),
        csrfToken: "fixed-form-token", path: "/partnerships/wm-cdp/milestones")

    static let partnership = PartnershipMilestones.Partnership(
        key: "wm-cdp", name: "Herefordshire and Worcestershire CDP", type: .combatingDrugsPartnership,
        startedOn: Day("2024-01-01"))
    static let today = Day("2025-06-01")!
    static let recordedAt = Date(timeIntervalSince1970: 1_717_000_000)

    static let note = GuidanceEvidence(
        key: "wm-cdp-form-partnership-1", templateKey: "cdp-guidance-2022", stepKey: "form-partnership", occurrence: 0,
        paperKey: "wm-cdp-2024-02-01-item-1-paper-1", fileName: "membership.pdf", evidenceOn: Day("2024-02-01"),
        confirmedBy: "Head of community safety", note: "The first board agreed its membership", marksDone: true,
        recordedAt: recordedAt, recordedBy: "editor@example.org")

    static func milestones() throws -> PartnershipMilestones {
        let template = try #require(try GuidanceTemplateFile.shipped().first)
        let tasks = Milestones.tasks(template, partnershipStartedOn: partnership.startedOn, today: today) { step, _ in
            StepFacts(
                evidence: step == "form-partnership" ? 1 : 0, confirmedDone: step == "form-partnership",
                ruleMet: ["nominate-sro", "agree-terms-of-reference"].contains(step))
        }
        let sro = PartnershipMilestones.RecordLink(label: "Director of Public Health, SRO", href: "/persons/dph")
        let terms = PartnershipMilestones.RecordLink(
            label: "Terms of reference version 1, approved 1 February 2024", href: "/partnerships/wm-cdp#terms")
        return PartnershipMilestones(
            partnership: partnership, today: today,
            lists: [
                .init(
                    template: template, start: Day("2024-01-01")!,
                    tasks: tasks.map { task in
                        .init(
                            task: task,
                            records: task.step.key == "nominate-sro"
                                ? [sro] : task.step.key == "agree-terms-of-reference" ? [terms] : [],
                            evidence: task.step.key == "form-partnership" ? [note] : [])
                    })
            ])
    }

    static func html(_ layout: Layout) -> String {
        layout.render().replacingOccurrences(of: "><", with: ">\n<")
    }

    @Test func taskListWithRulesEvidenceAndOverdueSteps() throws {
        // Setup
        let model = MilestonesPageModel(
            context: Self.context, milestones: try Self.milestones(), mayEdit: true,
            paperLinks: [
                "wm-cdp-2024-02-01-item-1-paper-1": (
                    "Membership and terms", "/partnerships/wm-cdp/meetings/wm-cdp-2024-02-01/papers/p-1"
                )
            ],
            fundingReports: [
                FundingReport(streamKey: "treatment-grant", purpose: "Treatment grant", day: Day("2024-04-30")!)
            ])

        // The call under test
        let html = Self.html(MilestonesPageView.render(model))

        // Validation
        #expect(html.contains("Overdue"))
        #expect(html.contains("Report to the funder: Treatment grant"))
        #expect(html.contains("Director of Public Health, SRO"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func evidenceFormWithErrors() throws {
        // Setup
        let list = try #require(try Self.milestones().lists.first)
        let task = try #require(list.tasks.first { $0.task.step.key == "joint-needs-assessment" })
        var input = EvidenceFormModel.Input()
        input.evidenceOn = "2024-13-01"
        let model = EvidenceFormModel(
            context: Self.context, partnership: Self.partnership, template: list.template, task: task,
            papers: [("wm-cdp-2024-02-01-item-1-paper-1", "Membership and terms", "/p")], input: input,
            errors: [FieldError("evidence_on", "Enter the date as yyyy-mm-dd, for example 2024-03-01")])

        // The call under test
        let html = Self.html(MilestonesPageView.form(model))

        // Validation
        #expect(html.contains("There is a problem"))
        assertSnapshot(of: html, as: .lines)
    }
}
