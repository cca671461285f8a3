import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Calendar files imported into a partnership's meetings, and the workspace's list of themes.
extension MeetingBusiness {
    // MARK: Calendar import

    enum CalendarOutcome: Sendable {
        case imported(CalendarResult)
        case rejected([ImportIssue])
    }

    struct CalendarResult: Sendable {
        var created: [String] = []
        var updated: [String] = []
        var unchanged = 0
        var skipped = 0
        /// What the file said that was read by a guess (an empty RRULE, an event without a UID, a line that lost its
        /// fold space), each by its line: shown with the result, never a reason to refuse the file.
        var warnings: [ImportIssue] = []
    }

    /// Imports a calendar file into a partnership's meetings: all or nothing, and by event key, so the same file
    /// again changes nothing and a changed file updates the meetings it names.
    static func importCalendar(
        _ data: Data, into partnership: PartnershipRecord,
        in scope: Scope
    ) async throws -> CalendarOutcome {
        let now = scope.now()
        guard !data.isEmpty else { return .rejected([ImportIssue("file", "The file is empty")]) }
        let window = DateInterval(
            start: now.addingTimeInterval(-10 * 366 * 86_400), end: now.addingTimeInterval(5 * 366 * 86_400))
        let file = CalendarImport.read(data, window: window)
        if !file.issues.isEmpty { return .rejected(file.issues) }
        if file.events.isEmpty {
            return .rejected([
                ImportIssue("file", "The file has no events (VEVENT) in the ten years before and five after today")
            ])
        }
        let meetings = file.events.map {
            CalendarMeetings.meeting(from: $0, partnershipKey: partnership.key, timeZone: WallClock.london)
        }
        var issues: [ImportIssue] = []
        for (event, meeting) in zip(file.events, meetings) {
            for error in meeting.validate() {
                issues.append(ImportIssue("line \(event.line ?? 0)", field: error.field, error.message))
            }
        }
        guard issues.isEmpty else { return .rejected(issues) }
        // What is stored is read inside the write, with the partnership locked: two imports at once take turns, and
        // one that loses a race for a key to another partnership's import runs again and finds it taken.
        let result = try await scope.retryingCollisions(on: ["key"]) {
            try await scope.audited { scope, audit in
                try await scope.lock(PartnershipRecord.self, ids: [partnership.requireID()])
                let stored = try await MeetingRecord.query(in: scope).filter(
                    \.$calendarKey ~~ meetings.compactMap(\.calendarKey)
                )
                .filter(\.$partnership.$id == partnership.requireID()).all()
                let byCalendarKey = Dictionary(
                    stored.map { ($0.calendarKey ?? "", $0) }, uniquingKeysWith: { a, _ in a })
                let takenKeys = Set(
                    try await MeetingRecord.query(in: scope).filter(\.$key ~~ meetings.map(\.key)).all(\.$key))
                var result = CalendarResult(warnings: file.warnings)
                for meeting in meetings {
                    if let record = byCalendarKey[meeting.calendarKey ?? ""] {
                        let before = record.domain(partnershipKey: partnership.key)
                        var after = meeting
                        after.key = record.key
                        // What the file does not say (how people meet, if it names no place) is left as the secretariat set it.
                        after.format = meeting.format ?? before.format
                        if before.status == .held && after.status == .scheduled { after.status = .held }
                        if before == after { result.unchanged += 1; continue }
                        record.fill(after, partnershipID: partnership.id!)
                        try await record.update(on: scope.db)
                        audit.note("update", "meeting", record.key, before: before, after: after)
                        result.updated.append(record.key)
                    } else if takenKeys.contains(meeting.key) {
                        // Another partnership's meeting already has this key: the same event imported there.
                        result.skipped += 1
                    } else {
                        let record = MeetingRecord()
                        scope.claim(record)
                        record.fill(meeting, partnershipID: partnership.id!)
                        try await record.create(on: scope.db)
                        audit.note("create", "meeting", meeting.key, before: nil as Meeting?, after: meeting)
                        result.created.append(meeting.key)
                    }
                }
                return result
            }
        }
        return .imported(result)
    }

    // MARK: Themes

    static func addTheme(_ name: String, in scope: Scope) async throws -> [FieldError] {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let errors = Theme.nameErrors(name)
        guard errors.isEmpty else { return errors }
        // Checked against the current themes inside the write, with the workspace locked.
        return try await scope.auditedChecking { scope, audit in
            try await scope.lockWorkspace()
            if let clash = Theme.clash(name, with: try await MeetingStore.themes(in: scope)) { throw Refusal([clash]) }
            let row = try await ThemeRecord.query(in: scope).filter(\.$name == name).first() ?? ThemeRecord()
            scope.claim(row)
            row.name = name
            row.retired = false
            try await row.save(on: scope.db)
            audit.note("create", "theme", name, before: nil as String?, after: name)
        }
    }

    /// Takes a theme out of the list offered for new items; items already tagged keep it.
    static func retireTheme(_ name: String, in scope: Scope) async throws -> [FieldError] {
        guard try await MeetingStore.themes(in: scope).contains(name) else {
            return [FieldError("name", "'\(name)' is not a current theme")]
        }
        try await scope.audited { scope, audit in
            let row = try await ThemeRecord.query(in: scope).filter(\.$name == name).first() ?? ThemeRecord()
            scope.claim(row)
            row.name = name
            row.retired = true
            try await row.save(on: scope.db)
            audit.note("delete", "theme", name, before: name, after: nil as String?)
        }
        return []
    }
}
