import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The indicators a workspace knows, the national frameworks' outcomes they measure, and how many values each has.
struct OutcomesModel {
    var context: PageContext
    var indicators: [Indicator]
    var values: [String: Int]
    /// Each partnership with a framework: key, name and how many indicators.
    var frameworks: [(key: String, name: String, indicators: Int)]

    static func load(context: PageContext, in scope: Scope) async throws -> OutcomesModel {
        struct Counted: Decodable {
            var indicatorKey: String
            var count: Int
            enum CodingKeys: String, CodingKey { case indicatorKey = "indicator_key", count }
        }
        async let indicators = OutcomeStore.indicators(in: scope)
        async let counts = scope.sql.raw(
            """
            SELECT indicator_key, COUNT(*) AS count FROM measurements WHERE workspace_id = \(bind: scope.workspaceID)
            GROUP BY indicator_key
            """
        ).all(decoding: Counted.self)
        async let frameworks = PerformanceFrameworkRecord.query(in: scope).with(\.$partnership).all()
        return OutcomesModel(
            context: context, indicators: try await indicators,
            values: Dictionary(try await counts.map { ($0.indicatorKey, $0.count) }, uniquingKeysWith: +),
            frameworks: try await frameworks.map {
                ($0.partnership.key, $0.partnership.name, $0.domain(partnershipKey: $0.partnership.key).entries.count)
            }.sorted { $0.name < $1.name })
    }
}

/// One indicator and every value held for it, each with its revisions, newest revision first.
struct IndicatorPageModel {
    var context: PageContext
    var indicator: Indicator
    var histories: [MeasurementHistory]
    var targets: [Target]
    var areaNames: [String: String]

    static func load(id: String, context: PageContext, in scope: Scope) async throws -> IndicatorPageModel {
        let indicator = try await OutcomeStore.indicator(id, in: scope)
        async let measurements = OutcomeStore.measurements(of: [id], scope: scope)
        async let targets = OutcomeStore.targets(of: [id], scope: scope)
        let histories = MeasurementHistory.histories(try await measurements).values.sorted { $0.key < $1.key }
        let codes = Set(histories.map(\.key.areaCode))
        return IndicatorPageModel(
            context: context, indicator: indicator, histories: histories, targets: try await targets,
            areaNames: try await OutcomeStore.areaNames(Array(codes), on: scope.db))
    }
}

/// The import of a file of indicators, measurements or targets, and its report.
struct OutcomeImportModel {
    var context: PageContext
    var kind: String?
    var dryRun = false
    var report: OutcomeImport.Report?
    var errors: [FieldError] = []
}

/// A new local indicator.
struct NewIndicatorModel {
    struct Input: Content {
        var indicatorID: String?
        var name: String?
        var definition: String?
        var unit: String?
        var polarity: String?
        var source: String?
        var publisher: String?
        var frequency: String?
        var geography: String?

        enum CodingKeys: String, CodingKey {
            case indicatorID = "indicator_id"
            case name, definition, unit, polarity, source, publisher, frequency, geography
        }
    }

    var context: PageContext
    var input = Input()
    var errors: [FieldError] = []
}

/// A partnership's performance framework as a form: every indicator, each with a checkbox and the delivery plan
/// priority it measures.
struct FrameworkFormModel {
    var context: PageContext
    var partnershipKey: String
    var partnershipName: String
    var indicators: [Indicator]
    var priorities: [(key: String, title: String)]
    var framework: PerformanceFramework?
    var errors: [FieldError] = []

    static func load(
        key: String, context: PageContext, framework given: PerformanceFramework? = nil, errors: [FieldError] = [],
        in scope: Scope
    ) async throws -> FrameworkFormModel {
        let partnership = try await RegisterQueries.partnership(key, in: scope)
        async let indicators = OutcomeStore.indicators(in: scope)
        async let priorities = OutcomeBusiness.priorities(of: partnership, in: scope)
        var held: PerformanceFramework? = given
        if held == nil { held = try await OutcomeStore.framework(of: partnership, in: scope) }
        return FrameworkFormModel(
            context: context, partnershipKey: partnership.key, partnershipName: partnership.name,
            indicators: try await indicators, priorities: try await priorities, framework: held, errors: errors)
    }
}
