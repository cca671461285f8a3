import ConveneDemo
import ConveneDomain
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

@Suite struct RegisterPagesTests {
    /// Appendix B's force areas (ONS code → CDPs) and Appendix A's SROs, from the report itself.
    static let appendixB: [String: Int] = [
        "E23000018": 1, "E23000006": 4, "E23000009": 2, "E23000012": 3, "E23000030": 4, "E23000007": 1,
        "E23000031": 1, "E23000023": 1, "E23000011": 4, "E23000014": 1, "E23000017": 1, "E23000008": 1,
        "E23000005": 1, "E23000026": 1, "E23000039": 1, "E23000035": 4, "E23000025": 1, "E23000028": 1,
        "E23000036": 5, "E23000022": 1, "E23000002": 1, "E23000037": 1, "E23000016": 2, "E23000024": 1,
        "E23000033": 3, "E23000004": 5, "E23000027": 1, "E23000029": 5, "E23000010": 5, "E23000013": 1,
        "E23000020": 1, "E23000003": 3, "E23000032": 2, "E23000001": 31
    ]
    static let appendixASROs = [
        "Police and Crime Commissioner", "Chief Inspector", "Superintendent and Police Commander",
        "Deputy Police and Crime Commissioner", "Deputy Mayor of Greater Manchester",
        "Police, Fire and Crime Commissioner"
    ]

