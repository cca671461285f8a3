import ConveneDomain
import Foundation
import Testing

/// PCC involvement, SROs and footprints of Combating Drugs Partnerships on small registers worked out by hand.
@Suite struct CDPAnalysesTests {
    static let today = Day("2026-11-23")!
    static let cleveland = "E23000013"
    static let humberside = "E23000012"

    /// Two force areas. Cleveland: a CDP whose SRO is the PCC, with a sub-group the PCC chairs, OPCC staff on it, and
    /// a line to a group the PCC convenes; a second CDP whose SRO is a Director of Public Health. Humberside: a CDP
    /// that only records its answers, reporting to a board the PCC chairs but did not set up.
    static func twoAreas() -> Register {
        let organisations = [
            Organisation(key: "opcc", name: "Office of the PCC", sector: .policingGovernance),
            Organisation(key: "police", name: "Police", sector: .police),
            Organisation(key: "council", name: "Council", sector: .localGovernment)
        ]
        let persons = [
            Person(key: "pcc", name: "PCC", roleTitle: "Police and Crime Commissioner", organisationKey: "opcc"),
            Person(
                key: "manager", name: "Partnership Manager", roleTitle: "Partnership Manager", organisationKey: "opcc"),
            Person(key: "dph", name: "DPH", roleTitle: "Director of Public Health", organisationKey: "council"),
            Person(key: "pcc-h", name: "PCC H", roleTitle: "Police and Crime Commissioner", organisationKey: "opcc")
        ]
        let partnerships = [
            Partnership(
                key: "cdp-1", name: "CDP one", type: .combatingDrugsPartnership, pccRoles: [.attends],
                forceAreaCode: cleveland),
            Partnership(key: "cdp-2", name: "CDP two", type: .combatingDrugsPartnership, forceAreaCode: cleveland),
            Partnership(key: "sub", name: "Treatment sub-group", type: .subGroup, forceAreaCode: cleveland),
            Partnership(
                key: "group", name: "Drugs group", type: .strategicBoard, pccRoles: [.convener],
                forceAreaCode: cleveland),
            Partnership(
                key: "cdp-h", name: "CDP H", type: .combatingDrugsPartnership, pccRoles: [.chair, .attends],
                forceAreaCode: humberside),
            Partnership(
                key: "board-h", name: "Board H", type: .strategicBoard, pccRoles: [.chair],
                forceAreaCode: humberside)
        ]
        let memberships = [
            Membership(key: "m-sro", partnershipKey: "cdp-1", personKey: "pcc", role: .sro),
            Membership(key: "m-staff", partnershipKey: "cdp-1", personKey: "manager"),
            Membership(key: "m-sub", partnershipKey: "sub", personKey: "pcc", role: .chair),
            Membership(key: "m-dph", partnershipKey: "cdp-2", personKey: "dph", role: .sro),
            Membership(
                key: "m-old", partnershipKey: "cdp-2", personKey: "pcc", role: .chair, endedOn: Day("2025-01-01")),
            Membership(key: "m-h", partnershipKey: "board-h", personKey: "pcc-h", role: .chair)
        ]
        let relations = [
            PartnershipRelation("sub", .subGroupOf, "cdp-1"),
            PartnershipRelation("cdp-1", .reportsTo, "group"),
            PartnershipRelation("cdp-h", .reportsTo, "board-h")
        ]
        return Register(
            organisations: organisations, persons: persons, partnerships: partnerships, memberships: memberships,
            relations: relations)
    }

