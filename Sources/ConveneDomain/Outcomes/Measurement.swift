import Foundation

/// One published value of an indicator for an area and a period, as one publication gave it.
public struct IndicatorMeasurement: Hashable, Codable, Sendable {
    /// What a measurement is of: its indicator, area and period. Revisions share it.
    public struct Key: Hashable, Comparable, Codable, Sendable {
        public var indicatorID: String
        public var areaCode: String
        public var period: ReportingPeriod

        public init(indicatorID: String, areaCode: String, period: ReportingPeriod) {
            self.indicatorID = indicatorID
            self.areaCode = areaCode
            self.period = period
        }

        enum CodingKeys: String, CodingKey {
            case indicatorID = "indicator_id"
            case areaCode = "area_code"
            case period
        }

        /// By indicator, then area, then period.
        public static func < (a: Key, b: Key) -> Bool {
            if a.indicatorID != b.indicatorID { return a.indicatorID < b.indicatorID }
            if a.areaCode != b.areaCode { return a.areaCode < b.areaCode }
            return a.period < b.period
        }
    }

    public var indicatorID: String
    /// The area's ONS code.
    public var areaCode: String
    public var period: ReportingPeriod
    /// In the indicator's unit; for a rate or a percentage given with its numerator and denominator, worked out from
    /// them.
    public var value: Double
    public var numerator: Double?
    public var denominator: Double?
    /// The day the figure was published; revisions are told apart by it.
    public var publishedOn: Day?
    /// The publication the figure is from.
    public var source: String?

    public init(
        indicatorID: String, areaCode: String, period: ReportingPeriod, value: Double, numerator: Double? = nil,
        denominator: Double? = nil, publishedOn: Day? = nil, source: String? = nil
    ) {
        self.indicatorID = indicatorID
        self.areaCode = areaCode
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.publishedOn = publishedOn
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case indicatorID = "indicator_id"
        case areaCode = "area_code"
        case period, value, numerator, denominator
        case publishedOn = "published_on"
        case source
    }

    public var key: Key { Key(indicatorID: indicatorID, areaCode: areaCode, period: period) }

    /// Values closer than this are the same figure rounded differently: 0.05 of the indicator's unit.
    public static let tolerance = 0.05

    /// True when `a` and `b` differ by no more than `tolerance` (allowing for binary fractions: 10.05 − 10.0 is a
    /// hair over 0.05 as a Double).
    public static func agree(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance + 1e-9 }
}

/// Every published value of one indicator, area and period, in the order Convene received them: the history of a
/// figure that was revised. The server stores each revision; none is ever overwritten.
///
/// The current value is the revision published last: the latest `publishedOn`, a revision without a date counting as
/// older than any with one, and among equals the one received last.
public struct MeasurementHistory: Hashable, Codable, Sendable {
    public let key: IndicatorMeasurement.Key
    /// Oldest received first.
    public private(set) var revisions: [IndicatorMeasurement]

    /// A history of one measurement.
    public init(_ first: IndicatorMeasurement) {
        key = first.key
        revisions = [first]
    }

    /// How a value compares with what the history already holds.
    public enum Change: Hashable, Sendable {
        /// The history is empty: the first value for its indicator, area and period.
        case new
        /// Another value, or the same value published again on a later day: `previous` was current before it.
        case revision(previous: IndicatorMeasurement)
        /// Already held: a revision with the same value and published date, or, for a value given without a date,
        /// the current value is the same.
        case unchanged
    }

    /// What recording `measurement` would be.
    public func change(_ measurement: IndicatorMeasurement) -> Change {
        let held = revisions.contains { $0.value == measurement.value && $0.publishedOn == measurement.publishedOn }
        if held || (measurement.publishedOn == nil && current.value == measurement.value) { return .unchanged }
        return .revision(previous: current)
    }

    /// Adds `measurement` (of the same key) unless it is already held, and says which it was.
    @discardableResult
    public mutating func record(_ measurement: IndicatorMeasurement) -> Change {
        precondition(measurement.key == key, "A measurement is recorded in its own history")
        let change = change(measurement)
        if change != .unchanged { revisions.append(measurement) }
        return change
    }

    /// The value published last.
    public var current: IndicatorMeasurement {
        var best = revisions[0]
        for revision in revisions.dropFirst() {
            switch (revision.publishedOn, best.publishedOn) {
            case (.some(let a), .some(let b)) where a >= b: best = revision
            case (.some, .none), (.none, .none): best = revision
            default: continue
            }
        }
        return best
    }

    /// Measurements gathered into histories by key, each in the order given.
    public static func histories(_ measurements: [IndicatorMeasurement]) -> [IndicatorMeasurement.Key:
        MeasurementHistory]
    {
        var histories: [IndicatorMeasurement.Key: MeasurementHistory] = [:]
        for measurement in measurements {
            if histories[measurement.key] == nil {
                histories[measurement.key] = MeasurementHistory(measurement)
            } else {
                histories[measurement.key]!.record(measurement)
            }
        }
        return histories
    }

    /// The current value of each indicator, area and period, in key order.
    public static func current(_ measurements: [IndicatorMeasurement]) -> [IndicatorMeasurement] {
        histories(measurements).values.map(\.current).sorted { $0.key < $1.key }
    }
}

/// The value an indicator is meant to reach, for an area and a period.
public struct Target: Hashable, Codable, Sendable {
    public var indicatorID: String
    public var areaCode: String
    public var period: ReportingPeriod
    /// In the indicator's unit.
    public var value: Double

    public init(indicatorID: String, areaCode: String, period: ReportingPeriod, value: Double) {
        self.indicatorID = indicatorID
        self.areaCode = areaCode
        self.period = period
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case indicatorID = "indicator_id"
        case areaCode = "area_code"
        case period
        case value = "target"
    }

    public var key: IndicatorMeasurement.Key {
        IndicatorMeasurement.Key(indicatorID: indicatorID, areaCode: areaCode, period: period)
    }
}
