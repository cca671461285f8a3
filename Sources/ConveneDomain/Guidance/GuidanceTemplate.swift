import Foundation

/// National guidance as data: what a kind of partnership is asked to do, and by when. A template is published on a
/// day and versioned; its steps keep the guidance's own words.
public struct GuidanceTemplate: Codable, Hashable, Sendable {
    /// Stable across versions: evidence is kept against the key and the step, not the version.
    public var key: String
    public var title: String
    public var version: Int
    public var partnershipType: PartnershipType
    public var publishedOn: Day
    /// Where the guidance comes from, in words a reader can look up.
    public var source: String?
    public var steps: [GuidanceStep]

    public init(
        key: String, title: String, version: Int, partnershipType: PartnershipType, publishedOn: Day,
        source: String? = nil, steps: [GuidanceStep]
    ) {
        self.key = key
        self.title = title
        self.version = version
        self.partnershipType = partnershipType
        self.publishedOn = publishedOn
        self.source = source
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case key, title, version, source, steps
        case partnershipType = "partnership_type"
        case publishedOn = "published_on"
    }

    public func step(_ key: String) -> GuidanceStep? { steps.first { $0.key == key } }
}

/// One thing the guidance asks for.
public struct GuidanceStep: Codable, Hashable, Sendable {
    public var key: String
    /// In the guidance's own words.
    public var title: String
    /// What counts as having done it.
    public var evidence: String
    public var due: StepDue
    /// Asked for again every so many months after the first due date (an annual report: 12).
    public var repeatsEveryMonths: Int?
    /// Steps that must be done before this one can start.
    public var after: [String]
    /// Where the register itself can tell that the step is done; such a step is never ticked by hand.
    public var rule: StepRule?

    public init(
        key: String, title: String, evidence: String, due: StepDue, repeatsEveryMonths: Int? = nil,
        after: [String] = [], rule: StepRule? = nil
    ) {
        self.key = key
        self.title = title
        self.evidence = evidence
        self.due = due
        self.repeatsEveryMonths = repeatsEveryMonths
        self.after = after
        self.rule = rule
    }

    enum CodingKeys: String, CodingKey {
        case key, title, evidence, due, after, rule
        case repeatsEveryMonths = "repeats_every_months"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        title = try c.decode(String.self, forKey: .title)
        evidence = try c.decode(String.self, forKey: .evidence)
        due = try c.decode(StepDue.self, forKey: .due)
        repeatsEveryMonths = try c.decodeIfPresent(Int.self, forKey: .repeatsEveryMonths)
        after = try c.decodeIfPresent([String].self, forKey: .after) ?? []
        rule = try c.decodeIfPresent(StepRule.self, forKey: .rule)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(title, forKey: .title)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(due, forKey: .due)
        try c.encodeIfPresent(repeatsEveryMonths, forKey: .repeatsEveryMonths)
        if !after.isEmpty { try c.encode(after, forKey: .after) }
        try c.encodeIfPresent(rule, forKey: .rule)
    }
}

/// When a step is due: an interval from the guidance's publication (or, for a partnership that started later, from
/// its own start), or a fixed day.
public enum StepDue: Hashable, Sendable, Codable {
    /// So many months and days after the start; with `endOfMonth`, by the end of the month the months reach
    /// ("by end September" from June is three months, end of month).
    case after(months: Int, days: Int, endOfMonth: Bool)
    case on(Day)

    enum CodingKeys: String, CodingKey {
        case on, months, days
        case endOfMonth = "end_of_month"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let day = try c.decodeIfPresent(Day.self, forKey: .on) {
            self = .on(day)
            return
        }
        guard c.contains(.months) || c.contains(.days) else {
            throw DecodingError.keyNotFound(
                CodingKeys.months,
                .init(codingPath: decoder.codingPath, debugDescription: "Give months and days after the start, or on"))
        }
        self = .after(
            months: try c.decodeIfPresent(Int.self, forKey: .months) ?? 0,
            days: try c.decodeIfPresent(Int.self, forKey: .days) ?? 0,
            endOfMonth: try c.decodeIfPresent(Bool.self, forKey: .endOfMonth) ?? false)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .on(let day): try c.encode(day, forKey: .on)
        case .after(let months, let days, let endOfMonth):
            try c.encode(months, forKey: .months)
            if days != 0 { try c.encode(days, forKey: .days) }
            if endOfMonth { try c.encode(true, forKey: .endOfMonth) }
        }
    }
}

/// What the register can tell by itself.
public enum StepRule: String, Vocabulary {
    /// A current member holds the role of Senior Responsible Owner.
    case seniorResponsibleOwner = "sro"
    /// The footprint is set and wholly covers every upper-tier authority it touches.
    case footprint
    /// A version of the terms of reference has been approved.
    case termsOfReference = "terms-of-reference"
    /// An active delivery plan of the partnership's, with priorities.
    case deliveryPlan = "delivery-plan"
    /// A performance framework of the partnership's with at least one indicator that has a value.
    case performanceFramework = "performance-framework"

    public var label: String {
        switch self {
        case .seniorResponsibleOwner: "A current member is the Senior Responsible Owner (SRO)"
        case .footprint: "The footprint wholly covers every upper-tier authority it touches"
        case .termsOfReference: "A version of the terms of reference has been approved"
        case .deliveryPlan: "An active delivery plan with priorities"
        case .performanceFramework: "A performance framework with at least one measured indicator"
        }
    }
}
