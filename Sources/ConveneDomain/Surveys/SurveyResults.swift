import Foundation

/// A survey's results as the reports give them: for each statement the count of each point, the shares computed from
/// the counts, the number of respondents; choices counted; free text listed; the same by sector of the respondent's
/// organisation; and the survey it runs again set beside it. An anonymous survey's results, and any group of its
/// respondents, are shown only from `Survey.anonymousThreshold` respondents.
public struct SurveyResults: Sendable {
    public struct Question: Sendable {
        public var question: SurveyQuestion
        /// Everyone who responded to the survey: each was asked every question.
        public var respondents: Int
        /// A statement's points; nil for other kinds.
        public var likert: LikertCounts?
        /// Each choice with how many chose it, in the question's order.
        public var choices: [(option: String, count: Int)]
        /// Free-text answers, in the order given.
        public var texts: [String]
    }

    /// One sector's respondents' statements, or those of the sectors too small to show alone.
    public struct Group: Sendable {
        /// The sector; nil for respondents whose sector is not known, or the small sectors put together.
        public var sector: Sector?
        public var label: String
        public var respondents: Int
        /// By question key, the statements only.
        public var likert: [String: LikertCounts]
    }

    /// A statement asked in both years: the agree share then and now.
    public struct Change: Sendable {
        public var text: String
        public var before: LikertCounts
        public var now: LikertCounts
        /// Percentage points, from the shares (not their rounded figures).
        public var agreeChange: Double? {
            guard let b = before.agreeShare, let n = now.agreeShare else { return nil }
            return (n - b) * 100
        }
    }

    public var survey: Survey
    public var respondents: Int
    /// False for an anonymous survey with fewer than five respondents: nothing but the count is given.
    public var shown: Bool
    public var questions: [Question]
    public var bySector: [Group]
    /// Those of the survey's respondents in no group shown (an anonymous survey's small groups that still number
    /// fewer than five put together).
    public var unshownBySector: Int
    public var previous: (survey: Survey, respondents: Int)?
    public var changes: [Change]

    public init(survey: Survey, responses: [SurveyResponse], previous: (Survey, [SurveyResponse])? = nil) {
        self.survey = survey
        respondents = responses.count
        shown = !survey.anonymous || responses.count >= Survey.anonymousThreshold
        questions =
            shown
            ? survey.questions.map { SurveyResults.count($0, in: responses) }
            : []
        (bySector, unshownBySector) = shown ? SurveyResults.groups(survey, responses) : ([], responses.count)
        if let (before, answers) = previous {
            let earlier = SurveyResults(survey: before, responses: answers)
            self.previous = (before, answers.count)
            changes =
                shown && earlier.shown
                ? questions.compactMap { q in
                    guard let now = q.likert,
                        let then = earlier.questions.first(where: {
                            $0.question.kind == .likert
                                && SurveyQuestion.normalised($0.question.text)
                                    == SurveyQuestion.normalised(q.question.text)
                        })?.likert
                    else { return nil }
                    return Change(text: q.question.text, before: then, now: now)
                }
                : []
        } else {
            self.previous = nil
            changes = []
        }
    }

    static func count(_ question: SurveyQuestion, in responses: [SurveyResponse]) -> Question {
        var result = Question(question: question, respondents: responses.count, likert: nil, choices: [], texts: [])
        switch question.kind {
        case .likert:
            result.likert = LikertCounts(
                answers: responses.map { if case .likert(let point) = $0[question.key] { point } else { nil } })
        case .singleChoice, .multipleChoice:
            var counts: [String: Int] = [:]
            for response in responses {
                if case .choices(let chosen) = response[question.key] {
                    for option in chosen { counts[option, default: 0] += 1 }
                }
            }
            result.choices = question.options.map { ($0, counts[$0] ?? 0) }
        case .freeText:
            result.texts = responses.compactMap { if case .text(let text) = $0[question.key] { text } else { nil } }
        }
        return result
    }

    /// The respondents by sector, largest first. In an anonymous survey a sector of fewer than five goes into one
    /// group with the others like it, shown only if that reaches five.
    static func groups(_ survey: Survey, _ responses: [SurveyResponse]) -> ([Group], Int) {
        let statements = survey.questions.filter { $0.kind == .likert }
        func group(_ sector: Sector?, _ label: String, _ members: [SurveyResponse]) -> Group {
            Group(
                sector: sector, label: label, respondents: members.count,
                likert: Dictionary(
                    uniqueKeysWithValues: statements.map { ($0.key, count($0, in: members).likert ?? LikertCounts()) }))
        }
        let bySector = Dictionary(grouping: responses, by: \.sector)
        let ordered = bySector.sorted {
            ($0.value.count, $1.key?.rawValue ?? "") > ($1.value.count, $0.key?.rawValue ?? "")
        }
        guard survey.anonymous else {
            return (ordered.map { group($0.key, $0.key?.label ?? "Sector not known", $0.value) }, 0)
        }
        let large = ordered.filter { $0.key != nil && $0.value.count >= Survey.anonymousThreshold }
        let rest = ordered.filter { $0.key == nil || $0.value.count < Survey.anonymousThreshold }.flatMap(\.value)
        var groups = large.map { group($0.key, $0.key?.label ?? "", $0.value) }
        if rest.count >= Survey.anonymousThreshold {
            groups.append(group(nil, "Other sectors and not known", rest))
            return (groups, 0)
        }
        return (groups, rest.count)
    }
}

