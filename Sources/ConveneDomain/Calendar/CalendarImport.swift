import Foundation

/// A calendar file (`.ics`, as Outlook, Google Calendar and the like export it) read into meetings: each event,
/// and each occurrence of a repeating series, becomes a `CalendarEvent` with a key that stays the same on every
/// import of the same calendar.
///
/// Series are expanded on their own wall clock, so a weekly 10:00 London meeting stays at 10:00 in London when
/// the clocks change; EXDATE removes occurrences, RECURRENCE-ID overrides move, rename or cancel one (with
/// RANGE=THISANDFUTURE, every later one too), and several RRULEs give the union of their occurrences. Problems
/// are collected in `issues`, each naming its line and property; a caller importing all or nothing imports nothing
/// when there is any. What mainstream parsers read from a file that breaks the standard (an empty RRULE, an event
/// without a UID, a line that lost its fold space) is read the same way, and said in `warnings`.
public struct CalendarImport: Sendable {
    /// X-WR-CALNAME, when the file names itself.
    public var name: String?
    /// X-WR-TIMEZONE: the zone the calendar shows in, also used for all-day events and floating times.
    public var timeZone: String?
    /// In order of start, then key.
    public var events: [CalendarEvent]
    public var tasks: [CalendarTask]
    public var issues: [ImportIssue]
    /// What was read by a guess, each naming its line: never a reason to refuse the file.
    public var warnings: [ImportIssue] = []

    /// At most this many occurrences of one series are taken from a window; more is reported as an issue.
    public static let defaultLimit = 5_000

    /// Reads a file. Series are expanded only within `window` (occurrences starting in it), and at most `limit`
    /// occurrences of each; single events and changed occurrences outside the window are left out too.
    public static func read(_ data: Data, window: DateInterval, limit: Int = defaultLimit) -> CalendarImport {
        let document = ICalendar.parse(data)
        // Beyond these years no zone's rules are known and the arithmetic of days has no need to go.
        let earliest = Date(timeIntervalSince1970: -11_676_096_000)
        let latest = Date(timeIntervalSince1970: 7_258_118_400)
        let lower = max(window.start, earliest)
        let range = lower..<max(lower, min(window.end, latest))
        var result = CalendarImport(events: [], tasks: [], issues: document.issues, warnings: document.warnings)
        for calendar in document.calendars {
            var reader = EventReader(calendar: calendar, window: range, limit: limit)
            result.name = result.name ?? calendar.first("X-WR-CALNAME")?.text
            result.timeZone = result.timeZone ?? calendar.first("X-WR-TIMEZONE")?.text
            result.events += reader.events()
            result.tasks += calendar.children("VTODO").compactMap { reader.task($0) }
            result.issues += reader.issues
            result.warnings += reader.warnings
        }
        result.events.sort { ($0.startsAt, $0.key) < ($1.startsAt, $1.key) }
        return result
    }
}

/// A date or time from the file with its zone applied.
struct Moment {
    var clock: LocalDateTime
    var zone: CalendarZone
    var isDate: Bool
    var instant: Date { zone.instant(clock) }
}

/// One VEVENT as written, its times resolved.
struct Draft {
    var line: Int
    var uid: String
    var start: Moment
    var end: Moment?
    var duration: CalendarDuration?
    var recurrenceID: Moment?
    /// RECURRENCE-ID;RANGE=THISANDFUTURE: the change holds for this occurrence and every later one.
    var thisAndFuture = false
    var rules: [RecurrenceRule] = []
    var extraDates: [Moment] = []
    var excluded: [Moment] = []
    var summary: String?
    var description: String?
    var location: String?
    var status: CalendarEventStatus = .confirmed
    var sequence = 0
    var stamp: Date?
    var organizer: CalendarAttendee?
    var attendees: [CalendarAttendee] = []
    var url: String?
    var onlineMeetingURL: String?

    var repeats: Bool { !rules.isEmpty || !extraDates.isEmpty }

