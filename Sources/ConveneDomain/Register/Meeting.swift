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

    public init(key: String, partnershipKey: String, name: String, startsAt: Date, endsAt: Date? = nil,
                status: MeetingStatus = .scheduled, attendance: [Attendance] = []) {
        self.key = key
        self.partnershipKey = partnershipKey
        self.name = name
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.status = status
        self.attendance = attendance
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(name, "name", "the meeting's name")
        if let endsAt { check.require(endsAt >= startsAt, "ends_at", "The meeting must end after it starts") }
        var seen: Set<String> = []
        for person in attendance.map(\.personKey) where !seen.insert(person).inserted {
            check.require(false, "attendance", "'\(person)' is listed more than once")
        }
        return check.errors
    }
}

public struct Attendance: Hashable, Codable, Sendable {
    public var personKey: String
    public var status: AttendanceStatus
    /// For a substitute: the member they stood in for.
    public var substituteForKey: String?

    public init(personKey: String, status: AttendanceStatus = .present, substituteForKey: String? = nil) {
        self.personKey = personKey
        self.status = status
        self.substituteForKey = substituteForKey
    }
}
