import ConveneDomain
import Fluent
import Foundation
import SQLKit
import Vapor

/// A workspace: one force area's register, usually run by its Office of the Police and Crime Commissioner.
final class WorkspaceRecord: Model, @unchecked Sendable {
    static let schema = "workspaces"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @OptionalField(key: "force_area_code") var forceAreaCode: String?
    /// A `WorkspaceKind`; added by `CreateGrantsAndWorkspaceKinds`, so the first migration leaves it unset.
    @Field(key: "kind") var kind: String

    init() {}

    var workspaceKind: WorkspaceKind { WorkspaceKind(rawValue: kind) ?? .forceArea }

    /// The workspace a fresh installation starts with, until accounts choose among several.
    static let defaultKey = "default"
}

/// A record that belongs to exactly one workspace.
protocol WorkspaceOwned: Model where IDValue == UUID {
    /// The record's `@Parent(key: "workspace_id")`.
    static var workspacePath: KeyPath<Self, ParentProperty<Self, WorkspaceRecord>> { get }
}

/// The one way to reach workspace records: every query made through a scope is filtered to its
/// workspace, and every record it creates is stamped with it. Handlers get theirs from `req.scope`;
/// a test fails if source code queries a workspace record any other way.
struct Scope: Sendable {
    let db: Database
    let workspaceID: UUID
    /// Who is acting, for the audit log: a user, or "command line" for the convene command.
    var actor: String = "system"
    /// The clock every write and every "as of today" of this scope reads.
    var now: Now = .system

    /// The database as SQL: both kinds Convene runs on (SQLite and PostgreSQL) are. Raw SQL names its workspace itself.
    var sql: any SQLDatabase { db as! any SQLDatabase }

    func query<M: WorkspaceOwned>(_ type: M.Type) -> QueryBuilder<M> {
        M.query(on: db).filter(M.workspacePath.appending(path: \.$id) == workspaceID)
    }

    /// A key for a new record of this kind, made from `base` by `Key.unused`; the keys it could clash with are read
    /// in one query.
    func unusedKey<M: WorkspaceOwned>(
        _ base: String, _ type: M.Type, key: KeyPath<M, FieldProperty<M, String>>, numbered: Bool = false
    ) async throws -> String {
        let stem = base.isEmpty ? "record" : base
        let taken = try await query(M.self).group(.or) {
            $0.filter(key, .equal, stem).filter(key, .custom("LIKE"), "\(stem)-%")
        }.all(key)
        return Key.unused(stem, taken: Set(taken), numbered: numbered)
    }

    /// Stamps a new record with this workspace.
    func claim<M: WorkspaceOwned>(_ record: M) {
        record[keyPath: M.workspacePath].id = workspaceID
    }

    func transaction<T: Sendable>(_ body: @escaping @Sendable (Scope) async throws -> T) async throws -> T {
        let workspaceID = self.workspaceID
        let actor = self.actor
        let now = self.now
        let run = { @Sendable (db: any Database) in
            try await db.transaction { db in
                try await body(Scope(db: db, workspaceID: workspaceID, actor: actor, now: now))
            }
        }
        // On SQLite, a write keeps its statement journals (one for each multi-row INSERT) in memory rather than in a
        // temporary file per statement, and up to 64 MiB of changed pages in memory until it commits (the default,
        // 2 MiB, makes a large import write pages out and read them back before it ends). Set on the connection
        // before the transaction begins, since SQLite refuses the first inside one; the connection keeps both, and
        // setting them again costs nothing. (Fluent's PostgreSQL driver takes any connection it hands out to be in a
        // transaction already, so there the transaction is begun on the database.)
        guard !db.inTransaction, sql.dialect.name == "sqlite" else { return try await run(db) }
        return try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("PRAGMA temp_store = MEMORY").run()
            try await sql.raw("PRAGMA cache_size = -65536").run()
            return try await run(connection)
        }
    }

    /// The scope of a workspace by key.
    static func workspace(_ key: String, on db: Database, actor: String = "system", now: Now = .system) async throws
        -> Scope
    {
        guard let workspace = try await WorkspaceRecord.query(on: db).filter(\.$key == key).first() else {
            throw Problem.notFound("The workspace '\(key)'")
        }
        return Scope(db: db, workspaceID: try workspace.requireID(), actor: actor, now: now)
    }
}

/// What anyone may read: published partnerships, from every workspace. The public pages and the public API
/// reach records only through here (or through a `Scope`), so nothing unpublished can slip out.
enum PublicRegister {
    static func partnerships(on db: Database) -> QueryBuilder<PartnershipRecord> {
        PartnershipRecord.query(on: db).filter(\.$publishedAt != nil)
    }

    /// The members of a published partnership, with their people and organisations.
    static func memberships(of partnership: PartnershipRecord, on db: Database) async throws -> [MembershipRecord] {
        guard partnership.publishedAt != nil, let id = partnership.id else { return [] }
        return try await MembershipRecord.query(on: db).filter(\.$partnership.$id == id)
            .with(\.$person).with(\.$organisation).with(\.$represents).all()
    }
}

extension WorkspaceOwned {
    static func query(in scope: Scope) -> QueryBuilder<Self> { scope.query(Self.self) }
}

extension Request {
    private struct ScopeKey: StorageKey { typealias Value = Scope }

    /// The workspace this request works in, set by `AuthMiddleware` from the signed-in user or the API token.
    /// Routes that reach it are behind `Require`; should one not be, it gets a workspace that does not exist,
    /// so it reads nothing and cannot write, rather than reading someone else's.
    var scope: Scope {
        guard let scope = storage[ScopeKey.self] else {
            logger.error("a route used the workspace without Require: \(url.path)")
            return Scope(
                db: db, workspaceID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), actor: "nobody",
                now: now)
        }
        return Scope(db: db, workspaceID: scope.workspaceID, actor: scope.actor, now: now)
    }

    func setWorkspace(_ id: UUID, actor: String) {
        storage[ScopeKey.self] = Scope(db: db, workspaceID: id, actor: actor, now: now)
    }

    /// The application's clock.
    var now: Now { application.convene.now }
}

/// A calendar feed is asked for by its token alone, before any workspace is known: the token names its workspace.
enum FeedTokens {
    static func find(token: String, on db: Database) async throws -> FeedTokenRecord? {
        try await FeedTokenRecord.query(on: db).filter(\.$tokenHash == APITokenRecord.hash(token)).filter(
            \.$revokedAt == nil
        ).first()
    }
}
