import Foundation

/// A time zone as a calendar file names it, turned into offsets from UTC.
struct CalendarZone: Sendable {
    private enum Rules: Sendable {
        case system(Calendar)
        /// From a file's VTIMEZONE: the instants (seconds since 1970, UTC) at which the offset changes, in order,
        /// the offset from each, and the one before the first.
        case defined(changes: [Int], offsets: [Int], initial: Int)
    }

    let name: String
    private let rules: Rules

    static let utc = CalendarZone(system: TimeZone(identifier: "UTC")!)
    static let london = CalendarZone(system: WallClock.london)

    init(system zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        name = zone.identifier
        rules = .system(calendar)
    }

    private init(name: String, changes: [(at: Int, offset: Int)], initial: Int) {
        self.name = name
        rules = .defined(changes: changes.map(\.at), offsets: changes.map(\.offset), initial: initial)
    }

    /// The instant a wall-clock time names here. A time skipped when clocks go forward (01:30 on the last Sunday
    /// of March in London) is read with the offset before the change, and a time that happens twice when they go
    /// back as its first, as RFC 5545 §3.3.5 says.
    func instant(_ time: LocalDateTime) -> Date {
        switch rules {
        case .system(let calendar):
            let parts = DateComponents(
                year: time.day.year, month: time.day.month, day: time.day.day,
                hour: time.hour, minute: time.minute, second: time.second)
            if let date = calendar.date(from: parts) { return date }
            let offset = calendar.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.seconds)))
            return Date(timeIntervalSince1970: TimeInterval(time.seconds - offset))
        case .defined(_, let offsets, let initial):
            let clock = time.seconds
            let candidates = Set(offsets + [initial]).map { clock - $0 }.filter { clock - offset(at: $0) == $0 }
            if let first = candidates.min() { return Date(timeIntervalSince1970: TimeInterval(first)) }
            let before = offset(at: clock - (offsets + [initial]).max()!)
            return Date(timeIntervalSince1970: TimeInterval(clock - before))
        }
    }

    /// The wall-clock time here at an instant.
    func clock(_ date: Date) -> LocalDateTime {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        switch rules {
        case .system(let calendar): return LocalDateTime(seconds: seconds + calendar.timeZone.secondsFromGMT(for: date))
        case .defined: return LocalDateTime(seconds: seconds + offset(at: seconds))
        }
    }

    private func offset(at seconds: Int) -> Int {
        guard case .defined(let changes, let offsets, let initial) = rules else { return 0 }
        // The last change at or before the instant.
        var low = 0
        var high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initial : offsets[low - 1]
    }

    /// A zone from its definition in the file: each STANDARD and DAYLIGHT part says when it starts (DTSTART, on
    /// the clock before the change), how it repeats (RRULE, RDATE) and the offsets either side.
    static func defined(by component: ICalendar.Component, name: String, issues: inout [ImportIssue]) -> CalendarZone? {
        var changes: [(at: Int, offset: Int)] = []
        var initial: (at: Int, offset: Int)?
        let end = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01: far enough ahead for any meeting
        for part in component.components where part.name == "STANDARD" || part.name == "DAYLIGHT" {
            guard let start = part.first("DTSTART"), let from = part.first("TZOFFSETFROM"),
                let to = part.first("TZOFFSETTO")
            else {
                issues.append(
                    ImportIssue(
                        "line \(part.line)", field: part.name,
                        "the time zone '\(name)' needs DTSTART, TZOFFSETFROM and TZOFFSETTO here"))
                return nil
            }
            var current = from  // the property being read, for the report
            do {
                let before = try utcOffset(from.value)
                current = to
                let after = try utcOffset(to.value)
                current = start
                let first = try CalendarTime.parse(start.value, tzid: nil).clock
                var onsets: Set<LocalDateTime> = [first]
                for rule in part.all("RRULE") {
                    current = rule
                    let expanded = try RecurrenceRule(parsing: rule.value).starts(
                        from: first, in: Date.distantPast..<end, limit: 5_000,
                        instant: { Date(timeIntervalSince1970: TimeInterval($0.seconds - before)) })
                    onsets.formUnion(expanded.starts)
                }
                for dates in part.all("RDATE") {
                    current = dates
                    onsets.formUnion(try CalendarTime.list(dates).map(\.clock))
                }
                for onset in onsets {
                    changes.append((onset.seconds - before, after))
                    if initial == nil || onset.seconds - before < initial!.at {
                        initial = (onset.seconds - before, before)
                    }
                }
            } catch {
                issues.append(ImportIssue("line \(current.line)", field: current.name, error.message))
                return nil
            }
        }
        guard let initial else {
            issues.append(
                ImportIssue(
                    "line \(component.line)", field: "VTIMEZONE",
                    "the time zone '\(name)' has no STANDARD or DAYLIGHT part"))
            return nil
        }
        return CalendarZone(name: name, changes: changes.sorted { $0.at < $1.at }, initial: initial.offset)
    }

    /// A zone known by name: an IANA name (what Google writes), a Windows name (what Outlook writes), Outlook's
    /// older display names, or an IANA name at the end of a path (`/mozilla.org/20070129_1/Europe/London`).
    static func named(_ tzid: String) -> CalendarZone? {
        let name = tzid.trimmingCharacters(in: .whitespaces)
        if let zone = TimeZone(identifier: name) { return CalendarZone(system: zone) }
        if let iana = windowsNames[name.lowercased()], let zone = TimeZone(identifier: iana) {
            return CalendarZone(system: zone)
        }
        let path = name.split(separator: "/")
        for length in [3, 2] where path.count > length {
            if let zone = TimeZone(identifier: path.suffix(length).joined(separator: "/")) {
                return CalendarZone(system: zone)
            }
        }
        return nil
    }

    /// Windows time zone names and Outlook's display names → IANA, after the Unicode CLDR's windowsZones table:
    /// the UK, Europe, North America, and the largest zones elsewhere.
    static let windowsNames: [String: String] = Dictionary(
        uniqueKeysWithValues: [
            ("GMT Standard Time", "Europe/London"),
            ("Greenwich Standard Time", "Atlantic/Reykjavik"),
            ("UTC", "Etc/UTC"),
            ("Coordinated Universal Time", "Etc/UTC"),
            ("W. Europe Standard Time", "Europe/Berlin"),
            ("Romance Standard Time", "Europe/Paris"),
            ("Central Europe Standard Time", "Europe/Budapest"),
            ("Central European Standard Time", "Europe/Warsaw"),
            ("E. Europe Standard Time", "Europe/Chisinau"),
            ("FLE Standard Time", "Europe/Kiev"),
            ("GTB Standard Time", "Europe/Bucharest"),
            ("Turkey Standard Time", "Europe/Istanbul"),
            ("Russian Standard Time", "Europe/Moscow"),
            ("Kaliningrad Standard Time", "Europe/Kaliningrad"),
            ("Belarus Standard Time", "Europe/Minsk"),
            ("Azores Standard Time", "Atlantic/Azores"),
            ("Cape Verde Standard Time", "Atlantic/Cape_Verde"),
            ("Morocco Standard Time", "Africa/Casablanca"),
            ("W. Central Africa Standard Time", "Africa/Lagos"),
            ("South Africa Standard Time", "Africa/Johannesburg"),
            ("Egypt Standard Time", "Africa/Cairo"),
            ("Israel Standard Time", "Asia/Jerusalem"),
            ("Arab Standard Time", "Asia/Riyadh"),
            ("Arabian Standard Time", "Asia/Dubai"),
            ("Iran Standard Time", "Asia/Tehran"),
            ("Pakistan Standard Time", "Asia/Karachi"),
            ("India Standard Time", "Asia/Calcutta"),
            ("Bangladesh Standard Time", "Asia/Dhaka"),
            ("SE Asia Standard Time", "Asia/Bangkok"),
            ("China Standard Time", "Asia/Shanghai"),
            ("Singapore Standard Time", "Asia/Singapore"),
            ("Tokyo Standard Time", "Asia/Tokyo"),
            ("Korea Standard Time", "Asia/Seoul"),
            ("W. Australia Standard Time", "Australia/Perth"),
            ("Cen. Australia Standard Time", "Australia/Adelaide"),
            ("E. Australia Standard Time", "Australia/Brisbane"),
            ("AUS Eastern Standard Time", "Australia/Sydney"),
            ("New Zealand Standard Time", "Pacific/Auckland"),
            ("Newfoundland Standard Time", "America/St_Johns"),
            ("Atlantic Standard Time", "America/Halifax"),
            ("Eastern Standard Time", "America/New_York"),
            ("US Eastern Standard Time", "America/Indianapolis"),
            ("Central Standard Time", "America/Chicago"),
            ("Canada Central Standard Time", "America/Regina"),
            ("Central Standard Time (Mexico)", "America/Mexico_City"),
            ("Mountain Standard Time", "America/Denver"),
            ("US Mountain Standard Time", "America/Phoenix"),
            ("Pacific Standard Time", "America/Los_Angeles"),
            ("Alaskan Standard Time", "America/Anchorage"),
            ("Hawaiian Standard Time", "Pacific/Honolulu"),
            ("SA Pacific Standard Time", "America/Bogota"),
            ("E. South America Standard Time", "America/Sao_Paulo"),
            ("Argentina Standard Time", "America/Buenos_Aires"),
            // Display names that older Outlook and Exchange versions wrote as TZIDs.
            ("(UTC) Dublin, Edinburgh, Lisbon, London", "Europe/London"),
            ("(UTC+00:00) Dublin, Edinburgh, Lisbon, London", "Europe/London"),
            ("(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London", "Europe/London"),
            ("(GMT) Greenwich Mean Time: Dublin, Edinburgh, Lisbon, London", "Europe/London"),
            ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"),
            ("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", "Europe/Paris"),
            ("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"),
            ("(UTC-06:00) Central Time (US & Canada)", "America/Chicago"),
            ("(UTC-08:00) Pacific Time (US & Canada)", "America/Los_Angeles"),
            ("(GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"),
            ("(GMT+01:00) Brussels, Copenhagen, Madrid, Paris", "Europe/Paris"),
            ("(GMT-05:00) Eastern Time (US & Canada)", "America/New_York"),
            ("(GMT-06:00) Central Time (US & Canada)", "America/Chicago"),
            ("(GMT-08:00) Pacific Time (US & Canada)", "America/Los_Angeles"),
            ("(GMT+10:00) Canberra, Melbourne, Sydney", "Australia/Sydney"),
            ("(UTC+10:00) Canberra, Melbourne, Sydney", "Australia/Sydney")
        ].map { ($0.0.lowercased(), $0.1) })
}

/// The zones one calendar uses: each TZID is resolved once, by name first and by the file's VTIMEZONE only when
/// the name means nothing to Foundation or to the Windows table (Outlook's "Customized Time Zone").
struct CalendarZones {
    private var definitions: [String: ICalendar.Component] = [:]
    private var resolved: [String: CalendarZone?] = [:]

    init(_ calendar: ICalendar.Component) {
        for component in calendar.children("VTIMEZONE") {
            if let id = component.first("TZID")?.text { definitions[id] = component }
        }
    }

    /// The zone a TZID names, or nil when it is unknown and the file does not define it (an issue says why).
    mutating func zone(_ tzid: String, issues: inout [ImportIssue]) -> CalendarZone? {
        if let known = resolved[tzid] { return known }
        var zone = CalendarZone.named(tzid)
        if zone == nil, let definition = definitions[tzid] {
            zone = CalendarZone.defined(by: definition, name: tzid, issues: &issues)
        }
        resolved[tzid] = zone
        return zone
    }
}
