import Foundation
import Testing

@testable import ConveneDomain

@Suite struct RecurrenceTests {
    /// The days a rule gives from `start` (a wall-clock time, read in UTC), over 2024–2030 unless a window is given.
    private func days(
        _ rule: String, from start: String, to end: String = "2031-01-01T00:00:00Z",
        limit: Int = 5_000, startCounts: Bool = true
    ) throws -> [String] {
        let first = try #require(try? CalendarTime.parse(start, tzid: nil)).clock
        let window = CalendarFixture.utc("1997-01-01T00:00:00Z")..<CalendarFixture.utc(end)
        let starts = try RecurrenceRule(parsing: rule).starts(
            from: first, in: window, limit: limit, startCounts: startCounts,
            instant: CalendarZone.utc.instant
        ).starts
        return starts.map { $0.day.description }
    }

    @Test func monthlyByOrdinalWeekday() throws {
        #expect(
            try days("FREQ=MONTHLY;BYDAY=2TU;COUNT=4", from: "20240109T100000")
                == ["2024-01-09", "2024-02-13", "2024-03-12", "2024-04-09"])
        #expect(
            try days("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", from: "20240126T100000")
                == ["2024-01-26", "2024-02-23", "2024-03-29"])
    }

    @Test func monthlyByMonthDayAndSetPosition() throws {
        #expect(
            try days("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", from: "20240131T100000")
                == ["2024-01-31", "2024-02-29", "2024-03-31"], "the last day of each month")
        #expect(
            try days("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3", from: "20240131T100000")
                == ["2024-01-31", "2024-02-29", "2024-03-29"], "the last weekday of each month")
        #expect(
            try days("FREQ=MONTHLY;COUNT=4", from: "20240131T100000")
                == ["2024-01-31", "2024-03-31", "2024-05-31", "2024-07-31"], "months without a 31st are skipped")
    }

    @Test func weeklyWithIntervalUntilAndWeekStart() throws {
        #expect(
            try days("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20240215", from: "20240102T100000")
                == [
                    "2024-01-02", "2024-01-04", "2024-01-16", "2024-01-18", "2024-01-30", "2024-02-01",
                    "2024-02-13", "2024-02-15"
                ])
        // RFC 5545's own example: the week start changes which weeks are taken.
        #expect(
            try days("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", from: "19970805T090000")
                == ["1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"])
        #expect(
            try days("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", from: "19970805T090000")
                == ["1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"])
    }

    @Test func untilInUTCIsInclusive() throws {
        #expect(
            try days("FREQ=DAILY;UNTIL=20240103T100000Z", from: "20240101T100000")
                == ["2024-01-01", "2024-01-02", "2024-01-03"])
        #expect(
            try days("FREQ=DAILY;INTERVAL=3;COUNT=3", from: "20240101T100000")
                == ["2024-01-01", "2024-01-04", "2024-01-07"])
    }

    @Test func yearly() throws {
        #expect(
            try days("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=3", from: "20240331T010000")
                == ["2024-03-31", "2025-03-30", "2026-03-29"], "the last Sunday of March")
        #expect(
            try days("FREQ=YEARLY;COUNT=2", from: "20240229T100000")
                == ["2024-02-29", "2028-02-29"], "29 February comes round every four years")
        #expect(
            try days("FREQ=YEARLY;BYDAY=1MO;COUNT=2", from: "20240101T100000")
                == ["2024-01-01", "2025-01-06"], "an ordinal with no BYMONTH counts within the year")
    }

    @Test func dtstartIsAlwaysTheFirstOccurrence() throws {
        // A Monday start for a Wednesday rule: RFC 5545 counts DTSTART as the first of COUNT.
        #expect(
            try days("FREQ=WEEKLY;BYDAY=WE;COUNT=3", from: "20240101T100000")
                == ["2024-01-01", "2024-01-03", "2024-01-10"])
    }

    /// The starts a rule gives from `start`, as `yyyy-mm-ddThh:mm` on the wall clock.
    private func times(_ rule: String, from start: String, startCounts: Bool = true) throws -> [String] {
        let first = try #require(try? CalendarTime.parse(start, tzid: nil)).clock
        let window = CalendarFixture.utc("1997-01-01T00:00:00Z")..<CalendarFixture.utc("2031-01-01T00:00:00Z")
        return try RecurrenceRule(parsing: rule).starts(
            from: first, in: window, limit: 5_000, startCounts: startCounts, instant: CalendarZone.utc.instant
        ).starts.map { String(format: "%@T%02d:%02d", $0.day.description, $0.hour, $0.minute) }
    }

    @Test func byWeekNumberAsRFC5545sExamples() throws {
        #expect(
            try days("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3", from: "19970512T090000")
                == ["1997-05-12", "1998-05-11", "1999-05-17"], "Monday of week 20")
        // Week 1 of 2027 starts on Monday 4 January; the last week of 2026 (its 53rd) holds 1 January 2027.
        #expect(
            try days("FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;COUNT=3", from: "20270104T090000")
                == ["2027-01-04", "2028-01-03", "2029-01-01"])
        #expect(
            try days("FREQ=YEARLY;BYWEEKNO=-1;BYDAY=FR;COUNT=3", from: "20251226T090000")
                == ["2025-12-26", "2027-01-01", "2027-12-31"])
        // WKST moves the weeks: with Sunday starts, week 1 of 2026 runs from Sunday 4 January.
        #expect(
            try days("FREQ=YEARLY;BYWEEKNO=1;BYDAY=SU,MO;WKST=SU;COUNT=2", from: "20260104T090000")
                == ["2026-01-04", "2026-01-05"])
    }

    @Test func byYearDayAsRFC5545sExample() throws {
        #expect(
            try days("FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", from: "19970101T090000")
                == [
                    "1997-01-01", "1997-04-10", "1997-07-19", "2000-01-01", "2000-04-09", "2000-07-18", "2003-01-01",
                    "2003-04-10", "2003-07-19", "2006-01-01"
                ])
        #expect(
            try days("FREQ=YEARLY;BYYEARDAY=-1,-366;COUNT=3", from: "20231231T090000")
                == ["2023-12-31", "2024-01-01", "2024-12-31"], "counted from the end, in a leap year too")
    }

    @Test func severalMeetingsOnADayByHourAndMinute() throws {
        // RFC 5545: every 20 minutes from 9:00 to 16:40, here for one day.
        let everyTwenty = try times(
            "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40;COUNT=24", from: "19970902T090000")
        #expect(
            everyTwenty.count == 24 && everyTwenty.first == "1997-09-02T09:00" && everyTwenty.last == "1997-09-02T16:40"
        )
        #expect(
            try times("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9,14;BYMINUTE=30;COUNT=5", from: "20260302T093000")
                == ["2026-03-02T09:30", "2026-03-02T14:30", "2026-03-05T09:30", "2026-03-05T14:30", "2026-03-09T09:30"])
        // A start later in the day than the first hour is not preceded by that hour's meeting.
        #expect(
            try times("FREQ=DAILY;BYHOUR=9,14;COUNT=3", from: "20260302T140000")
                == ["2026-03-02T14:00", "2026-03-03T09:00", "2026-03-03T14:00"])
        // BYSETPOS picks from the period's meetings, times included: the last of each month's first Monday's two.
        #expect(
            try times("FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10,15;BYSETPOS=-1;COUNT=2", from: "20260302T150000")
                == ["2026-03-02T15:00", "2026-04-06T15:00"])
    }

    @Test func oneOfSeveralRulesCountsOnlyItsOwnOccurrences() throws {
        // Thursday 12 January 2023: the second Monday of each month does not include it, so COUNT=2 gives two Mondays.
        #expect(
            try days("FREQ=MONTHLY;BYDAY=2MO;COUNT=2", from: "20230112T100000", startCounts: false)
                == ["2023-02-13", "2023-03-13"])
        #expect(
            try days("FREQ=MONTHLY;BYDAY=2MO;COUNT=2", from: "20230112T100000")
                == ["2023-01-12", "2023-02-13"], "alone, the rule counts DTSTART first, as RFC 5545 says")
    }

    @Test func aRuleWithNoEndStopsAtTheWindowAndTheLimit() throws {
        // Setup
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY")
        let start = LocalDateTime(day: CalendarFixture.day("2024-01-01"), hour: 10)
        let window = CalendarFixture.utc("2024-01-05T00:00:00Z")..<CalendarFixture.utc("2024-02-01T00:00:00Z")
        // Act
        let month = rule.starts(from: start, in: window, limit: 100, instant: CalendarZone.utc.instant)
        let capped = rule.starts(from: start, in: window, limit: 10, instant: CalendarZone.utc.instant)
        // Check
        #expect(month.starts.count == 27 && !month.truncated, "5 to 31 January")
        #expect(capped.starts.count == 10 && capped.truncated)
        // A rule that can never match ends at the window too.
        let never = try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
        #expect(never.starts(from: start, in: window, limit: 10, instant: CalendarZone.utc.instant).starts.isEmpty)
    }

    @Test func refusesRulesItCannotFollow() {
        func message(_ rule: String) -> String? {
            do { _ = try RecurrenceRule(parsing: rule); return nil } catch { return error.message }
        }
        #expect(
            message("FREQ=FORTNIGHTLY")
                == "'FREQ=FORTNIGHTLY' is not a frequency; expected DAILY, WEEKLY, MONTHLY or YEARLY")
        for frequency in ["HOURLY", "MINUTELY", "SECONDLY"] {
            #expect(
                message("FREQ=\(frequency);COUNT=3")
                    == "'FREQ=\(frequency)' repeats more often than daily, which Convene does not import as meetings; "
                    + "expected DAILY, WEEKLY, MONTHLY or YEARLY (several meetings on a day: FREQ=DAILY;BYHOUR=9,14)")
        }
        #expect(message("INTERVAL=2") == "the rule has no FREQ; expected FREQ=DAILY, WEEKLY, MONTHLY or YEARLY")
        #expect(
            message("FREQ=WEEKLY;BYDAY=XX") == "'XX' in BYDAY is not a weekday; expected forms such as MO, 2TU or -1FR")
        #expect(
            message("FREQ=YEARLY;BYWEEKNO=0")
                == "'BYWEEKNO=0' is not valid; each value must be a whole number from -53 to 53, not 0")
        #expect(
            message("FREQ=DAILY;BYHOUR=24")
                == "'BYHOUR=24' is not valid; each value must be a whole number from 0 to 23")
        #expect(message("FREQ=YEARLY;BYYEARDAY=367") != nil)
        #expect(message("FREQ=DAILY;BYMINUTE=60") != nil)
        #expect(message("FREQ=WEEKLY;INTERVAL=0") != nil)
        #expect(
            message("FREQ=WEEKLY;UNTIL=2024-13-01")
                == "'2024-13-01' is not a date; expected yyyymmdd or yyyymmddThhmmss, such as 20240315T100000")
    }
}

