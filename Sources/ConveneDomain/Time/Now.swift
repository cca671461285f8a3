import Foundation

/// Where the current time comes from: the system's clock when Convene runs, a fixed instant a test chooses.
/// Nothing else in Convene reads the time, so every test fixes its own date.
public struct Now: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    /// The machine's clock: the one place Convene asks the system the time.
    public static let system = Now { Date() }

    /// Always `instant`.
    public static func fixed(_ instant: Date) -> Now { Now { instant } }

    /// Always `minute` minutes after midnight of `day` on London's wall clock (noon unless said).
    public static func fixed(_ day: Day, minute: Int = 12 * 60) -> Now {
        .fixed(WallClock.instant(day, minute: minute))
    }

    /// The current instant.
    public func callAsFunction() -> Date { read() }

    /// Today in Europe/London, where every Convene workspace lives.
    public var today: Day { WallClock.day(of: read()) }
}
