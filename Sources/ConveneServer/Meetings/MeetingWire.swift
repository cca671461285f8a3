import ConveneDomain
import Foundation

// The wire types of a board's business in the API: every response made from the domain's value in one place, every
// request body typed. `APIWireTests` holds each one to the OpenAPI document, and `scripts/check-api-schemas` the
// JSON the API gives to the schemas.

// MARK: Responses

/// One person's line of an attendance register (a request's element too).
struct AttendanceWire: Codable, Sendable, WireType {
    var personKey: String
    var status: AttendanceStatus
    var substituteForKey: String?
    var preparationMinutes: Int?
    var travelMinutes: Int?
    var attendedMinutes: Int?

    enum CodingKeys: CodingKey, CaseIterable {
        case personKey, status, substituteForKey, preparationMinutes, travelMinutes, attendedMinutes
    }

    init(_ a: Attendance) {
        personKey = a.personKey
        status = a.status
        substituteForKey = a.substituteForKey
        preparationMinutes = a.preparationMinutes
        travelMinutes = a.travelMinutes
        attendedMinutes = a.attendedMinutes
    }

    var value: Attendance {
        Attendance(
            personKey: personKey, status: status, substituteForKey: substituteForKey,
            preparationMinutes: preparationMinutes, travelMinutes: travelMinutes, attendedMinutes: attendedMinutes)
    }
}

/// A meeting as the API gives it.
struct MeetingResponse: Encodable, Sendable, WireType {
    var key: String
    var partnershipKey: String
    var name: String
    var startsAt: Date
    var endsAt: Date?
    var status: MeetingStatus
    var format: MeetingFormat?
    var place: String?
    var onlineUrl: String?
    var jointWith: [String]
    var seriesKey: String?
    var calendarKey: String?
    var attendance: [AttendanceWire]

    enum CodingKeys: CodingKey, CaseIterable {
        case key, partnershipKey, name, startsAt, endsAt, status, format, place, onlineUrl, jointWith, seriesKey
        case calendarKey, attendance
    }

    init(_ m: Meeting) {
        key = m.key
        partnershipKey = m.partnershipKey
        name = m.name
        startsAt = m.startsAt
        endsAt = m.endsAt
        status = m.status
        format = m.format
        place = m.place
        onlineUrl = m.onlineURL
        jointWith = m.jointWith
        seriesKey = m.seriesKey
        calendarKey = m.calendarKey
        attendance = m.attendance.map(AttendanceWire.init)
    }
}

/// An agenda item as the API gives it.
struct AgendaItemResponse: Encodable, Sendable, WireType {
    var key: String
    var partnershipKey: String
    var meetingKey: String?
    var position: Int
    var title: String
    var kind: AgendaItemKind
    var durationMinutes: Int?
    var presenterKey: String?
    var themes: [String]

    enum CodingKeys: CodingKey, CaseIterable {
        case key, partnershipKey, meetingKey, position, title, kind, durationMinutes, presenterKey, themes
    }

    init(_ i: AgendaItem) {
        key = i.key
        partnershipKey = i.partnershipKey
        meetingKey = i.meetingKey
        position = i.position
        title = i.title
        kind = i.kind
        durationMinutes = i.durationMinutes
        presenterKey = i.presenterKey
        themes = i.themes
    }
}

/// What a board decided on an item, and why.
struct DecisionResponse: Encodable, Sendable, WireType {
    var decision: String
    var rationale: String?

    enum CodingKeys: CodingKey, CaseIterable { case decision, rationale }

    init(_ d: Decision) {
        decision = d.decision
        rationale = d.rationale
    }
}

/// A dated addendum to locked minutes.
struct AddendumWire: Encodable, Sendable, WireType {
    var on: Day
    var text: String

    enum CodingKeys: CodingKey, CaseIterable { case on, text }
}

/// A dated update to an action, with the status it set, if any.
struct ActionUpdateWire: Encodable, Sendable, WireType {
    var on: Day
    var text: String
    var status: ActionStatus?

    enum CodingKeys: CodingKey, CaseIterable { case on, text, status }
}

/// A meeting's minutes as the API gives them.
struct MinutesResponse: Encodable, Sendable, WireType {
    var meetingKey: String
    var text: String
    var state: MinutesState
    var approvedOn: Day?
    var approvedAtMeetingKey: String?
    var addenda: [AddendumWire]

