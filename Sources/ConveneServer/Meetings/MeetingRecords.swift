import ConveneDomain
import Fluent
import Foundation
import SQLKit

final class MeetingRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @Field(key: "starts_at") var startsAt: Date
    @OptionalField(key: "ends_at") var endsAt: Date?
    @Field(key: "status") var status: String
    @OptionalField(key: "format") var format: String?
    @OptionalField(key: "place") var place: String?
    @OptionalField(key: "online_url") var onlineURL: String?
    @OptionalParent(key: "series_id") var series: MeetingSeriesRecord?
    /// The calendar event it was imported from: importing the same file again finds it by this.
    @OptionalField(key: "calendar_key") var calendarKey: String?
    /// The id a Popolo file gave the meeting, when it is not its key.
    @OptionalField(key: "popolo_id") var popoloID: String?

    static var workspacePath: KeyPath<MeetingRecord, ParentProperty<MeetingRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

final class AttendanceRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "attendances"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "meeting_id") var meeting: MeetingRecord
    @Parent(key: "person_id") var person: PersonRecord
    @OptionalParent(key: "substitute_for_id") var substituteFor: PersonRecord?
    @Field(key: "status") var status: String
    @OptionalField(key: "preparation_minutes") var preparationMinutes: Int?
    @OptionalField(key: "travel_minutes") var travelMinutes: Int?
    @OptionalField(key: "attended_minutes") var attendedMinutes: Int?

    static var workspacePath: KeyPath<AttendanceRecord, ParentProperty<AttendanceRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

extension MeetingRecord {
    /// The stored meeting as a domain value: the one mapping. The host's key, the attendance, the joint partners and
    /// the series are other rows, so whoever has read them passes them in.
    func domain(
        partnershipKey: String, attendance: [Attendance] = [], jointWith: [String] = [], seriesKey: String? = nil
    ) -> Meeting {
        Meeting(
            key: key, partnershipKey: partnershipKey, name: name, startsAt: startsAt, endsAt: endsAt,
            status: MeetingStatus(rawValue: status) ?? .scheduled, attendance: attendance,
            format: format.flatMap(MeetingFormat.init(rawValue:)), place: place, onlineURL: onlineURL,
            jointWith: jointWith, seriesKey: seriesKey, calendarKey: calendarKey, popoloID: popoloID)
    }

    /// A meeting's own fields onto its record; its series, joint partnerships and attendance are other rows.
    func fill(_ meeting: Meeting, partnershipID: UUID) {
        key = meeting.key
        $partnership.id = partnershipID
        name = meeting.name
        startsAt = meeting.startsAt
        endsAt = meeting.endsAt
        status = meeting.status.rawValue
        format = meeting.format?.rawValue
        place = meeting.place
        onlineURL = meeting.onlineURL
        calendarKey = meeting.calendarKey
        // Only a register file states a Popolo id; other writes leave the stored one.
        if let id = meeting.popoloID { popoloID = id }
    }
}

extension AttendanceRecord {
    /// One row of a meeting's attendance register as a domain value, naming people by key.
    func domain(persons: [UUID: String]) -> Attendance {
        Attendance(
            personKey: persons[$person.id] ?? "", status: AttendanceStatus(rawValue: status) ?? .present,
            substituteForKey: $substituteFor.id.flatMap { persons[$0] }, preparationMinutes: preparationMinutes,
            travelMinutes: travelMinutes, attendedMinutes: attendedMinutes)
    }

    /// A row of a meeting's attendance register, claimed for the scope's workspace.
    static func row(_ a: Attendance, meeting: UUID, persons: [String: UUID], in scope: Scope) -> AttendanceRecord {
        let row = AttendanceRecord()
        scope.claim(row)
        row.$meeting.id = meeting
        row.$person.id = persons[a.personKey]!
        row.$substituteFor.id = a.substituteForKey.flatMap { persons[$0] }
        row.status = a.status.rawValue
        row.preparationMinutes = a.preparationMinutes
        row.travelMinutes = a.travelMinutes
        row.attendedMinutes = a.attendedMinutes
        return row
    }
}

