import Foundation

/// A partnership's meeting, as far as the register needs one: enough to carry Popolo events and their attendees.
/// Agendas, minutes and actions belong to the meetings capability.
public struct Meeting: Hashable, Codable, Sendable {
    public var key: String
    public var partnershipKey: String
    public var name: String
    /// Start and end instants, stored in UTC.
    public var startsAt: Date
    public var endsAt: Date?
    public var status: MeetingStatus
    public var attendance: [Attendance]
    public var format: MeetingFormat?
    /// Where people meet in person.
    public var place: String?
    /// The link online attendees join by.
    public var onlineURL: String?
    /// The other partnerships of a joint meeting; `partnershipKey` is the one that holds it.
    public var jointWith: [String]
    /// The series it belongs to, when scheduled as one.
    public var seriesKey: String?
    /// The calendar event it was imported from (`UID`, or `UID/20240315T100000Z` for one occurrence).
    public var calendarKey: String?
    /// The id a Popolo file gave the record, when it is not the key (`ocd-person/1`, `Q42`); exports write it back.
    public var popoloID: String?

    public init(
        key: String, partnershipKey: String, name: String, startsAt: Date, endsAt: Date? = nil,
        status: MeetingStatus = .scheduled, attendance: [Attendance] = [], format: MeetingFormat? = nil,
        place: String? = nil, onlineURL: String? = nil, jointWith: [String] = [], seriesKey: String? = nil,
        calendarKey: String? = nil, popoloID: String? = nil
    ) {
        self.popoloID = popoloID
        self.key = key
        self.partnershipKey = partnershipKey
        self.name = name
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.status = status
        self.attendance = attendance
        self.format = format
        self.place = place
        self.onlineURL = onlineURL
        self.jointWith = jointWith
        self.seriesKey = seriesKey
        self.calendarKey = calendarKey
    }

    /// Every partnership whose meeting this is.
    public var partnershipKeys: [String] { [partnershipKey] + jointWith.filter { $0 != partnershipKey } }

    /// Its length in minutes, when it has an end.
    public var durationMinutes: Int? { endsAt.map { Int($0.timeIntervalSince(startsAt) / 60) } }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(name, "name", "the meeting's name")
        if let endsAt { check.require(endsAt >= startsAt, "ends_at", "The meeting must end after it starts") }
        if let onlineURL {
            check.require(
                onlineURL.hasPrefix("https://") || onlineURL.hasPrefix("http://"), "online_url",
                "The joining link must start with https://")
        }
        for other in jointWith { check.requireKey(other, "joint_with") }
        var seen: Set<String> = []
        for person in attendance.map(\.personKey) where !seen.insert(person).inserted {
            check.require(false, "attendance", "'\(person)' is listed more than once")
        }
        return check.errors
    }
}

extension Meeting {
    /// The meeting as a register file (Popolo) states it: key, host, name, times, status, and who attended and for
    /// whom, in key order. Format, place, link, joint partners, series, calendar event and the minutes people spent
    /// are Convene's own and not in the file.
    public var interchanged: Meeting {
        Meeting(
            key: key, partnershipKey: partnershipKey, name: name, startsAt: startsAt, endsAt: endsAt, status: status,
            attendance: attendance.map {
                Attendance(personKey: $0.personKey, status: $0.status, substituteForKey: $0.substituteForKey)
            }.sorted { $0.personKey < $1.personKey }, popoloID: popoloID)
    }

    /// This meeting after a register file that states `file` is imported: what the file says replaces what it can
    /// say; the rest stays as recorded, and so do the minutes each attendee spent where the file lists them again.
    public func updated(from file: Meeting) -> Meeting {
        let spent = Dictionary(attendance.map { ($0.personKey, $0) }, uniquingKeysWith: { a, _ in a })
        var after = self
        after.partnershipKey = file.partnershipKey
        after.name = file.name
        after.startsAt = file.startsAt
        after.endsAt = file.endsAt
        after.status = file.status
        after.popoloID = file.popoloID ?? popoloID
        after.attendance = file.attendance.map { stated in
            var a = stated
            let before = spent[a.personKey]
            a.preparationMinutes = a.preparationMinutes ?? before?.preparationMinutes
            a.travelMinutes = a.travelMinutes ?? before?.travelMinutes
            a.attendedMinutes = a.attendedMinutes ?? before?.attendedMinutes
            return a
        }
        return after
    }
}

public struct Attendance: Hashable, Codable, Sendable {
    public var personKey: String
    public var status: AttendanceStatus
    /// For a substitute: the member they stood in for.
    public var substituteForKey: String?
    /// Time spent reading papers and travelling, which the cost of a meeting counts.
    public var preparationMinutes: Int?
    public var travelMinutes: Int?
    /// For someone there for part of the meeting only: the minutes they were there.
    public var attendedMinutes: Int?

    public init(
        personKey: String, status: AttendanceStatus = .present, substituteForKey: String? = nil,
        preparationMinutes: Int? = nil, travelMinutes: Int? = nil, attendedMinutes: Int? = nil
    ) {
        self.personKey = personKey
        self.status = status
        self.substituteForKey = substituteForKey
        self.preparationMinutes = preparationMinutes
        self.travelMinutes = travelMinutes
        self.attendedMinutes = attendedMinutes
    }

    /// Whether the person was there, in the room or online (a substitute is there in someone's place).
    public var attended: Bool { status == .present || status == .presentOnline || status == .substitute }
}
