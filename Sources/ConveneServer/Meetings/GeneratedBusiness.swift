import ConveneDomain
import Fluent
import Foundation

/// Generated records written into a workspace: the register through `RegisterImport`, as any import, and a board's
/// business (meetings with attendance, agenda items with decisions and papers, minutes with addenda, actions with
/// their updates) in bulk, in one transaction, without audit events (generated fixture data, not anybody's change).
/// The demo target builds the values; this writes them.
public enum GeneratedBusiness {
    /// A board's business as domain values: meetings (with their attendance and joint partners), agenda items,
    /// decisions, papers, minutes (with their addenda) and actions (with their updates).
    public struct Business: Sendable {
        /// What breaks the domain's rules of a board's business: each meeting as scheduled, agenda item and action.
        public func brokenRules() -> [String] {
            meetings.flatMap { m in m.validateAsScheduled().map { "meeting \(m.key): \($0)" } }
                + items.flatMap { i in i.validate().map { "agenda item \(i.key): \($0)" } }
                + actions.flatMap { a in a.validate().map { "action \(a.key): \($0)" } }
        }

        public var meetings: [Meeting]
        public var items: [AgendaItem]
        public var decisions: [Decision]
        public var papers: [Paper]
        public var minutes: [Minutes]
        public var actions: [ActionItem]

        public init(
            meetings: [Meeting], items: [AgendaItem], decisions: [Decision], papers: [Paper] = [],
            minutes: [Minutes] = [], actions: [ActionItem]
        ) {
            self.meetings = meetings
            self.items = items
            self.decisions = decisions
            self.papers = papers
            self.minutes = minutes
            self.actions = actions
        }

        /// A paper for an agenda item, as a link.
        public struct Paper: Hashable, Sendable {
            public var itemKey: String
            public var key: String
            public var title: String
            public var url: String

            public init(itemKey: String, key: String, title: String, url: String) {
                self.itemKey = itemKey
                self.key = key
                self.title = title
                self.url = url
            }
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

    /// Values turned into records at a time, so that memory holds a few thousand records, not a whole history.
    private static let batch = 5_000

