import ConveneDomain
import Fluent
import Foundation
import NIOConcurrencyHelpers
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

    /// Writes a new record under a key the server chooses: the first unused key made from `base`, and, if another
    /// writer takes it between the read and the write (the database's unique index decides, on either database and
    /// across instances), the next unused one. A key the server chose is never the client's problem.
    func withUnusedKey<M: WorkspaceOwned, T: Sendable>(
        _ base: String, _ type: M.Type, key: KeyPath<M, FieldProperty<M, String>>, numbered: Bool = false,
        _ write: (String) async throws -> T
    ) async throws -> T {
        try await retryingCollisions(on: [M()[keyPath: key].key.description]) {
            try await write(try await unusedKey(base, type, key: key, numbered: numbered))
        }
    }

    /// Runs a write that chooses a unique value itself (a key, a version number) again from the start when another
    /// writer took the value first, so `write` must read what it chooses from and open its own transaction.
    func retryingCollisions<T: Sendable>(on fields: Set<String>, _ write: () async throws -> T) async throws -> T {
        // Inside a caller's transaction a collision cannot be retried (it fails that transaction): the write runs once,
        // and a collision fails the caller's whole write, as it must.
        if db.inTransaction { return try await write() }
        for attempt in 1... {
            do {
                return try await write()
            } catch let error
                where attempt < Self.keyAttempts && KeyInUse(error).map({ fields.contains($0.field) }) == true
            {
                // Wait a moment that differs from the other writers', and choose again.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 * min(attempt, 10)))))
            }
        }
        fatalError("unreachable")
    }

    /// How many times a server-chosen key is chosen again before the collision is reported: enough for every
    /// request of a burst of writers on one stem to find its own.
    static let keyAttempts = 200

    /// Locks rows that a write's checks depend on until the transaction ends (`SELECT … FOR UPDATE` on PostgreSQL),
    /// so that two writers cannot both pass a check that only one of them should. On SQLite a transaction holds the
    /// database's one write lock from its start (see `transaction`), so there is nothing more to lock.
    func lock<M: WorkspaceOwned>(_ type: M.Type, ids: [UUID]) async throws {
        precondition(db.inTransaction, "A lock lasts until its transaction ends, so it needs one")
        guard sql.dialect.name != "sqlite", !ids.isEmpty else { return }
        _ = try await sql.raw(
            """
            SELECT 1 FROM \(ident: M.schema) WHERE workspace_id = \(bind: workspaceID) AND id IN (\(binds: ids))
            FOR UPDATE
            """
        ).all()
    }

    /// Locks the whole workspace for writing until the transaction ends: for writes whose checks read much of it
    /// (the register's import, whose every key is resolved against what is stored), so that they run one at a time.
    func lockWorkspace() async throws {
        precondition(db.inTransaction, "A lock lasts until its transaction ends, so it needs one")
        guard sql.dialect.name != "sqlite" else { return }
        _ = try await sql.raw("SELECT 1 FROM workspaces WHERE id = \(bind: workspaceID) FOR UPDATE").all()
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
                // The first statement moves the workspace's data version on (`DataVersion`), so that what was worked
                // out from the data before this write is not served after it. On SQLite, a write as the first
                // statement also takes the one write lock before anything is read (as BEGIN IMMEDIATE would), waiting
                // for the busy timeout if another writer holds it: the transaction's reads then see the state its
                // writes change, and a concurrent writer cannot invalidate them. On PostgreSQL it locks the
                // workspace's row, so the workspace's writers take their turns, each taking that lock first.
                try await DataVersion.bump(workspaceID, on: db as! any SQLDatabase)
                return try await body(Scope(db: db, workspaceID: workspaceID, actor: actor, now: now))
            }
        }
        // On SQLite, a write keeps its statement journals (one for each multi-row INSERT) in memory rather than in a
        // temporary file per statement, and up to 64 MiB of changed pages in memory until it commits (the default,
        // 2 MiB, makes a large import write pages out and read them back before it ends). Set on the connection
        // before the transaction begins, since SQLite refuses the first inside one; the connection keeps both, and
        // setting them again costs nothing. (Fluent's PostgreSQL driver takes any connection it hands out to be in a
        // transaction already, so there the transaction is begun on the database.)
        guard !db.inTransaction, sql.dialect.name == "sqlite" else { return try await run(db) }
        // One writer at a time: a writer waits its turn here, holding neither a connection nor a thread, where
        // SQLite's own wait (the busy timeout, for writers in other processes) would hold both.
        let file = try await sql.raw("PRAGMA database_list").all().first {
            (try? $0.decode(column: "name", as: String.self)) == "main"
        }
        let gate = SQLiteWriters.gate(try file?.decode(column: "file", as: String.self) ?? "")
        await gate.enter()
        defer { gate.leave() }
        return try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(Self.busyMilliseconds))").run()
            try await sql.raw("PRAGMA temp_store = MEMORY").run()
            try await sql.raw("PRAGMA cache_size = -65536").run()
            return try await run(connection)
        }
    }

    /// How long a writer on SQLite waits for another's transaction to end before giving up (503).
    static let busyMilliseconds = 15_000

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

