import Foundation

/// An amount of money kept exact: in sixtieths of a penny, because a person-minute costs an hourly rate (whole
/// pence) divided by 60. Sums stay exact; only `pence` and `description` round, half up, when a figure is shown.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic {
    public var sixtiethsOfPenny: Int

    public init(sixtiethsOfPenny: Int) { self.sixtiethsOfPenny = sixtiethsOfPenny }

    public init(pence: Int) { self.sixtiethsOfPenny = pence * 60 }

    /// What `minutes` of a person's time cost at `penceAnHour`.
    public static func time(minutes: Int, at penceAnHour: Int) -> Money {
        Money(sixtiethsOfPenny: minutes * penceAnHour)
    }

    public static var zero: Money { Money(sixtiethsOfPenny: 0) }
    public static func + (a: Money, b: Money) -> Money {
        Money(sixtiethsOfPenny: a.sixtiethsOfPenny + b.sixtiethsOfPenny)
    }
    public static func - (a: Money, b: Money) -> Money {
        Money(sixtiethsOfPenny: a.sixtiethsOfPenny - b.sixtiethsOfPenny)
    }
    public static func * (a: Money, n: Int) -> Money { Money(sixtiethsOfPenny: a.sixtiethsOfPenny * n) }
    public static func < (a: Money, b: Money) -> Bool { a.sixtiethsOfPenny < b.sixtiethsOfPenny }

    /// Whole pence, rounded half up (away from zero for a negative amount).
    public var pence: Int { Money.divide(sixtiethsOfPenny, by: 60) }

    /// "£4,082.40".
    public var description: String { Money.format(pence: pence) }

    public static func format(pence: Int) -> String {
        let sign = pence < 0 ? "-" : ""
        let pounds = abs(pence) / 100
        let rest = abs(pence) % 100
        return "\(sign)£\(grouped(pounds)).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// "£4,082", for charts and headlines where pence are noise.
    public var wholePounds: String {
        let pounds = Money.divide(pence, by: 100)
        return (pounds < 0 ? "-£" : "£") + Money.grouped(abs(pounds))
    }

    static func grouped(_ n: Int) -> String {
        var digits = String(n)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits = String(digits.dropLast(3))
        }
        return digits + out
    }

    /// a ÷ b rounded half up (half away from zero), for b > 0.
    static func divide(_ a: Int, by b: Int) -> Int {
        a >= 0 ? (2 * a + b) / (2 * b) : -((2 * -a + b) / (2 * b))
    }
}

extension Money {
    /// Pence from an amount as a person writes it: "£100,000", "1234.5", "£12.07"; nil when it is not an amount of
    /// pounds and at most two decimal places, or is negative.
    public static func pence(reading text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        if t.hasPrefix("£") { t.removeFirst() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard !t.isEmpty, parts.count <= 2, let pounds = Int(parts[0].isEmpty ? "0" : parts[0]), pounds >= 0,
            parts[0].allSatisfy(\.isNumber)
        else { return nil }
        guard parts.count == 2 else { return pounds * 100 }
        let fraction = parts[1]
        guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isNumber), let p = Int(fraction) else {
            return nil
        }
        return pounds * 100 + (fraction.count == 1 ? p * 10 : p)
    }
}
