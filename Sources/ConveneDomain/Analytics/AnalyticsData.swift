import Foundation

/// Everything the analyses read of one workspace, as plain values: the register, the meetings with their attendance,
/// agenda items, decisions and actions. The server loads it; the analyses are pure functions of it, a period and the
/// settings, so each is tested without a database and gives the same figures to a page, the API and the CLI.
public struct AnalyticsData: Sendable {
    public var organisations: [Organisation]
    public var persons: [Person]
    public var partnerships: [Partnership]
    public var memberships: [Membership]
    public var termsOfReference: [TermsOfReference]
    public var meetings: [Meeting]
    public var items: [AgendaItem]
    public var decisions: [Decision]
    public var actions: [ActionItem]
    public var supportCosts: [SupportCost]

    // Indexes, built once.
    public let personsByKey: [String: Person]
    public let partnershipsByKey: [String: Partnership]
    public let organisationsByKey: [String: Organisation]
    /// Each meeting's day in London.
    public let meetingDays: [String: Day]
    public let itemsByMeeting: [String: [AgendaItem]]
    public let decidedItems: Set<String>
    public let membershipsByPartnership: [String: [Membership]]
    /// Each partnership's meetings, its own and those it joins, in order.
    public let meetingsByPartnership: [String: [Meeting]]

