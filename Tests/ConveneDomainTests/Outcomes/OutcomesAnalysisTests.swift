import ConveneDomain
import Foundation
import Testing

/// Series beside their targets, the latest value, the direction under each polarity, RAG, and the JSON contract.
@Suite struct OutcomesAnalysisTests {
    static let peterborough = "E06000031"
    static let cambridgeshire = "E10000003"

    static func indicator(_ id: String, _ unit: IndicatorUnit, _ polarity: Polarity) -> Indicator {
        Indicator(
            id: id, name: id.capitalized, unit: unit, polarity: polarity, source: "Test", frequency: .annual,
            geography: .upperTierAuthority)
    }

    static let indicators = [
        indicator("coc", .percentage, .higherIsBetter), indicator("deaths", .ratePer100000, .lowerIsBetter),
        indicator("treatment", .count, .higherIsBetter), indicator("lines", .count, .higherIsBetter),
        indicator("empty", .count, .lowerIsBetter)
    ]

    static func m(_ id: String, _ area: String, _ period: String, _ value: Double, published: String? = nil)
        -> IndicatorMeasurement
    {
        IndicatorMeasurement(
            indicatorID: id, areaCode: area, period: ReportingPeriod(period)!, value: value,
            publishedOn: published.flatMap { Day($0) })
    }

    static func t(_ id: String, _ area: String, _ period: String, _ value: Double) -> Target {
        Target(indicatorID: id, areaCode: area, period: ReportingPeriod(period)!, value: value)
    }

    /// Peterborough (first by code): continuity of care up from 38% to 41% against 40% (missed, then met); deaths
    /// down from 6.0 to 5.5 against 5.0 (10% off but improving), 5.5 being a revision of 7.0; treatment down from 2,000
    /// to 1,900 against 2,100; one value of lines closed. Cambridgeshire: continuity of care 40.0 then 40.04, deaths up
    /// from 9.0 to 9.6 against 8.0 and, for 2022, 9.7.
    static let measurements = [
        m("deaths", cambridgeshire, "2023", 9.6), m("deaths", cambridgeshire, "2022", 9.0),
        m("coc", peterborough, "2023-24", 41), m("coc", peterborough, "2022-23", 38),
        m("deaths", peterborough, "2023", 7.0, published: "2024-01-10"), m("deaths", peterborough, "2022", 6.0),
        m("deaths", peterborough, "2023", 5.5, published: "2024-10-17"),
        m("treatment", peterborough, "2022", 2000), m("treatment", peterborough, "2023", 1900),
        m("lines", peterborough, "2023", 12), m("coc", cambridgeshire, "2022-23", 40),
        m("coc", cambridgeshire, "2023-24", 40.04), m("other", peterborough, "2023", 1)
    ]

    static let targets = [
        t("coc", peterborough, "2023-24", 40), t("coc", peterborough, "2022-23", 40),
        t("deaths", peterborough, "2023", 5),
        t("deaths", cambridgeshire, "2023", 8), t("deaths", cambridgeshire, "2022", 9.7),
        t("treatment", peterborough, "2023", 2100), t("coc", cambridgeshire, "2023-24", 42)
    ]

    static func run(area: String? = nil) -> [String: OutcomesAnalysis.IndicatorResult] {
        let report = OutcomesAnalysis.run(
            indicators: indicators, measurements: measurements, targets: targets, area: area)
        return Dictionary(uniqueKeysWithValues: report.indicators.map { ($0.id, $0) })
    }

