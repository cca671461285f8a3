import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// `/import`: the browser's way to the all-or-nothing import.
@Suite struct ImportPageTests {
    static let good = """
        partnership_id,partnership_name,type,membership_id,member_person_id,member_person_name,role
        csp,Community Safety Partnership,csp,csp-chair,chair,Chair of the CSP,chair
        vawg,VAWG Board,vawg-board,,,,
        """

    @Test func aGoodFileIsImportedAndAgainChangesNothing() async throws {
        try await withConveneApp { app in
            // Act
            let form = try await app.send(.GET, "/import")
            let first = try await app.send(.POST, "/import", upload: Upload(file: Self.good))
            let again = try await app.send(.POST, "/import", upload: Upload(file: Self.good))

            // Check
            #expect(form.status == .ok)
            #expect(form.text.contains(#"enctype="multipart/form-data""#) && form.text.contains(#"name="csrf_token""#))
            #expect(first.status == .ok)
            #expect(first.text.contains("Import complete") && first.text.contains("register.csv is imported"))
            #expect(again.text.contains("already in the register: nothing changed"))
            #expect(try await PartnershipRecord.query(on: app.db).count() == 2)
            let log = try await AuditEventRecord.query(on: app.db).filter(\.$kind == "partnership").all()
            #expect(log.count == 2 && log.allSatisfy { $0.actor == TestIdentity.email })
        }
    }

    @Test func aBadFileChangesNothingAndNamesEachRowAndField() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(.POST, "/import", upload: Upload(file: Self.good))
            let before = try await app.exportPopolo()
            let bad =
                Self.good.replacingOccurrences(of: "VAWG Board", with: "VAWG Board renamed") + """

                    lcjb,Criminal Justice Board,not-a-type,lcjb-x,chair,Chair of the CSP,boss
                    """

            // Act
            let response = try await app.send(.POST, "/import", upload: Upload(file: bad))

            // Check
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("The file was not imported"))
            #expect(response.text.contains("Nothing was imported and nothing has changed"))
            #expect(response.text.contains("row 4"))
            #expect(response.text.contains("<td>type</td>") && response.text.contains("<td>role</td>"))
            #expect(try await app.exportPopolo() == before, "the renamed board in the same file is not written either")
        }
    }

    @Test func aCheckOnlyRunWritesNothing() async throws {
        try await withConveneApp { app in
            // Act
            let response = try await app.send(
                .POST, "/import", upload: Upload(fields: [("format", "csv"), ("dry_run", "yes")], file: Self.good))

            // Check
            #expect(response.text.contains("Check complete"))
            #expect(response.text.contains("<td>Partnership</td><td>2</td>"))
            #expect(try await PartnershipRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aMissingFileOrFormatIsAFieldError() async throws {
        try await withConveneApp { app in
            // Act
            let empty = try await app.send(.POST, "/import", upload: Upload(file: ""))
            let noFormat = try await app.send(.POST, "/import", upload: Upload(fields: [], file: Self.good))
            let popolo = try await app.send(
                .POST, "/import", upload: Upload(fields: [("format", "popolo")], file: "{not json", name: "x.json"))

            // Check
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains(##"href="#file""##) && empty.text.contains("the one chosen is empty"))
            #expect(noFormat.status == .unprocessableEntity && noFormat.text.contains(##"href="#format""##))
            #expect(popolo.status == .unprocessableEntity && popolo.text.contains("The file was not imported"))
        }
    }
}
