import Foundation

/// Subscribable calendar feeds (RFC 5545): a partnership's, a person's or a workspace's meetings as VEVENTs,
/// and actions as VTODOs when asked for.
///
/// Times are written in UTC (`20240315T100000Z`), which every client shows in its own zone, and all-day events
/// as dates. The same input always gives the same bytes (events in order of start, no clock read), so a feed's
/// ETag changes only when its meetings do.
public enum CalendarFeed {
    public static let productID = "-//Convene//Convene//EN"

    /// A whole feed.
    /// - Parameters:
    ///   - name: shown by calendar programs as the calendar's name (X-WR-CALNAME).
    ///   - includeAttendees: false for public feeds, which carry no people: no ORGANIZER and no ATTENDEE lines.
    ///   - stamp: DTSTAMP for events and tasks that carry none. Pass the time of the latest change, not the time
    ///     now, or every request would give different bytes.
    public static func write(
        name: String, events: [CalendarEvent], tasks: [CalendarTask] = [],
        includeAttendees: Bool, stamp: Date
    ) -> String {
        var feed = Lines()
        feed.add("BEGIN:VCALENDAR")
        feed.add("VERSION:2.0")
        feed.add("PRODID:" + productID)
        feed.add("CALSCALE:GREGORIAN")
        feed.add("METHOD:PUBLISH")
        feed.text("X-WR-CALNAME", name)
        // How often subscribers should fetch the feed again, in the standard and in the older form clients read.
        feed.add("REFRESH-INTERVAL;VALUE=DURATION:PT1H")
        feed.add("X-PUBLISHED-TTL:PT1H")
        for event in events.sorted(by: { ($0.startsAt, $0.uid, $0.key) < ($1.startsAt, $1.uid, $1.key) }) {
            feed.event(event, includeAttendees: includeAttendees, stamp: stamp)
        }
        for task in tasks.sorted(by: { $0.uid < $1.uid }) {
            feed.task(task, stamp: stamp)
        }
        feed.add("END:VCALENDAR")
        return feed.text
    }

    /// `20240315T100000Z`: an instant in UTC to the second, as the feed writes it.
    static func utc(_ date: Date) -> String { LocalDateTime(utc: date).description + "Z" }

    /// A parameter value: quoted when it holds `,` `;` or `:`; a double quote cannot be written inside one, so
    /// it becomes an apostrophe, and line breaks become spaces.
    static func parameter(_ value: String) -> String {
        let clean = String(value.map { $0 == "\"" ? "'" : ($0.isNewline ? " " : $0) })
        return clean.contains(where: { ",;:".contains($0) }) ? "\"" + clean + "\"" : clean
    }
}

/// The feed's text, one folded content line at a time.
private struct Lines {
    var text = ""

    mutating func add(_ line: String) { text += ICalendar.folded(line) }

    /// A TEXT property, escaped; nothing when there is no value.
    mutating func text(_ name: String, _ value: String?) {
        if let value, !value.isEmpty { add(name + ":" + ICalendar.escape(value)) }
    }

    /// A URI property: not TEXT, so not escaped, but never with a line break in it.
    mutating func uri(_ name: String, _ value: String?) {
        if let value, !value.isEmpty { add(name + ":" + value.filter { !$0.isNewline }) }
    }

    mutating func event(_ event: CalendarEvent, includeAttendees: Bool, stamp: Date) {
        add("BEGIN:VEVENT")
        text("UID", event.uid)
        add("DTSTAMP:" + CalendarFeed.utc(event.stamp ?? stamp))
        if let days = event.allDay {
            add("DTSTART;VALUE=DATE:" + days.lowerBound.icsDate)
            add("DTEND;VALUE=DATE:" + days.upperBound.adding(days: 1).icsDate)
        } else {
            add("DTSTART:" + CalendarFeed.utc(event.startsAt))
            if let end = event.endsAt { add("DTEND:" + CalendarFeed.utc(end)) }
        }
        if let recurrenceID = event.recurrenceID {
            add(
                "RECURRENCE-ID"
                    + (event.allDay == nil
                        ? ":" + CalendarFeed.utc(recurrenceID)
                        : ";VALUE=DATE:" + CalendarZone.london.clock(recurrenceID).day.icsDate))
        }
        add("SEQUENCE:\(event.sequence)")
        text("SUMMARY", event.summary)
        text("DESCRIPTION", event.description)
        text("LOCATION", event.location)
        uri("URL", event.url)
        if let link = event.onlineMeetingURL { uri("CONFERENCE;VALUE=URI", link) }
        add("STATUS:" + event.status.rawValue)
        if includeAttendees {
            if let organizer = event.organizer { person("ORGANIZER", organizer) }
            event.attendees.forEach { person("ATTENDEE", $0) }
        }
        add("END:VEVENT")
    }

    /// ORGANIZER or ATTENDEE; a person with neither an email address nor another address is left out.
    mutating func person(_ name: String, _ person: CalendarAttendee) {
        let address = person.email.flatMap { $0.isEmpty ? nil : "mailto:" + $0 } ?? person.uri
        guard let address, !address.isEmpty else { return }
        var line = name
        if let cn = person.name, !cn.isEmpty { line += ";CN=" + CalendarFeed.parameter(cn) }
        if let role = person.role { line += ";ROLE=" + role.rawValue }
        if let participation = person.participation { line += ";PARTSTAT=" + participation.rawValue }
        add(line + ":" + address.filter { !$0.isNewline && $0 != " " })
    }

    mutating func task(_ task: CalendarTask, stamp: Date) {
        add("BEGIN:VTODO")
        text("UID", task.uid)
        add("DTSTAMP:" + CalendarFeed.utc(task.stamp ?? stamp))
        text("SUMMARY", task.summary)
        text("DESCRIPTION", task.description)
        if let day = task.dueDay {
            add("DUE;VALUE=DATE:" + day.icsDate)
        } else if let due = task.due {
            add("DUE:" + CalendarFeed.utc(due))
        }
        add("STATUS:" + task.status.rawValue)
        add("END:VTODO")
    }
}
