import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Who is making a request, in which workspace, with which role.
struct Principal: Sendable {
    var userID: UUID
    var email: String
    var workspaceID: UUID
    var role: WorkspaceRole
    var viaToken: Bool
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
}

/// Finds the principal: a bearer token for the API, else the signed-in session. Everything it needs is in
/// the database or the session (also in the database), so any instance can serve any request.
struct AuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            request.principal = try await Self.principal(token: bearer.token, on: request.db)
            if request.principal == nil {
                throw Problem(title: "Unauthorized", status: 401, detail: "The API token is not valid or has been revoked")
            }
        } else if let userID = request.session.data["user"].flatMap(UUID.init(uuidString:)) {
            let now = Date()
            let started = request.session.data["started"].flatMap(Double.init) ?? 0
            let seen = request.session.data["seen"].flatMap(Double.init) ?? 0
            if now.timeIntervalSince1970 - seen > SessionPolicy.idle || now.timeIntervalSince1970 - started > SessionPolicy.absolute {
                request.session.destroy()
            } else {
                request.session.data["seen"] = String(now.timeIntervalSince1970)
                request.principal = try await Self.principal(user: userID, workspace: request.session.data["workspace"], on: request.db)
            }
        }
        if let principal = request.principal {
            request.setWorkspace(principal.workspaceID, actor: principal.email)
        }
        return try await next.respond(to: request)
    }

    static func principal(token: String, on db: Database) async throws -> Principal? {
        guard let record = try await APITokenRecord.query(on: db).filter(\.$tokenHash == APITokenRecord.hash(token))
            .filter(\.$revokedAt == nil).with(\.$user).first(),
              let role = WorkspaceRole(rawValue: record.role) else { return nil }
        // A token never carries more than its user's current role.
        guard let member = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == record.$user.id)
            .filter(\.$workspace.$id == record.$workspace.id).first(),
              let memberRole = WorkspaceRole(rawValue: member.role) else { return nil }
        return Principal(userID: record.$user.id, email: record.user.email, workspaceID: record.$workspace.id,
                         role: min(role, memberRole), viaToken: true)
    }

    static func principal(user: UUID, workspace: String?, on db: Database) async throws -> Principal? {
        guard let user = try await UserRecord.find(user, on: db) else { return nil }
        let memberships = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == user.requireID()).all()
        guard let member = memberships.first(where: { $0.$workspace.id.uuidString == workspace }) ?? memberships.first,
              let role = WorkspaceRole(rawValue: member.role) else { return nil }
        return Principal(userID: try user.requireID(), email: user.email, workspaceID: member.$workspace.id, role: role, viaToken: false)
    }
}

/// Lets a request through only with at least `role`; otherwise sends people to sign in and API clients a 401 or 403.
struct Require: AsyncMiddleware {
    var role: WorkspaceRole

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let principal = request.principal else {
            if request.url.path.hasPrefix("/api/") || request.method != .GET {
                throw Problem(title: "Unauthorized", status: 401, detail: "Sign in, or send an API token as Authorization: Bearer")
            }
            let next = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "next", value: next)]
            return request.redirect(to: "/sign-in?" + (components.percentEncodedQuery ?? ""))
        }
        guard principal.role >= role else {
            throw Problem(title: "Forbidden", status: 403, detail: "Your role (\(principal.role.label)) cannot do this; it needs \(role.label) or above")
        }
        return try await next.respond(to: request)
    }
}
