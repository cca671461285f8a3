import Foundation

/// A review's proposal for one partnership, with its reasons: sentences with the figures, each with the records
/// behind it.
public struct ReviewRecommendation: Hashable, Sendable {
    public enum Proposal: Hashable, Sendable {
        case `continue`
        case reform
        /// Merge into the partnership with this key.
        case merge(with: String)
        case discontinue

        /// "continue", "reform", "merge" or "discontinue", for the API and files.
        public var identifier: String {
            switch self {
            case .continue: "continue"
            case .reform: "reform"
            case .merge: "merge"
            case .discontinue: "discontinue"
            }
        }

        public var label: String {
            switch self {
            case .continue: "Continue"
            case .reform: "Reform"
            case .merge: "Merge"
            case .discontinue: "Discontinue"
            }
        }
    }

    /// One reason: a sentence with its figures, and the records behind them (never none).
    public struct Reason: Hashable, Sendable {
        public var sentence: String
        public var evidence: [ReviewEvidence]

        /// Evidence given twice is kept once, where it first comes.
        public init(_ sentence: String, _ evidence: [ReviewEvidence]) {
            var seen: Set<ReviewEvidence> = []
            self.sentence = sentence
            self.evidence = evidence.filter { seen.insert($0).inserted }
        }
    }

    public var partnershipKey: String
    public var name: String
    public var proposal: Proposal
    public var reasons: [Reason]

    public var sentences: [String] { reasons.map(\.sentence) }

    /// Every reason's evidence, once each, in the reasons' order.
    public var evidence: [ReviewEvidence] {
        var seen: Set<ReviewEvidence> = []
        return reasons.flatMap(\.evidence).filter { seen.insert($0).inserted }
    }
}

/// The review's rules (Recommendation 4: "recommendations to discontinue partnerships that are no longer adding
/// benefit proportionate to the demand on resources"). A proposal for a person to weigh, never a decision.
///
/// The rules, in order:
/// 1. A partnership that has ended (merged or discontinued) gets no proposal.
/// 2. Merge. Two partnerships are a merge pair when the second is the first's most-overlapping live partnership,
///    the overlap coefficient of their people is at least `mergeOverlap`, and either they held at least
///    `mergeDiscussions` duplicate discussions in the period, or they cover the same areas (the same non-empty
///    footprint) and share a theme. Of the two, the one that gives way is, at the first difference: the one without
///    a statutory basis; the one with fewer decisions in the period; the lower share of actions done (none counts as
///    0); fewer meetings held; fewer members; the later by name, then key. The one that gives way is proposed to
///    merge with the other, unless it is statutory: then reform. The other goes on through the rules, with a reason
///    saying what is proposed to merge into it.
/// 3. Too new to judge: a proposed partnership, or one that started after the period began, continues.
/// 4. Dormant: a partnership that held no meeting in a period of at least `dormantDays` is discontinued.
/// 5. Four benefit signals, each poor, sound or unknown (unknown when there is nothing to judge by):
///    - decisions: poor when fewer than `fewDecisionsPerMeeting` per held meeting;
///    - delivery: poor when it held meetings and raised no actions, dropped all it raised, or at least
///      `overdueShare` of those not dropped are overdue;
///    - attendance: poor when someone of director rank or above was at fewer than `seniorShare` of its meetings, at
///      least `missedShare` of the member seats were empty, or it was quorate at fewer than `quorateShare` of the
///      meetings whose terms of reference set a quorum;
///    - alignment: poor when it has priorities and none carries a Police and Crime Plan priority.
///    It is discontinued when decisions and delivery are both poor (it decides and delivers little), or when at least
///    `poorSignalsToDiscontinue` of the four are.
/// 6. Never discontinued, but reformed: a statutory partnership (the law requires it), and one another partnership
///    is proposed to merge into (it is to take on that business).
/// 7. Reform when any benefit signal is poor, its terms of reference are overdue for review, at least
///    `duplicatedShare` of its items were also discussed with the same people at partnerships other than those
///    proposed to merge into it, or at least `surveyConcernShare` of `surveyMinimumRespondents` or more respondents
///    agreed with a survey's concern about it.
/// 8. Continue otherwise.
///
/// Reasons: for a merge, the overlap and why this one gives way, then the cost; for reform and discontinuation, the
/// cost, then each poor signal and concern; to continue, the cost, then each sound signal. Proposals come by name,
/// then key.
public enum ReviewRules {
    /// Three in five of the smaller board's people on the other as well: beyond the police-and-council core that sits
    /// on nearly every board, so the two are mostly one group of people.
    public static let mergeOverlap = 0.6
    /// One shared item can be a briefing both boards receive; two show the same business coming to both.
    public static let mergeDiscussions = 2
    /// Fewer than one decision every two meetings: most meetings decide nothing.
    public static let fewDecisionsPerMeeting = 0.5
    /// Half or more of its live actions overdue: what it agrees mostly does not get done.
    public static let overdueShare = 0.5
    /// Senior partners present at fewer than half the meetings: the reports' "senior partners send delegates", so the
    /// board cannot commit its organisations.
    public static let seniorShare = 0.5
    /// Half or more of the member seats empty, with no substitute either.
    public static let missedShare = 0.5
    /// Inquorate at more than one meeting in four: its decisions are often not valid.
    public static let quorateShare = 0.75
    /// Three of the four benefit signals poor: good attendance or alignment alone does not justify the cost.
    public static let poorSignalsToDiscontinue = 3
    /// A year without a meeting: every set meeting frequency but "as needed" meets at least once a year, and a board
    /// needed by nobody for a year is not needed.
    public static let dormantDays = 365
    /// Half or more of its business also done elsewhere with the same people.
    public static let duplicatedShare = 0.5
    /// Half or more of the respondents agreeing with a concern…
    public static let surveyConcernShare = 0.5
    /// …of at least five: the fewest whose anonymous answers a survey shows.
    public static let surveyMinimumRespondents = 5

