import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// Signing in and out, and the one-time setup of the first administrator.
enum SignInPages {
    static let throttle = LoginThrottle()

    static func register(on app: Application) {
        app.get(AccountPath.signIn, use: form)
        app.post(AccountPath.signIn, use: signIn)
        app.post(AccountPath.signOut, use: signOut)
        app.get(AccountPath.setup(":token"), use: setupForm)
        app.post(AccountPath.setup(":token"), use: setup)
    }

    struct SignInInput: Content { var email: String?; var password: String?; var next: String? }

    /// The sign-in form as typed, with what is wrong with it or a message about the attempt.
    struct SignInModel {
        var context: PageContext
        var input: SignInInput
        var errors: [FieldError]
        /// A problem that is no one field's, such as too many attempts.
        var message: String?
        /// Whether people may sign in through the identity provider too.
        var signOn = false
    }

    static func page(_ model: SignInModel) -> Layout {
        let (context, input, errors, message) = (model.context, model.input, model.errors, model.message)
        let form = Form(errors: errors)
        return Layout(
            context: context, title: errors.isEmpty && message == nil ? "Sign in" : "Error: Sign in",
            content: .group(
                form.errorSummary(),
                .unwrap(message) {
                    .div(
                        .class("error-summary"), .attribute(named: "role", value: "alert"),
                        .h2(.text("There is a problem")), .p(.text($0)))
                },
                .heading("Sign in"),
                .if(
                    model.signOn,
                    .group(
                        .p(
                            .a(
                                .href(SignOnPath.start.href(["next": input.next ?? RegisterPath.overview.href])),
                                .class("button"), .text("Sign in with your organisation's account"))),
                        .h2(.class("heading-m"), .text("Or with your email address and password")))),
                .postForm(
                    action: AccountPath.signIn.href, context: context,
                    .input(.type(.hidden), .name("next"), .value(input.next ?? RegisterPath.overview.href)),
                    form.textInput("email", "Email address", input.email, type: .email, autocomplete: "username"),
                    .div(
                        .class("form-group"),
                        .label(.for("password"), .class("label"), .text("Password")),
                        .input(
                            .type(.password), .id("password"), .name("password"), .class("input"),
                            .attribute(named: "autocomplete", value: "current-password"))),
                    .button(.type(.submit), .class("button"), .text("Sign in")))))
    }

    @Sendable static func form(req: Request) async throws -> Response {
        struct Query: Content { var next: String? }
        let input = SignInInput(next: try req.query.decode(Query.self).next)
        return page(
            SignInModel(
                context: req.pageContext, input: input, errors: [], signOn: req.application.convene.signOn != nil)
        ).response()
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let input = try req.content.decode(SignInInput.self)
        let email = Credentials.normalisedEmail(input.email ?? "")
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        let now = req.now()

        // Throttle per account and per client address, from attempts every instance records.
        let since = now.addingTimeInterval(-throttle.window)
        async let byAccount = LoginAttemptRecord.query(on: req.db).filter(\.$email == email).filter(
            \.$succeeded == false
        )
        .filter(\.$at >= since).all()
        async let byAddress = LoginAttemptRecord.query(on: req.db).filter(\.$address == address).filter(
            \.$succeeded == false
        )
        .filter(\.$at >= since).all()
        let retry = [
            throttle.retryAfter(failures: try await byAccount.map(\.at), now: now),
            throttle.retryAfter(failures: try await byAddress.map(\.at), now: now)
        ].compactMap { $0 }.max()
        if let retry {
            let minutes = max(1, Int((retry.timeIntervalSince(now) / 60).rounded(.up)))
            let response = page(
                SignInModel(
                    context: req.pageContext, input: input, errors: [],
                    message:
                        "Too many attempts to sign in. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again.",
                    signOn: req.application.convene.signOn != nil)
            )
            .response(status: .tooManyRequests)
            response.headers.replaceOrAdd(
                name: .retryAfter, value: String(Int(retry.timeIntervalSince(now).rounded(.up))))
            return response
        }

        let user = try await UserRecord.query(on: req.db).filter(\.$email == email).first()
        // An account made through the identity provider has no password ("!"), which nothing verifies.
        let valid =
            (try? await user.asyncMap {
                try await req.password.async.verify(input.password ?? "", created: $0.passwordHash).get()
            }) ?? false
        let attempt = LoginAttemptRecord()
        attempt.email = email
        attempt.address = address
        attempt.at = now
        attempt.succeeded = valid
        try await attempt.create(on: req.db)
        guard valid, let user,
            let principal = try await Asker.of(user: user.requireID(), on: req.db).principal(
                user: user.requireID(), workspace: nil)
        else {
            // One message whether the email or the password was wrong, so accounts cannot be discovered.
            return page(
                SignInModel(
                    context: req.pageContext, input: input,
                    errors: [FieldError("email", "Enter a correct email address and password")],
                    signOn: req.application.convene.signOn != nil)
            ).response(status: .unauthorized)
        }
        try await startSession(principal, req)
        return req.redirect(to: safeNext(input.next))
    }

