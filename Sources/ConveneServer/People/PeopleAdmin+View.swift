import ConveneDomain
import Foundation
import Plot

/// The people page: invite, change a role, give and take a secretariat user's partnerships, suspend, restore and
/// remove; the longest unused accounts first.
enum PeopleAdminView {
    typealias Body = Node<HTML.BodyContext>

    static func render(_ model: PeopleAdminModel) -> Layout {
        let form = Form(errors: model.errors)
        let context = model.context
        let roles = WorkspaceRole.allCases.reversed().map { ($0.rawValue, $0.label) }
        return Layout(
            context: context, title: form.title("People and roles"),
            breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                form.errorSummary(),
                .heading("People and roles", caption: context.principal?.workspaceName),
                .unwrap(model.newLink) { link in
                    .div(
                        .class("inset-text"), .attribute(named: "role", value: "status"),
                        .p(.strong(.text("Invitation made. "))),
                        .p(
                            .text("Send them this link; it works once, for seven days, and is not shown again: "),
                            .code(.text(link))))
                },
                .postForm(
                    action: PeopleAdminPath.invite.href, context: context,
                    .h2(.class("heading-m"), .text("Invite someone")),
                    form.textInput("email", "Email address", nil, type: .email),
                    form.select("role", "Role", WorkspaceRole.viewer.rawValue, roles),
                    .button(.type(.submit), .class("button"), .text("Invite"))),
                .h2(.class("heading-l"), .text("People (\(model.rows.count))")),
                .p(
                    .text(
                        "The longest unused first. An account unused for \(model.expiryDays) days is suspended by `convene accounts expire`."
                    )),
                Components.table(
                    caption: "People with a role in this workspace",
                    headers: [
                        .text("Person"), .text("Role"), .text("Last active"), .text("Partnerships they run"),
                        .text("Account")
                    ],
                    rows: model.rows.map { row($0, model, roles: roles) }, captionVisible: false),
                .h2(.class("heading-l"), .text("Invitations waiting (\(model.invitations.count))")),
                model.invitations.isEmpty
                    ? .p(.text("None."))
                    : .ul(
                        .class("list list--bullet"),
                        .forEach(model.invitations) { i in
                            .li(
                                .text(
                                    "\(i.email), as \(i.role.label.lowercased()), until \(WallClock.day(of: i.expiresAt).longDescription)"
                                ))
                        })))
    }

    static func row(
        _ r: PeopleAdminModel.Row, _ model: PeopleAdminModel, roles: [(String, String)]
    ) -> [Body] {
        let context = model.context
        let who = " for \(r.email)"
        let signsIn = [r.password ? "password" : nil, r.identities > 0 ? "organisation account" : nil]
            .compactMap { $0 }.joined(separator: " and ")
        return [
            .group(
                .text(r.email),
                .if(r.suspended, .group(.text(" "), Components.tag("Suspended", "red"))),
                .unwrap(r.unusedDays) { .group(.text(" "), Components.tag("Unused for \($0) days", "orange")) }),
            .postForm(
                action: PeopleAdminPath.person(r.email, .role).href, context: context,
                .label(.for("role-\(r.email)"), .class("visually-hidden"), .text("Role\(who)")),
                .select(
                    .id("role-\(r.email)"), .attribute(named: "name", value: "role"), .class("select"),
                    .forEach(roles) { .choice($0.0, $0.1, selected: $0.0 == r.role.rawValue) }),
                .button(
                    .type(.submit), .class("button button--secondary"), .text("Change"),
                    .span(.class("visually-hidden"), .text(" the role\(who)")))),
            .text(r.lastActive.map { WallClock.day(of: $0).longDescription } ?? "Never"),
            .group(
                .ul(
                    .class("list"),
                    .forEach(r.grants) { g in
                        .li(
                            .postForm(
                                action: PeopleAdminPath.person(r.email, .revoke).href, context: context,
                                .input(.type(.hidden), .name("partnership_key"), .value(g.key)),
                                .text(g.name + " "),
                                .button(
                                    .type(.submit), .class("button button--secondary"), .text("Take back"),
                                    .span(.class("visually-hidden"), .text(" \(g.name)\(who)")))))
                    }),
                .if(
                    r.role == .secretariat,
                    .postForm(
                        action: PeopleAdminPath.person(r.email, .grant).href, context: context,
                        .label(.for("grant-\(r.email)"), .class("visually-hidden"), .text("Partnership to give\(who)")),
                        .select(
                            .id("grant-\(r.email)"), .attribute(named: "name", value: "partnership_key"),
                            .class("select"), .forEach(model.partnerships) { .choice($0.0, $0.1, selected: false) }),
                        .button(
                            .type(.submit), .class("button button--secondary"), .text("Give"),
                            .span(.class("visually-hidden"), .text(" the partnership\(who)")))))),
            .group(
                .p(.class("body-s"), .text("Signs in with " + (signsIn.isEmpty ? "nothing yet" : signsIn))),
                .postForm(
                    action: PeopleAdminPath.person(r.email, r.suspended ? .restore : .suspend).href, context: context,
                    .button(
                        .type(.submit), .class("button button--secondary"), .text(r.suspended ? "Restore" : "Suspend"),
                        .span(.class("visually-hidden"), .text(who)))),
                .postForm(
                    action: PeopleAdminPath.person(r.email, .remove).href, context: context,
                    .button(
                        .type(.submit), .class("button button--secondary"), .text("Remove from the workspace"),
                        .span(.class("visually-hidden"), .text(who)))))
        ]
    }
}
