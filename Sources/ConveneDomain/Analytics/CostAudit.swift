import Foundation

/// The cost audit the reports ask for (Recommendation 5): the salary cost of each meeting, partnership, organisation
/// and theme, and of the whole landscape, for a period, with support costs, as DESIGN.md defines it:
/// - the hourly cost of a person is their salary ÷ the working hours in a year, to the penny (`AnalyticsSettings`);
/// - an attendance costs (the time there + preparation and travel) × that hourly cost;
/// - a meeting costs its attendances plus its partnership's support costs;
/// - meetings in the period that were not held (still to come, or past with no attendance recorded) are priced as the
///   partnership's typical meeting, and so is each meeting a partnership with a set frequency and no meetings in the
///   period would have held. Those figures are marked planned.
public enum CostAudit {
    public struct AttendeeCost: Hashable, Sendable {
        public var personKey: String
        public var organisationKey: String?
        public var status: AttendanceStatus
        public var substituteForKey: String?
        public var personMinutes: Int
        public var hourlyPence: Int
        public var cost: Money
    }

    public struct SupportLine: Hashable, Sendable {
        public var label: String
        public var minutes: Int
        public var hourlyPence: Int
        public var cost: Money
    }

    public struct MeetingCost: Hashable, Sendable {
        public var meetingKey: String
        public var name: String
        public var partnershipKey: String
        public var day: Day
        public var meetingMinutes: Int
        public var attendees: [AttendeeCost]
        public var support: [SupportLine]
        public var personMinutes: Int {
            attendees.map(\.personMinutes).reduce(0, +) + support.map(\.minutes).reduce(0, +)
        }
        public var cost: Money { attendees.map(\.cost).reduce(.zero, +) + support.map(\.cost).reduce(.zero, +) }
    }

    public struct PartnershipCost: Hashable, Sendable {
        public var key: String
        public var name: String
        /// Held meetings in the period, and what they cost.
        public var meetings: Int
        public var personMinutes: Int
        public var cost: Money
        /// Meetings priced as the typical meeting: not (yet) held, or expected from the partnership's frequency.
        public var plannedMeetings: Int
        public var plannedCost: Money
        /// The typical meeting: the median held meeting, or the current members for the typical length.
        public var typicalMeeting: Money
        public var total: Money { cost + plannedCost }
        public var personHours: Double { Double(personMinutes) / 60 }
    }

    /// A share of the held meetings' cost: an organisation's people, or a theme's agenda time.
    public struct Share: Hashable, Sendable {
        public var key: String
        public var meetings: Int
        public var personMinutes: Int
        public var cost: Money
        public var personHours: Double { Double(personMinutes) / 60 }

        mutating func add(meetings: Int, minutes: Int, cost: Money) {
            self.meetings += meetings
            personMinutes += minutes
            self.cost = self.cost + cost
        }
    }

    public struct Report: Sendable {
        public var period: Period
        public var settings: AnalyticsSettings
        public var partnerships: [PartnershipCost]
        public var organisations: [Share]
        public var themes: [Share]
        public var meetings: [MeetingCost]
        public var heldCost: Money { partnerships.map(\.cost).reduce(.zero, +) }
        public var plannedCost: Money { partnerships.map(\.plannedCost).reduce(.zero, +) }
        public var total: Money { heldCost + plannedCost }
        public var personMinutes: Int { partnerships.map(\.personMinutes).reduce(0, +) }
        public var heldMeetings: Int { partnerships.map(\.meetings).reduce(0, +) }
    }

