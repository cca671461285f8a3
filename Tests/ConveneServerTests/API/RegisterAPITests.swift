import ConveneDomain
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

@Suite struct RegisterAPITests {
    @Test func partnershipLifecycle() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(
                .POST, "/api/v1/organisations",
                json: #"{"key":"opcc","name":"Office of the PCC","sector":"policing-governance"}"#)

            // Act
            let created = try await app.send(
                .POST, "/api/v1/partnerships",
                json: """
                    {"key":"county-cdp","name":"County Combating Drugs Partnership","type":"cdp","pcc_roles":["sro","chair"],
                     "secretariat_key":"opcc","started_on":"2022-08-01","meeting_frequency":"quarterly"}
                    """)
            let fetched = try await app.send(.GET, "/api/v1/partnerships/county-cdp")
            let patched = try await app.send(
                .PATCH, "/api/v1/partnerships/county-cdp", json: #"{"purpose":"Deliver Harm to Hope locally"}"#)
            let listed = try await app.send(.GET, "/api/v1/partnerships?type=cdp&pcc_role=sro")
            let none = try await app.send(.GET, "/api/v1/partnerships?pcc_role=funder")
            let ended = try await app.send(
                .POST, "/api/v1/partnerships/county-cdp/end", json: #"{"ended_on":"2025-03-31"}"#)

            // Check
            #expect(created.status == .created)
            #expect(created.headers.first(name: .location) == "/api/v1/partnerships/county-cdp")
            let body = try fetched.json()
            #expect(body["name"] as? String == "County Combating Drugs Partnership")
            #expect(body["pcc_roles"] as? [String] == ["sro", "chair"])
            #expect(body["secretariat_key"] as? String == "opcc")
            #expect(body["status"] as? String == "active")
            #expect(try patched.json()["purpose"] as? String == "Deliver Harm to Hope locally")
            #expect(try patched.json()["meeting_frequency"] as? String == "quarterly")
            #expect(try listed.json()["total"] as? Int == 1)
            #expect(try none.json()["total"] as? Int == 0)
            #expect(try ended.json()["status"] as? String == "discontinued")
            #expect(try ended.json()["ended_on"] as? String == "2025-03-31")
        }
    }

    @Test func invalidRecordsGiveProblemDetailsWithFieldErrors() async throws {
        try await withConveneApp { app in
            // Setup
            let bad =
                #"{"key":"x","name":"","type":"cdp","started_on":"2024-05-01","ended_on":"2024-01-01","secretariat_key":"nobody"}"#

            // Act
            let response = try await app.send(.POST, "/api/v1/partnerships", json: bad)
            let unknownType = try await app.send(
                .POST, "/api/v1/partnerships", json: #"{"key":"y","name":"Y","type":"board"}"#)
            let notJSON = try await app.send(.POST, "/api/v1/partnerships", json: "{not json")
            let missing = try await app.send(.GET, "/api/v1/partnerships/nope")

            // Check
            #expect(response.status == .unprocessableEntity)
            #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let fields = Set((try response.json()["errors"] as? [[String: String]] ?? []).compactMap { $0["field"] })
            #expect(fields.isSuperset(of: ["name", "ended_on", "secretariat_key"]))
            #expect(unknownType.status == .unprocessableEntity, "\(unknownType.text)")
            #expect(unknownType.text.contains("expected one of cdp"))
            #expect(notJSON.status == .badRequest)
            #expect(missing.status == .notFound)
            #expect(try missing.json()["status"] as? Int == 404)
            #expect(try await app.send(.GET, "/api/v1/partnerships").json()["total"] as? Int == 0)
        }
    }

    @Test func reportingLinesCannotLoop() async throws {
        try await withConveneApp { app in
            // Setup
            for key in ["a", "b", "c"] {
                _ = try await app.send(
                    .POST, "/api/v1/partnerships",
                    json: #"{"key":"\#(key)","name":"Board \#(key)","type":"strategic-board"}"#)
            }
            let ab = try await app.send(
                .POST, "/api/v1/partnership-relations", json: #"{"from_key":"a","kind":"reports-to","to_key":"b"}"#)
            let bc = try await app.send(
                .POST, "/api/v1/partnership-relations", json: #"{"from_key":"b","kind":"sub-group-of","to_key":"c"}"#)

            // Act
            let ca = try await app.send(
                .POST, "/api/v1/partnership-relations", json: #"{"from_key":"c","kind":"reports-to","to_key":"a"}"#)
            let merged = try await app.send(
                .POST, "/api/v1/partnership-relations", json: #"{"from_key":"c","kind":"merged-into","to_key":"a"}"#)
            let listed = try await app.send(.GET, "/api/v1/partnership-relations?partnership=b")
            let deleted = try await app.send(.DELETE, "/api/v1/partnership-relations/a/reports-to/b")
            let blocked = try await app.send(.DELETE, "/api/v1/partnerships/c")

            // Check
            #expect(ab.status == .created && bc.status == .created)
            #expect(ca.status == .unprocessableEntity)
            #expect(ca.text.contains("loop"))
            #expect(merged.status == .created, "merged into is not a reporting line")
            #expect(try listed.json()["total"] as? Int == 2)
            #expect(deleted.status == .noContent)
            #expect(blocked.status == .conflict)
        }
    }

    @Test func membershipsTermsAndPeople() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(
                .POST, "/api/v1/organisations",
                json: #"{"key":"council","name":"County Council","sector":"local-government"}"#)
            _ = try await app.send(
                .POST, "/api/v1/persons",
                json:
                    #"{"key":"dph","name":"Director of Public Health","organisation_key":"council","seniority":"director","salary_band":95000}"#
            )
            _ = try await app.send(
                .POST, "/api/v1/persons",
                json: #"{"key":"deputy","name":"Deputy Director of Public Health","organisation_key":"council"}"#)
            _ = try await app.send(.POST, "/api/v1/partnerships", json: #"{"key":"cdp","name":"CDP","type":"cdp"}"#)

            // Act
            let member = try await app.send(
                .POST, "/api/v1/memberships",
                json:
                    #"{"key":"cdp-dph","partnership_key":"cdp","person_key":"dph","role":"sro","substitute_key":"deputy","started_on":"2023-01-01"}"#
            )
            let both = try await app.send(
                .POST, "/api/v1/memberships",
                json: #"{"key":"bad","partnership_key":"cdp","person_key":"dph","organisation_key":"council"}"#)
            let ended = try await app.send(
                .POST, "/api/v1/memberships/cdp-dph/end", json: #"{"ended_on":"2024-06-30"}"#)
            let current = try await app.send(.GET, "/api/v1/memberships?partnership=cdp&current=true")
            let terms1 = try await app.send(
                .POST, "/api/v1/partnerships/cdp/terms-of-reference",
                json: #"{"quorum":5,"approved_on":"2023-01-10","review_due":"2024-01-10"}"#)
            let terms2 = try await app.send(
                .POST, "/api/v1/partnerships/cdp/terms-of-reference", json: #"{"quorum":6}"#)
            let badTerms = try await app.send(
                .POST, "/api/v1/partnerships/cdp/terms-of-reference", json: #"{"quorum":0}"#)
            let personInUse = try await app.send(.DELETE, "/api/v1/persons/dph")

            // Check
            #expect(member.status == .created)
            #expect(try member.json()["voting_right"] as? Bool == false)
            #expect(both.status == .unprocessableEntity)
            #expect(try ended.json()["ended_on"] as? String == "2024-06-30")
            #expect(try current.json()["total"] as? Int == 0)
            #expect(try terms1.json()["version"] as? Int == 1)
            #expect(try terms2.json()["version"] as? Int == 2)
            #expect(badTerms.status == .unprocessableEntity)
            #expect(personInUse.status == .conflict)
        }
    }
}

@Suite struct APIBoundaryTests {
    /// Found by fuzzing: a huge page number overflowed the offset and stopped the server.
    @Test func hugePagesAndUnknownFiltersAreFieldErrors() async throws {
        try await withConveneApp { app in
            // Act
            let huge = try await app.send(.GET, "/api/v1/organisations?page=4611686018427387905&per_page=2")
            let zero = try await app.send(.GET, "/api/v1/partnerships?per_page=0")
            let unknownType = try await app.send(.GET, "/api/v1/partnerships?type=null")
            let unknownSector = try await app.send(.GET, "/api/v1/organisations?sector=banking")
            let lastPage = try await app.send(.GET, "/api/v1/persons?page=100000&per_page=500")
            let hugePage = try await app.send(.GET, "/partnerships?page=4611686018427387905")
            let people = try await app.send(.GET, "/persons?page=4611686018427387905")

            // Check
            #expect(huge.status == .unprocessableEntity)
            #expect(huge.text.contains("\"field\":\"page\""))
            #expect(zero.status == .unprocessableEntity)
            #expect(unknownType.status == .unprocessableEntity)
            #expect(unknownSector.status == .unprocessableEntity)
            #expect(lastPage.status == .ok)
            #expect(hugePage.status == .ok)
            #expect(people.status == .ok)
        }
    }

    @Test func duplicatesConflictAndRelationErrorsNameTheirField() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(.POST, "/api/v1/partnerships", json: #"{"key":"a","name":"A","type":"forum"}"#)

            // Act
            let again = try await app.send(
                .POST, "/api/v1/partnerships", json: #"{"key":"a","name":"A again","type":"forum"}"#)
            let dangling = try await app.send(
                .POST, "/api/v1/partnership-relations",
                json: #"{"from_key":"a","kind":"sub-group-of","to_key":"nowhere"}"#)

            // Check
            #expect(again.status == .conflict)
            #expect(dangling.status == .unprocessableEntity)
            #expect(dangling.text.contains("\"field\":\"to_key\""))
        }
    }
}
