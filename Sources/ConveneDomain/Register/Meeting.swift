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

    /// How long a meeting may last, in minutes.
    public static let allowedMinutes = 5...1440

    /// The rules of every meeting, whoever writes it (a form, the API, a calendar or register file, the demo): its
    /// key and name, an end after its start, a joining link that is a web address, its joint partners and its
    /// attendees.
    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(name, "name", "the meeting's name")
        if let endsAt { check.require(endsAt >= startsAt, "ends_at", "The meeting must end after it starts") }
        check.add(Self.linkErrors(onlineURL))
        for other in jointWith { check.requireKey(other, "joint_with") }
        var seen: Set<String> = []
        for person in attendance.map(\.personKey) where !seen.insert(person).inserted {
            check.require(false, "attendance", "'\(person)' is listed more than once")
        }
        for a in attendance {
            for (minutes, what) in [
                (a.preparationMinutes, "preparation"), (a.travelMinutes, "travel"), (a.attendedMinutes, "attended")
            ] {
                if let minutes {
                    check.require(
                        (0...1440).contains(minutes), "attendance",
                        "The \(what) time of '\(a.personKey)' must be between 0 and 1,440 minutes")
                }
            }
        }
        return check.errors
    }
}

extension Meeting {
    /// The rules of a meeting a secretariat schedules (the meeting forms and the API, one meeting or a series):
    /// those of every meeting, a length of 5 to 1,440 minutes, and where and how people meet. A file from another
    /// system (a calendar, a register file) is kept as it was written: a holiday feed's all-day markers, a week-long
    /// conference, a "Microsoft Teams Meeting" whose link the client left out.
    public func validateAsScheduled() -> [FieldError] {
        var errors = validate()
        if let minutes = durationMinutes, minutes >= 0, !Self.allowedMinutes.contains(minutes) {
            errors.append(FieldError("ends_at", "A meeting lasts between 5 and 1,440 minutes"))
        }
        return errors + Self.presenceErrors(format: format, place: place, onlineURL: onlineURL)
    }

    /// Where and how a series' meetings meet, by the same rules as one meeting's (`validateAsScheduled`).
    public static func venueErrors(format: MeetingFormat?, place: String?, onlineURL: String?) -> [FieldError] {
        linkErrors(onlineURL) + presenceErrors(format: format, place: place, onlineURL: onlineURL)
    }

    /// A joining link is a web address.
    private static func linkErrors(_ onlineURL: String?) -> [FieldError] {
        guard let onlineURL, !(onlineURL.hasPrefix("https://") || onlineURL.hasPrefix("http://")) else { return [] }
        return [FieldError("online_url", "The joining link must start with https://")]
    }

    /// A place to meet in person, a link to join online, both for a hybrid meeting; a meeting that does not say how
    /// it meets (as register files do not) needs neither.
    private static func presenceErrors(format: MeetingFormat?, place: String?, onlineURL: String?) -> [FieldError] {
        var check = Checker()
        if let format, format != .online {
            check.require(place != nil, "place", "Say where people meet in person")
        }
        if let format, format != .inPerson {
            check.require(onlineURL != nil, "online_url", "Give the link people join online by")
        }
        return check.errors
    }

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
