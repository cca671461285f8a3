import Foundation
import Testing

@testable import ConveneDomain

// The real ONS lookups live outside the repository; tests that need them are skipped where they are absent.
private let geographyFolder = "/work/shared/data/geography/"
private let cspFile = "lad24_csp24_pfa24_ew.csv"
private let upperTierFile = "ltla23_utla23_ew.csv"
private let icbFile = "lad24_icb24_en_from_lsoa21.csv"
private let haveLookups = [cspFile, upperTierFile, icbFile].allSatisfy {
    FileManager.default.fileExists(atPath: geographyFolder + $0)
}

private func readLookup(_ name: String) throws -> ImportBatch {
    let data = try Data(contentsOf: URL(fileURLWithPath: geographyFolder + name))
    return ONSLookup.read(data)
}

private func allLookups() throws -> ImportBatch {
    ONSLookup.merge([try readLookup(cspFile), try readLookup(upperTierFile), try readLookup(icbFile)])
}

private func read(_ text: String) -> ImportBatch {
    ONSLookup.read(Data(text.utf8))
}

@Suite("Geography")
struct GeographyTests {
    @Test func builtInForceAreasAreTheFortyThree() {
        // Setup
        let areas = PoliceForceAreas.all

        // Act
        let codes = Set(areas.map(\.code))

        // Check
        #expect(areas.count == 43)
        #expect(codes.count == 43)
        #expect(codes.filter { $0.hasPrefix("E23") }.count == 39)
        #expect(codes.filter { $0.hasPrefix("W15") }.count == 4)
        #expect(areas.allSatisfy { $0.kind == .policeForceArea && $0.parentCode == nil && $0.validate().isEmpty })
        #expect(PoliceForceAreas.area(code: "E23000035")?.name == "Devon & Cornwall")
        #expect(PoliceForceAreas.displayName(of: PoliceForceAreas.area(code: "E23000034")!) == "City of London")
    }

    @Test(.enabled(if: haveLookups)) func builtInForceAreasMatchTheONSList() throws {
        // Setup
        let table = try CSV.read(try Data(contentsOf: URL(fileURLWithPath: geographyFolder + "pfa24_list_ew.csv")))

        // Act
        let listed = table.rows.map { "\($0.fields[0])|\($0.fields[1])" }

        // Check
        #expect(listed == PoliceForceAreas.all.map { "\($0.code)|\($0.name)" })
    }

    @Test(arguments: [
        ("LAD19CD", "lad", ONSLookup.Header.Level.district, 19, true),
        ("LAD24NM", "lad", .district, 24, false),
        ("ltla24_code", "ltla", .district, 24, true),
        ("utla23_name", "utla", .upperTier, 23, false),
        ("CTYUA21CD", "ctyua", .upperTier, 21, true),
        ("CTY19NM", "cty", .upperTier, 19, false),
        ("CSP24CD", "csp", .communitySafetyPartnership, 24, true),
        ("PFA24CD", "pfa", .policeForce, 24, true),
        ("icb24_code", "icb", .integratedCareBoard, 24, true),
        ("SICBL24CD", "sicbl", .ignored, 24, true),
        ("LHB22NM", "lhb", .healthBoard, 22, false),
        ("RGN21CD", "rgn", .region, 21, true),
        ("CTRY22CD", "ctry", .country, 22, true)
    ])
    func recognisesHeadersOfAnyVintage(
        header: String, prefix: String, level: ONSLookup.Header.Level, year: Int, isCode: Bool
    ) {
        // Setup
        let expected = ONSLookup.Header(prefix: prefix, level: level, year: year, isCode: isCode)

        // Act
        let found = ONSLookup.header(header)

        // Check
        #expect(found == expected)
    }

    @Test(arguments: [
        "icb24_code_nhs", "n_lsoa21", "FID", "ObjectId", "share_lsoa", "LAD24NMW", "LADCD", "lad2cd", "lad+4cd"
    ])
    func ignoresOtherHeaders(header: String) {
        // Setup
        let text = " \(header) "

        // Act
        let found = ONSLookup.header(text)

        // Check
        #expect(found == nil)
    }

