import ConveneDomain
import ConveneServer
import Fluent
import Foundation

/// A realistic board history, generated: partnerships with members (some replaced over the years, each with a named
/// substitute), and years of meetings with attendance, agendas with themes and decisions, papers, minutes approved
/// at the next meeting and locked, and actions with their updates. For the meetings benchmark and for trying the
/// meeting pages on a large workspace. Deterministic for a seed and a day.
///
/// The register (organisations, people, partnerships, memberships, terms of reference) goes through the import path,
/// as any import does; the history is built as domain values and written by `GeneratedBusiness` in bulk, in one
/// transaction, without audit events (it is fixture data, not anybody's change).
public enum MeetingHistory {
    public struct Summary: Sendable {
        public var organisations = 0
        public var persons = 0
        public var partnerships = 0
        public var memberships = 0
        public var meetings = 0
        public var pastMeetings = 0
        public var upcomingMeetings = 0
        public var cancelledMeetings = 0
        public var jointMeetings = 0
        public var attendances = 0
        public var substitutes = 0
        public var agendaItems = 0
        public var decisions = 0
        public var papers = 0
        public var minutes = 0
        public var lockedMinutes = 0
        public var addenda = 0
        public var actions = 0
        public var outstandingActions = 0
        public var actionUpdates = 0
        /// The person a user can be linked to: a current member of several partnerships.
        public var busyPersonKey = ""
        public var busyPersonPartnerships: [String] = []
        /// A partnership of the busy person, and one of its held meetings about a year ago (full agenda, attendance
        /// and actions), and its latest held meeting.
        public var samplePartnershipKey = ""
        public var sampleMeetingKey = ""
        public var latestMeetingKey = ""

        /// Rows written, all tables together.
        public var rowCount: Int {
            organisations + persons + partnerships + memberships + partnerships + meetings + jointMeetings + attendances
                + agendaItems + papers + minutes + addenda + actions + actionUpdates
        }

        public var lines: [String] {
            [
                "register: \(partnerships) partnerships, \(memberships) memberships, \(persons) people, "
                    + "\(organisations) organisations",
                "meetings: \(meetings) (\(pastMeetings) past of which \(cancelledMeetings) cancelled, "
                    + "\(upcomingMeetings) upcoming, \(jointMeetings) joint)",
                "attendance rows: \(attendances) (\(substitutes) substitutes); agenda items: \(agendaItems) "
                    + "(\(decisions) decisions); papers: \(papers)",
                "minutes: \(minutes) (\(lockedMinutes) locked), addenda: \(addenda); actions: \(actions) "
                    + "(\(outstandingActions) outstanding), updates: \(actionUpdates)",
                "rows written: \(rowCount)"
            ]
        }
    }

    static let actor = "meeting history generator"

