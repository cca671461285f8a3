import Foundation

/// The five points of a Likert statement, as the reports' survey asked them. "Don't know", "N/A" and no answer are not
/// points: they are left out of the shares.
public enum LikertPoint: String, CaseIterable, Codable, Sendable {
    case stronglyAgree = "strongly_agree"
    case agree
    case neither
    case disagree
    case stronglyDisagree = "strongly_disagree"

    public var label: String {
        switch self {
        case .stronglyAgree: "Strongly agree"
        case .agree: "Agree"
        case .neither: "Neither agree nor disagree"
        case .disagree: "Disagree"
        case .stronglyDisagree: "Strongly disagree"
        }
    }

    /// What an answer in a file or a form says: a point, no answer (`nil`: "Don't know", "N/A", blank), or something
    /// that is not a Likert answer at all (`.notLikert`). Case, spacing and a trailing full stop do not matter.
    public enum Reading: Equatable, Sendable {
        case point(LikertPoint)
        case noAnswer
        case notLikert
    }

    public static func read(_ text: String) -> Reading {
        // A form posts a point's value ("strongly_agree"), a person writes its label: both read the same.
        let words = text.lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "_", with: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".")))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        switch words {
        case "": return .noAnswer
        case "don't know", "dont know", "do not know", "n/a", "na", "not applicable": return .noAnswer
        case "neither", "neutral", "neither agree nor disagree", "neither agree or disagree": return .point(.neither)
        default: return allCases.first { $0.label.lowercased() == words }.map { .point($0) } ?? .notLikert
        }
    }
}

/// One statement's answers counted, and the shares the reports quote, computed from the counts, never by adding
/// rounded shares.
public struct LikertCounts: Equatable, Sendable {
    public var counts: [LikertPoint: Int]
    /// Respondents who were asked but gave no point ("Don't know", "N/A", blank).
    public var noAnswer: Int

    public init(_ counts: [LikertPoint: Int] = [:], noAnswer: Int = 0) {
        self.counts = counts
        self.noAnswer = noAnswer
    }

    /// Counts the answers as `LikertPoint.read` reads them; an answer that is not Likert is an error for the caller.
    public init(answers: [LikertPoint?]) {
        self.init()
        for answer in answers {
            if let answer { counts[answer, default: 0] += 1 } else { noAnswer += 1 }
        }
    }

    public subscript(_ point: LikertPoint) -> Int { counts[point, default: 0] }

    /// Those who gave a point: what the shares are of.
    public var answered: Int { LikertPoint.allCases.reduce(0) { $0 + self[$1] } }
    /// Everyone asked, answered or not.
    public var respondents: Int { answered + noAnswer }

    /// The share of those who answered who gave one of `points`, from 0 to 1; nil when nobody answered.
    public func share(_ points: Set<LikertPoint>) -> Double? {
        guard answered > 0 else { return nil }
        return Double(points.reduce(0) { $0 + self[$1] }) / Double(answered)
    }

    /// Agree or strongly agree.
    public var agreeShare: Double? { share([.agree, .stronglyAgree]) }
    public var stronglyAgreeShare: Double? { share([.stronglyAgree]) }
    /// Disagree or strongly disagree.
    public var disagreeShare: Double? { share([.disagree, .stronglyDisagree]) }
    public var stronglyDisagreeShare: Double? { share([.stronglyDisagree]) }
}

extension Double {
    /// The share as a percentage to one decimal place, as the reports print them: "97.4%".
    public var percentText: String { String(format: "%.1f%%", (self * 1000).rounded() / 10) }
}
