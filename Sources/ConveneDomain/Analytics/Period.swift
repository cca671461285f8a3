import Foundation

/// The days an analysis covers, both included.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public var from: Day
    public var to: Day

    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
    }

    /// The 365 days to a day: the year the reports price.
    public static func year(to day: Day) -> Period { Period(from: day.adding(days: -364), to: day) }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }

    public var days: Int { to.ordinal - from.ordinal + 1 }

    public var description: String { "\(from.longDescription) to \(to.longDescription)" }
}

/// The period an analysis covers, asked for as two typed dates: the one parser and the one limit for the
/// command line, the API and the pages. Each problem names the field (`from` or `to`) it is about.
extension Period {
    /// The longest period an analysis covers: ten years.
    public static let maximumDays = 3_660

    /// The period from `from` to `to` (yyyy-mm-dd; either may be missing or empty): the 365 days to `to`, or
    /// to `today`, unless `from` says otherwise. With errors, `period` is the year to today (or to a valid `to`),
    /// for a page to show beside the errors.
    public static func asked(from: String?, to: String?, today: Day) -> (period: Period, errors: [FieldError]) {
        var errors: [FieldError] = []
        func day(_ text: String?, _ field: String, _ example: String, _ what: String) -> Day? {
            guard let text, !text.isEmpty else { return nil }
            guard let day = Day(text) else {
                errors.append(FieldError(field, "Enter the \(what) day as a date, like \(example)"))
                return nil
            }
            return day
        }
        let last = day(to, "to", "2026-03-31", "last") ?? today
        let start = day(from, "from", "2025-04-01", "first")
        var first = start ?? Period.year(to: last).from
        if first > last {
            errors.append(FieldError("from", "The first day must be on or before the last day"))
            first = Period.year(to: last).from
        }
        if last.ordinal - first.ordinal > maximumDays {
            errors.append(FieldError("from", "Choose a period of ten years or less"))
            first = Period.year(to: last).from
        }
        return (Period(from: first, to: last), errors)
    }
}
