import ConveneDomain
import Foundation
import Testing

/// Published statistics read all or nothing, in the long and the wide layout, from CSV and Excel, with revisions told
/// apart from new and unchanged values.
@Suite struct MeasurementFileTests {
    static let cambridgeshire = "E10000003"
    static let peterborough = "E06000031"

    static let indicators = [
        Indicator(
            id: "deaths", name: "Deaths related to drug misuse", unit: .ratePer100000, polarity: .lowerIsBetter,
            source: "Test", frequency: .annual, geography: .upperTierAuthority),
        Indicator(
            id: "treatment", name: "Numbers in treatment", unit: .count, polarity: .higherIsBetter, source: "Test",
            frequency: .annual, geography: .upperTierAuthority),
        Indicator(
            id: "coc", name: "Continuity of care", unit: .percentage, polarity: .higherIsBetter, source: "Test",
            frequency: .annual, geography: .upperTierAuthority),
        Indicator(
            id: "grant", name: "Grant spent", unit: .money, polarity: .higherIsBetter, source: "Test",
            frequency: .annual, geography: .upperTierAuthority)
    ]

    static func read(_ text: String, fileName: String = "statistics.csv", existing: [IndicatorMeasurement] = [])
        -> MeasurementFile.Read
    {
        MeasurementFile.read(Data(text.utf8), fileName: fileName, indicators: indicators, existing: existing)
    }

    /// Three indicators, two areas, three years; Peterborough's 2022 death rate revised (row 7), a quoted thousands
    /// separator, a rate worked out from its numerator and denominator, and an area name Convene does not read.
    static let published = """
        indicator_id,area_code,area_name,period,value,numerator,denominator,published_on,source
        deaths,E10000003,Cambridgeshire,2021,5.2,,,2022-08-03,ONS
        deaths,E10000003,Cambridgeshire,2022,5.9,,,2023-10-18,ONS
        deaths,E10000003,Cambridgeshire,2023,6.1,,,2024-10-17,ONS
        deaths,E06000031,Peterborough,2021,9.4,,,2022-08-03,ONS
        deaths,E06000031,Peterborough,2022,10.1,,,2023-10-18,ONS
        deaths,E06000031,Peterborough,2022,10.4,,,2024-10-17,ONS (revised)
        treatment,E10000003,Cambridgeshire,2022-23,1850,,,,OHID
        treatment,E10000003,Cambridgeshire,2023-24,"2,010",,,,OHID
        coc,E10000003,Cambridgeshire,2023-24,,41,100,,

        """