@Suite struct CalendarZoneTests {
    private let summer = LocalDateTime(day: Day("2024-07-01")!, hour: 10)
    private let winter = LocalDateTime(day: Day("2024-01-15")!, hour: 10)

    @Test func windowsAndPathNamesResolveToIANAZones() throws {
        // Act
        let gmt = try #require(CalendarZone.named("GMT Standard Time"))
        let paris = try #require(CalendarZone.named("Romance Standard Time"))
        let newYork = try #require(CalendarZone.named("eastern standard time"))
        let lightning = try #require(CalendarZone.named("/mozilla.org/20070129_1/Europe/London"))
        let display = try #require(CalendarZone.named("(UTC+00:00) Dublin, Edinburgh, Lisbon, London"))
        // Check
        #expect(gmt.name == "Europe/London" && lightning.name == "Europe/London" && display.name == "Europe/London")
        #expect(CalendarFixture.utcText(gmt.instant(summer)) == "2024-07-01T09:00:00Z")
        #expect(CalendarFixture.utcText(gmt.instant(winter)) == "2024-01-15T10:00:00Z")
        #expect(CalendarFixture.utcText(paris.instant(summer)) == "2024-07-01T08:00:00Z")
        #expect(CalendarFixture.utcText(newYork.instant(winter)) == "2024-01-15T15:00:00Z")
        #expect(CalendarZone.named("Customized Time Zone") == nil)
    }