    public static func recommend(_ findings: [ReviewFindings]) -> [ReviewRecommendation] {
        let live = findings.filter { !$0.status.hasEnded }.sorted {
            ($0.name, $0.partnershipKey) < ($1.name, $1.partnershipKey)
        }
        var merges: [String: Merge] = [:]
        var takingOn: [String: [ReviewEvidence]] = [:]
        for f in live {
            guard let merge = merge(f) else { continue }
            merges[f.partnershipKey] = merge
            if !f.isStatutory { takingOn[merge.otherKey, default: []].append(f.evidence) }
        }
        return live.map { f in
            recommendation(f, merge: merges[f.partnershipKey], takingOn: takingOn[f.partnershipKey] ?? [])
        }
    }

    typealias Reason = ReviewRecommendation.Reason

    static func recommendation(_ f: ReviewFindings, merge: Merge?, takingOn: [ReviewEvidence])
        -> ReviewRecommendation
    {
        func made(_ proposal: ReviewRecommendation.Proposal, _ reasons: [Reason]) -> ReviewRecommendation {
            ReviewRecommendation(partnershipKey: f.partnershipKey, name: f.name, proposal: proposal, reasons: reasons)
        }
        let cost = costReason(f)
        let basis = f.statutoryBasis ?? ""
        if let merge {
            guard f.isStatutory else { return made(.merge(with: merge.otherKey), merge.reasons + [cost]) }
            let kept = Reason(
                "It is statutory (\(basis)), so it is not merged away: "
                    + "bring its business and \(the(merge.otherName))'s together instead",
                [f.evidence])
            return made(.reform, merge.reasons + [kept, cost])
        }
        let taking = takingOn.map { Reason("\(capitalised(the($0.label))) is proposed to merge into it", [$0]) }
        if f.status == .proposed {
            return made(
                .continue,
                [Reason("It is proposed and not yet running: there is nothing to review", [f.evidence])] + taking)
        }
        if let started = f.startedOn, started > f.period.from {
            let young = Reason(
                "It started on \(started.longDescription), after the period began on "
                    + "\(f.period.from.longDescription): too new to judge on these figures",
                [f.evidence])
            return made(.continue, [young, cost] + taking)
        }

        let signals = [decisions(f), delivery(f), attendance(f), alignment(f)]
        let poor = signals.compactMap { $0 }.filter(\.poor)
        let dormant = f.cost.meetingsHeld == 0 && f.delivery.figures.meetings == 0 && f.period.days >= dormantDays
        let outputsPoor = signals[0]?.poor == true && signals[1]?.poor == true
        let mergingIn = Set(takingOn.map(\.key))
        let concerns =
            [termsReason(f), duplicationReason(f, mergingIn: mergingIn)].compactMap { $0 } + surveyReasons(f)

        if dormant || outputsPoor || poor.count >= poorSignalsToDiscontinue {
            let why = [cost] + poor.flatMap(\.reasons) + concerns
            if f.isStatutory {
                let kept = Reason(
                    "It is statutory (\(basis)): the law requires it, so it is reformed rather than discontinued",
                    [f.evidence])
                return made(.reform, [kept] + why + taking)
            }
            if !taking.isEmpty {
                let kept = Reason(
                    "It is to take on the business of the \(takingOn.count == 1 ? "partnership" : "partnerships") "
                        + "proposed to merge into it, so it is reformed rather than discontinued",
                    takingOn)
                return made(.reform, [kept] + why + taking)
            }
            return made(.discontinue, why)
        }
        if !poor.isEmpty || !concerns.isEmpty {
            return made(.reform, [cost] + poor.flatMap(\.reasons) + concerns + taking)
        }
        return made(.continue, [cost] + signals.compactMap { $0 }.flatMap(\.reasons) + taking)
    }

