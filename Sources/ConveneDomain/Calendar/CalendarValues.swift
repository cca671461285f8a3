import Foundation

/// A date and time of day as a wall clock shows it, with no zone: what a file writes before its TZID, and what
/// a repeat keeps (a weekly 10:00 meeting stays at 10:00 on the clock whatever the offset does).
struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    var day: Day
    var hour: Int
    var minute: Int
    var second: Int

    init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Seconds since 1970-01-01 00:00 on the same clock; minus a zone's offset, that is the instant.
    var seconds: Int { day.ordinal * 86_400 + hour * 3_600 + minute * 60 + second }

    init(seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        self.init(
            day: Day(year: 1970, month: 1, day: 1)!.adding(days: days),
            hour: rest / 3_600, minute: rest % 3_600 / 60, second: rest % 60)
    }

    /// The clock time at an instant in UTC.
    init(utc date: Date) {
        self.init(seconds: Int(date.timeIntervalSince1970.rounded(.down)))
    }

    /// The same time of day on another day.
    func on(_ day: Day) -> LocalDateTime { LocalDateTime(day: day, hour: hour, minute: minute, second: second) }

    static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.seconds < b.seconds }

    /// `yyyymmddThhmmss`, the form RFC 5545 writes.
    var description: String {
        String(format: "%04d%02d%02dT%02d%02d%02d", day.year, day.month, day.day, hour, minute, second)
    }
}

/// A DATE or DATE-TIME value as a file writes it, before any zone is applied.
enum CalendarTime: Hashable, Sendable {
    /// `VALUE=DATE:20240315`: a whole day.
    case date(Day)
    /// `20240315T100000Z`.
    case utc(LocalDateTime)
    /// `TZID=Europe/London:20240315T100000`, or with no TZID a floating time.
    case local(LocalDateTime, tzid: String?)

    /// Reads DTSTART, DTEND, DUE, EXDATE, RDATE and RECURRENCE-ID values. A value of eight digits is a date even
    /// when VALUE=DATE is missing, as some producers forget it.
    static func parse(_ text: String, tzid: String?) throws(ValueError) -> CalendarTime {
        let text = text.trimmingCharacters(in: .whitespaces)
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count, digits[range].allSatisfy({ (0x30...0x39).contains($0) }) else {
                return nil
            }
            return digits[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard digits.count >= 8, let y = number(0..<4), let m = number(4..<6), let d = number(6..<8),
            let day = Day(year: y, month: m, day: d)
        else {
            throw ValueError("'\(text)' is not a date; expected yyyymmdd or yyyymmddThhmmss, such as 20240315T100000")
        }
        if digits.count == 8 { return .date(day) }
        let isUTC = digits.last == 0x5A || digits.last == 0x7A  // Z
        guard digits.count == (isUTC ? 16 : 15), digits[8] == 0x54 || digits[8] == 0x74,  // T
            let hh = number(9..<11), let mm = number(11..<13), let ss = number(13..<15),
            hh < 24, mm < 60, ss <= 60
        else {
            throw ValueError("'\(text)' is not a date and time; expected yyyymmddThhmmss, such as 20240315T100000")
        }
        // A leap second is read as the last second of its minute.
        let time = LocalDateTime(day: day, hour: hh, minute: mm, second: min(ss, 59))
        return isUTC ? .utc(time) : .local(time, tzid: tzid)
    }

    /// A property's value or values (EXDATE and RDATE may list several, separated by commas). A PERIOD
    /// (`start/end` or `start/duration`) counts by its start.
    static func list(_ property: ICalendar.Property) throws(ValueError) -> [CalendarTime] {
        let tzid = property.parameter("TZID")
        var times: [CalendarTime] = []
        for item in property.value.split(separator: ",") {
            let start = item.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            times.append(try parse(start, tzid: tzid))
        }
        guard !times.isEmpty else { throw ValueError("the value is empty; expected a date such as 20240315T100000") }
        return times
    }

    var isDate: Bool { if case .date = self { true } else { false } }

    /// The wall-clock reading: midnight for a date.
    var clock: LocalDateTime {
        switch self {
        case .date(let day): LocalDateTime(day: day)
        case .utc(let time), .local(let time, _): time
        }
    }
}

/// A DURATION value (`P1W`, `PT1H30M`, `-PT15M`). Days are days on the calendar and the rest exact seconds,
/// as RFC 5545 §3.3.6 says.
struct CalendarDuration: Hashable, Sendable {
    var days: Int
    var seconds: Int

    static func parse(_ text: String) throws(ValueError) -> CalendarDuration {
        let bad = ValueError("'\(text)' is not a duration; expected a form such as PT1H30M or P1D")
        var scalars = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
        var sign = 1
        if let first = scalars.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            scalars = scalars.dropFirst()
        }
        guard scalars.first == "P" else { throw bad }
        scalars = scalars.dropFirst()
        var days = 0
        var seconds = 0
        var inTime = false
        var number = ""
        var parts = 0
        for character in scalars {
            if character.isASCII && character.isNumber { number.append(character); continue }
            if character == "T" && !inTime && number.isEmpty { inTime = true; continue }
            guard let value = Int(number) else { throw bad }
            number = ""
            parts += 1
            switch (character, inTime) {
            case ("W", false): days += 7 * value
            case ("D", false): days += value
            case ("H", true): seconds += 3_600 * value
            case ("M", true): seconds += 60 * value
            case ("S", true): seconds += value
            default: throw bad
            }
        }
        guard number.isEmpty, parts > 0 else { throw bad }
        return CalendarDuration(days: sign * days, seconds: sign * seconds)
    }
}

/// `+0100`, `-0500`, `+053000` as seconds east of UTC.
func utcOffset(_ text: String) throws(ValueError) -> Int {
    let text = text.trimmingCharacters(in: .whitespaces)
    let digits = text.dropFirst()
    guard let sign = text.first, sign == "+" || sign == "-", digits.count == 4 || digits.count == 6,
        digits.allSatisfy({ $0.isASCII && $0.isNumber })
    else {
        throw ValueError("'\(text)' is not a UTC offset; expected a form such as +0100 or -0500")
    }
    let n = digits.map { Int(String($0))! }
    let seconds = (n[0] * 10 + n[1]) * 3_600 + (n[2] * 10 + n[3]) * 60 + (n.count == 6 ? n[4] * 10 + n[5] : 0)
    return sign == "-" ? -seconds : seconds
}

extension Day {
    /// Monday is 0 … Sunday 6 (1970-01-01 was a Thursday).
    var weekdayFromMonday: Int { ((ordinal + 3) % 7 + 7) % 7 }

    var lengthOfMonth: Int {
        let next = month == 12 ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: month + 1, day: 1)!
        return next.adding(days: -1).day
    }

    /// `yyyymmdd`, the form RFC 5545 writes.
    var icsDate: String { String(format: "%04d%02d%02d", year, month, day) }
}
