import Foundation

// The figures a periodic review (Recommendation 4) weighs for each partnership, each with the records behind it.
// `ReviewFindings.gather` computes them from the analyses; `ReviewRules.recommend` turns them into proposals.

/// A record a review figure or reason rests on, for the server to turn into a link: a partnership, a meeting, an
/// action, an agenda item, a strategy, a priority, a version of terms of reference, an analysis page or a survey.
public struct ReviewEvidence: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case partnership, meeting, action
        case agendaItem = "agenda-item"
        case strategy, priority
        /// Key "partnership-key#version", as register files name a version.
        case termsOfReference = "terms-of-reference"
        /// Key the analysis: cost, attendance, delivery, overlap, duplicates (the analysis pages' names) or alignment.
        case analysis
        case survey
    }

    public var kind: Kind
    public var key: String
    /// What a link shows: the record's name or title.
    public var label: String

    public init(_ kind: Kind, _ key: String, _ label: String) {
        self.kind = kind
        self.key = key
        self.label = label
    }

    static let costAudit = ReviewEvidence(.analysis, "cost", "Cost of partnership working")
    static let attendanceQuality = ReviewEvidence(.analysis, "attendance", "Attendance quality")
    static let delivery = ReviewEvidence(.analysis, "delivery", "Decisions and actions")
    static let overlap = ReviewEvidence(.analysis, "overlap", "Membership overlap")
    static let duplicates = ReviewEvidence(.analysis, "duplicates", "Duplicate discussions")
    static let alignment = ReviewEvidence(.analysis, "alignment", "Alignment to the Police and Crime Plan")
}

/// What partners said about one partnership in a survey: the share of respondents agreeing with a statement that is
/// a concern when agreed with ("This partnership is more like a talking shop"). Surveys are counted elsewhere; the
/// review takes their results as they are.
public struct ReviewSurveySignal: Hashable, Sendable, Codable {
    public var surveyKey: String
    public var surveyTitle: String
    public var statement: String
    /// Those who answered the statement (a "don't know" is not an answer).
    public var respondents: Int
    /// Agree or strongly agree, 0 to 1.
    public var agreeShare: Double

    public init(surveyKey: String, surveyTitle: String, statement: String, respondents: Int, agreeShare: Double) {
        self.surveyKey = surveyKey
        self.surveyTitle = surveyTitle
        self.statement = statement
        self.respondents = respondents
        self.agreeShare = agreeShare
    }

    public var evidence: ReviewEvidence { ReviewEvidence(.survey, surveyKey, surveyTitle) }
}

/// One partnership's figures for the review period. Every figure carries `evidence`: the records behind it.
public struct ReviewFindings: Hashable, Sendable {
    public var partnershipKey: String
    public var name: String
    public var type: PartnershipType
    public var status: PartnershipStatus
    public var statutoryBasis: String?
    public var startedOn: Day?
    public var footprint: [String]
    public var themes: [String]
    public var period: Period
    /// The day the figures stand on: the period's last day, or today if sooner.
    public var asOf: Day
    public var cost: CostFigures
    public var attendance: AttendanceFigures
    public var delivery: DeliveryFigures
    /// The other live partnership sharing most of its people, when any shares one.
    public var overlap: OverlapFigures?
    public var duplication: DuplicationFigures
    public var alignment: AlignmentFigures
    public var termsOfReference: TermsOfReferenceFigures
    public var survey: [ReviewSurveySignal]