    /// Signs the principal in on this request, with a password or through the identity provider. A new session
    /// identifier, so a session fixed before it is worth nothing after.
    static func startSession(_ principal: Principal, _ req: Request) async throws {
        let now = req.now()
        if let old = req.session.id {
            try await SessionRecord.query(on: req.db).filter(\.$key == old).delete()
            req.session.id = nil
        }
        req.session.data = SessionData()
        req.session.data["user"] = principal.userID.uuidString
        req.session.data["workspace"] = principal.workspaceID.uuidString
        req.session.data["started"] = String(now.timeIntervalSince1970)
        req.session.data["seen"] = String(now.timeIntervalSince1970)
        req.session.data["csrf"] = CSRFMiddleware.newToken()
    }

    /// Only a path on this site, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: AccountPath.signIn.href)
    }

    struct SetupInput: Content { var email: String?; var password: String? }

    /// The form that creates the first administrator, as typed, with what is wrong with it.
    struct SetupModel {
        var context: PageContext
        var input: SetupInput
        var errors: [FieldError]
        /// The setup link's own path, which the form posts to.
        var action: String
    }

    private static func validSetupToken(_ req: Request) async throws -> SetupTokenRecord {
        let secret = try req.parameters.require("token")
        guard try await !Accounts.hasUsers(on: req.db),
            let record = try await SetupTokenRecord.query(on: req.db).filter(
                \.$tokenHash == APITokenRecord.hash(secret)
            ).first(),
            record.expiresAt > req.now()
        else {
            throw Problem(
                title: "Not found", status: 404,
                detail:
                    "This setup link has been used or has expired. Ask your administrator, or run 'convene user add --admin'."
            )
        }
        return record
    }

    static func setupPage(_ model: SetupModel) -> Layout {
        let (context, input, action) = (model.context, model.input, model.action)
        let form = Form(errors: model.errors)
        return Layout(
            context: context, title: "Set up Convene",
            content: .group(
                form.errorSummary(),
                .heading("Set up Convene"),
                .p(.text("Create the first administrator's account. This link works once.")),
                .postForm(
                    action: action, context: context,
                    form.textInput("email", "Email address", input.email, type: .email, autocomplete: "username"),
                    .div(
                        .class("form-group"),
                        .label(.for("password"), .class("label"), .text("Password")),
                        .div(
                            .id("password-hint"), .class("hint"),
                            .text("At least \(Credentials.minimumPasswordLength) characters")),
                        .input(
                            .type(.password), .id("password"), .name("password"), .class("input"),
                            .attribute(named: "autocomplete", value: "new-password"))),
                    .button(.type(.submit), .class("button"), .text("Create the account")))))
    }

    @Sendable static func setupForm(req: Request) async throws -> Response {
        _ = try await validSetupToken(req)
        return setupPage(SetupModel(context: req.pageContext, input: SetupInput(), errors: [], action: req.url.path))
            .response()
    }

    @Sendable static func setup(req: Request) async throws -> Response {
        let record = try await validSetupToken(req)
        let input = try req.content.decode(SetupInput.self)
        let errors = Credentials.validate(email: input.email ?? "", password: input.password ?? "")
        if !errors.isEmpty {
            return setupPage(SetupModel(context: req.pageContext, input: input, errors: errors, action: req.url.path))
                .response(status: .unprocessableEntity)
        }
        try await Accounts.addUser(
            email: input.email ?? "", password: input.password ?? "", role: .admin, on: req.db,
            passwords: req.application.password.async, actor: "setup link")
        try await record.delete(on: req.db)
        return req.redirect(to: AccountPath.signIn.href)
    }
}
