import ConveneDemo
import ConveneDomain
import Foundation
import Testing
import VaporTesting

@testable import ConveneServer

/// The CDP analyses on the reports' demo: the PCC involvement table against Appendix B of the CDP deep dive, the SROs
/// against its Appendix A, and their API, CLI outputs and pages.
@Suite struct CDPAnalysesServerTests {
    static let question = AnalysisQuestion(
        period: Period(from: TestClock.today.adding(days: -364), to: TestClock.today))

    /// Appendix B, typed from the report: force area, its code, the number of CDPs and the six columns (SRO or co-SRO,
    /// overarching group, chairs a CDP, chairs a sub-group, attends CDP meetings, attends sub-group meetings), "Y" for
    /// yes. Avon and Somerset is the PCC's response (the police's says SRO and chair too); the demo holds the PCC's.
    static let appendixB: [(String, String, Int, String)] = [
        ("Derbyshire", "E23000018", 1, "....Y."), ("Cheshire", "E23000006", 4, "....Y."),
        ("North Yorkshire", "E23000009", 2, "....YY"), ("Humberside", "E23000012", 3, "...YYY"),
        ("Hampshire", "E23000030", 4, ".Y..Y."), ("Northumbria", "E23000007", 1, "..Y.Y."),
        ("Surrey", "E23000031", 1, "....YY"), ("Cambridgeshire", "E23000023", 1, "Y.Y.YY"),
        ("South Yorkshire", "E23000011", 4, "....YY"), ("West Midlands", "E23000014", 1, "Y.Y.YY"),
        ("Warwickshire", "E23000017", 1, "Y.Y.YY"), ("Durham", "E23000008", 1, "Y.Y.Y."),
        ("Greater Manchester", "E23000005", 1, "Y.Y.Y."), ("Bedfordshire", "E23000026", 1, "....YY"),
        ("Dorset", "E23000039", 1, "..Y.YY"), ("Devon and Cornwall", "E23000035", 4, ".Y..Y."),
        ("Suffolk", "E23000025", 1, "....Y."), ("Essex", "E23000028", 1, "....Y."),
        ("Avon and Somerset", "E23000036", 5, "....Y."), ("Northamptonshire", "E23000022", 1, "....YY"),
        ("Cumbria", "E23000002", 1, "Y.Y.YY"), ("Gloucestershire", "E23000037", 1, "Y.Y.YY"),
        ("West Mercia", "E23000016", 2, "Y.Y.YY"), ("Norfolk", "E23000024", 1, "....YY"),
        ("Sussex", "E23000033", 3, "....Y."), ("Merseyside", "E23000004", 5, ".YY.Y."),
        ("Hertfordshire", "E23000027", 1, "..Y.Y."), ("Thames Valley", "E23000029", 5, "....Y."),
        ("West Yorkshire", "E23000010", 5, "Y...Y."), ("Cleveland", "E23000013", 1, "Y....."),
        ("Lincolnshire", "E23000020", 1, "....Y."), ("Lancashire", "E23000003", 3, "....Y."),
        ("Kent", "E23000032", 2, "....Y."), ("Metropolitan Police", "E23000001", 31, "Y...Y.")
    ]

    /// Where the report disagrees with itself: Appendix A names the PCC as the SRO of Dorset's CDP and of Berkshire
    /// West's (Thames Valley), and Appendix B leaves those areas' SRO column blank. The demo records Appendix A's SROs
    /// as memberships, which the register's evidence follows: force area and the PCC who holds the seat.
    static let appendixAOverB: [String: String] = [
        "E23000039": "police-and-crime-commissioner-for-dorset",
        "E23000029": "police-and-crime-commissioner-for-thames-valley"
    ]

    static let columns = ["sro", "overarching_group", "chair", "sub_group_chair", "attends", "attends_sub_groups"]

    static func analyse(_ analysis: Analysis, _ app: Application) async throws -> [String: Any] {
        let output = try await Tasks.analyse(analysis, question, on: app.db, now: TestClock.now)
        return try #require(try JSONSerialization.jsonObject(with: output.render(.json)) as? [String: Any])
    }

