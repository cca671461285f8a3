import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Agenda items and their papers: added, changed, moved, scheduled from the backlog, decided.
extension MeetingBusiness {
    // MARK: Agenda

    struct ItemInput: Sendable {
        var title: String
        var kind: AgendaItemKind
        var durationMinutes: Int?
        var presenterKey: String?
        var themes: [String]
    }

    /// Adds an item at the end of a meeting's agenda, or (no meeting) to the partnership's backlog.
    static func addItem(_ input: ItemInput, partnership: PartnershipRecord, meeting: MeetingRecord?, in scope: Scope)
        async throws -> [FieldError]
    {
        let prefix = meeting.map { "\($0.key)-item" } ?? "\(partnership.key)-proposed"
        let draft = AgendaItem(
            key: prefix, partnershipKey: partnership.key, meetingKey: meeting?.key, position: 1, title: input.title,
            kind: input.kind, durationMinutes: input.durationMinutes, presenterKey: input.presenterKey,
            themes: input.themes)
        var errors = draft.validate()
        let presenter = try await personID(input.presenterKey, field: "presenter_key", in: scope, errors: &errors)
        errors += try await unknownThemes(input.themes, in: scope)
        guard errors.isEmpty else { return errors }
        // Whether the meeting is settled, the key and the position are read inside the write, with the meeting (or,
        // for the backlog, the partnership) locked, so that items added at once each get their own, and none gets
        // past minutes approved meanwhile.
        return try await scope.retryingCollisions(on: ["key"]) {
            try await scope.auditedChecking { scope, audit in
                var item = draft
                if let meeting {
                    try await scope.lock(MeetingRecord.self, ids: [meeting.requireID()])
                    if try await isSettled(meeting, in: scope) { throw Refusal([settled]) }
                    item.position =
                        (try await AgendaItemRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).max(
                            \.$position) ?? 0) + 1
                } else {
                    try await scope.lock(PartnershipRecord.self, ids: [partnership.requireID()])
                }
                item.key = try await scope.unusedKey(prefix, AgendaItemRecord.self, key: \.$key, numbered: true)
                let record = AgendaItemRecord()
                scope.claim(record)
                record.$partnership.id = try partnership.requireID()
                record.$meeting.id = meeting?.id
                record.$presenter.id = presenter
                record.key = item.key
                record.position = item.position
                record.title = item.title
                record.kind = item.kind.rawValue
                record.durationMinutes = item.durationMinutes
                record.themes = ListColumn.encode(item.themes)
                try await record.create(on: scope.db)
                audit.note("create", "agenda item", item.key, before: nil as AgendaItem?, after: item)
            }
        }
    }

    static func updateItem(
        _ record: AgendaItemRecord, _ input: ItemInput, partnership: PartnershipRecord, in scope: Scope
    ) async throws -> [FieldError] {
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
        guard errors.isEmpty else { return errors }
        guard after != before else { return [] }
        let changed = after
        return try await scope.auditedChecking { scope, audit in
            if let meeting = try await record.$meeting.get(on: scope.db) {
                try await scope.lock(MeetingRecord.self, ids: [meeting.requireID()])
                if try await isSettled(meeting, in: scope) { throw Refusal([settled]) }
            }
            let after = changed
            record.title = after.title
            record.kind = after.kind.rawValue
            record.durationMinutes = after.durationMinutes
            record.$presenter.id = presenter
            record.themes = ListColumn.encode(after.themes)
            try await record.update(on: scope.db)
            audit.note("update", "agenda item", record.key, before: before, after: after)
        }
    }

    enum ItemMove: String, Sendable { case up, down, backlog, remove }

    /// Moves an item up or down its agenda, back to the backlog, or off it altogether (a backlog item is deleted).
    static func move(_ record: AgendaItemRecord, _ move: ItemMove, partnership: PartnershipRecord, in scope: Scope)
        async throws -> [FieldError]
    {
        let meeting = try await record.$meeting.get(on: scope.db)
        if move == .remove || move == .backlog, record.decision != nil {
            return [FieldError("item", "'\(record.title)' has a decision recorded; it stays on the agenda")]
        }
        if move == .remove {
            let papers = try await PaperRecord.query(in: scope).filter(\.$item.$id == record.requireID()).count()
            let actions = try await ActionRecord.query(in: scope).filter(\.$item.$id == record.requireID()).count()
            if papers + actions > 0 {
                return [FieldError("item", "'\(record.title)' has papers or actions; move it to the backlog instead")]
            }
        }
        // Whether the meeting is settled and where its items stand are read inside the write, with the meeting
        // locked: two moves at once take turns.
        return try await scope.auditedChecking { scope, audit in
            if let meeting {
                try await scope.lock(MeetingRecord.self, ids: [meeting.requireID()])
                if try await isSettled(meeting, in: scope) { throw Refusal([settled]) }
            }
            let siblings =
                meeting == nil
                ? []
                : try await AgendaItemRecord.query(in: scope).filter(\.$meeting.$id == meeting!.requireID())
                    .sort(\.$position).sort(\.$key).all()
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
                audit.note(
                    "update", "agenda item", record.key, before: before,
                    after: try await itemValue(record, partnership: partnership, in: scope))
            case .backlog:
                record.$meeting.id = nil
                record.position = 1
                try await record.update(on: scope.db)
                try await renumber(siblings.filter { $0.id != record.id }, in: scope)
                audit.note(
                    "update", "agenda item", record.key, before: before,
                    after: try await itemValue(record, partnership: partnership, in: scope))
            case .remove:
                try await record.delete(on: scope.db)
                try await renumber(siblings.filter { $0.id != record.id }, in: scope)
                audit.note("delete", "agenda item", record.key, before: before, after: nil as AgendaItem?)
            }
        }
    }

    /// Puts a backlog item on a meeting's agenda, at the end.
    static func schedule(
        _ record: AgendaItemRecord, on meeting: MeetingRecord, partnership: PartnershipRecord, in scope: Scope
    ) async throws -> [FieldError] {
        guard record.$meeting.id == nil else {
            return [FieldError("item", "'\(record.title)' is already on an agenda")]
        }
        // Settled or not, and the next place on the agenda, are read with the meeting locked.
        return try await scope.auditedChecking { scope, audit in
            try await scope.lock(MeetingRecord.self, ids: [meeting.requireID()])
            if try await isSettled(meeting, in: scope) { throw Refusal([settled]) }
            let position =
                (try await AgendaItemRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).max(
                    \.$position) ?? 0) + 1
            let before = try await itemValue(record, partnership: partnership, in: scope)
            record.$meeting.id = meeting.id
            record.position = position
            try await record.update(on: scope.db)
            audit.note(
                "update", "agenda item", record.key, before: before,
                after: try await itemValue(record, partnership: partnership, in: scope))
        }
    }

    static func renumber(_ items: [AgendaItemRecord], in scope: Scope) async throws {
        for (index, item) in items.enumerated() where item.position != index + 1 {
            item.position = index + 1
            try await item.update(on: scope.db)
        }
    }

    static func itemValue(_ record: AgendaItemRecord, partnership: PartnershipRecord, in scope: Scope) async throws
        -> AgendaItem
    {
        var meetingKey: String?
        var presenterKey: String?
        if let id = record.$meeting.id {
            meetingKey = try await MeetingRecord.query(in: scope).filter(\.$id == id).first()?.key
        }
        if let id = record.$presenter.id {
            presenterKey = try await PersonRecord.query(in: scope).filter(\.$id == id).first()?.key
        }
        return record.domain(
            partnershipKey: partnership.key, meetingKey: meetingKey, presenterKey: presenterKey)
    }

    /// Records (or with empty text clears) the board's decision on an item.
    static func recordDecision(_ record: AgendaItemRecord, decision: String?, rationale: String?, in scope: Scope)
        async throws -> [FieldError]
    {
        guard let meeting = try await record.$meeting.get(on: scope.db) else {
            return [FieldError("decision", "A decision is recorded on an item of a meeting, not one in the backlog")]
        }
        if decision == nil && rationale != nil {
            return [FieldError("decision", "Write the decision as well as its rationale")]
        }
        let before = record.decision.map { Decision(itemKey: record.key, decision: $0, rationale: record.rationale) }
        let after = decision.map { Decision(itemKey: record.key, decision: $0, rationale: rationale) }
        guard before != after else { return [] }
        return try await scope.auditedChecking { scope, audit in
            try await scope.lock(MeetingRecord.self, ids: [meeting.requireID()])
            if try await isSettled(meeting, in: scope) { throw Refusal([settled]) }
            record.decision = decision
            record.rationale = decision == nil ? nil : rationale
            try await record.update(on: scope.db)
            audit.note(
                after == nil ? "delete" : (before == nil ? "create" : "update"), "decision", record.key, before: before,
                after: after)
        }
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
    static func addPaper(
        to item: AgendaItemRecord, title: String?, url: String?, file: (name: String, data: Data)?,
        in scope: Scope
    ) async throws -> [FieldError] {
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
            if file.data.isEmpty {
                errors.append(FieldError("file", "The file is empty"))
            } else if file.data.count > maximumPaperSize {
                errors.append(FieldError("file", "The file must be smaller than 10 MB"))
            } else if let found = PaperType.of(name: file.name, data: file.data) {
                type = found
            } else {
                errors.append(
                    FieldError(
                        "file",
                        "The file must be a PDF, a Word, Excel, PowerPoint or OpenDocument file, a CSV or text file, or a PNG or JPEG picture, and be what its name says"
                    ))
            }
        }
        let name = title ?? file?.name ?? url
        if name?.isEmpty ?? true { errors.append(FieldError("title", "Enter the paper's title")) }
        guard errors.isEmpty, let name else { return errors }
        let paper = PaperRecord()
        scope.claim(paper)
        paper.$item.id = try item.requireID()
        paper.title = String(name.prefix(200))
        paper.url = url
        if let file, let type {
            paper.fileName = PaperType.safeName(file.name)
            paper.contentType = type.contentType
            paper.size = file.data.count
            paper.sha256 = SHA256.hash(data: file.data).lowercaseHex
        }
        let summary = PaperSummary(
            key: "", item: item.key, title: paper.title, url: url, fileName: paper.fileName,
            contentType: paper.contentType, size: paper.size, sha256: paper.sha256)
        try await scope.retryingCollisions(on: ["key"]) {
            try await scope.audited { scope, audit in
                // The key is chosen with the item locked, so that papers added to it at once each get their own.
                try await scope.lock(AgendaItemRecord.self, ids: [item.requireID()])
                paper.key = try await scope.unusedKey(
                    "\(item.key)-paper", PaperRecord.self, key: \.$key, numbered: true)
                var summary = summary
                summary.key = paper.key
                try await paper.create(on: scope.db)
                if let file {
                    let content = PaperContentRecord()
                    scope.claim(content)
                    content.$paper.id = try paper.requireID()
                    content.data = file.data
                    try await content.create(on: scope.db)
                }
                audit.note("create", "paper", paper.key, before: nil as PaperSummary?, after: summary)
            }
        }
        return []
    }
}
