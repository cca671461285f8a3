import ConveneDomain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Plot
import SQLKit
import Vapor

/// A page as it was worked out, kept against the workspace's data version (`DataVersion`): the page, what was asked
/// of it (the path, the query, the day, the role asking and what else it varies with) and the version name one kept
/// page; it is served while the workspace's version is still the one it was worked out at, by any instance.
final class KeptPageRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "kept_pages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    /// Which page: an analysis (`analysis/cost`), the overview, a partnership's page, ….
    @Field(key: "page") var page: String
    @Field(key: "parameters") var parameters: String
    @Field(key: "version") var version: Int64
    /// The page without who is asking: its layout's title, breadcrumbs (as JSON) and demo banner, and its content as
    /// HTML, with `KeptPages.tokenStandIn` for the form token when it has forms.
    @Field(key: "title") var title: String
    @Field(key: "breadcrumbs") var breadcrumbs: String
    @Field(key: "is_demo") var isDemo: Bool
    @Field(key: "has_forms") var hasForms: Bool
    @Field(key: "content") var content: String
    /// When the page stops being true whatever the data (the next meeting starts, for a page of what is upcoming).
    @OptionalField(key: "expires_at") var expiresAt: Date?

    static var workspacePath: KeyPath<KeptPageRecord, ParentProperty<KeptPageRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// What a kept page's handler answers: its page, or a file (an analysis's CSV or JSON) that was asked for instead.
enum PageAnswer {
    case page(Layout)
    case file(Response)
}

/// Pages kept against the data version: what is worked out from a workspace's data once is served from the database
/// until a write moves the version on. For pages that show the workspace's data as of the day (the register's pages,
/// the analyses, a meeting, API lists), and those that say what is upcoming until the next meeting starts (a
/// partnership's meetings, "my meetings"); not for those that read beyond the workspace.
enum KeptPages {
    /// The page: the kept one when the workspace's data has not changed since it was worked out, else worked out by
    /// `make` and kept. The first time costs what it did before, plus one write.
    ///
    /// `make` is given the context to build the page with: the request's own for a file (a query with `format`), and
    /// for a page one whose form token is `tokenStandIn`, which the request's token replaces as the page is served
    /// (the kept page is every reader's). What a page shows depends on its path and query, the day and the role
    /// asking, and on what the caller names in `varying` (whether this reader may edit this partnership, say); the
    /// data it reads moves the version on when it changes. A page that also changes with the time (what is upcoming)
    /// says with `expires` when it next will, as of now; it is asked before the page is worked out.
    static func page(
        _ page: String, _ req: Request, varying: [String] = [], expires: (() async throws -> Date?)? = nil,
        make: (PageContext) async throws -> PageAnswer
    ) async throws -> Response {
        let context = req.pageContext
        guard let principal = context.principal, (try? req.query.get(String.self, at: "format")) == nil else {
            return try await make(context).response
        }
        let question = Question(req, page: page, principal: principal, varying: varying)
        if let served = try await kept(question, req) { return served.layout(context).response() }
        let expiresAt = try await expires?()
        var standIn = context
        standIn.csrfToken = Self.tokenStandIn
        let answer = try await make(standIn)
        guard case .page(let layout) = answer else { return answer.response }
        var kept = KeptPage(layout)
        kept.expires_at = expiresAt
        return await keep(kept, question, req).layout(context).response()
    }

    /// An API read's JSON kept as a page is: the same question at the same data version is answered with the kept
    /// body. Only a `200` is kept; there is no reader's part to put back.
    static func json(_ page: String, _ req: Request, make: () async throws -> Response) async throws -> Response {
        guard let principal = req.principal else { return try await make() }
        let question = Question(req, page: page, principal: principal, varying: [])
        if let served = try await kept(question, req) {
            let response = Response(status: .ok, body: .init(string: served.parts.joined()))
            response.headers.contentType = .json
            return response
        }
        let response = try await make()
        guard response.status == .ok, let body = response.body.string else { return response }
        _ = await keep(
            KeptPage(title: "", breadcrumbs: "[]", is_demo: false, has_forms: false, content: body), question, req)
        return response
    }

