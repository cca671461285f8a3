import ConveneDomain
import Foundation

/// The business of the held meetings: agendas, decisions and actions.
extension NationalPlan {
    // MARK: Agendas

    /// Each held meeting's agenda: the secretariat's standing items (welcome, minutes, any other business), the
    /// partnership's recurring items at most meetings (rarely for decision: the "talking shop" signal), a planted
    /// discussion where there is one, and topics drawn from the partnership's themes. Items share out the meeting's
    /// time; about one agenda in ten overruns it.
    mutating func planAgendas() {
        var rng = random(7)
        for m in meetings.indices where meetings[m].status == .held {
            let meeting = meetings[m]
            let partnership = partnerships[meeting.partnership]
            let count = max(4, options.itemsPerMeeting - 2 + rng.below(5))
            let middle = count - 3
            var recurring = partnership.recurring.filter { _ in rng.chance(75) }
            recurring = Array(recurring.prefix(max(0, middle - 1 - (meeting.planted == nil ? 0 : 1))))
            var topical: [(title: String, kind: AgendaItemKind, themes: [String], planted: Bool)] = []
            var titles = Set(recurring)
            while topical.count < middle - recurring.count - (meeting.planted == nil ? 0 : 1) {
                let theme = rng.chance(40) ? partnership.themes[0] : rng.pick(partnership.themes)
                let topic = rng.pick(NationalTitles.topics(theme))
                var kind: AgendaItemKind = [.discussion, .discussion, .information, .information, .decision][
                    rng.below(5)]
                var title = topic
                if rng.chance(55) {
                    let angle = rng.pick(NationalTitles.angles)
                    title = "\(topic): \(angle.text)"
                    if rng.chance(70) { kind = angle.kind }
                }
                guard titles.insert(title).inserted else { continue }
                var themes = [theme.name]
                if partnership.themes.count > 1, rng.chance(25) {
                    let second = rng.pick(partnership.themes)
                    if second != theme { themes.append(second.name) }
                }
                topical.append((title, kind, themes, false))
            }
            if let planted = meeting.planted {
                topical.insert(
                    (planted, .discussion, [(meeting.theme ?? partnership.themes[0]).name], true),
                    at: rng.below(topical.count + 1))
            }

            var entries: [(title: String, kind: AgendaItemKind, themes: [String], weight: Int, planted: Bool)] = []
            entries.append((partnership.welcome, .information, [], 0, false))
            entries.append((partnership.minutes, .decision, [], 0, false))
            for title in recurring {
                let roll = rng.below(100)
                entries.append(
                    (
                        title, roll < 60 ? .information : roll < 90 ? .discussion : .decision,
                        [partnership.themes[0].name], 2 + rng.below(2), false
                    ))
            }
            for item in topical { entries.append((item.title, item.kind, item.themes, 3 + rng.below(4), item.planted)) }
            entries.append((partnership.closing, .information, [], 0, false))

            let budget = meeting.durationMinutes - 20 + (rng.chance(10) ? 15 + 5 * rng.below(4) : 0)
            let totalWeight = max(1, entries.reduce(0) { $0 + $1.weight })
            let attendees = meeting.attendees()
            let chair = partnership.seats.first { $0.role == .chair }?.holder(on: meeting.day)?.person
            let secretary = partnership.seats.first { $0.role == .secretariat }?.holder(on: meeting.day)?.person
            let start = items.count
            for (n, entry) in entries.enumerated() {
                let standing = n < 2 || n == entries.count - 1
                let minutes = standing ? (n == 1 ? 10 : 5) : max(5, budget * entry.weight / totalWeight / 5 * 5)
                var presenter: Int?
                if standing {
                    presenter = n == 1 ? secretary ?? chair : chair
                } else if n < 2 + recurring.count {
                    presenter = rng.chance(40) ? chair : attendees.isEmpty ? nil : rng.pick(attendees)
                } else {
                    let wanted = entry.themes.compactMap { name in NationalTheme.allCases.first { $0.name == name } }
                    let suited = attendees.filter { $0 != chair && people[$0].themes.overlaps(ThemeSet(wanted)) }
                    presenter = suited.isEmpty ? (attendees.isEmpty ? nil : rng.pick(attendees)) : rng.pick(suited)
                }
                items.append(
                    AgendaItem(
                        key: "\(meeting.key)-item-\(n + 1)", partnershipKey: partnership.key, meetingKey: meeting.key,
                        position: n + 1, title: entry.title, kind: entry.kind, durationMinutes: minutes,
                        presenterKey: presenter.map { people[$0].key }, themes: entry.themes))
            }
            meetings[m].items = start..<items.count
        }
    }

