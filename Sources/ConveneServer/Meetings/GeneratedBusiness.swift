import ConveneDomain
import Fluent
import Foundation

/// Generated records written into a workspace: the register through `RegisterImport`, as any import, and a year of
/// meetings with attendance, agenda items, decisions and actions in bulk, in one transaction, without audit events
/// (generated fixture data, not anybody's change). The demo target builds the values; this writes them.
public enum GeneratedBusiness {
    /// A board's business as domain values: meetings (with their attendance), agenda items, decisions and actions.
    public struct Business: Sendable {
        public var meetings: [Meeting]
        public var items: [AgendaItem]
        public var decisions: [Decision]
        public var actions: [ActionItem]

        public init(meetings: [Meeting], items: [AgendaItem], decisions: [Decision], actions: [ActionItem]) {
            self.meetings = meetings
            self.items = items
            self.decisions = decisions
            self.actions = actions
        }
    }

    /// Imports a register (its meetings left out) through the import path.
    public static func importRegister(
        _ register: Register, workspace: String, actor: String,
        on db: Database
    ) async throws -> ImportOutcome {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        var batch = ImportBatch()
        batch.register = register
        batch.register.meetings = []
        return try await RegisterImport.run(batch, in: scope)
    }

    /// Whether a workspace holds any meeting yet.
    public static func hasMeetings(workspace: String, on db: Database) async throws -> Bool {
        let scope = try await Scope.workspace(workspace, on: db)
        return try await MeetingRecord.query(in: scope).first() != nil
    }

    /// Writes the business of partnerships already in the workspace, in one transaction.
    public static func write(_ business: Business, workspace: String, actor: String, on db: Database) async throws {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        let partnerships = try await ids(PartnershipRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) })
        let persons = try await ids(PersonRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) })
        let organisations = try await ids(
            OrganisationRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) })
        let decisions = Dictionary(business.decisions.map { ($0.itemKey, $0) }, uniquingKeysWith: { a, _ in a })

        try await scope.transaction { scope in
            var meetingIDs: [String: UUID] = [:]
            var meetings: [MeetingRecord] = []
            var joint: [JointMeetingRecord] = []
            var attendances: [AttendanceRecord] = []
            for m in business.meetings {
                let record = MeetingRecord()
                scope.claim(record)
                record.id = UUID()
                meetingIDs[m.key] = record.id
                record.fill(m, partnershipID: partnerships[m.partnershipKey]!)
                meetings.append(record)
                for other in m.jointWith {
                    let row = JointMeetingRecord()
                    scope.claim(row)
                    row.$meeting.id = record.id!
                    row.$partnership.id = partnerships[other]!
                    joint.append(row)
                }
                attendances += m.attendance.map {
                    AttendanceRecord.row($0, meeting: record.id!, persons: persons, in: scope)
                }
            }
            try await MeetingHistory.insert(meetings, chunk: 500, on: scope.db)
            try await MeetingHistory.insert(joint, chunk: 500, on: scope.db)
            try await MeetingHistory.insert(attendances, chunk: 500, on: scope.db)

            var itemIDs: [String: UUID] = [:]
            let items = business.items.map { item in
                let row = AgendaItemRecord()
                scope.claim(row)
                row.id = UUID()
                itemIDs[item.key] = row.id
                row.$partnership.id = partnerships[item.partnershipKey]!
                row.$meeting.id = item.meetingKey.flatMap { meetingIDs[$0] }
                row.$presenter.id = item.presenterKey.flatMap { persons[$0] }
                row.key = item.key
                row.position = item.position
                row.title = item.title
                row.kind = item.kind.rawValue
                row.durationMinutes = item.durationMinutes
                row.themes = ListColumn.encode(item.themes)
                row.decision = decisions[item.key]?.decision
                row.rationale = decisions[item.key]?.rationale
                return row
            }
            try await MeetingHistory.insert(items, chunk: 500, on: scope.db)
            let actions = business.actions.map { action in
                let row = ActionRecord()
                scope.claim(row)
                row.$partnership.id = partnerships[action.partnershipKey]!
                row.$meeting.id = action.meetingKey.flatMap { meetingIDs[$0] }
                row.$item.id = action.itemKey.flatMap { itemIDs[$0] }
                row.$ownerPerson.id = action.ownerPersonKey.flatMap { persons[$0] }
                row.$ownerOrganisation.id = action.ownerOrganisationKey.flatMap { organisations[$0] }
                row.key = action.key
                row.title = action.title
                row.raisedOn = action.raisedOn.description
                row.dueOn = action.dueOn?.description
                row.status = action.status.rawValue
                return row
            }
            try await MeetingHistory.insert(actions, chunk: 500, on: scope.db)
        }
    }

    /// Refreshes the planner's statistics of the tables written in bulk (once, after the last workspace's).
    public static func analyze(on db: Database) async throws {
        try await PlannerStatistics.refresh(PlannerStatistics.business, on: db)
    }

    private static func ids(_ pairs: [(String, UUID)]) -> [String: UUID] {
        Dictionary(pairs, uniquingKeysWith: { a, _ in a })
    }
}
