import ConveneDomain
import Crypto
import Fluent
import Foundation
import Plot
import Vapor

/// An invitation's one-time link: the invited person chooses a password, or signs in through the identity provider
/// as the invited address; either way the invitation is used up.
enum InvitationPages {
    static func register(on app: Application) {
        app.get(SignOnPath.invitation(":secret"), use: form)
        app.post(SignOnPath.invitation(":secret"), use: accept)
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data("invitation:\(secret)".utf8)).lowercaseHex
    }

    /// The invitation the link names, while it is unused and unexpired; the same answer for any other link.
    static func invitation(_ req: Request) async throws -> InvitationRecord {
        let secret = try req.parameters.require("secret")
        guard
            let record = try await InvitationRecord.query(on: req.db).filter(\.$tokenHash == hash(secret))
                .filter(\.$acceptedAt == nil).with(\.$workspace).first(),
            record.expiresAt > req.now()
        else {
            throw Problem(
                title: "Not found", status: 404,
                detail: "This invitation has been used or has expired. Ask the administrator who sent it for another.")
        }
        return record
    }

    struct Input: Content { var password: String? }

    static func page(_ req: Request, _ invitation: InvitationRecord, errors: [FieldError] = []) -> Layout {
        let form = Form(errors: errors)
        let role = WorkspaceRole(rawValue: invitation.role)?.label ?? invitation.role
        let title = "Accept your invitation"
        return Layout(
            context: req.pageContext, title: form.title(title),
            content: .group(
                form.errorSummary(),
                .heading(title),
                .p(
                    .text(
                        "\(invitation.email) is invited to \(invitation.workspace.name) as \(role.lowercased()). "
                            + "This link works once, until \(WallClock.day(of: invitation.expiresAt).longDescription).")
                ),
                .if(
                    req.application.convene.signOn != nil,
                    .group(
                        .h2(.class("heading-m"), .text("Sign in with your organisation's account")),
                        .p(
                            .a(
                                .href(SignOnPath.start.href), .class("button"),
                                .text("Sign in through your organisation"))),
                        .h2(.class("heading-m"), .text("Or choose a password")))),
                .postForm(
                    action: SignOnPath.invitation(req.parameters.get("secret") ?? "").href,
                    context: req.pageContext,
                    form.textInput(
                        "password", "Choose a password", nil,
                        hint: "At least \(Credentials.minimumPasswordLength) characters", type: .password,
                        autocomplete: "new-password"),
                    .button(.type(.submit), .class("button"), .text("Accept and sign in")))))
    }

    @Sendable static func form(req: Request) async throws -> Response {
        page(req, try await invitation(req)).response()
    }

    /// Makes (or finds) the invited user with the chosen password, gives them the invitation's role, uses the
    /// invitation up and signs them in. An address that already has an account signs in with it instead.
    @Sendable static func accept(req: Request) async throws -> Response {
        let invitation = try await invitation(req)
        let password = try req.content.decode(Input.self).password ?? ""
        let errors = Credentials.validate(password: password)
        if !errors.isEmpty { return page(req, invitation, errors: errors).response(status: .unprocessableEntity) }
        if try await UserRecord.query(on: req.db).filter(\.$email == invitation.email).first() != nil {
            return page(
                req, invitation,
                errors: [
                    FieldError(
                        "password",
                        "\(invitation.email) has an account already: sign in with it, and the administrator can give "
                            + "it the role")
                ]
            ).response(status: .conflict)
        }
        let userID = try await accept(
            invitation, role: WorkspaceRole(rawValue: invitation.role) ?? .viewer,
            passwordHash: try await req.password.async.hash(password).get(), identity: nil, on: req.db,
            now: req.now())
        guard let principal = try await Asker.of(user: userID, on: req.db).principal(user: userID, workspace: nil)
        else { throw Abort(.internalServerError) }
        try await SignInPages.startSession(principal, req)
        return req.redirect(to: "/")
    }

    /// Uses an invitation up, in one transaction: the invited address's user (made when there is none, with the
    /// password hash given, or none: "!" signs in through the provider only), their role in the workspace, the
    /// provider identity that accepted it (if it was one) linked to them, and the acceptance audited. Gives the user.
    static func accept(
        _ invitation: InvitationRecord, role: WorkspaceRole, passwordHash: String?,
        identity: OpenIDConnect.Identity?, on db: Database, now: Date
    ) async throws -> UUID {
        try await db.transaction { db in
            let address = invitation.email
            let user = try await UserRecord.query(on: db).filter(\.$email == address).first() ?? UserRecord()
            if user.id == nil {
                user.email = address
                user.passwordHash = passwordHash ?? "!"
                try await user.create(on: db)
            }
            let userID = try user.requireID()
            let member =
                try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == userID)
                .filter(\.$workspace.$id == invitation.$workspace.id).first() ?? WorkspaceMemberRecord()
            member.$user.id = userID
            member.$workspace.id = invitation.$workspace.id
            member.role = role.rawValue
            try await member.save(on: db)
            if let identity {
                let link = UserIdentityRecord()
                link.$user.id = userID
                link.issuer = identity.issuer
                link.subject = identity.subject
                link.createdAt = now
                try await link.create(on: db)
            }
            invitation.acceptedAt = now
            try await invitation.update(on: db)
            var audit = AuditLog(scope: Scope(db: db, workspaceID: invitation.$workspace.id, actor: address))
            audit.note(
                "accept", "invitation", address, before: nil as [String: String]?,
                after: ["email": address, "role": role.rawValue, "with": identity?.issuer ?? "password"])
            try await audit.flush()
            return userID
        }
    }
}