    enum CodingKeys: CodingKey, CaseIterable {
        case meetingKey, text, state, approvedOn, approvedAtMeetingKey, addenda
    }

    init(_ m: Minutes) {
        meetingKey = m.meetingKey
        text = m.text
        state = m.state
        approvedOn = m.approvedOn
        approvedAtMeetingKey = m.approvedAtMeetingKey
        addenda = m.addenda.map { AddendumWire(on: $0.on, text: $0.text) }
    }
}

/// An action as the API gives it, with its dated updates.
struct ActionResponse: Encodable, Sendable, WireType {
    var key: String
    var partnershipKey: String
    var meetingKey: String?
    var itemKey: String?
    var title: String
    var ownerPersonKey: String?
    var ownerOrganisationKey: String?
    var raisedOn: Day
    var dueOn: Day?
    var status: ActionStatus
    var updates: [ActionUpdateWire]

    enum CodingKeys: CodingKey, CaseIterable {
        case key, partnershipKey, meetingKey, itemKey, title, ownerPersonKey, ownerOrganisationKey, raisedOn, dueOn
        case status, updates
    }

    init(_ a: ActionItem) {
        key = a.key
        partnershipKey = a.partnershipKey
        meetingKey = a.meetingKey
        itemKey = a.itemKey
        title = a.title
        ownerPersonKey = a.ownerPersonKey
        ownerOrganisationKey = a.ownerOrganisationKey
        raisedOn = a.raisedOn
        dueOn = a.dueOn
        status = a.status
        updates = a.updates.map { ActionUpdateWire(on: $0.on, text: $0.text, status: $0.status) }
    }
}

/// One meeting with everything on it: agenda, attendance, quorum, minutes and actions.
struct MeetingDetailResponse: Encodable, Sendable, WireType {
    struct Entry: Encodable, Sendable {
        var item: AgendaItemResponse
        var decision: DecisionResponse?
        var papers: [String]
    }

    var meeting: MeetingResponse
    var agenda: [Entry]
    var plannedMinutes: Int
    var overrunMinutes: Int?
    var attendance: [AttendanceWire]
    var members: [String]
    var quorum: Int?
    var quorumCounted: [String]
    var quorate: Bool?
    var minutes: MinutesResponse?
    var actions: [ActionResponse]
    var mattersArising: [ActionResponse]

    enum CodingKeys: CodingKey, CaseIterable {
        case meeting, agenda, plannedMinutes, overrunMinutes, attendance, members, quorum, quorumCounted, quorate
        case minutes, actions, mattersArising
    }

    init(_ d: MeetingStore.Detail) {
        var meeting = d.meeting
        meeting.attendance = (d.members + d.others).compactMap(\.attendance).sorted { $0.personKey < $1.personKey }
        self.meeting = MeetingResponse(meeting)
        agenda = d.items.map {
            Entry(
                item: AgendaItemResponse($0.item), decision: $0.decision.map(DecisionResponse.init),
                papers: $0.papers.map(\.key))
        }
        plannedMinutes = d.plannedMinutes
        overrunMinutes = d.overrun
        attendance = meeting.attendance.map(AttendanceWire.init)
        members = d.members.map(\.person.key)
        quorum = d.quorum.required
        quorumCounted = d.quorum.counted
        quorate = d.quorum.isMet
        minutes = d.minutes.map(MinutesResponse.init)
        actions = d.arising.map(ActionResponse.init)
        mattersArising = d.mattersArising.map(ActionResponse.init)
    }
}

/// A series as scheduled, and how many meetings it made.
struct SeriesScheduledResponse: Encodable, Sendable, WireType {
    struct Series: Encodable, Sendable {
        var key: String
        var partnershipKey: String
        var name: String
        var firstDay: Day
        var startMinute: Int
        var durationMinutes: Int
        var timeZone: String
        var rule: String
        var skippedDays: [Day]
    }

    var series: Series
    var meetingsCreated: Int

    enum CodingKeys: CodingKey, CaseIterable { case series, meetingsCreated }