/// What anyone may read: published partnerships, from every workspace, and what workspaces share with the network
/// (their partnership leads and the library's templates). The public pages, the public API and the network's pages
/// reach other workspaces' records only through here (or through a `Scope`), so nothing unpublished can slip out.
enum PublicRegister {
    static func partnerships(on db: Database) -> QueryBuilder<PartnershipRecord> {
        PartnershipRecord.query(on: db).filter(\.$publishedAt != nil)
    }

    /// Published reviews, newest first, with their workspaces' keys.
    static func reviews(on db: Database) async throws -> [(workspace: String, review: ReviewRecord)] {
        let reviews = try await ReviewRecord.query(on: db).filter(\.$status == ReviewStatus.published.rawValue)
            .sort(\.$publishedAt, .descending).all()
        let keys = Dictionary(
            try await WorkspaceRecord.query(on: db).all().map { ($0.id!, $0.key) }, uniquingKeysWith: { a, _ in a })
        return reviews.map { (keys[$0.$workspace.id] ?? "", $0) }
    }

    /// One published review; nil for one unpublished or missing alike.
    static func review(workspace: String, key: String, on db: Database) async throws -> ReviewRecord? {
        guard let space = try await WorkspaceRecord.query(on: db).filter(\.$key == workspace).first() else {
            return nil
        }
        return try await ReviewRecord.query(on: db).filter(\.$workspace.$id == space.requireID())
            .filter(\.$key == key).filter(\.$status == ReviewStatus.published.rawValue).first()
    }

    /// The members of these partnerships, those published only, with their people and organisations.
    static func memberships(ofPublished partnerships: [PartnershipRecord], on db: Database) async throws
        -> [MembershipRecord]
    {
        let ids = partnerships.filter { $0.publishedAt != nil }.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        return try await MembershipRecord.query(on: db).filter(\.$partnership.$id ~~ ids)
            .with(\.$person).with(\.$organisation).with(\.$represents).all()
    }

    /// The declarations of interest a workspace publishes, current on the day, of these people: those who hold a public
    /// office only, by person id.
    static func declarations(of people: [PersonRecord], on day: Day, on db: Database) async throws
        -> [UUID: [InterestDeclaration]]
    {
        let ids = people.filter { $0.publicOffice == true }.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let rows = try await InterestRecord.query(on: db).filter(\.$person.$id ~~ ids).sort(\.$createdAt).all()
        return Dictionary(grouping: rows, by: \.$person.id).mapValues {
            $0.compactMap(\.domain).filter { $0.published && $0.isCurrent(on: day) }
        }
    }

    /// The partnership lead each workspace names for the network's directory, oldest first, each with its holder's
    /// name while the register says they hold a public office.
    static func leads(on db: Database) async throws -> [(lead: PartnershipLead, holder: String?)] {
        var leads: [(lead: PartnershipLead, holder: String?)] = []
        for record in try await NetworkLeadRecord.query(on: db).sort(\.$updatedAt).all() {
            guard let lead = record.domain else { continue }
            var holder: String?
            if let key = lead.holderKey {
                holder = try await PersonRecord.query(on: db).filter(\.$workspace.$id == record.$workspace.id)
                    .filter(\.$key == key).filter(\.$publicOffice == true).first()?.name
            }
            leads.append((lead, holder))
        }
        return leads
    }

    /// The templates workspaces share in the network's library, newest first.
    static func library(on db: Database) async throws -> [LibraryItemRecord] {
        try await LibraryItemRecord.query(on: db).sort(\.$sharedAt, .descending).sort(\.$key).all()
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

/// A survey's personal link is opened by its secret alone, before any workspace is known: the link names its workspace.
enum SurveyLinkSecrets {
    static func find(secret: String, on db: Database) async throws -> SurveyLinkRecord? {
        try await SurveyLinkRecord.query(on: db).filter(\.$secretHash == SurveyLinks.hash(secret)).first()
    }
}

/// The writers of each SQLite file in this process, one at a time, in the order they came.
enum SQLiteWriters {
    private static let gates = NIOLockedValueBox<[String: Gate]>([:])

    static func gate(_ file: String) -> Gate {
        gates.withLockedValue { gates in
            if let gate = gates[file] { return gate }
            let gate = Gate()
            gates[file] = gate
            return gate
        }
    }

    /// A lock that is waited for without blocking a thread.
    final class Gate: Sendable {
        private let state = NIOLockedValueBox<(held: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

        func enter() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLockedValue { state in
                    if state.held {
                        state.waiting.append(continuation)
                        return false
                    }
                    state.held = true
                    return true
                }
                if now { continuation.resume() }
            }
        }

        func leave() {
            let next = state.withLockedValue { state in
                if state.waiting.isEmpty {
                    state.held = false
                    return nil as CheckedContinuation<Void, Never>?
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
    }
}