    @Test func readsAnOlderVintageWithUnitaryAuthorities() {
        // Setup
        let text = """
            FID,LAD19CD,LAD19NM,UTLA19CD,UTLA19NM,ObjectId
            1,E07000234,Bromsgrove,E10000034,Worcestershire,11
            2,E07000235,Malvern Hills,E10000034,Worcestershire,12
            3,E06000019,"Herefordshire, County of",E06000019,"Herefordshire, County of",13
            """

        // Act
        let batch = read(text)

        // Check
        #expect(batch.issues.isEmpty)
        let areas = Dictionary(uniqueKeysWithValues: batch.register.areas.map { ($0.code, $0) })
        #expect(areas.count == 4)
        #expect(areas["E06000019"]?.kind == .district)
        #expect(areas["E06000019"]?.name == "Herefordshire, County of")
        #expect(areas["E10000034"]?.kind == .upperTierAuthority)
        #expect(areas["E07000234"]?.kind == .district)
        #expect(
            batch.register.areaLinks == [
                AreaLink(districtCode: "E07000234", areaCode: "E10000034"),
                AreaLink(districtCode: "E07000235", areaCode: "E10000034")
            ])
        #expect(batch.origins[RecordOrigin(.area, "E06000019")] == "row 4")
    }

    @Test func reportsMalformedRows() {
        // Setup
        let text = """
            lad24cd,lad24nm,pfa24cd,pfa24nm,share_lsoa
            E0700023,Bromsgrove,E23000016,West Mercia,1
            ,Nowhere,E23000016,West Mercia,1
            E07000234,Bromsgrove,E23000016,West Mercia,half
            E07000234,Bromsgrove District,E23000016,West Mercia,1
            E07000235,Malvern Hills,X23000016,West Mercia,1
            E07000236,Redditch,E23000016,West Mercia,1.5
            """

        // Act
        let batch = read(text)

        // Check
        #expect(batch.issues.map(\.location) == ["row 2", "row 3", "row 4", "row 5", "row 6", "row 7"])
        #expect(batch.issues.map(\.field) == ["lad24cd", "lad24cd", "share_lsoa", "lad24nm", "pfa24cd", "share_lsoa"])
        #expect(batch.issues[0].message.contains("'E0700023' is not an ONS code"))
        #expect(batch.issues[3].message.contains("row 4"))
        let codes = batch.register.areas.map(\.code).sorted()
        #expect(codes == ["E07000234", "E07000235", "E07000236", "E23000016"])
        // A district still joins its force when the share is unreadable; the bad force code is not guessed.
        #expect(batch.register.areas.first { $0.code == "E07000234" }?.parentCode == "E23000016")
        #expect(batch.register.areas.first { $0.code == "E07000235" }?.parentCode == nil)
        #expect(batch.register.areaLinks.first { $0.districtCode == "E07000234" }?.share == nil)
    }

    @Test func namesFilesItCannotUseAsWarnings() {
        // Setup
        let unrecognised = "name,code\nWest Mercia,E23000016\n"
        let notUTF8 = Data([0x6C, 0x61, 0x64, 0x32, 0x34, 0x63, 0x64, 0x0A, 0xFF, 0xFE, 0x0A])

        // Act
        let first = read(unrecognised)
        let second = ONSLookup.read(notUTF8)

        // Check
        #expect(first.issues.isEmpty && second.issues.isEmpty)
        #expect(first.warnings.map(\.location) == ["file"])
        #expect(first.warnings.first?.message.contains("This file has no ONS area columns, so it was left out") == true)
        #expect(second.warnings.map(\.location) == ["line 2"])
        #expect(second.warnings.first?.message.contains("This file cannot be used") == true)
        #expect(second.warnings.first?.message.contains("UTF-8") == true)
        #expect(first.register.areas.isEmpty && second.register.areas.isEmpty)
    }

    @Test func readsAListOfAreasWithoutADistrictColumn() {
        // Setup: the force areas' list as the shared data has it, and a CSP list naming each one's force area.
        let forces = "pfa24_code,pfa24_name,n_lad24\nE23000016,West Mercia,4\nW15000001,North Wales,6\n"
        let csps =
            "CSP24CD,CSP24NM,PFA24CD,PFA24NM\nE22000244,Worcestershire,E23000016,West Mercia\nE22000999,,E2300001X,\n"

        // Act
        let forceList = read(forces)
        let cspList = read(csps)

        // Check
        #expect(forceList.issues.isEmpty && forceList.warnings.isEmpty)
        #expect(
            forceList.register.areas == [
                Area(code: "E23000016", name: "West Mercia", kind: .policeForceArea),
                Area(code: "W15000001", name: "North Wales", kind: .policeForceArea)
            ])
        #expect(forceList.register.areaLinks.isEmpty)
        #expect(
            cspList.register.areas.first { $0.code == "E22000244" }
                == Area(
                    code: "E22000244", name: "Worcestershire", kind: .communitySafetyPartnershipArea,
                    parentCode: "E23000016"))
        #expect(
            cspList.issues.map(\.description) == [
                "row 3, PFA24CD: 'E2300001X' is not an ONS code; expected a letter and eight digits, like E06000019"
            ])
    }

    @Test func aDownloadIsReadWholeAndOnlyNoUsableFileIsAnError() {
        // Setup
        let lookup = (
            "lookup.csv", Data("LAD24CD,LAD24NM,PFA24CD\nE06000019,\"Herefordshire, County of\",E23000016\n".utf8)
        )
        let list = ("pfa24.csv", Data("pfa24_code,pfa24_name\nE23000016,West Mercia (as listed)\n".utf8))
        let other = ("boundaries.geojson", Data("{\"type\": \"FeatureCollection\"}\n".utf8))
        let builtIn = [Area(code: "E23000016", name: "West Mercia", kind: .policeForceArea)]

        // Act
        let download = ONSLookup.read([lookup, list, other], first: builtIn)
        let nothingUsable = ONSLookup.read([other], first: builtIn)

        // Check
        #expect(download.issues.isEmpty)
        #expect(download.warnings.map(\.location) == ["boundaries.geojson file"])
        #expect(
            download.register.areas.map(\.name) == ["West Mercia", "Herefordshire, County of"], "the first name wins")
        #expect(download.register.areaLinks.map(\.areaCode) == ["E23000016"])
        #expect(download.register.areas.last?.parentCode == "E23000016")
        #expect(nothingUsable.issues.map(\.location) == ["boundaries.geojson file"] && nothingUsable.warnings.isEmpty)
    }

    @Test func addsUpSharesOfRowsForTheSameArea() {
        // Setup
        let text = """
            ltla24_code,ltla24_name,rgn24_code,rgn24_name,share_lsoa
            E06000065,North Yorkshire,E12000003,Yorkshire and The Humber,0.9129
            E06000065,North Yorkshire,E12000003,Yorkshire and The Humber,0.0792
            E06000065,North Yorkshire,E12000002,North West,0.0079
            """

        // Act
        let batch = read(text)

        // Check
        #expect(batch.issues.isEmpty)
        #expect(batch.register.areaLinks.count == 2)
        #expect(abs((batch.register.areaLinks[0].share ?? 0) - 0.9921) < 1e-9)
        #expect(batch.register.areaLinks[1].share == 0.0079)
        #expect(batch.register.areas.first { $0.code == "E12000002" }?.kind == .region)
    }

    @Test(.enabled(if: haveLookups)) func readsTheDistrictCSPForceLookup() throws {
        // Setup
        let data = try Data(contentsOf: URL(fileURLWithPath: geographyFolder + cspFile))

        // Act
        let batch = ONSLookup.read(data)

        // Check
        let register = batch.register
        #expect(try CSV.read(data).rows.count == 332)
        #expect(batch.issues.isEmpty)
        #expect(register.areas.filter { $0.kind == .policeForceArea }.count == 43)
        #expect(register.areas.filter { $0.kind == .district }.count == 318)
        let buckinghamshire = register.areaLinks.filter { $0.districtCode == "E06000060" }
        let cspAreas = register.areas.filter { area in
            buckinghamshire.contains { $0.areaCode == area.code } && area.kind == .communitySafetyPartnershipArea
        }
        #expect(cspAreas.count == 4)
        #expect(cspAreas.allSatisfy { $0.parentCode == "E23000029" })
        #expect(register.areas.first { $0.code == "E06000060" }?.parentCode == "E23000029")
        #expect(RegisterCheck.issues(in: batch, known: .init()).isEmpty)
    }

    @Test(.enabled(if: haveLookups)) func mergesAllThreeLookups() throws {
        // Setup
        let icb = try readLookup(icbFile)

        // Act
        let batch = try allLookups()

        // Check
        let areas = batch.register.areas
        #expect(batch.issues.isEmpty)
        #expect(areas.filter { $0.kind == .policeForceArea }.count == 43)
        #expect(areas.filter { $0.kind == .district }.count == 318)
        #expect(areas.filter { $0.kind == .upperTierAuthority }.count == 21)
        #expect(areas.filter { $0.kind == .integratedCareBoard }.count == 42)
        #expect(Set(areas.map(\.code)).count == areas.count)
        #expect(areas.allSatisfy { $0.kind != .district || $0.parentCode != nil })
        #expect(icb.register.areaLinks.count == 310)
        #expect(
            icb.register.areaLinks.first { $0.districtCode == "E06000060" && $0.areaCode == "E54000024" }?.share
                == 0.012)
        #expect(RegisterCheck.issues(in: batch, known: .init()).isEmpty)
    }

    @Test(.enabled(if: haveLookups)) func resolvesTheWestMerciaCDPFootprint() throws {
        // Setup
        let register = try allLookups().register
        let worcestershireDistricts = ["E07000234", "E07000235", "E07000236", "E07000237", "E07000238", "E07000239"]

        // Act
        let byDistricts = Footprint.resolve(
            ["E06000019"] + worcestershireDistricts, areas: register.areas, links: register.areaLinks)
        let byUpperTier = Footprint.resolve(
            ["E06000019", "E10000034"], areas: register.areas, links: register.areaLinks)

        // Check
        #expect(byDistricts == byUpperTier)
        #expect(byDistricts.policeForceAreas.map(\.code) == ["E23000016"])
        #expect(byDistricts.upperTierAuthorities.map(\.code) == ["E06000019", "E10000034"])
        #expect(byDistricts.upperTierAuthorities.map(\.name) == ["Herefordshire, County of", "Worcestershire"])
        #expect(byDistricts.integratedCareBoards.map(\.code) == ["E54000019"])
        #expect(
            byDistricts.integratedCareBoards.first?.name == "NHS Herefordshire and Worcestershire Integrated Care Board"
        )
        #expect(byDistricts.districts.count == 7)
        #expect(byDistricts.unknownCodes.isEmpty)
    }

    @Test(.enabled(if: haveLookups)) func aSplitDistrictTouchesTwoICBs() throws {
        // Setup
        let register = try allLookups().register

        // Act
        let resolution = Footprint.resolve(["E06000060", "E99999999"], areas: register.areas, links: register.areaLinks)

        // Check
        #expect(resolution.integratedCareBoards.map(\.code) == ["E54000024", "E54000044"])
        #expect(resolution.policeForceAreas.map(\.code) == ["E23000029"])
        #expect(resolution.upperTierAuthorities.map(\.code) == ["E06000060"])
        #expect(resolution.unknownCodes == ["E99999999"])
    }

    @Test(.enabled(if: haveLookups)) func findsUpperTiersNoCDPCovers() throws {
        // Setup
        let register = try allLookups().register
        let herefordAndWorcester = ["E06000019", "E10000034"]
        let shropshireAndTelford = ["E06000051", "E06000020"]

        // Act
        let both = Footprint.upperTierCoverage(
            forceAreaCode: "E23000016", footprints: [herefordAndWorcester, shropshireAndTelford],
            areas: register.areas, links: register.areaLinks)
        let one = Footprint.upperTierCoverage(
            forceAreaCode: "E23000016", footprints: [herefordAndWorcester],
            areas: register.areas, links: register.areaLinks)
        let part = Footprint.upperTierCoverage(
            forceAreaCode: "E23000016", footprints: [["E07000234"] + shropshireAndTelford + ["E06000019"]],
            areas: register.areas, links: register.areaLinks)

        // Check
        #expect(both.isComplete)
        #expect(both.covered.map(\.code) == ["E06000019", "E06000051", "E06000020", "E10000034"])
        #expect(one.uncovered.map(\.name) == ["Shropshire", "Telford and Wrekin"])
        #expect(!one.isComplete)
        #expect(part.partlyCovered.map(\.code) == ["E10000034"])
        #expect(part.uncovered.isEmpty)
    }

    @Test func treatsAUnitaryDistrictAsItsOwnUpperTier() {
        // Setup
        let areas = [
            Area(code: "E23000016", name: "West Mercia", kind: .policeForceArea),
            Area(code: "E06000019", name: "Herefordshire", kind: .district, parentCode: "E23000016"),
            Area(code: "E07000234", name: "Bromsgrove", kind: .district, parentCode: "E23000016"),
            Area(code: "E10000034", name: "Worcestershire", kind: .upperTierAuthority)
        ]
        let links = [AreaLink(districtCode: "E07000234", areaCode: "E10000034")]

        // Act
        let coverage = Footprint.upperTierCoverage(
            forceAreaCode: "E23000016", footprints: [["E10000034"]], areas: areas, links: links)
        let resolution = Footprint.resolve(["E06000019"], areas: areas, links: links)

        // Check
        #expect(coverage.covered.map(\.code) == ["E10000034"])
        #expect(coverage.uncovered.map(\.code) == ["E06000019"])
        #expect(resolution.upperTierAuthorities.map(\.code) == ["E06000019"])
        #expect(resolution.policeForceAreas.map(\.code) == ["E23000016"])
    }

    /// Found in the browser: a chosen county was missing from its own footprint's upper tiers before the lookups were in.
    @Test func aChosenUpperTierIsCoveredEvenBeforeItsDistrictsAreKnown() {
        // Setup
        let areas = [Area(code: "E10000003", name: "Cambridgeshire", kind: .upperTierAuthority)]

        // Act
        let resolution = Footprint.resolve(["E10000003"], areas: areas, links: [])

        // Check
        #expect(resolution.upperTierAuthorities.map(\.code) == ["E10000003"])
        #expect(resolution.districts.isEmpty && resolution.unknownCodes.isEmpty)
    }
}
