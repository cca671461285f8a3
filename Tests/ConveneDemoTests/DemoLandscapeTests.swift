import Foundation
import Testing

@testable import ConveneDemo
@testable import ConveneDomain

@Suite("Demo landscape")
struct DemoLandscapeTests {
    /// Appendix B of the CDP deep dive, written out again here so that the test checks the demo
    /// against the report rather than against the demo's own table. Avon and Somerset's two rows
    /// (the PCC's and the police's answers) both say 5; Staffordshire is only in Appendix A.
    static let cdpCounts: [String: Int] = [
        "E23000018": 1, "E23000006": 4, "E23000009": 2, "E23000012": 3, "E23000030": 4, "E23000007": 1,
        "E23000031": 1, "E23000023": 1, "E23000011": 4, "E23000014": 1, "E23000017": 1, "E23000008": 1,
        "E23000005": 1, "E23000026": 1, "E23000039": 1, "E23000035": 4, "E23000025": 1, "E23000028": 1,
        "E23000036": 5, "E23000022": 1, "E23000002": 1, "E23000037": 1, "E23000016": 2, "E23000024": 1,
        "E23000033": 3, "E23000004": 5, "E23000027": 1, "E23000029": 5, "E23000010": 5, "E23000013": 1,
        "E23000020": 1, "E23000003": 3, "E23000032": 2, "E23000001": 31,
        "E23000015": 1
    ]

    /// Appendix A: the CDP, its SRO's role title, and the demo partnerships it names.
    static let sros: [(cdp: String, title: String, keys: [String])] = [
        ("Berkshire West", "Police and Crime Commissioner", ["berkshire-west-combating-drugs-partnership"]),
        (
            "Bath and Northeast Somerset", "Chief Inspector",
            ["bath-and-north-east-somerset-combating-drugs-partnership"]
        ),
        ("Bristol", "Superintendent and Police Commander", ["bristol-combating-drugs-partnership"]),
        ("Cambridgeshire and Peterborough", "Police and Crime Commissioner", ["cambridgeshire-high-harms-board"]),
        ("Cleveland", "Police and Crime Commissioner", ["cleveland-combating-drugs-partnership"]),
        ("Cumbria", "Police and Crime Commissioner", ["cumbria-combating-drugs-partnership"]),
        (
            "Darlington and Durham", "Police and Crime Commissioner",
            ["darlington-and-durham-combating-drugs-partnership"]
        ),
        (
            "Dorset, Bournemouth, Christchurch and Poole", "Police and Crime Commissioner",
            ["dorset-bournemouth-christchurch-and-poole-combating-drugs-partnership"]
        ),
        ("Gloucestershire", "Deputy Police and Crime Commissioner", ["gloucestershire-combating-drugs-partnership"]),
        (
            "Greater Manchester", "Deputy Mayor of Greater Manchester",
            ["greater-manchester-combating-drugs-partnership"]
        ),
        (
            "Herefordshire, Worcestershire, Shropshire and Telford", "Police and Crime Commissioner",
            [
                "herefordshire-and-worcestershire-combating-drugs-partnership",
                "shropshire-telford-and-wrekin-combating-drugs-partnership"
            ]
        ),
        ("Staffordshire", "Police, Fire and Crime Commissioner", ["staffordshire-combating-drugs-partnership"]),
        ("Warwickshire", "Deputy Police and Crime Commissioner", ["warwickshire-combating-drugs-partnership"]),
        ("West Midlands", "Police and Crime Commissioner", ["west-midlands-combating-drugs-and-alcohol-partnership"])
    ]

    /// People the reports name; the demo holds roles, never people.
    static let realNames = [
        "Roy McGregor", "Michael Richmond", "Jo Davison", "Cristina Turner", "Sarah Haywood",
        "Jim Haylett", "Marc Hole", "Sarah Keefe", "Sheena Jones", "Gareth Boulton", "Joy Allen",
        "David Sidwick", "Emily Orazzo", "Marcus Roberts", "Carol Black"
    ]

    private func relations(_ register: Register, _ kind: RelationKind, to key: String) -> [String] {
        register.relations.filter { $0.kind == kind && $0.toKey == key }.map(\.fromKey).sorted()
    }

