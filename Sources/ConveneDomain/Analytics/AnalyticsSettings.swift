import Foundation

/// A workspace's settings for the analyses: what an hour costs, how long people prepare, when a diary is too full,
/// what counts as duplication.
/// Each has a documented default; a workspace stores only the ones it changes (`convene settings set KEY VALUE`).
public struct AnalyticsSettings: Hashable, Sendable {
    /// Working hours in a year, for a salary's hourly cost. The reports' figure.
    public var hoursPerYear = 1_764
    /// Preparation and travel for one attendance, when the attendance records none.
    public var preparationMinutes = 60
    /// The salary, in pounds a year, of a person with neither a salary nor a seniority band.
    public var defaultSalary = 50_000
    /// The salary, in pounds a year, of a person with a seniority band and no salary of their own.
    public var bandSalaries: [SeniorityBand: Int] = AnalyticsSettings.defaultBandSalaries
    /// The length of a meeting recorded without an end, and of a planned meeting of a partnership with no history.
    public var typicalMeetingMinutes = 120
    /// A person is over-committed in a week with at least this many meetings…
    public var overcommittedMeetingsPerWeek = 10
    /// …or at least this many hours of meetings, preparation and travel.
    public var overcommittedHoursPerWeek = 20
    /// Two agenda items of different partnerships are a duplicate discussion when their meetings are at most this
    /// many days apart…
    public var duplicateWindowDays = 90
    /// …the TF-IDF cosine similarity of their titles is at least this percentage (the national generator's planted
    /// duplicates, one word reworded, are all at 68 or more; 50 leaves room for more rewording)…
    public var duplicateTextThreshold = 50
    /// …and at least this percentage of the smaller meeting's attendees were at both.
    public var duplicateAttendeeThreshold = 50
    /// Two priorities of different strategies are near-duplicates when the TF-IDF cosine similarity of their titles
    /// and descriptions is at least this percentage.
    public var prioritySimilarityThreshold = 50

    public init() {}

    /// Illustrative salaries by band, in pounds a year; a workspace sets its own.
    public static let defaultBandSalaries: [SeniorityBand: Int] = [
        .electedOfficial: 85_000, .chiefOfficer: 130_000, .director: 100_000,
        .seniorManager: 70_000, .manager: 50_000, .officer: 35_000
    ]

    /// The salary used for a person's cost, in pounds a year: their own, else their band's, else the default.
    public func salary(of person: Person?) -> Int {
        if let own = person?.salaryBand { return own }
        if let band = person?.seniority, let salary = bandSalaries[band] { return salary }
        return defaultSalary
    }

    /// The hourly cost of a salary in whole pence. The salary ÷ the working hours is worked out to a tenth of a
    /// penny and then rounded half up to the penny: the reports' own arithmetic, which gives their worked table's
    /// £28.35 for £50,000 (£28.3447 → £28.345 → £28.35) and £45.35 for £80,000 (£45.3515 → £45.351 → £45.35).
    public func hourlyPence(salary: Int) -> Int {
        let tenthsOfPenny = Money.divide(salary * 1_000, by: hoursPerYear)
        return Money.divide(tenthsOfPenny, by: 10)
    }

    // MARK: Keys

    /// The settings one by one, as `convene settings set` and the settings page name them.
    public enum Field: Hashable, Sendable {
        case hoursPerYear, preparationMinutes, defaultSalary, typicalMeetingMinutes
        case overcommittedMeetingsPerWeek, overcommittedHoursPerWeek
        case duplicateWindowDays, duplicateTextThreshold, duplicateAttendeeThreshold, prioritySimilarityThreshold
        case bandSalary(SeniorityBand)
    }

    public struct Definition: Sendable {
        public let key: String
        public let label: String
        public let range: ClosedRange<Int>
        public let unit: String
        public let field: Field
    }

