import Foundation

/// A calendar date with no time of day: start, end, approval and review dates.
/// Stored and exchanged as ISO 8601 `yyyy-mm-dd`; this is Convene's one date format for such dates.
public struct Day: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-mm-dd`, and also `dd/mm/yyyy`, which spreadsheets in England and Wales write.
    public init?(_ text: String) {
        if let day = Day(isoDigits: text) {
            self = day
            return
        }
        let text = text.trimmingCharacters(in: .whitespaces)
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let uk = text.split(separator: "/", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]) {
            self.init(year: y, month: m, day: d)
        } else if uk.count == 3, uk[2].count == 4, let d = Int(uk[0]), let m = Int(uk[1]), let y = Int(uk[2]) {
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }

    /// Exactly `yyyy-mm-dd`, read byte by byte: the form every stored date has, read tens of thousands of times
    /// by an analysis.
    private init?(isoDigits text: String) {
        guard text.utf8.count == 10 else { return nil }
        var parts = (0, 0, 0)
        for (i, byte) in text.utf8.enumerated() {
            if i == 4 || i == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if i < 4 {
                parts.0 = parts.0 * 10 + digit
            } else if i < 7 {
                parts.1 = parts.1 * 10 + digit
            } else {
                parts.2 = parts.2 * 10 + digit
            }
        }
        self.init(year: parts.0, month: parts.1, day: parts.2)
    }

    public var description: String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// "14 March 2024", as GOV.UK writes dates.
    public var longDescription: String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"
        ]
        return "\(day) \(names[month - 1]) \(year)"
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01, for arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public func adding(days: Int) -> Day {
        let z = ordinal + days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return Day(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text)' is not a date; expected yyyy-mm-dd"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
