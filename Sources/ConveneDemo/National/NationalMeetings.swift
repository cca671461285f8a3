import ConveneDomain
import Foundation

/// A meeting while it is planned.
struct PlannedMeeting {
    var partnership: Int
    var key: String
    var day: Day
    var startsAt: Date
    var durationMinutes: Int
    var status: MeetingStatus
    var format: MeetingFormat
    var extraordinary: Bool
    var attendance: [Presence] = []
    /// A discussion planted here and in another partnership's meeting.
    var planted: String?
    var theme: NationalTheme?
    /// Its agenda, as indices into the plan's items.
    var items: Range<Int> = 0..<0

    func attendees() -> [Int] { attendance.filter(\.attended).map(\.person) }
}

struct Presence {
    var person: Int
    var status: AttendanceStatus
    var substituteFor: Int?
    var preparation: Int?
    var travel: Int?

    var attended: Bool { status == .present || status == .presentOnline || status == .substitute }
}

extension NationalPlan {
    // MARK: The year's meetings

    /// Each partnership meets on a regular pattern (the same weekday every week or fortnight; "the second Tuesday" of
    /// the month, the second month or the quarter), less its holiday skips, plus its extraordinary meetings.
    mutating func planMeetings() {
        var rng = random(4)
        // Each day's text once: a workspace has 1,500 meetings on at most 365 days.
        var dayText: [Int: String] = [:]
        for p in partnerships.indices {
            let partnership = partnerships[p]
            var days = regularDays(partnership.frequency, &rng)
            // Holidays first: Christmas, then August, then the latest meetings.
            let skipped = days.indices.sorted {
                (NationalPlan.holidayScore(days[$0]), -$0) < (NationalPlan.holidayScore(days[$1]), -$1)
            }
            .prefix(partnership.skips)
            days = days.indices.filter { !skipped.contains($0) }.map { days[$0] }
            var extraordinary: [Day] = []
            for _ in 0..<partnership.extras {
                for _ in 0..<50 {
                    let day = firstDay.adding(days: rng.below(365))
                    if NationalPlan.weekday(day) < 5 && !days.contains(day) && !extraordinary.contains(day) {
                        extraordinary.append(day)
                        break
                    }
                }
            }
            let all = (days.map { ($0, false) } + extraordinary.map { ($0, true) }).sorted { $0.0 < $1.0 }
            for (day, isExtraordinary) in all {
                let text = dayText[day.ordinal] ?? day.description
                dayText[day.ordinal] = text
                let start = isExtraordinary ? 14 * 60 : partnership.startMinute
                let format: MeetingFormat = rng.chance(85) ? partnership.format : rng.pick(MeetingFormat.allCases)
                partnerships[p].meetings.append(meetings.count)
                meetings.append(
                    PlannedMeeting(
                        partnership: p, key: "\(partnership.key)-\(text)", day: day,
                        startsAt: WallClock.instant(day, minute: start),
                        durationMinutes: isExtraordinary ? rng.pick([60, 90]) : partnership.durationMinutes,
                        status: !isExtraordinary && rng.chance(3) ? .cancelled : .held, format: format,
                        extraordinary: isExtraordinary))
            }
        }
    }

    /// 0 Monday … 6 Sunday (1970-01-01, ordinal 0, was a Thursday).
    static func weekday(_ day: Day) -> Int {
        ((day.ordinal % 7) + 10) % 7
    }

    private static func holidayScore(_ day: Day) -> Int {
        if (day.month == 12 && day.day >= 20) || (day.month == 1 && day.day <= 3) { return 0 }
        return day.month == 8 ? 1 : 2
    }

