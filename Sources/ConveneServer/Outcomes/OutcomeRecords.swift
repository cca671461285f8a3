import ConveneDomain
import Fluent
import Foundation

/// A workspace's own indicator. The national frameworks' indicators are not stored: they ship with Convene
/// (`OutcomeFrameworks`), and every workspace's measurements name them by the same ids.
final class IndicatorRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "indicators"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "key") var key: String
    /// The whole indicator, as `Indicator` encodes it: always read and written whole.
    @Field(key: "indicator") var indicator: String

    static var workspacePath: KeyPath<IndicatorRecord, ParentProperty<IndicatorRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    var domain: Indicator? { StoredJSON.read(Indicator.self, indicator) }
}

/// One published value of an indicator for an area and a period, as one publication gave it. A revised figure is
/// another row with the next `revision`: none is ever overwritten.
final class MeasurementRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "measurements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "indicator_key") var indicatorKey: String
    @Field(key: "area_code") var areaCode: String
    @Field(key: "period") var period: String
    /// 1 for the first value received, 2 for the next, and so on.
    @Field(key: "revision") var revision: Int
    @Field(key: "value") var value: Double
    @OptionalField(key: "numerator") var numerator: Double?
    @OptionalField(key: "denominator") var denominator: Double?
    @OptionalField(key: "published_on") var publishedOn: String?
    @OptionalField(key: "source") var source: String?
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "received_by") var receivedBy: String

    static var workspacePath: KeyPath<MeasurementRecord, ParentProperty<MeasurementRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    var domain: IndicatorMeasurement? {
        ReportingPeriod(period).map {
            IndicatorMeasurement(
                indicatorID: indicatorKey, areaCode: areaCode, period: $0, value: value, numerator: numerator,
                denominator: denominator, publishedOn: Day(stored: publishedOn), source: source)
        }
    }

    func set(_ m: IndicatorMeasurement) {
        indicatorKey = m.indicatorID
        areaCode = m.areaCode
        period = m.period.description
        value = m.value
        numerator = m.numerator
        denominator = m.denominator
        publishedOn = m.publishedOn?.description
        source = m.source
    }
}

/// The value an indicator is meant to reach for an area and a period; a target imported again with another value
/// replaces it (the audit log keeps the old one).
final class TargetRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "indicator_targets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "indicator_key") var indicatorKey: String
    @Field(key: "area_code") var areaCode: String
    @Field(key: "period") var period: String
    @Field(key: "value") var value: Double

    static var workspacePath: KeyPath<TargetRecord, ParentProperty<TargetRecord, WorkspaceRecord>> { \.$workspace }

    init() {}

    var domain: Target? {
        ReportingPeriod(period).map { Target(indicatorID: indicatorKey, areaCode: areaCode, period: $0, value: value) }
    }
}

/// A partnership's performance framework: at most one each.
final class PerformanceFrameworkRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "performance_frameworks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @Field(key: "area_code") var areaCode: String
    @OptionalField(key: "comparison_area_code") var comparisonAreaCode: String?
    /// The indicators and their priorities, as `PerformanceFramework.Entry` encodes them.
    @Field(key: "entries") var entries: String
    @Field(key: "updated_at") var updatedAt: Date

    static var workspacePath:
        KeyPath<PerformanceFrameworkRecord, ParentProperty<PerformanceFrameworkRecord, WorkspaceRecord>>
    { \.$workspace }

    init() {}

    func domain(partnershipKey: String) -> PerformanceFramework {
        PerformanceFramework(
            partnershipKey: partnershipKey, areaCode: areaCode, comparisonAreaCode: comparisonAreaCode,
            entries: StoredJSON.read([PerformanceFramework.Entry].self, entries) ?? [])
    }
}
