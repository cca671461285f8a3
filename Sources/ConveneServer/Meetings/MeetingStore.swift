import ConveneDomain
import Fluent
import FluentSQL
import Foundation
import SQLKit

/// Reads of a board's business: its meetings, one meeting with everything on it, its actions, and a person's
/// meetings and actions across all their partnerships. Everything goes through `Scope`.
enum MeetingStore {
    /// Times are shown on the wall clock of England and Wales.
    // MARK: Finding records

    /// The meeting `key` of the partnership: one it holds, or a joint meeting it is part of.
    static func meeting(_ key: String, of partnership: PartnershipRecord, in scope: Scope) async throws -> MeetingRecord
    {
        guard let meeting = try await MeetingRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The meeting '\(key)'")
        }
        if meeting.$partnership.id == partnership.id { return meeting }
        let joint = try await JointMeetingRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID())
            .filter(\.$partnership.$id == partnership.requireID()).count()
        guard joint > 0 else { throw Problem.notFound("The meeting '\(key)' of \(partnership.name)") }
        return meeting
    }

    static func item(_ key: String, of partnership: PartnershipRecord, in scope: Scope) async throws -> AgendaItemRecord
    {
        guard
            let item = try await AgendaItemRecord.query(in: scope).filter(\.$key == key)
                .filter(\.$partnership.$id == partnership.requireID()).first()
        else { throw Problem.notFound("The agenda item '\(key)'") }
        return item
    }

    static func action(_ key: String, of partnership: PartnershipRecord, in scope: Scope) async throws -> ActionRecord {
        guard
            let action = try await ActionRecord.query(in: scope).filter(\.$key == key)
                .filter(\.$partnership.$id == partnership.requireID()).first()
        else { throw Problem.notFound("The action '\(key)'") }
        return action
    }

    /// The meetings of a partnership (held or joint), in order of start.
    static func meetingIDs(of partnership: PartnershipRecord, in scope: Scope) async throws -> [UUID] {
        let own = try await MeetingRecord.query(in: scope).filter(\.$partnership.$id == partnership.requireID()).all(
            \.$id)
        let joint = try await JointMeetingRecord.query(in: scope).filter(\.$partnership.$id == partnership.requireID())
            .all(\.$meeting.$id)
        return own + joint
    }

    struct Listed: Sendable {
        var meeting: Meeting
        var partnershipName: String
        var minutes: MinutesState?
    }

    /// A partnership's meetings from `from` (upcoming) or before it (past, latest first), a page at a time.
    static func meetings(
        of partnership: PartnershipRecord, upcoming: Bool, from: Date, page: Int, per: Int,
        in scope: Scope
    ) async throws -> (meetings: [Listed], total: Int) {
        let id = try partnership.requireID()
        let joint = JointMeetingRecord.schema
        return try await listed(
            """
            (mt.partnership_id = \(bind: id)
                OR mt.id IN (SELECT j.meeting_id FROM \(ident: joint) j WHERE j.partnership_id = \(bind: id)))
            AND mt.starts_at \(unsafeRaw: upcoming ? ">=" : "<") \(bind: from)
            """, latestFirst: !upcoming, page: page, per: per, in: scope)
    }

    /// When the next meeting of the workspace starts after `now`: until then, every list of what is upcoming and what
    /// is past stays as it is (`KeptPages`' expiry for such pages).
    static func nextStart(after now: Date, in scope: Scope) async throws -> Date? {
        try await MeetingRecord.query(in: scope).filter(\.$startsAt > now).min(\.$startsAt)
    }

    /// The meetings `condition` picks (on `mt`, the meetings table), in order of start or latest first, a page at a
    /// time: each with its host partnership and its minutes' state, and how many there are, in one statement.
    static func listed(
        _ condition: SQLQueryString, latestFirst: Bool, page: Int, per: Int, in scope: Scope
    ) async throws -> (meetings: [Listed], total: Int) {
        let order: SQLQueryString = latestFirst ? "mt.starts_at DESC, mt.key DESC" : "mt.starts_at, mt.key"
        let rows = try await scope.sql.raw(
            """
            SELECT mt.*, p.key AS partnership_key, p.name AS partnership_name, mi.state AS minutes_state,
                COUNT(*) OVER () AS total
            FROM \(ident: MeetingRecord.schema) mt
            JOIN \(ident: PartnershipRecord.schema) p ON p.id = mt.partnership_id
            LEFT JOIN \(ident: MinutesRecord.schema) mi ON mi.meeting_id = mt.id
            WHERE mt.workspace_id = \(bind: scope.workspaceID) AND (\(condition))
            ORDER BY \(order) LIMIT \(unsafeRaw: String(per)) OFFSET \(unsafeRaw: String((page - 1) * per))
            """
        ).all()
        var total = try rows.first?.decode(column: "total", as: Int.self) ?? 0
        if rows.isEmpty, page > 1 {
            // Past the last page: the window count has no row to ride on.
            total =
                try await scope.sql.raw(
                    """
                    SELECT COUNT(*) AS total FROM \(ident: MeetingRecord.schema) mt
                    WHERE mt.workspace_id = \(bind: scope.workspaceID) AND (\(condition))
                    """
                ).first()?.decode(column: "total", as: Int.self) ?? 0
        }
        let listed = try rows.map { row in
            Listed(
                meeting: try row.decode(fluentModel: MeetingRecord.self).domain(
                    partnershipKey: try row.decode(column: "partnership_key", as: String.self)),
                partnershipName: try row.decode(column: "partnership_name", as: String.self),
                minutes: try row.decode(column: "minutes_state", as: String?.self).map {
                    MinutesState(rawValue: $0) ?? .draft
                })
        }
        return (listed, total)
    }

    // MARK: One meeting

    struct PersonRef: Sendable, Hashable { var key: String; var name: String; var roleTitle: String? }

    struct Item: Sendable {
        var item: AgendaItem
        var presenter: PersonRef?
        var papers: [PaperRecord]
        var decision: Decision?
    }

    struct Row: Sendable {
        var person: PersonRef
        var role: String?
        var attendance: Attendance?
        var namedSubstitute: PersonRef?
    }

    struct Detail: Sendable {
        var partnership: PartnershipRecord
        var meeting: Meeting
        var seriesName: String?
        var partnerships: [(key: String, name: String)]
        var items: [Item]
        var members: [Row]
        var others: [Row]
        var quorum: QuorumCheck
        var minutes: Minutes?
        var minutesApprovedAt: (key: String, name: String, startsAt: Date)?
        var arising: [ActionItem]
        var mattersArising: [ActionItem]
        var previous: (meeting: Meeting, minutes: Minutes?)?
        var persons: [String: PersonRef]
        var organisations: [String: String]

        var overrun: Int? { Agenda.overrun(items.map(\.item), meetingMinutes: meeting.durationMinutes) }
        var plannedMinutes: Int { Agenda.plannedMinutes(items.map(\.item)) }
        /// Decisions and attendance are part of the minutes: they change only while the minutes are a draft.
        var isSettled: Bool { (minutes?.state ?? .draft) != .draft }
    }

    static func detail(_ record: MeetingRecord, of partnership: PartnershipRecord, in scope: Scope) async throws
        -> Detail
    {
        let id = try record.requireID()
        let host = try await record.$partnership.get(on: scope.db)
        let joint = try await JointMeetingRecord.query(in: scope).filter(\.$meeting.$id == id).with(\.$partnership)
            .all().map(\.partnership)
        let day = WallClock.day(of: record.startsAt)
        let series = try await record.$series.get(on: scope.db)
        let meeting = record.domain(
            partnershipKey: host.key, jointWith: joint.map(\.key).sorted(), seriesKey: series?.key)

        // Members on the meeting's day, of every partnership whose meeting it is.
        let partnershipIDs = [host.id!] + joint.compactMap(\.id)
        let memberships = try await MembershipRecord.query(in: scope).filter(\.$partnership.$id ~~ partnershipIDs)
            .filter(\.$person.$id != nil).all()
            .filter { ($0.startedOn ?? "") <= day.description && ($0.endedOn.map { $0 >= day.description } ?? true) }
        let attendance = try await AttendanceRecord.query(in: scope).filter(\.$meeting.$id == id).all()
        let items = try await AgendaItemRecord.query(in: scope).filter(\.$meeting.$id == id).sort(\.$position).sort(
            \.$key
        ).all()
        let papers =
            items.isEmpty
            ? []
            : try await PaperRecord.query(in: scope).filter(\.$item.$id ~~ items.compactMap(\.id))
                .sort(\.$createdAt).all()
        let minutesRecord = try await MinutesRecord.query(in: scope).filter(\.$meeting.$id == id).first()
        let addenda = try await MeetingBusiness.addendaOf(minutesRecord, in: scope)
        let arisingRecords = try await ActionRecord.query(in: scope).filter(\.$meeting.$id == id).sort(\.$key).all()
        let outstanding = try await ActionRecord.query(in: scope).filter(\.$partnership.$id == host.requireID())
            .filter(\.$status ~~ [ActionStatus.open.rawValue, ActionStatus.inProgress.rawValue])
            .filter(\.$raisedOn < day.description).all()
        let previousRecord = try await previousMeeting(before: record, hostID: host.requireID(), in: scope)
        var previousMinutes: MinutesRecord?
        if let previousRecord {
            previousMinutes = try await MinutesRecord.query(in: scope).filter(
                \.$meeting.$id == previousRecord.requireID()
            ).first()
        }

        // Everyone the page names, in one query.
        var personIDs = Set(memberships.compactMap { $0.$person.id } + memberships.compactMap { $0.$substitute.id })
        personIDs.formUnion(attendance.map { $0.$person.id } + attendance.compactMap { $0.$substituteFor.id })
        personIDs.formUnion(items.compactMap { $0.$presenter.id })
        personIDs.formUnion((arisingRecords + outstanding).compactMap { $0.$ownerPerson.id })
        let people =
            personIDs.isEmpty ? [] : try await PersonRecord.query(in: scope).filter(\.$id ~~ Array(personIDs)).all()
        let refs = Dictionary(
            uniqueKeysWithValues: people.map {
                ($0.id!, PersonRef(key: $0.key, name: $0.name, roleTitle: $0.roleTitle))
            })
        let organisationIDs = Set((arisingRecords + outstanding).compactMap { $0.$ownerOrganisation.id })
        let organisations =
            organisationIDs.isEmpty
            ? [] : try await OrganisationRecord.query(in: scope).filter(\.$id ~~ Array(organisationIDs)).all()
        let organisationKeys = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id!, $0.key) })
        let itemKeys = Dictionary(uniqueKeysWithValues: items.map { ($0.id!, $0.key) })

        let personKeys = refs.mapValues(\.key)
        let attendanceByPerson = Dictionary(
            attendance.map { ($0.$person.id, $0.domain(persons: personKeys)) }, uniquingKeysWith: { a, _ in a })
        var memberRows: [Row] = []
        var seen: Set<UUID> = []
        for m in memberships.sorted(by: { (refs[$0.$person.id!]?.name ?? "") < (refs[$1.$person.id!]?.name ?? "") }) {
            guard let personID = m.$person.id, let ref = refs[personID], seen.insert(personID).inserted else {
                continue
            }
            memberRows.append(
                Row(
                    person: ref, role: (MembershipRole(rawValue: m.role)?.label),
                    attendance: attendanceByPerson[personID],
                    namedSubstitute: m.$substitute.id.flatMap { refs[$0] }))
        }
        let others = attendance.filter { !seen.contains($0.$person.id) }.compactMap { a -> Row? in
            guard let ref = refs[a.$person.id] else { return nil }
            return Row(person: ref, role: nil, attendance: attendanceByPerson[a.$person.id], namedSubstitute: nil)
        }.sorted { $0.person.name < $1.person.name }

        let terms = try await TermsOfReferenceRecord.query(in: scope).filter(\.$partnership.$id == host.requireID())
            .sort(\.$version, .descending).all().first { ($0.approvedOn ?? "") <= day.description }
        let quorum = Quorum.check(
            required: terms?.quorum, members: Set(memberRows.map(\.person.key)),
            attendance: Array(attendanceByPerson.values))

        let domainItems = items.map { r in
            Item(
                item: r.domain(
                    partnershipKey: partnership.key, meetingKey: record.key,
                    presenterKey: r.$presenter.id.flatMap { refs[$0]?.key }),
                presenter: r.$presenter.id.flatMap { refs[$0] }, papers: papers.filter { $0.$item.id == r.id },
                decision: r.decision.map { Decision(itemKey: r.key, decision: $0, rationale: r.rationale) })
        }
        let minutes = minutesRecord.map { $0.domain(meetingKey: record.key, addenda: addenda) }
        let approvedAt = try await minutesRecord?.$approvedAt.get(on: scope.db).map { ($0.key, $0.name, $0.startsAt) }
        let toAction = { (a: ActionRecord) in
            a.domain(
                partnershipKey: host.key, meetingKey: a.$meeting.id == id ? record.key : nil,
                itemKey: a.$item.id.flatMap { itemKeys[$0] },
                ownerPersonKey: a.$ownerPerson.id.flatMap { refs[$0]?.key },
                ownerOrganisationKey: a.$ownerOrganisation.id.flatMap { organisationKeys[$0] })
        }
        let previous = previousRecord.map {
            (
                $0.domain(partnershipKey: host.key),
                previousMinutes.map { $0.domain(meetingKey: previousRecord!.key, addenda: []) }
            )
        }
        return Detail(
            partnership: partnership, meeting: meeting, seriesName: series?.name,
            partnerships: [(host.key, host.name)] + joint.map { ($0.key, $0.name) },
            items: domainItems, members: memberRows, others: others, quorum: quorum, minutes: minutes,
            minutesApprovedAt: approvedAt,
            arising: arisingRecords.map(toAction),
            mattersArising: MattersArising.forMeeting(of: host.key, on: day, actions: outstanding.map(toAction)),
            previous: previous,
            persons: Dictionary(refs.values.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }),
            organisations: Dictionary(organisations.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The partnership's meeting before this one (not cancelled): whose minutes this one normally approves.
    static func previousMeeting(before record: MeetingRecord, hostID: UUID, in scope: Scope) async throws
        -> MeetingRecord?
    {
        try await MeetingRecord.query(in: scope).filter(\.$partnership.$id == hostID).filter(
            \.$startsAt < record.startsAt
        )
        .filter(\.$status != MeetingStatus.cancelled.rawValue).sort(\.$startsAt, .descending).first()
    }

    // MARK: Actions

    struct ActionRow: Sendable {
        var action: ActionItem
        var partnershipName: String
        var owner: String
        var meeting: (key: String, name: String, startsAt: Date)?
    }

    enum ActionFilter: String, CaseIterable, Sendable {
        case outstanding, overdue, done, all
        var label: String {
            switch self {
            case .outstanding: "Open or in progress"
            case .overdue: "Overdue"
            case .done: "Done or dropped"
            case .all: "All"
            }
        }
    }

    /// Actions of one partnership, or owned by one person, filtered and a page at a time; overdue first, then by due date.
    static func actions(
        partnership: PartnershipRecord? = nil, ownerPersonID: UUID? = nil, filter: ActionFilter, today: Day,
        page: Int, per: Int, in scope: Scope
    ) async throws -> (rows: [ActionRow], total: Int) {
        let query = ActionRecord.query(in: scope)
        if let partnership { query.filter(\.$partnership.$id == partnership.id!) }
        if let ownerPersonID { query.filter(\.$ownerPerson.$id == ownerPersonID) }
        let outstanding = [ActionStatus.open.rawValue, ActionStatus.inProgress.rawValue]
        switch filter {
        case .outstanding: query.filter(\.$status ~~ outstanding)
        case .overdue: query.filter(\.$status ~~ outstanding).filter(\.$dueOn < today.description)
        case .done: query.filter(\.$status !~ outstanding)
        case .all: break
        }
        let total = try await query.copy().count()
        let records = try await query.sort(\.$dueOn).sort(\.$key).range((page - 1) * per..<page * per)
            .with(\.$partnership).with(\.$ownerPerson).with(\.$ownerOrganisation).with(\.$meeting).all()
        let rows = records.map { a in
            ActionRow(
                action: a.domain(
                    partnershipKey: a.partnership.key, meetingKey: a.meeting?.key, itemKey: nil,
                    ownerPersonKey: a.ownerPerson?.key, ownerOrganisationKey: a.ownerOrganisation?.key),
                partnershipName: a.partnership.name, owner: a.ownerPerson?.name ?? a.ownerOrganisation?.name ?? "",
                meeting: a.meeting.map { ($0.key, $0.name, $0.startsAt) })
        }
        return (rows, total)
    }

    static func updates(of action: ActionRecord, in scope: Scope) async throws -> [ActionUpdate] {
        try await ActionUpdateRecord.query(in: scope).filter(\.$action.$id == action.requireID()).sort(\.$createdAt)
            .all()
            .compactMap { u in
                Day(u.on).map {
                    ActionUpdate(on: $0, text: u.text, status: u.status.flatMap(ActionStatus.init(rawValue:)))
                }
            }
    }

    // MARK: A person's meetings

    /// Being there: in the room, online, or in someone's place.
    static let attendedStatuses = [AttendanceStatus.present, .presentOnline, .substitute].map(\.rawValue)

    /// The meetings of every partnership the person is a current member of from `from` on (the next 50), and the
    /// meetings they were recorded at before it (latest first, a page at a time): two statements.
    static func meetings(
        ofPerson personID: UUID, from: Date, page: Int, per: Int,
        in scope: Scope
    ) async throws -> (upcoming: [Listed], past: [Listed], pastTotal: Int) {
        let day = WallClock.day(of: from).description
        let partnerships: SQLQueryString = """
            SELECT ms.partnership_id FROM \(ident: MembershipRecord.schema) ms
            WHERE ms.workspace_id = \(bind: scope.workspaceID) AND ms.person_id = \(bind: personID)
                AND (ms.started_on IS NULL OR ms.started_on <= \(bind: day))
                AND (ms.ended_on IS NULL OR ms.ended_on >= \(bind: day))
            """
        let attended = attendedStatuses.map { "'\($0)'" }.joined(separator: ", ")
        async let upcoming = listed(
            """
            mt.starts_at >= \(bind: from)
            AND (mt.partnership_id IN (\(partnerships))
                OR mt.id IN (SELECT j.meeting_id FROM \(ident: JointMeetingRecord.schema) j
                    WHERE j.partnership_id IN (\(partnerships))))
            """, latestFirst: false, page: 1, per: 50, in: scope)
        async let past = listed(
            """
            mt.starts_at < \(bind: from)
            AND mt.id IN (SELECT a.meeting_id FROM \(ident: AttendanceRecord.schema) a
                WHERE a.person_id = \(bind: personID) AND a.status IN (\(unsafeRaw: attended)))
            """, latestFirst: true, page: page, per: per, in: scope)
        let (u, p) = try await (upcoming, past)
        return (u.meetings, p.meetings, p.total)
    }

    /// The partnerships the person is a member of on `day`.
    static func partnershipIDs(ofMember person: PersonRecord, on day: Day, in scope: Scope) async throws -> [UUID] {
        let text = day.description
        return try await MembershipRecord.query(in: scope).filter(\.$person.$id == person.requireID()).all()
            .filter { ($0.startedOn ?? "") <= text && ($0.endedOn.map { $0 >= text } ?? true) }.map {
                $0.$partnership.id
            }
    }

    /// The person the signed-in user is in this workspace, if linked (who is asking says which).
    static func person(of principal: Principal, in scope: Scope) async throws -> PersonRecord? {
        guard let personID = principal.personID else { return nil }
        return try await PersonRecord.query(in: scope).filter(\.$id == personID).first()
    }

    // MARK: Themes

    /// The workspace's themes: the seeded list and those it added, less those it retired.
    static func themes(in scope: Scope) async throws -> [String] {
        let rows = try await ThemeRecord.query(in: scope).all()
        let retired = Set(rows.filter(\.retired).map(\.name))
        var names = Themes.seeded
        for row in rows where !row.retired && !names.contains(row.name) { names.append(row.name) }
        return names.filter { !retired.contains($0) }
    }
}