    /// Whether an occurrence starting at `instant` (on `day` on its clock) is removed by EXDATE. An all-day
    /// series' occurrences are removed by date, whatever the time and zone an EXDATE is written in.
    func excludes(_ instant: Date, day: Day) -> Bool {
        excluded.contains { $0.isDate || start.isDate ? $0.clock.day == day : $0.instant == instant }
    }

    /// The end of an occurrence that starts at `clock`: DTEND keeps the exact length (whole days for an all-day
    /// event), DURATION counts days on the calendar (so a one-day duration stays a day across a change of clocks).
    func end(startingAt clock: LocalDateTime) -> Date? {
        if let end, start.isDate && end.isDate {
            return start.zone.instant(clock.on(clock.day.adding(days: end.clock.day.ordinal - start.clock.day.ordinal)))
        }
        if let end { return start.zone.instant(clock).addingTimeInterval(end.instant.timeIntervalSince(start.instant)) }
        if let duration {
            return start.zone.instant(clock.on(clock.day.adding(days: duration.days))).addingTimeInterval(
                TimeInterval(duration.seconds))
        }
        return start.isDate ? start.zone.instant(clock.on(clock.day.adding(days: 1))) : nil
    }
}

struct EventReader {
    var zones: CalendarZones
    let floating: CalendarZone
    let window: Range<Date>
    let limit: Int
    var issues: [ImportIssue] = []
    var warnings: [ImportIssue] = []
    let calendar: ICalendar.Component
    /// How many components without a UID made each derived one, so that two alike still get two keys.
    private var derived: [String: Int] = [:]

    init(calendar: ICalendar.Component, window: Range<Date>, limit: Int) {
        self.calendar = calendar
        self.window = window
        self.limit = limit
        var zones = CalendarZones(calendar)
        var ignored: [ImportIssue] = []
        floating = calendar.first("X-WR-TIMEZONE").flatMap { zones.zone($0.text, issues: &ignored) } ?? .london
        self.zones = zones
    }

    mutating func issue(_ line: Int, _ field: String, _ message: String) {
        issues.append(ImportIssue("line \(line)", field: field, message))
    }

    mutating func warn(_ line: Int, _ field: String, _ message: String) {
        warnings.append(ImportIssue("line \(line)", field: field, message))
    }

    /// A DATE or DATE-TIME property, its zone applied; nil, with an issue, when it cannot be read.
    private mutating func moments(_ property: ICalendar.Property) -> [Moment]? {
        let times: [CalendarTime]
        do { times = try CalendarTime.list(property) } catch {
            issue(property.line, property.name, error.message)
            return nil
        }
        var moments: [Moment] = []
        for time in times {
            switch time {
            case .date(let day): moments.append(Moment(clock: LocalDateTime(day: day), zone: floating, isDate: true))
            case .utc(let clock): moments.append(Moment(clock: clock, zone: .utc, isDate: false))
            case .local(let clock, nil): moments.append(Moment(clock: clock, zone: floating, isDate: false))
            case .local(let clock, let tzid?):
                guard let zone = zones.zone(tzid, issues: &issues) else {
                    issue(
                        property.line, property.name,
                        "the time zone '\(tzid)' is not known and the file does not define it in a VTIMEZONE")
                    return nil
                }
                moments.append(Moment(clock: clock, zone: zone, isDate: false))
            }
        }
        return moments
    }

    private mutating func moment(_ property: ICalendar.Property) -> Moment? { moments(property)?.first }

    // MARK: Events

