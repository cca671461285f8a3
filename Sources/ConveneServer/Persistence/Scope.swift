import Fluent
import Foundation
import Vapor

/// A workspace: one force area's register, usually run by its Office of the Police and Crime Commissioner.
final class WorkspaceRecord: Model, @unchecked Sendable {
    static let schema = "workspaces"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    @OptionalField(key: "force_area_code") var forceAreaCode: String?

    init() {}

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

    func query<M: WorkspaceOwned>(_ type: M.Type) -> QueryBuilder<M> {
        M.query(on: db).filter(M.workspacePath.appending(path: \.$id) == workspaceID)
    }

    /// Stamps a new record with this workspace.
    func claim<M: WorkspaceOwned>(_ record: M) {
        record[keyPath: M.workspacePath].id = workspaceID
    }

    func transaction<T: Sendable>(_ body: @escaping @Sendable (Scope) async throws -> T) async throws -> T {
        let workspaceID = self.workspaceID, actor = self.actor
        return try await db.transaction { db in try await body(Scope(db: db, workspaceID: workspaceID, actor: actor)) }
    }

    /// The scope of a workspace by key.
    static func workspace(_ key: String, on db: Database, actor: String = "system") async throws -> Scope {
        guard let workspace = try await WorkspaceRecord.query(on: db).filter(\.$key == key).first() else {
            throw Problem.notFound("The workspace '\(key)'")
        }
        return Scope(db: db, workspaceID: try workspace.requireID(), actor: actor)
    }
}

extension WorkspaceOwned {
    static func query(in scope: Scope) -> QueryBuilder<Self> { scope.query(Self.self) }
}

extension Request {
    private struct ScopeKey: StorageKey { typealias Value = UUID }

    /// The workspace this request works in, set by `WorkspaceMiddleware`.
    var scope: Scope {
        guard let id = storage[ScopeKey.self] else {
            // Reached only if a route bypassed the middleware; failing loudly beats reading another workspace.
            fatalError("request has no workspace; WorkspaceMiddleware must run first")
        }
        // Until accounts arrive, a change made on the web is recorded against the client's address.
        return Scope(db: db, workspaceID: id, actor: "web (\(remoteAddress?.ipAddress ?? "unknown address"))")
    }

    func setWorkspace(_ id: UUID) { storage[ScopeKey.self] = id }
}

/// Resolves the request's workspace from the database on every request (nothing kept in memory,
/// so any instance can serve any request). Until accounts arrive it is the installation's default workspace.
struct WorkspaceMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let scope = try await Scope.workspace(WorkspaceRecord.defaultKey, on: request.db)
        request.setWorkspace(scope.workspaceID)
        return try await next.respond(to: request)
    }
}

/// Creates the default workspace; a data migration, so a fresh database is usable at once.
struct CreateDefaultWorkspace: AsyncMigration {
    var name: String { "2026-11-22-create-default-workspace" }

    func prepare(on database: Database) async throws {
        let workspace = WorkspaceRecord()
        workspace.key = WorkspaceRecord.defaultKey
        workspace.name = "This office's register"
        try await workspace.create(on: database)
    }

    func revert(on database: Database) async throws {
        try await WorkspaceRecord.query(on: database).filter(\.$key == WorkspaceRecord.defaultKey).delete()
    }
}
