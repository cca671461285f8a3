import Foundation

/// One meeting in a calendar: a single event, or one occurrence of a repeating series once the series is
/// expanded. What `CalendarImport` reads and `CalendarFeed` writes; the server maps it to a `Meeting`.
public struct CalendarEvent: Hashable, Sendable {
    /// The UID the file gives the event or series.
    public var uid: String
    /// Names this occurrence on every import of the same calendar, so that importing again updates it rather
    /// than adding another: the UID for a single event, `UID/yyyymmddThhmmssZ` (the original start in UTC) for an
    /// occurrence of a series, `UID/yyyymmdd` for an occurrence of an all-day series.
    public var key: String
    public var summary: String
    public var description: String?
    public var location: String?
    /// Start and end instants. For an all-day event, midnight at the start of its first day and at the end of its
    /// last, in the calendar's zone (X-WR-TIMEZONE, else Europe/London).
    public var startsAt: Date
    public var endsAt: Date?
    /// The days of an all-day event, first and last included; nil for an event at a time of day.
    public var allDay: ClosedRange<Day>?
    public var status: CalendarEventStatus
    /// For an occurrence of a series, its start as the series first had it (RFC 5545's RECURRENCE-ID).
    public var recurrenceID: Date?
    /// True when the file changes this occurrence on its own (moved, renamed or cancelled).
    public var isException: Bool
    /// Raised by the organiser on each change (SEQUENCE).
    public var sequence: Int
    /// When the organiser last changed it (DTSTAMP).
    public var stamp: Date?
    public var organizer: CalendarAttendee?
    public var attendees: [CalendarAttendee]
    /// The event's web page (URL).
    public var url: String?
    /// A Teams, Google Meet, Zoom or Webex link, from the properties those services add or from the description.
    public var onlineMeetingURL: String?
    /// Where the event starts in the file it was read from; nil for events not read from a file.
    public var line: Int?

    public init(
        uid: String, key: String? = nil, summary: String, description: String? = nil, location: String? = nil,
        startsAt: Date, endsAt: Date? = nil, allDay: ClosedRange<Day>? = nil,
        status: CalendarEventStatus = .confirmed, recurrenceID: Date? = nil, isException: Bool = false,
        sequence: Int = 0, stamp: Date? = nil, organizer: CalendarAttendee? = nil,
        attendees: [CalendarAttendee] = [], url: String? = nil, onlineMeetingURL: String? = nil, line: Int? = nil
    ) {
        self.uid = uid
        self.key = key ?? uid
        self.summary = summary
        self.description = description
        self.location = location
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.allDay = allDay
        self.status = status
        self.recurrenceID = recurrenceID
        self.isException = isException
        self.sequence = sequence
        self.stamp = stamp
        self.organizer = organizer
        self.attendees = attendees
        self.url = url
        self.onlineMeetingURL = onlineMeetingURL
        self.line = line
    }

    /// An all-day event over `days`, its instants taken in Europe/London.
    public init(uid: String, summary: String, days: ClosedRange<Day>, status: CalendarEventStatus = .confirmed) {
        self.init(
            uid: uid, summary: summary,
            startsAt: CalendarZone.london.instant(LocalDateTime(day: days.lowerBound)),
            endsAt: CalendarZone.london.instant(LocalDateTime(day: days.upperBound.adding(days: 1))),
            allDay: days, status: status)
    }
}

public enum CalendarEventStatus: String, Hashable, Sendable, CaseIterable {
    case confirmed = "CONFIRMED", tentative = "TENTATIVE", cancelled = "CANCELLED"
}

/// A person on an event: an ATTENDEE, or the ORGANIZER.
public struct CalendarAttendee: Hashable, Sendable {
    /// The display name (CN).
    public var name: String?
    /// The address of a `mailto:` calendar address; nil for other kinds of address.
    public var email: String?
    public var role: Role?
    public var participation: Participation?
    /// Another calendar address (a URN) for someone without an email address, such as a person in the register.
    public var uri: String?

    public init(
        name: String? = nil, email: String?, role: Role? = nil, participation: Participation? = nil, uri: String? = nil
    ) {
        self.name = name
        self.email = email
        self.role = role
        self.participation = participation
        self.uri = uri
    }

    /// ROLE.
    public enum Role: String, Hashable, Sendable, CaseIterable {
        case chair = "CHAIR", required = "REQ-PARTICIPANT", optional = "OPT-PARTICIPANT", nonParticipant =
            "NON-PARTICIPANT"
    }

    /// PARTSTAT: the person's answer to the invitation.
    public enum Participation: String, Hashable, Sendable, CaseIterable {
        case needsAction = "NEEDS-ACTION", accepted = "ACCEPTED", declined = "DECLINED", tentative = "TENTATIVE"
        case delegated = "DELEGATED"
    }

    init(_ property: ICalendar.Property) {
        let address = property.value.trimmingCharacters(in: .whitespaces)
        let isMail = address.lowercased().hasPrefix("mailto:")
        self.init(
            name: property.parameter("CN").flatMap { $0.isEmpty ? nil : $0 },
            email: isMail ? String(address.dropFirst(7)) : nil,
            role: property.parameter("ROLE").flatMap { Role(rawValue: $0.uppercased()) },
            participation: property.parameter("PARTSTAT").flatMap { Participation(rawValue: $0.uppercased()) })
    }
}

/// An action as a to-do (VTODO): feeds may carry a person's or a partnership's actions.
public struct CalendarTask: Hashable, Sendable {
    public var uid: String
    public var summary: String
    public var description: String?
    /// When it is due. For a due day (DUE;VALUE=DATE), midnight at the start of that day in the calendar's zone
    /// (Europe/London unless the file names another).
    public var due: Date?
    /// The due day, when the task is due on a day rather than at a time.
    public var dueDay: Day?
    public var status: CalendarTaskStatus
    public var stamp: Date?
    public var line: Int?

    public init(
        uid: String, summary: String, description: String? = nil, due: Date? = nil, dueDay: Day? = nil,
        status: CalendarTaskStatus = .needsAction, stamp: Date? = nil, line: Int? = nil
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.dueDay = dueDay
        self.due = due ?? dueDay.map { CalendarZone.london.instant(LocalDateTime(day: $0)) }
        self.status = status
        self.stamp = stamp
        self.line = line
    }
}

public enum CalendarTaskStatus: String, Hashable, Sendable, CaseIterable {
    case needsAction = "NEEDS-ACTION", inProcess = "IN-PROCESS", completed = "COMPLETED", cancelled = "CANCELLED"
}