    /// What was asked of a page, at which data version.
    struct Question: Sendable {
        var workspaceID: UUID
        var page: String
        var parameters: String
        var version: Int64

        /// Names the question in this instance's recent pages.
        var name: String { "\(workspaceID)\n\(page)\n\(parameters)" }
    }

    /// The page kept for the question, while it holds: from this instance's recent pages, else from the database.
    private static func kept(_ question: Question, _ req: Request) async throws -> ServedPage? {
        let recent = req.application.recentPages
        let now = req.now()
        if let served = recent.page(question), served.holds(at: now) { return served }
        guard
            let kept = try await KeptPageRecord.query(in: req.scope).filter(\.$page == question.page)
                .filter(\.$parameters == question.parameters).filter(\.$version == question.version)
                .plainRows(KeptPage.self, ["title", "breadcrumbs", "is_demo", "has_forms", "content", "expires_at"])
                .first
        else { return nil }
        let served = ServedPage(kept)
        guard served.holds(at: now) else { return nil }
        recent.keep(served, question)
        return served
    }

    /// Keeps the page in the database and in this instance's recent pages, and gives it ready to serve.
    private static func keep(_ kept: KeptPage, _ question: Question, _ req: Request) async -> ServedPage {
        try? await keep(
            kept, as: question.page, parameters: question.parameters, version: question.version, in: req.scope)
        let served = ServedPage(kept)
        req.application.recentPages.keep(served, question)
        return served
    }

    /// Stands for the reader's form token in a kept page.
    static let tokenStandIn = "convene-form-token-stand-in"

    /// What the page was asked: its path, the query's items in order, the day (the figures are as of today), the role
    /// and what else it varies with.
    fileprivate static func parameters(_ req: Request, principal: Principal, varying: [String]) -> String {
        var items = URLComponents(string: req.url.string)?.queryItems ?? []
        items.sort { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        var components = URLComponents()
        components.queryItems =
            [
                URLQueryItem(name: "@path", value: req.url.path),
                URLQueryItem(name: "@day", value: req.now.today.description),
                URLQueryItem(name: "@role", value: principal.role.rawValue)
            ] + varying.map { URLQueryItem(name: "@varying", value: $0) } + items
        return components.percentEncodedQuery ?? ""
    }

    /// Keeps a page, replacing what was kept for the same question at an older version, and drops the workspace's
    /// pages of older versions. Best effort: a page that cannot be kept (another writer holds SQLite's lock, say) is
    /// worked out again next time.
    private static func keep(
        _ kept: KeptPage, as page: String, parameters: String, version: Int64, in scope: Scope
    ) async throws {
        let table = KeptPageRecord.schema
        try await scope.sql.raw(
            """
            DELETE FROM \(ident: table) WHERE workspace_id = \(bind: scope.workspaceID) AND version < \(bind: version)
            """
        ).run()
        try await scope.sql.raw(
            """
            INSERT INTO \(ident: table)
                (id, workspace_id, page, parameters, version, title, breadcrumbs, is_demo, has_forms, content,
                expires_at)
            VALUES (\(bind: UUID()), \(bind: scope.workspaceID), \(bind: page), \(bind: parameters),
                \(bind: version), \(bind: kept.title), \(bind: kept.breadcrumbs), \(bind: kept.is_demo),
                \(bind: kept.has_forms), \(bind: kept.content), \(bind: kept.expires_at))
            ON CONFLICT (workspace_id, page, parameters) DO UPDATE SET version = excluded.version,
                title = excluded.title, breadcrumbs = excluded.breadcrumbs, is_demo = excluded.is_demo,
                has_forms = excluded.has_forms, content = excluded.content, expires_at = excluded.expires_at
            WHERE \(ident: table).version <= excluded.version
            """
        ).run()
    }

    /// A page as kept: everything of its layout but who is asking.
    struct KeptPage: Decodable, Sendable {
        var title: String
        /// Label and link of each, as JSON.
        var breadcrumbs: String
        var is_demo: Bool
        var has_forms: Bool
        var content: String
        var expires_at: Date?
    }

    /// A kept page ready to serve: its breadcrumbs read and its content cut where the form token goes, so that serving
    /// it to a reader is joining the parts with their token. Made once per instance and version (`RecentPages`).
    struct ServedPage: Sendable {
        var title: String
        var breadcrumbs: [(label: String, href: String)]
        var isDemo: Bool
        var parts: [String]
        var expiresAt: Date?

        init(_ kept: KeptPage) {
            title = kept.title
            let crumbs = (try? JSONDecoder().decode([[String]].self, from: Data(kept.breadcrumbs.utf8))) ?? []
            breadcrumbs = crumbs.map { (label: $0[0], href: $0[1]) }
            isDemo = kept.is_demo
            parts = kept.has_forms ? kept.content.components(separatedBy: tokenStandIn) : [kept.content]
            expiresAt = kept.expires_at
        }

        /// The bytes it holds.
        var bytes: Int { parts.reduce(title.utf8.count) { $0 + $1.utf8.count } }

        /// Whether the page is still true at `now` (its data version aside).
        func holds(at now: Date) -> Bool { expiresAt.map { now < $0 } ?? true }

        func layout(_ context: PageContext) -> Layout {
            Layout(
                context: context, title: title, breadcrumbs: breadcrumbs, isDemo: isDemo,
                content: .raw(parts.count == 1 ? parts[0] : parts.joined(separator: context.csrfToken ?? "")))
        }
    }
}

extension PageAnswer {
    var response: Response {
        switch self {
        case .page(let layout): layout.response()
        case .file(let response): response
        }
    }
}

/// The pages this instance kept or read last, each with the data version it was kept at: a page asked again at the same
/// version is served without a second statement. A shortcut, never the record: who is asking reads the version from
/// the database on every request, so nothing here is served after a write on any instance, and no instance needs
/// another's. At most `capacity` bytes of pages are held; room is made by dropping any.
final class RecentPages: Sendable {
    private struct Entry {
        var version: Int64
        var page: KeptPages.ServedPage
        var bytes: Int
    }

