import Foundation

/// The period a published statistic, a target or an amount of funding is for: a calendar year `2023`, a financial
/// year `2023-24` (1 April to 31 March), a calendar quarter `2023-Q2` or a month `2023-05`. Written and stored as that
/// code; shown by `label`. (`Period`, the days an analysis covers, is another thing.)
///
/// Periods sort by their first day, then by length, shortest first: May 2023, then April to June 2023, then 2023/24.
///
/// `2000-01` to `2011-12` read as financial years (2011-12 is 2011/12), not as months: a month and a financial year
/// are written alike only in those years, and statistics of that time were published by financial year.
public struct ReportingPeriod: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Codable, Sendable {
        case year
        case financialYear = "financial-year"
        case quarter
        case month
    }

    public let kind: Kind
    /// The calendar year the period starts in.
    public let year: Int
    /// The quarter (1 to 4) or the month (1 to 12); 0 for a year or a financial year.
    public let number: Int

    private init(kind: Kind, year: Int, number: Int = 0) {
        self.kind = kind
        self.year = year
        self.number = number
    }

    public static func year(_ year: Int) -> ReportingPeriod? {
        (1000...9998).contains(year) ? ReportingPeriod(kind: .year, year: year) : nil
    }

    /// The financial year starting on 1 April of `year`.
    public static func financialYear(_ year: Int) -> ReportingPeriod? {
        (1000...9998).contains(year) ? ReportingPeriod(kind: .financialYear, year: year) : nil
    }

    public static func quarter(_ quarter: Int, of year: Int) -> ReportingPeriod? {
        (1000...9998).contains(year) && (1...4).contains(quarter)
            ? ReportingPeriod(kind: .quarter, year: year, number: quarter) : nil
    }

    public static func month(_ month: Int, of year: Int) -> ReportingPeriod? {
        (1000...9998).contains(year) && (1...12).contains(month)
            ? ReportingPeriod(kind: .month, year: year, number: month) : nil
    }

    /// The financial year (April to March) that `day` falls in.
    public static func financialYear(containing day: Day) -> ReportingPeriod? {
        financialYear(day.month >= 4 ? day.year : day.year - 1)
    }

    /// Reads a period's code: `2023`, `2023-24`, `2023-Q2` (or `2023-q2`) or `2023-05`, surrounding spaces ignored.
    public init?(_ text: String) {
        let parts = CSV.trimmed(text).split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, first.allSatisfy(\.isASCIIDigit), let year = Int(first)
        else { return nil }
        if parts.count == 1, let period = ReportingPeriod.year(year) {
            self = period
            return
        }
        guard parts.count == 2 else { return nil }
        let second = parts[1]
        if second.count == 2, second.allSatisfy(\.isASCIIDigit), let n = Int(second) {
            if n == (year + 1) % 100, let period = ReportingPeriod.financialYear(year) {
                self = period
                return
            }
            guard let period = ReportingPeriod.month(n, of: year) else { return nil }
            self = period
        } else if second.count == 2, second.first == "Q" || second.first == "q", let q = Int(second.dropFirst()),
            second.last?.isASCIIDigit == true, let period = ReportingPeriod.quarter(q, of: year)
        {
            self = period
        } else {
            return nil
        }
    }

    /// A period, or the message a person can act on.
    public static func read(_ text: String) -> Result<ReportingPeriod, FieldError> {
        guard let period = ReportingPeriod(text) else { return .failure(FieldError("period", notAPeriod(text))) }
        return .success(period)
    }

    /// "'2023/24' is not a period: use 2023, 2023-24, 2023-Q2 or 2023-05".
    public static func notAPeriod(_ text: String) -> String {
        "'\(CSV.trimmed(text))' is not a period: use 2023, 2023-24, 2023-Q2 or 2023-05"
    }

    /// The code: "2023", "2023-24", "2023-Q2", "2023-05".
    public var description: String {
        switch kind {
        case .year: "\(year)"
        case .financialYear: "\(year)-\(Self.twoDigits((year + 1) % 100))"
        case .quarter: "\(year)-Q\(number)"
        case .month: "\(year)-\(Self.twoDigits(number))"
        }
    }

    /// As a person reads it: "2023", "2023/24", "April to June 2023", "May 2023".
    public var label: String {
        switch kind {
        case .year: "\(year)"
        case .financialYear: "\(year)/\(Self.twoDigits((year + 1) % 100))"
        case .quarter: "\(Self.months[number * 3 - 3]) to \(Self.months[number * 3 - 1]) \(year)"
        case .month: "\(Self.months[number - 1]) \(year)"
        }
    }

    /// The first day of the period.
    public var start: Day {
        switch kind {
        case .year: Day(year: year, month: 1, day: 1)!
        case .financialYear: Day(year: year, month: 4, day: 1)!
        case .quarter: Day(year: year, month: number * 3 - 2, day: 1)!
        case .month: Day(year: year, month: number, day: 1)!
        }
    }

    /// The last day of the period.
    public var end: Day {
        let next: Day =
            switch kind {
            case .year: Day(year: year + 1, month: 1, day: 1)!
            case .financialYear: Day(year: year + 1, month: 4, day: 1)!
            case .quarter:
                number == 4 ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: number * 3 + 1, day: 1)!
            case .month:
                number == 12 ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: number + 1, day: 1)!
            }
        return next.adding(days: -1)
    }

    /// The number of days in the period.
    public var days: Int { end.ordinal - start.ordinal + 1 }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    public static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool {
        (a.start, a.days) < (b.start, b.days)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let period = ReportingPeriod(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: Self.notAPeriod(text)))
        }
        self = period
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"
    ]

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
