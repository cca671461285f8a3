import ConveneDomain
import ConveneServer
import Fluent
import Foundation

/// The demo's outcomes and money, for the Cambridgeshire and Peterborough CDP (the High Harms Board, which the
/// Commissioner's report of September 2023 names as the area's CDP):
/// - a performance framework of three national indicators for Cambridgeshire beside England, each linked to a
///   priority of its delivery plan (From Harm to Hope's three priorities, in the demo's strategies file);
/// - their values imported through the real importer from the long layout published statistics use, one figure
///   revised, with targets: one met, one missed by far and worsening, one just missed and improving;
/// - the funding streams the report lists (section 6: the treatment grant to the two upper-tier councils, the
///   rough-sleeper and housing grants, the Constabulary's drug testing on arrest, probation's co-ordinator; section
///   7.4: the Commissioner's Crime and Disorder Reduction Grants to public health), shown against its meetings' cost;
/// - and the "initial £100,000" the West Mercia Commissioner allocated to that area's two CDPs (the West Mercia
///   panel report of September 2022, paragraph 10): that money is West Mercia's, so it serves West Mercia's CDPs.
///
/// The reports give no figures for the indicators and no amounts for the Cambridgeshire streams: those here are
/// illustrative, and each says so in its source or purpose. The £100,000 is the report's own.
enum DemoOutcomes {
    static let partnership = "cambridgeshire-high-harms-board"
    static let cambridgeshire = "E10000003"
    static let peterborough = "E06000031"
    static let england = "E92000001"
    static let illustrative = "Illustrative figures for the demo"

    /// Loads everything the first time only (when the workspace has no funding streams).
    static func load(on db: Database, today: Day, workspace: String) async throws {
        guard try await Tasks.fundingStreams(db: db, workspace: workspace).isEmpty else { return }
        let now = Now.fixed(today)
        for (name, file) in [("measurements.csv", measurements), ("targets.csv", targets)] {
            let kind: OutcomeFileKind = name.hasPrefix("targets") ? .targets : .measurements
            _ = try await Tasks.importOutcomes(
                kind, Data(file.utf8), fileName: name, dryRun: false, db: db, workspace: workspace, now: now)
        }
        try await Tasks.setFramework(framework, db: db, workspace: workspace, now: now)
        for stream in streams(today: today) {
            try await Tasks.addFundingStream(stream, db: db, workspace: workspace, now: now)
        }
    }

    static let framework = PerformanceFramework(
        partnershipKey: partnership, areaCode: cambridgeshire, comparisonAreaCode: england,
        entries: ["cdof-drug-misuse-deaths", "cdof-numbers-in-treatment", "cdof-continuity-of-care"].map {
            PerformanceFramework.Entry(indicatorID: $0, priorityKeys: ["cambs-treatment-and-recovery"])
        })

    /// Several indicators, areas and years in the long layout, with the 2022 death rate for Cambridgeshire published
    /// and then revised; Cambridgeshire's continuity of care has no figure for 2021-22.
    static let measurements = """
        indicator_id,area_code,area_name,period,value,published_on,source
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2019,4.1,2020-10-15,\(illustrative)
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2020,4.6,2021-10-14,\(illustrative)
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2021,4.9,2022-10-13,\(illustrative)
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2022,4.7,2023-10-19,\(illustrative)
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2022,4.4,2024-10-17,\(illustrative) (revised)
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2023,4.2,2024-10-17,\(illustrative)
        cdof-drug-misuse-deaths,E06000031,Peterborough,2021,7.2,2022-10-13,\(illustrative)
        cdof-drug-misuse-deaths,E06000031,Peterborough,2022,7.0,2023-10-19,\(illustrative)
        cdof-drug-misuse-deaths,E06000031,Peterborough,2023,7.4,2024-10-17,\(illustrative)
        cdof-drug-misuse-deaths,E92000001,England,2019,4.9,2020-10-15,\(illustrative)
        cdof-drug-misuse-deaths,E92000001,England,2020,5.0,2021-10-14,\(illustrative)
        cdof-drug-misuse-deaths,E92000001,England,2021,5.2,2022-10-13,\(illustrative)
        cdof-drug-misuse-deaths,E92000001,England,2022,5.5,2023-10-19,\(illustrative)
        cdof-drug-misuse-deaths,E92000001,England,2023,5.6,2024-10-17,\(illustrative)
        cdof-numbers-in-treatment,E10000003,Cambridgeshire,2020-21,1510,2021-11-25,\(illustrative)
        cdof-numbers-in-treatment,E10000003,Cambridgeshire,2021-22,1562,2022-11-24,\(illustrative)
        cdof-numbers-in-treatment,E10000003,Cambridgeshire,2022-23,1702,2023-11-23,\(illustrative)
        cdof-numbers-in-treatment,E10000003,Cambridgeshire,2023-24,1655,2024-11-28,\(illustrative)
        cdof-numbers-in-treatment,E06000031,Peterborough,2023-24,1130,2024-11-28,\(illustrative)
        cdof-continuity-of-care,E10000003,Cambridgeshire,2020-21,31.0,2021-11-25,\(illustrative)
        cdof-continuity-of-care,E10000003,Cambridgeshire,2022-23,38.5,2023-11-23,\(illustrative)
        cdof-continuity-of-care,E10000003,Cambridgeshire,2023-24,43.2,2024-11-28,\(illustrative)
        cdof-continuity-of-care,E92000001,England,2020-21,37.9,2021-11-25,\(illustrative)
        cdof-continuity-of-care,E92000001,England,2021-22,40.3,2022-11-24,\(illustrative)
        cdof-continuity-of-care,E92000001,England,2022-23,42.1,2023-11-23,\(illustrative)
        cdof-continuity-of-care,E92000001,England,2023-24,47.0,2024-11-28,\(illustrative)

        """

