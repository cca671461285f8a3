import ConveneDomain
import Fluent
import Foundation
import SQLKit
import Vapor

/// Who is making a request, in which workspace, with which role.
struct Principal: Sendable {
    var userID: UUID
    var email: String
    var workspaceID: UUID
    var workspaceName: String
    var workspaceKind: WorkspaceKind
    var role: WorkspaceRole
    var viaToken: Bool
    /// How many workspaces the user has a role in; the header offers a switch when more than one.
    var workspaceCount = 1
    /// The workspace's data version as this request found it: every write moves it on (`DataVersion`).
    var dataVersion: Int64 = 0
    /// Whether the workspace holds the demo's data (every page says so), read with who is asking.
    var hasDemoData = false
    /// The person in the workspace's register the user said they are ("my meetings"), if any.
    var personID: UUID? = nil
    /// When the user was last noted active (`AuthMiddleware.noteActivity`).
    var lastActiveAt: Date? = nil
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }
}

/// Session lifetimes: signed out after 30 idle minutes, and after 12 hours whatever happens.
enum SessionPolicy {
    static let idle: TimeInterval = 30 * 60
    static let absolute: TimeInterval = 12 * 60 * 60
    /// How stale the last-seen time may be: the idle limit is kept to within a minute.
    static let seenResolution: TimeInterval = 60
}

/// Finds the principal: a bearer token for the API, else the signed-in session. Everything it needs is in
/// the database or the session (also in the database), so any instance can serve any request.
struct AuthMiddleware: AsyncMiddleware {
    /// The session's cookie; a request without it has no session to read (and gets none made for it).
    static let sessionCookie = "convene-session"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            request.principal = try await Self.principal(token: bearer.token, on: request.db)
            if request.principal == nil {
                throw Problem(
                    title: "Unauthorized", status: 401, detail: "The API token is not valid or has been revoked")
            }
        } else if request.cookies[Self.sessionCookie] != nil,
            let userID = request.session.data["user"].flatMap(UUID.init(uuidString:))
        {
            let now = request.now()
            let started = request.session.data["started"].flatMap(Double.init) ?? 0
            let seen = request.session.data["seen"].flatMap(Double.init) ?? 0
            if now.timeIntervalSince1970 - seen > SessionPolicy.idle
                || now.timeIntervalSince1970 - started > SessionPolicy.absolute
            {
                request.session.destroy()
            } else {
                // Written at most once a minute: a session is written back only when it changes (`QuietSessions`).
                if now.timeIntervalSince1970 - seen >= SessionPolicy.seenResolution {
                    request.session.data["seen"] = String(now.timeIntervalSince1970)
                }
                // Read with the session, in the same query (`QuietSessions`).
                request.principal = request.storage[Asker.Key.self]?.principal(
                    user: userID, workspace: request.session.data["workspace"])
            }
        }
        if let principal = request.principal {
            request.setWorkspace(principal.workspaceID, actor: principal.email)
            try await Self.noteActivity(principal, request)
        }
        return try await next.respond(to: request)
    }

    /// The principal of an API token, in one query: the token, its user, their role in the token's workspace (a
    /// token never carries more than its user's current role) and the workspace.
    static func principal(token: String, on db: Database) async throws -> Principal? {
        guard
            let row = try await (db as! any SQLDatabase).raw(
                """
                SELECT t.role AS token_role, m.role AS member_role, m.person_id, u.id AS user_id, u.email,
                    u.last_active_at, w.id AS workspace_id, w.name, w.kind, w.version, \(Asker.hasDemoData)
                FROM api_tokens t
                JOIN users u ON u.id = t.user_id
                JOIN workspace_members m ON m.user_id = t.user_id AND m.workspace_id = t.workspace_id
                    AND m.suspended_at IS NULL
                JOIN workspaces w ON w.id = t.workspace_id
                WHERE t.token_hash = \(bind: APITokenRecord.hash(token)) AND t.revoked_at IS NULL
                """
            ).first(),
            let role = WorkspaceRole(rawValue: try row.decode(column: "token_role", as: String.self)),
            let memberRole = WorkspaceRole(rawValue: try row.decode(column: "member_role", as: String.self))
        else { return nil }
        return Principal(
            userID: try row.decode(column: "user_id", as: UUID.self),
            email: try row.decode(column: "email", as: String.self),
            workspaceID: try row.decode(column: "workspace_id", as: UUID.self),
            workspaceName: try row.decode(column: "name", as: String.self),
            workspaceKind: WorkspaceKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .forceArea,
            role: min(role, memberRole), viaToken: true,
            dataVersion: try row.decode(column: "version", as: Int64.self),
            hasDemoData: try row.decode(column: "has_demo", as: Bool.self),
            personID: try row.decode(column: "person_id", as: UUID?.self),
            lastActiveAt: try row.decode(column: "last_active_at", as: Date?.self))
    }

    /// How often a user's last activity is written: once a day is enough to find accounts no one uses.
    static let activityResolution: TimeInterval = 86_400

    /// Notes that the principal's user is active, when the last note is a day old or more.
    static func noteActivity(_ principal: Principal, _ request: Request) async throws {
        let now = request.now()
        if let last = principal.lastActiveAt, now.timeIntervalSince(last) < activityResolution { return }
        try await UserRecord.query(on: request.db).filter(\.$id == principal.userID).set(\.$lastActiveAt, to: now)
            .update()
    }
}

