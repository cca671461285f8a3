import ConveneDomain
import Foundation
import Testing

/// A CDP's year, April to March, worked out by hand: its meetings, attendance by sector, decisions and actions.
@Suite struct ProgressReportTests {
    static let year = ProgressReport.Year(startYear: 2025)
    static let after = Day("2026-06-16")!

    static func cdp() -> AnalyticsData {
        let meeting = CostAuditTests.meeting
        let organisations = [
            Organisation(key: "opcc", name: "Office of the PCC", sector: .policingGovernance),
            Organisation(key: "council", name: "County Council", sector: .localGovernment),
            Organisation(key: "police", name: "Police", sector: .police)
        ]
        let people = [
            Person(key: "pcc", name: "Pat Jones", roleTitle: "Police and Crime Commissioner", organisationKey: "opcc"),
            Person(key: "dph", name: "Sam Lee", roleTitle: "Director of Public Health", organisationKey: "council"),
            Person(key: "acc", name: "Alex Kaur", roleTitle: "Assistant Chief Constable", organisationKey: "police"),
            Person(key: "supt", name: "Jo Smith", roleTitle: "Superintendent", organisationKey: "police")
        ]
        let memberships = [
            Membership(key: "m-pcc", partnershipKey: "cdp", personKey: "pcc", role: .sro),
            Membership(key: "m-dph", partnershipKey: "cdp", personKey: "dph", role: .chair),
            Membership(key: "m-acc", partnershipKey: "cdp", personKey: "acc", substituteKey: "supt"),
            // Left before the year ended: not a member in the report.
            Membership(key: "m-old", partnershipKey: "cdp", personKey: "supt", endedOn: Day("2025-12-31"))
        ]
        let meetings = [
            // March 2025: the year before.
            meeting("m0", "cdp", "2025-03-20", 2, .held, [Attendance(personKey: "pcc")]),
            meeting(
                "m1", "cdp", "2025-05-14", 2, .held,
                [
                    Attendance(personKey: "pcc"), Attendance(personKey: "dph", status: .presentOnline),
                    Attendance(personKey: "supt", status: .substitute, substituteForKey: "acc")
                ]),
            meeting(
                "m2", "cdp", "2025-09-10", 2, .held,
                [
                    Attendance(personKey: "pcc", status: .apologies), Attendance(personKey: "dph"),
                    Attendance(personKey: "acc", status: .absent)
                ]),
            meeting("m3", "cdp", "2025-12-03", 2, .cancelled, []),
            // 31 March 2026 is the year's last day.
            meeting("m4", "cdp", "2026-03-31", 2, .held, [Attendance(personKey: "dph")])
        ]
        let items = [
            AgendaItem(key: "m1-item-1", partnershipKey: "cdp", meetingKey: "m1", title: "Needs assessment"),
            AgendaItem(key: "m2-item-1", partnershipKey: "cdp", meetingKey: "m2", title: "Delivery plan"),
            AgendaItem(key: "m0-item-1", partnershipKey: "cdp", meetingKey: "m0", title: "Terms of reference")
        ]
        let decisions = [
            Decision(itemKey: "m1-item-1", decision: "Commission the joint needs assessment"),
            Decision(itemKey: "m2-item-1", decision: "Adopt the delivery plan"),
            Decision(itemKey: "m0-item-1", decision: "Agreed")
        ]
        let actions = [
            ActionItem(
                key: "a1", partnershipKey: "cdp", title: "Draft the plan", raisedOn: Day("2025-05-14")!,
                dueOn: Day("2025-07-01"), status: .done),
            ActionItem(
                key: "a2", partnershipKey: "cdp", title: "Share treatment data", raisedOn: Day("2025-09-10")!,
                dueOn: Day("2025-11-01")),
            ActionItem(
                key: "a3", partnershipKey: "cdp", title: "Survey members", raisedOn: Day("2025-09-10")!,
                dueOn: Day("2026-06-01"), status: .inProgress),
            ActionItem(key: "a0", partnershipKey: "cdp", title: "Last year's", raisedOn: Day("2025-03-20")!)
        ]
        return AnalyticsData(
            organisations: organisations, persons: people,
            partnerships: [
                Partnership(key: "cdp", name: "County CDP", type: .combatingDrugsPartnership, footprint: ["E10000003"])
            ],
            memberships: memberships, meetings: meetings, items: items, decisions: decisions, actions: actions)
    }

