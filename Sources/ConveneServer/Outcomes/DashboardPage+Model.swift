import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// A partnership's performance dashboard: for each indicator of its framework, the series of its area beside the
/// comparison area and the targets, the latest value, the direction of travel and the RAG status, by the rules of
/// `OutcomesAnalysis`.
struct DashboardModel {
    struct Panel {
        var indicator: Indicator
        var result: OutcomesAnalysis.IndicatorResult
        /// The delivery plan's priorities the indicator measures: key and title.
        var priorities: [(key: String, title: String)]
        /// Every period with a value or a target in either area, in order.
        var periods: [ReportingPeriod]
    }

    var context: PageContext
    var partnershipKey: String
    var partnershipName: String
    var framework: PerformanceFramework?
    var areaNames: [String: String]
    var panels: [Panel]
    var mayEdit: Bool

    func areaName(_ code: String) -> String { areaNames[code].map { "\($0) (\(code))" } ?? code }

    static func load(key: String, context: PageContext, mayEdit: Bool, in scope: Scope) async throws -> DashboardModel {
        let partnership = try await RegisterQueries.partnership(key, in: scope)
        var model = DashboardModel(
            context: context, partnershipKey: partnership.key, partnershipName: partnership.name, framework: nil,
            areaNames: [:], panels: [], mayEdit: mayEdit)
        guard let framework = try await OutcomeStore.framework(of: partnership, in: scope) else { return model }
        model.framework = framework
        let areas = [framework.areaCode] + (framework.comparisonAreaCode.map { [$0] } ?? [])
        async let names = OutcomeStore.areaNames(areas, on: scope.db)
        async let report = OutcomeStore.analysis(partnership: key, area: nil, in: scope)
        async let priorities = OutcomeBusiness.priorities(of: partnership, in: scope)
        async let targets = OutcomeStore.targets(of: framework.indicatorIDs, in: areas, scope: scope)
        let indicators = try await OutcomeStore.indicators(in: scope)
        let titles = Dictionary(try await priorities.map { ($0.key, $0.title) }, uniquingKeysWith: { a, _ in a })
        let targetPeriods = Dictionary(grouping: try await targets, by: \.indicatorID).mapValues { $0.map(\.period) }
        model.areaNames = try await names
        model.panels = try await report.indicators.compactMap { result in
            guard let indicator = indicators.first(where: { $0.id == result.id }),
                let entry = framework.entries.first(where: { $0.indicatorID == result.id })
            else { return nil }
            let periods = Set(result.series.map(\.period) + (targetPeriods[result.id] ?? [])).sorted()
            return Panel(
                indicator: indicator, result: result,
                priorities: entry.priorityKeys.map { ($0, titles[$0] ?? $0) }, periods: periods)
        }
        return model
    }
}

/// How an indicator's values are written: in its unit, with no more figures than the data has.
enum OutcomeFormat {
    static func value(_ value: Double, _ unit: IndicatorUnit) -> String {
        switch unit {
        case .money: return Money.format(pence: Int(value.rounded()))
        case .percentage: return number(value) + "%"
        case .days: return number(value) + (value == 1 ? " day" : " days")
        case .ratePer100000: return number(value) + " per 100,000"
        case .count: return number(value)
        }
    }

    /// Whole numbers grouped in thousands; others to one decimal place (two below 1).
    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 {
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.locale = Locale(identifier: "en_GB")
            return formatter.string(from: NSNumber(value: Int(value))) ?? String(Int(value))
        }
        return String(format: abs(value) < 1 ? "%.2f" : "%.1f", value)
    }

    static func direction(_ direction: OutcomesAnalysis.Direction) -> String {
        switch direction {
        case .improving: "Improving"
        case .worsening: "Worsening"
        case .noChange: "No change"
        case .unknown: "Not known: no earlier value"
        }
    }

    static func ragTag(_ rag: OutcomesAnalysis.RAG) -> Node<HTML.BodyContext> {
        let colour =
            switch rag {
            case .green: "green"
            case .amber: "yellow"
            case .red: "red"
            case .grey: "grey"
            }
        return Components.tag(rag.label, colour)
    }
}
