import ConveneDomain
import Fluent
import Foundation
import SQLKit

/// Reads what the analyses need of a workspace, as `AnalyticsData`, and keeps its settings. The reading is plain SQL
/// over the columns the analyses use (each query names its workspace), because an analysis of a national workspace
/// reads tens of thousands of rows and model objects would cost more than the analysis itself.
enum AnalyticsStore {
    // MARK: Settings

    static func settings(in scope: Scope) async throws -> AnalyticsSettings {
        let rows = try await SettingRecord.query(in: scope).all()
        return AnalyticsSettings(stored: Dictionary(rows.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Sets one setting, audited; a value equal to the default removes the row.
    static func set(_ key: String, _ value: String, in scope: Scope) async throws -> FieldError? {
        let before = try await settings(in: scope)
        var changed = before
        if let error = changed.set(key, value) { return error }
        let after = changed
        guard after != before else { return nil }
        let definition = AnalyticsSettings.definition(key)!
        try await scope.audited { scope, audit in
            try await SettingRecord.query(in: scope).filter(\.$key == key).delete()
            if let stored = after.changed[key] {
                let row = SettingRecord()
                scope.claim(row)
                row.key = key
                row.value = stored
                try await row.create(on: scope.db)
            }
            audit.note("update", "setting", key, before: before.value(definition), after: after.value(definition))
        }
        return nil
    }

    // MARK: Reading

    /// What an analysis reads besides the register, meetings and attendance.
    struct Needs: OptionSet, Sendable {
        let rawValue: Int
        /// Agenda items with their kind, time and themes, and whether each was decided.
        static let items = Needs(rawValue: 1)
        /// …and their titles (for items that come back undecided).
        static let titles = Needs(rawValue: 2)
        /// The actions raised in the period.
        static let actions = Needs(rawValue: 4)
        static let everything: Needs = [.items, .titles, .actions]

        static func of(_ analysis: Analysis) -> Needs {
            switch analysis {
            case .cost: .items
            case .load, .attendance: []
            case .delivery, .triage: .everything
            }
        }
    }

    /// The workspace's register, and its meetings from a year before the period to its end (a year of history
    /// prices the typical meeting) with their attendance and, as `needs` says, agendas, decisions and the actions
    /// raised in the period.
    ///
    /// Attendance and agendas are the big tables (a national workspace has about 24,000 attendance rows and 12,000
    /// items a year), so each comes back as one row a meeting, its records joined by the database into one text:
    /// a row costs far more to hand over than the text it carries.
    static func load(in scope: Scope, period: Period, needs: Needs = .everything) async throws -> AnalyticsData {
        let sql = scope.db as! any SQLDatabase
        let workspace = scope.workspaceID
        let from = Self.instant(period.from.adding(days: -400)), to = Self.instant(period.to.adding(days: 2))

        struct OrganisationRow: Decodable { var id: UUID; var key: String; var name: String; var sector: String }
        let organisationRows = try await sql.select().columns("id", "key", "name", "sector").from(OrganisationRecord.schema)
            .where("workspace_id", .equal, workspace).all(decoding: OrganisationRow.self)
        let organisationKeys = Dictionary(uniqueKeysWithValues: organisationRows.map { ($0.id, $0.key) })

        struct PersonRow: Decodable { var id: UUID; var key: String; var name: String; var role_title: String?; var organisation_id: UUID?; var seniority: String?; var salary_band: Int? }
        let personRows = try await sql.select().columns("id", "key", "name", "role_title", "organisation_id", "seniority", "salary_band")
            .from(PersonRecord.schema).where("workspace_id", .equal, workspace).all(decoding: PersonRow.self)
        let personKeys = Dictionary(uniqueKeysWithValues: personRows.map { ($0.id, $0.key) })

        struct PartnershipRow: Decodable {
            var id: UUID; var key: String; var name: String; var type: String; var status: String; var statutory_basis: String?
            var themes: String; var pcc_roles: String; var meeting_frequency: String?; var secretariat_id: UUID?
        }
        let partnershipRows = try await sql.select()
            .columns("id", "key", "name", "type", "status", "statutory_basis", "themes", "pcc_roles", "meeting_frequency", "secretariat_id")
            .from(PartnershipRecord.schema).where("workspace_id", .equal, workspace).all(decoding: PartnershipRow.self)
        let partnershipKeys = Dictionary(uniqueKeysWithValues: partnershipRows.map { ($0.id, $0.key) })

        struct MembershipRow: Decodable {
            var key: String; var partnership_id: UUID; var person_id: UUID?; var organisation_id: UUID?; var role: String
            var voting_right: Bool; var started_on: String?; var ended_on: String?; var substitute_id: UUID?
        }
        let membershipRows = try await sql.select()
            .columns("key", "partnership_id", "person_id", "organisation_id", "role", "voting_right", "started_on", "ended_on", "substitute_id")
            .from(MembershipRecord.schema).where("workspace_id", .equal, workspace).all(decoding: MembershipRow.self)

        struct TermsRow: Decodable { var partnership_id: UUID; var version: Int; var quorum: Int?; var approved_on: String? }
        let termsRows = try await sql.select().columns("partnership_id", "version", "quorum", "approved_on")
            .from(TermsOfReferenceRecord.schema).where("workspace_id", .equal, workspace).all(decoding: TermsRow.self)

        struct MeetingRow: Decodable { var id: UUID; var key: String; var partnership_id: UUID; var name: String; var starts_at: Date; var ends_at: Date?; var status: String }
        let meetingRows = try await sql.select().columns("id", "key", "partnership_id", "name", "starts_at", "ends_at", "status")
            .from(MeetingRecord.schema).where("workspace_id", .equal, workspace)
            .where("starts_at", .greaterThanOrEqual, from).where("starts_at", .lessThan, to)
            .all(decoding: MeetingRow.self)
        let meetingIDs = Set(meetingRows.map(\.id))
        let meetingKeys = Dictionary(uniqueKeysWithValues: meetingRows.map { ($0.id, $0.key) })
        struct JointRow: Decodable { var meeting_id: UUID; var partnership_id: UUID }
        let joint = try await sql.select().columns("meeting_id", "partnership_id").from(JointMeetingRecord.schema)
            .where("workspace_id", .equal, workspace).all(decoding: JointRow.self)
        let jointWith = Dictionary(grouping: joint.filter { meetingIDs.contains($0.meeting_id) }, by: \.meeting_id)

        let dialect = Aggregation(sql)
        let range: SQLQueryString = "SELECT id FROM meetings WHERE workspace_id = \(bind: workspace) AND starts_at >= \(bind: from) AND starts_at < \(bind: to)"
        struct Packed: Decodable { var meeting_id: UUID; var packed: String }

        // Each attendance as "person id,status,substitute-for id,preparation,travel,attended" (an empty field for
        // null); ids and keys hold no separators, so plain ones do. The ids become keys here: a join in the
        // database costs more than a dictionary.
        let personByID = Dictionary(personRows.flatMap { [($0.id.uuidString, $0.key), ($0.id.uuidString.lowercased(), $0.key)] },
                                    uniquingKeysWith: { a, _ in a })
        var attendanceQuery = SQLQueryString("SELECT a.meeting_id AS meeting_id, ")
        attendanceQuery.appendInterpolation(unsafeRaw: dialect.aggregate(
            "format('%s,%s,%s,%s,%s,%s', a.person_id, a.status, a.substitute_for_id, a.preparation_minutes, a.travel_minutes, a.attended_minutes)",
            separator: "';'"))
        attendanceQuery.appendInterpolation(unsafeRaw: " AS packed FROM attendances a WHERE a.workspace_id = ")
        attendanceQuery.appendInterpolation(bind: workspace)
        attendanceQuery.appendInterpolation(unsafeRaw: " AND a.meeting_id IN (")
        attendanceQuery += range
        attendanceQuery.appendInterpolation(unsafeRaw: ") GROUP BY a.meeting_id")
        var attendance: [UUID: [Attendance]] = [:]
        for row in try await sql.raw(attendanceQuery).all(decoding: Packed.self) {
            attendance[row.meeting_id] = row.packed.split(separator: ";").map { record in
                let f = record.split(separator: ",", omittingEmptySubsequences: false)
                return Attendance(personKey: personByID[String(f[0])] ?? "", status: AttendanceStatus(rawValue: String(f[1])) ?? .present,
                                  substituteForKey: f[2].isEmpty ? nil : personByID[String(f[2])],
                                  preparationMinutes: Int(f[3]), travelMinutes: Int(f[4]), attendedMinutes: Int(f[5]))
            }
        }

        // Agenda items, in the same way; their titles and decisions only when asked for.
        var items: [AgendaItem] = [], decisions: [Decision] = []
        if needs.contains(.items) {
            // Each item's fields split by U+001F, items by U+001E: a title may hold any other character.
            var fields = "i.key, i.position, i.kind, i.duration_minutes, i.themes, CASE WHEN i.decision IS NULL OR i.decision = '' THEN '' ELSE 'decided' END"
            if needs.contains(.titles) { fields += ", \(dialect.clean("i.title"))" }
            let pattern = Array(repeating: "%s", count: needs.contains(.titles) ? 7 : 6).joined(separator: "\u{1F}")
            var itemQuery = SQLQueryString("SELECT i.meeting_id AS meeting_id, ")
            itemQuery.appendInterpolation(unsafeRaw: dialect.aggregateStart)
            itemQuery.appendInterpolation(unsafeRaw: "format(CAST(")
            itemQuery.appendInterpolation(bind: pattern)
            itemQuery.appendInterpolation(unsafeRaw: " AS TEXT), \(fields)), \(dialect.recordSeparator)) AS packed FROM agenda_items i WHERE i.workspace_id = ")
            itemQuery.appendInterpolation(bind: workspace)
            itemQuery.appendInterpolation(unsafeRaw: " AND i.meeting_id IN (")
            itemQuery += range
            itemQuery.appendInterpolation(unsafeRaw: ") GROUP BY i.meeting_id")
            let partnershipOfMeeting = Dictionary(uniqueKeysWithValues: meetingRows.map { ($0.id, partnershipKeys[$0.partnership_id] ?? "") })
            for row in try await sql.raw(itemQuery).all(decoding: Packed.self) {
                guard let meetingKey = meetingKeys[row.meeting_id] else { continue }
                for f in Aggregation.records(row.packed) {
                    items.append(AgendaItem(key: f[0], partnershipKey: partnershipOfMeeting[row.meeting_id] ?? "", meetingKey: meetingKey,
                                            position: Int(f[1]) ?? 1, title: f.count > 6 ? f[6] : "",
                                            kind: AgendaItemKind(rawValue: f[2]) ?? .discussion, durationMinutes: Int(f[3]),
                                            themes: ListColumn.decode(f[4])))
                    if f[5] == "decided" { decisions.append(Decision(itemKey: f[0], decision: "decided")) }
                }
            }
        }

        struct ActionRow: Decodable {
            var key: String; var partnership_id: UUID; var meeting_id: UUID?; var title: String; var owner_person_id: UUID?
            var owner_organisation_id: UUID?; var raised_on: String; var due_on: String?; var status: String
        }
        let actionRows = !needs.contains(.actions) ? [] : try await sql.select()
            .columns("key", "partnership_id", "meeting_id", "title", "owner_person_id", "owner_organisation_id", "raised_on", "due_on", "status")
            .from(ActionRecord.schema).where("workspace_id", .equal, workspace)
            .where("raised_on", .greaterThanOrEqual, period.from.description).where("raised_on", .lessThanOrEqual, period.to.description)
            .all(decoding: ActionRow.self)

        struct SupportRow: Decodable { var key: String; var partnership_id: UUID; var label: String; var minutes_per_meeting: Int; var salary: Int? }
        let supportRows = try await sql.select().columns("key", "partnership_id", "label", "minutes_per_meeting", "salary")
            .from(SupportCostRecord.schema).where("workspace_id", .equal, workspace).all(decoding: SupportRow.self)

        return AnalyticsData(
            organisations: organisationRows.map { Organisation(key: $0.key, name: $0.name, sector: Sector(rawValue: $0.sector) ?? .other) },
            persons: personRows.map {
                Person(key: $0.key, name: $0.name, roleTitle: $0.role_title, organisationKey: $0.organisation_id.flatMap { organisationKeys[$0] },
                       seniority: $0.seniority.flatMap(SeniorityBand.init(rawValue:)), salaryBand: $0.salary_band)
            },
            partnerships: partnershipRows.map {
                Partnership(key: $0.key, name: $0.name, type: PartnershipType(rawValue: $0.type) ?? .forum,
                            status: PartnershipStatus(rawValue: $0.status) ?? .active, statutoryBasis: $0.statutory_basis,
                            themes: ListColumn.decode($0.themes), pccRoles: ListColumn.decode($0.pcc_roles).compactMap(PCCRole.init(rawValue:)),
                            meetingFrequency: $0.meeting_frequency.flatMap(MeetingFrequency.init(rawValue:)),
                            secretariatKey: $0.secretariat_id.flatMap { organisationKeys[$0] })
            },
            memberships: membershipRows.map {
                Membership(key: $0.key, partnershipKey: partnershipKeys[$0.partnership_id] ?? "", personKey: $0.person_id.flatMap { personKeys[$0] },
                           organisationKey: $0.organisation_id.flatMap { organisationKeys[$0] }, role: MembershipRole(rawValue: $0.role) ?? .member,
                           votingRight: $0.voting_right, startedOn: $0.started_on.flatMap(Day.init), endedOn: $0.ended_on.flatMap(Day.init),
                           substituteKey: $0.substitute_id.flatMap { personKeys[$0] })
            },
            termsOfReference: termsRows.map {
                TermsOfReference(partnershipKey: partnershipKeys[$0.partnership_id] ?? "", version: $0.version, quorum: $0.quorum,
                                 approvedOn: $0.approved_on.flatMap(Day.init))
            },
            meetings: meetingRows.map { m in
                Meeting(key: m.key, partnershipKey: partnershipKeys[m.partnership_id] ?? "", name: m.name, startsAt: m.starts_at, endsAt: m.ends_at,
                        status: MeetingStatus(rawValue: m.status) ?? .scheduled,
                        attendance: attendance[m.id] ?? [],
                        jointWith: (jointWith[m.id] ?? []).compactMap { partnershipKeys[$0.partnership_id] }.sorted())
            },
            items: items,
            decisions: decisions,
            actions: actionRows.compactMap { a in
                guard let raised = Day(a.raised_on) else { return nil }
                return ActionItem(key: a.key, partnershipKey: partnershipKeys[a.partnership_id] ?? "", meetingKey: a.meeting_id.flatMap { meetingKeys[$0] },
                                  title: a.title, ownerPersonKey: a.owner_person_id.flatMap { personKeys[$0] },
                                  ownerOrganisationKey: a.owner_organisation_id.flatMap { organisationKeys[$0] }, raisedOn: raised,
                                  dueOn: a.due_on.flatMap(Day.init), status: ActionStatus(rawValue: a.status) ?? .open)
            },
            supportCosts: supportRows.map {
                SupportCost(key: $0.key, partnershipKey: partnershipKeys[$0.partnership_id] ?? "", label: $0.label,
                            minutesPerMeeting: $0.minutes_per_meeting, salary: $0.salary)
            })
    }

    /// The SQL that differs between SQLite and PostgreSQL for the packed rows.
    struct Aggregation {
        let postgres: Bool

        init(_ sql: any SQLDatabase) { postgres = sql.dialect.name == "postgresql" }

        var unitSeparator: String { postgres ? "chr(31)" : "char(31)" }
        var recordSeparator: String { postgres ? "chr(30)" : "char(30)" }
        // `format` is SQLite's (3.38 and later) and PostgreSQL's: null arguments become empty text in both.

        func aggregate(_ expression: String, separator: String) -> String { "\(aggregateStart)\(expression), \(separator))" }

        /// The aggregate function's name and opening parenthesis.
        var aggregateStart: String { postgres ? "string_agg(" : "group_concat(" }

        /// A text column without the two separators.
        func clean(_ column: String) -> String { "replace(replace(\(column), \(unitSeparator), ' '), \(recordSeparator), ' ')" }

        /// The records of a packed text, each as its fields.
        static func records(_ packed: String) -> [[String]] {
            packed.split(separator: "\u{1E}", omittingEmptySubsequences: true)
                .map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
        }
    }

    /// Midnight UTC of a day: the window's edges, which are a day wider than they need be on each side.
    static func instant(_ day: Day) -> Date { Date(timeIntervalSince1970: Double(day.ordinal) * 86_400) }
}
