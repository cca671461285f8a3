import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Reviews in the JSON API: the list (the same JSON as `convene review list --format json`), a review with its
/// recommendations, reasons, evidence and figures, and its report as HTML.
enum ReviewAPI {
    static func register(read: RoutesBuilder) {
        read.get(APIPath.reviews, use: list)
        read.get(APIPath.review(":key"), use: show)
        read.get(APIPath.reviewReport(":key"), use: report)
    }

    struct Listed: Codable, Sendable {
        var id: String
        var title: String
        var status: ReviewStatus
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try APIResponse.json(
            try await ReviewStore.list(in: req.scope).map { Listed(id: $0.key, title: $0.title, status: $0.status) })
    }

    /// A recommendation as the API gives it: the proposal and the decision each as a word and, for a merge, the
    /// other partnership's key.
    struct Recommendation: Codable, Sendable {
        var partnershipKey: String
        var proposed: String
        var proposedWith: String?
        var decided: String?
        var decidedWith: String?
        var rationale: String?
        var reasons: [ReviewItem.Reason]
        var measures: ReviewMeasures?
    }

    struct ReviewWire: Codable, Sendable {
        var id: String
        var title: String
        var status: ReviewStatus
        var from: Day
        var to: Day
        var survey: String?
        var recommendations: [Recommendation]
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let review = try await ReviewStore.review(try req.parameters.require("key"), in: req.scope)
        let s = review.summary
        return try APIResponse.json(
            ReviewWire(
                id: s.key, title: s.title, status: s.status, from: s.from, to: s.to, survey: s.survey,
                recommendations: review.items.map { item in
                    Recommendation(
                        partnershipKey: item.partnershipKey, proposed: item.proposed.identifier,
                        proposedWith: item.proposed.other, decided: item.decided?.identifier,
                        decidedWith: item.decided?.other, rationale: item.rationale, reasons: item.reasons,
                        measures: item.measures)
                }))
    }

    @Sendable static func report(req: Request) async throws -> Response {
        try await ReviewPages.report(req: req)
    }
}
