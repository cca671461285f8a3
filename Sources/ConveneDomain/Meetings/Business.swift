import Foundation

// The business of a board: agendas, attendance and quorum, minutes, decisions and actions.
// These are the rules; the server stores the records and shows them.

/// Why an item is on the agenda.
public enum AgendaItemKind: String, Vocabulary {
    case decision = "for-decision"
    case discussion = "for-discussion"
    case information = "for-information"

    public var label: String {
        switch self {
        case .decision: "For decision"
        case .discussion: "For discussion"
        case .information: "For information"
        }
    }
}

/// How people meet.
public enum MeetingFormat: String, Vocabulary {
    case inPerson = "in-person"
    case online
    case hybrid

    public var label: String {
        switch self {
        case .inPerson: "In person"
        case .online: "Online"
        case .hybrid: "Hybrid (in person and online)"
        }
    }
}

/// The themes agenda items are tagged with: a workspace can add its own; these are where every workspace starts.
public enum Themes {
    public static let seeded = [
        "drugs", "serious violence", "VAWG", "anti-social behaviour", "reoffending", "victims",
        "exploitation and county lines", "mental health", "housing", "young people", "road safety"
    ]
}

/// One item on a meeting's agenda, or, with no meeting, a proposed item in the backlog for a future one.
public struct AgendaItem: Hashable, Codable, Sendable {
    public var key: String
    public var partnershipKey: String
    /// Nil while the item waits in the backlog.
    public var meetingKey: String?
    /// Order on the agenda, from 1.
    public var position: Int
    public var title: String
    public var kind: AgendaItemKind
    public var durationMinutes: Int?
    public var presenterKey: String?
    public var themes: [String]

    public init(
        key: String, partnershipKey: String, meetingKey: String? = nil, position: Int = 1, title: String,
        kind: AgendaItemKind = .discussion, durationMinutes: Int? = nil, presenterKey: String? = nil,
        themes: [String] = []
    ) {
        self.key = key
        self.partnershipKey = partnershipKey
        self.meetingKey = meetingKey
        self.position = position
        self.title = title
        self.kind = kind
        self.durationMinutes = durationMinutes
        self.presenterKey = presenterKey
        self.themes = themes
    }

    public var isInBacklog: Bool { meetingKey == nil }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(title, "title", "the item's title")
        check.require(position >= 1, "position", "The position must be 1 or more")
        if let durationMinutes {
            check.require(
                (1...600).contains(durationMinutes), "duration_minutes",
                "The duration must be between 1 and 600 minutes")
        }
        return check.errors
    }
}

public enum Agenda {
    /// The minutes the items are planned to take (items without a duration count as nothing).
    public static func plannedMinutes(_ items: [AgendaItem]) -> Int {
        items.compactMap(\.durationMinutes).reduce(0, +)
    }

    /// By how many minutes the items overrun the meeting, or nil when they fit (or the meeting has no length).
    public static func overrun(_ items: [AgendaItem], meetingMinutes: Int?) -> Int? {
        guard let meetingMinutes else { return nil }
        let over = plannedMinutes(items) - meetingMinutes
        return over > 0 ? over : nil
    }

    /// The items in agenda order, numbered from 1 without gaps.
    public static func renumbered(_ items: [AgendaItem]) -> [AgendaItem] {
        items.sorted { ($0.position, $0.key) < ($1.position, $1.key) }.enumerated().map { index, item in
            var item = item
            item.position = index + 1
            return item
        }
    }
}

// MARK: Attendance and quorum

/// Who counts towards a meeting's quorum, and whether it was met.
public struct QuorumCheck: Hashable, Sendable {
    /// The terms of reference's quorum, or nil when none is recorded.
    public var required: Int?
    /// The members who count: present in person or online, or represented by a substitute.
    public var counted: [String]
    public var isMet: Bool? { required.map { counted.count >= $0 } }
}

public enum Quorum {
    /// Counts the members present (in person or online) and the members a substitute stood in for, once each.
    /// People who are not members (officers in attendance, guests) do not count, nor does a substitute for a non-member.
    public static func check(required: Int?, members: Set<String>, attendance: [Attendance]) -> QuorumCheck {
        var counted: Set<String> = []
        for a in attendance {
            switch a.status {
            case .present, .presentOnline:
                if members.contains(a.personKey) { counted.insert(a.personKey) }
            case .substitute:
                if let member = a.substituteForKey, members.contains(member) { counted.insert(member) }
            case .apologies, .absent:
                break
            }
        }
        return QuorumCheck(required: required, counted: counted.sorted())
    }

