import ConveneDomain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// Funding streams: made from the form, refused with every bad field named, split between the partnerships they
/// serve, set beside the meetings' cost, and their reporting dates on the task list and in the calendar feeds.
@Suite struct FundingTests {
    static let register = """
        partnership_id,partnership_name,type,membership_id,member_organisation_id,member_organisation_name,member_organisation_sector,role
        cdp,Combating Drugs Partnership,cdp,m1,council,County Council,local-government,member
        csp,Community Safety Partnership,csp,m2,pcc,Office of the Police and Crime Commissioner,policing-governance,member
        """

    /// £100,000.01 for 2026-27 from the commissioner's office to the council, for both partnerships.
    static let form =
        "funder=pcc&recipient_key=council&partnership_keys%5B%5D=cdp&partnership_keys%5B%5D=csp"
        + "&purpose=Initial+resource&year_1=2026-27&amount_1=%C2%A3100%2C000.01&reporting_dates=2026-09-30"

    @Test func aStreamFromTheFormIsSplitSetBesideTheMeetingsCostAndItsReportIsATask() async throws {
        try await withConveneApp { app in
            _ = try await app.importCSV(Self.register)

            // Act
            let refused = try await app.send(
                .POST, "/funding/new",
                form: "funder=nobody&recipient_key=council&purpose=&year_1=2026&amount_1=lots&reporting_dates=soon")
            let made = try await app.send(.POST, "/funding/new", form: Self.form)
            let key = made.headers.first(name: .location)?.replacingOccurrences(of: "/funding/", with: "") ?? ""
            let page = try await app.send(.GET, "/funding")
            let analysis = try await app.send(.GET, "/api/v1/analyses/funding")
            let cost = try await app.send(.GET, "/api/v1/analyses/cost?from=2026-04-01&to=2027-03-31")
            let milestones = try await app.send(.GET, "/partnerships/cdp/milestones")
            let feed = try await app.send(
                .POST, "/calendar/feeds", form: "kind=partnership&partnership_key=cdp&include_actions=yes")
            let address = feed.text.components(separatedBy: "/feeds/").dropFirst().first.map {
                String($0.prefix { $0 != "\"" && $0 != "<" })
            }
            let calendar = try await app.send(.GET, "/feeds/\(address ?? "")", signedIn: false)
            let edited = try await app.send(
                .POST, "/funding/\(key)/edit", form: Self.form.replacingOccurrences(of: "Initial", with: "First"))

            // Check: every bad field named, nothing made.
            #expect(refused.status == .unprocessableEntity)
            for field in ["year_1", "reporting_dates", "purpose", "partnership_keys"] {
                #expect(refused.text.contains("href=\"#" + field + "\""), "\(field)")
            }
            #expect(made.status == .seeOther && key == "initial-resource")
            #expect(page.status == .ok && page.text.contains("£100,000.01") && page.text.contains("<svg"))
            // The penny left over goes to the partnership listed first; the meetings' cost is the cost audit's.
            let json = try analysis.json()
            #expect(json["money_in_pence"] as? Int == 10_000_001)
            let partnerships = try #require(json["partnerships"] as? [[String: Any]])
            #expect(partnerships.map { $0["partnership"] as? String } == ["cdp", "csp"])
            #expect(partnerships.map { $0["money_in_pence"] as? Int } == [5_000_001, 5_000_000])
            let costs = try #require(try cost.json()["partnerships"] as? [[String: Any]])
            let cdpCost = costs.first { $0["id"] as? String == "cdp" }?["total_pence"] as? Int ?? 0
            #expect(partnerships[0]["meeting_cost_pence"] as? Int == cdpCost)
            #expect(milestones.text.contains("Report to the funder: Initial resource"))
            #expect(calendar.status == .ok && calendar.text.contains("SUMMARY:Report to the funder: Initial resource"))
            #expect(calendar.text.contains("DUE;VALUE=DATE:20260930"), "\(calendar.text.suffix(800))")
            #expect(edited.status == .seeOther)
            let stream = try await app.send(.GET, "/api/v1/funding-streams/\(key)")
            #expect(try stream.json()["purpose"] as? String == "First resource")
        }
    }
}
