import ConveneDomain
import Fluent
import Vapor

/// The people page's routes, for a workspace's administrators; every change is audited by the `Accounts` function it
/// calls, with the administrator as its actor, and a refusal (the last administrator, say) is shown on the page.
enum PeopleAdminPages {
    static func register(admin: RoutesBuilder) {
        admin.get(PeopleAdminPath.people, use: page)
        admin.post(PeopleAdminPath.invite, use: invite)
        for action in [PeopleAdminPath.PersonAction.role, .suspend, .restore, .remove, .grant, .revoke] {
            admin.post(PeopleAdminPath.person(":email", action)) { req in try await change(req, action) }
        }
    }

    static func render(
        _ req: Request, newLink: String? = nil, errors: [FieldError] = [], status: HTTPResponseStatus = .ok
    )
        async throws -> Response
    {
        let model = try await PeopleAdminModel.load(
            context: req.pageContext, newLink: newLink, errors: errors, in: req.scope)
        return PeopleAdminView.render(model).response(status: status)
    }

    @Sendable static func page(req: Request) async throws -> Response { try await render(req) }

    static func workspace(_ req: Request) async throws -> String {
        guard let record = try await WorkspaceRecord.find(req.scope.workspaceID, on: req.db) else {
            throw Abort(.forbidden)
        }
        return record.key
    }

    @Sendable static func invite(req: Request) async throws -> Response {
        struct Input: Content { var email: String?; var role: String? }
        let input = try req.content.decode(Input.self)
        guard let role = input.role.flatMap(WorkspaceRole.init(rawValue:)) else {
            return try await render(req, errors: [FieldError("role", "Choose a role")], status: .unprocessableEntity)
        }
        do {
            let made = try await Tasks.invite(
                input.email ?? "", role: role, workspace: try await workspace(req), by: req.scope.actor, db: req.db,
                now: req.application.convene.now)
            return try await render(req, newLink: made.link)
        } catch let failure as Tasks.Failure {
            return try await render(
                req, errors: [FieldError("email", failure.description)], status: .unprocessableEntity)
        }
    }

    static func change(_ req: Request, _ action: PeopleAdminPath.PersonAction) async throws -> Response {
        struct Input: Content {
            var role: String?
            var partnershipKey: String?
            enum CodingKeys: String, CodingKey {
                case role
                case partnershipKey = "partnership_key"
            }
        }
        let email = try req.parameters.require("email")
        let input = try req.content.decode(Input.self)
        let (workspace, actor) = (try await workspace(req), req.scope.actor)
        do {
            switch action {
            case .role:
                guard let role = input.role.flatMap(WorkspaceRole.init(rawValue:)) else {
                    throw Accounts.Failure(description: "Choose a role")
                }
                try await Accounts.setRole(email: email, role: role, workspace: workspace, on: req.db, actor: actor)
            case .suspend:
                try await Accounts.suspend(
                    email: email, workspace: workspace, on: req.db, actor: actor, now: req.application.convene.now)
            case .restore: try await Accounts.restore(email: email, workspace: workspace, on: req.db, actor: actor)
            case .remove:
                try await Accounts.removeFromWorkspace(email: email, workspace: workspace, on: req.db, actor: actor)
            case .grant, .revoke:
                let partnership = input.partnershipKey ?? ""
                if action == .grant {
                    try await Accounts.grant(
                        email: email, partnership: partnership, workspace: workspace, on: req.db, actor: actor)
                } else {
                    try await Accounts.revokeGrant(
                        email: email, partnership: partnership, workspace: workspace, on: req.db, actor: actor)
                }
            }
        } catch let failure as Accounts.Failure {
            return try await render(
                req, errors: [FieldError("email", failure.description)], status: .unprocessableEntity)
        }
        return req.redirect(to: PeopleAdminPath.people.href)
    }
}