    @Test func everyForceAreaHasAppendixBsNumberOfCDPs() throws {
        // Setup
        let register = try DemoLandscape.register()
        let forceOf = try DemoLandscape.forceAreaCodes()

        // Act
        var counts: [String: Int] = [:]
        for partnership in register.partnerships where partnership.type == .combatingDrugsPartnership {
            counts[forceOf[partnership.key] ?? "none", default: 0] += 1
        }

        // Check
        #expect(counts == Self.cdpCounts)
    }

    @Test func appendixACDPsHaveTheirSRO() throws {
        // Setup
        let register = try DemoLandscape.register()
        let persons = Dictionary(uniqueKeysWithValues: register.persons.map { ($0.key, $0) })
        let cdps = Set(register.partnerships.filter { $0.type == .combatingDrugsPartnership }.map(\.key))

        // Act
        var sroTitles: [String: [String]] = [:]
        for membership in register.memberships where membership.role == .sro {
            let title = membership.personKey.flatMap { persons[$0]?.roleTitle } ?? "?"
            sroTitles[membership.partnershipKey, default: []].append(title)
        }

        // Check
        for entry in Self.sros {
            for key in entry.keys {
                #expect(cdps.contains(key), "\(entry.cdp)")
                #expect(sroTitles[key] == [entry.title], "\(entry.cdp)")
            }
        }
        let cumbria = persons["police-and-crime-commissioner-for-cumbria"]
        #expect(cumbria?.name == "Police and Crime Commissioner for Cumbria")
        #expect(cumbria?.seniority == .electedOfficial)
        #expect(cumbria?.organisationKey == "office-of-the-police-and-crime-commissioner-for-cumbria")
    }

    @Test func theRegisterPassesEveryCheck() throws {
        // Setup
        var batch = ImportBatch()
        batch.register = try DemoLandscape.register()

        // Act
        let issues = RegisterCheck.issues(in: batch, known: .init())

        // Check
        #expect(issues.isEmpty, "\(issues.prefix(10))")
        #expect(batch.register.areas.filter { $0.kind == .policeForceArea }.count == 43)
    }

    @Test func namesNoRealPeopleAndMarksEverythingDemo() throws {
        // Setup
        let register = try DemoLandscape.register()

        // Act
        let text = String(decoding: try JSONEncoder().encode(register), as: UTF8.self).lowercased()

        // Check
        for name in Self.realNames { #expect(!text.contains(name.lowercased()), "\(name)") }
        #expect(register.partnerships.allSatisfy { $0.isDemo })
        #expect(register.persons.allSatisfy { $0.roleTitle != nil })
        #expect(Set(try DemoLandscape.forceAreaCodes().keys) == Set(register.partnerships.map(\.key)))
    }

    @Test func pccRolesFollowTheTables() throws {
        // Setup
        let register = try DemoLandscape.register()
        let byKey = Dictionary(uniqueKeysWithValues: register.partnerships.map { ($0.key, $0) })

        // Act
        let avon = byKey["avon-and-somerset-combating-drugs-partnership-3-of-5"]
        let bristol = byKey["bristol-combating-drugs-partnership"]
        let berkshire = byKey["berkshire-west-combating-drugs-partnership"]
        let otherThamesValley = byKey["thames-valley-combating-drugs-partnership-2-of-5"]
        let hampshire = byKey["hampshire-combating-drugs-partnership-1-of-4"]
        let northWales = byKey["north-wales-area-planning-board"]

        // Check
        #expect(avon?.pccRoles == [.attends])
        #expect(avon?.purpose?.contains("two answers for Avon and Somerset") == true)
        #expect(bristol?.pccRoles == [.attends])
        #expect(berkshire?.pccRoles == [.sro, .attends])
        #expect(otherThamesValley?.pccRoles == [.attends])
        #expect(hampshire?.pccRoles == [.attends, .overarchingGroup])
        #expect(
            byKey["dorset-bournemouth-christchurch-and-poole-combating-drugs-partnership"]?.pccRoles.contains(.sro)
                == true)
        #expect(northWales?.pccRoles == [.subGroupChair, .member, .attends])
        #expect(register.partnerships.filter { $0.type == .areaPlanningBoard }.count == 6)
    }

