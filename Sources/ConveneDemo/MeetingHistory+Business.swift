import ConveneDomain
import ConveneServer
import Foundation

// The business of each meeting of a generated board history, as domain values.
extension MeetingHistory {
    struct PlannedMeeting: Sendable {
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

    static let topics = [
        "Performance report", "Serious violence duty: strategic needs assessment", "Funding bids for the coming year",
        "Domestic abuse related death reviews", "Night-time economy", "Drug and alcohol treatment outcomes",
        "Youth diversion programme evaluation", "Victims' services commissioning", "Hotspot policing update",
        "Community engagement and consultation", "Risk register", "Data sharing agreement",
        "Reoffending: integrated offender management",
        "Safer streets: lighting and CCTV", "County lines: partnership response"
    ]

    /// Builds the business meeting by meeting, counting what it adds.
    struct BusinessWriter {
        let seats: [[Seat]]
        let meetings: [PlannedMeeting]
        /// The meeting after each (same partnership, not cancelled), by position.
        let next: [Int: Int]
        let today: Day
        let organisations: Int
        var summary: Summary
        var business = GeneratedBusiness.Business(meetings: [], items: [], decisions: [], actions: [])
        var actionCounter: [Int: Int] = [:]

        init(
            seats: [[Seat]], meetings: [PlannedMeeting], next: [Int: Int], today: Day, organisations: Int,
            summary: Summary
        ) {
            self.seats = seats
            self.meetings = meetings
            self.next = next
            self.today = today
            self.organisations = organisations
            self.summary = summary
        }

        /// The meeting at position `i`, with its attendance, agenda, papers, minutes and actions.
        mutating func add(_ i: Int, rng: inout SeededRandom) {
            let m = meetings[i]
            let partnershipKey = "board-\(m.partnership)"
            var meeting = Meeting(
                key: m.key, partnershipKey: partnershipKey, name: "Board \(m.partnership) meeting",
                startsAt: m.startsAt, endsAt: m.startsAt.addingTimeInterval(2 * 3600),
                status: m.cancelled ? .cancelled : m.past ? .held : .scheduled, format: m.format,
                place: m.format == .online ? nil : "Committee Room \(m.partnership % 5 + 1), Civic Centre",
                onlineURL: m.format == .inPerson ? nil : "https://meet.example.invalid/board-\(m.partnership)",
                jointWith: m.joint.map { ["board-\($0)"] } ?? [])
            guard !m.cancelled else {
                business.meetings.append(meeting)
                return
            }
            let attendees = attend(m, &meeting, rng: &rng)
            business.meetings.append(meeting)
            let topicItems = agenda(m, rng: &rng)
            guard m.past else { return }
            minutes(of: i, rng: &rng)
            actions(m, topicItems: topicItems, attendees: attendees, rng: &rng)
        }

        /// Attendance of a held meeting: every member, and the substitutes who came in their place. Returns who was
        /// there.
        private mutating func attend(_ m: PlannedMeeting, _ meeting: inout Meeting, rng: inout SeededRandom) -> [String]
        {
            guard m.past else { return [] }
            var attendees: [String] = []
            for seat in seats[m.partnership] {
                guard let person = seat.holder(on: m.day) else { continue }
                let roll = rng.below(100)
                let status: AttendanceStatus =
                    roll < 60
                    ? .present
                    : roll < 75
                        ? (m.format == .inPerson ? .present : .presentOnline)
                        : roll < 94 ? .apologies : .absent
                meeting.attendance.append(Self.attendance(person, status, nil, rng: &rng))
                if status == .present || status == .presentOnline { attendees.append(person) }
                if status == .apologies && roll >= 85 {
                    meeting.attendance.append(Self.attendance(seat.deputy, .substitute, person, rng: &rng))
                    summary.substitutes += 1
                    attendees.append(seat.deputy)
                }
            }
            summary.attendances += meeting.attendance.count
            return attendees
        }

        private static func attendance(
            _ person: String, _ status: AttendanceStatus, _ substituteFor: String?, rng: inout SeededRandom
        ) -> Attendance {
            var row = Attendance(personKey: person, status: status, substituteForKey: substituteFor)
            if status != .apologies && status != .absent {
                row.preparationMinutes = 30 + 15 * rng.below(5)
                row.travelMinutes = status == .presentOnline ? 0 : 10 + 10 * rng.below(5)
            }
            return row
        }

