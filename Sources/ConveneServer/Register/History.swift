import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// One audit event as people and exports see it.
struct AuditEntry {
    var at: Date
    var actor: String
    var action: String
    var kind: String
    var key: String
    var before: [String: Any]?
    var after: [String: Any]?

    init(_ record: AuditEventRecord) {
        at = record.at
        actor = record.actor
        action = record.action
        kind = record.kind
        key = record.recordKey
        before = record.before.flatMap(Self.object)
        after = record.after.flatMap(Self.object)
    }

    private static func object(_ json: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    }

    /// The fields an update changed, with their old and new values as text.
    var changes: [(field: String, before: String, after: String)] {
        guard let before, let after else { return [] }
        return Set(before.keys).union(after.keys).sorted().compactMap { field in
            let old = Self.text(before[field])
            let new = Self.text(after[field])
            return old == new ? nil : (field, old, new)
        }
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "–"
        case let list as [Any]: return list.map { text($0) }.joined(separator: ", ")
        case let flag as Bool: return flag ? "yes" : "no"
        case let other?: return "\(other)"
        }
    }

    func jsonLine() throws -> Data {
        var object: [String: Any] = [
            "at": ISO8601DateFormatter().string(from: at), "actor": actor, "action": action,
            "kind": kind, "key": key
        ]
        object["before"] = before ?? NSNull()
        object["after"] = after ?? NSNull()
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// Where the record lives, if it has a page.
    var href: String? {
        switch kind {
        case "partnership": RegisterPath.partnership(key).href
        case "organisation": RegisterPath.organisation(key).href
        case "person": RegisterPath.person(key).href
        default: nil
        }
    }
}

enum HistoryPage {
    struct Query: Content { var kind: String?; var key: String?; var page: Int? }

    static func register(on app: RoutesBuilder) {
        app.get(RegisterPath.history, use: show)
    }

    /// The workspace's history, newest first; or one record's, when kind and key are given.
    @Sendable static func show(req: Request) async throws -> Response {
        let context = req.pageContext
        let query = try req.query.decode(Query.self)
        let window = PageWindow(clamping: query.page, perPage: 50)
        func base() -> QueryBuilder<AuditEventRecord> {
            let q = AuditEventRecord.query(in: req.scope)
            if let kind = query.kind, !kind.isEmpty { q.filter(\.$kind == kind) }
            if let key = query.key, !key.isEmpty { q.filter(\.$recordKey == key) }
            return q
        }
        async let total = base().count()
        async let events = base().sort(\.$at, .descending).sort(\.$id, .descending).window(window).all()
        let entries = try await events.map(AuditEntry.init)
        let title = query.key.map { "History of \($0)" } ?? "History of this register"
        let pages = max(1, (try await total + 49) / 50)
        return Layout(
            context: context, title: title, breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                .heading(title),
                .p(.text("Every change to the register: who made it, when, and what it changed.")),
                entries.isEmpty
                    ? .p(.text("No changes are recorded."))
                    : Components.table(
                        caption: title, headers: [.text("When"), .text("Who"), .text("What"), .text("Changes")],
                        rows: entries.map { entry in
                            [
                                .text(WallClock.dateTime(entry.at)),
                                .text(entry.actor),
                                .group(
                                    .text("\(entry.action.capitalized) \(entry.kind) "),
                                    entry.href.map { .a(.href($0), .text(entry.key)) } ?? .code(.text(entry.key))),
                                entry.action == "update"
                                    ? .ul(
                                        .forEach(entry.changes) { c in
                                            .li(.strong(.text(c.field)), .text(": \(c.before) → \(c.after)"))
                                        })
                                    : .text(entry.action == "create" ? "Created" : "Deleted")
                            ]
                        }, captionVisible: false),
                Components.pagination(page: window.page, pages: pages) { page in
                    RegisterPath.history.href([("kind", query.kind), ("key", query.key), ("page", String(page))])
                }
            )
        ).response()
    }

}