    @Test func involvementComesFromMembershipsAndReportingLinesBeforeRecordedAnswers() throws {
        // Setup
        let register = Self.twoAreas()

        // Act
        let report = PCCInvolvement.run(register, on: Self.today)

        // Check
        let c = try #require(report.row(Self.cleveland))
        #expect(c.forceAreaName == "Cleveland" && c.cdps.map(\.key) == ["cdp-1", "cdp-2"])
        #expect(c.answer(.sro).evidence.map(\.membershipKey) == ["m-sro"])
        #expect(c.answer(.sro).source == .membership)
        #expect(c.answer(.overarchingGroup).source == .reportingLine)
        #expect(c.answer(.overarchingGroup).evidence.map(\.partnership.key) == ["group"])
        #expect(!c.answer(.chair).yes, "the PCC's chair of CDP two ended in 2025")
        #expect(c.answer(.subGroupChair).evidence.map(\.membershipKey) == ["m-sub"])
        #expect(c.answer(.attends).evidence.map(\.membershipKey) == ["m-staff"], "an SRO seat is not attending")
        #expect(c.answer(.attends).source == .membership)
        #expect(c.answer(.attendsSubGroups).evidence.map(\.partnership.key) == ["sub"])

        let h = try #require(report.row(Self.humberside))
        #expect(h.answer(.chair).source == .recordedAnswer)
        #expect(h.answer(.chair).evidence.map(\.recordedRoles) == [[.chair]])
        #expect(h.answer(.attends).yes)
        #expect(!h.answer(.overarchingGroup).yes, "chairing the board is not setting it up")
        #expect(!h.answer(.sro).yes && !h.answer(.subGroupChair).yes && !h.answer(.attendsSubGroups).yes)
        #expect(report.rows.map(\.forceAreaCode) == [Self.cleveland, Self.humberside])
        #expect(report.count(.attends) == 2 && report.count(.sro) == 1)
    }

    @Test func rolesAreGroupedAsTheReportsGroupThem() {
        // Setup
        typealias G = SeniorResponsibleOwners.Group
        let cases: [(String?, Sector?, G)] = [
            ("Police and Crime Commissioner", .policingGovernance, .pcc),
            ("Deputy Police and Crime Commissioner", .policingGovernance, .deputyPCC),
            ("Police, Fire and Crime Commissioner", .policingGovernance, .pfcc),
            ("Deputy Mayor of Greater Manchester", .policingGovernance, .deputyMayor),
            ("Deputy Mayor for Policing and Crime", nil, .deputyMayor),
            ("Deputy Mayor for Housing", .localGovernment, .other),
            ("Chief Inspector", .police, .police),
            ("Director of Public Health", .localGovernment, .directorOfPublicHealth),
            ("Head of Commissioning", .localGovernment, .other),
            (nil, .police, .police)
        ]

        // Act
        let groups = cases.map { G.of(title: $0.0, sector: $0.1) }

        // Check
        #expect(groups == cases.map(\.2))
    }

    @Test func srosAreCountedBySeatCDPAndHolder() {
        // Setup
        var register = Self.twoAreas()
        register.memberships.append(Membership(key: "m-h-sro", partnershipKey: "cdp-h", personKey: "pcc", role: .sro))

        // Act
        let report = SeniorResponsibleOwners.run(register, on: Self.today)
        let only = SeniorResponsibleOwners.run(register, on: Self.today, only: ["cdp-2"])

        // Check
        #expect(report.sros.map(\.membershipKey) == ["m-h-sro", "m-sro", "m-dph"])
        #expect(report.group(.pcc).seats == 2 && report.group(.pcc).cdps == 2 && report.group(.pcc).holders == 1)
        #expect(report.group(.pcc).share == 2.0 / 3.0)
        #expect(report.group(.directorOfPublicHealth).seats == 1)
        #expect(report.groups.map(\.group) == SeniorResponsibleOwners.Group.allCases)
        #expect(report.withoutSRO.isEmpty)
        #expect(only.sros.map(\.membershipKey) == ["m-dph"] && only.cdps.map(\.key) == ["cdp-2"])
    }