    /// A statutory basis is recorded.
    public var isStatutory: Bool { !(statutoryBasis ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
    public var evidence: ReviewEvidence { ReviewEvidence(.partnership, partnershipKey, name) }

    /// The cost audit's figures (`CostAudit`): held meetings of the period and what they cost, planned ones priced
    /// as the typical meeting, and both over a year.
    public struct CostFigures: Hashable, Sendable {
        public var meetingsHeld: Int
        public var personMinutes: Int
        public var cost: Money
        public var plannedMeetings: Int
        public var plannedCost: Money
        /// Held and planned cost, for 365 days of the period.
        public var annualCost: Money
        /// Held meetings' person-hours, for 365 days of the period.
        public var annualPersonHours: Double
        /// The cost audit and the held meetings.
        public var evidence: [ReviewEvidence]

        public var personHours: Double { Double(personMinutes) / 60 }
    }

    /// Attendance quality's figures (`AttendanceQuality`): nil when the partnership held no meeting in the period.
    public struct AttendanceFigures: Hashable, Sendable {
        public var figures: AttendanceQuality.Figures?
        /// The analysis and the held meetings.
        public var evidence: [ReviewEvidence]
    }

    /// Delivery's figures (`Delivery`), with the decided items and overdue actions behind them.
    public struct DeliveryFigures: Hashable, Sendable {
        public var figures: Delivery.Figures
        public var decidedItemKeys: [String]
        public var overdueActionKeys: [String]
        public var evidence: [ReviewEvidence]
    }

    /// Membership overlap (`MembershipOverlap`) with the partnership sharing most people (by the overlap coefficient,
    /// then the Jaccard index, as the analysis ranks pairs), and that partnership's figures a merge is decided by.
    public struct OverlapFigures: Hashable, Sendable {
        public var otherKey: String
        public var otherName: String
        public var sharedPeople: Int
        public var members: Int
        public var otherMembers: Int
        /// |A ∩ B| ÷ min(|A|, |B|).
        public var overlap: Double
        public var jaccard: Double
        /// The other partnership: its statutory basis and its delivery figures for the same period.
        public var otherStatutoryBasis: String?
        public var otherDecisions: Int
        public var otherMeetings: Int
        public var otherCompletion: Double?
        /// The same areas (a non-empty footprint), and the themes both have.
        public var sameFootprint: Bool
        public var sharedThemes: [String]
        /// The other partnership and the analysis.
        public var evidence: [ReviewEvidence]

        public var otherIsStatutory: Bool {
            !(otherStatutoryBasis ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    /// Duplicate discussions (`DuplicateDiscussions`): how many of its items were also discussed at another
    /// partnership's meeting with the same people, and where.
    public struct DuplicationFigures: Hashable, Sendable {
        /// Its items at held meetings of the period, procedural standing items aside.
        public var items: Int
        public var duplicated: Int
        /// Most items first, then by name.
        public var elsewhere: [Elsewhere]
        public var evidence: [ReviewEvidence]

        public var share: Double? { items == 0 ? nil : Double(duplicated) / Double(items) }
        public func with(_ partnershipKey: String) -> Elsewhere? {
            elsewhere.first { $0.partnershipKey == partnershipKey }
        }
    }

    public struct Elsewhere: Hashable, Sendable {
        public var partnershipKey: String
        public var name: String
        /// Its items with a duplicate there.
        public var items: Int
        /// The findings: pairs of items, one at each.
        public var discussions: Int
        /// Its own items among them.
        public var itemKeys: [String]
        /// Both items of every finding.
        public var evidence: [ReviewEvidence]
    }

    /// Alignment (`Alignment`) of the priorities of the strategies the partnership owns to the Police and Crime Plan.
    public struct AlignmentFigures: Hashable, Sendable {
        public enum State: String, Hashable, Sendable {
            /// No alignment report was given.
            case notAssessed = "not-assessed"
            /// There is no one active Police and Crime Plan to align to.
            case noPlan = "no-plan"
            case noPrioritiesRecorded = "no-priorities-recorded"
            case assessed
        }

        public var state: State
        public var priorities: Int
        /// Its priorities carrying at least one plan priority.
        public var aligned: Int
        /// The plan priorities they carry, in the plan's order.
        public var planPriorityKeys: [String]
        /// The analysis, its strategies, its aligned priorities and the plan priorities they carry.
        public var evidence: [ReviewEvidence]

        public var share: Double? { priorities == 0 ? nil : Double(aligned) / Double(priorities) }
    }

    /// The terms of reference in force: the latest version approved by `asOf` (or with no approval date).
    public struct TermsOfReferenceFigures: Hashable, Sendable {
        public enum State: String, Hashable, Sendable {
            case current, overdue
            /// None recorded, or neither an approval nor a review date.
            case unknown
        }

        public var state: State
        public var version: Int?
        public var approvedOn: Day?
        /// The review date recorded with them.
        public var reviewDue: Day?
        /// When a review falls due: the recorded date, else 12 months after approval.
        public var dueOn: Day?
        public var evidence: [ReviewEvidence]
    }
}