    /// The 2023 death rate meets its target; treatment numbers miss theirs and fell; continuity of care misses by
    /// less than 5% and is improving.
    static let targets = """
        indicator_id,area_code,period,target
        cdof-drug-misuse-deaths,E10000003,2022,4.6
        cdof-drug-misuse-deaths,E10000003,2023,4.5
        cdof-numbers-in-treatment,E10000003,2023-24,1800
        cdof-continuity-of-care,E10000003,2023-24,45

        """

    /// The streams, by financial year: the last one and the current one as of `today`, reporting a month after each
    /// ends; and West Mercia's £100,000 in 2022-23.
    static func streams(today: Day) -> [FundingStream] {
        let current = ReportingPeriod.financialYear(containing: today)!
        let last = ReportingPeriod.financialYear(current.year - 1)!
        func both(_ lastPounds: Int, _ currentPounds: Int) -> [FundingAmount] {
            [
                FundingAmount(financialYear: last, pence: lastPounds * 100),
                FundingAmount(financialYear: current, pence: currentPounds * 100)
            ]
        }
        let reporting = [last.end.adding(days: 30), current.end.adding(days: 30)]
        let note = " (amounts illustrative)"
        return [
            FundingStream(
                key: "", funder: .named("Office for Health Improvement and Disparities"),
                recipientKey: "cambridgeshire-county-council", partnershipKeys: [partnership],
                purpose: "Supplementary substance misuse treatment and recovery grant, Cambridgeshire" + note,
                amounts: both(1_150_000, 1_200_000),
                conditions: "Spent on the national menu of interventions; additional to the public health grant",
                reportingDates: reporting),
            FundingStream(
                key: "", funder: .named("Office for Health Improvement and Disparities"),
                recipientKey: "peterborough-city-council", partnershipKeys: [partnership],
                purpose: "Supplementary substance misuse treatment and recovery grant, Peterborough (enhanced)" + note,
                amounts: both(900_000, 950_000),
                conditions: "Early enhanced funding; spent on the national menu of interventions",
                reportingDates: reporting),
            FundingStream(
                key: "", funder: .named("Department for Levelling Up, Housing and Communities"),
                recipientKey: "cambridgeshire-county-council", partnershipKeys: [partnership],
                purpose: "Rough sleeper outreach" + note, amounts: both(170_000, 180_000)),
            FundingStream(
                key: "", funder: .named("Department for Levelling Up, Housing and Communities"),
                recipientKey: "peterborough-city-council", partnershipKeys: [partnership],
                purpose: "Specialist housing support" + note, amounts: both(110_000, 120_000)),
            FundingStream(
                key: "", funder: .named("Home Office"), recipientKey: "cambridgeshire-constabulary",
                partnershipKeys: [partnership], purpose: "Drug testing on arrest" + note, amounts: both(80_000, 85_000),
                reportingDates: [current.end.adding(days: 30)]),
            FundingStream(
                key: "", funder: .organisation("hm-prison-and-probation-service"),
                recipientKey: "probation-service-east-of-england", partnershipKeys: [partnership],
                purpose: "Health and Justice Co-ordinator and co-located drug and alcohol workers" + note,
                amounts: both(46_000, 48_000)),
            FundingStream(
                key: "", funder: .organisation("office-of-the-police-and-crime-commissioner-for-cambridgeshire"),
                recipientKey: "cambridgeshire-county-council", partnershipKeys: [partnership],
                purpose: "Crime and Disorder Reduction Grant to public health: criminal justice pathway" + note,
                amounts: both(58_000, 60_000), reportingDates: [current.end.adding(days: 30)]),
            FundingStream(
                key: "", funder: .organisation("office-of-the-police-and-crime-commissioner-for-cambridgeshire"),
                recipientKey: "peterborough-city-council", partnershipKeys: [partnership],
                purpose: "Crime and Disorder Reduction Grant to public health: high needs support worker" + note,
                amounts: both(43_000, 45_000)),
            FundingStream(
                key: "", funder: .organisation("office-of-the-police-and-crime-commissioner-for-west-mercia"),
                recipientKey: "office-of-the-police-and-crime-commissioner-for-west-mercia",
                partnershipKeys: [
                    "herefordshire-and-worcestershire-combating-drugs-partnership",
                    "shropshire-telford-and-wrekin-combating-drugs-partnership"
                ],
                purpose:
                    "The initial £100,000 of resource the Commissioner allocated to the Combating Drugs Partnerships",
                amounts: [FundingAmount(financialYear: ReportingPeriod.financialYear(2022)!, pence: 10_000_000)],
                conditions: "To enable the partnerships' work to progress at pace while their structures are settled")
        ]
    }
}
