/// What a partnership's footprint touches: the force areas, upper-tier authorities, ICBs and districts.
public struct FootprintResolution: Hashable, Sendable {
    public var policeForceAreas: [Area]
    public var upperTierAuthorities: [Area]
    /// Every ICB any district of the footprint lies in, even partly; each listed once.
    public var integratedCareBoards: [Area]
    public var districts: [Area]
    /// Codes of the footprint that match no known area (the ONS lookups may not be imported yet).
    public var unknownCodes: [String]

    public init(
        policeForceAreas: [Area] = [], upperTierAuthorities: [Area] = [], integratedCareBoards: [Area] = [],
        districts: [Area] = [], unknownCodes: [String] = []
    ) {
        self.policeForceAreas = policeForceAreas
        self.upperTierAuthorities = upperTierAuthorities
        self.integratedCareBoards = integratedCareBoards
        self.districts = districts
        self.unknownCodes = unknownCodes
    }
}

/// How far the partnerships of one type cover a force area's upper-tier authorities.
/// The CDP guidance says every upper-tier authority must be covered.
public struct UpperTierCoverage: Hashable, Sendable {
    public var covered: [Area]
    /// Some but not all of the authority's districts lie in a footprint.
    public var partlyCovered: [Area]
    public var uncovered: [Area]

    public var isComplete: Bool { partlyCovered.isEmpty && uncovered.isEmpty }
}

/// Footprints are chosen from districts and upper-tier authorities; everything else is derived
/// from the areas and links that the ONS lookups give (see `ONSLookup`).
public enum Footprint {
    public static func resolve(_ codes: [String], areas: [Area], links: [AreaLink]) -> FootprintResolution {
        let geography = Geography(areas: areas, links: links)
        var unknown: [String] = []
        var districts: Set<String> = []
        // An upper-tier authority chosen itself is covered, even before the lookups give its districts.
        var upperTiers: Set<String> = []
        for code in codes {
            guard let area = geography.byCode[code] else {
                if !unknown.contains(code) { unknown.append(code) }
                continue
            }
            if area.kind == .upperTierAuthority { upperTiers.insert(code) }
            districts.formUnion(geography.districts(of: code))
        }

        var forces: Set<String> = []
        var boards: Set<String> = []
        for district in districts {
            if let parent = geography.byCode[district]?.parentCode,
                geography.byCode[parent]?.kind == .policeForceArea
            {
                forces.insert(parent)
            }
            forces.formUnion(geography.linked(district, .policeForceArea))
            upperTiers.formUnion(geography.upperTiers(of: district))
            boards.formUnion(geography.linked(district, .integratedCareBoard))
        }
        return FootprintResolution(
            policeForceAreas: geography.sortedAreas(forces),
            upperTierAuthorities: geography.sortedAreas(upperTiers),
            integratedCareBoards: geography.sortedAreas(boards),
            districts: geography.sortedAreas(districts),
            unknownCodes: unknown)
    }

    /// Which upper-tier authorities of a force area the given footprints (say, of all its CDPs) leave out.
    public static func upperTierCoverage(
        forceAreaCode: String, footprints: [[String]],
        areas: [Area], links: [AreaLink]
    ) -> UpperTierCoverage {
        let geography = Geography(areas: areas, links: links)
        let inForce = geography.districts(of: forceAreaCode)
        let upperTiers = Set(inForce.flatMap(geography.upperTiers(of:)))
        let covered = Set(footprints.flatMap { resolve($0, areas: areas, links: links).districts.map(\.code) })

        var coverage = UpperTierCoverage(covered: [], partlyCovered: [], uncovered: [])
        for upperTier in geography.sortedAreas(upperTiers) {
            let districts = geography.districts(of: upperTier.code)
            let inside = districts.filter(covered.contains)
            if inside.count == districts.count {
                coverage.covered.append(upperTier)
            } else if inside.isEmpty {
                coverage.uncovered.append(upperTier)
            } else {
                coverage.partlyCovered.append(upperTier)
            }
        }
        return coverage
    }

    /// Unitary authorities, metropolitan districts, London boroughs and Welsh principal areas
    /// are upper tiers in their own right.
    static func isUnitary(_ code: String) -> Bool {
        ["E06", "E08", "E09", "W06"].contains(String(code.prefix(3)))
    }
}

/// Areas and links indexed for the questions footprints ask.
private struct Geography {
    let byCode: [String: Area]
    private let linksFrom: [String: [String]]
    private let districtsIn: [String: Set<String>]

    init(areas: [Area], links: [AreaLink]) {
        var byCode: [String: Area] = [:]
        for area in areas where byCode[area.code] == nil { byCode[area.code] = area }
        var linksFrom: [String: [String]] = [:]
        var districtsIn: [String: Set<String>] = [:]
        for link in links {
            linksFrom[link.districtCode, default: []].append(link.areaCode)
            districtsIn[link.areaCode, default: []].insert(link.districtCode)
        }
        for area in areas where area.kind == .district {
            if let parent = area.parentCode { districtsIn[parent, default: []].insert(area.code) }
        }
        self.byCode = byCode
        self.linksFrom = linksFrom
        self.districtsIn = districtsIn
    }

    /// A district is itself; any other area is the districts linked to it or nested in it.
    func districts(of code: String) -> Set<String> {
        if byCode[code]?.kind == .district { return [code] }
        return (districtsIn[code] ?? []).filter { byCode[$0]?.kind == .district }
    }

    func linked(_ district: String, _ kind: AreaKind) -> [String] {
        (linksFrom[district] ?? []).filter { byCode[$0]?.kind == kind }
    }

    /// The lookup makes no link from a unitary authority to itself, so one with no upper-tier link is its own.
    func upperTiers(of district: String) -> [String] {
        let linked = linked(district, .upperTierAuthority)
        if linked.isEmpty && Footprint.isUnitary(district) { return [district] }
        return linked
    }

    func sortedAreas(_ codes: Set<String>) -> [Area] {
        codes.compactMap { byCode[$0] }.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
    }
}
