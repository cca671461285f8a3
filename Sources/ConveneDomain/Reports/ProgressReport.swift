import Foundation

/// A partnership's annual progress report: its year of business as figures, each traceable to the records behind
/// it. The year is the public sector's, 1 April to 31 March, as the national guidance's annual report runs (the
/// first due by the end of April 2023, then every 12 months). A pure function of `AnalyticsData`, so the page, the
/// file and the tests give the same report.
public struct ProgressReport: Sendable, Hashable {
    /// The year beginning 1 April of `startYear`: "2025/26".
    public struct Year: Sendable, Hashable, Comparable {
        public var startYear: Int

        public init(startYear: Int) { self.startYear = startYear }

        /// The last year that has ended by `day` (the year a report is normally made for).
        public static func lastEnded(by day: Day) -> Year {
            Year(startYear: (day.month >= 4 ? day.year : day.year - 1) - 1)
        }

        public var period: Period {
            Period(
                from: Day(year: startYear, month: 4, day: 1)!, to: Day(year: startYear + 1, month: 3, day: 31)!)
        }

        /// "2025/26".
        public var label: String { "\(startYear)/\(String(format: "%02d", (startYear + 1) % 100))" }

        public static func < (a: Year, b: Year) -> Bool { a.startYear < b.startYear }
    }

    /// A member as the report names them.
    public struct Member: Sendable, Hashable {
        public var membershipKey: String
        /// The person's or the organisation's key, for the link to their record.
        public var personKey: String?
        public var organisationKey: String?
        public var name: String
        public var roleTitle: String?
        public var role: MembershipRole
        public var sector: Sector?
    }

    /// Attendance at the year's held meetings, by the sector of each attendee's organisation.
    public struct SectorAttendance: Sendable, Hashable {
        public var sector: Sector?
        public var present = 0
        public var online = 0
        public var substitutes = 0
        public var apologies = 0
        public var absent = 0

        /// Everyone expected: there, sent a substitute, sent apologies or did not come.
        public var expected: Int { present + online + substitutes + apologies + absent }
        /// The share of places filled, in person, online or by a substitute.
        public var filledShare: Double {
            expected == 0 ? 0 : Double(present + online + substitutes) / Double(expected)
        }
    }

    /// One of the year's meetings, held, cancelled or still to come.
    public struct MeetingLine: Sendable, Hashable {
        public var key: String
        public var name: String
        public var day: Day
        public var status: MeetingStatus
        /// Attendees there, in person or online or as a substitute.
        public var attended: Int
        public var decisions: Int
    }

    public struct DecisionLine: Sendable, Hashable {
        public var meetingKey: String
        public var meetingDay: Day
        public var itemTitle: String
        public var decision: String
    }

    public struct ActionFigures: Sendable, Hashable {
        /// Raised in the year.
        public var raised = 0
        /// Of those raised, done by `asOf`.
        public var done = 0
        /// Still open or in progress at `asOf`.
        public var outstanding = 0
        /// Of the outstanding, past their due date at `asOf`.
        public var overdue = 0
        /// The outstanding ones, for the report's list.
        public var open: [ActionItem] = []
    }

    public var partnership: Partnership
    public var year: Year
    /// The day the figures stand at: the year's last, or today for a year still running.
    public var asOf: Day
    /// The Senior Responsible Owners on `asOf`.
    public var sros: [Member]
    /// Everyone with a seat on `asOf`, by role then name.
    public var members: [Member]
    public var meetings: [MeetingLine]
    public var attendance: [SectorAttendance]
    public var decisions: [DecisionLine]
    public var actions: ActionFigures

    public var heldCount: Int { meetings.filter { $0.status == .held }.count }
    public var cancelledCount: Int { meetings.filter { $0.status == .cancelled }.count }