    private func regularDays(_ frequency: MeetingFrequency, _ rng: inout SeededRandom) -> [Day] {
        let count = frequency.meetingsPerYear
        let weekday = rng.below(5)
        let shift = (weekday - NationalPlan.weekday(firstDay) + 7) % 7
        switch frequency {
        case .weekly, .fortnightly, .sixWeekly:
            let interval = frequency == .weekly ? 7 : frequency == .fortnightly ? 14 : 42
            let weeks = max(0, (364 - shift - (count - 1) * interval) / 7)
            let first = firstDay.adding(days: shift + 7 * rng.below(weeks + 1))
            return (0..<count).map { first.adding(days: $0 * interval) }.filter { $0.ordinal - firstDay.ordinal < 365 }
        case .monthly, .bimonthly, .quarterly, .twiceYearly, .annually:
            let step = 12 / max(1, count)
            let offset = rng.below(step)
            let nth = 1 + rng.below(4)
            var days: [Day] = []
            for month in stride(from: offset, to: 13, by: step) {
                let absolute = firstDay.month - 1 + month
                let first = Day(year: firstDay.year + absolute / 12, month: absolute % 12 + 1, day: 1)!
                let day = first.adding(days: (weekday - NationalPlan.weekday(first) + 7) % 7 + 7 * (nth - 1))
                if day >= firstDay && day.ordinal - firstDay.ordinal < 365 && days.count < count { days.append(day) }
            }
            return days
        case .asNeeded:
            return []
        }
    }

    // MARK: Attendance

    /// Who came to each held meeting. Senior members send their named substitute more often, chairs and secretaries
    /// nearly always come, and the commissioner, a member of far more boards than a diary holds, mostly delegates.
    mutating func planAttendance() {
        var rng = random(5)
        for m in meetings.indices where meetings[m].status == .held {
            let partnership = partnerships[meetings[m].partnership]
            let day = meetings[m].day
            let format = meetings[m].format
            let members = partnership.members(on: day)
            var rows: [Presence] = []
            for seat in partnership.seats {
                guard let holder = seat.holder(on: day) else { continue }
                let person = holder.person
                let roll = rng.below(100)
                let odds = attendanceOdds(person, seat.role)
                var status: AttendanceStatus
                if roll < odds[0] {
                    status = .present
                } else if roll < odds[0] + odds[1] {
                    status = .presentOnline
                } else if roll < odds[0] + odds[1] + odds[2] {
                    status = .substitute
                } else if roll < 100 - odds[4] {
                    status = .apologies
                } else {
                    status = .absent
                }
                if status == .substitute {
                    if let deputy = holder.substitute, !members.contains(deputy),
                        !rows.contains(where: { $0.person == deputy })
                    {
                        rows.append(presence(deputy, .substitute, for: person, format, &rng))
                    }
                    status = .apologies
                }
                rows.append(presence(person, status, for: nil, format, &rng))
            }
            // Now and then someone from outside the partnership comes to present a paper.
            if rng.chance(8) {
                let guests = people.indices.filter { person in
                    person != commissioner && people[person].themes.overlaps(partnership.themeSet)
                        && !rows.contains { $0.person == person }
                }
                if !guests.isEmpty { rows.append(presence(rng.pick(guests), .present, for: nil, format, &rng)) }
            }
            meetings[m].attendance = rows
        }
    }

    /// Percent present, present online, sending a substitute, apologies without one, absent.
    private func attendanceOdds(_ person: Int, _ role: MembershipRole) -> [Int] {
        if person == commissioner {
            return role == .chair || role == .sro ? [70, 10, 5, 12, 3] : [18, 7, 45, 25, 5]
        }
        switch role {
        case .chair, .viceChair: return [78, 12, 2, 6, 2]
        case .secretariat: return [88, 12, 0, 0, 0]
        case .observer: return [40, 20, 0, 25, 15]
        default: return people[person].rank <= 2 ? [42, 14, 22, 17, 5] : [55, 18, 9, 13, 5]
        }
    }

    /// An attendance row: online only where the meeting allows it, with reading time by seniority and travel in person.
    func presence(
        _ person: Int, _ status: AttendanceStatus, for member: Int?, _ format: MeetingFormat, _ rng: inout SeededRandom
    ) -> Presence {
        var status = status
        if status == .presentOnline && format == .inPerson { status = .present }
        if status == .present && format == .online { status = .presentOnline }
        guard status == .present || status == .presentOnline || status == .substitute else {
            return Presence(person: person, status: status)
        }
        let preparation = people[person].rank <= 2 ? rng.pick([45, 60, 90]) : rng.pick([30, 45, 60])
        let online = status == .presentOnline || format == .online
        return Presence(
            person: person, status: status, substituteFor: member, preparation: preparation,
            travel: online ? 0 : 15 + 5 * rng.below(10))
    }
}