    /// West Mercia's geography, cut down: three unitary authorities and a county of two districts, in two ICBs.
    static func westMercia(_ footprints: [(String, [String])]) -> Register {
        let force = "E23000016"
        let districts = [
            ("E06000019", "Herefordshire, County of"), ("E06000051", "Shropshire"), ("E06000020", "Telford and Wrekin"),
            ("E07000234", "Bromsgrove"), ("E07000235", "Malvern Hills")
        ]
        let areas =
            [
                Area(code: force, name: "West Mercia", kind: .policeForceArea),
                Area(code: "E10000034", name: "Worcestershire", kind: .upperTierAuthority),
                Area(code: "E54000011", name: "NHS Shropshire, Telford and Wrekin ICB", kind: .integratedCareBoard),
                Area(code: "E54000066", name: "NHS Herefordshire and Worcestershire ICB", kind: .integratedCareBoard)
            ] + districts.map { Area(code: $0.0, name: $0.1, kind: .district, parentCode: force) }
        let links = [
            AreaLink(districtCode: "E07000234", areaCode: "E10000034"),
            AreaLink(districtCode: "E07000235", areaCode: "E10000034"),
            AreaLink(districtCode: "E06000051", areaCode: "E54000011"),
            AreaLink(districtCode: "E06000020", areaCode: "E54000011"),
            AreaLink(districtCode: "E06000019", areaCode: "E54000066"),
            AreaLink(districtCode: "E07000234", areaCode: "E54000066"),
            AreaLink(districtCode: "E07000235", areaCode: "E54000066")
        ]
        return Register(
            areas: areas, areaLinks: links,
            partnerships: footprints.map {
                Partnership(
                    key: $0.0, name: $0.0, type: .combatingDrugsPartnership, footprint: $0.1, forceAreaCode: force)
            })
    }

    @Test func anUpperTierAuthorityNoCDPReachesIsNamedWithItsCode() throws {
        // Setup
        let register = Self.westMercia([
            ("herefordshire-and-worcestershire", ["E06000019", "E10000034"]), ("shropshire", ["E06000051"]),
            ("bromsgrove", ["E07000234"])
        ])

        // Act
        let report = CDPFootprints.run(register)

        // Check
        let area = try #require(report.forceArea("E23000016"))
        #expect(area.uncovered.map(\.area.name) == ["Telford and Wrekin"])
        #expect(area.uncovered.map(\.area.code) == ["E06000020"])
        #expect(area.coveredMoreThanOnce.map(\.area.code) == ["E10000034"])
        #expect(area.coveredMoreThanOnce.first?.cdps.map(\.key) == ["bromsgrove", "herefordshire-and-worcestershire"])
        #expect(area.authorities.count == 4 && area.partlyCovered.isEmpty)
    }

    @Test func aFootprintIsCoterminousWithinOrAcrossICBs() throws {
        // Setup
        let register = Self.westMercia([
            ("herefordshire-and-worcestershire", ["E06000019", "E10000034"]), ("shropshire", ["E06000051"]),
            ("across", ["E06000051", "E06000019"]), ("nowhere", [])
        ])

        // Act
        let report = CDPFootprints.run(register)

        // Check
        #expect(report.cdp("herefordshire-and-worcestershire")?.fit.verdict == "coterminous")
        #expect(report.cdp("herefordshire-and-worcestershire")?.fit.boards.map(\.code) == ["E54000066"])
        #expect(report.cdp("shropshire")?.fit == .within(register.areas.first { $0.code == "E54000011" }!))
        #expect(report.cdp("across")?.fit.verdict == "crosses-icbs")
        #expect(report.cdp("across")?.fit.sentence.contains("NHS Shropshire, Telford and Wrekin ICB") == true)
        #expect(report.cdp("nowhere")?.fit == .unknown)
        let area = try #require(report.forceArea("E23000016"))
        #expect(area.withoutFootprint.map(\.key) == ["nowhere"])
        #expect(area.coveredMoreThanOnce.map(\.area.name) == ["Herefordshire, County of", "Shropshire"])
        #expect(area.uncovered.map(\.area.code) == ["E06000020"])
    }

    @Test func aCountyReachedThroughOneOfItsDistrictsIsPartlyCovered() throws {
        // Setup
        let register = Self.westMercia([("bromsgrove", ["E07000234"])])

        // Act
        let area = try #require(CDPFootprints.run(register).forceArea("E23000016"))

        // Check
        #expect(area.partlyCovered.map(\.area.code) == ["E10000034"])
        #expect(area.uncovered.count == 3)
    }
}
