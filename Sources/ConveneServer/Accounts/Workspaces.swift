import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// Workspaces on the command line, and the page where a user in several of them chooses one.
public enum Workspaces {
    public struct Summary: Sendable, Equatable {
        public var key: String
        public var name: String
        public var kind: WorkspaceKind
        public var forceAreaCode: String?
    }

    public static func add(key: String, name: String, kind: WorkspaceKind, forceAreaCode: String?, on db: Database)
        async throws
    {
        guard !key.isEmpty, Key.slug(key) == key else {
            throw Accounts.Failure(
                description:
                    "A workspace key is lower case letters, digits and hyphens, like 'west-mercia' ('\(key)' is not).")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw Accounts.Failure(description: "A workspace needs a name.") }
        if let code = forceAreaCode, PoliceForceAreas.area(code: code) == nil {
            throw Accounts.Failure(
                description: "'\(code)' is not the ONS code of a police force area (E23000001…, W15000001…).")
        }
        if kind == .national && forceAreaCode != nil {
            throw Accounts.Failure(description: "A national workspace has no police force area.")
        }
        guard try await WorkspaceRecord.query(on: db).filter(\.$key == key).first() == nil else {
            throw Accounts.Failure(description: "The workspace '\(key)' already exists.")
        }
        let workspace = WorkspaceRecord()
        workspace.key = key
        workspace.name = name
        workspace.kind = kind.rawValue
        workspace.forceAreaCode = forceAreaCode
        try await db.transaction { db in
            try await workspace.create(on: db)
            var audit = AuditLog(scope: Scope(db: db, workspaceID: try workspace.requireID(), actor: Tasks.actor))
            audit.note(
                "create", "workspace", key, before: nil as [String: String]?,
                after: ["key": key, "name": name, "kind": kind.rawValue, "force_area_code": forceAreaCode ?? ""])
            try await audit.flush()
        }
    }

    public static func all(on db: Database) async throws -> [Summary] {
        try await WorkspaceRecord.query(on: db).sort(\.$key).all().map(\.summary)
    }
}

extension WorkspaceRecord {
    var summary: Workspaces.Summary {
        Workspaces.Summary(key: key, name: name, kind: workspaceKind, forceAreaCode: forceAreaCode)
    }
}

/// `/account/workspaces`: the workspaces a signed-in user has a role in, and the switch between them.
/// Switching changes only the session, never a record, so it is not in the audit log.
enum WorkspacePages {
    static func register(on read: RoutesBuilder) {
        read.get(AccountPath.workspaces, use: show)
        read.post(AccountPath.workspaces, use: choose)
    }

    struct Choice {
        var key: String; var name: String; var kind: WorkspaceKind; var role: WorkspaceRole; var current: Bool
    }

    /// The workspaces the user has a role in, by name.
    struct Model {
        var context: PageContext
        var choices: [Choice]

        static func load(context: PageContext, on db: Database) async throws -> Model {
            Model(context: context, choices: try await WorkspacePages.choices(of: context.principal, on: db))
        }
    }

    static func choices(of principal: Principal?, on db: Database) async throws -> [Choice] {
        guard let principal else { return [] }
        let members = try await WorkspaceMemberRecord.query(on: db).filter(\.$user.$id == principal.userID).with(
            \.$workspace
        ).all()
        return members.compactMap { m in
            WorkspaceRole(rawValue: m.role).map {
                Choice(
                    key: m.workspace.key, name: m.workspace.name, kind: m.workspace.workspaceKind, role: $0,
                    current: m.$workspace.id == principal.workspaceID)
            }
        }.sorted { $0.name < $1.name }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        page(try await Model.load(context: req.pageContext, on: req.db)).response()
    }

    static func page(_ model: Model) -> Layout {
        let (context, choices) = (model.context, model.choices)
        return Layout(
            context: context, title: "Your workspaces",
            content: .group(
                .heading("Your workspaces"),
                .p(
                    .text(
                        "Each workspace is one register. You work in one at a time; your role can differ between them.")
                ),
                Components.table(
                    caption: "Your workspaces",
                    headers: [
                        .text("Workspace"), .text("Kind"), .text("Your role"),
                        .span(.class("visually-hidden"), .text("Action"))
                    ],
                    rows: choices.map { c in
                        [
                            .text(c.name), .text(c.kind.label), .text(c.role.label),
                            c.current
                                ? .strong(.text("Current"))
                                : .postForm(
                                    action: AccountPath.workspaces.href, context: context,
                                    .input(.type(.hidden), .name("workspace"), .value(c.key)),
                                    .button(
                                        .type(.submit), .class("button button--secondary"), .text("Switch"),
                                        .span(.class("visually-hidden"), .text(" to \(c.name)"))))
                        ]
                    }, captionVisible: false)
            )
        )
    }

    struct Chosen: Content { var workspace: String? }

    @Sendable static func choose(req: Request) async throws -> Response {
        guard let principal = req.principal else {
            throw Problem(title: "Unauthorized", status: 401, detail: "Sign in first")
        }
        if principal.viaToken {
            throw Problem.badRequest(
                "An API token belongs to one workspace; create a token in the other workspace instead")
        }
        let wanted = try req.content.decode(Chosen.self).workspace ?? ""
        guard
            let member = try await WorkspaceMemberRecord.query(on: req.db).filter(\.$user.$id == principal.userID)
                .join(parent: \.$workspace).filter(WorkspaceRecord.self, \.$key == wanted).first()
        else {
            // The same answer for a workspace that does not exist and one the user has no role in.
            throw Problem.notFound("The workspace '\(wanted)'")
        }
        req.session.data["workspace"] = member.$workspace.id.uuidString
        return req.redirect(to: RegisterPath.overview.href)
    }
}
