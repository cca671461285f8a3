import ConveneDomain
import Fluent
import Foundation

/// A review of the partnership system: the landscape or chosen partnerships over a period, the survey it draws on,
/// and where it stands, from draft to published.
final class ReviewRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "reviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    /// The partnerships chosen, as JSON; none means the whole landscape.
    @OptionalField(key: "partnership_keys") var partnershipKeys: String?
    @OptionalField(key: "survey_key") var surveyKey: String?
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "published_at") var publishedAt: Date?

    static var workspacePath: KeyPath<ReviewRecord, ParentProperty<ReviewRecord, WorkspaceRecord>> { \.$workspace }

    init() {}

    var reviewStatus: ReviewStatus { ReviewStatus(rawValue: status) ?? .draft }
    var period: Period? {
        guard let from = Day(periodFrom), let to = Day(periodTo) else { return nil }
        return Period(from: from, to: to)
    }
}

/// A review's proposal for one partnership, as the rules made it with its reasons and the figures behind them, and
/// the reviewer's decision with its rationale.
final class ReviewRecommendationRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "review_recommendations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "review_id") var review: ReviewRecord
    @Field(key: "partnership_key") var partnershipKey: String
    @Field(key: "position") var position: Int
    @Field(key: "proposed") var proposed: String
    @OptionalField(key: "proposed_with") var proposedWith: String?
    /// The reasons as JSON: each sentence with the records behind it.
    @Field(key: "reasons") var reasons: String
    /// The figures as JSON (`ReviewMeasures`).
    @Field(key: "measures") var measures: String
    @OptionalField(key: "decided") var decided: String?
    @OptionalField(key: "decided_with") var decidedWith: String?
    @OptionalField(key: "rationale") var rationale: String?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    static var workspacePath:
        KeyPath<ReviewRecommendationRecord, ParentProperty<ReviewRecommendationRecord, WorkspaceRecord>>
    { \.$workspace }

    init() {}

    var recommendation: ReviewItem {
        ReviewItem(
            partnershipKey: partnershipKey,
            proposed: ReviewChoice(proposed, with: proposedWith) ?? .continue,
            reasons: (try? JSONDecoder().decode([ReviewItem.Reason].self, from: Data(reasons.utf8))) ?? [],
            measures: try? JSONDecoder().decode(ReviewMeasures.self, from: Data(measures.utf8)),
            decided: decided.flatMap { ReviewChoice($0, with: decidedWith) }, rationale: rationale,
            decidedBy: decidedBy, decidedAt: decidedAt)
    }
}

/// Where a review stands. Each step is audited; only a published review is on the public site.
enum ReviewStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case consultation = "in-consultation"
    case final
    case published

    var label: String {
        switch self {
        case .draft: "Draft"
        case .consultation: "In consultation"
        case .final: "Final"
        case .published: "Published"
        }
    }

    /// The step after this one.
    var next: ReviewStatus? {
        switch self {
        case .draft: .consultation
        case .consultation: .final
        case .final: .published
        case .published: nil
        }
    }
}

/// A proposal or a decision: continue, reform, merge with another partnership, or discontinue.
enum ReviewChoice: Hashable, Codable, Sendable {
    case `continue`, reform, merge(with: String), discontinue

    init?(_ identifier: String, with other: String?) {
        switch identifier {
        case "continue": self = .continue
        case "reform": self = .reform
        case "merge":
            guard let other, !other.isEmpty else { return nil }
            self = .merge(with: other)
        case "discontinue": self = .discontinue
        default: return nil
        }
    }

    init(_ proposal: ReviewRecommendation.Proposal) {
        switch proposal {
        case .continue: self = .continue
        case .reform: self = .reform
        case .merge(let with): self = .merge(with: with)
        case .discontinue: self = .discontinue
        }
    }

    var identifier: String {
        switch self {
        case .continue: "continue"
        case .reform: "reform"
        case .merge: "merge"
        case .discontinue: "discontinue"
        }
    }

    var other: String? { if case .merge(let with) = self { with } else { nil } }

    var label: String {
        switch self {
        case .continue: "Continue"
        case .reform: "Reform"
        case .merge: "Merge"
        case .discontinue: "Discontinue"
        }
    }

    static let identifiers = ["continue", "reform", "merge", "discontinue"]
}

/// One partnership in a review, as the pages, the report and the API see it.
struct ReviewItem: Codable, Hashable, Sendable {
    struct Reason: Codable, Hashable, Sendable {
        var sentence: String
        var evidence: [ReviewEvidence]
    }

    var partnershipKey: String
    var proposed: ReviewChoice
    var reasons: [Reason]
    var measures: ReviewMeasures?
    var decided: ReviewChoice?
    var rationale: String?
    var decidedBy: String?
    var decidedAt: Date?

    /// What stands: the decision, or the proposal until there is one.
    var standing: ReviewChoice { decided ?? proposed }
}
