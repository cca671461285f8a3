import Foundation

/// A survey: questions asked of a list of people or organisations, each through a personal link, or answers gathered
/// elsewhere and imported. An anonymous survey's answers cannot be linked to anyone, and its results are shown only
/// from `Survey.anonymousThreshold` respondents.
public struct Survey: Hashable, Codable, Sendable {
    public var key: String
    public var title: String
    /// What the survey is for, shown above its questions.
    public var introduction: String?
    public var anonymous: Bool
    public var status: SurveyStatus
    /// The last day answers are taken; after it the survey closes by itself.
    public var closesOn: Day?
    /// The survey this one runs again, for the year-on-year comparison.
    public var previousKey: String?
    public var questions: [SurveyQuestion]

    /// An anonymous survey's results are shown only when at least this many have answered.
    public static let anonymousThreshold = 5

    public init(
        key: String, title: String, introduction: String? = nil, anonymous: Bool = false,
        status: SurveyStatus = .draft, closesOn: Day? = nil, previousKey: String? = nil, questions: [SurveyQuestion]
    ) {
        self.key = key
        self.title = title
        self.introduction = introduction
        self.anonymous = anonymous
        self.status = status
        self.closesOn = closesOn
        self.previousKey = previousKey
        self.questions = questions
    }

    /// Whether answers are taken on `day`: open, and not past its closing day.
    public func takesAnswers(on day: Day) -> Bool {
        status == .open && (closesOn.map { day <= $0 } ?? true)
    }

    /// The status as it stands on `day`: an open survey past its closing day is closed, whether or not anyone has
    /// said so.
    public func status(on day: Day) -> SurveyStatus {
        status == .open && !takesAnswers(on: day) ? .closed : status
    }

    public func question(_ key: String) -> SurveyQuestion? { questions.first { $0.key == key } }

    /// The questions asked on page `page` (from 1): a survey is answered a few questions at a time, each page ending at
    /// a question that starts a new `section`, or after `perPage` questions.
    public func pages(perPage: Int = 8) -> [[SurveyQuestion]] {
        var pages: [[SurveyQuestion]] = []
        var current: [SurveyQuestion] = []
        for question in questions {
            if !current.isEmpty && (question.section != nil || current.count == perPage) {
                pages.append(current)
                current = []
            }
            current.append(question)
        }
        if !current.isEmpty { pages.append(current) }
        return pages
    }

    /// What is wrong with the survey as a whole, or nothing.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError("title", "Enter a title")) }
        if title.count > 200 { errors.append(FieldError("title", "The title must be 200 characters or fewer")) }
        if questions.isEmpty { errors.append(FieldError("questions", "Add at least one question")) }
        var seen: Set<String> = []
        for (index, question) in questions.enumerated() {
            let place = "questions[\(index)]."
            if !seen.insert(question.key).inserted {
                errors.append(FieldError(place + "key", "Question \(index + 1)'s key '\(question.key)' is used twice"))
            }
            errors += question.validate().map { FieldError(place + $0.field, "Question \(index + 1): \($0.message)") }
        }
        return errors
    }
}

public enum SurveyStatus: String, CaseIterable, Codable, Sendable {
    /// Being written: no links work yet.
    case draft
    /// Links take answers until the closing day.
    case open
    /// No more answers; results final.
    case closed

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .open: "Open"
        case .closed: "Closed"
        }
    }
}

