import Foundation

/// A partnership's local performance framework: the indicators it agreed to watch, each linked to the priorities of
/// its delivery plan that it measures, and the areas its dashboard shows. The CDP guidance asks every partnership to
/// "agree a local performance framework to monitor the implementation and impact of local plans".
public struct PerformanceFramework: Hashable, Codable, Sendable {
    /// One indicator of the framework and the delivery plan's priorities it measures, by key.
    public struct Entry: Hashable, Codable, Sendable {
        public var indicatorID: String
        public var priorityKeys: [String]

        public init(indicatorID: String, priorityKeys: [String] = []) {
            self.indicatorID = indicatorID
            self.priorityKeys = priorityKeys
        }

        enum CodingKeys: String, CodingKey {
            case indicatorID = "indicator_id"
            case priorityKeys = "priority_keys"
        }
    }

    public var partnershipKey: String
    /// The area the dashboard is for (the partnership's footprint, as published statistics name it): an ONS code.
    public var areaCode: String
    /// The area its figures are set beside: a comparison area, or the nation (E92000001 for England).
    public var comparisonAreaCode: String?
    public var entries: [Entry]

    public init(partnershipKey: String, areaCode: String, comparisonAreaCode: String? = nil, entries: [Entry]) {
        self.partnershipKey = partnershipKey
        self.areaCode = areaCode
        self.comparisonAreaCode = comparisonAreaCode
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case partnershipKey = "partnership_key"
        case areaCode = "area_code"
        case comparisonAreaCode = "comparison_area_code"
        case entries = "indicators"
    }

    public var indicatorIDs: [String] { entries.map(\.indicatorID) }

    /// Problems by field. `indicators` are the ids the workspace knows (the national ones and its own), `priorities`
    /// the keys of the priorities of the partnership's delivery plans.
    public func validate(indicators: Set<String>, priorities: Set<String>) -> [FieldError] {
        var check = Checker()
        check.require(
            Area.isValidCode(areaCode), "area_code",
            "Enter the ONS code of the area the dashboard is for, like E10000003")
        if let comparisonAreaCode {
            check.require(
                Area.isValidCode(comparisonAreaCode), "comparison_area_code",
                "Enter the ONS code of the comparison area, like E92000001 for England")
            check.require(
                comparisonAreaCode != areaCode, "comparison_area_code",
                "The comparison area must be another area than the dashboard's")
        }
        check.require(!entries.isEmpty, "indicators", "Choose at least one indicator")
        check.require(
            Set(indicatorIDs).count == entries.count, "indicators", "An indicator is in the framework twice")
        for entry in entries {
            check.require(
                indicators.contains(entry.indicatorID), "indicators", "There is no indicator '\(entry.indicatorID)'")
            for priority in entry.priorityKeys where !priorities.contains(priority) {
                check.require(
                    false, "priority-\(entry.indicatorID)",
                    "'\(priority)' is not a priority of the partnership's delivery plans")
            }
        }
        return check.errors
    }

    /// The guidance's rule for the step "performance framework": the framework has at least one indicator with a
    /// value for one of its areas.
    public func isMeasured(by measurements: [IndicatorMeasurement]) -> Bool {
        let indicators = Set(indicatorIDs)
        let areas = Set([areaCode] + (comparisonAreaCode.map { [$0] } ?? []))
        return measurements.contains { indicators.contains($0.indicatorID) && areas.contains($0.areaCode) }
    }
}