    /// The report for `partnershipKey` over `year` as it stands on `today` (the year's last day once it is over),
    /// from data loaded for (at least) that year's period.
    public static func make(_ data: AnalyticsData, partnershipKey: String, year: Year, today: Day) -> ProgressReport? {
        guard let partnership = data.partnershipsByKey[partnershipKey] else { return nil }
        let period = year.period
        let lastDay = min(period.to, today)

        func member(_ m: Membership) -> Member {
            let person = m.personKey.flatMap { data.personsByKey[$0] }
            let organisationKey = person?.organisationKey ?? m.organisationKey
            let organisation = organisationKey.flatMap { data.organisationsByKey[$0] }
            return Member(
                membershipKey: m.key, personKey: person?.key, organisationKey: organisationKey,
                name: person?.name ?? organisation?.name ?? m.personKey ?? m.organisationKey ?? m.key,
                roleTitle: person?.roleTitle, role: m.role, sector: organisation?.sector)
        }
        let seated = (data.membershipsByPartnership[partnershipKey] ?? []).filter { $0.isCurrent(on: lastDay) }
        let roleOrder = Dictionary(uniqueKeysWithValues: MembershipRole.allCases.enumerated().map { ($1, $0) })
        let members = seated.map(member).sorted {
            (roleOrder[$0.role] ?? 0, $0.name, $0.membershipKey) < (roleOrder[$1.role] ?? 0, $1.name, $1.membershipKey)
        }

        // The year's meetings, its own and the joint ones it took part in.
        let inYear = (data.meetingsByPartnership[partnershipKey] ?? []).filter { period.contains(data.day(of: $0)) }
        let items = Dictionary(data.items.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let decidedByMeeting = Dictionary(
            grouping: data.decisions.filter { !$0.decision.isEmpty }, by: { items[$0.itemKey]?.meetingKey ?? "" })
        var bySector: [Sector?: SectorAttendance] = [:]
        var decisions: [DecisionLine] = []
        let meetings = inYear.map { meeting -> MeetingLine in
            let day = data.day(of: meeting)
            if meeting.status == .held {
                for a in meeting.attendance {
                    let sector = data.personsByKey[a.personKey]?.organisationKey
                        .flatMap { data.organisationsByKey[$0]?.sector }
                    var line = bySector[sector] ?? SectorAttendance(sector: sector)
                    switch a.status {
                    case .present: line.present += 1
                    case .presentOnline: line.online += 1
                    case .substitute: line.substitutes += 1
                    case .apologies: line.apologies += 1
                    case .absent: line.absent += 1
                    }
                    bySector[sector] = line
                }
            }
            let decided = decidedByMeeting[meeting.key] ?? []
            for d in decided {
                decisions.append(
                    DecisionLine(
                        meetingKey: meeting.key, meetingDay: day, itemTitle: items[d.itemKey]?.title ?? d.itemKey,
                        decision: d.decision))
            }
            return MeetingLine(
                key: meeting.key, name: meeting.name, day: day, status: meeting.status,
                attended: meeting.attendance.filter(\.attended).count, decisions: decided.count)
        }
        let sectorOrder = Dictionary(uniqueKeysWithValues: Sector.allCases.enumerated().map { ($1, $0) })
        let attendance = bySector.values.sorted {
            ($0.sector.flatMap { sectorOrder[$0] } ?? Int.max) < ($1.sector.flatMap { sectorOrder[$0] } ?? Int.max)
        }

        var actions = ActionFigures()
        for action in data.actions where action.partnershipKey == partnershipKey && period.contains(action.raisedOn) {
            actions.raised += 1
            let doneByYearEnd =
                action.status == .done && (action.updates.last { $0.status == .done }?.on ?? lastDay) <= lastDay
            if doneByYearEnd {
                actions.done += 1
            } else if action.status != .dropped {
                actions.outstanding += 1
                if action.dueOn.map({ $0 < lastDay }) ?? false { actions.overdue += 1 }
                actions.open.append(action)
            }
        }
        actions.open.sort { ($0.dueOn ?? lastDay, $0.key) < ($1.dueOn ?? lastDay, $1.key) }

        return ProgressReport(
            partnership: partnership, year: year, asOf: lastDay, sros: members.filter { $0.role == .sro },
            members: members,
            meetings: meetings, attendance: attendance, decisions: decisions.sorted { $0.meetingDay < $1.meetingDay },
            actions: actions)
    }
}
