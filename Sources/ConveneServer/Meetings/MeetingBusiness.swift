import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Every write to a board's business: meetings and series, agenda items and papers, attendance, decisions,
/// minutes, actions, calendar imports and themes. Each checks its input (returning field errors for a person to
/// fix), then writes in one transaction together with its audit entries. Permission is checked by the routes
/// (`Require` with the partnership's secretariat), before any of this runs.
enum MeetingBusiness {
    // MARK: Meetings

    static func createMeeting(_ meeting: Meeting, in scope: Scope) async throws -> [FieldError] {
        var errors = meeting.validateAsScheduled()
        let partnerships = try await partnershipIDs(meeting.partnershipKeys, in: scope, errors: &errors)
        guard errors.isEmpty else { return errors }
        try await scope.audited { scope, audit in
            let record = MeetingRecord()
            scope.claim(record)
            record.fill(meeting, partnershipID: partnerships[meeting.partnershipKey]!)
            try await record.create(on: scope.db)
            try await writeJoint(record, meeting, partnerships: partnerships, in: scope)
            audit.note("create", "meeting", meeting.key, before: nil as Meeting?, after: meeting)
        }
        return []
    }

    static func updateMeeting(_ record: MeetingRecord, from before: Meeting, to meeting: Meeting, in scope: Scope)
        async throws -> [FieldError]
    {
        var errors = meeting.validateAsScheduled()
        let partnerships = try await partnershipIDs(meeting.partnershipKeys, in: scope, errors: &errors)
        guard errors.isEmpty else { return errors }
        guard before != meeting else { return [] }
        try await scope.audited { scope, audit in
            record.fill(meeting, partnershipID: partnerships[meeting.partnershipKey]!)
            try await record.update(on: scope.db)
            try await JointMeetingRecord.query(in: scope).filter(\.$meeting.$id == record.requireID()).delete()
            try await writeJoint(record, meeting, partnerships: partnerships, in: scope)
            audit.note("update", "meeting", meeting.key, before: before, after: meeting)
        }
        return []
    }

    private static func writeJoint(
        _ record: MeetingRecord, _ meeting: Meeting, partnerships: [String: UUID], in scope: Scope
    ) async throws {
        let rows = meeting.jointWith.filter { $0 != meeting.partnershipKey }.map { key in
            let row = JointMeetingRecord()
            scope.claim(row)
            row.$meeting.id = record.id!
            row.$partnership.id = partnerships[key]!
            return row
        }
        if !rows.isEmpty { try await rows.create(on: scope.db) }
    }

    private static func partnershipIDs(_ keys: [String], in scope: Scope, errors: inout [FieldError]) async throws
        -> [String: UUID]
    {
        let found = try await PartnershipRecord.query(in: scope).filter(\.$key ~~ keys).all()
        let ids = Dictionary(uniqueKeysWithValues: found.map { ($0.key, $0.id!) })
        for key in keys where ids[key] == nil {
            errors.append(FieldError("joint_with", "There is no partnership '\(key)'"))
        }
        return ids
    }

    /// Schedules a series: the series itself, and its meetings that do not exist yet. Scheduling the same series
    /// again adds nothing. Returns the number of meetings created.
    static func scheduleSeries(_ series: MeetingSeries, template: Meeting, in scope: Scope) async throws -> (
        errors: [FieldError], created: Int
    ) {
        var errors = series.validate()
        errors += Meeting.venueErrors(format: template.format, place: template.place, onlineURL: template.onlineURL)
        let partnership = try await RegisterQueries.partnership(series.partnershipKey, in: scope)
        guard errors.isEmpty else { return (errors, 0) }
        let start = WallClock.instant(
            series.firstDay, minute: 0, zone: TimeZone(identifier: series.timeZone) ?? WallClock.london)
        let window = DateInterval(start: start.addingTimeInterval(-86_400), duration: 11 * 366 * 86_400)
        let meetings = series.meetings(in: window)
        guard !meetings.isEmpty else {
            return ([FieldError("rule", "The series has no meetings: check its first date and its end")], 0)
        }
        // Whether the series exists, and which of its meetings do, are read with the partnership locked: the same
        // series scheduled twice at once is made once.
        do {
            return ([], try await scheduled(series, meetings, template: template, of: partnership, in: scope))
        } catch let refusal as Refusal {
            return (refusal.errors, 0)
        }
    }

    private static func scheduled(
        _ series: MeetingSeries, _ meetings: [Meeting], template: Meeting, of partnership: PartnershipRecord,
        in scope: Scope
    ) async throws -> Int {
        try await scope.audited { scope, audit in
            try await scope.lock(PartnershipRecord.self, ids: [partnership.requireID()])
            if try await MeetingSeriesRecord.query(in: scope).filter(\.$key == series.key).count() > 0 {
                throw Refusal([
                    FieldError(
                        "name", "This partnership already has a series called '\(series.name)'; choose another name")
                ])
            }
            let existing = Set(
                try await MeetingRecord.query(in: scope).filter(\.$key ~~ meetings.map(\.key)).all(\.$key))
            let fresh = meetings.filter { !existing.contains($0.key) }
            let record = MeetingSeriesRecord()
            scope.claim(record)
            record.$partnership.id = try partnership.requireID()
            record.key = series.key
            record.name = series.name
            record.firstDay = series.firstDay.description
            record.startMinute = series.startMinute
            record.durationMinutes = series.durationMinutes
            record.timeZone = series.timeZone
            record.rule = series.rule
            record.skippedDays = ListColumn.encode(series.skippedDays.map(\.description))
            try await record.create(on: scope.db)
            audit.note("create", "meeting series", series.key, before: nil as MeetingSeries?, after: series)
            let rows = fresh.map { meeting in
                var meeting = meeting
                meeting.format = template.format
                meeting.place = template.place
                meeting.onlineURL = template.onlineURL
                meeting.status = template.status
                meeting.seriesKey = series.key
                let row = MeetingRecord()
                scope.claim(row)
                row.fill(meeting, partnershipID: partnership.id!)
                row.$series.id = record.id
                audit.note("create", "meeting", meeting.key, before: nil as Meeting?, after: meeting)
                return row
            }
            try await BatchInsert.run(rows, at: scope.now(), on: scope.db)
            return fresh.count
        }
    }

    // MARK: Helpers

    static func personID(_ key: String?, field: String, in scope: Scope, errors: inout [FieldError]) async throws
        -> UUID?
    {
        guard let key else { return nil }
        guard let id = try await PersonRecord.query(in: scope).filter(\.$key == key).first()?.id else {
            errors.append(FieldError(field, "There is no person '\(key)'"))
            return nil
        }
        return id
    }

    static func unknownThemes(_ themes: [String], in scope: Scope) async throws -> [FieldError] {
        guard !themes.isEmpty else { return [] }
        let known = Set(try await MeetingStore.themes(in: scope))
        return themes.filter { !known.contains($0) }.map {
            FieldError("themes", "'\($0)' is not one of the workspace's themes")
        }
    }
}