    /// The audit of `period` as known on `today` (meetings after it are planned): of every partnership, or `only`
    /// those (and then the organisations' and themes' shares are of their meetings).
    public static func run(
        _ data: AnalyticsData, period: Period, settings: AnalyticsSettings, today: Day, only: Set<String>? = nil
    ) -> Report {
        let asOf = min(period.to, today)
        var hourly: [Int: Int] = [:]
        func hourlyPence(_ salary: Int) -> Int {
            if let known = hourly[salary] { return known }
            let pence = settings.hourlyPence(salary: salary)
            hourly[salary] = pence
            return pence
        }
        let support = Dictionary(grouping: data.supportCosts, by: \.partnershipKey)

        func price(_ meeting: Meeting) -> MeetingCost {
            let minutes = data.minutes(of: meeting, settings)
            let attendees = meeting.attendance.filter(\.attended).map { a in
                let person = data.personsByKey[a.personKey]
                let personMinutes = data.personMinutes(a, meetingMinutes: minutes, settings)
                let rate = hourlyPence(settings.salary(of: person))
                return AttendeeCost(
                    personKey: a.personKey, organisationKey: person?.organisationKey, status: a.status,
                    substituteForKey: a.substituteForKey, personMinutes: personMinutes, hourlyPence: rate,
                    cost: .time(minutes: personMinutes, at: rate))
            }.sorted { $0.personKey < $1.personKey }
            let lines = (support[meeting.partnershipKey] ?? []).sorted { $0.key < $1.key }.map { s in
                let rate = hourlyPence(s.salary ?? settings.defaultSalary)
                return SupportLine(
                    label: s.label, minutes: s.minutesPerMeeting, hourlyPence: rate,
                    cost: .time(minutes: s.minutesPerMeeting, at: rate))
            }
            return MeetingCost(
                meetingKey: meeting.key, name: meeting.name, partnershipKey: meeting.partnershipKey,
                day: data.day(of: meeting),
                meetingMinutes: minutes, attendees: attendees, support: lines)
        }

        let byPartnership = Dictionary(
            grouping: data.meetings.filter { $0.status != .cancelled && $0.status != .draft },
            by: \.partnershipKey)
        var partnerships: [PartnershipCost] = []
        var priced: [MeetingCost] = []
        for partnership in data.partnerships where only?.contains(partnership.key) ?? true {
            let all = byPartnership[partnership.key] ?? []
            let held = all.filter { data.isHeld($0, asOf: asOf) }
            let inPeriod = held.filter { period.contains(data.day(of: $0)) }.map(price)
            priced += inPeriod

            // The typical meeting: the median of the latest twelve held by the period's end, else every current
            // member for the typical length.
            let pricedCost = Dictionary(inPeriod.map { ($0.meetingKey, $0.cost) }, uniquingKeysWith: { a, _ in a })
            let recent = held.filter { data.day(of: $0) <= period.to }.suffix(12).map {
                pricedCost[$0.key] ?? price($0).cost
            }.sorted()
            let typical: Money
            if !recent.isEmpty {
                typical = recent[recent.count / 2]
            } else {
                let minutes = settings.typicalMeetingMinutes + settings.preparationMinutes
                let members = data.members(of: partnership.key, on: asOf)
                typical =
                    members.map { m in
                        Money.time(
                            minutes: minutes, at: hourlyPence(settings.salary(of: data.personsByKey[m.personKey!])))
                    }
                    .reduce(.zero, +)
                    + (support[partnership.key] ?? []).map {
                        .time(minutes: $0.minutesPerMeeting, at: hourlyPence($0.salary ?? settings.defaultSalary))
                    }
                    .reduce(.zero, +)
            }
            var planned = all.filter { period.contains(data.day(of: $0)) && !data.isHeld($0, asOf: asOf) }.count
            if all.allSatisfy({ !period.contains(data.day(of: $0)) }), let frequency = partnership.meetingFrequency,
                frequency.meetingsPerYear > 0, partnership.status == .active || partnership.status == .underReview
            {
                planned = Money.divide(frequency.meetingsPerYear * period.days, by: 365)
            }
            partnerships.append(
                PartnershipCost(
                    key: partnership.key, name: partnership.name, meetings: inPeriod.count,
                    personMinutes: inPeriod.map(\.personMinutes).reduce(0, +),
                    cost: inPeriod.map(\.cost).reduce(.zero, +),
                    plannedMeetings: planned, plannedCost: typical * planned, typicalMeeting: typical))
        }
        partnerships.sort { ($1.total, $0.name) < ($0.total, $1.name) }
        priced.sort { ($0.day, $0.meetingKey) < ($1.day, $1.meetingKey) }
        return Report(
            period: period, settings: settings, partnerships: partnerships,
            organisations: organisationShares(priced, data), themes: themeShares(priced, data), meetings: priced)
    }

    /// Each organisation's people's share; support is the secretariat's (the partnership's secretariat organisation).
    static func organisationShares(_ meetings: [MeetingCost], _ data: AnalyticsData) -> [Share] {
        var shares: [String: Share] = [:]
        for meeting in meetings {
            var counted: Set<String> = []
            func add(_ key: String, _ minutes: Int, _ cost: Money) {
                shares[key, default: Share(key: key, meetings: 0, personMinutes: 0, cost: .zero)]
                    .add(meetings: counted.insert(key).inserted ? 1 : 0, minutes: minutes, cost: cost)
            }
            for a in meeting.attendees { add(a.organisationKey ?? "", a.personMinutes, a.cost) }
            let secretariat = data.partnershipsByKey[meeting.partnershipKey]?.secretariatKey ?? ""
            for s in meeting.support { add(secretariat, s.minutes, s.cost) }
        }
        return shares.values.sorted { ($1.cost, $0.key) < ($0.cost, $1.key) }
    }

    /// A meeting's cost shared among its agenda's themes: by each item's time when every item has one, else equally
    /// by item; an item's share equally among its themes (its partnership's themes when it has none). A meeting with
    /// no agenda goes to its partnership's themes. Shares are whole sixtieths of a penny, and the remainder of a
    /// division goes to the first theme, so the themes add up to the meetings exactly. "" is no theme at all.
    static func themeShares(_ meetings: [MeetingCost], _ data: AnalyticsData) -> [Share] {
        var shares: [String: Share] = [:]
        for meeting in meetings {
            let fallback = data.partnershipsByKey[meeting.partnershipKey]?.themes ?? []
            let items = data.itemsByMeeting[meeting.meetingKey] ?? []
            var weights: [String: Int] = [:]
            let timed = !items.isEmpty && items.allSatisfy { ($0.durationMinutes ?? 0) > 0 }
            // Weights in units that divide evenly among each item's themes.
            for item in items {
                let themes = item.themes.isEmpty ? (fallback.isEmpty ? [""] : fallback) : item.themes
                let weight = (timed ? item.durationMinutes! : 1) * 840_840 / themes.count
                for theme in themes { weights[theme, default: 0] += weight }
            }
            if items.isEmpty { for theme in (fallback.isEmpty ? [""] : fallback) { weights[theme, default: 0] += 1 } }
            let total = weights.values.reduce(0, +)
            let ordered = weights.sorted { $0.key < $1.key }
            var given = 0
            var parts: [(String, Int, Int)] = ordered.map { theme, weight in
                let cost = meeting.cost.sixtiethsOfPenny * weight / total
                let minutes = meeting.personMinutes * weight / total
                given += cost
                return (theme, cost, minutes)
            }
            parts[0].1 += meeting.cost.sixtiethsOfPenny - given
            for (theme, cost, minutes) in parts {
                shares[theme, default: Share(key: theme, meetings: 0, personMinutes: 0, cost: .zero)]
                    .add(meetings: 1, minutes: minutes, cost: Money(sixtiethsOfPenny: cost))
            }
        }
        return shares.values.sorted { ($1.cost, $0.key) < ($0.cost, $1.key) }
    }
}