    @Test func aFileOfPublishedStatisticsReadsWholeWithItsRevision() throws {
        // Act
        let read = Self.read(Self.published)
        // Check
        #expect(read.errors == [])
        #expect(read.layout == .long)
        #expect(read.rows.map(\.place) == (2...10).map { "row \($0)" })
        #expect(read.new.count == 8)
        #expect(read.unchanged.isEmpty)
        let revision = try #require(read.revisions.first)
        #expect(read.revisions.count == 1)
        #expect(
            revision.value == 10.4 && revision.publishedOn == Day("2024-10-17") && revision.source == "ONS (revised)")
        #expect(read.rows[5].change == .revision(previous: read.rows[4].measurement))
        #expect(read.rows[7].measurement.value == 2010)
        #expect(read.rows[8].measurement.value == 41 && read.rows[8].measurement.numerator == 41)
        #expect(read.rows[6].measurement.period == ReportingPeriod("2022-23"))
        // The revision is the current value; the first publication stays in the history.
        let histories = MeasurementHistory.histories(read.toRecord)
        let key = IndicatorMeasurement.Key(
            indicatorID: "deaths", areaCode: Self.peterborough, period: ReportingPeriod("2022")!)
        #expect(histories[key]?.revisions.map(\.value) == [10.1, 10.4])
        #expect(histories[key]?.current.value == 10.4)
    }

    @Test func theSameFileOverWhatIsHeldChangesNothing() {
        // Setup
        let held = Self.read(Self.published).toRecord
        // Act
        let again = Self.read(Self.published, existing: held)
        // Check
        #expect(again.errors == [])
        #expect(again.rows.count == 9)
        #expect(again.rows.allSatisfy { $0.change == .unchanged })
        #expect(again.toRecord.isEmpty)
    }

    @Test func aNewPublicationOverWhatIsHeldIsARevisionOrUnchanged() {
        // Setup
        let held = Self.read(Self.published).toRecord
        let next = """
            indicator_id,area_code,period,value,published_on
            deaths,E10000003,2023,6.3,2025-10-16
            deaths,E10000003,2022,5.9,2023-10-18
            deaths,E10000003,2024,6.0,2025-10-16
            treatment,E10000003,2023-24,2010,
            deaths,E10000003,2021,5.2,2025-10-16
            """
        // Act
        let read = Self.read(next, existing: held)
        // Check
        #expect(read.errors == [])
        // The last row is the same value published again, later: a revision.
        #expect(
            read.rows.map(\.change) == [
                .revision(previous: held[2]), .unchanged, .new, .unchanged, .revision(previous: held[0])
            ])
    }

    @Test func aBadRowIsNamedCellByCellAndNothingIsImportable() throws {
        // Setup
        let text = """
            indicator_id,area_code,period,value
            deaths,E10000003,2021,5.2
            drug-deaths,E10000003,2023/24,five
            deaths,E10000003,2022,5.9
            """
        // Act
        let read = Self.read(text)
        // Check
        try #require(read.errors.map(\.field) == ["row 3, column A", "row 3, column C", "row 3, column D"])
        #expect(read.errors[0].message.hasPrefix("'drug-deaths' is not an indicator: add it to the indicators first"))
        #expect(read.errors[1].message == "'2023/24' is not a period: use 2023, 2023-24, 2023-Q2 or 2023-05")
        #expect(read.errors[2].message.hasPrefix("'five' is not a number"))
        #expect(read.rows.isEmpty && read.new.isEmpty && read.toRecord.isEmpty)
    }

    @Test func otherBadCellsAreNamedToo() {
        // Setup
        let text = """
            indicator_id,area_code,period,value,published_on
            deaths,E1000003,2021,5.2,
            deaths,E10000003,2021,,
            deaths,E10000003,2022,5.9,18/13/2023
            grant,E10000003,2023-24,1250.50,
            deaths,E10000003,2023,6.1,2024-10-17
            deaths,E10000003,2023,6.2,2024-10-17
            """
        // Act
        let read = Self.read(text)
        // Check
        #expect(
            read.errors.map(\.field) == [
                "row 2, column B", "row 3, column D", "row 4, column E", "row 5, column D", "row 7"
            ])
        #expect(read.errors.last?.message.hasPrefix("Row 6 gives 6.1 for the same indicator, area, period") == true)
        #expect(read.rows.isEmpty)
    }

    // MARK: The wide layout and Excel

    static let long = """
        indicator_id,area_code,period,value,published_on
        deaths,E10000003,2021,5.2,2024-10-17
        deaths,E10000003,2022,5.9,2024-10-17
        deaths,E10000003,2023,6.1,2024-10-17
        deaths,E06000031,2021,9.4,2024-10-17
        deaths,E06000031,2023,10.4,2024-10-17
        treatment,E10000003,2023,2010,2024-10-17
        """

    /// The same values with a column per period; Peterborough's 2022 is marked as not published.
    static let wide: [[String]] = [
        ["indicator_id", "area_code", "area_name", "2021", "2022", "2023", "published_on"],
        ["deaths", "E10000003", "Cambridgeshire", "5.2", "5.9", "6.1", "2024-10-17"],
        ["deaths", "E06000031", "Peterborough", "9.4", "[x]", "10.4", "2024-10-17"],
        ["treatment", "E10000003", "Cambridgeshire", "", "", "2010", "2024-10-17"]
    ]

    @Test func theWideLayoutGivesWhatTheLongLayoutGives() {
        // Setup
        let csv = CSV.write(header: Self.wide[0], rows: Array(Self.wide.dropFirst()))
        // Act
        let long = Self.read(Self.long)
        let wide = Self.read(csv)
        // Check
        #expect(long.errors == [] && wide.errors == [])
        #expect(wide.layout == .wide)
        #expect(wide.rows.map(\.measurement) == long.rows.map(\.measurement))
        #expect(
            wide.rows.map(\.place) == [
                "row 2, column D", "row 2, column E", "row 2, column F", "row 3, column D",
                "row 3, column F", "row 4, column F"
            ])
        #expect(wide.notPublished == ["row 3, column E"])
    }

    @Test func anExcelWorkbookGivesWhatTheLongLayoutGives() throws {
        // Setup: the years in the header and 2010 are number cells.
        let workbook = try SurveyFileTests.workbook(Self.wide)
        // Act
        let read = MeasurementFile.read(workbook, fileName: "Drug deaths.XLSX", indicators: Self.indicators)
        // Check
        #expect(read.errors == [])
        #expect(read.rows.map(\.measurement) == Self.read(Self.long).rows.map(\.measurement))
    }

    @Test func aWidePeriodHeadingThatIsNoPeriodIsNamed() {
        // Act
        let read = Self.read("indicator_id,area_code,2022/23,2023/24\ndeaths,E10000003,5.9,6.1\n")
        // Check
        #expect(read.errors.map(\.field) == ["column C", "column D"])
        #expect(read.errors.first?.message == "'2022/23' is not a period: use 2023, 2023-24, 2023-Q2 or 2023-05")
    }

    // MARK: Numerators and denominators

    @Test func ratesAreWorkedOutFromTheirNumeratorAndDenominator() {
        // Setup: 40 deaths in 680,000 people; 41 of 100 prison leavers, given as 41.0 and as 41.04 (rounding).
        let text = """
            indicator_id,area_code,period,value,numerator,denominator
            deaths,E10000003,2023,,40,680000
            coc,E10000003,2023-24,41.0,41,100
            coc,E06000031,2023-24,41.04,41,100
            """
        // Act
        let read = Self.read(text)
        // Check
        #expect(read.errors == [])
        let values = read.rows.map(\.measurement.value)
        #expect(values.count == 3)
        #expect(abs(values[0] - 40.0 / 680_000 * 100_000) < 1e-12)
        #expect(values[1] == 41 && values[2] == 41)
    }

    @Test func aValueThatDisagreesWithItsNumeratorAndDenominatorIsAnError() throws {
        // Setup: 45% given for 41 of 100.
        let text = """
            indicator_id,area_code,period,value,numerator,denominator
            coc,E10000003,2022-23,38,38,100
            coc,E10000003,2023-24,45,41,100
            coc,E06000031,2023-24,,41,0
            """
        // Act
        let read = Self.read(text)
        // Check
        try #require(read.errors.map(\.field) == ["row 3, column D", "row 4, column F"])
        #expect(read.errors[0].message.contains("The value 45 disagrees with the numerator and denominator"))
        #expect(read.errors[0].message.contains("41 ÷ 100 × 100 = 41"))
        #expect(read.errors[1].message == "The denominator must be more than 0")
        #expect(read.rows.isEmpty)
    }

    // MARK: Targets

    @Test func targetsReadAllOrNothing() {
        // Setup
        let good = "indicator_id,area_code,period,target\ncoc,E10000003,2023-24,40\ndeaths,E10000003,2023,5\n"
        let bad = good + "coc,E10000003,2023-24,42\ncoc,E10000003,2024-25,lots\n"
        // Act
        let read = TargetFile.read(Data(good.utf8), fileName: "targets.csv", indicators: Self.indicators)
        let refused = TargetFile.read(Data(bad.utf8), fileName: "targets.csv", indicators: Self.indicators)
        // Check
        #expect(read.errors == [])
        #expect(
            read.targets == [
                Target(
                    indicatorID: "coc", areaCode: Self.cambridgeshire, period: ReportingPeriod("2023-24")!, value: 40),
                Target(indicatorID: "deaths", areaCode: Self.cambridgeshire, period: ReportingPeriod("2023")!, value: 5)
            ])
        #expect(refused.errors.map(\.field) == ["row 4, column A", "row 5, column D"])
        #expect(refused.targets.isEmpty)
    }

    @Test func aFileOfAnotherKindOrWithoutTheColumnsIsOneError() {
        // Act
        let pdf = Self.read(Self.long, fileName: "statistics.pdf")
        let noArea = Self.read("indicator_id,period,value\ndeaths,2023,6.1\n")
        let nothing = Self.read("indicator_id,area_code,period,value\n")
        // Check
        #expect(pdf.errors.map(\.field) == ["file"])
        #expect(noArea.errors.map(\.field) == ["file"])
        #expect(noArea.errors.first?.message.hasPrefix("The header has no column area_code") == true)
        #expect(nothing.errors.map(\.field) == ["file"])
    }
}
