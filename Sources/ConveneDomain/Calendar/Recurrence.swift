import Foundation

/// A recurrence rule (RRULE, RFC 5545 §3.3.10), as far as meetings go: repeats by day, week, month or year,
/// with INTERVAL, COUNT, UNTIL, BYDAY (with ordinals such as `2TU` or `-1FR`), BYMONTHDAY, BYYEARDAY, BYWEEKNO,
/// BYMONTH, BYSETPOS and WKST, and BYHOUR, BYMINUTE and BYSECOND for several meetings on one day. Frequencies
/// finer than a day (HOURLY, MINUTELY, SECONDLY) are refused with a message rather than guessed at.
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
    var byYearDay: [Int] = []
    var byWeekNumber: [Int] = []
    var byMonth: [Int] = []
    var byHour: [Int] = []
    var byMinute: [Int] = []
    var bySecond: [Int] = []
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
                    guard ["HOURLY", "MINUTELY", "SECONDLY"].contains(value) else {
                        throw ValueError(
                            "'FREQ=\(value)' is not a frequency; expected DAILY, WEEKLY, MONTHLY or YEARLY")
                    }
                    throw ValueError(
                        "'FREQ=\(value)' repeats more often than daily, which Convene does not import as meetings; "
                            + "expected DAILY, WEEKLY, MONTHLY or YEARLY (several meetings on a day: FREQ=DAILY;BYHOUR=9,14)"
                    )
                }
                frequency = known
            case "INTERVAL": rule.interval = try integers(1...10_000)[0]
            case "COUNT": rule.count = try integers(1...1_000_000)[0]
            case "UNTIL": rule.until = try CalendarTime.parse(value, tzid: nil)
            case "BYMONTHDAY": rule.byMonthDay = try integers(-31...31)
            case "BYYEARDAY": rule.byYearDay = try integers(-366...366)
            case "BYWEEKNO": rule.byWeekNumber = try integers(-53...53)
            case "BYMONTH": rule.byMonth = try integers(1...12)
            case "BYHOUR": rule.byHour = try integers(0...23, zero: true)
            case "BYMINUTE": rule.byMinute = try integers(0...59, zero: true)
            // A leap second is read as the last second of its minute, as in DTSTART.
            case "BYSECOND": rule.bySecond = try integers(0...60, zero: true).map { min($0, 59) }
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

    /// Whether the rule gives several starts on one day (BYHOUR, BYMINUTE or BYSECOND).
    var repeatsWithinADay: Bool { !byHour.isEmpty || !byMinute.isEmpty || !bySecond.isEmpty }

    /// The starts of a series on its wall clock, in order, from `start` (the DTSTART) to UNTIL, COUNT or the end of
    /// `window`. Only starts whose instant (`instant` applies the zone) falls in `window` are returned, but earlier
    /// ones still count towards COUNT. `truncated` is set when more than `limit` fell in the window, or the series
    /// ran on past a hard bound, so a bad rule cannot run forever.
    ///
    /// With `startCounts` (one rule in the event), DTSTART is always the first occurrence and counts towards COUNT
    /// even when the rule would not give it, as RFC 5545 says. One of several rules in an event gives only its own
    /// occurrences from DTSTART on: the event adds DTSTART once to the union of the rules, and no rule loses one of
    /// its COUNT to a start it does not match.
    func starts(
        from start: LocalDateTime, in window: Range<Date>, limit: Int, startCounts: Bool = true,
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
        if startCounts { guard accept(start) else { return (starts, truncated) } }
        for period in 0..<Self.periodLimit {
            let (first, times) = candidates(period, start: start)
            for time in times where startCounts ? time > start : time >= start {
                guard accept(time) else { return (starts, truncated) }
            }
            // Periods with no match (30 February) must still end the loop.
            let periodStart = LocalDateTime(day: first)
            if isAfterUntil(periodStart) || instant(periodStart) >= window.upperBound { return (starts, truncated) }
        }
        return (starts, true)
    }

    /// Enough periods for a daily series over a century and more.
    static let periodLimit = 50_000

    /// The first day of the `period`-th period after the one holding `start`, and its matching times in order:
    /// each matching day at each BYHOUR, BYMINUTE and BYSECOND (DTSTART's time of day for those not given), then
    /// BYSETPOS over the period's whole set.
    private func candidates(_ period: Int, start: LocalDateTime) -> (first: Day, times: [LocalDateTime]) {
        let step = period * interval
        var days: [Day]
        let first: Day
        let day = start.day
        switch frequency {
        case .daily:
            first = day.adding(days: step)
            days = [first]
        case .weekly:
            let weekFirst = day.adding(days: -((day.weekdayFromMonday - weekStart + 7) % 7))
            first = weekFirst.adding(days: 7 * step)
            days = (0..<7).map { first.adding(days: $0) }
        case .monthly:
            let index = day.year * 12 + day.month - 1 + step
            first = Day(year: index / 12, month: index % 12 + 1, day: 1)!
            days = (0..<first.lengthOfMonth).map { first.adding(days: $0) }
        case .yearly:
            first = Day(year: day.year + step, month: 1, day: 1) ?? Day(year: 9999, month: 12, day: 31)!
            let months =
                !byMonth.isEmpty ? Set(byMonth).sorted() : (choosesDays ? Array(1...12) : [day.month])
            days = months.flatMap { month -> [Day] in
                guard let monthFirst = Day(year: first.year, month: month, day: 1) else { return [] }
                return (0..<monthFirst.lengthOfMonth).map { monthFirst.adding(days: $0) }
            }
        }
        days = days.filter { matches($0, start: day) }
        let hours = byHour.isEmpty ? [start.hour] : Set(byHour).sorted()
        let minutes = byMinute.isEmpty ? [start.minute] : Set(byMinute).sorted()
        let seconds = bySecond.isEmpty ? [start.second] : Set(bySecond).sorted()
        var times = days.flatMap { day in
            hours.flatMap { hour in
                minutes.flatMap { minute in
                    seconds.map { LocalDateTime(day: day, hour: hour, minute: minute, second: $0) }
                }
            }
        }
        if !bySetPosition.isEmpty {
            let chosen = bySetPosition.compactMap { position -> LocalDateTime? in
                let index = position > 0 ? position - 1 : times.count + position
                return times.indices.contains(index) ? times[index] : nil
            }
            times = Array(Set(chosen)).sorted()
        }
        return (first, times)
    }

    /// Whether the rule names its days itself; when it does not, DTSTART's day of the month (or weekday) is kept.
    private var choosesDays: Bool {
        !byDay.isEmpty || !byMonthDay.isEmpty || !byYearDay.isEmpty || !byWeekNumber.isEmpty
    }

    private func matches(_ day: Day, start: Day) -> Bool {
        if !byMonth.isEmpty && !byMonth.contains(day.month) { return false }
        if !byWeekNumber.isEmpty {
            let (number, weeks) = weekNumber(day)
            guard byWeekNumber.contains(where: { $0 > 0 ? $0 == number : weeks + $0 + 1 == number }) else {
                return false
            }
        }
        if !byYearDay.isEmpty {
            let ordinal = day.ordinal - Day(year: day.year, month: 1, day: 1)!.ordinal + 1
            let length =
                Day(year: day.year + 1, month: 1, day: 1)!.ordinal - Day(year: day.year, month: 1, day: 1)!.ordinal
            guard byYearDay.contains(where: { $0 > 0 ? $0 == ordinal : length + $0 + 1 == ordinal }) else {
                return false
            }
        }
        // With no BYDAY, BYMONTHDAY, BYYEARDAY or BYWEEKNO, a monthly or yearly rule keeps DTSTART's day of the
        // month, a weekly one its weekday.
        var monthDays = byMonthDay
        var weekdays = byDay
        if !choosesDays {
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

    /// The week `day` falls in, and how many weeks its week-numbering year has (RFC 5545's BYWEEKNO: weeks start on
    /// WKST, and week 1 is the first with at least four days in the year, as ISO 8601 has it with WKST=MO). A day
    /// at the turn of the year may belong to the other year's week 1 or last week.
    private func weekNumber(_ day: Day) -> (number: Int, weeks: Int) {
        /// The first day of week 1 of `year`.
        func firstWeek(_ year: Int) -> Day {
            let january4 = Day(year: year, month: 1, day: 4)!
            return january4.adding(days: -((january4.weekdayFromMonday - weekStart + 7) % 7))
        }
        var year = day.year
        if day < firstWeek(year) {
            year -= 1
        } else if day >= firstWeek(year + 1) {
            year += 1
        }
        let number = (day.ordinal - firstWeek(year).ordinal) / 7 + 1
        return (number, (firstWeek(year + 1).ordinal - firstWeek(year).ordinal) / 7)
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