public struct SurveyQuestion: Hashable, Codable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// A statement answered on five points from strongly agree to strongly disagree, or "don't know".
        case likert
        case singleChoice = "single_choice"
        case multipleChoice = "multiple_choice"
        case freeText = "free_text"

        public var label: String {
            switch self {
            case .likert: "Agree or disagree (five points)"
            case .singleChoice: "One of a list"
            case .multipleChoice: "Any of a list"
            case .freeText: "Free text"
            }
        }
    }

    /// Unique within the survey: `q1`, `q2`, …
    public var key: String
    public var text: String
    public var kind: Kind
    /// The choices of a single or multiple choice question.
    public var options: [String]
    public var required: Bool
    /// A heading that starts a new page of the answer form at this question.
    public var section: String?

    public init(
        key: String, text: String, kind: Kind, options: [String] = [], required: Bool = false, section: String? = nil
    ) {
        self.key = key
        self.text = text
        self.kind = kind
        self.options = options
        self.required = required
        self.section = section
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if text.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError("text", "enter its text")) }
        if text.count > 1000 { errors.append(FieldError("text", "its text must be 1,000 characters or fewer")) }
        switch kind {
        case .singleChoice, .multipleChoice:
            if options.count < 2 { errors.append(FieldError("options", "give at least two choices")) }
            if Set(options).count != options.count { errors.append(FieldError("options", "a choice is given twice")) }
        case .likert, .freeText:
            if !options.isEmpty { errors.append(FieldError("options", "only a choice question has choices")) }
        }
        return errors
    }

    /// Reads one answer as a form or a file gives it: the values chosen (one for a single choice or a Likert point,
    /// any number for a multiple choice, the text for free text), or why it cannot be taken.
    public func read(_ values: [String]) -> Result<SurveyAnswer, FieldError> {
        let given = values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        switch kind {
        case .likert:
            guard given.count <= 1 else { return .failure(FieldError(key, "Choose one answer")) }
            switch LikertPoint.read(given.first ?? "") {
            case .point(let point): return .success(.likert(point))
            case .noAnswer: return given.isEmpty ? .success(.none) : .success(.dontKnow)
            case .notLikert:
                return .failure(
                    FieldError(
                        key,
                        "'\(given[0])' is not an answer to this statement: use strongly agree, agree, neither agree nor disagree, disagree, strongly disagree or don't know"
                    ))
            }
        case .singleChoice:
            guard given.count <= 1 else { return .failure(FieldError(key, "Choose one answer")) }
            guard let value = given.first else { return .success(.none) }
            guard let option = option(matching: value) else { return .failure(notAChoice(value)) }
            return .success(.choices([option]))
        case .multipleChoice:
            var chosen: [String] = []
            for value in given {
                guard let option = option(matching: value) else { return .failure(notAChoice(value)) }
                if !chosen.contains(option) { chosen.append(option) }
            }
            return .success(chosen.isEmpty ? .none : .choices(options.filter(chosen.contains)))
        case .freeText:
            let text = given.joined(separator: "\n")
            if text.count > 5000 { return .failure(FieldError(key, "The answer must be 5,000 characters or fewer")) }
            return .success(text.isEmpty ? .none : .text(text))
        }
    }

    /// The choice a value names, whatever its case and spacing.
    public func option(matching value: String) -> String? {
        let wanted = SurveyQuestion.normalised(value)
        return options.first { SurveyQuestion.normalised($0) == wanted }
    }

    func notAChoice(_ value: String) -> FieldError {
        FieldError(key, "'\(value)' is not one of the choices: \(options.joined(separator: ", "))")
    }

    /// Text compared without case, spacing, curly quotes or a trailing full stop: how a question's text in a file
    /// is matched to a survey's question.
    public static func normalised(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
            .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".…")))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// One respondent's answer to one question.
public enum SurveyAnswer: Hashable, Codable, Sendable {
    /// Not answered.
    case none
    /// A Likert statement answered "don't know" (or "N/A"): asked, but no point given.
    case dontKnow
    case likert(LikertPoint)
    case choices([String])
    case text(String)

    /// The answer as stored and sent: a Likert point's value or `dont_know`, the choices, the text.
    public var values: [String] {
        switch self {
        case .none: []
        case .dontKnow: ["dont_know"]
        case .likert(let point): [point.rawValue]
        case .choices(let chosen): chosen
        case .text(let text): [text]
        }
    }

    /// The answer a question's stored values make; values it no longer takes are left out.
    public init(_ values: [String], for question: SurveyQuestion) {
        switch question.kind {
        case .likert:
            if values == ["dont_know"] {
                self = .dontKnow
            } else {
                self = values.first.flatMap(LikertPoint.init(rawValue:)).map(SurveyAnswer.likert) ?? .none
            }
        case .singleChoice, .multipleChoice:
            let kept = values.filter(question.options.contains)
            self = kept.isEmpty ? .none : .choices(kept)
        case .freeText:
            self = values.first.map { $0.isEmpty ? .none : .text($0) } ?? .none
        }
    }

    public var isNone: Bool { self == .none }
}

/// A respondent's answers, by question key, and the sector of their organisation when known (for the breakdown).
public struct SurveyResponse: Hashable, Codable, Sendable {
    public var answers: [String: SurveyAnswer]
    public var sector: Sector?

    public init(answers: [String: SurveyAnswer], sector: Sector? = nil) {
        self.answers = answers
        self.sector = sector
    }

    public subscript(_ key: String) -> SurveyAnswer { answers[key] ?? .none }

    /// The required questions among `questions` left unanswered, as errors a form shows.
    public func missing(_ questions: [SurveyQuestion]) -> [FieldError] {
        questions.filter { $0.required && self[$0.key].isNone }.map {
            let text = $0.text.count <= 80 ? $0.text : String($0.text.prefix(79)) + "…"
            return FieldError(
                $0.key, ($0.kind == .freeText ? "Enter an answer to" : "Choose an answer to") + " ‘\(text)’")
        }
    }
}
