import ConveneDomain
import Foundation
import SnapshotTesting
import Testing

@testable import ConveneServer

/// A review's page and its report rendered from a review built by hand: no app, no database.
@Suite struct ReviewPageSnapshotTests {
    static let review: ReviewStore.Review = {
        let created = Date(timeIntervalSince1970: 1_772_000_000)
        let evidence = ReviewEvidence(.meeting, "asb-2025-06-01", "ASB forum, 1 June 2025")
        let forum = ReviewEvidence(.partnership, "asb", "Anti-social behaviour forum")
        return ReviewStore.Review(
            summary: .init(
                key: "review-2026", title: "Review of the partnership system 2026", status: .consultation,
                from: Day("2025-03-01")!, to: Day("2026-02-28")!, partnerships: nil, survey: nil, createdAt: created,
                createdBy: "editor@example.org", publishedAt: nil),
            items: [
                ReviewItem(
                    partnershipKey: "asb", proposed: .discontinue,
                    reasons: [
                        .init(
                            sentence: "Met 6 times at a cost of £14,200 and made no decisions",
                            evidence: [forum, evidence])
                    ],
                    measures: nil, decided: .merge(with: "csp"), rationale: "Its business belongs with the CSP",
                    decidedBy: "editor@example.org", decidedAt: created),
                ReviewItem(
                    partnershipKey: "csp", proposed: .continue,
                    reasons: [.init(sentence: "Decided 12 things in 8 meetings", evidence: [])], measures: nil,
                    decided: nil, rationale: nil, decidedBy: nil, decidedAt: nil)
            ],
            names: ["asb": "Anti-social behaviour forum", "csp": "Community Safety Partnership"],
            changes: ["asb": "/history?kind=partnership&key=asb"], survey: nil,
            links: [forum: "/partnerships/asb", evidence: "/partnerships/asb/meetings/asb-2025-06-01"])
    }()

    @Test func aReviewInConsultationWithAChangedDecision() {
        let model = ReviewPageModel(
            context: MilestonesPageSnapshotTests.context, review: Self.review, workspaceKey: "west-mercia")

        let html = SurveyPageSnapshotTests.html(ReviewPagesView.show(model))

        #expect(html.contains("Changed") && html.contains("Merge with Community Safety Partnership"))
        #expect(html.contains("Make the review final"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func thePublishedReportLinksToNothingPrivate() {
        let report = ReviewReport(review: Self.review, office: "West Mercia", landscapeSVG: nil, published: true)

        let html = report.render().replacingOccurrences(of: "><", with: ">\n<")

        #expect(!html.contains("href=\"/partnerships") && !html.contains("editor@example.org"))
        #expect(html.contains("Changed by the reviewer to: merge with Community Safety Partnership"))
        assertSnapshot(of: html, as: .lines)
    }
}
