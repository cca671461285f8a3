import ConveneDemo
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The demo shows the whole product: the reports' landscape with a year of its boards' business around the day it
/// is loaded, the same for the same day, and loaded once however often it is run.
@Suite struct DemoBusinessTests {
    static let today = Day(year: 2026, month: 3, day: 2)!

    @Test func theDemoHasAYearOfBusinessOverdueActionsAndDuplicateDiscussions() async throws {
        try await withConveneApp { app in
            // Act
            guard case .applied = try await ReportsDemo.load(on: app.db, today: Self.today) else {
                Issue.record("the demo did not load")
                return
            }

            // Check: at least 50 meetings held in the year to today, some scheduled after it.
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            let meetings = try await MeetingRecord.query(in: scope).all()
            let yearAgo = ConveneDomain.WallClock.instant(Self.today.adding(days: -365), minute: 0)
            let now = ConveneDomain.WallClock.instant(Self.today, minute: 0)
            let held = meetings.filter {
                $0.status == MeetingStatus.held.rawValue && $0.startsAt >= yearAgo && $0.startsAt < now
            }
            #expect(held.count >= 50, "\(held.count) meetings held in the last year")
            #expect(meetings.contains { $0.status == MeetingStatus.scheduled.rawValue && $0.startsAt > now })
            #expect(
                try await AttendanceRecord.query(in: scope).filter(\.$status == AttendanceStatus.substitute.rawValue)
                    .count() > 0)

            // An action log with actions overdue as of today.
            let actions = try await ActionRecord.query(in: scope).all()
            let overdue = actions.filter { action in
                guard let due = action.dueOn.flatMap(Day.init), let status = ActionStatus(rawValue: action.status)
                else { return false }
                return status.isOutstanding && due < Self.today
            }
            #expect(overdue.count > 0 && overdue.count < actions.count, "\(overdue.count) of \(actions.count) overdue")

            // The duplicates analysis finds duplicate discussions in the year.
            let question = AnalysisQuestion(period: Period.year(to: Self.today))
            let output = try await Tasks.analyse(.duplicates, question, on: app.db, now: .fixed(Self.today))
            let json = try #require(try JSONSerialization.jsonObject(with: output.render(.json)) as? [String: Any])
            let findings = try #require(json["findings"] as? [Any])
            #expect(findings.count > 0)
        }
    }

    @Test func loadingTheDemoTwiceChangesNothing() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await ReportsDemo.load(on: app.db, today: Self.today)
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            func counts() async throws -> [Int] {
                [
                    try await MeetingRecord.query(in: scope).count(),
                    try await AttendanceRecord.query(in: scope).count(),
                    try await AgendaItemRecord.query(in: scope).count(),
                    try await ActionRecord.query(in: scope).count(),
                    try await PartnershipRecord.query(in: scope).count(),
                    try await MeasurementRecord.query(in: scope).count(),
                    try await FundingStreamRecord.query(in: scope).count()
                ]
            }
            let first = try await counts()

            // Act: again, on a later day.
            let again = try await ReportsDemo.load(on: app.db, today: Self.today.adding(days: 30))

            // Check
            guard case .applied(let summary, _) = again else {
                Issue.record("the demo did not load again")
                return
            }
            #expect(summary.changedCount == 0)
            #expect(try await counts() == first)
        }
    }
}
