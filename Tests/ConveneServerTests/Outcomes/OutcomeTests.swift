import ConveneDomain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import ConveneServer

/// Outcomes end to end: published statistics imported all or nothing with their revisions, a partnership's
/// performance framework and its dashboard, and the guidance step it completes.
@Suite struct OutcomeTests {
    /// Several indicators, areas and years in the long layout that published statistics use, one value revised (the
    /// 2022 death rate for Cambridgeshire, published again a year later) and one rate given as its numerator and
    /// denominator.
    static let statistics = """
        indicator_id,area_code,area_name,period,value,numerator,denominator,published_on,source
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2021,4.9,,,2022-10-13,ONS
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2022,4.7,,,2023-10-19,ONS
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2022,4.4,,,2024-10-17,ONS (revised)
        cdof-drug-misuse-deaths,E10000003,Cambridgeshire,2023,4.2,,,2024-10-17,ONS
        cdof-drug-misuse-deaths,E92000001,England,2022,5.5,,,2023-10-19,ONS
        cdof-drug-misuse-deaths,E92000001,England,2023,5.6,,,2024-10-17,ONS
        cdof-continuity-of-care,E10000003,Cambridgeshire,2022-23,,385,1000,2023-11-23,OHID
        cdof-numbers-in-treatment,E10000003,Cambridgeshire,2022-23,1702,,,2023-11-23,OHID
        cdof-numbers-in-treatment,E10000003,Cambridgeshire,2023-24,1655,,,2024-11-28,OHID
        cdof-numbers-in-treatment,E06000031,Peterborough,2023-24,1130,,,2024-11-28,OHID

        """

    static let targets = """
        indicator_id,area_code,period,target
        cdof-drug-misuse-deaths,E10000003,2023,4.5
        cdof-numbers-in-treatment,E10000003,2023-24,1800

        """

    static func upload(_ kind: String, _ text: String, dryRun: Bool = false, name: String = "statistics.csv") -> Upload
    {
        Upload(fields: [("kind", kind)] + (dryRun ? [("dry_run", "yes")] : []), file: text, name: name)
    }

    static func count<M: Model>(_ type: M.Type, _ app: Application) async throws -> Int {
        try await M.query(on: app.db).count()
    }

