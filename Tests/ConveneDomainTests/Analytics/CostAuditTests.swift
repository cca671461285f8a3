import ConveneDomain
import Foundation
import Testing

/// The cost audit against the reports' worked table (001_6804a64c8f71df74.txt, "Resourcing partnerships and
/// efficiency") and DESIGN.md's definitions.
@Suite struct CostAuditTests {
    static let year = Period(from: Day("2025-04-01")!, to: Day("2026-03-31")!)
    static let today = Day("2026-11-23")!

    /// 10:00 London on a day, for `hours` hours.
    static func meeting(
        _ key: String, of partnership: String, on day: String, hours: Double = 2, status: MeetingStatus = .held,
        attendance: [Attendance]
    ) -> Meeting {
        let start = ISO8601DateFormatter().date(from: "\(day)T09:00:00Z")!
        return Meeting(
            key: key, partnershipKey: partnership, name: "Board", startsAt: start,
            endsAt: start.addingTimeInterval(hours * 3600), status: status, attendance: attendance)
    }

    /// `boards` boards, each with `attendees` people at `salary`, meeting four times in the year for two hours.
    static func workedTable(salary: Int, boards: Int = 1, attendees: Int = 12) -> AnalyticsData {
        let people = (1...attendees).map { Person(key: "p\($0)", name: "Person \($0)", salaryBand: salary) }
        let partnerships = (1...boards).map { Partnership(key: "board-\($0)", name: "Board \($0)", type: .forum) }
        let days = ["2025-05-14", "2025-08-13", "2025-11-12", "2026-02-11"]
        let meetings = partnerships.flatMap { p in
            days.map {
                meeting("\(p.key)-\($0)", of: p.key, on: $0, attendance: people.map { Attendance(personKey: $0.key) })
            }
        }
        return AnalyticsData(persons: people, partnerships: partnerships, meetings: meetings)
    }

    @Test(arguments: [(50_000, 2_835), (80_000, 4_535), (36_000, 2_041), (1_764, 100)])
    func theHourlyCostIsTheSalaryOverTheWorkingHoursToThePenny(salary: Int, pence: Int) {
        #expect(AnalyticsSettings().hourlyPence(salary: salary) == pence)
    }

    @Test func theReportsWorkedTable() {
        // Act
        let at50 = CostAudit.run(
            Self.workedTable(salary: 50_000), period: Self.year, settings: AnalyticsSettings(), today: Self.today)
        let at80 = CostAudit.run(
            Self.workedTable(salary: 80_000), period: Self.year, settings: AnalyticsSettings(), today: Self.today)
        let fifty = CostAudit.run(
            Self.workedTable(salary: 50_000, boards: 50), period: Self.year, settings: AnalyticsSettings(),
            today: Self.today)

        // Check: 12 attendees × (2 h + 1 h) × 4 meetings = 144 person-hours.
        #expect(at50.partnerships.first?.personMinutes == 144 * 60)
        #expect(at50.total.pence == 408_240 && at50.total.description == "£4,082.40")
        #expect(at80.total.pence == 653_040 && at80.total.description == "£6,530.40")
        #expect(fifty.total.pence == 20_412_000 && fifty.total.description == "£204,120.00")
        #expect(fifty.partnerships.count == 50 && fifty.heldMeetings == 200)
        #expect(at50.meetings.count == 4 && at50.meetings.allSatisfy { $0.cost.pence == 102_060 })
    }

