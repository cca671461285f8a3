import Foundation

/// The money coming into each partnership, by funder and financial year, beside what its meetings cost in the same
/// years: `convene analyse funding --format json|csv`. All money is whole pence.
///
/// The rules:
/// 1. A stream serving several partnerships is split equally between them, each year's amount on its own; the pence
///    left over go to the partnership the stream lists first (£100.01 over three: 3,335p, 3,333p and 3,333p).
/// 2. Funders are told apart by organisation key, or else by name ignoring case and spacing (`Funder.identity`);
///    a funder is shown by the name of its first stream that gives one.
/// 3. The meeting cost is an input, by partnership and financial year (the server works it out with the cost
///    analysis); a year with a meeting cost and no money, or money and no meeting cost, is shown with 0 for the other.
/// 4. With `only`, the partnerships are those keys and the funders' totals count only the money to them.
///
/// The JSON, keys sorted; partnerships in key order, years in order, funders by label then identity:
///
///     {"analysis": "funding", "money_in_pence": 0, "meeting_cost_pence": 0,
///      "partnerships": [{"partnership": "key", "money_in_pence": 0, "meeting_cost_pence": 0,
///                        "funders": [{"funder_key": "key" | null, "funder_name": "name" | null, "pence": 0}],
///                        "years": [{"financial_year": "2024-25", "money_in_pence": 0, "meeting_cost_pence": 0,
///                                   "funders": [{"funder_key", "funder_name", "pence"}]}]}],
///      "funders": [{"funder_key", "funder_name", "money_in_pence": 0,
///                   "years": [{"financial_year": "2024-25", "pence": 0}]}]}
///
/// The CSV (`csv`) is a line per partnership, financial year and funder of money in, and a line per partnership and
/// financial year of meeting cost (0 where none is given): `partnership,financial_year,line,funder_key,funder_name,pence`,
/// `line` being "money-in" or "meeting-cost"; adding up `pence` by `line` gives the totals.
public enum FundingAnalysis {
    /// One partnership's part of one stream's money for one year.
    public struct Share: Hashable, Sendable {
        public var streamKey: String
        public var partnershipKey: String
        public var funder: Funder
        public var financialYear: ReportingPeriod
        public var pence: Int
    }

    /// A stream's money split between its partnerships by rule 1.
    public static func split(_ stream: FundingStream) -> [Share] {
        var partnerships: [String] = []
        for key in stream.partnershipKeys where !partnerships.contains(key) { partnerships.append(key) }
        guard !partnerships.isEmpty else { return [] }
        return stream.amounts.flatMap { amount in
            let each = amount.pence / partnerships.count
            let left = amount.pence - each * partnerships.count
            return partnerships.enumerated().map { index, key in
                Share(
                    streamKey: stream.key, partnershipKey: key, funder: stream.funder,
                    financialYear: amount.financialYear, pence: each + (index == 0 ? left : 0))
            }
        }
    }

    public struct FunderAmount: Hashable, Codable, Sendable {
        public var funderKey: String?
        public var funderName: String?
        public var pence: Int

        enum CodingKeys: String, CodingKey {
            case funderKey = "funder_key"
            case funderName = "funder_name"
            case pence
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(funderKey, forKey: .funderKey)
            try container.encode(funderName, forKey: .funderName)
            try container.encode(pence, forKey: .pence)
        }
    }

    public struct PartnershipYear: Hashable, Codable, Sendable {
        public var financialYear: ReportingPeriod
        public var moneyInPence: Int
        public var meetingCostPence: Int
        public var funders: [FunderAmount]

        enum CodingKeys: String, CodingKey {
            case financialYear = "financial_year"
            case moneyInPence = "money_in_pence"
            case meetingCostPence = "meeting_cost_pence"
            case funders
        }
    }

    public struct PartnershipFunding: Hashable, Codable, Sendable {
        public var partnership: String
        public var moneyInPence: Int
        public var meetingCostPence: Int
        /// The money from each funder over all the years.
        public var funders: [FunderAmount]
        public var years: [PartnershipYear]

        enum CodingKeys: String, CodingKey {
            case partnership
            case moneyInPence = "money_in_pence"
            case meetingCostPence = "meeting_cost_pence"
            case funders, years
        }
    }

    public struct YearAmount: Hashable, Codable, Sendable {
        public var financialYear: ReportingPeriod
        public var pence: Int

        enum CodingKeys: String, CodingKey {
            case financialYear = "financial_year"
            case pence
        }
    }

