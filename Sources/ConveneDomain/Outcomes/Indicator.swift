import Foundation

/// A published statistic that says how an outcome is going: drug-related deaths, hospital admissions for assault with
/// a sharp object, continuity of care. The national frameworks' indicators ship with Convene
/// (`OutcomeFrameworks`); a workspace adds local ones from a CSV (`IndicatorFile`).
public struct Indicator: Hashable, Codable, Sendable {
    /// Stable and readable, like every key in Convene: measurements and targets name their indicator by it.
    public var id: String
    public var name: String
    /// What is counted, and over whom, in the publisher's words where they give them.
    public var definition: String?
    public var unit: IndicatorUnit
    public var polarity: Polarity
    /// Where the indicator comes from: the framework that names it, or the local plan.
    public var source: String
    /// Who publishes the figures.
    public var publisher: String?
    public var frequency: IndicatorFrequency
    /// The kind of area the figures are published for: one of `Indicator.geographies`.
    public var geography: AreaKind
    /// The framework outcomes the indicator measures, by key (`OutcomeFrameworks`).
    public var outcomeKeys: [String]

    public init(
        id: String, name: String, definition: String? = nil, unit: IndicatorUnit, polarity: Polarity, source: String,
        publisher: String? = nil, frequency: IndicatorFrequency, geography: AreaKind, outcomeKeys: [String] = []
    ) {
        self.id = id
        self.name = name
        self.definition = definition
        self.unit = unit
        self.polarity = polarity
        self.source = source
        self.publisher = publisher
        self.frequency = frequency
        self.geography = geography
        self.outcomeKeys = outcomeKeys
    }

    enum CodingKeys: String, CodingKey {
        case id, name, definition, unit, polarity, source, publisher, frequency, geography
        case outcomeKeys = "outcomes"
    }

    /// The kinds of area indicators are published for: the nation (for survey figures with no local breakdown), the
    /// police force area, the upper-tier council, the integrated care board and the community safety partnership.
    public static let geographies: [AreaKind] = [
        .country, .policeForceArea, .upperTierAuthority, .integratedCareBoard, .communitySafetyPartnershipArea
    ]

    /// Reads a geography as a person writes it: the `AreaKind` identifier or label, or "national", "force area",
    /// "upper-tier council", "council", "ICB" or "CSP".
    public static func geography(_ text: String) -> AreaKind? {
        let folded = VocabularyText.fold(text)
        let aliases: [String: AreaKind] = [
            "national": .country, "england": .country, "england and wales": .country, "force area": .policeForceArea,
            "pfa": .policeForceArea, "police force": .policeForceArea, "upper tier council": .upperTierAuthority,
            "council": .upperTierAuthority, "local authority": .upperTierAuthority, "utla": .upperTierAuthority,
            "csp": .communitySafetyPartnershipArea, "community safety partnership": .communitySafetyPartnershipArea
        ]
        let kind = aliases[folded] ?? AreaKind.parse(text)
        return kind.flatMap { geographies.contains($0) ? $0 : nil }
    }

    /// Problems with the record, by field; `outcomes` are the outcome keys an indicator may link to.
    public func validate(outcomes: Set<String> = OutcomeFrameworks.outcomeKeys) -> [FieldError] {
        var check = Checker()
        check.requireKey(id, "indicator_id")
        check.requireText(name, "name", "the indicator's name")
        check.optionalText(definition, "definition", "the definition", max: 2000)
        check.requireText(source, "source", "where the indicator comes from")
        check.optionalText(publisher, "publisher", "the publisher", max: 200)
        check.require(
            Self.geographies.contains(geography), "geography",
            "Indicators are published for \(Self.geographies.map(\.label).joined(separator: ", "))")
        for key in outcomeKeys where !outcomes.contains(key) {
            check.require(false, "outcomes", "'\(key)' is not a framework outcome Convene knows")
        }
        return check.errors
    }
}

/// What an indicator's values count.
public enum IndicatorUnit: String, Vocabulary {
    case count
    case ratePer100000 = "rate-per-100000"
    case percentage
    /// Money is whole pence, as everywhere in Convene.
    case money
    case days

    public var label: String {
        switch self {
        case .count: "Count"
        case .ratePer100000: "Rate per 100,000"
        case .percentage: "Percentage"
        case .money: "Money (pence)"
        case .days: "Days"
        }
    }

    /// What numerator ÷ denominator is multiplied by to give the value, for the units that are a ratio.
    public var multiplier: Double? {
        switch self {
        case .ratePer100000: 100_000
        case .percentage: 100
        case .count, .money, .days: nil
        }
    }

    /// Reads a unit as a person writes it: the identifier or label, or "rate", "per 100,000", "%", "percent",
    /// "pence" or "£".
    public static func read(_ text: String) -> IndicatorUnit? {
        let aliases: [String: IndicatorUnit] = [
            "rate": .ratePer100000, "per 100,000": .ratePer100000, "per 100000": .ratePer100000,
            "rate per 100000": .ratePer100000, "%": .percentage, "percent": .percentage, "pence": .money, "£": .money,
            "number": .count, "day": .days
        ]
        return aliases[VocabularyText.fold(text)] ?? parse(text)
    }
}

/// Which way is good.
public enum Polarity: String, Vocabulary {
    case higherIsBetter = "higher-is-better"
    case lowerIsBetter = "lower-is-better"

    public var label: String {
        switch self {
        case .higherIsBetter: "Higher is better"
        case .lowerIsBetter: "Lower is better"
        }
    }

    /// True when `value` meets `target`: at or above it when higher is better, at or below it when lower is better.
    public func meets(_ value: Double, _ target: Double) -> Bool {
        self == .higherIsBetter ? value >= target : value <= target
    }
}

/// How often the figures are published.
public enum IndicatorFrequency: String, Vocabulary {
    case annual, quarterly, monthly

    public var label: String {
        switch self {
        case .annual: "Annual"
        case .quarterly: "Quarterly"
        case .monthly: "Monthly"
        }
    }

    /// Reads a frequency as a person writes it: the identifier or label, or "yearly", "annually", "financial year".
    public static func read(_ text: String) -> IndicatorFrequency? {
        let aliases: [String: IndicatorFrequency] = [
            "yearly": .annual, "annually": .annual, "financial year": .annual, "year": .annual, "quarter": .quarterly,
            "month": .monthly
        ]
        return aliases[VocabularyText.fold(text)] ?? parse(text)
    }
}