    @Test func publishedStatisticsImportWholeAgainChangeNothingAndABadRowChangesNothingAndIsNamed() async throws {
        try await withConveneApp { app in
            // Act: the file, the same file again, a dry run of a new value, and a file with one bad row.
            let first = try await app.send(
                .POST, "/outcomes/import", upload: Self.upload("measurements", Self.statistics))
            let stored = try await Self.count(MeasurementRecord.self, app)
            let audited = try await Self.count(AuditEventRecord.self, app)
            let again = try await app.send(
                .POST, "/outcomes/import", upload: Self.upload("measurements", Self.statistics))
            let auditedAgain = try await Self.count(AuditEventRecord.self, app)
            let newValue = "indicator_id,area_code,period,value\ncdof-drug-misuse-deaths,E06000031,2023,7.4\n"
            let dry = try await app.send(
                .POST, "/outcomes/import", upload: Self.upload("measurements", newValue, dryRun: true))
            let bad =
                Self.statistics.replacingOccurrences(of: "E92000001,England,2022", with: "E92000001,England,2022-13")
                + "cdof-drug-misuse-deaths,E06000031,Peterborough,2023,7.4,,,2024-10-17,ONS\n"
            let refused = try await app.send(.POST, "/outcomes/import", upload: Self.upload("measurements", bad))
            let history = try await app.send(.GET, "/api/v1/indicators/cdof-drug-misuse-deaths/measurements")
            let page = try await app.send(.GET, "/outcomes/indicators/cdof-drug-misuse-deaths")

            // Check: ten rows, nine figures (one revised), each kept; the rate worked out from its parts.
            #expect(first.status == .ok)
            #expect(first.text.contains("9 added, 1 revised, 0 already held"), "\(first.text.prefix(3000))")
            #expect(stored == 10)
            #expect(again.status == .ok && again.text.contains("0 added, 0 revised, 10 already held"))
            #expect(try await Self.count(MeasurementRecord.self, app) == 10)
            #expect(auditedAgain == audited)
            #expect(dry.status == .ok && dry.text.contains("1 would be added"))
            #expect(try await Self.count(MeasurementRecord.self, app) == 10)
            // The bad file: the period in row 6 is named, and its good new row is not kept.
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("row 6"), "\(refused.text.prefix(4000))")
            #expect(refused.text.contains("2022-13"))
            #expect(try await Self.count(MeasurementRecord.self, app) == 10)
            let scope = try await Scope.workspace(Tasks.defaultWorkspace, on: app.db)
            let care = try #require(
                try await MeasurementRecord.query(in: scope).filter(\.$indicatorKey == "cdof-continuity-of-care")
                    .first())
            #expect(care.value == 38.5 && care.numerator == 385 && care.denominator == 1000)
            // The revised figure's history: both revisions, the later one current.
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(history.text.utf8)) as? [[String: Any]])
            let revised = rows.filter { $0["area_code"] as? String == "E10000003" && $0["period"] as? String == "2022" }
            #expect(revised.map { $0["value"] as? Double } == [4.7, 4.4])
            #expect(revised.map { $0["current"] as? Bool } == [false, true])
            #expect(revised.map { $0["revision"] as? Int } == [1, 2])
            #expect(page.status == .ok && page.text.contains("4.7 per 100,000, published 19 October 2023"))
        }
    }

    @Test func aFrameworkWithAMeasuredIndicatorCompletesTheGuidanceStepAndItsDashboardShowsEachStatus() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(
                """
                partnership_id,partnership_name,type,started_on
                cdp,Combating Drugs Partnership,cdp,2025-01-01
                """)
            func step() async throws -> String {
                let page = try await app.send(.GET, "/partnerships/cdp/milestones")
                guard let range = page.text.range(of: #"id="task-performance-framework-0-status""#) else { return "" }
                return String(page.text[range.upperBound...].prefix(200))
            }
            let before = try await step()

            // Act: a framework of two indicators with no values yet, then the statistics and targets.
            let refused = try await app.send(
                .POST, "/partnerships/cdp/framework", form: "area_code=nowhere&indicators%5B%5D=cdof-drug-misuse-deaths"
            )
            let saved = try await app.send(
                .POST, "/partnerships/cdp/framework",
                form: "area_code=E10000003&comparison_area_code=E92000001&indicators%5B%5D=cdof-drug-misuse-deaths"
                    + "&indicators%5B%5D=cdof-numbers-in-treatment")
            let unmeasured = try await step()
            _ = try await app.send(.POST, "/outcomes/import", upload: Self.upload("measurements", Self.statistics))
            let targets = try await app.send(
                .POST, "/outcomes/import", upload: Self.upload("targets", Self.targets, name: "targets.csv"))
            let measured = try await step()
            let dashboard = try await app.send(.GET, "/partnerships/cdp/dashboard")
            let csv = try await app.send(.GET, "/partnerships/cdp/dashboard/cdof-drug-misuse-deaths.csv")
            let analysis = try await app.send(.GET, "/api/v1/analyses/outcomes?partnership=cdp")

            // Check
            #expect(before.contains("Not started") || before.contains("Cannot start yet"), "\(before)")
            #expect(refused.status == .unprocessableEntity && refused.text.contains("ONS code"))
            #expect(saved.status == .seeOther)
            #expect(!unmeasured.contains("Done"), "\(unmeasured)")
            #expect(targets.status == .ok && targets.text.contains("2 added"))
            #expect(measured.contains("Done"), "\(measured)")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("Meets its target") && dashboard.text.contains("Misses its target"))
            #expect(dashboard.text.contains("Improving (from 4.4 per 100,000 in 2022)"))
            #expect(dashboard.text.contains("Worsening (from 1,702 in 2022/23)"))
            #expect(dashboard.text.contains("<svg") && dashboard.text.contains("chart-line--comparison"))
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            #expect(
                csv.text.contains(
                    "cdof-drug-misuse-deaths,Deaths related to drug misuse,rate-per-100000,lower-is-better,E10000003,2023,4.2,4.5,yes"
                ))
            let json = try analysis.json()
            #expect(json["analysis"] as? String == "outcomes")
            let indicators = try #require(json["indicators"] as? [[String: Any]])
            #expect(indicators.map { $0["direction"] as? String } == ["improving", "worsening"])
            #expect((indicators[0]["latest"] as? [String: Any])?["value"] as? Double == 4.2)
        }
    }
}