/// Lets a request through only with at least `role`; otherwise sends people to sign in and API clients a 401 or 403.
/// A route that is a partnership's own business also lets through a secretariat user who has been given that
/// partnership: `secretariatOf` says where the route names it.
struct Require: AsyncMiddleware {
    var role: WorkspaceRole
    var secretariatOf: PartnershipOf? = nil

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let principal = request.principal else {
            if request.url.path.hasPrefix("/api/") || request.method != .GET {
                throw Problem(
                    title: "Unauthorized", status: 401, detail: "Sign in, or send an API token as Authorization: Bearer"
                )
            }
            let next = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            return request.redirect(to: AccountPath.signIn.href(["next": next]))
        }
        if principal.role >= role { return try await next.respond(to: request) }
        if principal.role == .secretariat, let secretariatOf,
            try await PartnershipGrants.covers(secretariatOf, request, principal)
        {
            return try await next.respond(to: request)
        }
        let needs =
            secretariatOf == nil
            ? "\(role.label) or above" : "\(role.label) or above, or the secretariat of this partnership"
        throw Problem(
            title: "Forbidden", status: 403,
            detail: "Your role (\(principal.role.label)) cannot do this; it needs \(needs)")
    }
}

/// Where a route names the partnership it writes to.
enum PartnershipOf: Sendable {
    /// The `:key` path parameter is the partnership's key.
    case path
    /// The `:key` path parameter is a membership's key; the partnership is the membership's.
    case membershipPath
    /// The JSON body's `partnership_key`.
    case body
    /// A membership's partnership, and the one the body moves it to, if it names one.
    case membershipPathAndBody
}

/// The partnerships given to secretariat users.
enum PartnershipGrants {
    /// Whether every partnership the request writes to has been given to the principal. A request that names
    /// none (or names one that does not exist) is not covered.
    static func covers(_ where: PartnershipOf, _ request: Request, _ principal: Principal) async throws -> Bool {
        let scope = request.scope
        var keys: [String] = []
        switch `where` {
        case .path:
            keys.append(try request.parameters.require("key"))
        case .membershipPath, .membershipPathAndBody:
            guard
                let member = try await MembershipRecord.query(in: scope).filter(
                    \.$key == request.parameters.require("key")
                )
                .with(\.$partnership).first()
            else { return false }
            keys.append(member.partnership.key)
        case .body:
            break
        }
        if `where` == .body || `where` == .membershipPathAndBody {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            let body = try? APIResponse.object(from: request)
            if let key = body?["partnership_key"] as? String {
                keys.append(key)
            } else if `where` == .body {
                return false
            }
        }
        let given = try await keysGiven(to: principal.userID, in: scope)
        return !keys.isEmpty && keys.allSatisfy(given.contains)
    }

    static func keysGiven(to user: UUID, in scope: Scope) async throws -> Set<String> {
        Set(
            try await PartnershipGrantRecord.query(in: scope).filter(\.$user.$id == user).with(\.$partnership).all()
                .map(\.partnership.key))
    }

    /// Whether the request's principal may change this partnership's record and business.
    static func mayEdit(_ partnershipKey: String, _ request: Request) async throws -> Bool {
        guard let principal = request.principal else { return false }
        if principal.role >= .editor { return true }
        guard principal.role == .secretariat else { return false }
        return try await keysGiven(to: principal.userID, in: request.scope).contains(partnershipKey)
    }
}
