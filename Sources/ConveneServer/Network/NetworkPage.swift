import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// `/network`: what every workspace has published, for anyone signed in. It is what a national workspace
/// reads of the others: it goes through `PublicRegister` only, so it shows public fields of published records
/// and nothing else, whoever is asking.
struct NetworkModel {
    struct Row { var key: String; var name: String; var kind: WorkspaceKind; var published: [PublicPartnership] }
    var context: PageContext
    var rows: [Row]
    var isNational: Bool
    var tables: NetworkTables.Report

    /// Every workspace, with what it has published; the one read across workspaces, of published records only.
    static func load(_ req: Request) async throws -> NetworkModel {
        async let everyPublished = PublicPages.published(req)
        async let workspaces = WorkspaceRecord.query(on: req.db).sort(\.$name).all()
        async let tables = NetworkTablesStore.report(on: req.db, today: req.now.today)
        let published = Dictionary(grouping: try await everyPublished, by: \.workspace)
        let context = req.pageContext
        return NetworkModel(
            context: context,
            rows: try await workspaces.map {
                Row(key: $0.key, name: $0.name, kind: $0.workspaceKind, published: published[$0.key] ?? [])
            },
            isNational: context.principal?.workspaceKind == .national, tables: try await tables)
    }
}

enum NetworkPage {
    static func register(on read: RoutesBuilder) {
        read.get(RegisterPath.network, use: show)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        render(try await NetworkModel.load(req)).response()
    }

    static func render(_ model: NetworkModel) -> Layout {
        let total = model.rows.reduce(0) { $0 + $1.published.count }
        let publishing = model.rows.filter { !$0.published.isEmpty }
        return Layout(
            context: model.context, title: "The network", breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                .heading("The network"),
                .p(
                    .class("lead"),
                    .text(
                        model.isNational
                            ? "This is a national workspace. It reads what each force area's workspace has published, and nothing else."
                            : "What every workspace has published. Only published partnerships and their public fields are shown here."
                    )),
                Components.table(
                    caption: "Published partnerships by workspace",
                    headers: [
                        .text("Workspace"), .text("Kind"), .text("Published partnerships"),
                        .text("Combating Drugs Partnerships")
                    ],
                    rows: model.rows.map { row in
                        [
                            .text(row.name), .text(row.kind.label), .text("\(row.published.count)"),
                            .text("\(row.published.filter { $0.type == .combatingDrugsPartnership }.count)")
                        ]
                    }),
                .p(
                    .attribute(named: "role", value: "status"),
                    .text(
                        "\(total) published partnership\(total == 1 ? "" : "s") from \(publishing.count) workspace\(publishing.count == 1 ? "" : "s")."
                    )),
                .p(
                    .a(.href(NetworkPath.leads.href), .text("Partnership leads by force area")), .text(" · "),
                    .a(.href(NetworkPath.library.href), .text("The library of templates"))),
                NetworkTablesView.section(model.tables),
                .forEach(publishing) { row in
                    .section(
                        .attribute(named: "aria-labelledby", value: "ws-\(row.key)"),
                        .h2(.id("ws-\(row.key)"), .class("heading-m"), .text(row.name)),
                        .ul(
                            .forEach(row.published) { p in
                                .li(
                                    .a(
                                        .href(RegisterPath.publishedPartnership(workspace: p.workspace, p.key).href),
                                        .text(p.name)), .text(" – \(p.type.label), \(p.status.label.lowercased())"))
                            }))
                }
            ))
    }
}
