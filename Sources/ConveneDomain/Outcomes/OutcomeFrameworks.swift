import Foundation

/// The outcomes a national framework holds local partnerships to, with the indicators that measure them.
public struct OutcomeFramework: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    /// The document that sets the outcomes out, and who published it.
    public var source: String
    public var year: Int
    public var url: String
    /// The national framework (`NationalFrameworks`) whose outcomes these are.
    public var frameworkKey: String
    public var outcomes: [FrameworkOutcome]
    public var indicators: [Indicator]
}

/// An outcome of a framework: strategic (what the framework is for) or intermediate (what gets it there).
public struct FrameworkOutcome: Hashable, Codable, Sendable {
    public enum Level: String, Hashable, Codable, Sendable {
        case strategic, intermediate
    }

    public var key: String
    public var title: String
    public var level: Level
}

/// The national outcome frameworks Convene ships, as reference data with stable keys: every workspace's measurements
/// name the same indicators, so the national view can add them up. No figures ship: values and targets are imported.
///
/// Where each item comes from, as far as it could be checked while writing this (the seeds are the four source
/// reports Convene comes from; "gov.uk" means the page's text as found by a search of stored public pages):
/// - the drugs framework's six outcomes, strategic and intermediate, and its "eleven headline and 22 supporting
///   metrics": gov.uk, "Drugs strategy national outcomes framework". Seed 000 (APCC, 2024) speaks of the "national
///   outcomes framework" and of "reducing drug use and drug related crime, harms, death".
/// - its headline indicators: each says where its name was checked; the others are named from general knowledge of
///   the framework and should be checked against its technical guidance before being relied on.
/// - the Serious Violence Duty's three outcome measures: as the issue names them; the statutory guidance (gov.uk,
///   December 2022) was found but not these paragraphs of it.
public enum OutcomeFrameworks {
    /// National Combating Drugs Outcomes Framework (HM Government, 2022), the outcomes of From Harm to Hope.
    public static let combatingDrugs = OutcomeFramework(
        key: "combating-drugs-outcomes", name: "National Combating Drugs Outcomes Framework",
        source: "National Combating Drugs Outcomes Framework (HM Government, 2022)", year: 2022,
        url: "https://www.gov.uk/government/publications/drugs-strategy-national-outcomes-framework",
        frameworkKey: "harm-to-hope",
        outcomes: [
            FrameworkOutcome(key: "cdof-reducing-drug-use", title: "Reducing drug use", level: .strategic),
            FrameworkOutcome(
                key: "cdof-reducing-drug-related-crime", title: "Reducing drug-related crime", level: .strategic),
            FrameworkOutcome(
                key: "cdof-reducing-drug-related-deaths-and-harm", title: "Reducing drug-related deaths and harm",
                level: .strategic),
            FrameworkOutcome(key: "cdof-reducing-drug-supply", title: "Reducing drug supply", level: .intermediate),
            FrameworkOutcome(
                key: "cdof-increasing-engagement-in-treatment", title: "Increasing engagement in treatment",
                level: .intermediate),
            FrameworkOutcome(
                key: "cdof-improving-recovery-outcomes", title: "Improving recovery outcomes", level: .intermediate)
        ],
        indicators: [
            // Checked: name and definition, gov.uk, the local delivery guidance's Appendix 2.
            drugs(
                "cdof-drug-use-last-year", "Proportion of individuals using drugs in the last year",
                "People reporting use of drugs in the last year, aged 16 to 24 and 16 to 59, England and Wales",
                .percentage, .lowerIsBetter, "Office for National Statistics (Crime Survey for England and Wales)",
                .annual, .country, "cdof-reducing-drug-use"),
            // General knowledge.
            drugs(
                "cdof-opiate-crack-prevalence", "Prevalence of opiate and/or crack cocaine use",
                "Estimated number of people using opiates, crack cocaine or both", .count, .lowerIsBetter,
                "Office for Health Improvement and Disparities", .annual, .upperTierAuthority, "cdof-reducing-drug-use"),
            // General knowledge.
            drugs(
                "cdof-drug-related-homicides", "Drug-related homicides",
                "Homicides where the victim or the suspect was involved in using or dealing illicit drugs", .count,
                .lowerIsBetter, "Home Office Homicide Index, published by the Office for National Statistics", .annual,
                .country, "cdof-reducing-drug-related-crime"),
            // Checked in part: gov.uk, the strategy's first annual report (2023) reports against "Neighbourhood crime"
            // under "Reduce drug-related crime", in incidents; the definition is the Home Office's usual one.
            drugs(
                "cdof-neighbourhood-crime", "Neighbourhood crime",
                "Domestic burglary, personal robbery, theft from the person and vehicle offences", .count,
                .lowerIsBetter, "Office for National Statistics (Crime Survey for England and Wales)", .annual,
                .country, "cdof-reducing-drug-related-crime"),
            // General knowledge.
            drugs(
                "cdof-drug-misuse-deaths", "Deaths related to drug misuse",
                "Deaths related to drug misuse registered in the year, age-standardised rate per 100,000 people",
                .ratePer100000, .lowerIsBetter, "Office for National Statistics", .annual, .upperTierAuthority,
                "cdof-reducing-drug-related-deaths-and-harm"),
            // General knowledge.
            drugs(
                "cdof-drug-poisoning-admissions", "Hospital admissions for drug poisoning",
                "Hospital admissions for poisoning by drugs, rate per 100,000 people", .ratePer100000, .lowerIsBetter,
                "NHS England (Hospital Episode Statistics)", .annual, .upperTierAuthority,
                "cdof-reducing-drug-related-deaths-and-harm"),
            // Checked in part: gov.uk, the first annual report counts county lines closed against a three-year ambition.
            drugs(
                "cdof-county-lines-closed", "County lines closed", "County lines deal lines closed by police activity",
                .count, .higherIsBetter, "Home Office (County Lines Programme)", .quarterly, .policeForceArea,
                "cdof-reducing-drug-supply"),
            // Checked in part: gov.uk, the first annual report counts "major or moderate disruptions of organised crime
            // groups supplying drugs".
            drugs(
                "cdof-drug-ocg-disruptions", "Disruptions of organised crime groups supplying drugs",
                "Major or moderate disruptions of organised crime groups involved in drug supply", .count,
                .higherIsBetter, "Home Office", .quarterly, .policeForceArea, "cdof-reducing-drug-supply"),
            // General knowledge.
            drugs(
                "cdof-numbers-in-treatment", "Numbers in treatment",
                "Adults and young people in structured drug and alcohol treatment", .count, .higherIsBetter,
                "Office for Health Improvement and Disparities (National Drug Treatment Monitoring System)", .annual,
                .upperTierAuthority, "cdof-increasing-engagement-in-treatment"),
            // Checked: gov.uk, the continuity of care guidance (OHID and HMPPS, 2023) gives the three weeks.
            drugs(
                "cdof-continuity-of-care", "Continuity of care",
                "People leaving prison with a substance misuse treatment need who engage with community treatment "
                    + "within three weeks of release", .percentage, .higherIsBetter,
                "Office for Health Improvement and Disparities (National Drug Treatment Monitoring System)", .annual,
                .upperTierAuthority, "cdof-increasing-engagement-in-treatment"),
            // General knowledge; the measure's exact wording is not checked.
            drugs(
                "cdof-treatment-progress", "Treatment progress",
                "People in treatment showing substantial progress", .percentage, .higherIsBetter,
                "Office for Health Improvement and Disparities (National Drug Treatment Monitoring System)", .annual,
                .upperTierAuthority, "cdof-improving-recovery-outcomes")
        ])