    @Test func mixedSalariesSubstitutesPartialAttendanceAndOtherWorkingHours() {
        // Setup: a member at £80,000 sends a substitute at £40,000 (who prepares 30 minutes and travels 45); a member with
        // only a band (director); one with nothing (the default salary); one who stays an hour of the two; one absent.
        let people = [
            Person(key: "chief", name: "Chief", salaryBand: 80_000),
            Person(key: "deputy", name: "Deputy", salaryBand: 40_000),
            Person(key: "director", name: "Director", seniority: .director),
            Person(key: "someone", name: "Someone"),
            Person(key: "early", name: "Leaves early", salaryBand: 50_000),
            Person(key: "away", name: "Away", salaryBand: 90_000)
        ]
        let meeting = Self.meeting(
            "m1", of: "board", on: "2025-06-10",
            attendance: [
                Attendance(
                    personKey: "deputy", status: .substitute, substituteForKey: "chief", preparationMinutes: 30,
                    travelMinutes: 45),
                Attendance(personKey: "director", status: .present),
                Attendance(personKey: "someone", status: .presentOnline),
                Attendance(personKey: "early", status: .present, attendedMinutes: 60),
                Attendance(personKey: "away", status: .apologies)
            ])
        let data = AnalyticsData(
            persons: people, partnerships: [Partnership(key: "board", name: "Board", type: .forum)], meetings: [meeting]
        )
        var settings = AnalyticsSettings()
        settings.hoursPerYear = 1_800

        // Act
        let report = CostAudit.run(data, period: Self.year, settings: settings, today: Self.today)

        // Check: rates at 1,800 hours: £40,000 → 2222.2 → 2222p; £100,000 (director) → 5555.6 → 5556p;
        // £50,000 (default, and the early leaver) → 2777.8 → 2778p.
        let lines = Dictionary(uniqueKeysWithValues: report.meetings[0].attendees.map { ($0.personKey, $0) })
        #expect(
            Set(lines.keys) == ["deputy", "director", "someone", "early"],
            "the absent member costs nothing, the substitute costs")
        #expect(lines["deputy"]?.hourlyPence == 2_222 && lines["deputy"]?.personMinutes == 120 + 75)
        #expect(lines["director"]?.hourlyPence == 5_556 && lines["director"]?.personMinutes == 180)
        #expect(lines["someone"]?.hourlyPence == 2_778)
        #expect(lines["early"]?.personMinutes == 60 + 60)
        let expected = 195 * 2_222 + 180 * 5_556 + 180 * 2_778 + 120 * 2_778  // sixtieths of a penny
        #expect(report.total == Money(sixtiethsOfPenny: expected))
        #expect(report.total.pence == (expected * 2 + 60) / 120)
    }

    @Test func plannedMeetingsArePricedAsTheTypicalMeeting() {
        // Setup: a quarterly board with no meetings in the year and three members; a monthly board with two held
        // meetings of different cost and one still to come.
        let people = (1...3).map { Person(key: "p\($0)", name: "P\($0)", salaryBand: 50_000) }
        let quarterly = Partnership(key: "quarterly", name: "Quarterly", type: .forum, meetingFrequency: .quarterly)
        let monthly = Partnership(key: "monthly", name: "Monthly", type: .forum, meetingFrequency: .monthly)
        let memberships = people.map { Membership(key: "q-\($0.key)", partnershipKey: "quarterly", personKey: $0.key) }
        let meetings = [
            Self.meeting("m1", of: "monthly", on: "2025-09-01", attendance: [Attendance(personKey: "p1")]),
            Self.meeting(
                "m2", of: "monthly", on: "2025-10-01",
                attendance: [Attendance(personKey: "p1"), Attendance(personKey: "p2")]),
            Self.meeting(
                "m3", of: "monthly", on: "2025-11-01",
                attendance: [Attendance(personKey: "p1"), Attendance(personKey: "p2"), Attendance(personKey: "p3")]),
            Self.meeting("m4", of: "monthly", on: "2026-12-01", status: .scheduled, attendance: []),
            Self.meeting("m5", of: "monthly", on: "2026-01-05", status: .cancelled, attendance: [])
        ]
        let data = AnalyticsData(
            persons: people, partnerships: [quarterly, monthly], memberships: memberships, meetings: meetings)
        let period = Period(from: Day("2025-04-01")!, to: Day("2026-12-31")!)

        // Act
        let report = CostAudit.run(data, period: period, settings: AnalyticsSettings(), today: Self.today)

        // Check
        let one = Money.time(minutes: 180, at: 2_835)
        let q = report.partnerships.first { $0.key == "quarterly" }!
        let m = report.partnerships.first { $0.key == "monthly" }!
        #expect(q.meetings == 0 && q.typicalMeeting == one * 3)
        #expect(
            q.plannedMeetings == (4 * period.days * 2 + 365) / (2 * 365),
            "a quarter's meetings for each quarter of the period")
        #expect(q.plannedCost == one * 3 * q.plannedMeetings)
        #expect(m.meetings == 3 && m.cost == one * 6)
        #expect(
            m.plannedMeetings == 1 && m.typicalMeeting == one * 2,
            "the median held meeting prices the one to come; the cancelled one is nothing")
        #expect(report.total == one * 6 + one * 2 + q.plannedCost)
    }

    @Test func organisationsAndThemesAddUpToTheMeetingLinesExactly() {
        // Setup
        let organisations = [
            Organisation(key: "police", name: "Police", sector: .police),
            Organisation(key: "council", name: "Council", sector: .localGovernment)
        ]
        let people = [
            Person(key: "a", name: "A", organisationKey: "police", salaryBand: 61_000),
            Person(key: "b", name: "B", organisationKey: "council", salaryBand: 47_123),
            Person(key: "c", name: "C", salaryBand: 33_333)
        ]
        let meeting = Self.meeting(
            "m1", of: "board", on: "2025-06-10", hours: 1.75, attendance: people.map { Attendance(personKey: $0.key) })
        let items = [
            AgendaItem(
                key: "i1", partnershipKey: "board", meetingKey: "m1", position: 1, title: "Drug deaths",
                kind: .discussion, durationMinutes: 25, themes: ["Drugs", "Mental health"]),
            AgendaItem(
                key: "i2", partnershipKey: "board", meetingKey: "m1", position: 2, title: "Knife crime",
                kind: .decision, durationMinutes: 50, themes: ["Serious violence"]),
            AgendaItem(
                key: "i3", partnershipKey: "board", meetingKey: "m1", position: 3, title: "Any other business",
                kind: .information, durationMinutes: 30, themes: [])
        ]
        let data = AnalyticsData(
            organisations: organisations, persons: people,
            partnerships: [Partnership(key: "board", name: "Board", type: .forum, themes: ["Victims"])],
            meetings: [meeting], items: items)

        // Act
        let report = CostAudit.run(data, period: Self.year, settings: AnalyticsSettings(), today: Self.today)

        // Check
        #expect(report.organisations.map(\.cost).reduce(.zero, +) == report.total)
        #expect(report.themes.map(\.cost).reduce(.zero, +) == report.total)
        #expect(Set(report.themes.map(\.key)) == ["Drugs", "Mental health", "Serious violence", "Victims"])
        let violence = report.themes.first { $0.key == "Serious violence" }!.cost.sixtiethsOfPenny
        #expect(abs(violence - report.total.sixtiethsOfPenny * 50 / 105) <= 1)
        #expect(Set(report.organisations.map(\.key)) == ["police", "council", ""])
    }

    @Test func settingsAreCheckedAndOnlyChangesAreKept() {
        var settings = AnalyticsSettings()
        #expect(settings.set("hours-per-year", "1,800") == nil && settings.hoursPerYear == 1_800)
        #expect(
            settings.set("salary-director", "£95,000") == nil
                && settings.salary(of: Person(key: "d", name: "D", seniority: .director)) == 95_000)
        #expect(settings.set("hours-per-year", "0")?.message.contains("from 1 to 8784") == true)
        #expect(settings.set("hours-per-year", "lots") != nil && settings.hoursPerYear == 1_800)
        #expect(settings.set("colour", "blue")?.message.contains("There is no setting 'colour'") == true)
        #expect(settings.changed == ["hours-per-year": "1800", "salary-director": "95000"])
        #expect(AnalyticsSettings(stored: settings.changed) == settings)
    }

    @Test func supportCostsArePricedPerMeetingLine() {
        let data = AnalyticsData(
            partnerships: [Partnership(key: "board", name: "Board", type: .forum)],
            meetings: [Self.meeting("m1", of: "board", on: "2025-06-10", attendance: [])],
            supportCosts: [
                SupportCost(
                    key: "s1", partnershipKey: "board", label: "Secretariat", minutesPerMeeting: 240, salary: 30_000),
                SupportCost(key: "s2", partnershipKey: "board", label: "Analyst", minutesPerMeeting: 120)
            ])
        let report = CostAudit.run(data, period: Self.year, settings: AnalyticsSettings(), today: Self.today)
        // £30,000 → 1700.7 → 1701p an hour × 4 h; the analyst at the default £50,000 → 2835p × 2 h.
        #expect(report.total.pence == 4 * 1_701 + 2 * 2_835)
    }
}

@Suite struct MeetingDayTests {
    /// A meeting's day is London's, on both sides of the clock changes and at midnight.
    @Test(arguments: [
        ("2026-03-28T23:30:00Z", "2026-03-28"), ("2026-03-29T00:30:00Z", "2026-03-29"),
        ("2026-03-29T23:30:00Z", "2026-03-30"),
        ("2026-10-24T23:30:00Z", "2026-10-25"), ("2026-10-25T23:30:00Z", "2026-10-25"),
        ("2025-12-31T23:59:59Z", "2025-12-31"),
        ("1969-12-31T23:00:00Z", "1970-01-01")  // British Standard Time: UTC+1 all year, 1968 to 1971
    ])
    func aMeetingsDayIsLondons(instant: String, day: String) {
        let start = ISO8601DateFormatter().date(from: instant)!
        let data = AnalyticsData(meetings: [Meeting(key: "m", partnershipKey: "p", name: "M", startsAt: start)])
        #expect(data.meetingDays["m"] == Day(day)!)
        #expect(WallClock.day(of: start) == Day(day)!, "the same as WallClock.day(of:)")
    }
}