    @Test func aSeriesStandsBesideItsTargetsMetAndMissed() throws {
        // Act
        let coc = try #require(Self.run()["coc"])
        // Check
        #expect(
            coc.series.map(\.area) == [Self.peterborough, Self.peterborough, Self.cambridgeshire, Self.cambridgeshire])
        #expect(coc.series.map(\.period.description) == ["2022-23", "2023-24", "2022-23", "2023-24"])
        #expect(coc.series.map(\.target) == [40, 40, nil, 42])
        #expect(coc.series.map(\.met) == [false, true, nil, false])
        #expect(
            coc.latest
                == OutcomesAnalysis.Latest(area: Self.peterborough, period: ReportingPeriod("2023-24")!, value: 41))
    }

    @Test func theLatestRevisionIsUsedAndLowerIsBetterMeetsAtOrBelow() throws {
        // Act
        let results = Self.run()
        let deaths = try #require(results["deaths"])
        // Check
        #expect(deaths.series.map(\.value) == [6.0, 5.5, 9.0, 9.6])
        #expect(deaths.series.map(\.met) == [nil, false, true, false])  // 9.0 is at or below 9.7
        #expect(deaths.latest?.value == 5.5)
        #expect(results["other"] == nil)
    }

    @Test func directionUnderEachPolarity() {
        // Act
        let first = Self.run()
        let cambridgeshire = Self.run(area: Self.cambridgeshire)
        // Check
        #expect(first["coc"]?.direction == .improving)  // up, higher is better
        #expect(first["deaths"]?.direction == .improving)  // down, lower is better
        #expect(first["treatment"]?.direction == .worsening)  // down, higher is better
        #expect(cambridgeshire["deaths"]?.direction == .worsening)  // up, lower is better
        #expect(cambridgeshire["coc"]?.direction == .noChange)  // 40.0 to 40.04: within 0.05
        #expect(first["lines"]?.direction == .unknown)  // one value
        #expect(first["empty"]?.direction == .unknown)
        #expect(first["empty"]?.latest == nil && first["empty"]?.series == [])
        #expect(cambridgeshire["treatment"]?.latest == nil && cambridgeshire["treatment"]?.direction == .unknown)
    }

    @Test func ragByTheStatedRules() {
        // Act
        let first = Self.run()
        let cambridgeshire = Self.run(area: Self.cambridgeshire)
        // Check
        #expect(first["coc"]?.rag == .green)  // 41 meets 40
        #expect(first["deaths"]?.rag == .amber)  // 5.5 misses 5 by 10%, but improving
        #expect(first["treatment"]?.rag == .red)  // 1,900 misses 2,100 by 9.5% and worsening
        #expect(cambridgeshire["coc"]?.rag == .amber)  // 40.04 misses 42 by 4.7%
        #expect(cambridgeshire["deaths"]?.rag == .red)  // 9.6 misses 8 by 20% and worsening
        #expect(first["lines"]?.rag == .grey)  // no target
        #expect(first["empty"]?.rag == .grey)  // no value
    }

    @Test func theJSONHasExactlyTheContractsKeys() throws {
        // Setup
        let report = OutcomesAnalysis.run(
            indicators: Self.indicators, measurements: Self.measurements, targets: Self.targets)
        // Act
        let data = try OutcomesAnalysis.json(report)
        // Check
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(top.keys) == ["analysis", "indicators"])
        #expect(top["analysis"] as? String == "outcomes")
        let indicators = try #require(top["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["id"] as? String } == ["coc", "deaths", "treatment", "lines", "empty"])
        for indicator in indicators {
            #expect(Set(indicator.keys) == ["id", "name", "unit", "polarity", "series", "latest", "direction"])
            for point in try #require(indicator["series"] as? [[String: Any]]) {
                #expect(Set(point.keys) == ["area", "period", "value", "target", "met"])
            }
            if let latest = indicator["latest"] as? [String: Any] {
                #expect(Set(latest.keys) == ["area", "period", "value"])
            } else {
                #expect(indicator["latest"] is NSNull)
            }
        }
        let coc = indicators[0]
        #expect(coc["unit"] as? String == "percentage" && coc["polarity"] as? String == "higher-is-better")
        let cambridgeshire = try #require((coc["series"] as? [[String: Any]])?[2])
        #expect(cambridgeshire["period"] as? String == "2022-23")
        #expect(cambridgeshire["target"] is NSNull && cambridgeshire["met"] is NSNull)
        #expect(indicators[4]["latest"] is NSNull && indicators[4]["direction"] as? String == "unknown")
        #expect(try JSONDecoder().decode(OutcomesAnalysis.Report.self, from: data) == report)
    }

    @Test func theCSVHasARowPerSeriesPoint() {
        // Setup
        let report = OutcomesAnalysis.run(
            indicators: Self.indicators, measurements: Self.measurements, targets: Self.targets)
        // Act
        let csv = OutcomesAnalysis.csv(report)
        // Check
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "indicator_id,indicator,unit,polarity,area_code,period,value,target,met")
        #expect(lines.count == 1 + report.indicators.map(\.series.count).reduce(0, +))
        #expect(lines[1] == "coc,Coc,percentage,higher-is-better,E06000031,2022-23,38,40,no")
        #expect(lines[3] == "coc,Coc,percentage,higher-is-better,E10000003,2022-23,40,,")
    }
}