    public init(
        organisations: [Organisation] = [], persons: [Person] = [], partnerships: [Partnership] = [],
        memberships: [Membership] = [], termsOfReference: [TermsOfReference] = [], meetings: [Meeting] = [],
        items: [AgendaItem] = [], decisions: [Decision] = [], actions: [ActionItem] = [],
        supportCosts: [SupportCost] = []
    ) {
        self.organisations = organisations
        self.persons = persons
        self.partnerships = partnerships
        self.memberships = memberships
        self.termsOfReference = termsOfReference
        self.meetings = meetings.sorted { ($0.startsAt, $0.key) < ($1.startsAt, $1.key) }
        self.items = items
        self.decisions = decisions
        self.actions = actions
        self.supportCosts = supportCosts
        personsByKey = Dictionary(persons.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        partnershipsByKey = Dictionary(partnerships.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        organisationsByKey = Dictionary(organisations.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        // London's offset from UTC, asked once an hour of the year rather than once a meeting: a calendar's
        // date components cost more than the rest of an analysis.
        let london = WallClock.london
        let epoch = Day(year: 1970, month: 1, day: 1)!
        var offsets: [Int: Int] = [:]
        meetingDays = Dictionary(
            meetings.map { meeting in
                let seconds = Int(meeting.startsAt.timeIntervalSince1970.rounded(.down))
                let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
                let offset =
                    offsets[hour]
                    ?? {
                        let offset = london.secondsFromGMT(for: meeting.startsAt)
                        offsets[hour] = offset
                        return offset
                    }()
                let local = seconds + offset
                return (meeting.key, epoch.adding(days: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
            }, uniquingKeysWith: { a, _ in a })
        itemsByMeeting = Dictionary(grouping: items.filter { $0.meetingKey != nil }, by: { $0.meetingKey! })
            .mapValues { $0.sorted { ($0.position, $0.key) < ($1.position, $1.key) } }
        decidedItems = Set(decisions.filter { !$0.decision.isEmpty }.map(\.itemKey))
        membershipsByPartnership = Dictionary(grouping: memberships, by: \.partnershipKey)
        var byPartnership: [String: [Meeting]] = [:]
        for meeting in self.meetings {
            for key in meeting.partnershipKeys { byPartnership[key, default: []].append(meeting) }
        }
        meetingsByPartnership = byPartnership
    }

    public func day(of meeting: Meeting) -> Day { meetingDays[meeting.key]! }

    /// Whether a meeting took place by `asOf`: it is marked held, or it is a scheduled meeting in the past whose
    /// attendance was recorded. Draft and cancelled meetings never count.
    public func isHeld(_ meeting: Meeting, asOf: Day) -> Bool {
        switch meeting.status {
        case .held: true
        case .scheduled: day(of: meeting) <= asOf && meeting.attendance.contains(where: \.attended)
        case .draft, .cancelled: false
        }
    }

    /// The meetings a partnership holds or joins.
    public func meetings(of partnershipKey: String) -> [Meeting] {
        meetingsByPartnership[partnershipKey] ?? []
    }

    /// The members of a partnership on a day: their memberships with a person.
    public func members(of partnershipKey: String, on day: Day) -> [Membership] {
        (membershipsByPartnership[partnershipKey] ?? []).filter { m in
            m.personKey != nil && (m.startedOn.map { $0 <= day } ?? true) && (m.endedOn.map { $0 >= day } ?? true)
        }
    }

    /// The members of every partnership whose meeting it is, one membership a person.
    public func invited(to meeting: Meeting) -> [Membership] {
        let day = day(of: meeting)
        var seen: Set<String> = []
        return meeting.partnershipKeys.flatMap { members(of: $0, on: day) }.filter {
            seen.insert($0.personKey!).inserted
        }
    }

    /// The quorum of a partnership's terms of reference in force on a day.
    public func quorum(of partnershipKey: String, on day: Day) -> Int? {
        termsOfReference.filter { $0.partnershipKey == partnershipKey && ($0.approvedOn.map { $0 <= day } ?? true) }
            .max { $0.version < $1.version }?.quorum
    }

    /// The minutes a meeting lasted: from its end time, else the typical meeting.
    public func minutes(of meeting: Meeting, _ settings: AnalyticsSettings) -> Int {
        max(0, meeting.durationMinutes ?? settings.typicalMeetingMinutes)
    }

    /// Person-minutes of an attendance: the time there (the whole meeting, unless a part is recorded) plus
    /// preparation and travel (as recorded, else the setting).
    public func personMinutes(_ attendance: Attendance, meetingMinutes: Int, _ settings: AnalyticsSettings) -> Int {
        let there = min(attendance.attendedMinutes ?? meetingMinutes, meetingMinutes)
        let around =
            (attendance.preparationMinutes == nil && attendance.travelMinutes == nil)
            ? settings.preparationMinutes : (attendance.preparationMinutes ?? 0) + (attendance.travelMinutes ?? 0)
        return there + around
    }
}

/// A period the analyses cover, both days included.
extension Day {
    /// Monday of the day's week.
    public var weekStart: Day { adding(days: -((ordinal + 3) % 7)) }
    /// 0 for Monday to 6 for Sunday.
    public var weekday: Int { (ordinal + 3) % 7 }
}

/// The support a partnership's meetings need beyond its members' time: a secretariat, an analyst. Priced per held
/// meeting as the minutes it takes at the hourly cost of the salary.
public struct SupportCost: Hashable, Codable, Sendable {
    public var key: String
    public var partnershipKey: String
    /// What the support is: "Secretariat", "Analyst".
    public var label: String
    public var minutesPerMeeting: Int
    /// Pounds a year; nil for the workspace's default salary.
    public var salary: Int?

    public init(key: String, partnershipKey: String, label: String, minutesPerMeeting: Int, salary: Int? = nil) {
        self.key = key
        self.partnershipKey = partnershipKey
        self.label = label
        self.minutesPerMeeting = minutesPerMeeting
        self.salary = salary
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if label.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("label", "Enter what the support is, like Secretariat"))
        }
        if !(1...10_000).contains(minutesPerMeeting) {
            errors.append(
                FieldError("minutes_per_meeting", "Minutes a meeting must be a whole number from 1 to 10,000"))
        }
        if let salary, !(1...1_000_000).contains(salary) {
            errors.append(FieldError("salary", "Salary must be a whole number of pounds a year from 1 to 1,000,000"))
        }
        return errors
    }
}
