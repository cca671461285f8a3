import ConveneDomain
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Popolo files from other publishers (Tests/corpus/popolo) and in the reports' words, end to end through the
/// database: import whole, re-import changes nothing, export writes the publisher's ids back.
@Suite struct PopoloCorpusImportTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func file(_ path: String) throws -> Data { try Data(contentsOf: tests.appendingPathComponent(path)) }

    static func ids(_ list: String, in data: Data) throws -> Set<String> {
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return Set(((top[list] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
    }

    @Test(arguments: ["everypolitician-estonia-riigikogu.json", "openaustralia-tasmania-councillors.json"])
    func aPublishedFileImportsWholeExportsItsIdsAndReimportsToNothing(_ name: String) async throws {
        let published = try Self.file("corpus/popolo/\(name)")
        let (first, second, exported, reexported) = try await withConveneApp { app in
            // Act
            let first = try await Tasks.importFile(.popolo, published, dryRun: false, on: app.db)
            let exported = try await Tasks.export(.popolo, on: app.db)
            let second = try await Tasks.importFile(.popolo, published, dryRun: false, on: app.db)
            let reexported = try await Tasks.export(.popolo, on: app.db)
            return (first, second, exported, reexported)
        }
        // The export imported into another database exports the same bytes.
        let elsewhere = try await withConveneApp { app in
            _ = try await Tasks.importFile(.popolo, exported, dryRun: false, on: app.db)
            return try await Tasks.export(.popolo, on: app.db)
        }

        // Check
        guard case .applied(let summary, false) = first else { Issue.record("refused: \(first)"); return }
        #expect(summary.counts["person"]?.created == (try Self.ids("persons", in: published)).count)
        #expect(summary.counts["organisation"]?.created == (try Self.ids("organizations", in: published)).count)
        #expect(!summary.warnings.isEmpty)
        #expect(summary.warnings.contains { $0.message.contains("'party' is not a kind of organisation") })
        guard case .applied(let again, false) = second else { Issue.record("re-import refused: \(second)"); return }
        #expect(again.changedCount == 0)
        #expect(reexported == exported)
        #expect(try Self.ids("persons", in: exported) == (try Self.ids("persons", in: published)))
        #expect(try Self.ids("organizations", in: exported) == (try Self.ids("organizations", in: published)))
        #expect(elsewhere == exported)
    }

    @Test func aCSVRoundTripKeepsThePublishersIds() async throws {
        try await withConveneApp { app in
            // Setup
            let published = try Self.file("corpus/popolo/openaustralia-tasmania-councillors.json")
            _ = try await Tasks.importFile(.popolo, published, dryRun: false, on: app.db)
            _ = try await app.importCSV(
                """
                partnership_id,partnership_name,type,membership_id,member_person_id,member_person_name,role
                clarence-csp,Clarence Community Safety Partnership,csp,csp-mayor,x,Mayor,chair
                """)
            let before = try await app.exportPopolo()

            // Act
            let csv = try await Tasks.export(.csv, on: app.db)
            let outcome = try await Tasks.importFile(.csv, csv, dryRun: false, on: app.db)

            // Check
            guard case .applied(let summary, false) = outcome else { Issue.record("refused: \(outcome)"); return }
            #expect(summary.changedCount == 0)
            #expect(try await app.exportPopolo() == before)
            #expect(before.contains("\"clarence_city_council/doug_chipman\""))
        }
    }

    @Test func aKeyAnotherIdHoldsIsNotTakenAndBothIdsComeBack() async throws {
        try await withConveneApp { app in
            // Setup: a person whose key is the one the id "A b" would get, stored from Convene's own file.
            let taken = PopoloIDs.key(for: "A b")
            let own = #"{"persons": [{"id": "\#(taken)", "name": "Stored first"}]}"#
            _ = try await Tasks.importFile(.popolo, Data(own.utf8), dryRun: false, on: app.db)
            let other = Data(
                #"{"persons": [{"id": "A b", "name": "From elsewhere"}, {"id": "a-b", "name": "Plain"}]}"#.utf8)

            // Act
            let first = try await Tasks.importFile(.popolo, other, dryRun: false, on: app.db)
            let second = try await Tasks.importFile(.popolo, other, dryRun: false, on: app.db)
            let exported = try await app.exportPopolo()

            // Check
            guard case .applied(let summary, false) = first else { Issue.record("refused: \(first)"); return }
            #expect(summary.changes.map(\.description).sorted() == ["create person a-b", "create person \(taken)-2"])
            guard case .applied(let again, false) = second else { Issue.record("refused: \(second)"); return }
            #expect(again.changedCount == 0)
            #expect(try Self.ids("persons", in: Data(exported.utf8)) == ["A b", "a-b", taken])
        }
    }

    @Test func aBadFileFromElsewhereNamesItsOwnIdsAndFieldsAndChangesNothing() async throws {
        try await withConveneApp { app in
            // Setup
            let bad = Data(
                #"{"persons": [{"id": "Jo Bloggs", "name": "Jo"}], "memberships": [{"id": "Jo@CDP", "person_id": "Jo Bloggs", "organization_id": "No Such CDP"}]}"#
                    .utf8)

            // Act
            let outcome = try await Tasks.importFile(.popolo, bad, dryRun: false, on: app.db)

            // Check
            guard case .rejected(let issues) = outcome else { Issue.record("imported: \(outcome)"); return }
            #expect(
                issues.map(\.description) == [
                    "memberships[0], organization_id: No partnership has the identifier 'No Such CDP'"
                ])
            #expect(try await app.exportPopolo().contains("Jo Bloggs") == false)
        }
    }

    @Test func theReportsWordsTwinCostsWhatConvenesDialectCosts() async throws {
        // Setup
        let dialect = try Self.file("cli/worked-table.popolo.json")
        let twin = try Self.file("cli/worked-table.reports-words.popolo.json")
        func cost(_ file: Data) async throws -> (ImportOutcome, Data, String) {
            try await withConveneApp { app in
                let outcome = try await Tasks.importFile(.popolo, file, dryRun: false, on: app.db)
                let output = try await Tasks.analyse(.cost, AnalyticsTests.year, on: app.db)
                return (outcome, output.render(.json), try await app.exportPopolo())
            }
        }

        // Act
        let (dialectOutcome, dialectCost, _) = try await cost(dialect)
        let (twinOutcome, twinCost, twinExport) = try await cost(twin)

        // Check
        guard case .applied = dialectOutcome, case .applied(let summary, false) = twinOutcome else {
            Issue.record("refused: \(dialectOutcome) \(twinOutcome)"); return
        }
        #expect(summary.warnings == [])
        #expect(summary.counts["membership"]?.created == 12)
        #expect(twinCost == dialectCost)
        #expect(String(decoding: twinCost, as: UTF8.self).contains("408240"))
        #expect(twinExport.contains(#""id" : "p01@cdp""#) && twinExport.contains(#""role" : "sro""#))
        #expect(twinExport.contains(#""classification" : "partnership:cdp""#))
    }

    @Test func theAPIAcceptsALabelWithoutItsAbbreviationAndAnswersWithTheIdentifier() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(.POST, "/api/v1/persons", json: #"{"key":"dph","name":"Director of Public Health"}"#)
            _ = try await app.send(
                .POST, "/api/v1/partnerships", json: #"{"key":"cdp","name":"CDP","type":"Combating Drugs Partnership"}"#
            )

            // Act
            let member = try await app.send(
                .POST, "/api/v1/memberships",
                json: #"{"key":"cdp-dph","partnership_key":"cdp","person_key":"dph","role":"Senior Responsible Owner"}"#
            )
            let partnership = try await app.send(.GET, "/api/v1/partnerships/cdp")

            // Check
            #expect(member.status == .created)
            #expect(try member.json()["role"] as? String == "sro")
            #expect(try partnership.json()["type"] as? String == "cdp")
        }
    }
}