    @Test func theOverviewListsEveryAppendixBForceAreaAndTheCDPSROs() async throws {
        try await withConveneApp { app in
            // Setup
            guard case .applied = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)
            else { Issue.record("demo did not load"); return }

            // Act
            let page = try await app.send(.GET, "/")

            // Check
            #expect(page.status == .ok)
            for (code, cdps) in Self.appendixB {
                let name = PoliceForceAreas.area(code: code)?.name ?? code
                #expect(page.text.contains("/partnerships?force_area=\(code)"), "\(name) is listed")
                let api = try await app.send(.GET, "/api/v1/partnerships?type=cdp&force_area=\(code)")
                #expect(try api.json()["total"] as? Int == cdps, "\(name) has \(cdps) CDPs")
            }
            // The SRO table has a row per Appendix A CDP (West Mercia's SRO covers two) with the SRO's role.
            let sroTable = page.text.components(separatedBy: "id=\"sros\"").last ?? ""
            let rows = sroTable.components(separatedBy: "<tr>").dropFirst(2)
            #expect(rows.count >= 15)
            for title in Self.appendixASROs {
                #expect(sroTable.contains(title.replacingOccurrences(of: ",", with: ",")))
            }
            for cdp in [
                "Berkshire West", "Bristol", "Bath and North East Somerset", "Cambridgeshire", "Cleveland", "Cumbria",
                "Darlington and Durham", "Dorset, Bournemouth, Christchurch and Poole", "Gloucestershire",
                "Greater Manchester", "Herefordshire and Worcestershire", "Shropshire, Telford and Wrekin",
                "Staffordshire", "Warwickshire", "West Midlands"
            ] {
                #expect(sroTable.contains(cdp), "\(cdp) is in the SRO table")
            }
            #expect(page.text.contains("demo data"))
        }
    }

    @Test func partnershipPagesShowMembersStructureAndTerms() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)
            let demo = try DemoLandscape.register()
            let child = try #require(demo.relations.first { $0.kind == .reportsTo })
            let parent = try #require(demo.partnerships.first { $0.key == child.toKey })

            // Act
            let page = try await app.send(.GET, "/partnerships/\(child.fromKey)")
            let parentPage = try await app.send(.GET, "/partnerships/\(parent.key)")
            let missing = try await app.send(.GET, "/partnerships/no-such-board")

            // Check
            #expect(page.status == .ok)
            #expect(page.text.contains("Reports up to"))
            #expect(page.text.contains("href=\"/partnerships/\(parent.key)\""))
            #expect(parentPage.text.contains("href=\"/partnerships/\(child.fromKey)\""), "the parent lists it below")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Page not found"))
        }
    }

    @Test func termsOfReferenceShowAReviewDueTag() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(
                .POST, "/api/v1/partnerships", json: #"{"key":"board","name":"Board","type":"strategic-board"}"#)
            _ = try await app.send(
                .POST, "/api/v1/partnerships/board/terms-of-reference",
                json: #"{"quorum":4,"approved_on":"2021-01-01","review_due":"2022-01-01"}"#)

            // Act
            let page = try await app.send(.GET, "/partnerships/board")

            // Check
            #expect(page.text.contains("Review due"))
            #expect(page.text.contains("1 January 2022"))
        }
    }

    @Test func theFormListsEveryErrorAndLinksToItsField() async throws {
        try await withConveneApp { app in
            // Setup
            let blank = try await app.send(.GET, "/partnerships/new")

            // Act
            let bad = try await app.send(
                .POST, "/partnerships/new", form: "name=&type=&status=active&started_on=31%2F02%2F2024")
            let good = try await app.send(
                .POST, "/partnerships/new",
                form:
                    "name=Safer+County+Partnership&type=csp&status=active&pcc_roles%5B%5D=member&pcc_roles%5B%5D=funder&themes=drugs%2C+violence"
            )
            let page = try await app.send(.GET, "/partnerships/safer-county-partnership")

            // Check
            #expect(blank.status == .ok)
            #expect(blank.text.contains("<label for=\"name\""))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("There is a problem"))
            #expect(bad.text.contains("href=\"#name\""))
            #expect(bad.text.contains("href=\"#type\""))
            #expect(bad.text.contains("href=\"#started_on\""))
            #expect(bad.text.contains("<title>Error: "))
            #expect(good.status == .seeOther)
            #expect(good.headers.first(name: .location) == "/partnerships/safer-county-partnership")
            #expect(page.text.contains("Funder"))
            #expect(page.text.contains("drugs, violence"))
        }
    }

    @Test func editingCannotMakeReportingLinesLoop() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(
                .POST, "/api/v1/partnerships", json: #"{"key":"top","name":"Top Board","type":"strategic-board"}"#)
            _ = try await app.send(
                .POST, "/api/v1/partnerships", json: #"{"key":"low","name":"Low Group","type":"sub-group"}"#)
            _ = try await app.send(
                .POST, "/partnerships/low/edit", form: "name=Low+Group&type=sub-group&status=active&sub_group_of=top")

            // Act
            let looping = try await app.send(
                .POST, "/partnerships/top/edit",
                form: "name=Top+Board&type=strategic-board&status=active&reports_to=low")
            let relations = try await app.send(.GET, "/api/v1/partnership-relations")

            // Check
            #expect(looping.status == .unprocessableEntity)
            #expect(looping.text.contains("loop"))
            #expect(try relations.json()["total"] as? Int == 1)
        }
    }

    @Test func listFiltersSortsAndPages() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)

            // Act
            let cdps = try await app.send(.GET, "/partnerships?type=cdp&sort=name&order=desc")
            let searched = try await app.send(.GET, "/partnerships?q=High+Harms")
            let second = try await app.send(.GET, "/partnerships?page=2")

            // Check
            #expect(cdps.status == .ok)
            #expect(cdps.text.contains("(sorted descending)"))
            #expect(!cdps.text.contains("High Harms Board") || cdps.text.contains("Combating Drugs"))
            #expect(searched.text.contains("Cambridgeshire High Harms Board"))
            #expect(searched.text.contains("Showing 1 to 1 of 1"))
            #expect(second.text.contains("Previous page"))
        }
    }

    @Test func organisationAndPersonPagesKeepPastMemberships() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await app.send(
                .POST, "/api/v1/organisations",
                json: #"{"key":"probation","name":"Probation Service","sector":"probation"}"#)
            _ = try await app.send(
                .POST, "/api/v1/persons",
                json: #"{"key":"head","name":"Head of Probation Delivery","organisation_key":"probation"}"#)
            _ = try await app.send(
                .POST, "/api/v1/partnerships",
                json: #"{"key":"rrb","name":"Reducing Reoffending Board","type":"reducing-reoffending-board"}"#)
            _ = try await app.send(
                .POST, "/api/v1/partnerships", json: #"{"key":"old","name":"Old Reoffending Group","type":"sub-group"}"#
            )
            _ = try await app.send(
                .POST, "/api/v1/memberships",
                json:
                    #"{"key":"m1","partnership_key":"rrb","person_key":"head","represents_key":"probation","role":"chair"}"#
            )
            _ = try await app.send(
                .POST, "/api/v1/memberships",
                json:
                    #"{"key":"m2","partnership_key":"old","person_key":"head","represents_key":"probation","started_on":"2019-01-01","ended_on":"2021-12-31"}"#
            )

            // Act
            let organisation = try await app.send(.GET, "/organisations/probation")
            let person = try await app.send(.GET, "/persons/head")
            let lists = try await app.send(.GET, "/organisations?q=Probation")

            // Check
            for page in [organisation, person] {
                #expect(page.status == .ok)
                #expect(page.text.contains("Reducing Reoffending Board"))
                #expect(page.text.contains("Past memberships"))
                #expect(page.text.contains("Old Reoffending Group"))
                #expect(page.text.contains("Ended"))
            }
            #expect(lists.text.contains("Probation Service"))
        }
    }

    @Test func theLandscapePictureUsesGraphvizAndTheListStandsInWhenItCannot() async throws {
        // Setup
        let dot = Graphviz.find()
        try await withConveneApp(dotPath: "/nonexistent/dot") { app in
            _ = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)

            // Act
            let page = try await app.send(.GET, "/landscape")

            // Check
            #expect(page.status == .ok)
            #expect(page.text.contains("apt-get install graphviz"))
            #expect(page.text.contains("class=\"tree\""))
            #expect(!page.text.contains("<svg"))
        }
        try await withConveneApp(dotPath: dot) { app in
            _ = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)

            // Act
            let page = try await app.send(.GET, "/landscape?force_area=E23000004")

            // Check
            #expect(dot != nil, "scripts/test installs Graphviz")
            #expect(page.text.contains("<svg"))
            #expect(page.text.contains("/partnerships/merseyside-strategic-policing-and-partnership-board"))
            #expect(page.text.contains("class=\"tree\""))
        }
        // A dot that fails draws nothing, and the page still gives the structure as a list.
        try await withConveneApp(dotPath: "/bin/false") { app in
            _ = try await ReportsDemo.load(on: app.db, today: Day(year: 2026, month: 3, day: 2)!)

            // Act
            let page = try await app.send(.GET, "/landscape?force_area=E23000004")

            // Check
            #expect(page.status == .ok)
            #expect(page.text.contains("Graphviz could not lay out this picture"))
            #expect(!page.text.contains("<svg"))
            #expect(page.text.contains("/partnerships/merseyside-strategic-policing-and-partnership-board"))
            #expect(page.text.contains("class=\"tree\""))
        }
    }
}

@Suite struct SecurityHeadersTests {
    @Test func everyResponseForbidsInlineScriptFramingAndSniffing() async throws {
        try await withConveneApp { app in
            for path in [
                "/", "/partnerships", "/no-such-page", "/api/v1/partnerships", "/api/v1/nope", "/assets/convene.css"
            ] {
                // Act
                let response = try await app.send(.GET, path)

                // Check
                let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(path)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
            }
        }
    }
}
