import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

@Suite struct PublishingTests {
    static func setUp(_ app: Application) async throws {
        _ = try await app.importCSV(
            """
            partnership_id,partnership_name,type,purpose,membership_id,member_person_id,member_person_name,member_role_title,member_organisation_id,member_organisation_name,member_organisation_sector,role
            lcjb,Local Criminal Justice Board,lcjb,Joins up the justice system,lcjb-pcc,pcc,Named Commissioner,Police and Crime Commissioner,opcc,Office of the PCC,policing-governance,chair
            lcjb,,,,lcjb-officer,officer,Private Officer Name,Partnership Officer,opcc,Office of the PCC,policing-governance,secretariat
            private-group,Private Working Group,task-and-finish-group,Sensitive purpose,,,,,,,,
            """)
        _ = try await app.send(
            .POST, "/persons/pcc/edit",
            form:
                "name=Named+Commissioner&role_title=Police+and+Crime+Commissioner&organisation_key=opcc&public_office=yes"
        )
    }

    @Test func unpublishedPartnershipsAreNotFoundByThePublic() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)

            // Act
            let before = try await app.send(.GET, "/public/default/lcjb", signedIn: false)
            let published = try await app.send(.POST, "/partnerships/lcjb/publish", form: "")
            let page = try await app.send(.GET, "/public/default/lcjb", signedIn: false)
            let list = try await app.send(.GET, "/public", signedIn: false)
            let api = try await app.send(.GET, "/api/v1/public/partnerships/default/lcjb", signedIn: false)
            let hidden = try await app.send(.GET, "/public/default/private-group", signedIn: false)
            let hiddenAPI = try await app.send(
                .GET, "/api/v1/public/partnerships/default/private-group", signedIn: false)

            // Check
            #expect(before.status == .notFound)
            #expect(published.status == .seeOther)
            #expect(page.status == .ok)
            #expect(page.text.contains("Joins up the justice system"))
            #expect(page.text.contains("Named Commissioner"), "a person in public office is named")
            #expect(!page.text.contains("Private Officer Name"), "everyone else stays private")
            #expect(list.text.contains("Local Criminal Justice Board") && !list.text.contains("Private Working Group"))
            #expect(
                api.status == .ok && api.text.contains("Named Commissioner")
                    && !api.text.contains("Private Officer Name"))
            #expect(hidden.status == .notFound && !hidden.text.contains("Sensitive purpose"))
            #expect(hiddenAPI.status == .notFound)
        }
    }

    @Test func unpublishingTakesItOffAtOnce() async throws {
        try await withConveneApp { app in
            // Setup
            try await Self.setUp(app)
            _ = try await app.send(.POST, "/api/v1/partnerships/lcjb/publish", json: "{}")

            // Act
            let shown = try await app.send(.GET, "/api/v1/public/partnerships", signedIn: false)
            _ = try await app.send(.POST, "/api/v1/partnerships/lcjb/unpublish", json: "{}")
            let gone = try await app.send(.GET, "/public/default/lcjb", signedIn: false)

            // Check
            #expect(try shown.json()["total"] as? Int == 1)
            #expect(gone.status == .notFound)
        }
    }
}
