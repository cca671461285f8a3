import ConveneDomain
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

@Suite(.enabled(if: Fixtures.haveLookups, "needs the ONS lookups in ../shared/data/geography"))
struct GeographyImportTests {
    @Test func theSharedLookupsGiveFortyThreeForceAreasAndThreeHundredEighteenDistricts() async throws {
        try await withConveneApp { app in
            // Setup
            let files = try Fixtures.lookups.map(Fixtures.geographyFile)

            // Act
            let outcome = try await Tasks.importGeography(files, dryRun: false, on: app.db)
            let again = try await Tasks.importGeography(files, dryRun: false, on: app.db)
            let forces = try await app.send(.GET, "/api/v1/areas?kind=police-force-area&per_page=1")
            let districts = try await app.send(.GET, "/api/v1/areas?kind=district&per_page=1")

            // Check
            guard case .applied = outcome else { Issue.record("lookups rejected: \(outcome)"); return }
            guard case .applied(let second, false) = again else { Issue.record("second import rejected"); return }
            #expect(second.changedCount == 0)
            #expect(try forces.json()["total"] as? Int == 43)
            #expect(try districts.json()["total"] as? Int == 318)
        }
    }

    @Test func everyCSVOfTheDownloadGoesInAndTheOneItCannotUseIsNamed() async throws {
        try await withConveneApp { app in
            // Setup: `convene geography import DIR/*.csv` on the shared folder, mySociety's council list included.
            let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.geography.path)
                .filter { $0.hasSuffix(".csv") }.sorted()
            let files = try names.map(Fixtures.geographyFile)

            // Act
            let outcome = try await Tasks.importGeography(files, dryRun: false, on: app.db)
            let forces = try await app.send(.GET, "/api/v1/areas?kind=police-force-area&per_page=1")

            // Check
            #expect(names.contains("pfa24_list_ew.csv") && names.contains("mysociety_uk_local_authorities_current.csv"))
            guard case .applied(let summary, false) = outcome else { Issue.record("rejected: \(outcome)"); return }
            #expect(
                summary.warnings.map(\.location) == ["mysociety_uk_local_authorities_current.csv file"],
                "the council list has no ONS area columns")
            #expect(
                Tasks.describe(summary, dryRun: false).contains(
                    "mysociety_uk_local_authorities_current.csv file: This file has no ONS area columns"))
            #expect(try forces.json()["total"] as? Int == 43)
        }
    }

    @Test func aCDPFootprintResolvesToForceAreaUpperTiersAndICBs() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await Tasks.importGeography(
                try Fixtures.lookups.map(Fixtures.geographyFile), dryRun: false, on: app.db)
            let created = try await app.send(
                .POST, "/api/v1/partnerships",
                json: """
                    {"key":"hw-cdp","name":"Herefordshire and Worcestershire CDP","type":"cdp","force_area_code":"E23000016",
                     "footprint":["E06000019","E10000034"]}
                    """)

            // Act
            let page = try await app.send(.GET, "/partnerships/hw-cdp")

            // Check
            #expect(created.status == .created)
            let footprint = page.text.components(separatedBy: "id=\"footprint\"").last ?? ""
            #expect(footprint.contains("West Mercia (E23000016)"))
            #expect(footprint.contains("Worcestershire (E10000034)"))
            #expect(footprint.contains("Herefordshire, County of (E06000019)"))
            #expect(footprint.contains("NHS Herefordshire and Worcestershire Integrated Care Board (E54000019)"))
            #expect(!footprint.contains("Shropshire"))
        }
    }

    @Test func aBadLookupChangesNothing() async throws {
        try await withConveneApp { app in
            // Setup
            let good = try Fixtures.geographyFile("ltla23_utla23_ew.csv")
            let bad = ("bad.csv", Data("LAD24CD,LAD24NM,PFA24CD\nE0600001X,Nowhere,E23000001\n".utf8))

            // Act
            let outcome = try await Tasks.importGeography([good, bad], dryRun: false, on: app.db)

            // Check
            guard case .rejected(let issues) = outcome else { Issue.record("a bad lookup was imported"); return }
            #expect(issues.contains { $0.location.contains("bad.csv row 2") })
            #expect(try await app.send(.GET, "/api/v1/areas").json()["total"] as? Int == 0)
        }
    }
}