    @Test func involvementOnTheDemoReproducesAppendixB() async throws {
        try await withConveneApp { app in
            // Setup
            guard case .applied = try await ReportsDemo.load(on: app.db, today: TestClock.today) else {
                Issue.record("demo did not load")
                return
            }

            // Act
            let json = try await Self.analyse(.involvement, app)

            // Check
            let rows = try #require(json["force_areas"] as? [[String: Any]])
            let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
            #expect(Set(byCode.keys) == Set(Self.appendixB.map(\.1) + ["E23000015"]), "Staffordshire is only in A")
            for (name, code, cdps, answers) in Self.appendixB {
                let row = try #require(byCode[code], "\(name)")
                #expect(row["cdps"] as? Int == cdps, "\(name)")
                for (column, expected) in zip(Self.columns, answers) {
                    let answer = try #require(row[column] as? [String: Any])
                    let yes = answer["yes"] as? Bool
                    if column == "sro", let pcc = Self.appendixAOverB[code] {
                        let evidence = answer["evidence"] as? [[String: Any]] ?? []
                        #expect(yes == true && answer["source"] as? String == "membership", "\(name)")
                        #expect(evidence.map { $0["person"] as? String } == [pcc], "\(name)")
                    } else {
                        #expect(yes == (expected == "Y"), "\(name): \(column)")
                    }
                }
            }
            func source(_ code: String, _ column: String) -> String? {
                (byCode[code]?[column] as? [String: Any])?["source"] as? String
            }
            #expect(source("E23000035", "overarching_group") == "reporting-line", "Devon's peninsula partnership")
            #expect(source("E23000004", "overarching_group") == "recorded-answer", "Merseyside's group records it")
            #expect(source("E23000007", "chair") == "membership", "Northumbria's PCC chairs")
            #expect(source("E23000026", "attends_sub_groups") == "membership", "Bedfordshire's OPCC sits on them")
            #expect(source("E23000010", "sro") == "membership", "West Yorkshire's Deputy Mayor")
            #expect(source("E23000001", "sro") == "recorded-answer", "London's recorded SRO role")
        }
    }

    /// Appendix A's CDPs, by the demo's keys: twelve SROs from policing governance (one, West Mercia's PCC, for two
    /// CDPs) and two police officers.
    static let appendixA = [
        "berkshire-west-combating-drugs-partnership", "bath-and-north-east-somerset-combating-drugs-partnership",
        "bristol-combating-drugs-partnership", "cambridgeshire-high-harms-board",
        "cleveland-combating-drugs-partnership", "cumbria-combating-drugs-partnership",
        "darlington-and-durham-combating-drugs-partnership",
        "dorset-bournemouth-christchurch-and-poole-combating-drugs-partnership",
        "gloucestershire-combating-drugs-partnership", "greater-manchester-combating-drugs-partnership",
        "herefordshire-and-worcestershire-combating-drugs-partnership",
        "shropshire-telford-and-wrekin-combating-drugs-partnership", "staffordshire-combating-drugs-partnership",
        "warwickshire-combating-drugs-partnership", "west-midlands-combating-drugs-and-alcohol-partnership"
    ]