    // MARK: Decisions and actions

    /// Decisions on most items brought for decision (the minutes, each time), and about one and a half actions a
    /// meeting, owned by someone who was there, with states as of the day after the year: most of the old ones done,
    /// some overdue, the recent ones open or in progress.
    mutating func planDecisionsAndActions() {
        var rng = random(8)
        var previous = Array(repeating: Day?.none, count: partnerships.count)
        var actionCount = Array(repeating: 0, count: partnerships.count)
        for m in meetings.indices where meetings[m].status == .held {
            let meeting = meetings[m]
            let p = meeting.partnership
            let agenda = items[meeting.items]
            for (n, item) in zip(0..., agenda) where item.kind == .decision {
                if n == 1 {
                    if let last = previous[p], rng.chance(90) {
                        decisions.append(
                            Decision(
                                itemKey: item.key,
                                decision:
                                    "The minutes of the meeting on \(last.longDescription) were agreed as an accurate record."
                            ))
                    }
                } else if rng.chance(85) {
                    decisions.append(
                        Decision(
                            itemKey: item.key, decision: rng.pick(NationalTitles.decisions),
                            rationale: rng.chance(40) ? rng.pick(NationalTitles.rationales) : nil))
                }
            }
            previous[p] = meeting.day

            // Actions arise from the business, the topics more than the recurring reports.
            let business = agenda.dropFirst(2).dropLast().filter {
                !partnerships[p].recurring.contains($0.title) || rng.chance(20)
            }
            let attendees = meeting.attendees()
            guard !business.isEmpty, let count = rng.weightedIndex([25, 30, 25, 15, 5]) else { continue }
            for _ in 0..<count {
                actionCount[p] += 1
                let item = rng.pick(business)
                let phrase = rng.pick(NationalTitles.actions)
                let due = meeting.day.adding(days: 7 * (2 + rng.below(11)))
                let status = actionStatus(due: due, &rng)
                var action = ActionItem(
                    key: "\(partnerships[p].key)-action-\(actionCount[p])", partnershipKey: partnerships[p].key,
                    meetingKey: meeting.key, itemKey: item.key,
                    title: phrase.before + NationalTitles.subject(of: item.title) + phrase.after,
                    raisedOn: meeting.day, dueOn: due)
                if !attendees.isEmpty && rng.chance(80) {
                    action.ownerPersonKey = people[rng.pick(attendees)].key
                } else {
                    let organisation =
                        attendees.isEmpty ? partnerships[p].secretariat : people[rng.pick(attendees)].organisation
                    action.ownerOrganisationKey = organisations[organisation].key
                }
                for (days, text, change) in updates(for: status, &rng) {
                    action.update(text, on: min(meeting.day.adding(days: days), asOf.adding(days: -1)), status: change)
                }
                action.status = status
                actions.append(action)
            }
        }
    }

    private func actionStatus(due: Day, _ rng: inout SeededRandom) -> ActionStatus {
        let roll = rng.below(100)
        if due.ordinal < asOf.ordinal - 60 {
            return roll < 75 ? .done : roll < 82 ? .dropped : roll < 90 ? .inProgress : .open
        } else if due < asOf {
            return roll < 45 ? .done : roll < 50 ? .dropped : roll < 75 ? .inProgress : .open
        }
        return roll < 15 ? .done : roll < 55 ? .inProgress : .open
    }

    /// The updates that led to a state: days after the meeting, what was said, and the state it moved to.
    private func updates(for status: ActionStatus, _ rng: inout SeededRandom) -> [(Int, String, ActionStatus?)] {
        switch status {
        case .done:
            [
                (7 + rng.below(14), NationalTitles.updates[0], .inProgress),
                (28 + rng.below(40), "Completed and reported back to the partnership.", .done)
            ]
        case .inProgress: [(7 + rng.below(21), rng.pick(NationalTitles.updates), .inProgress)]
        case .dropped: [(21 + rng.below(30), "Overtaken by other work; closed by the chair.", .dropped)]
        case .open: rng.chance(40) ? [(10 + rng.below(20), NationalTitles.updates[1], nil)] : []
        }
    }
}
