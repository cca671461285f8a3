import ConveneDomain
import Foundation
import Testing

@Suite struct MeetingSeriesTests {
    static let london = TimeZone(identifier: "Europe/London")!
    static let all = DateInterval(
        start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 4_102_444_800))

    static func londonClock(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    static func series(_ rule: String, skipped: [Day] = []) -> MeetingSeries {
        MeetingSeries(
            key: "cdp-board", partnershipKey: "cdp", name: "CDP board", firstDay: Day("2026-01-06")!,
            startMinute: 600, durationMinutes: 90, rule: rule, skippedDays: skipped)
    }

    @Test func aMonthlySeriesMeetsOnTheFirstTuesdayAtTenLondonTimeAcrossTheClockChange() {
        // Act
        let meetings = Self.series("FREQ=MONTHLY;BYDAY=1TU;COUNT=6").meetings(in: Self.all)

        // Check
        #expect(
            meetings.map { Self.londonClock($0.startsAt) } == [
                "2026-01-06 10:00", "2026-02-03 10:00", "2026-03-03 10:00", "2026-04-07 10:00", "2026-05-05 10:00",
                "2026-06-02 10:00"
            ])
        // 10:00 in London is 10:00 UTC in winter and 09:00 UTC in summer.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        #expect(meetings.map { utc.component(.hour, from: $0.startsAt) } == [10, 10, 10, 9, 9, 9])
        #expect(meetings.allSatisfy { $0.endsAt == $0.startsAt.addingTimeInterval(90 * 60) })
        #expect(meetings.first?.key == "cdp-board-2026-01-06")
        #expect(Set(meetings.map(\.key)).count == 6)
    }

    @Test func skippedDaysAndTheWindowLeaveMeetingsOut() {
        // Setup
        let series = Self.series("FREQ=WEEKLY;INTERVAL=2;UNTIL=20260331", skipped: [Day("2026-02-03")!])
        let february = DateInterval(
            start: Self.london.dateFromLondon("2026-02-01"), end: Self.london.dateFromLondon("2026-03-01"))

        // Act
        let all = series.meetings(in: Self.all)
        let inFebruary = series.meetings(in: february)

        // Check: every other Tuesday from 6 January to 31 March, less 3 February.
        #expect(
            all.map { Self.londonClock($0.startsAt).prefix(10) } == [
                "2026-01-06", "2026-01-20", "2026-02-17", "2026-03-03", "2026-03-17", "2026-03-31"
            ])
        #expect(inFebruary.map(\.key) == ["cdp-board-2026-02-17"])
    }

    @Test func aSeriesMustEndAndHaveARuleAndATimeThatMakeSense() {
        // Setup
        var endless = Self.series("FREQ=WEEKLY")
        var nonsense = Self.series("FREQ=FORTNIGHTLY;COUNT=3")
        nonsense.startMinute = 24 * 60
        nonsense.durationMinutes = 0
        nonsense.timeZone = "Mars/Olympus"
        endless.name = ""

        // Act and check
        #expect(Set(endless.validate().map(\.field)) == ["rule", "name"])
        #expect(endless.meetings(in: Self.all).isEmpty)
        #expect(Set(nonsense.validate().map(\.field)) == ["starts_at", "duration_minutes", "time_zone", "rule"])
    }

    @Test func aLongSeriesStopsAtTheMaximum() {
        let meetings = Self.series("FREQ=DAILY;COUNT=5000").meetings(in: Self.all)
        #expect(meetings.count <= MeetingSeries.maximumMeetings)
    }
}

private extension TimeZone {
    /// Midnight of a day in this zone.
    func dateFromLondon(_ day: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = self
        let d = Day(day)!
        return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day))!
    }
}
