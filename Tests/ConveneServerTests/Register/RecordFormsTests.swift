import ConveneDomain
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

@Suite struct RecordFormsTests {
    @Test func organisationsAndPeopleAreAddedAndChangedThroughForms() async throws {
        try await withConveneApp { app in
            // Act
            let noSector = try await app.send(.POST, "/organisations/new", form: "name=County+Council&sector=")
            let organisation = try await app.send(
                .POST, "/organisations/new", form: "name=County+Council&sector=local-government")
            let badSalary = try await app.send(
                .POST, "/persons/new", form: "name=Director+of+Public+Health&salary_band=lots")
            let person = try await app.send(
                .POST, "/persons/new",
                form:
                    "name=Director+of+Public+Health&role_title=DPH&organisation_key=county-council&seniority=director&salary_band=95%2C000"
            )
            let renamed = try await app.send(
                .POST, "/organisations/county-council/edit",
                form: "name=County+Council+(Public+Health)&sector=local-government")
            let page = try await app.send(.GET, "/persons/director-of-public-health")

            // Check
            #expect(noSector.status == .unprocessableEntity)
            #expect(noSector.text.contains("href=\"#sector\""))
            #expect(organisation.headers.first(name: .location) == "/organisations/county-council")
            #expect(badSalary.status == .unprocessableEntity)
            #expect(badSalary.text.contains("href=\"#salary_band\""))
            #expect(person.headers.first(name: .location) == "/persons/director-of-public-health")
            #expect(renamed.headers.first(name: .location) == "/organisations/county-council")
            #expect(page.text.contains("County Council (Public Health)"))
            #expect(
                try await app.send(.GET, "/api/v1/persons/director-of-public-health").json()["salary_band"] as? Int
                    == 95_000)
        }
    }

    @Test func membersAreAddedAndEndedThroughForms() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(
                .POST, "/api/v1/organisations", json: #"{"key":"police","name":"County Police","sector":"police"}"#)
            _ = try await app.send(
                .POST, "/api/v1/persons",
                json: #"{"key":"acc","name":"Assistant Chief Constable","organisation_key":"police"}"#)
            _ = try await app.send(
                .POST, "/api/v1/partnerships", json: #"{"key":"csp","name":"County CSP","type":"csp"}"#)

            // Act
            let both = try await app.send(
                .POST, "/partnerships/csp/members/new", form: "person_key=acc&organisation_key=police&role=member")
            let added = try await app.send(
                .POST, "/partnerships/csp/members/new",
                form: "person_key=acc&role=member&voting_right=yes&started_on=2023-04-01")
            let memberships = try await app.send(.GET, "/api/v1/memberships?partnership=csp")
            let key = (try memberships.json()["items"] as? [[String: Any]])?.first?["key"] as? String ?? ""
            let ended = try await app.send(
                .POST, "/partnerships/csp/members/\(key)/edit",
                form: "person_key=acc&role=member&voting_right=yes&started_on=2023-04-01&ended_on=2024-03-31")
            let page = try await app.send(.GET, "/partnerships/csp")

            // Check
            #expect(both.status == .unprocessableEntity)
            #expect(both.text.contains("href=\"#person_key\""))
            #expect(added.status == .seeOther)
            #expect((try memberships.json()["items"] as? [[String: Any]])?.first?["voting_right"] as? Bool == true)
            #expect(ended.status == .seeOther)
            #expect(page.text.contains("Members (0)"))
            #expect(page.text.contains("Past members (1)"))
        }
    }

    @Test func termsOfReferenceVersionsAreAddedThroughAForm() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(
                .POST, "/api/v1/partnerships",
                json: #"{"key":"lcjb","name":"Local Criminal Justice Board","type":"lcjb"}"#)

            // Act
            let backwards = try await app.send(
                .POST, "/partnerships/lcjb/terms-of-reference/new",
                form: "purpose=Oversight&quorum=5&approved_on=2024-05-01&review_due=2023-05-01")
            let first = try await app.send(
                .POST, "/partnerships/lcjb/terms-of-reference/new",
                form: "purpose=Oversight&quorum=5&approved_on=2024-05-01&review_due=2099-05-01")
            let form = try await app.send(.GET, "/partnerships/lcjb/terms-of-reference/new")

            // Check
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.text.contains("href=\"#review_due\""))
            #expect(first.status == .seeOther)
            #expect(form.text.contains("Add version 2"))
        }
    }
}
