import ConveneDomain
import Foundation
import Testing

/// Years, financial years, quarters and months: read, labelled, bounded, ordered, and anything else refused.
@Suite struct ReportingPeriodTests {
    @Test func eachKindReadsWithItsDaysAndLabel() throws {
        // Setup
        let cases: [(text: String, kind: ReportingPeriod.Kind, start: String, end: String, label: String)] = [
            ("2023", .year, "2023-01-01", "2023-12-31", "2023"),
            ("2023-24", .financialYear, "2023-04-01", "2024-03-31", "2023/24"),
            ("2023-Q2", .quarter, "2023-04-01", "2023-06-30", "April to June 2023"),
            ("2023-q4", .quarter, "2023-10-01", "2023-12-31", "October to December 2023"),
            ("2023-05", .month, "2023-05-01", "2023-05-31", "May 2023"),
            ("2024-02", .month, "2024-02-01", "2024-02-29", "February 2024"),
            ("1999-00", .financialYear, "1999-04-01", "2000-03-31", "1999/00"),
            (" 2011-12 ", .financialYear, "2011-04-01", "2012-03-31", "2011/12")
        ]
        for expected in cases {
            // Act
            let period = try #require(ReportingPeriod(expected.text), "\(expected.text)")
            // Check
            #expect(period.kind == expected.kind, "\(expected.text)")
            #expect(period.start == Day(expected.start), "\(expected.text)")
            #expect(period.end == Day(expected.end), "\(expected.text)")
            #expect(period.label == expected.label, "\(expected.text)")
        }
        #expect(ReportingPeriod("2023-q4")?.description == "2023-Q4")
        #expect(ReportingPeriod("2023-24")?.days == 366)
    }

    @Test func periodsSortByStartThenLength() {
        // Setup
        let codes = ["2024", "2023-Q2", "2023-24", "2023-05", "2023-04", "2023", "2022-23"]
        // Act
        let sorted = codes.compactMap { ReportingPeriod($0) }.sorted().map(\.description)
        // Check
        #expect(sorted == ["2022-23", "2023", "2023-04", "2023-Q2", "2023-24", "2023-05", "2024"])
    }

    @Test func anythingElseIsRefusedWithTheFormsToUse() {
        // Setup
        let refused = ["2023/24", "2023-25", "2023-13", "2023-00", "2023-Q5", "2023-Q", "23-24", "FY2023", "", "2023-5"]
        for text in refused {
            // Act
            let read = ReportingPeriod.read(text)
            // Check
            #expect(ReportingPeriod(text) == nil, "\(text)")
            guard case .failure(let error) = read else {
                Issue.record("'\(text)' read as a period")
                continue
            }
            #expect(error.field == "period")
        }
        #expect(
            ReportingPeriod.read("2023/24")
                == .failure(FieldError("period", "'2023/24' is not a period: use 2023, 2023-24, 2023-Q2 or 2023-05")))
    }

    @Test func aPeriodTravelsAsItsCode() throws {
        // Setup
        let periods = ["2023", "2023-24", "2023-Q2", "2023-05"].compactMap { ReportingPeriod($0) }
        // Act
        let json = try JSONEncoder().encode(periods)
        let back = try JSONDecoder().decode([ReportingPeriod].self, from: json)
        // Check
        #expect(String(decoding: json, as: UTF8.self) == #"["2023","2023-24","2023-Q2","2023-05"]"#)
        #expect(back == periods)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ReportingPeriod].self, from: Data(#"["2023/24"]"#.utf8))
        }
        #expect(ReportingPeriod.financialYear(containing: Day("2024-03-31")!)?.description == "2023-24")
        #expect(ReportingPeriod.financialYear(containing: Day("2024-04-01")!)?.description == "2024-25")
    }
}
