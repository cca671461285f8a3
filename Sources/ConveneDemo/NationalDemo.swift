import ConveneDomain
import Fluent
import Foundation
import SQLKit

/// `convene demo --scale national`: the generated national landscape (`NationalLandscape`) written as one workspace a
/// force area. The register of each goes through `RegisterImport`, as any import does; its year of meetings with
/// attendance, agendas, decisions and actions is written in bulk, in one transaction a workspace, without audit
/// events (generated fixture data, not anybody's change). A workspace that already exists is left as it is, so running
/// the command again adds only what is missing. Workspaces are generated and written one at a time, so memory
/// holds one force area, not 43.
public enum NationalDemo {
    public struct Summary: Sendable {
        public var workspaces = 0
        public var skipped = 0
        public var partnerships = 0
        public var persons = 0
        public var memberships = 0
        public var meetings = 0
        public var attendances = 0
        public var items = 0
        public var decisions = 0
        public var actions = 0
        public var plantedDuplicates = 0
        public var seconds = 0.0

        public var rows: Int { partnerships + persons + memberships + meetings + attendances + items + actions }

        public var lines: [String] {
            ["\(workspaces) workspaces written" + (skipped > 0 ? ", \(skipped) already there" : ""),
             "\(partnerships) partnerships, \(persons) people, \(memberships) memberships",
             "\(meetings) meetings, \(attendances) attendances, \(items) agenda items (\(decisions) decided), \(actions) actions",
             "\(plantedDuplicates) duplicate discussions planted (their ground truth is in the generator)",
             String(format: "%.1f s, %.0f rows a second", seconds, Double(rows) / max(seconds, 0.001))]
        }
    }

    /// Writes the first `count` of the national landscape's workspaces (all of them by default).
    public static func generate(on db: Database, options: NationalLandscape.Options = .init(), count: Int? = nil,
                                progress: (@Sendable (String) -> Void)? = nil) async throws -> Summary {
        let started = Date()
        var summary = Summary()
        for index in 0..<min(count ?? options.workspaces, options.workspaces) {
            let generated = NationalLandscape.workspace(index, options)
            let prefix = "[\(index + 1)/\(options.workspaces)] \(generated.name)"
            if try await WorkspaceRecord.query(on: db).filter(\.$key == generated.key).first() != nil {
                summary.skipped += 1
                progress?("\(prefix): already there")
                continue
            }
            try await Workspaces.add(key: generated.key, name: generated.name, kind: .forceArea, forceAreaCode: generated.forceAreaCode, on: db)
            let scope = try await Scope.workspace(generated.key, on: db, actor: "national demo generator")
            try await write(generated, in: scope)
            summary.workspaces += 1
            summary.partnerships += generated.register.partnerships.count
            summary.persons += generated.register.persons.count
            summary.memberships += generated.register.memberships.count
            summary.meetings += generated.register.meetings.count
            summary.attendances += generated.register.meetings.map(\.attendance.count).reduce(0, +)
            summary.items += generated.items.count
            summary.decisions += generated.decisions.count
            summary.actions += generated.actions.count
            summary.plantedDuplicates += generated.plantedDuplicates.count
            progress?("\(prefix): \(generated.register.meetings.count) meetings, \(generated.items.count) items, "
                      + String(format: "%.0f s so far", Date().timeIntervalSince(started)))
        }
        // Planner statistics for the tables written in bulk, as `MeetingHistory` does.
        if summary.workspaces > 0, let sql = db as? any SQLDatabase {
            let tables = [MeetingRecord.schema, JointMeetingRecord.schema, AttendanceRecord.schema, AgendaItemRecord.schema, ActionRecord.schema]
            if sql.dialect.name == "postgresql" {
                try await sql.raw("ANALYZE \(unsafeRaw: tables.joined(separator: ", "))").run()
            } else {
                for table in tables { try await sql.raw("ANALYZE \(ident: table)").run() }
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    static func write(_ generated: NationalLandscape.Workspace, in scope: Scope) async throws {
        // The register, without its meetings, through the import path.
        var batch = ImportBatch()
        batch.register = generated.register
        batch.register.meetings = []
        switch try await RegisterImport.run(batch, in: scope) {
        case .rejected(let issues):
            throw Accounts.Failure(description: "\(generated.name): the generated register was rejected: "
                                   + issues.prefix(5).map { "\($0)" }.joined(separator: "; "))
        case .applied: break
        }
        let partnerships = Dictionary(try await PartnershipRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) }, uniquingKeysWith: { a, _ in a })
        let persons = Dictionary(try await PersonRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) }, uniquingKeysWith: { a, _ in a })
        let organisations = Dictionary(try await OrganisationRecord.query(in: scope).all().map { ($0.key, try $0.requireID()) }, uniquingKeysWith: { a, _ in a })
        let decisions = Dictionary(generated.decisions.map { ($0.itemKey, $0) }, uniquingKeysWith: { a, _ in a })

        try await scope.transaction { scope in
            var meetingIDs: [String: UUID] = [:]
            var meetings: [MeetingRecord] = [], joint: [JointMeetingRecord] = [], attendances: [AttendanceRecord] = []
            for m in generated.register.meetings {
                let record = MeetingRecord()
                scope.claim(record)
                record.id = UUID()
                meetingIDs[m.key] = record.id
                MeetingBusiness.fill(record, m, partnerships: partnerships)
                meetings.append(record)
                for other in m.jointWith {
                    let row = JointMeetingRecord()
                    scope.claim(row)
                    row.$meeting.id = record.id!
                    row.$partnership.id = partnerships[other]!
                    joint.append(row)
                }
                attendances += m.attendance.map { AttendanceRecord.row($0, meeting: record.id!, persons: persons, in: scope) }
            }
            try await MeetingHistory.insert(meetings, chunk: 500, on: scope.db)
            try await MeetingHistory.insert(joint, chunk: 500, on: scope.db)
            try await MeetingHistory.insert(attendances, chunk: 500, on: scope.db)

            var itemIDs: [String: UUID] = [:]
            let items = generated.items.map { item in
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
            let actions = generated.actions.map { action in
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
}
