import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Data-sharing agreements and requests through the pages: an agreement past its review date shows so on itself,
/// on each party's page and on the partnership it serves; a request past due is overdue in the log, whose figures
/// are the request analysis's.
@Suite struct SharingPagesTests {
    static let register = """
        partnership_id,partnership_name,type,membership_id,member_organisation_id,member_organisation_name,member_organisation_sector,role
        cdp,Combating Drugs Partnership,cdp,m1,council,County Council,local-government,member
        cdp,Combating Drugs Partnership,cdp,m2,police,Police Force,police,member
        """

    @Test func anAgreementPastItsReviewDateShowsSoWhereverItIsListed() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            let form =
                "title=Drug+harm+data&party_keys%5B%5D=council&party_keys%5B%5D=police&partnership_keys%5B%5D=cdp"
                + "&purpose=Needs+assessment&data_categories%5B%5D=personal&lawful_basis=public-task"
                + "&legal_gateway=Crime+and+Disorder+Act+1998%2C+section+115&dpia_on=2024-01-10&signed_on=2024-02-01"
                + "&review_on=2026-06-01&status=active"

            // Act
            let refused = try await app.send(
                .POST, "/sharing/agreements/new",
                form: form.replacingOccurrences(of: "&dpia_on=2024-01-10", with: "").replacingOccurrences(
                    of: "party_keys%5B%5D=police", with: "party_keys%5B%5D=nobody"))
            let made = try await app.send(.POST, "/sharing/agreements/new", form: form)
            let key = made.headers.first(name: .location)?.replacingOccurrences(of: "/sharing/agreements/", with: "")
            let page = try await app.send(.GET, "/sharing/agreements/\(key ?? "")")
            let party = try await app.send(.GET, "/organisations/police")
            let partnership = try await app.send(.GET, "/partnerships/cdp")
            let list = try await app.send(.GET, "/sharing")

            // Check: the suite's day is 16 June 2026, past the review date of 1 June.
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.text.contains("href=\"#dpia_on\"") && refused.text.contains("There is no organisation 'nobody'")
            )
            #expect(made.status == .seeOther && key == "drug-harm-data")
            for response in [page, party, partnership, list] {
                #expect(response.status == .ok && response.text.contains("Past its review date"))
            }
            #expect(party.text.contains("Data-sharing agreements (1)") && partnership.text.contains("Drug harm data"))
            #expect(try await Self.count(app) == 1)
        }
    }

    static func count(_ app: Application) async throws -> Int {
        try await AgreementRecord.query(on: app.db).count()
    }

    @Test func aRequestPastItsDueDayIsOverdueAndTheLogCountsIt() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)
            func request(_ what: String, asked: String, due: String) async throws -> String {
                let made = try await app.send(
                    .POST, "/sharing/requests/new",
                    form: "requester=organisation%3Acouncil&partner_key=police&what=\(what)&purpose=The+plan"
                        + "&gateway=Consent&asked_on=\(asked)&due_by=\(due)")
                #expect(made.status == .seeOther, "\(made.text.prefix(2000))")
                return made.headers.first(name: .location)?.replacingOccurrences(of: "/sharing/requests/", with: "")
                    ?? ""
            }
            let late = try await request("Arrests", asked: "2026-05-01", due: "2026-05-31")
            let answered = try await request("Stops", asked: "2026-05-01", due: "2026-05-31")
            let refusedAnswer = try await app.send(
                .POST, "/sharing/requests/\(answered)/answer", form: "answered_on=2026-05-11&outcome=refused")
            let answer = try await app.send(
                .POST, "/sharing/requests/\(answered)/answer",
                form: "answered_on=2026-05-11&outcome=refused&refusal_reason=No+gateway")

            // Act
            let log = try await app.send(.GET, "/sharing/requests")
            let page = try await app.send(.GET, "/sharing/requests/\(late)")

            // Check: one overdue, one answered in 10 days, refused: of the two now due, one on time.
            #expect(
                refusedAnswer.status == .unprocessableEntity && refusedAnswer.text.contains("Say why it was refused"))
            #expect(answer.status == .seeOther)
            #expect(page.text.contains("Overdue"))
            #expect(
                log.text.contains(
                    "<td>Police Force</td><td>2</td><td>1</td><td>1</td><td>10</td><td>50%</td><td>100%</td>"),
                "\(log.text)")
        }
    }

    @Test func aDeclarationIsKeptOnceAndShownOnEveryBoardTheMemberSitsOn() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(
                """
                partnership_id,partnership_name,type,membership_id,member_person_id,member_person_name,member_organisation_id,member_organisation_name,member_organisation_sector,role
                cdp,Combating Drugs Partnership,cdp,m1,lead,Partnership Lead,council,County Council,local-government,member
                csp,Community Safety Partnership,csp,m2,lead,Partnership Lead,council,County Council,local-government,member
                vrp,Violence Reduction Partnership,strategic-board,m3,other,Someone Else,police,Police Force,police,member
                """)

            // Act
            let refused = try await app.send(.POST, "/persons/lead/interests", form: "kind=directorship&matter=&from=x")
            let declared = try await app.send(
                .POST, "/persons/lead/interests",
                form: "kind=directorship&organisation_key=police&matter=Trustee+of+a+drug+charity&from=2025-01-01")
            let pages = try await ["cdp", "csp", "vrp"].asyncMap { try await app.send(.GET, "/partnerships/\($0)") }
            let person = try await app.send(.GET, "/persons/lead")

            // Check: refused with each field named; then on both boards the lead sits on, not on the third.
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("href=\"#matter\"") && refused.text.contains("href=\"#from\""))
            // The summary first, the title saying so, and what was given kept.
            #expect(refused.text.contains("<title>Error: Partnership Lead"))
            let summary = try #require(refused.text.range(of: "error-summary"))
            #expect(summary.lowerBound < (refused.text.range(of: "<h1")?.lowerBound ?? summary.lowerBound))
            #expect(
                refused.text.contains("value=\"x\"") && refused.text.contains("<option value=\"directorship\" selected")
            )
            #expect(declared.status == .seeOther)
            #expect(try await InterestRecord.query(on: app.db).count() == 1)
            #expect(
                pages[0].text.contains("Trustee of a drug charity")
                    && pages[1].text.contains("Trustee of a drug charity"))
            #expect(!pages[2].text.contains("Trustee of a drug charity"))
            #expect(pages[0].text.contains("Declared interests of its members (1)"))
            #expect(person.text.contains("Declared interests (1)") && person.text.contains("(Police Force)"))
        }
    }
}
