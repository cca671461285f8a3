import Foundation

/// Meeting load: meetings and hours per person and per organisation, week by week, and who is over-committed.
/// A person's meetings are those on their diary: every meeting of a partnership they were a member of on its day,
/// and every meeting they attended otherwise (as a substitute or in attendance). Cancelled and draft meetings do not
/// count. Hours are the meeting's length plus preparation and travel: as recorded for an attendance, else the
/// setting; the part of a meeting attended, when recorded.
public enum Load {
    public struct Tally: Hashable, Sendable {
        public var meetings = 0
        public var attended = 0
        public var minutes = 0
        public var hours: Double { Double(minutes) / 60 }

        mutating func add(_ other: Tally) {
            meetings += other.meetings
            attended += other.attended
            minutes += other.minutes
        }
    }

    public struct PersonLoad: Sendable {
        public var personKey: String
        public var name: String
        public var organisationKey: String?
        public var total = Tally()
        /// By the Monday of each week.
        public var weeks: [Day: Tally] = [:]
        /// By day, for the picture of one person's weeks.
        public var days: [Day: Tally] = [:]
        /// The meetings counted, for the evidence.
        public var meetingKeys: [String] = []
        /// Weeks at or above either threshold.
        public var overcommittedWeeks: [Day] = []
        public var busiestWeek: (start: Day, tally: Tally)? {
            weeks.max { ($0.value.meetings, $1.key) < ($1.value.meetings, $0.key) }.map { ($0.key, $0.value) }
        }
    }

    public struct OrganisationLoad: Sendable {
        public var key: String
        public var name: String
        public var people: Int
        public var total = Tally()
        public var weeks: [Day: Tally] = [:]
        public var overcommittedPeople: Int
    }

    public struct Report: Sendable {
        public var period: Period
        /// Mondays of the weeks the period touches.
        public var weeks: [Day]
        public var persons: [PersonLoad]
        public var organisations: [OrganisationLoad]
        public var meetingsThreshold: Int
        public var hoursThreshold: Int

        public func person(_ key: String) -> PersonLoad? { persons.first { $0.personKey == key } }
        public var overcommitted: [PersonLoad] { persons.filter { !$0.overcommittedWeeks.isEmpty } }
    }

    public static func run(_ data: AnalyticsData, period: Period, settings: AnalyticsSettings) -> Report {
        // Each person's load by their place in `loads`: one look-up of their key a meeting, not one a figure.
        var loads: [PersonLoad] = []
        var index: [String: Int] = [:]
        for meeting in data.meetings where meeting.status != .cancelled && meeting.status != .draft {
            let day = data.day(of: meeting)
            guard period.contains(day) else { continue }
            let minutes = data.minutes(of: meeting, settings)
            let week = day.weekStart
            var diary = data.invited(to: meeting).map { $0.personKey! }
            var inDiary = Set(diary)
            for a in meeting.attendance where a.attended && inDiary.insert(a.personKey).inserted {
                diary.append(a.personKey)
            }
            for key in diary {
                let record = meeting.attendance.first { $0.personKey == key }
                var tally = Tally(meetings: 1, attended: record?.attended == true ? 1 : 0)
                tally.minutes =
                    record?.attended == true
                    ? data.personMinutes(record!, meetingMinutes: minutes, settings)
                    : minutes + settings.preparationMinutes
                let i =
                    index[key]
                    ?? {
                        let person = data.personsByKey[key]
                        loads.append(
                            PersonLoad(
                                personKey: key, name: person?.name ?? key, organisationKey: person?.organisationKey))
                        index[key] = loads.count - 1
                        return loads.count - 1
                    }()
                loads[i].total.add(tally)
                loads[i].weeks[week, default: Tally()].add(tally)
                loads[i].days[day, default: Tally()].add(tally)
                loads[i].meetingKeys.append(meeting.key)
            }
        }
        let hoursLimit = settings.overcommittedHoursPerWeek * 60
        for i in loads.indices {
            loads[i].overcommittedWeeks = loads[i].weeks.filter {
                $0.value.meetings >= settings.overcommittedMeetingsPerWeek || $0.value.minutes >= hoursLimit
            }.keys.sorted()
        }
        let ranked = loads.sorted { ($1.total.meetings, $0.name) < ($0.total.meetings, $1.name) }

        var organisations: [String: OrganisationLoad] = [:]
        for person in ranked {
            let key = person.organisationKey ?? ""
            organisations[
                key,
                default: OrganisationLoad(
                    key: key, name: data.organisationsByKey[key]?.name ?? "No organisation",
                    people: 0, overcommittedPeople: 0)
            ].people += 1
            organisations[key]!.total.add(person.total)
            for (week, tally) in person.weeks { organisations[key]!.weeks[week, default: Tally()].add(tally) }
            if !person.overcommittedWeeks.isEmpty { organisations[key]!.overcommittedPeople += 1 }
        }
        var weeks: [Day] = []
        var week = period.from.weekStart
        while week <= period.to {
            weeks.append(week)
            week = week.adding(days: 7)
        }
        return Report(
            period: period, weeks: weeks, persons: ranked,
            organisations: organisations.values.sorted { ($1.total.meetings, $0.name) < ($0.total.meetings, $1.name) },
            meetingsThreshold: settings.overcommittedMeetingsPerWeek, hoursThreshold: settings.overcommittedHoursPerWeek
        )
    }
}

extension AnalyticsData {
    /// The Police and Crime Commissioner (or the Mayor or Deputy Mayor holding the PCC's powers): the one person
    /// whose role title is a commissioner's or a mayor's (not a deputy commissioner's, nor a title that merely names
    /// the commissioner's office). Nil when there is none, or several (a register of more than one force area).
    public var pcc: Person? {
        let titles = [
            "police and crime commissioner", "police, fire and crime commissioner", "mayor of ",
            "deputy mayor for policing",
            "deputy mayor of ", "chair of the police authority board"
        ]
        let found = persons.filter { person in
            let title = (person.roleTitle ?? "").lowercased()
            return titles.contains { title.hasPrefix($0) }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The OPCC: the policing-governance organisations (the PCC's office).
    public var opccKeys: Set<String> { Set(organisations.filter { $0.sector == .policingGovernance }.map(\.key)) }
}
