import Foundation

/// Events with the same UID made into meetings: the series (or single event), its EXDATEs and its changed
/// occurrences (RECURRENCE-ID), each change matched to the occurrence it names.
extension EventReader {
    /// Which occurrence of a series a start or RECURRENCE-ID names: the instant for a series at a time of day, the
    /// date for an all-day series. Exchange writes an all-day occurrence's RECURRENCE-ID as midnight in its own zone
    /// (`TZID=W. Europe Standard Time:20260226T000000`, `TZID=UTC+01:…`), which is not the instant of that day's
    /// midnight in the calendar's zone: the date on the override's own clock is what names the occurrence.
    enum OccurrenceID: Hashable, Comparable {
        case day(Day)
        case instant(Date)

        init(_ moment: Moment, allDay: Bool) {
            self = allDay ? .day(moment.clock.day) : .instant(moment.instant)
        }

        static func < (a: OccurrenceID, b: OccurrenceID) -> Bool {
            switch (a, b) {
            case (.day(let x), .day(let y)): x < y
            case (.instant(let x), .instant(let y)): x < y
            default: false
            }
        }
    }

    mutating func events() -> [CalendarEvent] {
        var masters: [String: Draft] = [:]
        var changes: [String: [Draft]] = [:]
        // The same event twice (an export of an export): the later SEQUENCE wins, then the later in the file.
        for draft in calendar.children("VEVENT").compactMap({ read($0) }) {
            if draft.recurrenceID != nil {
                changes[draft.uid, default: []].append(draft)
            } else {
                if let known = masters[draft.uid], known.sequence > draft.sequence { continue }
                masters[draft.uid] = draft
            }
        }
        var events: [CalendarEvent] = []
        for uid in Set(masters.keys).union(changes.keys) {
            events += series(uid, master: masters[uid], changes: changes[uid] ?? [])
        }
        return events
    }

    /// One UID's meetings: the occurrences of its series in the window, each replaced by the change that names it,
    /// and moved and changed as the latest RANGE=THISANDFUTURE change before it says.
    private mutating func series(_ uid: String, master: Draft?, changes: [Draft]) -> [CalendarEvent] {
        let allDay = master?.start.isDate == true
        var overrides: [OccurrenceID: Draft] = [:]
        for draft in changes {
            let id = OccurrenceID(draft.recurrenceID!, allDay: allDay)
            if let known = overrides[id], known.sequence > draft.sequence { continue }
            overrides[id] = draft
        }
        var events: [CalendarEvent] = []
        if let master {
            let ranges = overrides.filter { $0.value.thisAndFuture }.sorted { $0.key < $1.key }
            // An occurrence a range moves into the window from outside it is still found.
            let reach = TimeInterval(ranges.map { abs(shift($0.value)) }.max() ?? 0)
            let expanded = window.lowerBound.addingTimeInterval(-reach)..<window.upperBound.addingTimeInterval(reach)
            for clock in occurrences(of: master, in: expanded) {
                let instant = master.start.zone.instant(clock)
                let id: OccurrenceID = allDay ? .day(clock.day) : .instant(instant)
                if master.excludes(instant, day: clock.day) || overrides[id] != nil { continue }
                var event =
                    if let range = ranges.last(where: { $0.key < id })?.value {
                        following(range, master: master, clock: clock)
                    } else {
                        self.event(master, startingAt: clock, master: nil)
                    }
                guard window.contains(event.startsAt) else { continue }
                if master.repeats { event.recurrenceID = instant }
                events.append(event)
            }
        }
        for draft in overrides.values {
            let recurrence = draft.recurrenceID!
            if let master, master.excludes(recurrence.instant, day: recurrence.clock.day) { continue }
            var event = self.event(draft, startingAt: draft.start.clock, master: master)
            guard window.contains(event.startsAt) else { continue }
            if allDay, let master {
                // The key and RECURRENCE-ID of the occurrence it replaces, whatever zone the change was written in.
                let original = Moment(
                    clock: LocalDateTime(day: recurrence.clock.day), zone: master.start.zone, isDate: true)
                event.key = Self.key(uid, original)
                event.recurrenceID = original.instant
            } else {
                event.key = Self.key(uid, recurrence)
                event.recurrenceID = recurrence.instant
            }
            event.isException = true
            if master?.status == .cancelled { event.status = .cancelled }
            events.append(event)
        }
        return events
    }

    /// An occurrence after a RANGE=THISANDFUTURE change (RFC 5545 §3.8.4.4): moved by as much as the change moved
    /// its own, with the change's length, summary, place and people (what the change leaves out, from the series).
    /// It keeps the key of the occurrence it was, so importing the file again finds it.
    private func following(_ range: Draft, master: Draft, clock: LocalDateTime) -> CalendarEvent {
        let startsAt = master.start.zone.instant(LocalDateTime(seconds: clock.seconds + shift(range)))
        var event = self.event(range, startingAt: range.start.zone.clock(startsAt), master: master)
        event.key = Self.key(master.uid, Moment(clock: clock, zone: master.start.zone, isDate: master.start.isDate))
        event.isException = true
        return event
    }

    /// How far a change moves its occurrence, in seconds: on the clock when its start and RECURRENCE-ID are written
    /// in the same zone (so a change of the clocks in between does not add an hour), else between the instants.
    private func shift(_ draft: Draft) -> Int {
        guard let recurrence = draft.recurrenceID else { return 0 }
        if draft.start.zone.name == recurrence.zone.name { return draft.start.clock.seconds - recurrence.clock.seconds }
        return Int(draft.start.instant.timeIntervalSince(recurrence.instant))
    }

    /// The wall-clock starts of an event's occurrences in `window`: DTSTART alone for a single event. One RRULE
    /// counts DTSTART as its first occurrence; several give the union of their own occurrences, with DTSTART.
    private mutating func occurrences(of draft: Draft, in window: Range<Date>) -> [LocalDateTime] {
        let start = draft.start
        guard draft.repeats else { return window.contains(start.instant) ? [start.clock] : [] }
        var clocks: Set<LocalDateTime> = draft.rules.count != 1 && window.contains(start.instant) ? [start.clock] : []
        for rule in draft.rules {
            let expanded = rule.starts(
                from: start.clock, in: window, limit: limit, startCounts: draft.rules.count == 1,
                instant: start.zone.instant)
            clocks.formUnion(expanded.starts)
            if expanded.truncated {
                issue(
                    draft.line, "RRULE",
                    "the series '\(draft.summary ?? draft.uid)' has more than \(limit) occurrences "
                        + "in the period imported; give it an end (UNTIL or COUNT) or import a shorter period")
            }
        }
        for date in draft.extraDates where window.contains(date.instant) {
            clocks.insert(date.isDate ? start.clock.on(date.clock.day) : start.zone.clock(date.instant))
        }
        return clocks.sorted()
    }
}