    /// An occurrence of `draft` starting at `clock`; what an override leaves out it takes from its series.
    func event(_ draft: Draft, startingAt clock: LocalDateTime, master: Draft?) -> CalendarEvent {
        let startsAt = draft.start.zone.instant(clock)
        var endsAt = draft.end(startingAt: clock)
        if endsAt == nil, draft.end == nil, draft.duration == nil, let master,
            master.end != nil || master.duration != nil
        {
            endsAt = master.end(startingAt: master.start.clock).map {
                startsAt.addingTimeInterval($0.timeIntervalSince(master.start.instant))
            }
        }
        var allDay: ClosedRange<Day>?
        if draft.start.isDate {
            let last = endsAt.map { draft.start.zone.clock($0).day.adding(days: -1) } ?? clock.day
            allDay = clock.day...max(clock.day, last)
        }
        let original = Moment(clock: clock, zone: draft.start.zone, isDate: draft.start.isDate)
        return CalendarEvent(
            uid: draft.uid, key: draft.repeats ? Self.key(draft.uid, original) : draft.uid,
            summary: draft.summary ?? master?.summary ?? "", description: draft.description ?? master?.description,
            location: draft.location ?? master?.location, startsAt: startsAt, endsAt: endsAt, allDay: allDay,
            status: draft.status, sequence: draft.sequence, stamp: draft.stamp,
            organizer: draft.organizer ?? master?.organizer,
            attendees: draft.attendees.isEmpty ? master?.attendees ?? [] : draft.attendees,
            url: draft.url ?? master?.url, onlineMeetingURL: draft.onlineMeetingURL ?? master?.onlineMeetingURL,
            line: draft.line)
    }

    /// `UID/yyyymmddThhmmssZ`, or `UID/yyyymmdd` for an all-day occurrence.
    static func key(_ uid: String, _ original: Moment) -> String {
        uid + "/"
            + (original.isDate ? original.clock.day.icsDate : LocalDateTime(utc: original.instant).description + "Z")
    }

    mutating func read(_ component: ICalendar.Component) -> Draft? {
        let before = issues.count
        let text = { (name: String) -> String? in component.first(name).map(\.text).flatMap { $0.isEmpty ? nil : $0 } }
        guard let startProperty = component.first("DTSTART") else {
            let name = text("SUMMARY") ?? text("UID") ?? "without a summary"
            issue(component.line, "DTSTART", "the event '\(name)' has no DTSTART; every meeting needs a start")
            return nil
        }
        let uid = text("UID") ?? derivedUID(component, start: startProperty, kind: "event")
        guard let start = moment(startProperty) else { return nil }
        var draft = Draft(line: component.line, uid: uid, start: start)
        if let property = component.first("DTEND") {
            draft.end = moment(property)
            if let end = draft.end, end.instant < start.instant {
                issue(property.line, "DTEND", "the event ends before it starts")
            }
        } else if let property = component.first("DURATION") {
            do { draft.duration = try CalendarDuration.parse(property.value) } catch {
                issue(property.line, "DURATION", error.message)
            }
        }
        if let property = component.first("RECURRENCE-ID") {
            draft.recurrenceID = moment(property)
            draft.thisAndFuture = property.parameter("RANGE")?.uppercased() == "THISANDFUTURE"
        }
        for property in component.all("RRULE") {
            if property.value.trimmingCharacters(in: .whitespaces).isEmpty {
                warn(property.line, "RRULE", "the rule is empty, so it adds no repeats; the event is read without it")
                continue
            }
            do { draft.rules.append(try RecurrenceRule(parsing: property.value)) } catch {
                issue(property.line, "RRULE", error.message)
            }
        }
        draft.extraDates = component.all("RDATE").flatMap { moments($0) ?? [] }
        draft.excluded = component.all("EXDATE").flatMap { moments($0) ?? [] }
        draft.summary = text("SUMMARY")
        draft.description = text("DESCRIPTION")
        draft.location = text("LOCATION")
        if let property = component.first("STATUS") {
            if let status = CalendarEventStatus(rawValue: property.value.uppercased()) {
                draft.status = status
            } else {
                issue(
                    property.line, "STATUS",
                    "'\(property.value)' is not an event status; expected CONFIRMED, TENTATIVE or CANCELLED")
            }
        }
        if let property = component.first("SEQUENCE") {
            if let sequence = Int(property.value.trimmingCharacters(in: .whitespaces)), sequence >= 0 {
                draft.sequence = sequence
            } else {
                issue(property.line, "SEQUENCE", "'\(property.value)' is not a whole number")
            }
        }
        draft.stamp = component.first("DTSTAMP").flatMap { moment($0)?.instant }
        draft.organizer = component.first("ORGANIZER").map(CalendarAttendee.init)
        draft.attendees = component.all("ATTENDEE").map(CalendarAttendee.init)
        draft.url = text("URL")
        draft.onlineMeetingURL = Self.onlineMeetingURL(component)
        return issues.count == before ? draft : nil
    }

