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

/// An upper-tier authority and the footprints that reach it; `partly` when they leave some of its districts out.
public struct UpperTierReach: Hashable, Sendable {
    public var authority: Area
    public var footprintKeys: [String]
    public var partly: Bool
}

/// A footprint against the ICB boundaries.
public enum ICBFit: Hashable, Sendable {
    /// The footprint's districts are exactly one ICB's.
    case coterminous(Area)
    /// Every district lies in this one ICB, which also covers others.
    case within(Area)
    /// The districts lie in more than one ICB.
    case crossing([Area])
    /// No footprint, or the ICB lookup does not reach its districts.
    case unknown

    /// "coterminous", "within-one-icb", "crosses-icbs" or "unknown".
    public var verdict: String {
        switch self {
        case .coterminous: "coterminous"
        case .within: "within-one-icb"
        case .crossing: "crosses-icbs"
        case .unknown: "unknown"
        }
    }

    /// "Coterminous", "Within one ICB", "Crosses ICBs" or "Not known".
    public var label: String {
        switch self {
        case .coterminous: "Coterminous"
        case .within: "Within one ICB"
        case .crossing: "Crosses ICBs"
        case .unknown: "Not known"
        }
    }

    public var boards: [Area] {
        switch self {
        case .coterminous(let a), .within(let a): [a]
        case .crossing(let areas): areas
        case .unknown: []
        }
    }

    /// The verdict in a sentence, naming the ICBs.
    public var sentence: String {
        let names = boards.map(\.name)
        return switch self {
        case .coterminous: "Coterminous with \(names[0])"
        case .within: "Within one ICB: \(names[0])"
        case .crossing: "Crosses \(names.count) ICBs: " + names.joined(separator: ", ")
        case .unknown: "Not known: no footprint, or no ICB lookup for its districts"
        }
    }
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

    /// Each upper-tier authority of a force area with the footprints (by key) that reach it, wholly or in part.
    /// The force area's upper tiers are those of its districts, and any upper-tier authority nested in it.
    public static func upperTierReach(
        forceAreaCode: String, footprints: [(key: String, codes: [String])], areas: [Area], links: [AreaLink]
    ) -> [UpperTierReach] {
        let geography = Geography(areas: areas, links: links)
        var upperTiers = Set(geography.districts(of: forceAreaCode).flatMap(geography.upperTiers(of:)))
        for area in areas where area.kind == .upperTierAuthority && area.parentCode == forceAreaCode {
            upperTiers.insert(area.code)
        }
        let resolved = footprints.map { (key: $0.key, resolution: resolve($0.codes, areas: areas, links: links)) }
        let covered = Set(resolved.flatMap { $0.resolution.districts.map(\.code) })
        return geography.sortedAreas(upperTiers).map { authority in
            let keys = resolved.filter { $0.resolution.upperTierAuthorities.contains { $0.code == authority.code } }
                .map(\.key)
            let districts = geography.districts(of: authority.code)
            return UpperTierReach(
                authority: authority, footprintKeys: keys,
                partly: !keys.isEmpty && !districts.isEmpty && !districts.isSubset(of: covered))
        }
    }

    /// How a footprint sits against the ICBs: the same districts as one ICB, inside one, or across several.
    public static func icbFit(_ codes: [String], areas: [Area], links: [AreaLink]) -> ICBFit {
        let geography = Geography(areas: areas, links: links)
        let resolution = resolve(codes, areas: areas, links: links)
        let boards = resolution.integratedCareBoards
        guard !resolution.districts.isEmpty, let board = boards.first else { return .unknown }
        guard boards.count == 1 else { return .crossing(boards) }
        let partly = links.contains { link in
            link.areaCode == board.code && (link.share ?? 1) < 1
                && resolution.districts.contains { $0.code == link.districtCode }
        }
        let same = geography.districts(of: board.code) == Set(resolution.districts.map(\.code))
        return same && !partly ? .coterminous(board) : .within(board)
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