        /// The agenda: standing items, three to six topics with themes (half with a paper), any other business; the
        /// decisions of a held meeting. Returns the keys of the topics.
        private mutating func agenda(_ m: PlannedMeeting, rng: inout SeededRandom) -> [String] {
            let members = seats[m.partnership].compactMap { $0.holder(on: m.day) }
            var titles = [
                "Welcome, apologies and declarations of interest", "Minutes of the last meeting and matters arising"
            ]
            for t in 0..<(3 + rng.below(4)) {
                titles.append(topics[(m.index * 5 + t * 3 + m.partnership) % topics.count])
            }
            titles.append("Any other business")
            var topicItems: [String] = []
            for (n, title) in titles.enumerated() {
                let standing = n < 2 || n == titles.count - 1
                let kind: AgendaItemKind =
                    standing
                    ? (n == 1 ? .decision : .information)
                    : [.decision, .discussion, .information, .discussion][rng.below(4)]
                var item = AgendaItem(
                    key: "\(m.key)-item-\(n + 1)", partnershipKey: "board-\(m.partnership)", meetingKey: m.key,
                    position: n + 1, title: title, kind: kind,
                    durationMinutes: standing ? (n == 1 ? 10 : 5) : 10 + 5 * rng.below(5))
                if !standing {
                    item.themes = Set([
                        Themes.seeded[rng.below(Themes.seeded.count)], Themes.seeded[rng.below(Themes.seeded.count)]
                    ]).sorted()
                    if !members.isEmpty { item.presenterKey = members[rng.below(members.count)] }
                    topicItems.append(item.key)
                }
                if m.past && kind == .decision {
                    business.decisions.append(
                        Decision(
                            itemKey: item.key,
                            decision: n == 1
                                ? "The minutes of the last meeting were agreed as a true record."
                                : "Agreed: \(title.lowercased()) as proposed, with the amendments discussed.",
                            rationale: rng.chance(50)
                                ? "The evidence presented supports the proposal; the budget is within the allocation."
                                : nil))
                    summary.decisions += 1
                }
                business.items.append(item)
                if !standing && rng.chance(50) {
                    business.papers.append(
                        .init(
                            itemKey: item.key, key: "\(item.key)-paper-1", title: "\(title): report",
                            url: "https://papers.example.invalid/\(item.key).pdf"))
                    summary.papers += 1
                }
            }
            summary.agendaItems += titles.count
            return topicItems
        }

        /// Minutes: approved at the next meeting once it has been held, and locked at the one after; a few locked
        /// ones corrected by an addendum.
        private mutating func minutes(of i: Int, rng: inout SeededRandom) {
            let m = meetings[i]
            let text = (0..<8).map {
                "Item \($0 + 1). The board discussed \(topics[($0 + m.index) % topics.count].lowercased()) and noted "
                    + "the report. Members asked about progress, risks and funding; officers answered and agreed to "
                    + "report back."
            }
            .joined(separator: "\n\n")
            var minutes = Minutes(meetingKey: m.key, text: text)
            if let nextIndex = next[i], meetings[nextIndex].past {
                let approving = meetings[nextIndex]
                let locked = next[nextIndex].map { meetings[$0].past } ?? false
                minutes.state = locked ? .locked : .approved
                minutes.approvedOn = approving.day
                minutes.approvedAtMeetingKey = approving.key
                if locked {
                    summary.lockedMinutes += 1
                    if rng.chance(1) {
                        minutes.addenda.append(
                            Addendum(
                                on: approving.day.adding(days: 40),
                                text: "Correction: the date of the next review was misrecorded."))
                        summary.addenda += 1
                    }
                }
            }
            business.minutes.append(minutes)
            summary.minutes += 1
        }

        /// Actions: up to four a meeting, owned by someone who was there (or an organisation), with updates.
        private mutating func actions(
            _ m: PlannedMeeting, topicItems: [String], attendees: [String], rng: inout SeededRandom
        ) {
            for _ in 0..<rng.below(5) {
                let n = (actionCounter[m.partnership] ?? 0) + 1
                actionCounter[m.partnership] = n
                var action = ActionItem(
                    key: "board-\(m.partnership)-action-\(n)", partnershipKey: "board-\(m.partnership)",
                    meetingKey: m.key, itemKey: topicItems.isEmpty ? nil : topicItems[rng.below(topicItems.count)],
                    title: "", raisedOn: m.day)
                if rng.chance(80), !attendees.isEmpty {
                    action.ownerPersonKey = attendees[rng.below(attendees.count)]
                } else {
                    action.ownerOrganisationKey = "agency-\(rng.below(organisations))"
                }
                action.title = "Report back on \(topics[rng.below(topics.count)].lowercased())"
                let due = m.day.adding(days: 28 + rng.below(63))
                action.dueOn = due
                let age = today.ordinal - due.ordinal
                let roll = rng.below(100)
                if age > 180 {
                    action.status = roll < 88 ? .done : roll < 94 ? .dropped : roll < 97 ? .open : .inProgress
                } else if age > 0 {
                    action.status = roll < 55 ? .done : roll < 75 ? .inProgress : roll < 95 ? .open : .dropped
                } else {
                    action.status = roll < 10 ? .done : roll < 45 ? .inProgress : .open
                }
                var updates: [(Int, String, ActionStatus?)] = []
                switch action.status {
                case .done:
                    updates = [
                        (14, "Work under way; first findings shared with the lead officer.", .inProgress),
                        (30, "Reported to the board; complete.", .done)
                    ]
                case .dropped: updates = [(20, "Overtaken by the new commissioning plan.", .dropped)]
                case .inProgress: updates = [(10, "Started; a draft is being circulated.", .inProgress)]
                case .open: if rng.chance(40) { updates = [(7, "Chased by the secretariat.", nil)] }
                }
                action.updates = updates.map { days, text, status in
                    ActionUpdate(on: min(m.day.adding(days: days), today), text: text, status: status)
                }
                business.actions.append(action)
                summary.actions += 1
                if action.status.isOutstanding { summary.outstandingActions += 1 }
                summary.actionUpdates += action.updates.count
            }
        }
    }
}
