import ConveneDomain
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

@Suite struct ImportTests {
    static let goodCSV = """
        partnership_id,partnership_name,type,status,pcc_roles,meeting_frequency,reports_to,member_person_name,member_role_title,member_organisation_name,member_organisation_sector,role,voting
        county-board,County Strategic Board,strategic-board,active,chair,quarterly,,Police and Crime Commissioner,Police and Crime Commissioner,Office of the PCC,policing-governance,chair,yes
        county-cdp,County Combating Drugs Partnership,cdp,active,sro;attends,quarterly,county-board,Director of Public Health,Director of Public Health,County Council,local-government,member,yes
        county-cdp,,,,,,,Police and Crime Commissioner,Police and Crime Commissioner,Office of the PCC,policing-governance,sro,no
        """

    @Test func importingTheSameFileTwiceChangesNothing() async throws {
        try await withConveneApp { app in
            // Setup
            let first = try await app.importCSV(Self.goodCSV)
            let afterFirst = try await app.exportPopolo()

            // Act
            let second = try await app.importCSV(Self.goodCSV)
            let afterSecond = try await app.exportPopolo()

            // Check
            guard case .applied(let summary1, false) = first else {
                Issue.record("first import rejected: \(first)"); return
            }
            #expect(summary1.counts["partnership"]?.created == 2)
            #expect(summary1.counts["membership"]?.created == 3)
            #expect(summary1.counts["relation"]?.created == 1)
            guard case .applied(let summary2, false) = second else { Issue.record("second import rejected"); return }
            #expect(summary2.changedCount == 0)
            #expect(afterFirst == afterSecond)
        }
    }

    @Test func aBadCSVChangesNothingAndNamesEveryBadRow() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.importCSV(Self.goodCSV)
            let before = try await app.exportPopolo()
            let bad = """
                partnership_id,partnership_name,type,status,reports_to,member_person_name,member_organisation_name,role
                new-board,A New Board,strategic-board,active,,Chief Constable,County Police,member
                county-cdp,County Combating Drugs Partnership,cdp,active,nowhere,Chief Constable,County Police,Chairman
                other,Other Board,board,active,,,,
                """

            // Act
            let outcome = try await app.importCSV(bad)
            let after = try await app.exportPopolo()

            // Check
            guard case .rejected(let issues) = outcome else { Issue.record("a bad file was imported"); return }
            let text = issues.map(\.description).joined(separator: "\n")
            #expect(text.contains("row 3"), "the bad role is on row 3")
            #expect(text.contains("Chairman"))
            #expect(text.contains("row 4"), "the bad type is on row 4")
            #expect(before == after, "nothing changed, not even the good first row")
        }
    }

    @Test func unknownReferencesAndLoopsAreNamedByRow() async throws {
        try await withConveneApp { app in
            // Setup
            let looping = """
                partnership_id,partnership_name,type,reports_to
                a,Board A,strategic-board,b
                b,Board B,strategic-board,a
                c,Board C,strategic-board,missing-board
                """

            // Act
            let outcome = try await app.importCSV(looping)

            // Check
            guard case .rejected(let issues) = outcome else { Issue.record("imported a loop"); return }
            #expect(issues.contains { $0.message.contains("loop") })
            #expect(issues.contains { $0.location == "row 4" && $0.message.contains("missing-board") })
            #expect(try await app.send(.GET, "/api/v1/partnerships").json()["total"] as? Int == 0)
        }
    }

    @Test func wrongEncodingAndBrokenJSONAreRefused() async throws {
        try await withConveneApp { app in
            // Setup
            var latin1 = Data("partnership_name,type\n".utf8)
            // "Café,forum" in Latin-1
            latin1.append(contentsOf: [0x43, 0x61, 0x66, 0xE9, 0x2C, 0x66, 0x6F, 0x72, 0x75, 0x6D, 0x0A])

            // Act
            let csv = try await Tasks.importFile(.csv, latin1, dryRun: false, on: app.db)
            let json = try await Tasks.importFile(
                .popolo, Data(#"{"persons": [ {"id": "x", "name": }"#.utf8), dryRun: false, on: app.db)
            let duplicate = try await Tasks.importFile(
                .popolo,
                Data(
                    """
                    {"persons": [{"id": "p1", "name": "One"}, {"id": "p1", "name": "Two"}]}
                    """.utf8), dryRun: false, on: app.db)

            // Check
            guard case .rejected(let csvIssues) = csv else { Issue.record("Latin-1 accepted"); return }
            #expect(csvIssues.contains { $0.description.contains("UTF-8") })
            guard case .rejected(let jsonIssues) = json else { Issue.record("broken JSON accepted"); return }
            #expect(!jsonIssues.isEmpty)
            guard case .rejected(let dupIssues) = duplicate else { Issue.record("duplicate id accepted"); return }
            #expect(dupIssues.contains { $0.location.contains("persons[1]") && $0.message.contains("more than once") })
            #expect(try await app.send(.GET, "/api/v1/persons").json()["total"] as? Int == 0)
        }
    }

    @Test func dryRunShowsChangesAndWritesNothing() async throws {
        try await withConveneApp { app in
            // Act
            let outcome = try await app.importCSV(Self.goodCSV, dryRun: true)

            // Check
            guard case .applied(let summary, true) = outcome else { Issue.record("dry run did not report"); return }
            #expect(summary.counts["partnership"]?.created == 2)
            #expect(try await app.send(.GET, "/api/v1/partnerships").json()["total"] as? Int == 0)
        }
    }

    @Test(.enabled(if: Fixtures.haveLookups, "needs the ONS lookups in ../shared/data/geography"))
    func popoloExportImportExportIsIdentical() async throws {
        // Setup: a register with every kind of record, exported from one database.
        let exported = try await withConveneApp { app in
            _ = try await app.importCSV(Self.goodCSV)
            _ = try await app.send(
                .POST, "/api/v1/partnerships/county-cdp/terms-of-reference",
                json: #"{"quorum":5,"approved_on":"2023-01-10","review_due":"2025-01-10","purpose":"Harm to Hope"}"#)
            _ = try await Tasks.importGeography(
                [try Fixtures.geographyFile("ltla23_utla23_ew.csv")], dryRun: false, on: app.db)
            _ = try await app.send(
                .PATCH, "/api/v1/partnerships/county-cdp",
                json: #"{"footprint":["E07000008","E07000009"],"force_area_code":"E23000023"}"#)
            return try await app.exportPopolo()
        }

        // Act: imported into another, and exported again.
        let (outcome, again) = try await withConveneApp { app in
            let outcome = try await Tasks.importFile(.popolo, Data(exported.utf8), dryRun: false, on: app.db)
            return (outcome, try await app.exportPopolo())
        }

        // Check
        guard case .applied = outcome else { Issue.record("re-import rejected: \(outcome)"); return }
        #expect(exported.contains("E07000008"))
        #expect(exported.contains("Harm to Hope"))
        #expect(again == exported)
    }

    @Test func csvExportReimportsToTheSameRegister() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.importCSV(Self.goodCSV)
            let before = try await app.exportPopolo()

            // Act
            let csv = try await Tasks.export(.csv, on: app.db)
            let outcome = try await Tasks.importFile(.csv, csv, dryRun: false, on: app.db)

            // Check
            guard case .applied(let summary, false) = outcome else {
                Issue.record("CSV export did not re-import: \(outcome)"); return
            }
            #expect(summary.changedCount == 0)
            #expect(try await app.exportPopolo() == before)
        }
    }
}