extension SurveyResults {
    /// The stable JSON of `convene survey results KEY --format json`: shares as fractions of those who answered,
    /// to four decimal places, null when nobody did.
    public struct Contract: Codable, Equatable, Sendable {
        public struct Counts: Codable, Equatable, Sendable {
            public var stronglyAgree, agree, neither, disagree, stronglyDisagree, noAnswer: Int

            enum CodingKeys: String, CodingKey {
                case agree, neither, disagree
                case stronglyAgree = "strongly_agree"
                case stronglyDisagree = "strongly_disagree"
                case noAnswer = "no_answer"
            }
        }

        public struct Question: Codable, Equatable, Sendable {
            public var text: String
            public var kind: SurveyQuestion.Kind
            public var respondents: Int
            public var counts: Counts?
            public var agreeShare, stronglyAgreeShare, disagreeShare, stronglyDisagreeShare: Double?
            /// A choice question's choices with their counts, in the question's order.
            public var choices: [Choice]?
            /// A free-text question's answers.
            public var answers: [String]?

            enum CodingKeys: String, CodingKey {
                case text, kind, respondents, counts, choices, answers
                case agreeShare = "agree_share"
                case stronglyAgreeShare = "strongly_agree_share"
                case disagreeShare = "disagree_share"
                case stronglyDisagreeShare = "strongly_disagree_share"
            }

            /// Every question has every key of the contract, null where it has no value (a choice question's counts,
            /// a share nobody answered); `choices` and `answers` only for the questions they belong to.
            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(text, forKey: .text)
                try c.encode(kind, forKey: .kind)
                try c.encode(respondents, forKey: .respondents)
                try c.encode(counts, forKey: .counts)
                try c.encode(agreeShare, forKey: .agreeShare)
                try c.encode(stronglyAgreeShare, forKey: .stronglyAgreeShare)
                try c.encode(disagreeShare, forKey: .disagreeShare)
                try c.encode(stronglyDisagreeShare, forKey: .stronglyDisagreeShare)
                try c.encodeIfPresent(choices, forKey: .choices)
                try c.encodeIfPresent(answers, forKey: .answers)
            }
        }

        public struct Choice: Codable, Equatable, Sendable {
            public var option: String
            public var count: Int
        }

        public var survey: String
        public var title: String
        public var respondents: Int
        /// False when an anonymous survey has too few respondents to show; `questions` is then empty.
        public var shown: Bool
        public var questions: [Question]
    }

    public var contract: Contract {
        Contract(
            survey: survey.key, title: survey.title, respondents: respondents, shown: shown,
            questions: questions.map { q in
                let l = q.likert
                return Contract.Question(
                    text: q.question.text, kind: q.question.kind, respondents: q.respondents,
                    counts: l.map {
                        Contract.Counts(
                            stronglyAgree: $0[.stronglyAgree], agree: $0[.agree], neither: $0[.neither],
                            disagree: $0[.disagree], stronglyDisagree: $0[.stronglyDisagree], noAnswer: $0.noAnswer)
                    },
                    agreeShare: l?.agreeShare.map(Self.fourPlaces),
                    stronglyAgreeShare: l?.stronglyAgreeShare.map(Self.fourPlaces),
                    disagreeShare: l?.disagreeShare.map(Self.fourPlaces),
                    stronglyDisagreeShare: l?.stronglyDisagreeShare.map(Self.fourPlaces),
                    choices: q.question.kind == .singleChoice || q.question.kind == .multipleChoice
                        ? q.choices.map { Contract.Choice(option: $0.option, count: $0.count) } : nil,
                    answers: q.question.kind == .freeText ? q.texts : nil)
            })
    }

    static func fourPlaces(_ share: Double) -> Double { (share * 10_000).rounded() / 10_000 }

    /// The statements' results as CSV, a row a statement, then a row for each choice of a choice question.
    public var csv: String {
        let header = [
            "question", "kind", "respondents", "strongly_agree", "agree", "neither", "disagree", "strongly_disagree",
            "no_answer", "agree_share", "strongly_agree_share", "disagree_share", "strongly_disagree_share", "choice",
            "count"
        ]
        func share(_ value: Double?) -> String { value.map { String(format: "%.4f", Self.fourPlaces($0)) } ?? "" }
        var rows: [[String]] = []
        for q in questions {
            let base = [q.question.text, q.question.kind.rawValue, "\(q.respondents)"]
            if let l = q.likert {
                rows.append(
                    base + LikertPoint.allCases.map { "\(l[$0])" } + [
                        "\(l.noAnswer)", share(l.agreeShare), share(l.stronglyAgreeShare), share(l.disagreeShare),
                        share(l.stronglyDisagreeShare), "", ""
                    ])
            }
            for choice in q.choices {
                rows.append(base + Array(repeating: "", count: 10) + [choice.option, "\(choice.count)"])
            }
        }
        return CSV.write(header: header, rows: rows)
    }
}
