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

    /// The user's tokens in this workspace, a new token's secret once, and the form to make one.
    struct Model {
        struct Token {
            var id: String
            var label: String
            /// The role's label.
            var role: String
            var created: String
            var revoked: Bool
        }

        var context: PageContext
        /// Newest first.
        var tokens: [Token]
        /// The roles a new token may have: the user's own or less.
        var roles: [WorkspaceRole]
        /// The secret of a token made just now, shown only this once.
        var created: String?
        var errors: [FieldError] = []
        var input = CreateInput()

        static func load(
            principal: Principal, created: String? = nil, errors: [FieldError] = [], input: CreateInput = .init(),
            context: PageContext, on db: Database
        ) async throws -> Model {
            let records = try await APITokenRecord.query(on: db).filter(\.$user.$id == principal.userID)
                .filter(\.$workspace.$id == principal.workspaceID).sort(\.$createdAt, .descending).all()
            let tokens = try records.map { token in
                Token(
                    id: try token.requireID().uuidString, label: token.label,
                    role: WorkspaceRole(rawValue: token.role)?.label ?? token.role,
                    created: token.createdAt.map(WallClock.dateTime) ?? "", revoked: token.revokedAt != nil)
            }
            return Model(
                context: context, tokens: tokens, roles: WorkspaceRole.allCases.filter { $0 <= principal.role },
                created: created, errors: errors, input: input)
        }
    }

    static func page(_ model: Model) -> Layout {
        let (context, tokens, roles, created, input) = (
            model.context, model.tokens, model.roles, model.created, model.input
        )
        let form = Form(errors: model.errors)
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
                .p(.a(.href(AccountPath.sessions.href), .text("Where you are signed in, and signing out everywhere"))),
                tokens.isEmpty
                    ? .p(.text("You have no tokens."))
                    : Components.table(
                        caption: "Your API tokens",
                        headers: [.text("Label"), .text("Role"), .text("Created"), .text("State")],
                        rows: tokens.map { token in
                            [
                                .text(token.label), .text(token.role), .text(token.created),
                                !token.revoked
                                    ? .postForm(
                                        action: AccountPath.revokeToken(token.id).href, context: context,
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
        let model = try await Model.load(principal: try principal(req), context: req.pageContext, on: req.db)
        return page(model).response()
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
            let model = try await Model.load(
                principal: principal, errors: reader.errors, input: input, context: req.pageContext, on: req.db)
            return page(model).response(status: .unprocessableEntity)
        }
        let workspace = try await WorkspaceRecord.find(principal.workspaceID, on: req.db)?.key ?? Tasks.defaultWorkspace
        let (_, secret) = try await Accounts.createToken(
            email: principal.email, label: label, role: role, workspace: workspace,
            on: req.db, actor: principal.email)
        let model = try await Model.load(principal: principal, created: secret, context: req.pageContext, on: req.db)
        return page(model).response(status: .created)
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