    public struct FunderTotal: Hashable, Codable, Sendable {
        public var funderKey: String?
        public var funderName: String?
        public var moneyInPence: Int
        public var years: [YearAmount]

        enum CodingKeys: String, CodingKey {
            case funderKey = "funder_key"
            case funderName = "funder_name"
            case moneyInPence = "money_in_pence"
            case years
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(funderKey, forKey: .funderKey)
            try container.encode(funderName, forKey: .funderName)
            try container.encode(moneyInPence, forKey: .moneyInPence)
            try container.encode(years, forKey: .years)
        }
    }

    public struct Report: Hashable, Codable, Sendable {
        public var analysis = "funding"
        public var moneyInPence: Int
        public var meetingCostPence: Int
        public var partnerships: [PartnershipFunding]
        public var funders: [FunderTotal]

        enum CodingKeys: String, CodingKey {
            case analysis
            case moneyInPence = "money_in_pence"
            case meetingCostPence = "meeting_cost_pence"
            case partnerships, funders
        }
    }

    /// `meetingCost` is pence by partnership key and financial year.
    public static func run(
        streams: [FundingStream], meetingCost: [String: [ReportingPeriod: Int]], only: Set<String>? = nil
    ) -> Report {
        let shares = streams.flatMap(split).filter { only?.contains($0.partnershipKey) ?? true }
        let costs = meetingCost.filter { only?.contains($0.key) ?? true }
        // Rule 2: the first name given for each funder.
        var funders: [String: Funder] = [:]
        for stream in streams {
            let id = stream.funder.identity
            if funders[id]?.name == nil { funders[id] = stream.funder }
        }
        let order = funders.values.sorted { ($0.label, $0.identity) < ($1.label, $1.identity) }.map(\.identity)
        func amounts(_ shares: [Share]) -> [FunderAmount] {
            let byFunder = Dictionary(grouping: shares, by: \.funder.identity)
            return order.compactMap { id in
                byFunder[id].map { shares in
                    FunderAmount(
                        funderKey: funders[id]?.organisationKey, funderName: funders[id]?.name,
                        pence: shares.map(\.pence).reduce(0, +))
                }
            }
        }
        let byPartnership = Dictionary(grouping: shares, by: \.partnershipKey)
        let keys = Set(byPartnership.keys).union(costs.keys).sorted()
        let partnerships = keys.map { key in
            let own = byPartnership[key] ?? []
            let cost = costs[key] ?? [:]
            let byYear = Dictionary(grouping: own, by: \.financialYear)
            let years = Set(byYear.keys).union(cost.keys).sorted().map { year in
                PartnershipYear(
                    financialYear: year, moneyInPence: (byYear[year] ?? []).map(\.pence).reduce(0, +),
                    meetingCostPence: cost[year] ?? 0, funders: amounts(byYear[year] ?? []))
            }
            return PartnershipFunding(
                partnership: key, moneyInPence: own.map(\.pence).reduce(0, +),
                meetingCostPence: cost.values.reduce(0, +), funders: amounts(own), years: years)
        }
        let byFunder = Dictionary(grouping: shares, by: \.funder.identity)
        let totals = order.compactMap { id -> FunderTotal? in
            guard let given = byFunder[id] else { return nil }
            let byYear = Dictionary(grouping: given, by: \.financialYear)
            return FunderTotal(
                funderKey: funders[id]?.organisationKey, funderName: funders[id]?.name,
                moneyInPence: given.map(\.pence).reduce(0, +),
                years: byYear.keys.sorted().map {
                    YearAmount(financialYear: $0, pence: byYear[$0]!.map(\.pence).reduce(0, +))
                }
            )
        }
        return Report(
            moneyInPence: shares.map(\.pence).reduce(0, +),
            meetingCostPence: costs.values.flatMap(\.values).reduce(0, +), partnerships: partnerships, funders: totals)
    }

    public static func json(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(report)
    }

    public static let csvHeader = ["partnership", "financial_year", "line", "funder_key", "funder_name", "pence"]

    public static func csv(_ report: Report) -> String {
        var rows: [[String]] = []
        for partnership in report.partnerships {
            for year in partnership.years {
                for funder in year.funders {
                    rows.append([
                        partnership.partnership, year.financialYear.description, "money-in", funder.funderKey ?? "",
                        funder.funderName ?? "", String(funder.pence)
                    ])
                }
                rows.append([
                    partnership.partnership, year.financialYear.description, "meeting-cost", "", "",
                    String(year.meetingCostPence)
                ])
            }
        }
        return CSV.write(header: csvHeader, rows: rows)
    }
}
