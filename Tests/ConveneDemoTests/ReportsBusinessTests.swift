import ConveneServer
import Foundation
import Testing

@testable import ConveneDemo
@testable import ConveneDomain

/// The reports' year of business is the national generator's, for the reports' own partnerships and people.
@Suite struct ReportsBusinessTests {
    static let today = Day(year: 2026, month: 3, day: 2)!

    @Test func theSameDayGivesTheSameYear() throws {
        let register = try DemoLandscape.register()
        let a = ReportsBusiness.year(register, today: Self.today)
        let b = ReportsBusiness.year(register, today: Self.today)
        #expect(a.business.meetings == b.business.meetings && a.business.actions == b.business.actions)
        #expect(a.business.items == b.business.items && a.plantedDuplicates == b.plantedDuplicates)
        #expect(!a.plantedDuplicates.isEmpty)
    }

    @Test func theYearKeepsTheRulesOfABoardsBusiness() throws {
        let year = ReportsBusiness.year(try DemoLandscape.register(), today: Self.today)
        #expect(year.business.brokenRules() == [])
        // The check can fail: a meeting of one minute, in person with no place, breaks two rules.
        var broken = year.business
        broken.meetings[0].endsAt = broken.meetings[0].startsAt.addingTimeInterval(60)
        broken.meetings[0].format = .inPerson
        broken.meetings[0].place = nil
        #expect(broken.brokenRules().count == 2)
    }

    @Test func theYearRunsElevenMonthsBackAndOneForward() throws {
        let year = ReportsBusiness.year(try DemoLandscape.register(), today: Self.today)
        let days = year.business.meetings.map { WallClock.day(of: $0.startsAt) }
        #expect(days.min()! >= Self.today.adding(days: -ReportsBusiness.daysBack))
        #expect(days.max()! < Self.today.adding(days: 31))
        // Held before today, scheduled from today on; a few cancelled either side.
        #expect(
            year.business.meetings.allSatisfy { meeting in
                meeting.status == .cancelled
                    || (meeting.status == .scheduled) == (WallClock.day(of: meeting.startsAt) >= Self.today)
            })
        #expect(year.business.meetings.contains { $0.attendance.contains { $0.status == .substitute } })
    }
}