    @Test func aZoneDefinedInTheFileGivesTheSameInstantsAsTheSystemOne() throws {
        // Setup: Outlook's definition of UK time, from 1601 on.
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VTIMEZONE
            TZID:Customized Time Zone
            BEGIN:STANDARD
            DTSTART:16010101T020000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0000
            RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:16010101T010000
            TZOFFSETFROM:+0000
            TZOFFSETTO:+0100
            RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
            END:DAYLIGHT
            END:VTIMEZONE
            END:VCALENDAR
            """
        let calendar = try #require(ICalendar.parse(Data(text.utf8)).calendars.first)
        var zones = CalendarZones(calendar)
        var issues: [ImportIssue] = []
        // Act
        let defined = try #require(zones.zone("Customized Time Zone", issues: &issues))
        // Check
        #expect(issues.isEmpty)
        let times = [
            summer, winter,
            LocalDateTime(day: Day("2024-03-31")!, hour: 1, minute: 30),  // skipped when clocks go forward
            LocalDateTime(day: Day("2024-10-27")!, hour: 1, minute: 30),  // happens twice when they go back
            LocalDateTime(day: Day("2030-03-31")!, hour: 12)
        ]
        for time in times {
            #expect(defined.instant(time) == CalendarZone.london.instant(time), "\(time)")
            #expect(defined.clock(defined.instant(time)) == CalendarZone.london.clock(defined.instant(time)))
        }
        #expect(
            CalendarFixture.utcText(defined.instant(times[2])) == "2024-03-31T01:30:00Z",
            "read with the offset before the gap")
        #expect(CalendarFixture.utcText(defined.instant(times[3])) == "2024-10-27T00:30:00Z", "the first of the two")
    }

    @Test func aBrokenDefinitionIsReported() throws {
        // Setup
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VTIMEZONE
            TZID:Customized Time Zone
            BEGIN:STANDARD
            DTSTART:16010101T020000
            TZOFFSETFROM:one hour
            TZOFFSETTO:+0000
            END:STANDARD
            END:VTIMEZONE
            END:VCALENDAR
            """
        let calendar = try #require(ICalendar.parse(Data(text.utf8)).calendars.first)
        var zones = CalendarZones(calendar)
        var issues: [ImportIssue] = []
        // Act
        let zone = zones.zone("Customized Time Zone", issues: &issues)
        // Check
        #expect(zone == nil)
        #expect(
            issues.map(\.description) == [
                "line 6, TZOFFSETFROM: 'one hour' is not a UTC offset; expected a form such as +0100 or -0500"
            ])
    }
}