    // MARK: Tasks

    mutating func task(_ component: ICalendar.Component) -> CalendarTask? {
        let text = { (name: String) -> String? in component.first(name).map(\.text).flatMap { $0.isEmpty ? nil : $0 } }
        let uid = text("UID") ?? derivedUID(component, start: component.first("DUE"), kind: "to-do")
        var task = CalendarTask(
            uid: uid, summary: text("SUMMARY") ?? "", description: text("DESCRIPTION"), line: component.line)
        if let property = component.first("DUE"), let due = moment(property) {
            task.due = due.instant
            task.dueDay = due.isDate ? due.clock.day : nil
        }
        if let property = component.first("STATUS") {
            if let status = CalendarTaskStatus(rawValue: property.value.uppercased()) {
                task.status = status
            } else {
                issue(
                    property.line, "STATUS",
                    "'\(property.value)' is not a to-do status; expected NEEDS-ACTION, IN-PROCESS, COMPLETED or CANCELLED"
                )
            }
        }
        task.stamp = component.first("DTSTAMP").flatMap { moment($0)?.instant }
        return task
    }

    /// A key for a component the file gives no UID (Outlook Web App writes none): made from its start, summary
    /// and organiser as written, so the same file gives the same key on every import, with a number after it for a
    /// second alike. Said in a warning, as the key changes if any of the three does.
    private mutating func derivedUID(_ component: ICalendar.Component, start: ICalendar.Property?, kind: String)
        -> String
    {
        let parts = [
            start.map { ($0.parameter("TZID") ?? "") + ":" + $0.value.trimmingCharacters(in: .whitespaces) } ?? "",
            component.first("SUMMARY")?.text ?? "", component.first("ORGANIZER")?.value ?? ""
        ]
        var hash: UInt64 = 14_695_981_039_346_656_037  // FNV-1a, 64 bits: the same on every machine and run
        for byte in parts.joined(separator: "\n").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        var uid = "no-uid-" + String(format: "%016llx", hash)
        derived[uid, default: 0] += 1
        if let seen = derived[uid], seen > 1 { uid += "-\(seen)" }
        let name = component.first("SUMMARY")?.text ?? ""
        warn(
            component.line, "UID",
            "the \(kind)\(name.isEmpty ? "" : " '\(name)'") has no UID, so it is known by '\(uid)', made from its "
                + "start, summary and organiser; a later import finds it again only while those three stay the same")
        return uid
    }

    // MARK: Online meetings

    private static let conferenceProperties = ["X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-GOOGLE-CONFERENCE", "CONFERENCE"]
    private static let conferenceHosts = [
        "teams.microsoft.com", "teams.live.com", "meet.google.com", "zoom.us", "webex.com"
    ]

    /// The link Teams or Google Meet adds as a property, else the first meeting link in the description or location.
    static func onlineMeetingURL(_ component: ICalendar.Component) -> String? {
        for name in conferenceProperties {
            if let link = component.first(name)?.text.trimmingCharacters(in: .whitespaces),
                link.lowercased().hasPrefix("https://")
            {
                return link
            }
        }
        for name in ["DESCRIPTION", "LOCATION"] {
            guard let text = component.first(name)?.text else { continue }
            let words = text.split { $0.isWhitespace || "<>\"'()[]".contains($0) }
            for word in words where word.lowercased().hasPrefix("https://") {
                let host = word.dropFirst(8).prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
                if conferenceHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
                    return String(word.reversed().drop { ".,;".contains($0) }.reversed())
                }
            }
        }
        return nil
    }
}
