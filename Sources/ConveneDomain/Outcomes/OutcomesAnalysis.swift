import Foundation

/// How each indicator is going: its values by area and period beside their targets, the latest value, the direction
/// of travel and a RAG status. The JSON contract (`convene analyse outcomes --format json`), stable:
///
///     {"analysis": "outcomes",
///      "indicators": [{"id", "name", "unit", "polarity",
///                      "series": [{"area", "period", "value", "target", "met"}],
///                      "latest": {"area", "period", "value"},
///                      "direction": "improving" | "worsening" | "no-change" | "unknown"}]}
///
/// `unit` and `polarity` are their identifiers ("rate-per-100000", "lower-is-better"), `period` its code ("2023-24"),
/// `area` the ONS code. `target` and `met` are null where there is no target, `latest` null where there is no value.
/// The CSV (`csv`) has a row per series point.
///
/// The rules:
/// 1. Values are the current revision of each (`MeasurementHistory.current`).
/// 2. The series is ordered by area, then period (`ReportingPeriod`'s order).
/// 3. A value meets its target (same indicator, area and period) when it is at or above it where higher is better,
///    at or below it where lower is better; exactly, with no tolerance.
/// 4. The latest value is the last of the series of the area asked for, or with none asked, of the first area in
///    alphabetical order of ONS code; null when that area has no value.
/// 5. The direction compares the latest value with the one before it in the same area and of the same kind of period
///    (a year with the year before it that has a value, a quarter with the quarter before): a change of 0.05 of the
///    unit or less, the rounding the importer allows, is "no-change"; a rise is "improving" where higher is better
///    and "worsening" where lower is better, a fall the reverse; "unknown" with no value before it.
/// 6. RAG (`IndicatorResult.rag`), from the latest value and its own period's target: green when it meets the target;
///    amber when it misses by no more than 5% of the target, or the direction is improving; red otherwise; grey when
///    there is no target for that period or no value.
public enum OutcomesAnalysis {
    public enum Direction: String, Hashable, Codable, Sendable, CaseIterable {
        case improving, worsening
        case noChange = "no-change"
        case unknown
    }

    public enum RAG: String, Hashable, Codable, Sendable, CaseIterable {
        case green, amber, red, grey

        /// In words, so that colour is never the only signal.
        public var label: String {
            switch self {
            case .green: "Meets its target"
            case .amber: "Close to its target or improving"
            case .red: "Misses its target"
            case .grey: "No target or no value"
            }
        }
    }

    public struct Point: Hashable, Codable, Sendable {
        public var area: String
        public var period: ReportingPeriod
        public var value: Double
        public var target: Double?
        public var met: Bool?

        enum CodingKeys: String, CodingKey { case area, period, value, target, met }

        public init(area: String, period: ReportingPeriod, value: Double, target: Double?, met: Bool?) {
            self.area = area
            self.period = period
            self.value = value
            self.target = target
            self.met = met
        }

        /// Nulls are written, not left out: the contract has every key.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(area, forKey: .area)
            try container.encode(period, forKey: .period)
            try container.encode(value, forKey: .value)
            try container.encode(target, forKey: .target)
            try container.encode(met, forKey: .met)
        }
    }

    public struct Latest: Hashable, Codable, Sendable {
        public var area: String
        public var period: ReportingPeriod
        public var value: Double

        public init(area: String, period: ReportingPeriod, value: Double) {
            self.area = area
            self.period = period
            self.value = value
        }

        enum CodingKeys: String, CodingKey { case area, period, value }
    }

    public struct IndicatorResult: Hashable, Codable, Sendable {
        public var id: String
        public var name: String
        public var unit: IndicatorUnit
        public var polarity: Polarity
        public var series: [Point]
        public var latest: Latest?
        public var direction: Direction

        enum CodingKeys: String, CodingKey { case id, name, unit, polarity, series, latest, direction }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(unit, forKey: .unit)
            try container.encode(polarity, forKey: .polarity)
            try container.encode(series, forKey: .series)
            try container.encode(latest, forKey: .latest)
            try container.encode(direction, forKey: .direction)
        }

        /// The series point of the latest value.
        public var latestPoint: Point? {
            latest.flatMap { latest in series.first { $0.area == latest.area && $0.period == latest.period } }
        }

        /// By rule 6; worked out from the contract's fields, so it is the same for a decoded result.
        public var rag: RAG {
            guard let point = latestPoint, let target = point.target else { return .grey }
            if polarity.meets(point.value, target) { return .green }
            if abs(point.value - target) <= 0.05 * abs(target) + 1e-9 || direction == .improving { return .amber }
            return .red
        }
    }

    public struct Report: Hashable, Codable, Sendable {
        public var analysis = "outcomes"
        public var indicators: [IndicatorResult]

        enum CodingKeys: String, CodingKey { case analysis, indicators }
    }

    /// Every one of `indicators`, in the order given; `measurements` may hold every revision, and values of other
    /// indicators are left out. `area` is the ONS code the latest value and the direction are for.
    public static func run(
        indicators: [Indicator], measurements: [IndicatorMeasurement], targets: [Target], area: String? = nil
    ) -> Report {
        let byIndicator = Dictionary(grouping: MeasurementHistory.current(measurements), by: \.indicatorID)
        let targetsByKey = Dictionary(targets.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        return Report(
            indicators: indicators.map { indicator in
                let series = (byIndicator[indicator.id] ?? []).sorted { $0.key < $1.key }.map { m in
                    let target = targetsByKey[m.key]
                    return Point(
                        area: m.areaCode, period: m.period, value: m.value, target: target,
                        met: target.map { indicator.polarity.meets(m.value, $0) })
                }
                let focus = area ?? series.first?.area
                let own = series.filter { $0.area == focus }
                let latest = own.last
                return IndicatorResult(
                    id: indicator.id, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity,
                    series: series, latest: latest.map { Latest(area: $0.area, period: $0.period, value: $0.value) },
                    direction: direction(own, indicator.polarity))
            })
    }

    /// By rule 5, for one area's series in period order.
    static func direction(_ series: [Point], _ polarity: Polarity) -> Direction {
        guard let latest = series.last,
            let before = series.dropLast().last(where: { $0.period.kind == latest.period.kind })
        else { return .unknown }
        if IndicatorMeasurement.agree(latest.value, before.value) { return .noChange }
        return (latest.value > before.value) == (polarity == .higherIsBetter) ? .improving : .worsening
    }

    /// The report as the contract's JSON, keys sorted so that the same report gives the same bytes.
    public static func json(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(report)
    }

    public static let csvHeader = [
        "indicator_id", "indicator", "unit", "polarity", "area_code", "period", "value", "target", "met"
    ]

    /// A row per series point; `met` is "yes", "no" or empty where there is no target.
    public static func csv(_ report: Report) -> String {
        CSV.write(
            header: csvHeader,
            rows: report.indicators.flatMap { i in
                i.series.map { p in
                    [
                        i.id, i.name, i.unit.rawValue, i.polarity.rawValue, p.area, p.period.description,
                        OutcomeSheet.text(p.value), p.target.map(OutcomeSheet.text) ?? "",
                        p.met.map { $0 ? "yes" : "no" } ?? ""
                    ]
                }
            })
    }
}
