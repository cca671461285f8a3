import Foundation

/// Attendance quality, per partnership and per organisation, over the held meetings of a period: for each member's
/// seat at each meeting, whether the named member attended, a substitute attended in their place, or the seat was
/// missed; the share of meetings with someone of director seniority or above present; consistency of representation
/// (an organisation sending the same person to consecutive meetings); and the share of meetings that were quorate.
public enum AttendanceQuality {
    public struct Figures: Hashable, Sendable {
        public var meetings = 0
        /// Member seats: a member at a meeting.
        public var seats = 0
        public var byMember = 0
        public var bySubstitute = 0
        public var missed = 0
        /// Meetings with an elected official, chief officer or director present.
        public var seniorPresent = 0
        /// Consecutive pairs of meetings an organisation was represented at, and those where one person attended both.
        public var pairs = 0
        public var consistentPairs = 0
        /// Meetings with a quorum in their terms of reference, and those that met it.
        public var quorumKnown = 0
        public var quorate = 0

        public var memberShare: Double? { share(byMember, seats) }
        public var substituteShare: Double? { share(bySubstitute, seats) }
        public var missedShare: Double? { share(missed, seats) }
        public var seniorShare: Double? { share(seniorPresent, meetings) }
        public var consistency: Double? { share(consistentPairs, pairs) }
        public var quorateShare: Double? { share(quorate, quorumKnown) }

        mutating func add(_ o: Figures) {
            meetings += o.meetings; seats += o.seats; byMember += o.byMember; bySubstitute += o.bySubstitute
            missed += o.missed; seniorPresent += o.seniorPresent; pairs += o.pairs; consistentPairs += o.consistentPairs
            quorumKnown += o.quorumKnown; quorate += o.quorate
        }
    }

    public struct Row: Sendable {
        public var key: String
        public var name: String
        public var figures: Figures

        public init(key: String, name: String, figures: Figures) {
            self.key = key
            self.name = name
            self.figures = figures
        }
    }

    public struct Report: Sendable {
        public var period: Period
        public var partnerships: [Row]
        public var organisations: [Row]
        public var overall: Figures
    }

    static let senior: Set<SeniorityBand> = [.electedOfficial, .chiefOfficer, .director]

    public static func run(_ data: AnalyticsData, period: Period, today: Day) -> Report {
        let asOf = min(period.to, today)
        var partnershipRows: [Row] = []
        var organisations: [String: Figures] = [:]
        var overall = Figures()
        for partnership in data.partnerships {
            var figures = Figures()
            // Per organisation, the people who attended for it at the previous meeting.
            var lastAttendees: [String: Set<String>] = [:]
            for meeting in data.meetings(of: partnership.key)
            where data.isHeld(meeting, asOf: asOf) && period.contains(data.day(of: meeting)) {
                let day = data.day(of: meeting)
                figures.meetings += 1
                var seen: [String: Figures] = [:]
                let members = data.members(of: partnership.key, on: day)
                let present = Set(
                    meeting.attendance.filter { $0.status == .present || $0.status == .presentOnline }.map(\.personKey))
                let stoodIn = Set(meeting.attendance.filter { $0.status == .substitute }.compactMap(\.substituteForKey))
                for m in members {
                    let person = m.personKey!
                    let organisation = m.organisationKey ?? data.personsByKey[person]?.organisationKey ?? ""
                    var seat = Figures(seats: 1)
                    if present.contains(person) {
                        seat.byMember = 1
                    } else if stoodIn.contains(person) {
                        seat.bySubstitute = 1
                    } else {
                        seat.missed = 1
                    }
                    seen[organisation, default: Figures()].add(seat)
                    figures.add(seat)
                }
                let attended = meeting.attendance.filter(\.attended)
                // Whether someone of director rank or above was there, and the organisations they belong to.
                var seniorThere = false
                var seniorFor: Set<String> = []
                for a in attended {
                    if let person = data.personsByKey[a.personKey], let band = person.seniority, senior.contains(band) {
                        seniorThere = true
                        if let organisation = person.organisationKey { seniorFor.insert(organisation) }
                    }
                }
                if seniorThere { figures.seniorPresent += 1 }
                // Who attended for each organisation: members by their membership's organisation, substitutes and
                // others by their own.
                let memberOrganisation = Dictionary(
                    members.map { ($0.personKey!, $0.organisationKey) }, uniquingKeysWith: { a, _ in a })
                var attendees: [String: Set<String>] = [:]
                for a in attended {
                    let organisation =
                        (memberOrganisation[a.personKey] ?? nil)
                        ?? a.substituteForKey.flatMap { memberOrganisation[$0] ?? nil }
                        ?? data.personsByKey[a.personKey]?.organisationKey
                    if let organisation { attendees[organisation, default: []].insert(a.personKey) }
                }
                for (organisation, people) in attendees {
                    if let before = lastAttendees[organisation] {
                        var pair = Figures(pairs: 1)
                        if !before.isDisjoint(with: people) { pair.consistentPairs = 1 }
                        figures.add(pair)
                        seen[organisation, default: Figures()].add(pair)
                    }
                    lastAttendees[organisation] = people
                }
                if let required = data.quorum(of: partnership.key, on: day) {
                    figures.quorumKnown += 1
                    let check = Quorum.check(
                        required: required, members: Set(members.map { $0.personKey! }), attendance: meeting.attendance)
                    if check.isMet == true { figures.quorate += 1 }
                }
                for (organisation, f) in seen {
                    var f = f
                    f.meetings = 1
                    if seniorFor.contains(organisation) { f.seniorPresent = 1 }
                    organisations[organisation, default: Figures()].add(f)
                }
            }
            guard figures.meetings > 0 else { continue }
            overall.add(figures)
            partnershipRows.append(Row(key: partnership.key, name: partnership.name, figures: figures))
        }
        let organisationRows = organisations.map { key, figures in
            Row(key: key, name: data.organisationsByKey[key]?.name ?? "No organisation", figures: figures)
        }
        return Report(
            period: period,
            partnerships: partnershipRows.sorted {
                ($0.figures.missedShare ?? 0, $1.name) > ($1.figures.missedShare ?? 0, $0.name)
            },
            organisations: organisationRows.sorted {
                ($0.figures.missedShare ?? 0, $1.name) > ($1.figures.missedShare ?? 0, $0.name)
            },
            overall: overall)
    }
}

/// A share, or nil when there is nothing to share.
func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
