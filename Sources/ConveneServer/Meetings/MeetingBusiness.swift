import ConveneDomain
import Vapor
import Fluent
import Foundation

/// Every write to a board's business: meetings and series, agenda items and papers, attendance, decisions,
/// minutes, actions, calendar imports and themes. Each checks its input (returning field errors for a person to
/// fix), then writes in one transaction together with its audit entries. Permission is checked by the routes
/// (`Require` with the partnership's secretariat), before any of this runs.
enum MeetingBusiness {
    // MARK: Meetings

    static func createMeeting(_ meeting: Meeting, in scope: Scope) async throws -> [FieldError] {
        var errors = meeting.validate()
        let partnerships = try await partnershipIDs(meeting.partnershipKeys, in: scope, errors: &errors)
        if try await MeetingRecord.query(in: scope).filter(\.$key == meeting.key).count() > 0 {
            errors.append(FieldError("key", "The identifier '\(meeting.key)' is already used; choose another"))
        }
        guard errors.isEmpty else { return errors }
        try await scope.audited { scope, audit in
            let record = MeetingRecord()
            scope.claim(record)
            fill(record, meeting, partnerships: partnerships)
            try await record.create(on: scope.db)
            try await writeJoint(record, meeting, partnerships: partnerships, in: scope)
            audit.note("create", "meeting", meeting.key, before: nil as Meeting?, after: meeting)
        }
        return []
    }

    static func updateMeeting(_ record: MeetingRecord, from before: Meeting, to meeting: Meeting, in scope: Scope) async throws -> [FieldError] {
        var errors = meeting.validate()
        let partnerships = try await partnershipIDs(meeting.partnershipKeys, in: scope, errors: &errors)
        guard errors.isEmpty else { return errors }
        guard before != meeting else { return [] }
        try await scope.audited { scope, audit in
            fill(record, meeting, partnerships: partnerships)
            try await record.update(on: scope.db)
            try await JointMeetingRecord.query(in: scope).filter(\.$meeting.$id == record.requireID()).delete()
            try await writeJoint(record, meeting, partnerships: partnerships, in: scope)
            audit.note("update", "meeting", meeting.key, before: before, after: meeting)
        }
        return []
    }

    /// A meeting's fields onto its record (not its series, joint partnerships or attendance).
    static func fill(_ record: MeetingRecord, _ meeting: Meeting, partnerships: [String: UUID]) {
        record.key = meeting.key
        record.$partnership.id = partnerships[meeting.partnershipKey]!
        record.name = meeting.name
        record.startsAt = meeting.startsAt
        record.endsAt = meeting.endsAt
        record.status = meeting.status.rawValue
        record.format = meeting.format?.rawValue
        record.place = meeting.place
        record.onlineURL = meeting.onlineURL
        record.calendarKey = meeting.calendarKey
    }

    private static func writeJoint(_ record: MeetingRecord, _ meeting: Meeting, partnerships: [String: UUID], in scope: Scope) async throws {
        let rows = meeting.jointWith.filter { $0 != meeting.partnershipKey }.map { key in
            let row = JointMeetingRecord()
            scope.claim(row)
            row.$meeting.id = record.id!
            row.$partnership.id = partnerships[key]!
            return row
        }
        if !rows.isEmpty { try await rows.create(on: scope.db) }
    }

    private static func partnershipIDs(_ keys: [String], in scope: Scope, errors: inout [FieldError]) async throws -> [String: UUID] {
        let found = try await PartnershipRecord.query(in: scope).filter(\.$key ~~ keys).all()
        let ids = Dictionary(uniqueKeysWithValues: found.map { ($0.key, $0.id!) })
        for key in keys where ids[key] == nil { errors.append(FieldError("joint_with", "There is no partnership '\(key)'")) }
        return ids
    }