    @Test func srosOnTheDemoAreAppendixAs() async throws {
        try await withConveneApp { app in
            // Setup
            guard case .applied = try await ReportsDemo.load(on: app.db, today: TestClock.today) else {
                Issue.record("demo did not load")
                return
            }

            // Act
            let json = try await Self.analyse(.sros, app)

            // Check
            let sros = try #require(json["sros"] as? [[String: Any]])
            let inA = sros.filter {
                Self.appendixA.contains(($0["partnership"] as? [String: Any])?["id"] as? String ?? "")
            }
            let governance = inA.filter {
                ["pcc", "deputy-pcc", "pfcc", "deputy-mayor"].contains($0["group"] as? String)
            }
            let police = inA.filter { $0["group"] as? String == "police" }
            #expect(Set(inA.compactMap { ($0["partnership"] as? [String: Any])?["id"] as? String }).count == 15)
            #expect(Set(governance.compactMap { $0["person"] as? String }).count == 12)
            #expect(governance.count == 13)
            #expect(Set(police.compactMap { $0["person"] as? String }).count == 2)
            let groups = try #require(json["groups"] as? [[String: Any]])
            let seats = Dictionary(uniqueKeysWithValues: groups.map { ($0["id"] as! String, $0["seats"] as! Int) })
            #expect(
                seats == [
                    "pcc": 9, "deputy-pcc": 2, "pfcc": 1, "deputy-mayor": 6, "police": 3,
                    "director-of-public-health": 7, "other": 0
                ])
            #expect(json["cdps"] as? Int == 102 && json["seats"] as? Int == 28)
        }
    }

    @Test func theAPIAndThePagesShowTheCDPAnalyses() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await ReportsDemo.load(on: app.db, today: TestClock.today)

            // Act
            var api: [String: Any] = [:]
            for analysis in ["involvement", "sros", "footprints"] {
                api[analysis] = try await app.send(.GET, "/api/v1/analyses/\(analysis)").json()["analysis"]
            }
            let involvement = try await app.send(.GET, "/analysis/involvement")
            let sros = try await app.send(.GET, "/analysis/sros")
            let footprints = try await app.send(.GET, "/analysis/footprints")
            let index = try await app.send(.GET, "/analysis")
            let csv = try await app.send(.GET, "/analysis/involvement?format=csv")

            // Check
            #expect(api["involvement"] as? String == "involvement" && api["sros"] as? String == "sros")
            #expect(api["footprints"] as? String == "footprints")
            #expect(involvement.status == .ok && involvement.text.contains("PCC involvement in CDPs"))
            #expect(involvement.text.contains("href=\"#evidence-E23000013\""))
            #expect(involvement.text.contains("/partnerships/cleveland-combating-drugs-partnership#members"))
            #expect(involvement.text.contains("/persons/police-and-crime-commissioner-for-cleveland"))
            #expect(sros.status == .ok && sros.text.contains("Deputy Mayor of Greater Manchester"))
            #expect(sros.text.contains("/partnerships/staffordshire-combating-drugs-partnership"))
            #expect(footprints.status == .ok && footprints.text.contains("Bath and North East Somerset (E06000022)"))
            for path in ["/analysis/involvement", "/analysis/sros", "/analysis/footprints"] {
                #expect(index.text.contains("href=\"\(path)\""), "\(path)")
            }
            #expect(csv.body.string.hasPrefix("force_area_id,force_area,cdps,sro,overarching_group,chair,"))
        }
    }
}

/// Footprints against the shared ONS lookups: West Mercia's two CDPs as the demo records them leave Telford and
/// Wrekin to no CDP; one is the ICB's footprint, the other lies inside an ICB that also covers Telford.
@Suite(.enabled(if: Fixtures.haveLookups, "needs the ONS lookups in ../shared/data/geography"))
struct CDPFootprintsServerTests {
    @Test func aForceAreaWithAnUncoveredCouncilAndTheICBVerdicts() async throws {
        try await withConveneApp { app in
            // Setup
            _ = try await Tasks.importGeography(
                try Fixtures.lookups.map(Fixtures.geographyFile), dryRun: false, on: app.db)
            for (key, footprint) in [("hw-cdp", #"["E06000019","E10000034"]"#), ("shropshire-cdp", #"["E06000051"]"#)] {
                let created = try await app.send(
                    .POST, "/api/v1/partnerships",
                    json: """
                        {"key":"\(key)","name":"\(key)","type":"cdp","force_area_code":"E23000016",
                         "footprint":\(footprint)}
                        """)
                #expect(created.status == .created)
            }

            // Act
            let json = try await app.send(.GET, "/api/v1/analyses/footprints").json()
            let page = try await app.send(.GET, "/partnerships/hw-cdp")
            let landscape = try await app.send(.GET, "/landscape?force_area=E23000016")

            // Check
            let areas = try #require(json["force_areas"] as? [[String: Any]])
            let mercia = try #require(areas.first { $0["id"] as? String == "E23000016" })
            let uncovered = mercia["uncovered"] as? [[String: String]]
            #expect(uncovered == [["code": "E06000020", "name": "Telford and Wrekin"]])
            #expect((mercia["covered_more_than_once"] as? [Any])?.isEmpty == true)
            let cdps = try #require(json["partnerships"] as? [[String: Any]])
            let fit = Dictionary(uniqueKeysWithValues: cdps.map { ($0["id"] as! String, $0["icb_fit"] as! String) })
            #expect(fit == ["hw-cdp": "coterminous", "shropshire-cdp": "within-one-icb"])
            let footprint = page.text.components(separatedBy: "id=\"footprint\"").last ?? ""
            #expect(footprint.contains("Against the ICB boundaries"))
            #expect(footprint.contains("Coterminous with NHS Herefordshire and Worcestershire Integrated Care Board"))
            // The force area's landscape says the same of its CDPs.
            let area = landscape.text.components(separatedBy: "id=\"cdp-footprints\"").last ?? ""
            #expect(landscape.status == .ok && area.contains("Telford and Wrekin (E06000020)"))
            #expect(area.contains("Coterminous with NHS Herefordshire and Worcestershire Integrated Care Board"))
        }
    }
}
