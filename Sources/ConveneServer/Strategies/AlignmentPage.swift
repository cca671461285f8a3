import ConveneDomain
import Foundation
import Plot
import Vapor

/// The alignment matrix: which priorities carry the Police and Crime Plan's priorities and the national frameworks'
/// objectives, and the gaps (what nobody carries). One table per column group keeps each readable; the same matrix
/// downloads whole as CSV.
enum AlignmentPage {
    @Sendable static func show(req: Request) async throws -> Response {
        let model = try await AlignmentModel.load(context: req.pageContext, in: req.scope)
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            return AnalysisPages.csv(Data(csv(model.report).utf8), filename: "alignment.csv")
        }
        return render(model).response()
    }

    static func mark(_ cell: Alignment.Cell?) -> String {
        switch cell {
        case .carries: "Carries"
        case .carriesPart: "In part"
        case nil: ""
        }
    }

    static func csv(_ r: Alignment.Report) -> String {
        let header = ["strategy", "owner", "priority"] + r.columns.map { $0.id }
        let rows = (r.planRows + r.rows).map { row in [row.strategyName, row.ownerName, row.title] + row.cells.map(mark)
        }
        return CSV.write(header: header, rows: rows)
    }

    static func render(_ model: AlignmentModel) -> Layout {
        let (context, r) = (model.context, model.report)
        let titles = Dictionary(
            (r.planRows + r.rows).map { ($0.priorityKey, "\($0.title) (\($0.strategyName))") },
            uniquingKeysWith: { a, _ in a })
        let groups: [(id: String, title: String, columns: [Alignment.Column])] =
            [("plan", "The Police and Crime Plan's priorities", r.planColumns)]
            + NationalFrameworks.all.map { framework in
                (framework.key, framework.name, r.objectiveColumns.filter { $0.frameworkKey == framework.key })
            }
        func matrix(_ group: (id: String, title: String, columns: [Alignment.Column])) -> Node<HTML.BodyContext> {
            guard !group.columns.isEmpty else { return .empty }
            let indexes = group.columns.compactMap { column in r.columns.firstIndex(of: column) }
            let rows = (group.id == "plan" ? r.rows : r.planRows + r.rows).filter { row in
                indexes.contains { row.cells[$0] != nil }
            }
            return .group(
                .h3(.id("matrix-\(group.id)"), .class("heading-m"), .text(group.title)),
                .div(
                    .class("table-scroll"), .attribute(named: "role", value: "region"),
                    .attribute(named: "tabindex", value: "0"),
                    .ariaLabel(group.title),
                    .table(
                        .class("table matrix"),
                        .caption(.class("visually-hidden"), .text("Priorities carrying \(group.title.lowercased())")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Priority")),
                                .forEach(Array(group.columns.enumerated())) { n, column in
                                    .th(
                                        .attribute(named: "scope", value: "col"),
                                        .attribute(named: "title", value: column.title),
                                        .text("\(n + 1)"), .span(.class("visually-hidden"), .text(" " + column.title)))
                                })),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .a(
                                            .href(StrategyPath.strategy(row.strategyKey).href(fragment: "priorities")),
                                            .text(row.title)),
                                        .span(.class("body-s secondary-text"), .text(" \(row.strategyName)"))),
                                    .forEach(indexes) { i in .td(.text(mark(row.cells[i]))) })
                            }))),
                .p(
                    .class("body-s"),
                    .text(
                        rows.isEmpty
                            ? "No priority carries any of these yet."
                            : "\(rows.count) priorities carry at least one of these.")),
                .ol(
                    .class("list list--number body-s"),
                    .forEach(group.columns) { column in
                        .li(.text(column.parentKey == nil ? column.title : "(part of the above) " + column.title))
                    }))
        }
        return Layout(
            context: context, title: "Alignment", breadcrumbs: StrategyViews.crumbs, isDemo: context.isDemo,
            content: .group(
                .heading("Alignment with the plan and the national frameworks"),
                .p(.class("lead"), .text(r.summary + ".")),
                .p(.a(.href(StrategyPath.alignment.href(["format": "csv"])), .text("Download the whole matrix (CSV)"))),
                .h2(.id("gaps"), .class("heading-l"), .text("Gaps")),
                .h3(.class("heading-m"), .text("Plan priorities no partnership carries")),
                r.plan == nil
                    ? .p(.text("There is no single active Police and Crime Plan to compare with."))
                    : r.planPrioritiesNoPartnershipCarries.isEmpty
                        ? .p(.text("None: every plan priority is carried by at least one partnership."))
                        : .ul(
                            .class("list list--bullet"),
                            .forEach(r.planPrioritiesNoPartnershipCarries) { gap in
                                .li(
                                    .text(gap.title),
                                    .if(
                                        !gap.carriers.isEmpty,
                                        .span(
                                            .class("body-s"),
                                            .text(
                                                " (carried only by \(gap.carriers.map(\.name).joined(separator: ", ")))"
                                            ))))
                            }),
                .h3(.class("heading-m"), .text("National objectives no priority carries")),
                r.uncarriedObjectives.isEmpty
                    ? .p(.text("None: every objective is carried by at least one priority."))
                    : .ul(
                        .class("list list--bullet"),
                        .forEach(r.uncarriedObjectives) { gap in
                            .li(
                                .text(gap.objective.title),
                                .span(
                                    .class("body-s secondary-text"),
                                    .text(
                                        " (\(NationalFrameworks.all.first { $0.key == gap.frameworkKey }?.shortName ?? gap.frameworkKey))"
                                    )))
                        }),
                .h2(.id("coverage"), .class("heading-l"), .text("Who carries each plan priority")),
                r.planCoverage.isEmpty
                    ? .p(.text("The plan has no priorities recorded."))
                    : Components.table(
                        caption: "Plan priorities and the partnerships and organisations carrying them",
                        headers: [.text("Plan priority"), .text("Carried by"), .text("Priorities")],
                        rows: r.planCoverage.map { c in
                            [
                                .text(c.title),
                                c.carriers.isEmpty
                                    ? .span(.class("secondary-text"), .text("Nobody"))
                                    : .text(c.carriers.map(\.name).joined(separator: ", ")),
                                c.priorityKeys.isEmpty
                                    ? .text("0")
                                    : .ul(
                                        .class("list body-s"), .forEach(c.priorityKeys) { .li(.text(titles[$0] ?? $0)) }
                                    )
                            ]
                        }, captionVisible: false),
                .h2(.id("matrix"), .class("heading-l"), .text("The matrix")),
                .p(
                    .text(
                        "Each table shows the priorities that carry at least one column; a priority carries an objective in part when it carries one of its sub-objectives."
                    )),
                .forEach(groups) { matrix($0) }))
    }
}