// The business of a board as tables: series, joint meetings, agenda items (with their decisions) and papers,
// minutes and addenda, actions and their updates, the workspace's themes, and calendar feed tokens.

final class MeetingSeriesRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "meeting_series"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @Field(key: "first_day") var firstDay: String
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "duration_minutes") var durationMinutes: Int
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "rule") var rule: String
    @Field(key: "skipped_days") var skippedDays: String

    static var workspacePath: KeyPath<MeetingSeriesRecord, ParentProperty<MeetingSeriesRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// The other partnerships of a joint meeting.
final class JointMeetingRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "joint_meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "meeting_id") var meeting: MeetingRecord
    @Parent(key: "partnership_id") var partnership: PartnershipRecord

    static var workspacePath: KeyPath<JointMeetingRecord, ParentProperty<JointMeetingRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// An agenda item, or with no meeting a proposed item in the partnership's backlog; with the board's decision on it.
final class AgendaItemRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "agenda_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @OptionalParent(key: "meeting_id") var meeting: MeetingRecord?
    @OptionalParent(key: "presenter_id") var presenter: PersonRecord?
    @Field(key: "key") var key: String
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "duration_minutes") var durationMinutes: Int?
    @Field(key: "themes") var themes: String
    @OptionalField(key: "decision") var decision: String?
    @OptionalField(key: "rationale") var rationale: String?

    static var workspacePath: KeyPath<AgendaItemRecord, ParentProperty<AgendaItemRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// A paper for an item: a link, or a file kept in the database (so every instance serves the same files), its
/// bytes in `paper_contents`.
final class PaperRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "papers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "item_id") var item: AgendaItemRecord
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    @OptionalField(key: "url") var url: String?
    @OptionalField(key: "file_name") var fileName: String?
    @OptionalField(key: "content_type") var contentType: String?
    @OptionalField(key: "size") var size: Int?
    @OptionalField(key: "sha256") var sha256: String?

    static var workspacePath: KeyPath<PaperRecord, ParentProperty<PaperRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

/// A paper's file, apart from its description so that listing papers never reads their bytes.
final class PaperContentRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "paper_contents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "paper_id") var paper: PaperRecord
    @Field(key: "data") var data: Data

    static var workspacePath: KeyPath<PaperContentRecord, ParentProperty<PaperContentRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

final class MinutesRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "minutes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "meeting_id") var meeting: MeetingRecord
    @Field(key: "text") var text: String
    @Field(key: "state") var state: String
    @OptionalField(key: "approved_on") var approvedOn: String?
    @OptionalParent(key: "approved_at_meeting_id") var approvedAt: MeetingRecord?

    static var workspacePath: KeyPath<MinutesRecord, ParentProperty<MinutesRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

final class AddendumRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "minutes_addenda"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "minutes_id") var minutes: MinutesRecord
    @Field(key: "on") var on: String
    @Field(key: "text") var text: String

    static var workspacePath: KeyPath<AddendumRecord, ParentProperty<AddendumRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

final class ActionRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "actions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @OptionalParent(key: "meeting_id") var meeting: MeetingRecord?
    @OptionalParent(key: "item_id") var item: AgendaItemRecord?
    @OptionalParent(key: "owner_person_id") var ownerPerson: PersonRecord?
    @OptionalParent(key: "owner_organisation_id") var ownerOrganisation: OrganisationRecord?
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    @Field(key: "raised_on") var raisedOn: String
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "status") var status: String

    static var workspacePath: KeyPath<ActionRecord, ParentProperty<ActionRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

final class ActionUpdateRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "action_updates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "action_id") var action: ActionRecord
    @Field(key: "on") var on: String
    @Field(key: "text") var text: String
    @OptionalField(key: "status") var status: String?

    static var workspacePath: KeyPath<ActionUpdateRecord, ParentProperty<ActionUpdateRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// A theme the workspace added to the seeded list, or (retired) took out of it.
final class ThemeRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "themes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "name") var name: String
    @Field(key: "retired") var retired: Bool

    static var workspacePath: KeyPath<ThemeRecord, ParentProperty<ThemeRecord, WorkspaceRecord>> { \.$workspace }

    init() {}
}

