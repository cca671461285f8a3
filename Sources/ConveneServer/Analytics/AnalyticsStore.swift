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

    /// What an analysis reads besides the register (organisations, people, partnerships, memberships, terms).
    struct Needs: OptionSet, Sendable {
        let rawValue: Int
        /// The meetings with their attendance and joint partnerships.
        static let meetings = Needs(rawValue: 8)
        /// Agenda items with their kind, time and themes, and whether each was decided (with their meetings).
        static let items = Needs(rawValue: 1 | 8)
        /// …and their titles (for items that come back undecided, and for duplicate discussions).
        static let titles = Needs(rawValue: 2)
        /// The actions raised in the period (with the meetings they were raised at).
        static let actions = Needs(rawValue: 4 | 8)
        static let everything: Needs = [.items, .titles, .actions]

        static func of(_ analysis: Analysis) -> Needs {
            switch analysis {
            case .overlap, .priorities, .involvement, .sros, .footprints: []
            case .load, .attendance: .meetings
            case .cost: .items
            case .duplicates, .triage: [.items, .titles]
            case .delivery: .everything
            }
        }
    }

    /// The workspace's register and, as `needs` says, its meetings from a year before the period to its end (a year
    /// of history prices the typical meeting) with their attendance, agendas and decisions, and the actions raised
    /// in the period.
    ///
    /// Each table comes back as one text, its records packed by the database (`PackedText`): a national workspace
    /// has about 24,000 attendance records and 12,000 agenda items a year, and a row costs far more to hand over and
    /// decode than the text it carries. Ids become keys here, through dictionaries: a join in the database costs more.
    static func load(in scope: Scope, period: Period, needs: Needs = .everything) async throws -> AnalyticsData {
        let sql = scope.sql
        let dialect = Aggregation(sql)
        let workspace = scope.workspaceID
        let from = Self.instant(period.from.adding(days: -400))
        let to = Self.instant(period.to.adding(days: 2))

        /// The table's records in the workspace (and meeting `condition`), each its `columns` in order.
        func read(_ table: String, _ columns: [String], _ condition: SQLQueryString? = nil) async throws -> String? {
            var query = SQLQueryString("SELECT ")
            query.appendInterpolation(unsafeRaw: "\(dialect.aggregateStart)format(CAST(")
            query.appendInterpolation(bind: Array(repeating: "%s", count: columns.count).joined(separator: "\u{1F}"))
            query.appendInterpolation(
                unsafeRaw:
                    " AS TEXT), \(columns.joined(separator: ", "))), \(dialect.recordSeparator)) AS packed FROM \(table) WHERE workspace_id = "
            )
            query.appendInterpolation(bind: workspace)
            if let condition {
                query.appendInterpolation(unsafeRaw: " AND ")
                query += condition
            }
            return try await sql.raw(query).first()?.decode(column: "packed", as: String?.self) ?? nil
        }
        let clean = dialect.clean

        var organisations: [Organisation] = []
        var organisationKeys: [UUID: String] = [:]
        PackedText.forEach(try await read(OrganisationRecord.schema, ["id", "key", clean("name"), "sector"])) { f in
            guard let id = f.uuid(0) else { return }
            organisationKeys[id] = f[1]
            organisations.append(Organisation(key: f[1], name: f[2], sector: Sector(rawValue: f[3]) ?? .other))
        }

        var persons: [Person] = []
        var personKeys: [UUID: String] = [:]
        PackedText.forEach(
            try await read(
                PersonRecord.schema,
                ["id", "key", clean("name"), clean("role_title"), "organisation_id", "seniority", "salary_band"])
        ) { f in
            guard let id = f.uuid(0) else { return }
            personKeys[id] = f[1]
            persons.append(
                Person(
                    key: f[1], name: f[2], roleTitle: f.optional(3),
                    organisationKey: f.uuid(4).flatMap { organisationKeys[$0] },
                    seniority: f.optional(5).flatMap(SeniorityBand.init(rawValue:)), salaryBand: f.int(6)))
        }

        var partnerships: [Partnership] = []
        var partnershipKeys: [UUID: String] = [:]
        PackedText.forEach(
            try await read(
                PartnershipRecord.schema,
                [
                    "id", "key", clean("name"), "type", "status", clean("statutory_basis"), clean("themes"),
                    "pcc_roles", "meeting_frequency", "secretariat_id"
                ])
        ) { f in
            guard let id = f.uuid(0) else { return }
            partnershipKeys[id] = f[1]
            partnerships.append(
                Partnership(
                    key: f[1], name: f[2], type: PartnershipType(rawValue: f[3]) ?? .forum,
                    status: PartnershipStatus(rawValue: f[4]) ?? .active,
                    statutoryBasis: f.optional(5), themes: ListColumn.decode(f[6]),
                    pccRoles: ListColumn.decode(f[7]).compactMap(PCCRole.init(rawValue:)),
                    meetingFrequency: f.optional(8).flatMap(MeetingFrequency.init(rawValue:)),
                    secretariatKey: f.uuid(9).flatMap { organisationKeys[$0] }))
        }

        var memberships: [Membership] = []
        PackedText.forEach(
            try await read(
                MembershipRecord.schema,
                [
                    "key", "partnership_id", "person_id", "organisation_id", "role", "voting_right", "started_on",
                    "ended_on", "substitute_id"
                ])
        ) { f in
            memberships.append(
                Membership(
                    key: f[0], partnershipKey: f.uuid(1).flatMap { partnershipKeys[$0] } ?? "",
                    personKey: f.uuid(2).flatMap { personKeys[$0] },
                    organisationKey: f.uuid(3).flatMap { organisationKeys[$0] },
                    role: MembershipRole(rawValue: f[4]) ?? .member,
                    votingRight: f.bool(5), startedOn: f.optional(6).flatMap(Day.init),
                    endedOn: f.optional(7).flatMap(Day.init),
                    substituteKey: f.uuid(8).flatMap { personKeys[$0] }))
        }

        var terms: [TermsOfReference] = []
        PackedText.forEach(
            try await read(TermsOfReferenceRecord.schema, ["partnership_id", "version", "quorum", "approved_on"])
        ) { f in
            terms.append(
                TermsOfReference(
                    partnershipKey: f.uuid(0).flatMap { partnershipKeys[$0] } ?? "", version: f.int(1) ?? 1,
                    quorum: f.int(2), approvedOn: f.optional(3).flatMap(Day.init)))
        }

        // The meetings, as fields until their attendance and joint partnerships are read.
        struct MeetingFields {
            var key: String; var partnershipKey: String; var name: String; var startsAt: Date; var endsAt: Date?;
            var status: MeetingStatus
        }
        var meetingFields: [MeetingFields] = []
        var meetingIndex: [UUID: Int] = [:]
        let inRange: SQLQueryString = "starts_at >= \(bind: from) AND starts_at < \(bind: to)"
        var inMeetings = SQLQueryString(
            "meeting_id IN (SELECT id FROM meetings WHERE workspace_id = \(bind: workspace) AND ")
        inMeetings += inRange
        inMeetings.appendInterpolation(unsafeRaw: ")")
        var jointWith: [[String]] = []
        var attendance: [[Attendance]] = []
        if needs.contains(.meetings) {
            PackedText.forEach(
                try await read(
                    MeetingRecord.schema,
                    [
                        "id", "key", "partnership_id", clean("name"), dialect.epoch("starts_at"),
                        dialect.epoch("ends_at"), "status"
                    ], inRange)
            ) { f in
                guard let id = f.uuid(0), let starts = f.double(4) else { return }
                meetingIndex[id] = meetingFields.count
                meetingFields.append(
                    MeetingFields(
                        key: f[1], partnershipKey: f.uuid(2).flatMap { partnershipKeys[$0] } ?? "", name: f[3],
                        startsAt: Date(timeIntervalSince1970: starts),
                        endsAt: f.double(5).map(Date.init(timeIntervalSince1970:)),
                        status: MeetingStatus(rawValue: f[6]) ?? .scheduled))
            }
            jointWith = Array(repeating: [String](), count: meetingFields.count)
            PackedText.forEach(try await read(JointMeetingRecord.schema, ["meeting_id", "partnership_id"])) { f in
                guard let meeting = f.uuid(0).flatMap({ meetingIndex[$0] }),
                    let partnership = f.uuid(1).flatMap({ partnershipKeys[$0] })
                else { return }
                jointWith[meeting].append(partnership)
            }

            attendance = Array(repeating: [Attendance](), count: meetingFields.count)
            PackedText.forEach(
                try await read(
                    AttendanceRecord.schema,
                    [
                        "meeting_id", "person_id", "status", "substitute_for_id", "preparation_minutes",
                        "travel_minutes", "attended_minutes"
                    ], inMeetings)
            ) { f in
                guard let meeting = f.uuid(0).flatMap({ meetingIndex[$0] }) else { return }
                attendance[meeting].append(
                    Attendance(
                        personKey: f.uuid(1).flatMap { personKeys[$0] } ?? "",
                        status: AttendanceStatus(rawValue: f[2]) ?? .present,
                        substituteForKey: f.uuid(3).flatMap { personKeys[$0] }, preparationMinutes: f.int(4),
                        travelMinutes: f.int(5),
                        attendedMinutes: f.int(6)))
            }
        }

        // Agenda items; their titles and decisions only when asked for.
        var items: [AgendaItem] = []
        var decisions: [Decision] = []
        if needs.contains(.items) {
            var columns = [
                "meeting_id", "key", "position", "kind", "duration_minutes", clean("themes"),
                "CASE WHEN decision IS NULL OR decision = '' THEN '' ELSE 'decided' END"
            ]
            if needs.contains(.titles) { columns.append(clean("title")) }
            PackedText.forEach(try await read(AgendaItemRecord.schema, columns, inMeetings)) { f in
                guard let meeting = f.uuid(0).flatMap({ meetingIndex[$0] }) else { return }
                let key = f[1]
                items.append(
                    AgendaItem(
                        key: key, partnershipKey: meetingFields[meeting].partnershipKey,
                        meetingKey: meetingFields[meeting].key,
                        position: f.int(2) ?? 1, title: f[7], kind: AgendaItemKind(rawValue: f[3]) ?? .discussion,
                        durationMinutes: f.int(4), themes: ListColumn.decode(f[5])))
                if !f.isEmpty(6) { decisions.append(Decision(itemKey: key, decision: "decided")) }
            }
        }

        var actions: [ActionItem] = []
        if needs.contains(.actions) {
            let raised: SQLQueryString =
                "raised_on >= \(bind: period.from.description) AND raised_on <= \(bind: period.to.description)"
            PackedText.forEach(
                try await read(
                    ActionRecord.schema,
                    [
                        "key", "partnership_id", "meeting_id", clean("title"), "owner_person_id",
                        "owner_organisation_id", "raised_on", "due_on", "status"
                    ], raised)
            ) { f in
                guard let raisedOn = Day(f[6]) else { return }
                actions.append(
                    ActionItem(
                        key: f[0], partnershipKey: f.uuid(1).flatMap { partnershipKeys[$0] } ?? "",
                        meetingKey: f.uuid(2).flatMap { meetingIndex[$0] }.map { meetingFields[$0].key }, title: f[3],
                        ownerPersonKey: f.uuid(4).flatMap { personKeys[$0] },
                        ownerOrganisationKey: f.uuid(5).flatMap { organisationKeys[$0] },
                        raisedOn: raisedOn, dueOn: f.optional(7).flatMap(Day.init),
                        status: ActionStatus(rawValue: f[8]) ?? .open))
            }
        }

        var supportCosts: [SupportCost] = []
        PackedText.forEach(
            try await read(
                SupportCostRecord.schema, ["key", "partnership_id", clean("label"), "minutes_per_meeting", "salary"])
        ) { f in
            supportCosts.append(
                SupportCost(
                    key: f[0], partnershipKey: f.uuid(1).flatMap { partnershipKeys[$0] } ?? "", label: f[2],
                    minutesPerMeeting: f.int(3) ?? 0, salary: f.int(4)))
        }

        let meetings = meetingFields.indices.map { i in
            let m = meetingFields[i]
            return Meeting(
                key: m.key, partnershipKey: m.partnershipKey, name: m.name, startsAt: m.startsAt, endsAt: m.endsAt,
                status: m.status,
                attendance: attendance[i], jointWith: jointWith[i].sorted())
        }
        return AnalyticsData(
            organisations: organisations, persons: persons, partnerships: partnerships, memberships: memberships,
            termsOfReference: terms, meetings: meetings, items: items, decisions: decisions, actions: actions,
            supportCosts: supportCosts)
    }

    /// The SQL that differs between SQLite and PostgreSQL for the packed rows.
    struct Aggregation {
        let postgres: Bool

        init(_ sql: any SQLDatabase) { postgres = sql.dialect.name == "postgresql" }

        var unitSeparator: String { postgres ? "chr(31)" : "char(31)" }
        var recordSeparator: String { postgres ? "chr(30)" : "char(30)" }
        // `format` is SQLite's (3.38 and later) and PostgreSQL's: null arguments become empty text in both.

        /// The aggregate function's name and opening parenthesis.
        var aggregateStart: String { postgres ? "string_agg(" : "group_concat(" }

        /// A time column as seconds since 1970 (SQLite keeps them so).
        func epoch(_ column: String) -> String { postgres ? "extract(epoch from \(column))" : column }

        /// A text column without the two separators.
        func clean(_ column: String) -> String {
            "replace(replace(\(column), \(unitSeparator), ' '), \(recordSeparator), ' ')"
        }
    }

    /// Midnight UTC of a day: the window's edges, which are a day wider than they need be on each side.
    static func instant(_ day: Day) -> Date { Date(timeIntervalSince1970: Double(day.ordinal) * 86_400) }
}
