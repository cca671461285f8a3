import Foundation

/// A repeating meeting scheduled in Convene, "the first Tuesday of every month at 10:00, London time": a first day,
/// a time on the wall clock, a length and a recurrence rule in RFC 5545's own words (`FREQ=MONTHLY;BYDAY=1TU`),
/// so that the calendar files Convene reads and the series it schedules repeat by the same engine. The time stays
/// the same on the wall clock when the clocks change.
public struct MeetingSeries: Hashable, Codable, Sendable {
    public var key: String
    public var partnershipKey: String
    public var name: String
    public var firstDay: Day
    /// Minutes after midnight on the wall clock: 600 is 10:00.
    public var startMinute: Int
    public var durationMinutes: Int
    /// An IANA name; Convene's users are in England and Wales.
    public var timeZone: String
    /// An RRULE without its name, e.g. `FREQ=WEEKLY;INTERVAL=6;COUNT=8`.
    public var rule: String
    /// Days on which the series does not meet (a bank holiday, a cancelled meeting).
    public var skippedDays: [Day]

    public init(
        key: String, partnershipKey: String, name: String, firstDay: Day, startMinute: Int, durationMinutes: Int,
        timeZone: String = "Europe/London", rule: String, skippedDays: [Day] = []
    ) {
        self.key = key
        self.partnershipKey = partnershipKey
        self.name = name
        self.firstDay = firstDay
        self.startMinute = startMinute
        self.durationMinutes = durationMinutes
        self.timeZone = timeZone
        self.rule = rule
        self.skippedDays = skippedDays
    }

    /// The most meetings one series may hold: ten years of weekly meetings.
    public static let maximumMeetings = 520

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(name, "name", "the series' name")
        check.require((0..<24 * 60).contains(startMinute), "starts_at", "Enter a time between 00:00 and 23:59")
        check.require(
            (5...24 * 60).contains(durationMinutes), "duration_minutes",
            "A meeting lasts between 5 minutes and 24 hours")
        check.require(
            TimeZone(identifier: timeZone) != nil, "time_zone", "'\(timeZone)' is not a time zone, like Europe/London")
        do {
            let parsed = try RecurrenceRule(parsing: rule)
            check.require(
                parsed.count != nil || parsed.until != nil, "rule",
                "Say when the series ends: after a number of meetings (COUNT) or on a date (UNTIL)")
            // A series' meetings are keyed by their day: one a day, at the series' start time.
            check.require(
                !parsed.repeatsWithinADay, "rule",
                "A series meets once on each of its days, at its start time; leave out BYHOUR, BYMINUTE and BYSECOND")
        } catch {
            check.require(false, "rule", error.message)
        }
        return check.errors
    }

    /// The series' meetings that start within `window`, each keyed by the series and its day
    /// (`cdp-board-2026-03-03`), so that scheduling the same series again finds the same meetings.
    /// Returns nothing for a series that does not validate.
    public func meetings(in window: DateInterval) -> [Meeting] {
        guard validate().isEmpty, let rule = try? RecurrenceRule(parsing: rule),
            let zone = TimeZone(identifier: timeZone)
        else { return [] }
        let calendarZone = CalendarZone(system: zone)
        let first = LocalDateTime(day: firstDay, hour: startMinute / 60, minute: startMinute % 60)
        let skipped = Set(skippedDays)
        let (starts, _) = rule.starts(
            from: first, in: window.start..<window.end, limit: Self.maximumMeetings,
            instant: calendarZone.instant)
        return starts.filter { !skipped.contains($0.day) }.map { start in
            let at = calendarZone.instant(start)
            return Meeting(
                key: "\(key)-\(start.day)", partnershipKey: partnershipKey, name: name,
                startsAt: at, endsAt: at.addingTimeInterval(TimeInterval(durationMinutes * 60)))
        }
    }
}