/// A private calendar feed: one user's subscription to a partnership's, a person's or the workspace's meetings.
/// Only the token's SHA-256 is kept; revoking it stops the feed at once.
final class FeedTokenRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "feed_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "token_hash") var tokenHash: String
    /// `partnership`, `person` or `workspace`.
    @Field(key: "kind") var kind: String
    @OptionalField(key: "target_key") var targetKey: String?
    @Field(key: "include_actions") var includeActions: Bool
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    static var workspacePath: KeyPath<FeedTokenRecord, ParentProperty<FeedTokenRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

extension AgendaItemRecord {
    /// The stored item as a domain value; the keys of its partnership, meeting and presenter are other rows'.
    func domain(partnershipKey: String, meetingKey: String?, presenterKey: String?) -> AgendaItem {
        AgendaItem(
            key: key, partnershipKey: partnershipKey, meetingKey: meetingKey, position: position, title: title,
            kind: AgendaItemKind(rawValue: kind) ?? .discussion, durationMinutes: durationMinutes,
            presenterKey: presenterKey, themes: ListColumn.decode(themes))
    }

    /// An agenda item's own fields, and the board's decision on it, onto its record; its partnership, meeting and
    /// presenter are passed in as ids.
    func fill(_ item: AgendaItem, decision: Decision?, partnershipID: UUID, meetingID: UUID?, presenterID: UUID?) {
        key = item.key
        $partnership.id = partnershipID
        $meeting.id = meetingID
        $presenter.id = presenterID
        position = item.position
        title = item.title
        kind = item.kind.rawValue
        durationMinutes = item.durationMinutes
        themes = ListColumn.encode(item.themes)
        self.decision = decision?.decision
        rationale = decision?.rationale
    }
}

extension MinutesRecord {
    /// The stored minutes as a domain value, with their addenda.
    func domain(meetingKey: String, addenda: [AddendumRecord]) -> Minutes {
        Minutes(
            meetingKey: meetingKey, text: text, state: MinutesState(rawValue: state) ?? .draft,
            approvedOn: approvedOn.flatMap(Day.init), approvedAtMeetingKey: nil,
            addenda: addenda.compactMap { a in Day(a.on).map { Addendum(on: $0, text: a.text) } })
    }

    /// Minutes' own fields onto their record; their addenda are other rows.
    func fill(_ minutes: Minutes, meetingID: UUID, approvedAtID: UUID?) {
        $meeting.id = meetingID
        text = minutes.text
        state = minutes.state.rawValue
        approvedOn = minutes.approvedOn?.description
        $approvedAt.id = approvedAtID
    }
}

extension ActionRecord {
    /// The stored action as a domain value; the keys it refers to are other rows'.
    func domain(
        partnershipKey: String, meetingKey: String?, itemKey: String?, ownerPersonKey: String?,
        ownerOrganisationKey: String?, updates: [ActionUpdate] = []
    ) -> ActionItem {
        // A raised day is written by Convene and always valid; an unreadable one reads as the epoch, not as today.
        ActionItem(
            key: key, partnershipKey: partnershipKey, meetingKey: meetingKey, itemKey: itemKey, title: title,
            ownerPersonKey: ownerPersonKey, ownerOrganisationKey: ownerOrganisationKey,
            raisedOn: Day(raisedOn) ?? Day(year: 1970, month: 1, day: 1)!, dueOn: dueOn.flatMap(Day.init),
            status: ActionStatus(rawValue: status) ?? .open, updates: updates)
    }

    /// An action's own fields onto its record; its updates are other rows.
    func fill(
        _ action: ActionItem, partnershipID: UUID, meetingID: UUID?, itemID: UUID?, ownerPersonID: UUID?,
        ownerOrganisationID: UUID?
    ) {
        key = action.key
        $partnership.id = partnershipID
        $meeting.id = meetingID
        $item.id = itemID
        $ownerPerson.id = ownerPersonID
        $ownerOrganisation.id = ownerOrganisationID
        title = action.title
        raisedOn = action.raisedOn.description
        dueOn = action.dueOn?.description
        status = action.status.rawValue
    }
}