    /// Writes the history into a workspace that has none of these keys yet (partnerships are `board-N`, people
    /// `member-N`, `deputy-N`, organisations `agency-N`). `meetingsPerYear` is for the whole workspace; the history
    /// runs `years` back from `now`, and three months of meetings are scheduled after it. With `analyze`, the planner's
    /// statistics are refreshed afterwards.
    public static func generate(
        on db: Database, workspace: String = Tasks.defaultWorkspace, partnerships: Int = 80,
        membersEach: Int = 12, meetingsPerYear: Int = 1_500, years: Int = 10, now: Date,
        seed: UInt64 = 5, analyze: Bool = true, progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> Summary {
        precondition(partnerships > 0 && membersEach >= 4 && meetingsPerYear >= partnerships && years > 0)
        let history = build(
            partnerships: partnerships, membersEach: membersEach, meetingsPerYear: meetingsPerYear, years: years,
            now: now, seed: seed)

        progress?("importing \(history.register.recordCount) register records")
        let outcome = try await GeneratedBusiness.importRegister(
            history.register, workspace: workspace, actor: actor, on: db)
        if case .rejected(let issues) = outcome {
            throw DemoFailure(
                "the generated register was rejected: " + issues.prefix(5).map { "\($0)" }.joined(separator: "; "))
        }
        progress?("writing \(history.summary.meetings) meetings")
        try await GeneratedBusiness.write(history.business, workspace: workspace, actor: actor, on: db)
        // Without fresh statistics SQLite guesses how selective each index is; `analyze: false` shows what a database
        // that grew by itself would do.
        if analyze { try await GeneratedBusiness.analyze(on: db) }
        return history.summary
    }

    /// Links a user to a person of the workspace: their "my meetings" and "my actions" become that person's.
    public static func link(
        email: String, toPerson key: String, workspace: String = Tasks.defaultWorkspace, on db: Database
    ) async throws {
        try await GeneratedBusiness.link(email: email, toPerson: key, workspace: workspace, on: db)
    }

    /// The history as values: the register, the business, and what they hold.
    struct History: Sendable {
        var register: Register
        var business: GeneratedBusiness.Business
        var summary: Summary
    }

    /// The whole history in memory, without a database: the same for the same arguments.
    static func build(
        partnerships: Int, membersEach: Int, meetingsPerYear: Int, years: Int, now: Date, seed: UInt64
    ) -> History {
        var rng = SeededRandom(seed: seed)
        let today = WallClock.day(of: now)
        let historyStart = today.adding(days: -years * 365)
        let plan = registerPlan(
            partnerships: partnerships, membersEach: membersEach, historyStart: historyStart, today: today, rng: &rng)
        let meetings = planMeetings(
            partnerships: partnerships, total: meetingsPerYear * years, years: years, historyStart: historyStart,
            now: now, rng: &rng)

        var summary = Summary()
        summary.organisations = plan.register.organisations.count
        summary.persons = plan.register.persons.count
        summary.partnerships = plan.register.partnerships.count
        summary.memberships = plan.register.memberships.count
        summary.busyPersonKey = plan.busyPerson
        summary.busyPersonPartnerships = plan.busyPartnerships
        summary.meetings = meetings.count
        summary.pastMeetings = meetings.filter(\.past).count
        summary.upcomingMeetings = meetings.count - summary.pastMeetings
        summary.cancelledMeetings = meetings.filter(\.cancelled).count
        summary.jointMeetings = meetings.filter { $0.joint != nil }.count

        // The meeting after each (same partnership, not cancelled): the one that approves its minutes.
        var next: [Int: Int] = [:]
        var lastByPartnership: [Int: Int] = [:]
        for (i, m) in meetings.enumerated().reversed() where !m.cancelled {
            if let n = lastByPartnership[m.partnership] { next[i] = n }
            lastByPartnership[m.partnership] = i
        }
        let sample = meetings.indices.filter {
            meetings[$0].partnership == 0 && meetings[$0].past && !meetings[$0].cancelled
        }
        let yearAgo = today.adding(days: -365).ordinal
        if let best = sample.min(by: {
            abs(meetings[$0].day.ordinal - yearAgo) < abs(meetings[$1].day.ordinal - yearAgo)
        }) {
            summary.sampleMeetingKey = meetings[best].key
        }
        summary.latestMeetingKey = sample.last.map { meetings[$0].key } ?? ""
        summary.samplePartnershipKey = "board-0"

        var writer = BusinessWriter(
            seats: plan.seats, meetings: meetings, next: next, today: today,
            organisations: plan.register.organisations.count, summary: summary)
        for i in meetings.indices { writer.add(i, rng: &rng) }
        return History(register: plan.register, business: writer.business, summary: writer.summary)
    }

    /// The meetings of each partnership, evenly spread over the years with a random phase, on weekdays, one a day at
    /// most; a few past ones cancelled, and a few held ones joint with the next partnership.
    static func planMeetings(
        partnerships: Int, total: Int, years: Int, historyStart: Day, now: Date, rng: inout SeededRandom
    ) -> [PlannedMeeting] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WallClock.london
        let horizon = WallClock.day(of: now).adding(days: 91)
        var planned: [PlannedMeeting] = []
        for p in 0..<partnerships {
            let count = total / partnerships + (p < total % partnerships ? 1 : 0)
            let interval = Double(years * 365) / Double(count)
            let phase = Double(rng.below(max(1, Int(interval))))
            var used: Set<Int> = []
            var j = 0
            var index = 0
            while true {
                var day = historyStart.adding(days: Int(phase + Double(j) * interval))
                j += 1
                if day >= horizon { break }
                let weekday = ((day.ordinal % 7) + 10) % 7  // 0 is Monday (1970-01-01 was a Thursday)
                if weekday >= 5 { day = day.adding(days: 7 - weekday) }
                guard used.insert(day.ordinal).inserted else { continue }
                let hour = p % 3 == 0 ? 14 : 10
                let startsAt = calendar.date(
                    from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: 0))!
                let past = startsAt < now
                let cancelled = past && rng.chance(3)
                let format: MeetingFormat = [.inPerson, .hybrid, .online, .hybrid][(p + index) % 4]
                var joint: Int?
                if partnerships > 1 && past && !cancelled && rng.chance(2) { joint = (p + 1) % partnerships }
                planned.append(
                    PlannedMeeting(
                        partnership: p, index: index, key: "board-\(p)-\(day)", day: day, startsAt: startsAt,
                        past: past, cancelled: cancelled, format: format, joint: joint))
                index += 1
            }
        }
        return planned
    }
}
