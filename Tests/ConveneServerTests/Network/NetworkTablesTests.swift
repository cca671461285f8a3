import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The network page's national tables: computed from what force areas publish and nothing else, each total the sum
/// of its force areas, the force areas that publish nothing named.
@Suite struct NetworkTablesTests {
    @Test func theTablesAddUpOverThePublishingForceAreasAndShowNothingUnpublished() async throws {
        try await withConveneApp { app in
            // Setup: three force areas; ours (Cleveland) publishes a CDP and a CSP; another workspace (Durham)
            // publishes a CDP and keeps a board private; Merseyside publishes nothing.
            for (code, name) in [("E23000013", "Cleveland"), ("E23000008", "Durham"), ("E23000004", "Merseyside")] {
                let made = try await app.send(
                    .POST, "/api/v1/areas",
                    json: #"{"code":""# + code + #"","name":""# + name + #"","kind":"police-force-area"}"#)
                #expect(made.status == .created)
            }
            let imported = try await app.importCSV(
                """
                partnership_id,partnership_name,type,force_area,meeting_frequency,membership_id,member_organisation_id,member_organisation_name,member_organisation_sector,role
                ours-cdp,Our CDP,cdp,E23000013,quarterly,m1,council,Council,local-government,sro
                ours-cdp,Our CDP,cdp,E23000013,quarterly,m2,force,Police,police,member
                ours-csp,Our CSP,csp,E23000013,monthly,m3,council,Council,local-government,member
                """)
            guard case .applied = imported else {
                Issue.record("the register did not import: \(imported)")
                return
            }
            try await Tasks.publish(["ours-cdp", "ours-csp"], on: app.db)
            try await Workspaces.add(
                key: "durham", name: "Durham", kind: .forceArea, forceAreaCode: "E23000008", on: app.db)
            _ = try await Tasks.importFile(
                .csv,
                Data(
                    """
                    partnership_id,partnership_name,type,force_area
                    their-cdp,Their CDP,cdp,E23000008
                    private-board,Private Board Of Durham,strategic-board,E23000008
                    """.utf8), dryRun: false, on: app.db, workspace: "durham")
            try await Tasks.publish(["their-cdp"], on: app.db, workspace: "durham")

            // Act
            let page = try await app.send(.GET, "/network")
            let json = try #require(
                try JSONSerialization.jsonObject(
                    with: try await Tasks.analyseNetwork(format: .json, db: app.db, now: TestClock.now))
                    as? [String: Any])

            // Check
            let rows = try #require(json["force_areas"] as? [[String: Any]])
            let total = try #require(json["total"] as? [String: Any])
            // The force areas by name: Cleveland, then Durham.
            #expect(rows.map { $0["force_area"] as? String } == ["E23000013", "E23000008"])
            for column in ["partnerships", "cdps", "meetings_per_year", "estimated_cost_pence"] {
                #expect(total[column] as? Int == rows.map { $0[column] as? Int ?? 0 }.reduce(0, +), "\(column)")
            }
            #expect(total["partnerships"] as? Int == 3 && total["cdps"] as? Int == 2)
            #expect(total["meetings_per_year"] as? Int == 4 + 12 && total["frequency_unknown"] as? Int == 1)
            let missing = try #require(json["missing"] as? [[String: Any]])
            #expect(missing.map { $0["name"] as? String } == ["Merseyside"])
            #expect(page.status == .ok && page.text.contains("The national tables"))
            #expect(page.text.contains("Merseyside") && !page.text.contains("Private Board Of Durham"))
            #expect(
                page.text.contains("<strong>All publishing force areas</strong></td><td>3</td><td>2</td><td>16</td>"))
        }
    }
}