    /// Writes the business of partnerships already in the workspace, in one transaction. Rows name each other by key:
    /// a partnership or attendee not in the workspace, or a meeting or item of minutes and papers not in the business,
    /// stops the write; an item's or action's optional link (meeting, item, presenter, owner) not found is left empty.
    public static func write(_ business: Business, workspace: String, actor: String, on db: Database) async throws {
        // Generated business keeps the rules a secretariat's does; a generator that breaks them writes nothing.
        let broken = business.brokenRules()
        guard broken.isEmpty else {
            throw Problem(
                title: "The generated business breaks the rules", status: 500,
                detail: broken.prefix(5).joined(separator: "; "))
        }
        let scope = try await Scope.workspace(workspace, on: db, actor: actor)
        let ids = IDs(
            partnerships: try await keyed(
                PartnershipRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) }),
            persons: try await keyed(PersonRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) }),
            organisations: try await keyed(
                OrganisationRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) }),
            business: business)
        try await scope.transaction { scope in
            try await writeMeetings(business.meetings, ids, in: scope)
            try await writeItems(business, ids, in: scope)
            try await writeMinutes(business.minutes, ids, in: scope)
            try await writeActions(business.actions, ids, in: scope)
        }
    }

    /// Refreshes the planner's statistics of the tables written in bulk (once, after the last workspace's).
    public static func analyze(on db: Database) async throws {
        try await PlannerStatistics.refresh(PlannerStatistics.business, on: db)
    }

    /// Links a user to a person of the workspace: their "my meetings" and "my actions" become that person's.
    public static func link(
        email: String, toPerson key: String, workspace: String = Tasks.defaultWorkspace, on db: Database
    ) async throws {
        let scope = try await Scope.workspace(workspace, on: db)
        guard let person = try await PersonRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Accounts.Failure(description: "There is no person '\(key)'.")
        }
        guard
            let user = try await UserRecord.query(on: db).filter(\.$email == Credentials.normalisedEmail(email))
                .first(),
            let member = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID())
                .filter(\.$workspace.$id == scope.workspaceID).first()
        else {
            throw Accounts.Failure(description: "\(email) has no role in the workspace '\(workspace)'.")
        }
        member.$person.id = try person.requireID()
        try await member.update(on: db)
    }

    // MARK: Writing

    /// The ids of the workspace's register by key, and the ids given to the business's rows before they are written.
    private struct IDs: Sendable {
        var partnerships: [String: UUID]
        var persons: [String: UUID]
        var organisations: [String: UUID]
        /// By position in the business's lists, and by key.
        var meetings: [UUID]
        var meetingsByKey: [String: UUID]
        var items: [UUID]
        var itemsByKey: [String: UUID]
        var actions: [UUID]

        init(
            partnerships: [String: UUID], persons: [String: UUID], organisations: [String: UUID], business: Business
        ) {
            self.partnerships = partnerships
            self.persons = persons
            self.organisations = organisations
            meetings = business.meetings.map { _ in UUID() }
            meetingsByKey = Dictionary(zip(business.meetings.map(\.key), meetings), uniquingKeysWith: { _, b in b })
            items = business.items.map { _ in UUID() }
            itemsByKey = Dictionary(zip(business.items.map(\.key), items), uniquingKeysWith: { _, b in b })
            actions = business.actions.map { _ in UUID() }
        }

        func partnership(_ key: String) throws -> UUID { try find(key, in: partnerships, "partnership") }
        func person(_ key: String) throws -> UUID { try find(key, in: persons, "person") }
        func meeting(_ key: String) throws -> UUID { try find(key, in: meetingsByKey, "meeting") }
        func item(_ key: String) throws -> UUID { try find(key, in: itemsByKey, "agenda item") }

        private func find(_ key: String, in ids: [String: UUID], _ what: String) throws -> UUID {
            guard let id = ids[key] else {
                throw Accounts.Failure(description: "The generated business names no \(what) '\(key)'.")
            }
            return id
        }
    }

    private static func writeMeetings(_ meetings: [Meeting], _ ids: IDs, in scope: Scope) async throws {
        for range in batches(meetings.count) {
            var records: [MeetingRecord] = []
            var joint: [JointMeetingRecord] = []
            var attendances: [AttendanceRecord] = []
            for i in range {
                let m = meetings[i]
                let record = MeetingRecord()
                scope.claim(record)
                record.id = ids.meetings[i]
                record.fill(m, partnershipID: try ids.partnership(m.partnershipKey))
                records.append(record)
                for other in m.jointWith {
                    let row = JointMeetingRecord()
                    scope.claim(row)
                    row.$meeting.id = ids.meetings[i]
                    row.$partnership.id = try ids.partnership(other)
                    joint.append(row)
                }
                for a in m.attendance {
                    _ = try ids.person(a.personKey)
                    if let member = a.substituteForKey { _ = try ids.person(member) }
                    attendances.append(
                        AttendanceRecord.row(a, meeting: ids.meetings[i], persons: ids.persons, in: scope))
                }
            }
            try await BatchInsert.run(records, at: scope.now(), on: scope.db)
            try await BatchInsert.run(joint, at: scope.now(), on: scope.db)
            try await BatchInsert.run(attendances, at: scope.now(), on: scope.db)
        }
    }

    private static func writeItems(_ business: Business, _ ids: IDs, in scope: Scope) async throws {
        let decisions = Dictionary(business.decisions.map { ($0.itemKey, $0) }, uniquingKeysWith: { a, _ in a })
        for range in batches(business.items.count) {
            let records = try range.map { i in
                let item = business.items[i]
                let row = AgendaItemRecord()
                scope.claim(row)
                row.id = ids.items[i]
                row.fill(
                    item, decision: decisions[item.key], partnershipID: try ids.partnership(item.partnershipKey),
                    meetingID: item.meetingKey.flatMap { ids.meetingsByKey[$0] },
                    presenterID: item.presenterKey.flatMap { ids.persons[$0] })
                return row
            }
            try await BatchInsert.run(records, at: scope.now(), on: scope.db)
        }
        for range in batches(business.papers.count) {
            let records = try business.papers[range].map { paper in
                let row = PaperRecord()
                scope.claim(row)
                row.$item.id = try ids.item(paper.itemKey)
                row.key = paper.key
                row.title = paper.title
                row.url = paper.url
                return row
            }
            try await BatchInsert.run(records, at: scope.now(), on: scope.db)
        }
    }

    private static func writeMinutes(_ minutes: [Minutes], _ ids: IDs, in scope: Scope) async throws {
        for range in batches(minutes.count) {
            var records: [MinutesRecord] = []
            var addenda: [AddendumRecord] = []
            for m in minutes[range] {
                let record = MinutesRecord()
                scope.claim(record)
                record.id = UUID()
                record.fill(
                    m, meetingID: try ids.meeting(m.meetingKey),
                    approvedAtID: try m.approvedAtMeetingKey.map(ids.meeting))
                records.append(record)
                for a in m.addenda {
                    let row = AddendumRecord()
                    scope.claim(row)
                    row.$minutes.id = record.id!
                    row.on = a.on.description
                    row.text = a.text
                    addenda.append(row)
                }
            }
            try await BatchInsert.run(records, at: scope.now(), on: scope.db)
            try await BatchInsert.run(addenda, at: scope.now(), on: scope.db)
        }
    }

    private static func writeActions(_ actions: [ActionItem], _ ids: IDs, in scope: Scope) async throws {
        for range in batches(actions.count) {
            var records: [ActionRecord] = []
            var updates: [ActionUpdateRecord] = []
            for i in range {
                let action = actions[i]
                let record = ActionRecord()
                scope.claim(record)
                record.id = ids.actions[i]
                record.fill(
                    action, partnershipID: try ids.partnership(action.partnershipKey),
                    meetingID: action.meetingKey.flatMap { ids.meetingsByKey[$0] },
                    itemID: action.itemKey.flatMap { ids.itemsByKey[$0] },
                    ownerPersonID: action.ownerPersonKey.flatMap { ids.persons[$0] },
                    ownerOrganisationID: action.ownerOrganisationKey.flatMap { ids.organisations[$0] })
                records.append(record)
                for u in action.updates {
                    let row = ActionUpdateRecord()
                    scope.claim(row)
                    row.$action.id = ids.actions[i]
                    row.on = u.on.description
                    row.text = u.text
                    row.status = u.status?.rawValue
                    updates.append(row)
                }
            }
            try await BatchInsert.run(records, at: scope.now(), on: scope.db)
            try await BatchInsert.run(updates, at: scope.now(), on: scope.db)
        }
    }

    private static func batches(_ count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: batch).map { $0..<min($0 + batch, count) }
    }

    private static func keyed(_ pairs: [(String, UUID)]) -> [String: UUID] {
        Dictionary(pairs, uniquingKeysWith: { a, _ in a })
    }
}