    /// The Serious Violence Duty's outcome measures (Police, Crime, Sentencing and Courts Act 2022; statutory guidance,
    /// Home Office, December 2022).
    public static let seriousViolence = OutcomeFramework(
        key: "serious-violence-duty-outcomes", name: "Serious Violence Duty outcome measures",
        source: "Serious Violence Duty: statutory guidance (Home Office, 2022)", year: 2022,
        url: "https://www.gov.uk/government/publications/serious-violence-duty", frameworkKey: "serious-violence-duty",
        outcomes: [
            FrameworkOutcome(
                key: "svd-preventing-and-reducing-serious-violence", title: "Preventing and reducing serious violence",
                level: .strategic)
        ],
        indicators: [
            violence(
                "svd-sharp-object-admissions", "Hospital admissions for assault with a sharp object",
                "Hospital admissions for assault with a knife or sharp object",
                "NHS England (Hospital Episode Statistics)",
                .annual),
            violence(
                "svd-knife-enabled-serious-violence",
                "Knife and sharp object enabled serious violence recorded by police",
                "Serious violence offences involving a knife or sharp instrument, recorded by the police",
                "Office for National Statistics (police recorded crime)", .quarterly),
            violence(
                "svd-homicides", "Homicides", "Homicides recorded by the police",
                "Home Office Homicide Index, published by the Office for National Statistics", .annual)
        ])

    public static let all: [OutcomeFramework] = [combatingDrugs, seriousViolence]

    /// Every shipped indicator, in the frameworks' order.
    public static let indicators: [Indicator] = all.flatMap(\.indicators)

    public static let outcomeKeys: Set<String> = Set(all.flatMap { $0.outcomes.map(\.key) })

    public static func outcome(_ key: String) -> FrameworkOutcome? {
        all.lazy.flatMap(\.outcomes).first { $0.key == key }
    }

    public static func framework(ofOutcome key: String) -> OutcomeFramework? {
        all.first { $0.outcomes.contains { $0.key == key } }
    }

    public static func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    private static func drugs(
        _ id: String, _ name: String, _ definition: String, _ unit: IndicatorUnit, _ polarity: Polarity,
        _ publisher: String, _ frequency: IndicatorFrequency, _ geography: AreaKind, _ outcome: String
    ) -> Indicator {
        Indicator(
            id: id, name: name, definition: definition, unit: unit, polarity: polarity,
            source: "National Combating Drugs Outcomes Framework (2022), headline metric", publisher: publisher,
            frequency: frequency, geography: geography, outcomeKeys: [outcome])
    }

    private static func violence(
        _ id: String, _ name: String, _ definition: String, _ publisher: String, _ frequency: IndicatorFrequency
    ) -> Indicator {
        Indicator(
            id: id, name: name, definition: definition, unit: .count, polarity: .lowerIsBetter,
            source: "Serious Violence Duty statutory guidance (Home Office, 2022), outcome measure",
            publisher: publisher,
            frequency: frequency, geography: .policeForceArea,
            outcomeKeys: ["svd-preventing-and-reducing-serious-violence"])
    }
}
