import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// A signed-in user's own API tokens: create one (its secret is shown once) and revoke one.
enum TokenPages {
    static func register(on app: RoutesBuilder) {
        app.get(AccountPath.tokens, use: list)
        app.post(AccountPath.tokens, use: create)
        app.post(AccountPath.revokeToken(":id"), use: revoke)
    }

    struct CreateInput: Content { var label: String?; var role: String? }

    static func page(_ req: Request, created: String? = nil, errors: [FieldError] = [], input: CreateInput = .init())
        async throws -> Layout
    {
        let context = req.pageContext
        let principal = try principal(req)
        let tokens = try await APITokenRecord.query(on: req.db).filter(\.$user.$id == principal.userID)
            .filter(\.$workspace.$id == principal.workspaceID).sort(\.$createdAt, .descending).all()
        let form = Form(errors: errors)
        let roles = WorkspaceRole.allCases.filter { $0 <= principal.role }
        return Layout(
            context: context, title: "Your API tokens", breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                form.errorSummary(),
                .heading("Your API tokens"),
                .unwrap(created) { secret in
                    .div(
                        .class("inset"), .attribute(named: "role", value: "status"),
                        .p(.strong(.text("Copy this token now; it is not shown again:"))), .p(.code(.text(secret))))
                },
                .p(
                    .text(
                        "A token lets a program use the JSON API as you, with your role or less, in this workspace only. Send it as Authorization: Bearer."
                    )),
                tokens.isEmpty
                    ? .p(.text("You have no tokens."))
                    : Components.table(
                        caption: "Your API tokens",
                        headers: [.text("Label"), .text("Role"), .text("Created"), .text("State")],
                        rows: tokens.map { token in
                            [
                                .text(token.label), .text(WorkspaceRole(rawValue: token.role)?.label ?? token.role),
                                .text(token.createdAt.map(WallClock.dateTime) ?? ""),
                                token.revokedAt == nil
                                    ? .postForm(
                                        action: AccountPath.revokeToken(token.id!.uuidString).href, context: context,
                                        .button(
                                            .type(.submit), .class("button button--secondary"), .text("Revoke"),
                                            .span(.class("visually-hidden"), .text(" the token \(token.label)"))))
                                    : Components.tag("Revoked", "grey")
                            ]
                        }, captionVisible: false),
                .h2(.text("Create a token")),
                .postForm(
                    action: AccountPath.tokens.href, context: context,
                    form.textInput(
                        "label", "What it is for", input.label, hint: "For example, the performance dashboard"),
                    form.select(
                        "role", "Role", input.role ?? roles.first?.rawValue, roles.map { ($0.rawValue, $0.label) }),
                    .button(.type(.submit), .class("button"), .text("Create the token")))
            ))
    }

    private static func principal(_ req: Request) throws -> Principal {
        guard let principal = req.principal, !principal.viaToken else {
            throw Problem(title: "Forbidden", status: 403, detail: "Tokens are managed by a signed-in person")
        }
        return principal
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await page(req).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let principal = try principal(req)
        let input = try req.content.decode(CreateInput.self)
        var reader = FormReader()
        let role: WorkspaceRole? = reader.vocabulary(input.role, "role", "role", required: true)
        let label = reader.text(input.label) ?? ""
        if label.isEmpty { reader.errors.append(FieldError("label", "Enter what the token is for")) }
        if let role, role > principal.role {
            reader.errors.append(FieldError("role", "A token cannot have more than your own role"))
        }
        guard let role, reader.errors.isEmpty else {
            return try await page(req, errors: reader.errors, input: input).response(status: .unprocessableEntity)
        }
        let workspace = try await WorkspaceRecord.find(principal.workspaceID, on: req.db)?.key ?? Tasks.defaultWorkspace
        let (_, secret) = try await Accounts.createToken(
            email: principal.email, label: label, role: role, workspace: workspace,
            on: req.db, actor: principal.email)
        return try await page(req, created: secret).response(status: .created)
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        let principal = try principal(req)
        guard let id = req.parameters.get("id", as: UUID.self),
            let token = try await APITokenRecord.find(id, on: req.db), token.$user.id == principal.userID
        else {
            throw Problem.notFound("That token")
        }
        try await Accounts.revokeToken(id: id, on: req.db, actor: principal.email)
        return req.redirect(to: AccountPath.tokens.href)
    }
}