    /// Schedules a series: the series itself, and its meetings that do not exist yet. Scheduling the same series
    /// again adds nothing. Returns the number of meetings created.
    static func scheduleSeries(_ series: MeetingSeries, template: Meeting, in scope: Scope) async throws -> (errors: [FieldError], created: Int) {
        var errors = series.validate()
        if let url = template.onlineURL, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            errors.append(FieldError("online_url", "The joining link must start with https://"))
        }
        let partnership = try await RegisterQueries.partnership(series.partnershipKey, in: scope)
        if try await MeetingSeriesRecord.query(in: scope).filter(\.$key == series.key).count() > 0 {
            errors.append(FieldError("name", "This partnership already has a series called '\(series.name)'; choose another name"))
        }
        guard errors.isEmpty else { return (errors, 0) }
        let start = WallClock.instant(series.firstDay, minute: 0, zone: TimeZone(identifier: series.timeZone) ?? WallClock.london)
        let window = DateInterval(start: start.addingTimeInterval(-86_400), duration: 11 * 366 * 86_400)
        let meetings = series.meetings(in: window)
        guard !meetings.isEmpty else { return ([FieldError("rule", "The series has no meetings: check its first date and its end")], 0) }
        let existing = Set(try await MeetingRecord.query(in: scope).filter(\.$key ~~ meetings.map(\.key)).all(\.$key))
        let fresh = meetings.filter { !existing.contains($0.key) }
        try await scope.audited { scope, audit in
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
                fill(row, meeting, partnerships: [series.partnershipKey: partnership.id!])
                row.$series.id = record.id
                audit.note("create", "meeting", meeting.key, before: nil as Meeting?, after: meeting)
                return row
            }
            for chunk in stride(from: 0, to: rows.count, by: 200) {
                try await Array(rows[chunk..<min(chunk + 200, rows.count)]).create(on: scope.db)
            }
        }
        return ([], fresh.count)
    }

    // MARK: Agenda

    /// A key for a new record: `prefix-N` with N one more than the largest in use.
    static func nextKey<M: WorkspaceOwned>(_ prefix: String, _ type: M.Type, key: KeyPath<M, FieldProperty<M, String>>,
                                           in scope: Scope) async throws -> String {
        let used = try await scope.query(M.self).filter(key, .custom("LIKE"), "\(prefix)-%").all().map { $0[keyPath: key].value ?? "" }
        let numbers = used.compactMap { Int($0.dropFirst(prefix.count + 1)) }
        return "\(prefix)-\((numbers.max() ?? 0) + 1)"
    }

    struct ItemInput: Sendable {
        var title: String
        var kind: AgendaItemKind
        var durationMinutes: Int?
        var presenterKey: String?
        var themes: [String]
    }

    /// Adds an item at the end of a meeting's agenda, or (no meeting) to the partnership's backlog.
    static func addItem(_ input: ItemInput, partnership: PartnershipRecord, meeting: MeetingRecord?, in scope: Scope) async throws -> [FieldError] {
        let prefix = meeting.map { "\($0.key)-item" } ?? "\(partnership.key)-proposed"
        let key = try await nextKey(prefix, AgendaItemRecord.self, key: \.$key, in: scope)
        let position: Int
        if let meeting {
            position = (try await AgendaItemRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).max(\.$position) ?? 0) + 1
        } else {
            position = 1
        }
        let item = AgendaItem(key: key, partnershipKey: partnership.key, meetingKey: meeting?.key, position: position, title: input.title,
                              kind: input.kind, durationMinutes: input.durationMinutes, presenterKey: input.presenterKey, themes: input.themes)
        var errors = item.validate()
        let presenter = try await personID(input.presenterKey, field: "presenter_key", in: scope, errors: &errors)
        errors += try await unknownThemes(input.themes, in: scope)
        if let meeting, try await isSettled(meeting, in: scope) { errors.append(settled) }
        guard errors.isEmpty else { return errors }
        try await scope.audited { scope, audit in
            let record = AgendaItemRecord()
            scope.claim(record)
            record.$partnership.id = try partnership.requireID()
            record.$meeting.id = meeting?.id
            record.$presenter.id = presenter
            record.key = key
            record.position = position
            record.title = item.title
            record.kind = item.kind.rawValue
            record.durationMinutes = item.durationMinutes
            record.themes = ListColumn.encode(item.themes)
            try await record.create(on: scope.db)
            audit.note("create", "agenda item", key, before: nil as AgendaItem?, after: item)
        }
        return []
    }

    static func updateItem(_ record: AgendaItemRecord, _ input: ItemInput, partnership: PartnershipRecord, in scope: Scope) async throws -> [FieldError] {
        let before = try await itemValue(record, partnership: partnership, in: scope)
        var after = before
        after.title = input.title
        after.kind = input.kind
        after.durationMinutes = input.durationMinutes
        after.presenterKey = input.presenterKey
        after.themes = input.themes
        var errors = after.validate()
        let presenter = try await personID(input.presenterKey, field: "presenter_key", in: scope, errors: &errors)
        errors += try await unknownThemes(input.themes, in: scope)
        if let meeting = try await record.$meeting.get(on: scope.db), try await isSettled(meeting, in: scope) { errors.append(settled) }
        guard errors.isEmpty else { return errors }
        guard after != before else { return [] }
        let changed = after
        try await scope.audited { scope, audit in
            let after = changed
            record.title = after.title
            record.kind = after.kind.rawValue
            record.durationMinutes = after.durationMinutes
            record.$presenter.id = presenter
            record.themes = ListColumn.encode(after.themes)
            try await record.update(on: scope.db)
            audit.note("update", "agenda item", record.key, before: before, after: after)
        }
        return []
    }

    enum ItemMove: String, Sendable { case up, down, backlog, remove }

    /// Moves an item up or down its agenda, back to the backlog, or off it altogether (a backlog item is deleted).
    static func move(_ record: AgendaItemRecord, _ move: ItemMove, partnership: PartnershipRecord, in scope: Scope) async throws -> [FieldError] {
        let meeting = try await record.$meeting.get(on: scope.db)
        if let meeting, try await isSettled(meeting, in: scope) { return [settled] }
        if move == .remove || move == .backlog, record.decision != nil {
            return [FieldError("item", "'\(record.title)' has a decision recorded; it stays on the agenda")]
        }
        if move == .remove {
            let papers = try await PaperRecord.query(in: scope).filter(\.$item.$id == record.requireID()).count()
            let actions = try await ActionRecord.query(in: scope).filter(\.$item.$id == record.requireID()).count()
            if papers + actions > 0 { return [FieldError("item", "'\(record.title)' has papers or actions; move it to the backlog instead")] }
        }
        let siblings = meeting == nil ? [] : try await AgendaItemRecord.query(in: scope).filter(\.$meeting.$id == meeting!.requireID())
            .sort(\.$position).sort(\.$key).all()
        try await scope.audited { scope, audit in
            let before = try await itemValue(record, partnership: partnership, in: scope)
            switch move {
            case .up, .down:
                guard let index = siblings.firstIndex(where: { $0.id == record.id }) else { return }
                let other = move == .up ? index - 1 : index + 1
                guard siblings.indices.contains(other) else { return }
                var ordered = siblings
                ordered.swapAt(index, other)
                for (position, item) in ordered.enumerated() where item.position != position + 1 {
                    item.position = position + 1
                    try await item.update(on: scope.db)
                }
                audit.note("update", "agenda item", record.key, before: before,
                           after: try await itemValue(record, partnership: partnership, in: scope))
            case .backlog:
                record.$meeting.id = nil
                record.position = 1
                try await record.update(on: scope.db)
                try await renumber(siblings.filter { $0.id != record.id }, in: scope)
                audit.note("update", "agenda item", record.key, before: before, after: try await itemValue(record, partnership: partnership, in: scope))
            case .remove:
                try await record.delete(on: scope.db)
                try await renumber(siblings.filter { $0.id != record.id }, in: scope)
                audit.note("delete", "agenda item", record.key, before: before, after: nil as AgendaItem?)
            }
        }
        return []
    }

    /// Puts a backlog item on a meeting's agenda, at the end.
    static func schedule(_ record: AgendaItemRecord, on meeting: MeetingRecord, partnership: PartnershipRecord, in scope: Scope) async throws -> [FieldError] {
        guard record.$meeting.id == nil else { return [FieldError("item", "'\(record.title)' is already on an agenda")] }
        if try await isSettled(meeting, in: scope) { return [settled] }
        let position = (try await AgendaItemRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).max(\.$position) ?? 0) + 1
        try await scope.audited { scope, audit in
            let before = try await itemValue(record, partnership: partnership, in: scope)
            record.$meeting.id = meeting.id
            record.position = position
            try await record.update(on: scope.db)
            audit.note("update", "agenda item", record.key, before: before, after: try await itemValue(record, partnership: partnership, in: scope))
        }
        return []
    }

    private static func renumber(_ items: [AgendaItemRecord], in scope: Scope) async throws {
        for (index, item) in items.enumerated() where item.position != index + 1 {
            item.position = index + 1
            try await item.update(on: scope.db)
        }
    }

    static func itemValue(_ record: AgendaItemRecord, partnership: PartnershipRecord, in scope: Scope) async throws -> AgendaItem {
        var meetingKey: String?, presenterKey: String?
        if let id = record.$meeting.id { meetingKey = try await MeetingRecord.query(in: scope).filter(\.$id == id).first()?.key }
        if let id = record.$presenter.id { presenterKey = try await PersonRecord.query(in: scope).filter(\.$id == id).first()?.key }
        return MeetingStore.agendaItem(record, partnershipKey: partnership.key, meetingKey: meetingKey, presenterKey: presenterKey)
    }

    /// Records (or with empty text clears) the board's decision on an item.
    static func recordDecision(_ record: AgendaItemRecord, decision: String?, rationale: String?, in scope: Scope) async throws -> [FieldError] {
        guard let meeting = try await record.$meeting.get(on: scope.db) else {
            return [FieldError("decision", "A decision is recorded on an item of a meeting, not one in the backlog")]
        }
        if try await isSettled(meeting, in: scope) { return [settled] }
        if decision == nil && rationale != nil { return [FieldError("decision", "Write the decision as well as its rationale")] }
        let before = record.decision.map { Decision(itemKey: record.key, decision: $0, rationale: record.rationale) }
        let after = decision.map { Decision(itemKey: record.key, decision: $0, rationale: rationale) }
        guard before != after else { return [] }
        try await scope.audited { scope, audit in
            record.decision = decision
            record.rationale = decision == nil ? nil : rationale
            try await record.update(on: scope.db)
            audit.note(after == nil ? "delete" : (before == nil ? "create" : "update"), "decision", record.key, before: before, after: after)
        }
        return []
    }

    // MARK: Papers

    /// The largest paper Convene keeps.
    static let maximumPaperSize = 10 * 1024 * 1024

    struct PaperSummary: Codable, Sendable {
        var key: String
        var item: String
        var title: String
        var url: String?
        var fileName: String?
        var contentType: String?
        var size: Int?
        var sha256: String?
    }

    /// Attaches a link, or a file whose contents are what its name says (checked by its first bytes, not trusted
    /// from the browser).
    static func addPaper(to item: AgendaItemRecord, title: String?, url: String?, file: (name: String, data: Data)?,
                         in scope: Scope) async throws -> [FieldError] {
        var errors: [FieldError] = []
        var type: PaperType?
        switch (url, file) {
        case (nil, nil):
            errors.append(FieldError("file", "Choose a file, or give a link to the paper"))
        case (.some, .some):
            errors.append(FieldError("file", "Give a file or a link, not both"))
        case (let url?, nil):
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url)?.host == nil {
                errors.append(FieldError("url", "The link must be a web address starting with https://"))
            }
        case (nil, let file?):
            if file.data.isEmpty { errors.append(FieldError("file", "The file is empty")) }
            else if file.data.count > maximumPaperSize { errors.append(FieldError("file", "The file must be smaller than 10 MB")) }
            else if let found = PaperType.of(name: file.name, data: file.data) { type = found }
            else { errors.append(FieldError("file", "The file must be a PDF, a Word, Excel, PowerPoint or OpenDocument file, a CSV or text file, or a PNG or JPEG picture, and be what its name says")) }
        }
        let name = title ?? file?.name ?? url
        if name?.isEmpty ?? true { errors.append(FieldError("title", "Enter the paper's title")) }
        guard errors.isEmpty, let name else { return errors }
        let key = try await nextKey("\(item.key)-paper", PaperRecord.self, key: \.$key, in: scope)
        let paper = PaperRecord()
        scope.claim(paper)
        paper.$item.id = try item.requireID()
        paper.key = key
        paper.title = String(name.prefix(200))
        paper.url = url
        if let file, let type {
            paper.fileName = PaperType.safeName(file.name)
            paper.contentType = type.contentType
            paper.size = file.data.count
            paper.sha256 = SHA256.hash(data: file.data).map { String(format: "%02x", $0) }.joined()
        }
        let summary = PaperSummary(key: key, item: item.key, title: paper.title, url: url, fileName: paper.fileName,
                                   contentType: paper.contentType, size: paper.size, sha256: paper.sha256)
        try await scope.audited { scope, audit in
            try await paper.create(on: scope.db)
            if let file {
                let content = PaperContentRecord()
                scope.claim(content)
                content.$paper.id = try paper.requireID()
                content.data = file.data
                try await content.create(on: scope.db)
            }
            audit.note("create", "paper", key, before: nil as PaperSummary?, after: summary)
        }
        return []
    }

    // MARK: Attendance

    /// Replaces a meeting's attendance register. Substitutes must stand in for members who are not also present.
    static func recordAttendance(_ meeting: MeetingRecord, _ attendance: [Attendance], detail: MeetingStore.Detail,
                                 in scope: Scope) async throws -> [FieldError] {
        if detail.isSettled { return [settled] }
        var errors = Quorum.problems(members: Set(detail.members.map(\.person.key)), attendance: attendance)
        var probe = detail.meeting
        probe.attendance = attendance
        errors += probe.validate().filter { $0.field == "attendance" }
        for a in attendance {
            for (minutes, field) in [(a.preparationMinutes, "preparation"), (a.travelMinutes, "travel"), (a.attendedMinutes, "attended")] {
                if let minutes, !(0...1440).contains(minutes) {
                    errors.append(FieldError("attendance", "The \(field) time of '\(a.personKey)' must be between 0 and 1,440 minutes"))
                }
            }
        }
        let keys = Set(attendance.map(\.personKey) + attendance.compactMap(\.substituteForKey))
        let people = Dictionary(uniqueKeysWithValues: try await PersonRecord.query(in: scope).filter(\.$key ~~ Array(keys)).all().map { ($0.key, $0.id!) })
        for key in keys.sorted() where people[key] == nil { errors.append(FieldError("attendance", "There is no person '\(key)'")) }
        guard errors.isEmpty else { return errors }
        let before = detail.members.compactMap(\.attendance) + detail.others.compactMap(\.attendance)
        let sortedBefore = before.sorted { $0.personKey < $1.personKey }
        let sortedAfter = attendance.sorted { $0.personKey < $1.personKey }
        guard sortedBefore != sortedAfter else { return [] }
        try await scope.audited { scope, audit in
            try await AttendanceRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).delete()
            let rows = sortedAfter.map { AttendanceRecord.row($0, meeting: meeting.id!, persons: people, in: scope) }
            if !rows.isEmpty { try await rows.create(on: scope.db) }
            audit.note("update", "attendance", meeting.key, before: sortedBefore, after: sortedAfter)
            // A meeting with people recorded at it was held.
            if sortedAfter.contains(where: \.attended), meeting.status == MeetingStatus.scheduled.rawValue || meeting.status == MeetingStatus.draft.rawValue {
                meeting.status = MeetingStatus.held.rawValue
                try await meeting.update(on: scope.db)
            }
        }
        return []
    }

    // MARK: Minutes

    private static func minutesRecord(_ meeting: MeetingRecord, in scope: Scope) async throws -> MinutesRecord? {
        try await MinutesRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).first()
    }

    static func addendaOf(_ minutes: MinutesRecord?, in scope: Scope) async throws -> [AddendumRecord] {
        guard let minutes else { return [] }
        return try await AddendumRecord.query(in: scope).filter(\.$minutes.$id == minutes.requireID()).sort(\.$createdAt).all()
    }

    static func isSettled(_ meeting: MeetingRecord, in scope: Scope) async throws -> Bool {
        (try await minutesRecord(meeting, in: scope)).map { $0.state != MinutesState.draft.rawValue } ?? false
    }

    static let settled = FieldError("minutes", "The minutes of this meeting are approved: its agenda, attendance and decisions can no longer change. Correct locked minutes with an addendum")

    enum MinutesChange: Sendable {
        case edit(String)
        case approve(on: Day, atMeeting: MeetingRecord?)
        case lock
        case addendum(String, on: Day)
    }

    /// Changes a meeting's minutes by the rules of `Minutes`: a draft is edited and approved, approved minutes are
    /// locked, locked minutes only gain dated addenda.
    static func changeMinutes(_ meeting: MeetingRecord, _ change: MinutesChange, in scope: Scope) async throws -> [FieldError] {
        let record = try await minutesRecord(meeting, in: scope)
        let addenda = try await addendaOf(record, in: scope)
        let before = record.map { MeetingStore.minutesValue($0, meetingKey: meeting.key, addenda: addenda) }
        var minutes = before ?? Minutes(meetingKey: meeting.key)
        do throws(Minutes.Refusal) {
            switch change {
            case .edit(let text): try minutes.edit(text)
            case .approve(let day, let at):
                if let at, at.startsAt < meeting.startsAt {
                    return [FieldError("at_meeting", "Minutes are approved at the meeting itself or a later one")]
                }
                try minutes.approve(on: day, atMeeting: at?.key)
            case .lock: try minutes.lock()
            case .addendum(let text, let day): try minutes.addAddendum(text, on: day)
            }
        } catch {
            return [FieldError("minutes", error.description)]
        }
        if case .approve = change, minutes.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return [FieldError("minutes", "Write the minutes before they are approved")]
        }
        guard minutes != before else { return [] }
        let changed = minutes
        try await scope.audited { scope, audit in
            let minutes = changed
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
        return []
    }

    // MARK: Actions

    static func addAction(_ input: ActionItem, partnership: PartnershipRecord, meeting: MeetingRecord?, item: AgendaItemRecord?,
                          in scope: Scope) async throws -> (errors: [FieldError], key: String?) {
        let key = try await nextKey("\(partnership.key)-action", ActionRecord.self, key: \.$key, in: scope)
        var action = input
        action.key = key
        var errors = action.validate()
        let owner = try await personID(action.ownerPersonKey, field: "owner", in: scope, errors: &errors)
        var organisation: UUID?
        if let key = action.ownerOrganisationKey {
            organisation = try await OrganisationRecord.query(in: scope).filter(\.$key == key).first()?.id
            if organisation == nil { errors.append(FieldError("owner", "There is no organisation '\(key)'")) }
        }
        guard errors.isEmpty else { return (errors, nil) }
        let organisationID = organisation, checked = action
        try await scope.audited { scope, audit in
            let action = checked
            let record = ActionRecord()
            scope.claim(record)
            record.$partnership.id = try partnership.requireID()
            record.$meeting.id = meeting?.id
            record.$item.id = item?.id
            record.$ownerPerson.id = owner
            record.$ownerOrganisation.id = organisationID
            record.key = key
            record.title = action.title
            record.raisedOn = action.raisedOn.description
            record.dueOn = action.dueOn?.description
            record.status = action.status.rawValue
            try await record.create(on: scope.db)
            audit.note("create", "action", key, before: nil as ActionItem?, after: action)
        }
        return ([], key)
    }

    /// A dated update to an action, and with it perhaps a new status.
    static func updateAction(_ record: ActionRecord, text: String?, status: ActionStatus?, on day: Day, in scope: Scope) async throws -> [FieldError] {
        let text = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty || status != nil else { return [FieldError("text", "Write the update, or choose a new status")] }
        let newStatus = status.flatMap { $0.rawValue == record.status ? nil : $0 }
        guard !text.isEmpty || newStatus != nil else { return [] }
        let before = record.status
        try await scope.audited { scope, audit in
            let update = ActionUpdateRecord()
            scope.claim(update)
            update.$action.id = try record.requireID()
            update.on = day.description
            update.text = text
            update.status = newStatus?.rawValue
            try await update.create(on: scope.db)
            if let newStatus {
                record.status = newStatus.rawValue
                try await record.update(on: scope.db)
            }
            audit.note("update", "action", record.key, before: ["status": before],
                       after: ["status": record.status, "update": text, "on": day.description])
        }
        return []
    }

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
    }

    /// Imports a calendar file into a partnership's meetings: all or nothing, and by event key, so the same file
    /// again changes nothing and a changed file updates the meetings it names.
    static func importCalendar(_ data: Data, into partnership: PartnershipRecord,
                               in scope: Scope) async throws -> CalendarOutcome {
        let now = scope.now()
        guard !data.isEmpty else { return .rejected([ImportIssue("file", "The file is empty")]) }
        let window = DateInterval(start: now.addingTimeInterval(-10 * 366 * 86_400), end: now.addingTimeInterval(5 * 366 * 86_400))
        let file = CalendarImport.read(data, window: window)
        if !file.issues.isEmpty { return .rejected(file.issues) }
        if file.events.isEmpty { return .rejected([ImportIssue("file", "The file has no events (VEVENT) in the ten years before and five after today")]) }
        let meetings = file.events.map { CalendarMeetings.meeting(from: $0, partnershipKey: partnership.key, timeZone: WallClock.london) }
        var issues: [ImportIssue] = []
        for (event, meeting) in zip(file.events, meetings) {
            for error in meeting.validate() {
                issues.append(ImportIssue("line \(event.line ?? 0)", field: error.field, error.message))
            }
        }
        guard issues.isEmpty else { return .rejected(issues) }
        let stored = try await MeetingRecord.query(in: scope).filter(\.$calendarKey ~~ meetings.compactMap(\.calendarKey))
            .filter(\.$partnership.$id == partnership.requireID()).all()
        let byCalendarKey = Dictionary(stored.map { ($0.calendarKey ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let takenKeys = Set(try await MeetingRecord.query(in: scope).filter(\.$key ~~ meetings.map(\.key)).all(\.$key))
        let result = try await scope.audited { scope, audit in
            var result = CalendarResult()
            for meeting in meetings {
                if let record = byCalendarKey[meeting.calendarKey ?? ""] {
                    let before = MeetingStore.domain(record, partnershipKey: partnership.key)
                    var after = meeting
                    after.key = record.key
                    // What the file does not say (how people meet, if it names no place) is left as the secretariat set it.
                    after.format = meeting.format ?? before.format
                    if before.status == .held && after.status == .scheduled { after.status = .held }
                    if before == after { result.unchanged += 1; continue }
                    fill(record, after, partnerships: [partnership.key: partnership.id!])
                    try await record.update(on: scope.db)
                    audit.note("update", "meeting", record.key, before: before, after: after)
                    result.updated.append(record.key)
                } else if takenKeys.contains(meeting.key) {
                    // Another partnership's meeting already has this key: the same event imported there.
                    result.skipped += 1
                } else {
                    let record = MeetingRecord()
                    scope.claim(record)
                    fill(record, meeting, partnerships: [partnership.key: partnership.id!])
                    try await record.create(on: scope.db)
                    audit.note("create", "meeting", meeting.key, before: nil as Meeting?, after: meeting)
                    result.created.append(meeting.key)
                }
            }
            return result
        }
        return .imported(result)
    }

    // MARK: Themes

    static func addTheme(_ name: String, in scope: Scope) async throws -> [FieldError] {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 60, !name.contains(";") else {
            return [FieldError("name", "Enter a theme of up to 60 characters, without semicolons")]
        }
        let current = try await MeetingStore.themes(in: scope)
        if current.contains(where: { $0.lowercased() == name.lowercased() }) { return [FieldError("name", "'\(name)' is already a theme")] }
        try await scope.audited { scope, audit in
            let row = try await ThemeRecord.query(in: scope).filter(\.$name == name).first() ?? ThemeRecord()
            scope.claim(row)
            row.name = name
            row.retired = false
            try await row.save(on: scope.db)
            audit.note("create", "theme", name, before: nil as String?, after: name)
        }
        return []
    }

    /// Takes a theme out of the list offered for new items; items already tagged keep it.
    static func retireTheme(_ name: String, in scope: Scope) async throws -> [FieldError] {
        guard try await MeetingStore.themes(in: scope).contains(name) else { return [FieldError("name", "'\(name)' is not a current theme")] }
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

    // MARK: Helpers

    private static func personID(_ key: String?, field: String, in scope: Scope, errors: inout [FieldError]) async throws -> UUID? {
        guard let key else { return nil }
        guard let id = try await PersonRecord.query(in: scope).filter(\.$key == key).first()?.id else {
            errors.append(FieldError(field, "There is no person '\(key)'"))
            return nil
        }
        return id
    }

    private static func unknownThemes(_ themes: [String], in scope: Scope) async throws -> [FieldError] {
        guard !themes.isEmpty else { return [] }
        let known = Set(try await MeetingStore.themes(in: scope))
        return themes.filter { !known.contains($0) }.map { FieldError("themes", "'\($0)' is not one of the workspace's themes") }
    }
}
