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