    init(_ s: MeetingSeries, meetingsCreated: Int) {
        series = Series(
            key: s.key, partnershipKey: s.partnershipKey, name: s.name, firstDay: s.firstDay,
            startMinute: s.startMinute, durationMinutes: s.durationMinutes, timeZone: s.timeZone, rule: s.rule,
            skippedDays: s.skippedDays)
        self.meetingsCreated = meetingsCreated
    }
}

/// What a calendar import changed: meetings made and changed (by key), events unchanged and skipped, and what was
/// read by a guess.
struct CalendarImportResponse: Encodable, Sendable, WireType {
    var created: [String]
    var updated: [String]
    var unchanged: Int
    var skipped: Int
    var warnings: [CalendarImportWarning]

    enum CodingKeys: CodingKey, CaseIterable { case created, updated, unchanged, skipped, warnings }
}

/// One warning of a calendar import: where in the file (`line 12`), the property, and what was done.
struct CalendarImportWarning: Encodable, Sendable, WireType {
    var location: String
    var field: String?
    var message: String

    enum CodingKeys: CodingKey, CaseIterable { case location, field, message }

    init(_ issue: ImportIssue) {
        location = issue.location
        field = issue.field
        message = issue.message
    }
}

/// The caller's meetings: the person they are, meetings to come, and a page of those attended.
struct MyMeetingsResponse: Encodable, Sendable, WireType {
    var person: String?
    var upcoming: [MeetingResponse]
    var attended: Page<MeetingResponse>

    enum CodingKeys: CodingKey, CaseIterable { case person, upcoming, attended }
}

// MARK: Requests

/// The body that schedules one meeting; with no key, one is made from the partnership and the day.
struct NewMeeting: Decodable, WireType {
    var key: String?
    var name: String
    var startsAt: Date
    var endsAt: Date?
    var status: MeetingStatus?
    var format: MeetingFormat?
    var place: String?
    var onlineUrl: String?
    var jointWith: [String]?

    enum CodingKeys: CodingKey, CaseIterable {
        case key, name, startsAt, endsAt, status, format, place, onlineUrl, jointWith
    }
}

/// The body that schedules a series.
struct NewSeries: Decodable, WireType {
    var key: String?
    var name: String
    var firstDay: Day
    var startMinute: Int
    var durationMinutes: Int
    var timeZone: String?
    var rule: String
    var skippedDays: [Day]?
    var format: MeetingFormat?
    var place: String?
    var onlineUrl: String?

    enum CodingKeys: CodingKey, CaseIterable {
        case key, name, firstDay, startMinute, durationMinutes, timeZone, rule, skippedDays, format, place, onlineUrl
    }
}

/// The whole attendance register, replacing the recorded one.
struct RecordAttendanceRequest: Decodable, WireType {
    var attendance: [AttendanceWire]

    enum CodingKeys: CodingKey, CaseIterable { case attendance }
}

/// An item to add at the end of an agenda.
struct NewAgendaItem: Decodable, WireType {
    var title: String
    var kind: AgendaItemKind?
    var durationMinutes: Int?
    var presenterKey: String?
    var themes: [String]?

    enum CodingKeys: CodingKey, CaseIterable { case title, kind, durationMinutes, presenterKey, themes }
}

/// Draft minutes' text, or an addendum's.
struct MinutesTextRequest: Decodable, WireType {
    var text: String

    enum CodingKeys: CodingKey, CaseIterable { case text }
}

/// Approving minutes, at a meeting (normally the next).
struct ApproveMinutesRequest: Decodable, WireType {
    var atMeeting: String?

    enum CodingKeys: CodingKey, CaseIterable { case atMeeting }
}

/// An action to add.
struct NewAction: Decodable, WireType {
    var title: String
    var ownerPersonKey: String?
    var ownerOrganisationKey: String?
    var dueOn: Day?
    var meetingKey: String?
    var itemKey: String?

    enum CodingKeys: CodingKey, CaseIterable {
        case title, ownerPersonKey, ownerOrganisationKey, dueOn, meetingKey, itemKey
    }
}

/// A dated update to an action, and perhaps a new status.
struct ActionUpdateRequest: Decodable, WireType {
    var text: String?
    var status: ActionStatus?

    enum CodingKeys: CodingKey, CaseIterable { case text, status }
}