    public static let definitions: [Definition] =
        [
            Definition(
                key: "hours-per-year", label: "Working hours in a year", range: 1...8_784, unit: "hours",
                field: .hoursPerYear),
            Definition(
                key: "preparation-minutes", label: "Preparation and travel for a meeting, when none is recorded",
                range: 0...1_440, unit: "minutes", field: .preparationMinutes),
            Definition(
                key: "default-salary", label: "Salary of a person with no salary or seniority band",
                range: 1...1_000_000,
                unit: "pounds a year", field: .defaultSalary)
        ]
        + SeniorityBand.allCases.map { band in
            Definition(
                key: "salary-\(band.rawValue)",
                label: "Salary of a person in the band \(band.label.lowercased()) with no salary of their own",
                range: 1...1_000_000, unit: "pounds a year", field: .bandSalary(band))
        } + [
            Definition(
                key: "typical-meeting-minutes", label: "Length of a meeting with no end time, and of a planned meeting",
                range: 1...1_440, unit: "minutes", field: .typicalMeetingMinutes),
            Definition(
                key: "overcommitted-meetings-per-week", label: "Meetings in a week that make a person over-committed",
                range: 1...200, unit: "meetings", field: .overcommittedMeetingsPerWeek),
            Definition(
                key: "overcommitted-hours-per-week",
                label: "Hours of meetings in a week that make a person over-committed",
                range: 1...168, unit: "hours", field: .overcommittedHoursPerWeek),
            Definition(
                key: "duplicate-window-days",
                label: "Days apart within which two partnerships' items can be a duplicate discussion",
                range: 0...365, unit: "days", field: .duplicateWindowDays),
            // A threshold of 0 would make every pair of items similar; the search needs a positive one.
            Definition(
                key: "duplicate-text-threshold",
                label: "Similarity of two items' titles that makes them a duplicate discussion",
                range: 1...100, unit: "percent", field: .duplicateTextThreshold),
            Definition(
                key: "duplicate-attendee-threshold",
                label: "Share of the smaller meeting's attendees at both meetings of a duplicate discussion",
                range: 0...100, unit: "percent", field: .duplicateAttendeeThreshold),
            Definition(
                key: "priority-similarity-threshold",
                label: "Similarity of two priorities that makes them near-duplicates",
                range: 1...100, unit: "percent", field: .prioritySimilarityThreshold)
        ]

    public static func definition(_ key: String) -> Definition? { definitions.first { $0.key == key } }

    public subscript(field: Field) -> Int {
        get {
            switch field {
            case .hoursPerYear: hoursPerYear
            case .preparationMinutes: preparationMinutes
            case .defaultSalary: defaultSalary
            case .typicalMeetingMinutes: typicalMeetingMinutes
            case .overcommittedMeetingsPerWeek: overcommittedMeetingsPerWeek
            case .overcommittedHoursPerWeek: overcommittedHoursPerWeek
            case .duplicateWindowDays: duplicateWindowDays
            case .duplicateTextThreshold: duplicateTextThreshold
            case .duplicateAttendeeThreshold: duplicateAttendeeThreshold
            case .prioritySimilarityThreshold: prioritySimilarityThreshold
            case .bandSalary(let band): bandSalaries[band] ?? defaultSalary
            }
        }
        set {
            switch field {
            case .hoursPerYear: hoursPerYear = newValue
            case .preparationMinutes: preparationMinutes = newValue
            case .defaultSalary: defaultSalary = newValue
            case .typicalMeetingMinutes: typicalMeetingMinutes = newValue
            case .overcommittedMeetingsPerWeek: overcommittedMeetingsPerWeek = newValue
            case .overcommittedHoursPerWeek: overcommittedHoursPerWeek = newValue
            case .duplicateWindowDays: duplicateWindowDays = newValue
            case .duplicateTextThreshold: duplicateTextThreshold = newValue
            case .duplicateAttendeeThreshold: duplicateAttendeeThreshold = newValue
            case .prioritySimilarityThreshold: prioritySimilarityThreshold = newValue
            case .bandSalary(let band): bandSalaries[band] = newValue
            }
        }
    }

    public func value(_ definition: Definition) -> Int { self[definition.field] }

    /// Sets one setting from text, or says what is wrong with it.
    public mutating func set(_ key: String, _ text: String) -> FieldError? {
        guard let definition = Self.definition(key) else {
            return FieldError(
                key,
                "There is no setting '\(key)'; the settings are \(Self.definitions.map(\.key).joined(separator: ", "))")
        }
        let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "£", with: "")
            .replacingOccurrences(of: "%", with: "")
        guard let value = Int(digits), definition.range.contains(value) else {
            return FieldError(
                key,
                "\(definition.label) must be a whole number of \(definition.unit) from \(definition.range.lowerBound) to \(definition.range.upperBound)"
            )
        }
        self[definition.field] = value
        return nil
    }

    /// Settings from stored key–value pairs; a pair that no longer makes sense is reported, not applied.
    public init(stored: [String: String]) {
        self.init()
        for (key, value) in stored.sorted(by: { $0.key < $1.key }) { _ = set(key, value) }
    }

    /// The key–value pairs that differ from the defaults: what a workspace stores.
    public var changed: [String: String] {
        let defaults = AnalyticsSettings()
        var out: [String: String] = [:]
        for definition in Self.definitions where value(definition) != defaults.value(definition) {
            out[definition.key] = String(value(definition))
        }
        return out
    }
}
