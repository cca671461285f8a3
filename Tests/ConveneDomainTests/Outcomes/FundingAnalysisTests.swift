import ConveneDomain
import Foundation
import Testing

/// Money in by funder and financial year, split between the partnerships a stream serves, beside meeting cost.
@Suite struct FundingAnalysisTests {
    static let fy2024 = ReportingPeriod("2024-25")!
    static let fy2025 = ReportingPeriod("2025-26")!

    /// £100.01 from the OPCC to the CSP and the CDP (the CSP listed first); £500 and £600 from the Home Office to the
    /// CDP; £10 from "home  office", the same funder written otherwise, to the CSP.
    static let streams = [
        FundingStream(
            key: "opcc-grant", funder: .organisation("opcc"), recipientKey: "council",
            partnershipKeys: ["csp", "cdp"], purpose: "Crime and disorder reduction grant",
            amounts: [FundingAmount(financialYear: fy2024, pence: 10_001)], reportingDates: [Day("2025-03-31")!]),
        FundingStream(
            key: "ssmtrg", funder: .named("Home Office"), recipientKey: "council", partnershipKeys: ["cdp"],
            purpose: "Drug testing on arrest",
            amounts: [
                FundingAmount(financialYear: fy2024, pence: 50_000), FundingAmount(financialYear: fy2025, pence: 60_000)
            ], conditions: "Quarterly returns"),
        FundingStream(
            key: "small", funder: .named("home  office"), recipientKey: "council", partnershipKeys: ["csp"],
            purpose: "Outreach", amounts: [FundingAmount(financialYear: fy2024, pence: 1_000)])
    ]

    static let meetingCost: [String: [ReportingPeriod: Int]] = [
        "cdp": [fy2024: 123_456], "csp": [fy2024: 7_890, fy2025: 100]
    ]

    @Test func aStreamOverTwoPartnershipsSplitsWithTheOddPennyToTheFirst() {
        // Act
        let shares = FundingAnalysis.split(Self.streams[0])
        // Check
        #expect(shares.map(\.partnershipKey) == ["csp", "cdp"])
        #expect(shares.map(\.pence) == [5_001, 5_000])
        #expect(shares.map(\.pence).reduce(0, +) == 10_001)
    }

    @Test func totalsByPartnershipFunderAndYear() throws {
        // Act
        let report = FundingAnalysis.run(streams: Self.streams, meetingCost: Self.meetingCost)
        // Check
        #expect(report.partnerships.map(\.partnership) == ["cdp", "csp"])
        let cdp = report.partnerships[0]
        let csp = report.partnerships[1]
        #expect(cdp.moneyInPence == 115_000 && cdp.meetingCostPence == 123_456)
        #expect(cdp.years.map(\.financialYear) == [Self.fy2024, Self.fy2025])
        #expect(cdp.years[0].funders.map(\.pence) == [50_000, 5_000])
        #expect(cdp.years[0].funders.map(\.funderName) == ["Home Office", nil])
        #expect(csp.moneyInPence == 6_001 && csp.meetingCostPence == 7_990)
        #expect(csp.funders.map(\.pence) == [1_000, 5_001])
        #expect(csp.years[1].moneyInPence == 0 && csp.years[1].meetingCostPence == 100 && csp.years[1].funders == [])
        #expect(report.funders.map(\.funderName) == ["Home Office", nil])
        #expect(report.funders.map(\.funderKey) == [nil, "opcc"])
        #expect(report.funders.map(\.moneyInPence) == [111_000, 10_001])
        #expect(report.funders[0].years.map(\.pence) == [51_000, 60_000])
        #expect(report.moneyInPence == 121_001 && report.meetingCostPence == 131_446)
        // Only the CDP: the funders' totals count only its money.
        let cdpOnly = FundingAnalysis.run(streams: Self.streams, meetingCost: Self.meetingCost, only: ["cdp"])
        #expect(cdpOnly.partnerships.map(\.partnership) == ["cdp"])
        #expect(cdpOnly.funders.map(\.moneyInPence) == [110_000, 5_000])
    }

    @Test func theJSONIsWholePenceWithNullsWritten() throws {
        // Setup
        let report = FundingAnalysis.run(streams: Self.streams, meetingCost: Self.meetingCost)
        // Act
        let data = try FundingAnalysis.json(report)
        // Check
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""money_in_pence":121001"#))
        #expect(text.contains(#""meeting_cost_pence":131446"#))
        #expect(!text.contains("."), "no fractions of a penny, and no decimal points")
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(top.keys) == ["analysis", "money_in_pence", "meeting_cost_pence", "partnerships", "funders"])
        #expect(top["analysis"] as? String == "funding")
        let partnership = try #require((top["partnerships"] as? [[String: Any]])?.first)
        #expect(Set(partnership.keys) == ["partnership", "money_in_pence", "meeting_cost_pence", "funders", "years"])
        let year = try #require((partnership["years"] as? [[String: Any]])?.first)
        #expect(Set(year.keys) == ["financial_year", "money_in_pence", "meeting_cost_pence", "funders"])
        #expect(year["financial_year"] as? String == "2024-25")
        let funder = try #require((year["funders"] as? [[String: Any]])?.first)
        #expect(Set(funder.keys) == ["funder_key", "funder_name", "pence"])
        #expect(funder["funder_key"] is NSNull)
        #expect(try JSONDecoder().decode(FundingAnalysis.Report.self, from: data) == report)
    }

    @Test func theCSVIsALinePerFunderAndYearAndAMeetingCostLine() {
        // Setup
        let report = FundingAnalysis.run(streams: Self.streams, meetingCost: Self.meetingCost)
        // Act
        let lines = FundingAnalysis.csv(report).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Check
        #expect(
            lines == [
                "partnership,financial_year,line,funder_key,funder_name,pence",
                "cdp,2024-25,money-in,,Home Office,50000", "cdp,2024-25,money-in,opcc,,5000",
                "cdp,2024-25,meeting-cost,,,123456", "cdp,2025-26,money-in,,Home Office,60000",
                "cdp,2025-26,meeting-cost,,,0", "csp,2024-25,money-in,,Home Office,1000",
                "csp,2024-25,money-in,opcc,,5001", "csp,2024-25,meeting-cost,,,7890", "csp,2025-26,meeting-cost,,,100"
            ])
    }

    @Test func aStreamIsCheckedFieldByField() throws {
        // Setup
        var stream = Self.streams[1]
        stream.partnershipKeys = []
        stream.amounts = [
            FundingAmount(financialYear: ReportingPeriod("2024")!, pence: 1),
            FundingAmount(financialYear: Self.fy2025, pence: -5)
        ]
        stream.funder = Funder()
        // Act
        let errors = stream.validate()
        // Check
        #expect(Self.streams.allSatisfy { $0.validate().isEmpty })
        try #require(errors.map(\.field) == ["funder", "partnership_keys", "amounts", "amounts"])
        #expect(errors[2].message == "'2024' is not a financial year; write it like 2024-25")
    }
}