    @Test func theYearRunsFromAprilToMarch() {
        #expect(Self.year.period.from == Day("2025-04-01") && Self.year.period.to == Day("2026-03-31"))
        #expect(Self.year.label == "2025/26")
        #expect(ProgressReport.Year.lastEnded(by: Day("2026-04-30")!) == Self.year)
        #expect(ProgressReport.Year.lastEnded(by: Day("2026-03-31")!) == ProgressReport.Year(startYear: 2024))
    }

    @Test func theYearsMeetingsDecisionsAndMembers() throws {
        // Act
        let report = try #require(
            ProgressReport.make(Self.cdp(), partnershipKey: "cdp", year: Self.year, today: Self.after))

        // Check
        #expect(report.meetings.map(\.key) == ["m1", "m2", "m3", "m4"])
        #expect(report.heldCount == 3 && report.cancelledCount == 1)
        #expect(report.meetings.map(\.attended) == [3, 1, 0, 1])
        #expect(
            report.decisions.map(\.decision) == ["Commission the joint needs assessment", "Adopt the delivery plan"])
        #expect(report.sros.map(\.name) == ["Pat Jones"])
        #expect(report.members.map(\.membershipKey) == ["m-dph", "m-pcc", "m-acc"])
    }

    @Test func attendanceIsCountedBySectorAtMeetingLinesOnly() throws {
        // Act
        let report = try #require(
            ProgressReport.make(Self.cdp(), partnershipKey: "cdp", year: Self.year, today: Self.after))
        let bySector = Dictionary(uniqueKeysWithValues: report.attendance.map { ($0.sector, $0) })

        // Check
        let governance = try #require(bySector[.policingGovernance])
        #expect(governance.present == 1 && governance.apologies == 1 && governance.expected == 2)
        let council = try #require(bySector[.localGovernment])
        #expect(council.present == 2 && council.online == 1 && council.filledShare == 1)
        let police = try #require(bySector[.police])
        #expect(police.substitutes == 1 && police.absent == 1 && police.filledShare == 0.5)
        #expect(report.attendance.map(\.sector) == [.police, .policingGovernance, .localGovernment])
    }

    @Test func actionsRaisedInTheYearAndWhatIsOutstandingAtItsEnd() throws {
        // Act
        let actions = try #require(
            ProgressReport.make(Self.cdp(), partnershipKey: "cdp", year: Self.year, today: Self.after)
        ).actions

        // Check
        #expect(actions.raised == 3 && actions.done == 1 && actions.outstanding == 2 && actions.overdue == 1)
        #expect(actions.open.map(\.key) == ["a2", "a3"])
    }

    @Test func aYearStillRunningStandsAtToday() throws {
        // Act: on 1 October 2025, the second meeting was three weeks ago and a2 is not yet due.
        let report = try #require(
            ProgressReport.make(Self.cdp(), partnershipKey: "cdp", year: Self.year, today: Day("2025-10-01")!))

        // Check: the member who left at the end of December is still a member.
        #expect(report.asOf == Day("2025-10-01"))
        #expect(report.members.map(\.membershipKey).contains("m-old"))
        #expect(report.actions.done == 1 && report.actions.outstanding == 2 && report.actions.overdue == 0)
    }

    @Test func anUnknownPartnershipHasNoReport() {
        #expect(ProgressReport.make(Self.cdp(), partnershipKey: "nope", year: Self.year, today: Self.after) == nil)
    }
}
