import ConveneDomain
import Fluent
import Foundation
import Plot
import SQLKit
import Vapor

/// A signed-in user's own sessions: where they are signed in (when each began and was last seen), with "sign out
/// everywhere", which ends every session of theirs and revokes every API token of theirs, in one transaction.
enum SessionPages {
    static func register(on app: RoutesBuilder) {
        app.get(AccountPath.sessions, use: page)
        app.post(AccountPath.signOutEverywhere, use: signOutEverywhere)
    }

    struct Row {
        var started: Date
        var seen: Date
        var isThis: Bool
    }

    /// The sessions of a user: SQLite and PostgreSQL read the session's JSON each their own way.
    static func sessions(of user: UUID, on db: Database) async throws -> [(key: String, data: SessionData)] {
        let sql = db as! any SQLDatabase
        let owner =
            sql.dialect.name == "sqlite"
            ? SQLQueryString("json_extract(data, '$.user')") : SQLQueryString("(data->>'user')")
        return try await sql.raw(
            "SELECT key, data FROM _fluent_sessions WHERE \(owner) = \(bind: user.uuidString)"
        ).all().map {
            (try $0.decode(column: "key", as: String.self), try $0.decode(column: "data", as: SessionData.self))
        }
    }

    @Sendable static func page(req: Request) async throws -> Response {
        guard let principal = req.principal, !principal.viaToken else { throw Abort(.forbidden) }
        let rows = try await sessions(of: principal.userID, on: req.db).map { s in
            Row(
                started: Date(timeIntervalSince1970: s.data["started"].flatMap(Double.init) ?? 0),
                seen: Date(timeIntervalSince1970: s.data["seen"].flatMap(Double.init) ?? 0),
                isThis: s.key == req.session.id?.string)
        }.sorted { $0.seen > $1.seen }
        let tokens = try await APITokenRecord.query(on: req.db).filter(\.$user.$id == principal.userID)
            .filter(\.$revokedAt == nil).count()
        let context = req.pageContext
        return Layout(
            context: context, title: "Where you are signed in",
            breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                .heading("Where you are signed in"),
                Components.table(
                    caption: "Your sessions", headers: [.text("Began"), .text("Last seen"), .text("")],
                    rows: rows.map { r in
                        [
                            .text(WallClock.dateTime(r.started)), .text(WallClock.dateTime(r.seen)),
                            r.isThis ? Components.tag("This one", "blue") : .text("")
                        ]
                    }),
                .p(
                    .text("You have \(tokens) API token\(tokens == 1 ? "" : "s") in use. "),
                    .a(.href(AccountPath.tokens.href), .text("Your API tokens"))),
                .postForm(
                    action: AccountPath.signOutEverywhere.href, context: context,
                    .p(.text("Lost a device, or left your job? This ends every session and revokes every API token.")),
                    .button(.type(.submit), .class("button"), .text("Sign out everywhere"))))
        )
        .response()
    }

    @Sendable static func signOutEverywhere(req: Request) async throws -> Response {
        guard let principal = req.principal, !principal.viaToken else { throw Abort(.forbidden) }
        let keys = try await sessions(of: principal.userID, on: req.db).map(\.key)
        let now = req.now()
        try await req.scope.audited { scope, audit in
            if !keys.isEmpty {
                try await SessionRecord.query(on: scope.db).filter(\.$key ~~ keys.map { SessionID(string: $0) })
                    .delete()
            }
            let tokens = try await APITokenRecord.query(on: scope.db).filter(\.$user.$id == principal.userID)
                .filter(\.$revokedAt == nil).all()
            for token in tokens {
                token.revokedAt = now
                try await token.update(on: scope.db)
            }
            audit.note(
                "sign out everywhere", "user", principal.email, before: ["sessions": "\(keys.count)"],
                after: ["sessions": "0", "tokens revoked": "\(tokens.count)"])
        }
        req.session.destroy()
        return req.redirect(to: AccountPath.signIn.href)
    }
}
