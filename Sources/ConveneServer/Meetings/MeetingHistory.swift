// Over 400 lines: the meetings benchmark's fixture generator, writing every table of a board's business.
import ConveneDomain
import Fluent
import Foundation
import SQLKit

/// A realistic board history, generated: partnerships with members (some replaced over the years, each with a named
/// substitute), and years of meetings with attendance, agendas with themes and decisions, papers, minutes approved
/// at the next meeting and locked, and actions with their updates. For the benchmark and for trying the
/// meeting pages on a large workspace. Deterministic for a seed and a day.
///
/// The register part (organisations, people, partnerships, memberships, terms of reference) goes through
/// `RegisterImport`, as any import does; the meeting history is written directly, in bulk, in one transaction,
/// through `Scope`, without audit events (it is fixture data, not anybody's change).
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
                "register: \(partnerships) partnerships, \(memberships) memberships, \(persons) people, \(organisations) organisations",
                "meetings: \(meetings) (\(pastMeetings) past of which \(cancelledMeetings) cancelled, \(upcomingMeetings) upcoming, \(jointMeetings) joint)",
                "attendance rows: \(attendances); agenda items: \(agendaItems) (\(decisions) decisions); papers: \(papers)",
                "minutes: \(minutes) (\(lockedMinutes) locked), addenda: \(addenda); actions: \(actions) (\(outstandingActions) outstanding), updates: \(actionUpdates)",
                "rows written: \(rowCount)"
            ]
        }
    }

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
        let scope = try await Scope.workspace(workspace, on: db, actor: "meeting history generator")
        var rng = SeededRandom(seed: seed)
        let today = WallClock.day(of: now)
        let historyStart = today.adding(days: -years * 365)
        var summary = Summary()

        // MARK: The register, through the import path.
        let plan = registerPlan(
            partnerships: partnerships, membersEach: membersEach, historyStart: historyStart, today: today, rng: &rng)
        var batch = ImportBatch()
        batch.register = plan.register
        progress?("importing \(plan.register.recordCount) register records")
        switch try await RegisterImport.run(batch, in: scope) {
        case .rejected(let issues):
            throw Accounts.Failure(
                description: "the generated register was rejected: "
                    + issues.prefix(5).map { "\($0)" }.joined(separator: "; "))
        case .applied: break
        }
        summary.organisations = plan.register.organisations.count
        summary.persons = plan.register.persons.count
        summary.partnerships = plan.register.partnerships.count
        summary.memberships = plan.register.memberships.count
        summary.busyPersonKey = plan.busyPerson
        summary.busyPersonPartnerships = plan.busyPartnerships

        let partnershipIDs = Dictionary(
            try await PartnershipRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) },
            uniquingKeysWith: { a, _ in a })
        let personIDs = Dictionary(
            try await PersonRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) },
            uniquingKeysWith: { a, _ in a })
        let organisationIDs = Dictionary(
            try await OrganisationRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) },
            uniquingKeysWith: { a, _ in a })

        // MARK: The meetings, planned in memory.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WallClock.london
        let horizon = today.adding(days: 91)
        var planned: [PlannedMeeting] = []
        let total = meetingsPerYear * years
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
                        id: UUID(), partnership: p, index: index, key: "board-\(p)-\(day)", day: day,
                        startsAt: startsAt, past: past, cancelled: cancelled, format: format, joint: joint))
                index += 1
            }
        }
        let meetings = planned
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

        // MARK: Writing, in one transaction.
        let chunk = 500
        let context = WriteContext(
            partnerships: partnershipIDs, persons: personIDs, organisations: organisationIDs, seats: plan.seats,
            meetings: meetings, next: next, today: today)
        let finalSummary = summary
        let seedAfterPlan = rng.next()
        summary = try await scope.transaction { scope in
            var summary = finalSummary
            var rng = SeededRandom(seed: seedAfterPlan)
            progress?("writing \(meetings.count) meetings")
            try await insert(
                meetings.map { m in
                    let record = MeetingRecord()
                    scope.claim(record)
                    record.id = m.id
                    record.$partnership.id = partnershipIDs["board-\(m.partnership)"]!
                    record.key = m.key
                    record.name = "Board \(m.partnership) meeting"
                    record.startsAt = m.startsAt
                    record.endsAt = m.startsAt.addingTimeInterval(2 * 3600)
                    record.status = (m.cancelled ? MeetingStatus.cancelled : m.past ? .held : .scheduled).rawValue
                    record.format = m.format.rawValue
                    record.place = m.format == .online ? nil : "Committee Room \(m.partnership % 5 + 1), Civic Centre"
                    record.onlineURL =
                        m.format == .inPerson ? nil : "https://meet.example.invalid/board-\(m.partnership)"
                    return record
                }, chunk: chunk, on: scope.db)
            try await insert(
                meetings.compactMap { m -> JointMeetingRecord? in
                    guard let other = m.joint else { return nil }
                    let record = JointMeetingRecord()
                    scope.claim(record)
                    record.$meeting.id = m.id
                    record.$partnership.id = partnershipIDs["board-\(other)"]!
                    return record
                }, chunk: chunk, on: scope.db)

            var actionCounter: [Int: Int] = [:]
            for start in stride(from: 0, to: meetings.count, by: 250) {
                var rows = Rows()
                for i in start..<min(start + 250, meetings.count) {
                    business(
                        of: i, context, scope: scope, rows: &rows, actionCounter: &actionCounter, summary: &summary,
                        rng: &rng)
                }
                try await insert(rows.attendances, chunk: chunk, on: scope.db)
                try await insert(rows.items, chunk: chunk, on: scope.db)
                try await insert(rows.papers, chunk: chunk, on: scope.db)
                try await insert(rows.minutes, chunk: chunk, on: scope.db)
                try await insert(rows.addenda, chunk: chunk, on: scope.db)
                try await insert(rows.actions, chunk: chunk, on: scope.db)
                try await insert(rows.updates, chunk: chunk, on: scope.db)
                if (start / 250) % 12 == 11 { progress?("written the business of \(start + 250) meetings") }
            }
            return summary
        }

        // Without fresh statistics SQLite guesses how selective each index is; `analyze: false` shows what a database
        // that grew by itself would do.
        if analyze { try await PlannerStatistics.refresh(PlannerStatistics.business, on: db) }
        return summary
    }

    /// Links a user to a person of the workspace: their "my meetings" and "my actions" become that person's.
    public static func link(
        email: String, toPerson key: String, workspace: String = Tasks.defaultWorkspace, on db: Database
    ) async throws {
        let scope = try await Scope.workspace(workspace, on: db)
        guard let person = try await PersonRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Accounts.Failure(description: "There is no person '\(key)'.")
        }
        guard
            let user = try await UserRecord.query(on: db).filter(\.$email == Credentials.normalisedEmail(email))
                .first(),
            let member = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID())
                .filter(\.$workspace.$id == scope.workspaceID).first()
        else {
            throw Accounts.Failure(description: "\(email) has no role in the workspace '\(workspace)'.")
        }
        member.$person.id = try person.requireID()
        try await member.update(on: db)
    }

    // MARK: The register

    struct Seat: Sendable {
        /// Holders in order: person key, first day, last day.
        var holders: [(person: String, from: Day, until: Day?)]
        var deputy: String
        var role: MembershipRole

        func holder(on day: Day) -> String? {
            holders.first { $0.from <= day && ($0.until.map { day <= $0 } ?? true) }?.person
        }
    }

    struct RegisterPlan {
        var register: Register
        var seats: [[Seat]]
        var busyPerson: String
        var busyPartnerships: [String]
    }

    static func registerPlan(
        partnerships: Int, membersEach: Int, historyStart: Day, today: Day, rng: inout SeededRandom
    ) -> RegisterPlan {
        var register = Register(areas: PoliceForceAreas.all)
        let sectors = Sector.allCases
        let organisationCount = max(10, partnerships * 3 / 4)
        for o in 0..<organisationCount {
            register.organisations.append(
                Organisation(key: "agency-\(o)", name: "Agency \(o)", sector: sectors[o % sectors.count]))
        }
        // Members come from a pool smaller than the seats (people sit on several boards); deputies from another.
        let memberPool = max(membersEach * 2, partnerships * membersEach * 3 / 4)
        let deputyPool = max(membersEach, partnerships * membersEach / 4)
        let roles = [
            "Chief Executive", "Director of Public Health", "Superintendent", "Head of Community Safety",
            "Probation Delivery Unit Head",
            "Area Manager", "Head of Service", "Commissioner", "Policy Officer", "Chief Inspector"
        ]
        for i in 0..<memberPool {
            register.persons.append(
                Person(
                    key: "member-\(i)", name: "Member \(i)", roleTitle: roles[i % roles.count],
                    organisationKey: "agency-\(i % organisationCount)", seniority: SeniorityBand.allCases[i % 6]))
        }
        for i in 0..<deputyPool {
            register.persons.append(
                Person(
                    key: "deputy-\(i)", name: "Deputy \(i)", roleTitle: "Deputy " + roles[i % roles.count].lowercased(),
                    organisationKey: "agency-\(i % organisationCount)", seniority: .seniorManager))
        }
        let busy = "member-0"
        let step = max(1, partnerships / 6)
        let busyPartnerships = Set(stride(from: 0, to: partnerships, by: step).prefix(6))
        let types = PartnershipType.allCases
        let span = today.ordinal - historyStart.ordinal
        var seats: [[Seat]] = []
        for p in 0..<partnerships {
            let key = "board-\(p)"
            register.partnerships.append(
                Partnership(
                    key: key, name: "Board \(p) (\(types[p % types.count].label))", type: types[p % types.count],
                    status: .active,
                    startedOn: historyStart.adding(days: -365),
                    purpose: "A generated board with \(membersEach) members",
                    themes: [Themes.seeded[p % Themes.seeded.count]], pccRoles: p % 3 == 0 ? [.attends] : [.member],
                    meetingFrequency: .monthly, forceAreaCode: PoliceForceAreas.all[p % PoliceForceAreas.all.count].code
                ))
            register.termsOfReference.append(
                TermsOfReference(
                    partnershipKey: key, version: 1, purpose: "Generated terms",
                    quorum: membersEach / 2, meetingFrequency: .monthly,
                    approvedOn: historyStart.adding(days: -30), reviewDue: today.adding(days: 200)))
            var used: Set<Int> = [0]
            func draw(_ rng: inout SeededRandom) -> String {
                while true {
                    let i = rng.below(memberPool)
                    if used.insert(i).inserted { return "member-\(i)" }
                }
            }
            var row: [Seat] = []
            for s in 0..<membersEach {
                let role: MembershipRole = s == 0 ? .chair : s == 1 ? .viceChair : .member
                let deputy = "deputy-\((p * membersEach + s) % deputyPool)"
                var seat = Seat(holders: [], deputy: deputy, role: role)
                if s == 2 && busyPartnerships.contains(p) {
                    seat.holders = [(busy, historyStart.adding(days: -365), nil)]
                } else if rng.chance(40) {
                    let change = historyStart.adding(days: 30 + rng.below(max(1, span - 60)))
                    seat.holders = [
                        (draw(&rng), historyStart.adding(days: -365), change.adding(days: -1)),
                        (draw(&rng), change, nil)
                    ]
                } else {
                    seat.holders = [(draw(&rng), historyStart.adding(days: -365), nil)]
                }
                for (h, holder) in seat.holders.enumerated() {
                    let person = register.persons.first { $0.key == holder.person }
                    register.memberships.append(
                        Membership(
                            key: "\(key)-seat-\(s)-\(h + 1)", partnershipKey: key, personKey: holder.person, role: role,
                            representsKey: person?.organisationKey, votingRight: s < membersEach * 2 / 3,
                            startedOn: holder.from, endedOn: holder.until, substituteKey: deputy))
                }
                row.append(seat)
            }
            seats.append(row)
        }
        return RegisterPlan(
            register: register, seats: seats, busyPerson: busy,
            busyPartnerships: busyPartnerships.sorted().map { "board-\($0)" })
    }

    // MARK: The business of one meeting

    struct PlannedMeeting: Sendable {
        var id: UUID
        var partnership: Int
        var index: Int
        var key: String
        var day: Day
        var startsAt: Date
        var past: Bool
        var cancelled: Bool
        var format: MeetingFormat
        var joint: Int?
    }

    struct WriteContext: Sendable {
        var partnerships: [String: UUID]
        var persons: [String: UUID]
        var organisations: [String: UUID]
        var seats: [[Seat]]
        var meetings: [PlannedMeeting]
        var next: [Int: Int]
        var today: Day
    }

    struct Rows {
        var attendances: [AttendanceRecord] = []
        var items: [AgendaItemRecord] = []
        var papers: [PaperRecord] = []
        var minutes: [MinutesRecord] = []
        var addenda: [AddendumRecord] = []
        var actions: [ActionRecord] = []
        var updates: [ActionUpdateRecord] = []
    }

    static let topics = [
        "Performance report", "Serious violence duty: strategic needs assessment", "Funding bids for the coming year",
        "Domestic abuse related death reviews", "Night-time economy", "Drug and alcohol treatment outcomes",
        "Youth diversion programme evaluation", "Victims' services commissioning", "Hotspot policing update",
        "Community engagement and consultation", "Risk register", "Data sharing agreement",
        "Reoffending: integrated offender management",
        "Safer streets: lighting and CCTV", "County lines: partnership response"
    ]

    static func business(
        of i: Int, _ c: WriteContext, scope: Scope, rows: inout Rows, actionCounter: inout [Int: Int],
        summary: inout Summary, rng: inout SeededRandom
    ) {
        let m = c.meetings[i]
        guard !m.cancelled else { return }
        let partnershipID = c.partnerships["board-\(m.partnership)"]!
        let seats = c.seats[m.partnership]
        let members = seats.compactMap { $0.holder(on: m.day) }

        // Attendance: every member, and the substitutes who came in their place.
        var attendees: [String] = []
        if m.past {
            for seat in seats {
                guard let person = seat.holder(on: m.day) else { continue }
                let roll = rng.below(100)
                let status: AttendanceStatus =
                    roll < 60
                    ? .present
                    : roll < 75
                        ? (m.format == .inPerson ? .present : .presentOnline)
                        : roll < 94 ? .apologies : .absent
                rows.attendances.append(attendance(m, person, status, nil, scope: scope, c, rng: &rng))
                summary.attendances += 1
                if status == .present || status == .presentOnline { attendees.append(person) }
                if status == .apologies && roll >= 85 {
                    rows.attendances.append(attendance(m, seat.deputy, .substitute, person, scope: scope, c, rng: &rng))
                    summary.attendances += 1
                    attendees.append(seat.deputy)
                }
            }
        }

        // The agenda: standing items, four to six topics with themes, any other business.
        var items: [(id: UUID, key: String, kind: AgendaItemKind)] = []
        let topicCount = 3 + rng.below(4)
        var titles = [
            "Welcome, apologies and declarations of interest", "Minutes of the last meeting and matters arising"
        ]
        for t in 0..<topicCount { titles.append(topics[(m.index * 5 + t * 3 + m.partnership) % topics.count]) }
        titles.append("Any other business")
        for (n, title) in titles.enumerated() {
            let record = AgendaItemRecord()
            scope.claim(record)
            record.id = UUID()
            record.$partnership.id = partnershipID
            record.$meeting.id = m.id
            let standing = n < 2 || n == titles.count - 1
            let kind: AgendaItemKind =
                standing
                ? (n == 1 ? .decision : .information)
                : [.decision, .discussion, .information, .discussion][rng.below(4)]
            record.key = "\(m.key)-item-\(n + 1)"
            record.position = n + 1
            record.title = title
            record.kind = kind.rawValue
            record.durationMinutes = standing ? (n == 1 ? 10 : 5) : 10 + 5 * rng.below(5)
            record.themes =
                standing
                ? ""
                : ListColumn.encode(
                    Array(
                        Set([
                            Themes.seeded[rng.below(Themes.seeded.count)],
                            Themes.seeded[rng.below(Themes.seeded.count)]
                        ])
                    ).sorted())
            if !standing, !members.isEmpty { record.$presenter.id = c.persons[members[rng.below(members.count)]] }
            if m.past && kind == .decision {
                record.decision =
                    n == 1
                    ? "The minutes of the last meeting were agreed as a true record."
                    : "Agreed: \(title.lowercased()) as proposed, with the amendments discussed."
                record.rationale =
                    rng.chance(50)
                    ? "The evidence presented supports the proposal; the budget is within the allocation." : nil
                summary.decisions += 1
            }
            rows.items.append(record)
            items.append((record.id!, record.key, kind))
            if !standing && rng.chance(50) {
                let paper = PaperRecord()
                scope.claim(paper)
                paper.$item.id = record.id!
                paper.key = "\(record.key)-paper-1"
                paper.title = "\(title): report"
                paper.url = "https://papers.example.invalid/\(record.key).pdf"
                rows.papers.append(paper)
                summary.papers += 1
            }
        }
        summary.agendaItems += titles.count
        guard m.past else { return }

        // Minutes: approved at the next meeting once it has been held, and locked at the one after.
        let nextIndex = c.next[i]
        let next = nextIndex.map { c.meetings[$0] }
        let afterNext = nextIndex.flatMap { c.next[$0] }.map { c.meetings[$0] }
        let minutes = MinutesRecord()
        scope.claim(minutes)
        minutes.id = UUID()
        minutes.$meeting.id = m.id
        minutes.text = (0..<8).map {
            "Item \($0 + 1). The board discussed \(topics[($0 + m.index) % topics.count].lowercased()) and noted the report. Members asked about progress, risks and funding; officers answered and agreed to report back."
        }
        .joined(separator: "\n\n")
        if let next, next.past {
            let locked = afterNext?.past ?? false
            minutes.state = (locked ? MinutesState.locked : .approved).rawValue
            minutes.approvedOn = next.day.description
            minutes.$approvedAt.id = next.id
            if locked {
                summary.lockedMinutes += 1
                if rng.chance(1) {
                    let addendum = AddendumRecord()
                    scope.claim(addendum)
                    addendum.$minutes.id = minutes.id!
                    addendum.on = next.day.adding(days: 40).description
                    addendum.text = "Correction: the date of the next review was misrecorded."
                    rows.addenda.append(addendum)
                    summary.addenda += 1
                }
            }
        } else {
            minutes.state = MinutesState.draft.rawValue
        }
        rows.minutes.append(minutes)
        summary.minutes += 1

        // Actions: about two a meeting, owned by someone who was there (or an organisation), with updates.
        let topicItems = items.filter { !$0.key.hasSuffix("-item-1") && !$0.key.hasSuffix("-item-2") }
        for _ in 0..<rng.below(5) {
            let n = (actionCounter[m.partnership] ?? 0) + 1
            actionCounter[m.partnership] = n
            let action = ActionRecord()
            scope.claim(action)
            action.id = UUID()
            action.$partnership.id = partnershipID
            action.$meeting.id = m.id
            action.$item.id = topicItems.isEmpty ? nil : topicItems[rng.below(topicItems.count)].id
            if rng.chance(80), !attendees.isEmpty {
                action.$ownerPerson.id = c.persons[attendees[rng.below(attendees.count)]]
            } else {
                action.$ownerOrganisation.id = c.organisations["agency-\(rng.below(c.organisations.count))"]
            }
            action.key = "board-\(m.partnership)-action-\(n)"
            action.title = "Report back on \(topics[rng.below(topics.count)].lowercased())"
            action.raisedOn = m.day.description
            let due = m.day.adding(days: 28 + rng.below(63))
            action.dueOn = due.description
            let age = c.today.ordinal - due.ordinal
            let roll = rng.below(100)
            let status: ActionStatus
            if age > 180 {
                status = roll < 88 ? .done : roll < 94 ? .dropped : roll < 97 ? .open : .inProgress
            } else if age > 0 {
                status = roll < 55 ? .done : roll < 75 ? .inProgress : roll < 95 ? .open : .dropped
            } else {
                status = roll < 10 ? .done : roll < 45 ? .inProgress : .open
            }
            action.status = status.rawValue
            rows.actions.append(action)
            summary.actions += 1
            if status == .open || status == .inProgress { summary.outstandingActions += 1 }
            var updates: [(Int, String, ActionStatus?)] = []
            switch status {
            case .done:
                updates = [
                    (14, "Work under way; first findings shared with the lead officer.", .inProgress),
                    (30, "Reported to the board; complete.", .done)
                ]
            case .dropped: updates = [(20, "Overtaken by the new commissioning plan.", .dropped)]
            case .inProgress: updates = [(10, "Started; a draft is being circulated.", .inProgress)]
            case .open: if rng.chance(40) { updates = [(7, "Chased by the secretariat.", nil)] }
            }
            for (days, text, status) in updates {
                let update = ActionUpdateRecord()
                scope.claim(update)
                update.$action.id = action.id!
                update.on = min(m.day.adding(days: days), c.today).description
                update.text = text
                update.status = status?.rawValue
                rows.updates.append(update)
                summary.actionUpdates += 1
            }
        }
    }

    static func attendance(
        _ m: PlannedMeeting, _ person: String, _ status: AttendanceStatus, _ substituteFor: String?,
        scope: Scope, _ c: WriteContext, rng: inout SeededRandom
    ) -> AttendanceRecord {
        let row = AttendanceRecord()
        scope.claim(row)
        row.$meeting.id = m.id
        row.$person.id = c.persons[person]!
        row.$substituteFor.id = substituteFor.flatMap { c.persons[$0] }
        row.status = status.rawValue
        if status != .apologies && status != .absent {
            row.preparationMinutes = 30 + 15 * rng.below(5)
            row.travelMinutes = status == .presentOnline ? 0 : 10 + 10 * rng.below(5)
        }
        return row
    }

    static func insert<M: Model>(_ records: [M], chunk: Int, on db: Database) async throws {
        for start in stride(from: 0, to: records.count, by: chunk) {
            try await Array(records[start..<min(start + chunk, records.count)]).create(on: db)
        }
    }
}