    /// Problems with an attendance register that a form should refuse: a substitute who stands in for nobody,
    /// or for someone who is not a member, or for a member who is also marked present.
    public static func problems(members: Set<String>, attendance: [Attendance]) -> [FieldError] {
        var errors: [FieldError] = []
        let present = Set(attendance.filter { $0.status == .present || $0.status == .presentOnline }.map(\.personKey))
        for a in attendance where a.status == .substitute {
            guard let member = a.substituteForKey else {
                errors.append(FieldError("attendance", "Say whom '\(a.personKey)' attended in place of"))
                continue
            }
            if !members.contains(member) {
                errors.append(
                    FieldError(
                        "attendance", "'\(a.personKey)' is listed as a substitute for '\(member)', who is not a member")
                )
            } else if present.contains(member) {
                errors.append(FieldError("attendance", "'\(member)' is marked present and also has a substitute"))
            }
        }
        return errors
    }
}

// MARK: Minutes and decisions

public enum MinutesState: String, Vocabulary {
    case draft, approved, locked

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .approved: "Approved"
        case .locked: "Locked"
        }
    }
}

/// A dated correction to minutes that can no longer be changed.
public struct Addendum: Hashable, Codable, Sendable {
    public var on: Day
    public var text: String

    public init(on: Day, text: String) {
        self.on = on
        self.text = text
    }
}

/// A meeting's minutes: written as a draft, approved (normally at the next meeting), then locked. Locked minutes
/// never change; a correction is an addendum, dated.
public struct Minutes: Hashable, Codable, Sendable {
    public var meetingKey: String
    public var text: String
    public var state: MinutesState
    public var approvedOn: Day?
    /// The meeting at which they were approved.
    public var approvedAtMeetingKey: String?
    public var addenda: [Addendum]

    public init(
        meetingKey: String, text: String = "", state: MinutesState = .draft, approvedOn: Day? = nil,
        approvedAtMeetingKey: String? = nil, addenda: [Addendum] = []
    ) {
        self.meetingKey = meetingKey
        self.text = text
        self.state = state
        self.approvedOn = approvedOn
        self.approvedAtMeetingKey = approvedAtMeetingKey
        self.addenda = addenda
    }

    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        case notADraft(MinutesState)
        case notApproved
        case notLocked
        case empty
        case nothingToApprove
        case approvedBeforeTheMeeting

        public var description: String {
            switch self {
            case .notADraft(let state):
                "The minutes are \(state.label.lowercased()); only a draft can be changed or approved"
            case .notApproved: "Only approved minutes can be locked"
            case .notLocked: "An addendum corrects locked minutes; these can still be changed"
            case .empty: "Write the addendum's text"
            case .nothingToApprove: "Write the minutes before they are approved"
            case .approvedBeforeTheMeeting: "Minutes are approved at the meeting itself or a later one"
            }
        }

        /// The field a form or the API names for it.
        public var field: String { self == .approvedBeforeTheMeeting ? "at_meeting" : "minutes" }
    }

    public var isEditable: Bool { state == .draft }

    public mutating func edit(_ text: String) throws(Refusal) {
        guard state == .draft else { throw .notADraft(state) }
        self.text = text
    }

    /// Approves a draft that says something, at the meeting itself or a later one (`approving` is when the approving
    /// meeting starts, `held` when this one did).
    public mutating func approve(
        on day: Day, atMeeting meetingKey: String?, approving: Date? = nil, held: Date? = nil
    ) throws(Refusal) {
        guard state == .draft else { throw .notADraft(state) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .nothingToApprove }
        if let approving, let held, approving < held { throw .approvedBeforeTheMeeting }
        state = .approved
        approvedOn = day
        approvedAtMeetingKey = meetingKey
    }

    public mutating func lock() throws(Refusal) {
        guard state == .approved else { throw .notApproved }
        state = .locked
    }

    public mutating func addAddendum(_ text: String, on day: Day) throws(Refusal) {
        guard state == .locked else { throw .notLocked }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .empty }
        addenda.append(Addendum(on: day, text: text))
    }
}

/// What a board decided on an item, and why.
public struct Decision: Hashable, Codable, Sendable {
    public var itemKey: String
    public var decision: String
    public var rationale: String?

