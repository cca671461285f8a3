import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The attendance register and the minutes: draft, approved, locked, corrected by addenda.
extension MeetingBusiness {
    // MARK: Attendance

    /// Replaces a meeting's attendance register. Substitutes must stand in for members who are not also present.
    static func recordAttendance(
        _ meeting: MeetingRecord, _ attendance: [Attendance], detail: MeetingStore.Detail,
        in scope: Scope
    ) async throws -> [FieldError] {
        if detail.isSettled { return [settled] }
        var errors = Quorum.problems(members: Set(detail.members.map(\.person.key)), attendance: attendance)
        var probe = detail.meeting
        probe.attendance = attendance
        // The meeting's rules about its attendees (each once, minutes within a day).
        errors += probe.validate().filter { $0.field == "attendance" }
        let keys = Set(attendance.map(\.personKey) + attendance.compactMap(\.substituteForKey))
        let people = Dictionary(
            uniqueKeysWithValues: try await PersonRecord.query(in: scope).filter(\.$key ~~ Array(keys)).all().map {
                ($0.key, $0.id!)
            })
        for key in keys.sorted() where people[key] == nil {
            errors.append(FieldError("attendance", "There is no person '\(key)'"))
        }
        guard errors.isEmpty else { return errors }
        let before = detail.members.compactMap(\.attendance) + detail.others.compactMap(\.attendance)
        let sortedBefore = before.sorted { $0.personKey < $1.personKey }
        let sortedAfter = attendance.sorted { $0.personKey < $1.personKey }
        guard sortedBefore != sortedAfter else { return [] }
        // Settled is read again with the meeting locked: minutes approved meanwhile keep the register as it was.
        return try await scope.auditedChecking { scope, audit in
            try await scope.lock(MeetingRecord.self, ids: [meeting.requireID()])
            if try await isSettled(meeting, in: scope) { throw Refusal([settled]) }
            try await AttendanceRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).delete()
            let rows = sortedAfter.map { AttendanceRecord.row($0, meeting: meeting.id!, persons: people, in: scope) }
            if !rows.isEmpty { try await rows.create(on: scope.db) }
            audit.note("update", "attendance", meeting.key, before: sortedBefore, after: sortedAfter)
            // A meeting with people recorded at it was held.
            if sortedAfter.contains(where: \.attended),
                meeting.status == MeetingStatus.scheduled.rawValue || meeting.status == MeetingStatus.draft.rawValue
            {
                meeting.status = MeetingStatus.held.rawValue
                try await meeting.update(on: scope.db)
            }
        }
    }

    // MARK: Minutes

    static func minutesRecord(_ meeting: MeetingRecord, in scope: Scope) async throws -> MinutesRecord? {
        try await MinutesRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).first()
    }

    static func addendaOf(_ minutes: MinutesRecord?, in scope: Scope) async throws -> [AddendumRecord] {
        guard let minutes else { return [] }
        return try await AddendumRecord.query(in: scope).filter(\.$minutes.$id == minutes.requireID()).sort(
            \.$createdAt
        ).all()
    }

    static func isSettled(_ meeting: MeetingRecord, in scope: Scope) async throws -> Bool {
        (try await minutesRecord(meeting, in: scope)).map { $0.state != MinutesState.draft.rawValue } ?? false
    }

    static let settled = FieldError(
        "minutes",
        "The minutes of this meeting are approved: its agenda, attendance and decisions can no longer change. Correct locked minutes with an addendum"
    )

    enum MinutesChange: Sendable {
        case edit(String)
        case approve(on: Day, atMeeting: MeetingRecord?)
        case lock
        case addendum(String, on: Day)
    }

    /// Changes a meeting's minutes by the rules of `Minutes`: a draft is edited and approved, approved minutes are
    /// locked, locked minutes only gain dated addenda.
    static func changeMinutes(_ meeting: MeetingRecord, _ change: MinutesChange, in scope: Scope) async throws
        -> [FieldError]
    {
        // The minutes as they stand are read with the meeting locked: two changes at once take turns.
        return try await scope.auditedChecking { scope, audit in
            try await scope.lock(MeetingRecord.self, ids: [meeting.requireID()])
            let record = try await minutesRecord(meeting, in: scope)
            let addenda = try await addendaOf(record, in: scope)
            let before = record.map { $0.domain(meetingKey: meeting.key, addenda: addenda) }
            var minutes = before ?? Minutes(meetingKey: meeting.key)
            do throws(Minutes.Refusal) {
                switch change {
                case .edit(let text): try minutes.edit(text)
                case .approve(let day, let at):
                    try minutes.approve(on: day, atMeeting: at?.key, approving: at?.startsAt, held: meeting.startsAt)
                case .lock: try minutes.lock()
                case .addendum(let text, let day): try minutes.addAddendum(text, on: day)
                }
            } catch {
                throw Refusal([FieldError(error.field, error.description)])
            }
            guard minutes != before else { return }
            let row = record ?? MinutesRecord()
            if record == nil {
                scope.claim(row)
                row.$meeting.id = try meeting.requireID()
            }
            row.text = minutes.text
            row.state = minutes.state.rawValue
            row.approvedOn = minutes.approvedOn?.description
            if case .approve(_, let at) = change { row.$approvedAt.id = at?.id }
            try await row.save(on: scope.db)
            if case .addendum(let text, let day) = change {
                let addendum = AddendumRecord()
                scope.claim(addendum)
                addendum.$minutes.id = try row.requireID()
                addendum.on = day.description
                addendum.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
                try await addendum.create(on: scope.db)
            }
            audit.note(before == nil ? "create" : "update", "minutes", meeting.key, before: before, after: minutes)
        }
    }
}
