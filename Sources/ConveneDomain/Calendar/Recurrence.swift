import Foundation

/// A recurrence rule (RRULE, RFC 5545 §3.3.10), as far as meetings go: repeats by day, week, month or year,
/// with INTERVAL, COUNT, UNTIL, BYDAY (with ordinals such as `2TU` or `-1FR`), BYMONTHDAY, BYMONTH, BYSETPOS
/// and WKST. Repeats within a day (HOURLY and finer, BYHOUR…) and by week number or year day are refused
/// with a message rather than guessed at.
struct RecurrenceRule: Hashable, Sendable {
    enum Frequency: String, Sendable { case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY" }

    /// `MO`, `2TU`, `-1FR`: a weekday (Monday 0 … Sunday 6), and for a monthly or yearly rule an ordinal
    /// within the month (or the year, when there is no BYMONTH).
    struct WeekdayNumber: Hashable, Sendable {
        var ordinal: Int?
        var weekday: Int
    }

    var frequency: Frequency
    var interval = 1
    var count: Int?
    var until: CalendarTime?
    var byDay: [WeekdayNumber] = []
    var byMonthDay: [Int] = []
    var byMonth: [Int] = []
    var bySetPosition: [Int] = []
    var weekStart = 0

    static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    init(parsing text: String) throws(ValueError) {
        var frequency: Frequency?
        var rule = RecurrenceRule(frequency: .daily)
        for part in text.split(separator: ";") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            let pair = part.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces).uppercased()
            }
            guard pair.count == 2, !pair[1].isEmpty else {
                throw ValueError("'\(part)' is not a rule part; expected NAME=value")
            }
            let (name, value) = (pair[0], pair[1])
            func integers(_ range: ClosedRange<Int>, zero: Bool = false) throws(ValueError) -> [Int] {
                var numbers: [Int] = []
                for item in value.split(separator: ",") {
                    guard let n = Int(item), range.contains(n), zero || n != 0 else {
                        let bounds = "from \(range.lowerBound) to \(range.upperBound)\(zero ? "" : ", not 0")"
                        throw ValueError("'\(name)=\(value)' is not valid; each value must be a whole number \(bounds)")
                    }
                    numbers.append(n)
                }
                return numbers
            }
            switch name {
            case "FREQ":
                guard let known = Frequency(rawValue: value) else {
                    let finer = ["HOURLY", "MINUTELY", "SECONDLY"].contains(value)
                    let problem = finer ? "repeats within a day, which meetings do not" : "is not a frequency"
                    throw ValueError("'FREQ=\(value)' \(problem); expected DAILY, WEEKLY, MONTHLY or YEARLY")
                }
                frequency = known
            case "INTERVAL": rule.interval = try integers(1...10_000)[0]
            case "COUNT": rule.count = try integers(1...1_000_000)[0]
            case "UNTIL": rule.until = try CalendarTime.parse(value, tzid: nil)
            case "BYMONTHDAY": rule.byMonthDay = try integers(-31...31)
            case "BYMONTH": rule.byMonth = try integers(1...12)
            case "BYSETPOS": rule.bySetPosition = try integers(-366...366)
            case "WKST":
                guard let day = Self.weekdays.firstIndex(of: value) else {
                    throw ValueError("'WKST=\(value)' is not a weekday; expected MO, TU, WE, TH, FR, SA or SU")
                }
                rule.weekStart = day
            case "BYDAY":
                for item in value.split(separator: ",") {
                    let code = String(item.suffix(2))
                    let ordinal = item.dropLast(2)
                    guard let day = Self.weekdays.firstIndex(of: code),
                        ordinal.isEmpty || Int(ordinal).map({ $0 != 0 && (-53...53).contains($0) }) == true
                    else {
                        throw ValueError("'\(item)' in BYDAY is not a weekday; expected forms such as MO, 2TU or -1FR")
                    }
                    rule.byDay.append(WeekdayNumber(ordinal: ordinal.isEmpty ? nil : Int(ordinal), weekday: day))
                }
            case "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND":
                throw ValueError("\(name) is not supported; meetings repeat by day, week, month or year")
            default:
                if !name.hasPrefix("X-") { throw ValueError("'\(name)' is not a rule part") }
            }
        }
        guard let frequency else {
            throw ValueError("the rule has no FREQ; expected FREQ=DAILY, WEEKLY, MONTHLY or YEARLY")
        }
        rule.frequency = frequency
        self = rule
    }

    private init(frequency: Frequency) { self.frequency = frequency }

    /// The starts of a series on its wall clock, in order, from `start` (the DTSTART, which is always the first,
    /// as RFC 5545 counts it) to UNTIL, COUNT or the end of `window`. Only starts whose instant (`instant` applies
    /// the zone) falls in `window` are returned, but earlier ones still count towards COUNT. `truncated` is set when
    /// more than `limit` fell in the window, or the series ran on past a hard bound, so a bad rule cannot run forever.
    func starts(
        from start: LocalDateTime, in window: Range<Date>, limit: Int,
        instant: (LocalDateTime) -> Date
    ) -> (starts: [LocalDateTime], truncated: Bool) {
        var starts: [LocalDateTime] = []
        var truncated = false
        var counted = 0
        func isAfterUntil(_ time: LocalDateTime) -> Bool {
            switch until {
            case nil: false
            case .date(let day): time.day > day
            case .utc(let clock): instant(time) > Date(timeIntervalSince1970: TimeInterval(clock.seconds))
            case .local(let clock, _): time > clock
            }
        }
        /// False once the series has ended.
        func accept(_ time: LocalDateTime) -> Bool {
            if isAfterUntil(time) { return false }
            let at = instant(time)
            if at >= window.upperBound { return false }
            if at >= window.lowerBound {
                if starts.count == limit { truncated = true; return false }
                starts.append(time)
            }
            counted += 1
            return count.map { counted < $0 } ?? true
        }
        guard accept(start) else { return (starts, truncated) }
        for period in 0..<Self.periodLimit {
            let (first, days) = candidates(period, start: start.day)
            for day in days where day > start.day {
                guard accept(start.on(day)) else { return (starts, truncated) }
            }
            // Periods with no match (30 February) must still end the loop.
            let periodStart = start.on(first)
            if isAfterUntil(periodStart) || instant(periodStart) >= window.upperBound { return (starts, truncated) }
        }
        return (starts, true)
    }

    /// Enough periods for a daily series over a century and more.
    static let periodLimit = 50_000

    /// The first day of the `period`-th period after the one holding `start`, and its matching days in order.
    private func candidates(_ period: Int, start: Day) -> (first: Day, days: [Day]) {
        let step = period * interval
        var days: [Day]
        let first: Day
        switch frequency {
        case .daily:
            first = start.adding(days: step)
            days = [first]
        case .weekly:
            let weekFirst = start.adding(days: -((start.weekdayFromMonday - weekStart + 7) % 7))
            first = weekFirst.adding(days: 7 * step)
            days = (0..<7).map { first.adding(days: $0) }
        case .monthly:
            let index = start.year * 12 + start.month - 1 + step
            first = Day(year: index / 12, month: index % 12 + 1, day: 1)!
            days = (0..<first.lengthOfMonth).map { first.adding(days: $0) }
        case .yearly:
            first = Day(year: start.year + step, month: 1, day: 1) ?? Day(year: 9999, month: 12, day: 31)!
            let months =
                !byMonth.isEmpty
                ? Set(byMonth).sorted()
                : (byDay.isEmpty && byMonthDay.isEmpty ? [start.month] : Array(1...12))
            days = months.flatMap { month -> [Day] in
                guard let monthFirst = Day(year: first.year, month: month, day: 1) else { return [] }
                return (0..<monthFirst.lengthOfMonth).map { monthFirst.adding(days: $0) }
            }
        }
        days = days.filter { matches($0, start: start) }
        if !bySetPosition.isEmpty {
            let chosen = bySetPosition.compactMap { position -> Day? in
                let index = position > 0 ? position - 1 : days.count + position
                return days.indices.contains(index) ? days[index] : nil
            }
            days = Array(Set(chosen)).sorted()
        }
        return (first, days)
    }

    private func matches(_ day: Day, start: Day) -> Bool {
        if !byMonth.isEmpty && !byMonth.contains(day.month) { return false }
        // With no BYDAY or BYMONTHDAY, a monthly or yearly rule keeps DTSTART's day of the month, a weekly one its weekday.
        var monthDays = byMonthDay
        var weekdays = byDay
        if byDay.isEmpty && byMonthDay.isEmpty {
            switch frequency {
            case .monthly, .yearly: monthDays = [start.day]
            case .weekly: weekdays = [WeekdayNumber(ordinal: nil, weekday: start.weekdayFromMonday)]
            case .daily: break
            }
        }
        if !monthDays.isEmpty {
            let length = day.lengthOfMonth
            guard monthDays.contains(where: { $0 > 0 ? day.day == $0 : day.day == length + $0 + 1 }) else {
                return false
            }
        }
        if !weekdays.isEmpty {
            guard weekdays.contains(where: { matches(day, $0) }) else { return false }
        }
        return true
    }

    /// An ordinal counts within the month, or within the year for a yearly rule with no BYMONTH; daily and
    /// weekly rules have no ordinals.
    private func matches(_ day: Day, _ wanted: WeekdayNumber) -> Bool {
        guard day.weekdayFromMonday == wanted.weekday else { return false }
        guard let ordinal = wanted.ordinal, frequency == .monthly || frequency == .yearly else { return true }
        let wholeYear = frequency == .yearly && byMonth.isEmpty
        let first = Day(year: day.year, month: wholeYear ? 1 : day.month, day: 1)!
        let last =
            wholeYear
            ? Day(year: day.year, month: 12, day: 31)! : Day(year: day.year, month: day.month, day: day.lengthOfMonth)!
        return ordinal > 0
            ? (day.ordinal - first.ordinal) / 7 + 1 == ordinal
            : -((last.ordinal - day.ordinal) / 7 + 1) == ordinal
    }
}