    public init(itemKey: String, decision: String, rationale: String? = nil) {
        self.itemKey = itemKey
        self.decision = decision
        self.rationale = rationale
    }
}

// MARK: Actions

public enum ActionStatus: String, Vocabulary {
    case open
    case inProgress = "in-progress"
    case done
    case dropped

    public var label: String {
        switch self {
        case .open: "Open"
        case .inProgress: "In progress"
        case .done: "Done"
        case .dropped: "Dropped"
        }
    }

    /// Still to be done: carried forward as a matter arising, and overdue once past its date.
    public var isOutstanding: Bool { self == .open || self == .inProgress }
}

public struct ActionUpdate: Hashable, Codable, Sendable {
    public var on: Day
    public var text: String
    public var status: ActionStatus?

    public init(on: Day, text: String, status: ActionStatus? = nil) {
        self.on = on
        self.text = text
        self.status = status
    }
}

/// An action arising from an agenda item, owned by a person or an organisation.
public struct ActionItem: Hashable, Codable, Sendable {
    public var key: String
    public var partnershipKey: String
    /// The meeting and item it arose from.
    public var meetingKey: String?
    public var itemKey: String?
    public var title: String
    public var ownerPersonKey: String?
    public var ownerOrganisationKey: String?
    public var raisedOn: Day
    public var dueOn: Day?
    public var status: ActionStatus
    public var updates: [ActionUpdate]

    public init(
        key: String, partnershipKey: String, meetingKey: String? = nil, itemKey: String? = nil, title: String,
        ownerPersonKey: String? = nil, ownerOrganisationKey: String? = nil, raisedOn: Day, dueOn: Day? = nil,
        status: ActionStatus = .open, updates: [ActionUpdate] = []
    ) {
        self.key = key
        self.partnershipKey = partnershipKey
        self.meetingKey = meetingKey
        self.itemKey = itemKey
        self.title = title
        self.ownerPersonKey = ownerPersonKey
        self.ownerOrganisationKey = ownerOrganisationKey
        self.raisedOn = raisedOn
        self.dueOn = dueOn
        self.status = status
        self.updates = updates
    }

    /// Overdue is worked out, never stored: outstanding with its due date passed.
    public func isOverdue(on today: Day) -> Bool {
        guard status.isOutstanding, let dueOn else { return false }
        return dueOn < today
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(title, "title", "what the action is")
        check.require(
            ownerPersonKey != nil || ownerOrganisationKey != nil, "owner",
            "Say who owns the action: a person or an organisation")
        check.require(
            ownerPersonKey == nil || ownerOrganisationKey == nil, "owner",
            "An action has one owner: a person or an organisation, not both")
        if let dueOn {
            check.require(dueOn >= raisedOn, "due_on", "The due date must be on or after the day the action was raised")
        }
        return check.errors
    }

    /// Records an update, and with it a change of status if it names one.
    public mutating func update(_ text: String, on day: Day, status: ActionStatus? = nil) {
        updates.append(ActionUpdate(on: day, text: text, status: status))
        if let status { self.status = status }
    }
}

public enum MattersArising {
    /// The actions a meeting should review: the partnership's outstanding actions raised before the meeting's day,
    /// oldest due first. They appear on its agenda without anyone copying them there.
    public static func forMeeting(of partnershipKey: String, on day: Day, actions: [ActionItem]) -> [ActionItem] {
        actions.filter { $0.partnershipKey == partnershipKey && $0.status.isOutstanding && $0.raisedOn < day }
            .sorted { ($0.dueOn ?? .noDate, $0.raisedOn, $0.key) < ($1.dueOn ?? .noDate, $1.raisedOn, $1.key) }
    }
}

private extension Day {
    /// Sorts after every real date.
    static let noDate = Day(year: 9999, month: 12, day: 31)!
}

// MARK: Themes

/// The themes a workspace tags agenda items with (the same discussion in different meetings is found by them).
public enum Theme {
    /// A theme's name: up to 60 characters, without the semicolons that separate themes in files.
    public static func nameErrors(_ name: String) -> [FieldError] {
        guard !name.isEmpty, name.count <= 60, !name.contains(";") else {
            return [FieldError("name", "Enter a theme of up to 60 characters, without semicolons")]
        }
        return []
    }

    /// A new theme may not be a current one written another way.
    public static func clash(_ name: String, with current: [String]) -> FieldError? {
        current.contains { $0.lowercased() == name.lowercased() }
            ? FieldError("name", "'\(name)' is already a theme") : nil
    }
}
