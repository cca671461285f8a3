import Foundation

/// London's wall clock, where every Convene workspace lives: the one zone, and the one way to turn instants
/// into days and times and back, and to write them as GOV.UK does.
public enum WallClock {
    public static let london = TimeZone(identifier: "Europe/London")!

    private static let londonCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        return calendar
    }()

    private static func calendar(_ zone: TimeZone) -> Calendar {
        if zone == london { return londonCalendar }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// "10:00" → minutes after midnight.
    public static func minutes(_ text: String?) -> Int? {
        guard let text, case let parts = text.split(separator: ":"), parts.count == 2,
            let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }

    /// The instant `minute` minutes after midnight of `day` on the wall clock of `zone`.
    public static func instant(_ day: Day, minute: Int, zone: TimeZone = london) -> Date {
        let components = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: minute / 60, minute: minute % 60)
        return calendar(zone).date(from: components)!
    }

    /// The day `date` falls on in London.
    public static func day(of date: Date) -> Day {
        let parts = londonCalendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The London day and "hh:mm" of `date`.
    public static func parts(_ date: Date) -> (day: Day, time: String) {
        let c = londonCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (Day(year: c.year!, month: c.month!, day: c.day!)!, String(format: "%02d:%02d", c.hour!, c.minute!))
    }

    /// "Tuesday 3 March 2026, 10:00 to 12:00", on London's wall clock.
    public static func describe(_ start: Date, _ end: Date?) -> String {
        let (day, time) = parts(start)
        var text = "\(weekday(start)) \(day.longDescription), \(time)"
        if let end {
            let (endDay, endTime) = parts(end)
            text += " to " + (endDay == day ? endTime : "\(weekday(end)) \(endDay.longDescription), \(endTime)")
        }
        return text
    }

    /// "14 March 2024, 10:05".
    public static func dateTime(_ date: Date) -> String {
        let (day, time) = parts(date)
        return "\(day.longDescription), \(time)"
    }

    public static func weekday(_ date: Date) -> String {
        let names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        return names[londonCalendar.component(.weekday, from: date) - 1]
    }
}