    // MARK: Merge

    struct Merge {
        var otherKey: String
        var otherName: String
        var reasons: [Reason]
    }

    /// The merge this partnership gives way in (rule 2), or nil.
    static func merge(_ f: ReviewFindings) -> Merge? {
        guard let o = f.overlap, o.overlap >= mergeOverlap else { return nil }
        let together = f.duplication.with(o.otherKey)
        let discussions = together?.discussions ?? 0
        let alike = o.sameFootprint && !o.sharedThemes.isEmpty
        guard discussions >= mergeDiscussions || alike, let why = givesWay(f, o) else { return nil }
        let other = the(o.otherName)
        var shared =
            "\(o.sharedPeople == 1 ? "1 person sits" : "\(o.sharedPeople) people sit") on both it and \(other): "
            + "\(percent(o.overlap)) of the smaller board's \(count(min(o.members, o.otherMembers), "member"))"
        var evidence = o.evidence
        if discussions >= mergeDiscussions, let together {
            shared += ", and \(discussions) of their discussions in the period were the same, with the same people"
            evidence += [.duplicates] + together.evidence
        }
        if alike {
            shared +=
                ", and both cover the same areas with the same \(o.sharedThemes.count == 1 ? "theme" : "themes") "
                + "(\(o.sharedThemes.joined(separator: ", ")))"
        }
        return Merge(
            otherKey: o.otherKey, otherName: o.otherName,
            reasons: [
                Reason(shared, evidence), Reason(why, [f.evidence, o.evidence[0]] + f.delivery.evidence.prefix(1))
            ])
    }

    /// Why this partnership gives way to the other in a merge, or nil when the other gives way.
    static func givesWay(_ f: ReviewFindings, _ o: ReviewFindings.OverlapFigures) -> String? {
        let other = the(o.otherName)
        let mine = f.delivery.figures
        if f.isStatutory != o.otherIsStatutory {
            return f.isStatutory
                ? nil : "\(capitalised(other)) is statutory (\(o.otherStatutoryBasis ?? "")) and it is not"
        }
        if mine.decisions != o.otherDecisions {
            return mine.decisions > o.otherDecisions
                ? nil
                : "It made \(count(mine.decisions, "decision")) in the period against \(other)'s \(o.otherDecisions)"
        }
        let (done, otherDone) = (mine.completion ?? 0, o.otherCompletion ?? 0)
        if done != otherDone {
            return done > otherDone
                ? nil
                : "It completed \(percent(done)) of its actions in the period against \(other)'s \(percent(otherDone))"
        }
        if mine.meetings != o.otherMeetings {
            return mine.meetings > o.otherMeetings
                ? nil : "It held fewer meetings in the period: \(mine.meetings) against \(other)'s \(o.otherMeetings)"
        }
        if o.members != o.otherMembers {
            return o.members > o.otherMembers
                ? nil : "It has fewer members: \(o.members) against \(other)'s \(o.otherMembers)"
        }
        return (f.name, f.partnershipKey) > (o.otherName, o.otherKey)
            ? "Its figures match \(other)'s; it is the one named second" : nil
    }
}