    @Test func workedStructuresAreWired() throws {
        // Setup
        let register = try DemoLandscape.register()
        let byKey = Dictionary(uniqueKeysWithValues: register.partnerships.map { ($0.key, $0) })

        // Act
        let mersey = relations(register, .reportsTo, to: "merseyside-regional-senior-operational-combating-drugs-group")
        let msppb = relations(register, .reportsTo, to: "merseyside-strategic-policing-and-partnership-board")
        let replaced = relations(register, .replacedBy, to: "humberside-lcjb-operations-board")
        let bedfordshire =
            relations(register, .subGroupOf, to: "bedfordshire-serious-harm-partnership-board")
            + relations(register, .reportsTo, to: "bedfordshire-serious-harm-partnership-board")
        let peninsula = relations(register, .reportsTo, to: "strategic-peninsular-drugs-alcohol-partnership")

        // Check
        #expect(
            mersey == [
                "knowsley-combating-drugs-partnership", "liverpool-combating-drugs-partnership",
                "sefton-combating-drugs-partnership", "st-helens-combating-drugs-partnership",
                "wirral-combating-drugs-partnership"
            ])
        #expect(
            msppb == [
                "merseyside-criminal-justice-board", "merseyside-regional-senior-operational-combating-drugs-group",
                "merseyside-violence-reduction-partnership"
            ])
        #expect(byKey["merseyside-strategic-policing-and-partnership-board"]?.meetingFrequency == .quarterly)
        #expect(
            relations(register, .reportsTo, to: "cambridgeshire-high-harms-board") == [
                "drug-and-alcohol-misuse-delivery-board"
            ])
        #expect(byKey["cambridgeshire-high-harms-board"]?.pccRoles.contains(.chair) == true)
        #expect(replaced.count == 3)
        #expect(replaced.allSatisfy { byKey[$0]?.status == .discontinued && byKey[$0]?.endedOn != nil })
        #expect(bedfordshire.count == 9)
        #expect(peninsula.count == 4)
        #expect(byKey["strategic-peninsular-drugs-alcohol-partnership"]?.meetingFrequency == .quarterly)
        let lincolnshire = byKey["safer-lincolnshire-partnership-drugs-and-alcohol-core-priority-group"]
        #expect(lincolnshire?.type == .combatingDrugsPartnership)
        #expect(byKey["safer-lincolnshire-partnership"]?.pccRoles == [.viceChair])
        #expect(byKey["surrey-community-safety-board"]?.status == .merged)
        #expect(byKey["surrey-strategic-community-safety-board"]?.status == .proposed)
    }

    @Test func westMerciasCDPsResolveToTheirICBFootprints() throws {
        // Setup
        let register = try DemoLandscape.register()
        let footprint =
            register.partnerships.first { $0.key == "herefordshire-and-worcestershire-combating-drugs-partnership" }?
            .footprint ?? []

        // Act
        let resolution = Footprint.resolve(footprint, areas: register.areas, links: register.areaLinks)

        // Check
        #expect(footprint == ["E06000019", "E10000034"])
        #expect(resolution.policeForceAreas.map(\.code) == ["E23000016"])
        #expect(resolution.unknownCodes.isEmpty)
    }
}

@Suite struct DemoCSVRoundTripTests {
    /// Exporting the demo to the office-sheet CSV and reading it back gives the same partnerships and memberships.
    @Test func theDemoSurvivesTheCSVLayout() throws {
        // Setup
        let demo = try DemoLandscape.register()

        // Act
        let batch = RegisterCSV.read(Data(RegisterCSV.write(demo).utf8))

        // Check
        #expect(batch.issues.isEmpty)
        #expect(batch.register.memberships.sorted { $0.key < $1.key } == demo.memberships.sorted { $0.key < $1.key })
        #expect(batch.register.partnerships.sorted { $0.key < $1.key } == demo.partnerships.sorted { $0.key < $1.key })
    }
}
