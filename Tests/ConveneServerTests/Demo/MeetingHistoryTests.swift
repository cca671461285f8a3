import ConveneDemo
import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The meetings benchmark's generated history: what its summary reports is what the tables hold, and the same seed
/// and day give the same history.
@Suite struct MeetingHistoryTests {
    static func generate(_ app: Application, workspace: String = Tasks.defaultWorkspace) async throws
        -> MeetingHistory.Summary
    {
        try await MeetingHistory.generate(
            on: app.db, workspace: workspace, partnerships: 4, membersEach: 6, meetingsPerYear: 40, years: 2,
            now: TestClock.now(), seed: 11, analyze: true)
    }

    @Test func theSummaryCountsWhatTheTablesHold() async throws {
        try await withConveneApp { app in
            // Act
            let summary = try await Self.generate(app)

            // Check: meetings, cancelled and joint.
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            let meetings = try await MeetingRecord.query(in: scope).all()
            #expect(meetings.count == summary.meetings)
            #expect(summary.meetings >= 80 && summary.upcomingMeetings > 0, "\(summary.lines)")
            #expect(
                meetings.filter { $0.status == MeetingStatus.cancelled.rawValue }.count == summary.cancelledMeetings)
            #expect(meetings.filter { $0.startsAt < TestClock.now() }.count == summary.pastMeetings)
            let joint = try await JointMeetingRecord.query(in: scope).count()
            #expect(joint == summary.jointMeetings)

            // Attendance, with substitutes who stood in for a member.
            let attendances = try await AttendanceRecord.query(in: scope).all()
            let substitutes = attendances.filter { $0.status == AttendanceStatus.substitute.rawValue }
            #expect(attendances.count == summary.attendances)
            #expect(substitutes.count == summary.substitutes && summary.substitutes > 0)
            #expect(substitutes.allSatisfy { $0.$substituteFor.id != nil })

            // Agendas with themes and decisions, and papers.
            let items = try await AgendaItemRecord.query(in: scope).all()
            #expect(items.count == summary.agendaItems)
            #expect(items.filter { $0.decision != nil }.count == summary.decisions && summary.decisions > 0)
            #expect(items.contains { !$0.themes.isEmpty })
            let papers = try await PaperRecord.query(in: scope).count()
            #expect(papers == summary.papers && summary.papers > 0)

            // Minutes approved at a later meeting of the same partnership, and locked.
            let minutes = try await MinutesRecord.query(in: scope).all()
            let byID = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id!, $0) })
            #expect(minutes.count == summary.minutes)
            #expect(
                minutes.filter { $0.state == MinutesState.locked.rawValue }.count == summary.lockedMinutes
                    && summary.lockedMinutes > 0)
            let approvals = minutes.filter { $0.state != MinutesState.draft.rawValue }.map { m in
                (held: byID[m.$meeting.id], approving: m.$approvedAt.id.flatMap { byID[$0] }, on: m.approvedOn)
            }
            let atALaterMeeting = approvals.filter { a in
                guard let held = a.held, let approving = a.approving else { return false }
                return approving.$partnership.id == held.$partnership.id && approving.startsAt > held.startsAt
                    && a.on == WallClock.day(of: approving.startsAt).description
            }
            #expect(!approvals.isEmpty && atALaterMeeting.count == approvals.count)
            let addenda = try await AddendumRecord.query(in: scope).count()
            #expect(addenda == summary.addenda)

            // Actions with their updates.
            let actions = try await ActionRecord.query(in: scope).all()
            #expect(actions.count == summary.actions && summary.actions > 0)
            let outstanding = actions.filter { ActionStatus(rawValue: $0.status)?.isOutstanding == true }
            #expect(outstanding.count == summary.outstandingActions)
            let updates = try await ActionUpdateRecord.query(in: scope).all()
            #expect(updates.count == summary.actionUpdates && summary.actionUpdates > 0)
            let updated = Set(updates.map(\.$action.id))
            #expect(actions.filter { $0.status == ActionStatus.done.rawValue }.allSatisfy { updated.contains($0.id!) })

            // The sample meetings are held meetings of the sample partnership, the latest one last.
            let board = try await PartnershipRecord.query(in: scope).filter(\.$key == summary.samplePartnershipKey)
                .first()
            let held = meetings.filter {
                $0.$partnership.id == board?.id && $0.status == MeetingStatus.held.rawValue
            }
            #expect(held.contains { $0.key == summary.sampleMeetingKey })
            #expect(held.max { $0.startsAt < $1.startsAt }?.key == summary.latestMeetingKey)

            // The busy person is a current member of each partnership the summary names.
            let person = try await PersonRecord.query(in: scope).filter(\.$key == summary.busyPersonKey).first()
            let memberships = try await MembershipRecord.query(in: scope).filter(\.$person.$id == person?.id).all()
            let partnerships = try await PartnershipRecord.query(in: scope).all()
            let keys = Dictionary(uniqueKeysWithValues: partnerships.map { ($0.id!, $0.key) })
            #expect(
                Set(memberships.filter { $0.endedOn == nil }.compactMap { keys[$0.$partnership.id] })
                    == Set(summary.busyPersonPartnerships))
            #expect(summary.busyPersonPartnerships.count > 1)
        }
    }

    @Test func theSameSeedAndDayGiveTheSameHistory() async throws {
        try await withConveneApp { app in
            // Setup
            try await Workspaces.add(
                key: "history-again", name: "History again", kind: .national, forceAreaCode: nil, on: app.db)

            // Act
            let first = try await Self.generate(app)
            let second = try await Self.generate(app, workspace: "history-again")

            // Check
            #expect(first.sampleMeetingKey == second.sampleMeetingKey && !first.sampleMeetingKey.isEmpty)
            #expect(first.latestMeetingKey == second.latestMeetingKey && !first.latestMeetingKey.isEmpty)
            #expect(first.busyPersonKey == second.busyPersonKey)
            #expect(first.busyPersonPartnerships == second.busyPersonPartnerships)
            #expect(first.lines == second.lines)
            func keys(_ workspace: String) async throws -> [[String]] {
                let scope = try await Scope.workspace(workspace, on: app.db)
                return [
                    try await MeetingRecord.query(in: scope).all().map { "\($0.key) \($0.status)" }.sorted(),
                    try await ActionRecord.query(in: scope).all().map { "\($0.key) \($0.status)" }.sorted()
                ]
            }
            let firstKeys = try await keys(Tasks.defaultWorkspace)
            let secondKeys = try await keys("history-again")
            #expect(firstKeys == secondKeys && !firstKeys[0].isEmpty)
        }
    }
}
