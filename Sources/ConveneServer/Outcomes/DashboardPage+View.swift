import ConveneDomain
import Foundation
import Plot

/// The dashboard: each indicator's chart above its table, its latest value, direction of travel and status in words,
/// and each table as CSV.
enum DashboardView {
    static func render(_ model: DashboardModel) -> Layout {
        let title = "Performance dashboard"
        return Layout(
            context: model.context, title: "\(title): \(model.partnershipName)",
            breadcrumbs: [
                ("Overview", RegisterPath.overview.href), ("Partnerships", RegisterPath.partnerships.href),
                (model.partnershipName, RegisterPath.partnership(model.partnershipKey).href)
            ],
            content: .group(
                .heading(title, caption: model.partnershipName),
                .unwrap(
                    model.framework,
                    { framework in
                        .group(
                            .p(
                                .text(
                                    "The indicators of the partnership's performance framework, for \(model.areaName(framework.areaCode))"
                                        + (framework.comparisonAreaCode.map { " beside \(model.areaName($0))" } ?? "")
                                        + ". The status compares the latest value with its target: green when it meets it, amber when it misses by no more than 5% or is improving, red otherwise."
                                )),
                            .if(
                                model.mayEdit,
                                .p(
                                    .a(
                                        .href(OutcomePath.framework(model.partnershipKey).href),
                                        .text("Change the framework")))),
                            .if(
                                model.panels.isEmpty,
                                .p(
                                    .text(
                                        "The framework's indicators have no values yet: import the published statistics."
                                    ))),
                            .forEach(Array(model.panels.enumerated())) { index, panel in
                                self.panel(panel, index: index, framework: framework, model: model)
                            })
                    },
                    else: .group(
                        .p(
                            .text(
                                "The partnership has no performance framework yet: choose the indicators it watches, and the area its figures are for."
                            )),
                        .if(
                            model.mayEdit,
                            .p(
                                .a(
                                    .href(OutcomePath.framework(model.partnershipKey).href), .class("button"),
                                    .text("Set up the performance framework")))))))
        )
    }

    static func panel(
        _ panel: DashboardModel.Panel, index: Int, framework: PerformanceFramework, model: DashboardModel
    ) -> Node<HTML.BodyContext> {
        let indicator = panel.indicator
        let result = panel.result
        let unit = indicator.unit
        let area = framework.areaCode
        let comparison = framework.comparisonAreaCode
        func point(_ code: String, _ period: ReportingPeriod) -> OutcomesAnalysis.Point? {
            result.series.first { $0.area == code && $0.period == period }
        }
        let targets = Dictionary(
            result.series.filter { $0.area == area }.compactMap { p in p.target.map { (p.period, $0) } },
            uniquingKeysWith: { a, _ in a })
        var lines = [
            Charts.Line(
                name: model.areaNames[area] ?? area, style: .main, values: panel.periods.map { point(area, $0)?.value })
        ]
        if let comparison {
            lines.append(
                Charts.Line(
                    name: model.areaNames[comparison] ?? comparison, style: .comparison,
                    values: panel.periods.map { point(comparison, $0)?.value }))
        }
        if !targets.isEmpty {
            lines.append(Charts.Line(name: "Target", style: .target, values: panel.periods.map { targets[$0] }))
        }
        // A line with no value in any period is not drawn, so the description does not name it either.
        lines = lines.filter { $0.values.contains { $0 != nil } }
        let latest = result.latestPoint
        let before = latest.flatMap { latest in
            result.series.last {
                $0.area == latest.area && $0.period < latest.period && $0.period.kind == latest.period.kind
            }
        }
        let id = "indicator-\(index + 1)"
        return .section(
            .class("dashboard-panel"), .attribute(named: "aria-labelledby", value: "\(id)-heading"),
            .h2(.id("\(id)-heading"), .class("heading-l"), .text(indicator.name)),
            .p(
                .class("hint"),
                .text(
                    "\(indicator.definition ?? indicator.name). \(indicator.polarity.label). Source: \(indicator.publisher ?? indicator.source)."
                ),
                .text(" "), .a(.href(OutcomePath.indicator(indicator.id).href), .text("Every value and its revisions"))),
            Components.summaryList([
                (
                    "Status",
                    OutcomeFormat.ragTag(result.rag)
                ),
                (
                    "Latest value",
                    .text(
                        latest.map { "\(OutcomeFormat.value($0.value, unit)) in \($0.period.label)" } ?? "No value yet")
                ),
                (
                    "Target",
                    Components.text(
                        latest?.target.map {
                            "\(OutcomeFormat.value($0, unit)) for \(latest!.period.label): \(latest!.met == true ? "met" : "missed")"
                        }, empty: "No target for the latest period")
                ),
                (
                    "Direction of travel",
                    .text(
                        OutcomeFormat.direction(result.direction)
                            + (before.map { " (from \(OutcomeFormat.value($0.value, unit)) in \($0.period.label))" }
                                ?? ""))
                ),
                (
                    "Delivery plan priorities",
                    panel.priorities.isEmpty
                        ? Components.text(nil, empty: "Not linked to a priority")
                        : .ul(.class("list"), .forEach(panel.priorities) { .li(.text($0.title)) })
                )
            ]),
            Charts.indicator(
                id: id, title: "\(indicator.name), \(model.areaName(area)) by period",
                description: "\(unit.label): " + lines.map(\.name).joined(separator: ", ") + " by period"
                    + (panel.periods.first.map { " from \($0.label)" } ?? "")
                    + (panel.periods.last.map { " to \($0.label)" } ?? "") + ".",
                periods: panel.periods.map(\.label), lines: lines,
                format: { OutcomeFormat.value($0, unit) }, axis: OutcomeFormat.number),
            Components.table(
                caption: "\(indicator.name) by period",
                headers: [.text("Period"), .text(model.areaNames[area] ?? area), .text("Target"), .text("Met")]
                    + (comparison.map { [.text(model.areaNames[$0] ?? $0)] } ?? []),
                rows: panel.periods.map { period in
                    let own = point(area, period)
                    return [
                        .text(period.label),
                        .text(own.map { OutcomeFormat.value($0.value, unit) } ?? "No value"),
                        .text(targets[period].map { OutcomeFormat.value($0, unit) } ?? ""),
                        .text(own?.met.map { $0 ? "Yes" : "No" } ?? "")
                    ]
                        + (comparison.map { code in
                            [.text(point(code, period).map { OutcomeFormat.value($0.value, unit) } ?? "No value")]
                        } ?? [])
                }),
            .p(
                .a(
                    .href(OutcomePath.dashboardCSV(model.partnershipKey, indicator: indicator.id).href),
                    .text("Download the table of \(indicator.name) as CSV"))))
    }
}
