import ConveneDomain
import Fluent
import SQLKit
import Vapor

/// Sessions in the database, written only when they change. Vapor writes a session back after every request that
/// looked at it; behind this, a request that changed nothing writes nothing, so the last-seen time that
/// `AuthMiddleware` keeps (at most once a minute) is the only regular write a signed-in person causes.
///
/// A session is read together with who it belongs to, in one query: its user, their roles and workspaces
/// (`Asker`), which `AuthMiddleware` turns into the request's principal without asking the database again.
struct QuietSessions: AsyncSessionDriver {
    /// Fluent's driver, which keeps the sessions in the `_fluent_sessions` table.
    let base: any SessionDriver

    private struct AsRead: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        try await base.createSession(data, for: request).get()
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        let sql = request.db as! any SQLDatabase
        let user =
            sql.dialect.name == "sqlite"
            ? SQLQueryString("json_extract(s.data, '$.user')") : SQLQueryString("(s.data->>'user')::uuid")
        let rows = try await sql.raw(
            """
            SELECT s.data, u.id AS user_id, u.email, u.last_active_at, m.role, m.person_id, w.id AS workspace_id,
                w.name, w.kind, w.key, w.created_at, w.version, \(Asker.hasDemoData)
            FROM _fluent_sessions s
            LEFT JOIN users u ON u.id = \(user)
            LEFT JOIN workspace_members m ON m.user_id = u.id AND m.suspended_at IS NULL
            LEFT JOIN workspaces w ON w.id = m.workspace_id
            WHERE s.key = \(bind: sessionID.string)
            """
        ).all()
        guard let first = rows.first else { return nil }
        let data = try first.decode(column: "data", as: SessionData.self)
        request.storage[AsRead.self] = data
        request.storage[Asker.Key.self] = try Asker(rows)
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        if request.storage[AsRead.self] == data { return sessionID }
        return try await base.updateSession(sessionID, to: data, for: request).get()
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await base.deleteSession(sessionID, for: request).get()
    }
}

/// Who a session belongs to, as one query reads it: the user and each workspace they have a role in.
struct Asker: Sendable {
    struct Key: StorageKey { typealias Value = Asker }

    struct Membership: Sendable {
        var workspaceID: UUID
        var name: String
        var kind: WorkspaceKind
        var key: String
        var createdAt: Date?
        var role: WorkspaceRole
        var version: Int64
        var hasDemoData: Bool
        var personID: UUID?
    }

    /// Whether the workspace `w` holds the demo's data, as a column of who is asking.
    static let hasDemoData: SQLQueryString =
        "EXISTS (SELECT 1 FROM partnerships d WHERE d.workspace_id = w.id AND d.is_demo) AS has_demo"

    var userID: UUID?
    var email: String?
    var lastActiveAt: Date?
    /// The workspaces they have a role in that is not suspended.
    var memberships: [Membership]

    init(_ rows: [any SQLRow]) throws {
        userID = try rows.first?.decode(column: "user_id", as: UUID?.self)
        email = try rows.first?.decode(column: "email", as: String?.self)
        lastActiveAt = try rows.first?.decode(column: "last_active_at", as: Date?.self)
        memberships = try rows.compactMap { row in
            guard let id = try row.decode(column: "workspace_id", as: UUID?.self),
                let role = WorkspaceRole(rawValue: try row.decode(column: "role", as: String.self))
            else { return nil }
            return Membership(
                workspaceID: id, name: try row.decode(column: "name", as: String.self),
                kind: WorkspaceKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .forceArea,
                key: try row.decode(column: "key", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date?.self), role: role,
                version: try row.decode(column: "version", as: Int64.self),
                hasDemoData: try row.decode(column: "has_demo", as: Bool?.self) ?? false,
                personID: try row.decode(column: "person_id", as: UUID?.self))
        }
        // The oldest first, so that a sign-in always lands in the same one.
        memberships.sort { ($0.createdAt ?? .distantPast, $0.key) < ($1.createdAt ?? .distantPast, $1.key) }
    }

    /// A user's roles and workspaces without a session (for signing in), in one query.
    static func of(user: UUID, on db: Database) async throws -> Asker {
        try Asker(
            try await (db as! any SQLDatabase).raw(
                """
                SELECT u.id AS user_id, u.email, u.last_active_at, m.role, m.person_id, w.id AS workspace_id, w.name,
                    w.kind, w.key, w.created_at, w.version, \(Asker.hasDemoData)
                FROM users u
                LEFT JOIN workspace_members m ON m.user_id = u.id AND m.suspended_at IS NULL
                LEFT JOIN workspaces w ON w.id = m.workspace_id
                WHERE u.id = \(bind: user)
                """
            ).all())
    }

    /// The principal in the workspace chosen in this session, else in the oldest.
    func principal(user: UUID, workspace: String?) -> Principal? {
        guard userID == user, let email,
            let member = memberships.first(where: { $0.workspaceID.uuidString == workspace }) ?? memberships.first
        else { return nil }
        return Principal(
            userID: user, email: email, workspaceID: member.workspaceID, workspaceName: member.name,
            workspaceKind: member.kind, role: member.role, viaToken: false, workspaceCount: memberships.count,
            dataVersion: member.version, hasDemoData: member.hasDemoData, personID: member.personID,
            lastActiveAt: lastActiveAt)
    }
}
