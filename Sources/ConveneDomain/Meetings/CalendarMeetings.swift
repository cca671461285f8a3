import Foundation

/// Between a partnership's meetings and calendar files: an imported event becomes a meeting, and a meeting
/// (with its attendance) becomes a feed's event.
public enum CalendarMeetings {
    /// The meeting an event becomes. Its key comes from the partnership, the day and the event's own key, so
    /// importing the same file again finds the same meetings, and a moved occurrence keeps its key.
    public static func meeting(from event: CalendarEvent, partnershipKey: String, timeZone: TimeZone) -> Meeting {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: event.recurrenceID ?? event.startsAt)
        let day = Day(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
        let key = Key.slug(partnershipKey, day.map(\.description) ?? "", fingerprint(event.key))
        let status: MeetingStatus =
            switch event.status {
            case .cancelled: .cancelled
            case .tentative: .draft
            case .confirmed: .scheduled
            }
        let (place, platform) = event.location.map(Self.place) ?? (nil, false)
        let online = event.onlineMeetingURL
        let format: MeetingFormat? =
            switch (place != nil && !(place!.hasPrefix("http")), online != nil || platform) {
            case (true, true): .hybrid
            case (false, true): .online
            case (true, false): .inPerson
            case (false, false): nil
            }
        return Meeting(
            key: key, partnershipKey: partnershipKey, name: event.summary.isEmpty ? "Meeting" : event.summary,
            startsAt: event.startsAt, endsAt: event.endsAt, status: status, format: format,
            place: format == .online ? nil : place, onlineURL: online, calendarKey: event.key)
    }

    /// The event a feed carries for a meeting. Attendees are named only when the feed is private.
    public static func event(for meeting: Meeting, url: String?, attendees: [CalendarAttendee] = []) -> CalendarEvent {
        var event = CalendarEvent(
            uid: "\(meeting.key)@convene", summary: meeting.name, startsAt: meeting.startsAt,
            endsAt: meeting.endsAt ?? meeting.startsAt.addingTimeInterval(3600))
        event.location = [meeting.place, meeting.format == .online ? "Online" : nil].compactMap { $0 }.first
        event.status = meeting.status == .cancelled ? .cancelled : (meeting.status == .draft ? .tentative : .confirmed)
        event.onlineMeetingURL = meeting.onlineURL
        event.url = url
        event.attendees = attendees
        return event
    }

    /// The place a LOCATION names, without the online platforms calendar programs write there ("Microsoft Teams
    /// Meeting", "Zoom", "Google Meet"): Outlook writes "Microsoft Teams Meeting; Room 3" for a hybrid meeting, and
    /// the platform alone for one that is online only. The place is nil when nothing else is left; `platform` says
    /// whether the location named one.
    static func place(_ location: String) -> (place: String?, platform: Bool) {
        let parts = location.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        let places = parts.filter { !onlinePlatforms.contains($0.lowercased()) }
        return (places.isEmpty ? nil : places.joined(separator: "; "), places.count < parts.count)
    }

    static let onlinePlatforms: Set<String> = [
        "microsoft teams meeting", "microsoft teams", "teams meeting", "teams", "zoom", "zoom meeting", "google meet",
        "webex", "cisco webex", "skype meeting", "online", "online meeting", "virtual", "virtual meeting"
    ]

    /// A short, stable fingerprint of an event key (FNV-1a, 32 bits, as 8 hex digits): the same text gives the same
    /// digits on every machine and every run.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return String(format: "%08x", hash)
    }
}
