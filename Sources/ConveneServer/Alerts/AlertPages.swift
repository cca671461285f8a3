import ConveneDomain
import Fluent
import Plot
import Vapor

/// `/alerts`: what is due for the person asking, worked out on the day from the records.
enum AlertPath: SitePath {
    case alerts, digest

    var segments: [String] {
        switch self {
        case .alerts: ["alerts"]
        case .digest: ["alerts", "digest"]
        }
    }
}

struct AlertsModel {
    var context: PageContext
    var alerts: [Alert]
    var today: Day
    var seesWorkspace: Bool
    /// Whether the person asking chose the weekly digest.
    var weekly: Bool

    static func load(_ req: Request) async throws -> AlertsModel {
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        let audience = try await AlertAudience.of(principal, in: req.scope)
        let today = req.scope.now.today
        return AlertsModel(
            context: req.pageContext, alerts: try await AlertStore.alerts(for: audience, on: today, in: req.scope),
            today: today, seesWorkspace: audience.seesWorkspace,
            weekly: try await Digests.chosen(by: principal.userID, in: req.scope))
    }
}

enum AlertsView {
    static func render(_ model: AlertsModel) -> Layout {
        Layout(
            context: model.context, title: "Alerts", breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                .heading("Alerts"),
                .p(
                    .text(
                        model.seesWorkspace
                            ? "Everything due in the workspace as of \(model.today.longDescription): terms of reference to review, overdue actions, agreements ending or past their review, requests past due, guidance steps overdue and surveys closing."
                            : "What is due for you as of \(model.today.longDescription): your overdue actions, and the business of the partnerships you run."
                    ), .text(" "),
                    .a(.href(PersonalPath.calendar.href), .text("They are tasks in your calendar feed too"))),
                .postForm(
                    action: AlertPath.digest.href, context: model.context,
                    Form(errors: []).checkboxes(
                        "weekly", "Email", model.weekly ? ["yes"] : [],
                        [("yes", "Send me these by email once a week")], single: true),
                    .button(.type(.submit), .class("button button--secondary"), .text("Save my choice"))),
                model.alerts.isEmpty
                    ? .p(.text("Nothing is due."))
                    : .group(
                        .forEach(Alert.Kind.allCases) { kind in
                            let these = model.alerts.filter { $0.kind == kind }
                            return .if(
                                !these.isEmpty,
                                Components.table(
                                    caption: "\(kind.label) (\(these.count))",
                                    headers: [.text("What"), .text("Due")],
                                    rows: these.map { alert in
                                        [
                                            .a(.href(alert.link), .text(alert.title)),
                                            .group(
                                                .text(alert.due.longDescription),
                                                .if(
                                                    alert.due < model.today,
                                                    .group(.text(" "), Components.tag("Overdue", "red"))))
                                        ]
                                    }))
                        })))
    }
}

enum AlertPages {
    static func register(read: RoutesBuilder) {
        read.get(AlertPath.alerts, use: show)
        read.post(AlertPath.digest, use: chooseDigest)
    }

    /// Anyone signed in chooses their own digest.
    @Sendable static func chooseDigest(req: Request) async throws -> Response {
        struct Input: Content { var weekly: String? }
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        let input = try req.content.decode(Input.self)
        try await Digests.choose(input.weekly != nil, user: principal.userID, email: principal.email, in: req.scope)
        return req.redirect(to: AlertPath.alerts.href)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        AlertsView.render(try await AlertsModel.load(req)).response()
    }
}

/// Alerts as the `convene` command gives them.
extension Tasks {
    /// The alerts of a user (by email), or with none named the whole workspace's, on a day: `convene alerts`'s JSON.
    public static func alerts(
        user email: String?, on day: Day, db: Database, workspace: String = defaultWorkspace
    ) async throws -> Data {
        let scope = try await Scope.workspace(workspace, on: db, actor: actor, now: .fixed(day))
        var audience = AlertAudience.everything
        if let email {
            guard let user = try await UserRecord.query(on: db).filter(\.$email == email.lowercased()).first(),
                let found = try await AlertAudience.of(user: try user.requireID(), in: scope)
            else { throw Failure("There is no user '\(email)' in the workspace '\(workspace)'") }
            audience = found
        }
        let alerts = try await AlertStore.alerts(for: audience, on: day, in: scope)
        return try AlertRules.json(.init(on: day, alerts: alerts)) + Data("\n".utf8)
    }
}