    let capacity: Int
    private let state = NIOLockedValueBox<(entries: [String: Entry], bytes: Int)>(([:], 0))

    init(capacity: Int = 32 << 20) { self.capacity = capacity }

    /// How many pages, and how many bytes of them, are held.
    var held: (pages: Int, bytes: Int) { state.withLockedValue { ($0.entries.count, $0.bytes) } }

    func page(_ question: KeptPages.Question) -> KeptPages.ServedPage? {
        state.withLockedValue { state in
            state.entries[question.name].flatMap { $0.version == question.version ? $0.page : nil }
        }
    }

    func keep(_ page: KeptPages.ServedPage, _ question: KeptPages.Question) {
        let bytes = page.bytes
        guard bytes <= capacity else { return }
        state.withLockedValue { state in
            if let old = state.entries.removeValue(forKey: question.name) {
                state.bytes -= old.bytes
            }
            while state.bytes + bytes > capacity, let (name, entry) = state.entries.first {
                state.entries.removeValue(forKey: name)
                state.bytes -= entry.bytes
            }
            state.entries[question.name] = Entry(version: question.version, page: page, bytes: bytes)
            state.bytes += bytes
        }
    }
}

extension Application {
    private struct RecentPagesKey: StorageKey { typealias Value = RecentPages }

    /// This instance's recent pages (`RecentPages`), made as the application is configured.
    var recentPages: RecentPages {
        get { storage[RecentPagesKey.self]! }
        set { storage[RecentPagesKey.self] = newValue }
    }
}

extension KeptPages.Question {
    init(_ req: Request, page: String, principal: Principal, varying: [String]) {
        self.init(
            workspaceID: principal.workspaceID, page: page,
            parameters: KeptPages.parameters(req, principal: principal, varying: varying),
            version: principal.dataVersion)
    }
}

extension KeptPages.KeptPage {
    init(_ layout: Layout) {
        title = layout.title
        breadcrumbs = String(
            decoding: (try? JSONEncoder().encode(layout.breadcrumbs.map { [$0.label, $0.href] }))
                ?? Data("[]".utf8),
            as: UTF8.self)
        is_demo = layout.isDemo
        content = layout.content.render()
        has_forms = content.contains(KeptPages.tokenStandIn)
    }
}
