import Foundation

/// Where the Combating Drugs Partnerships are on the map. The national guidance asks for every upper-tier
/// authority (county and unitary councils) to be covered by a CDP, and the deep dive found footprints that cross
/// council and ICB boundaries. For each force area with CDPs: its upper-tier authorities that no CDP's footprint
/// reaches, those reached by more than one, and those reached only in part; for each CDP: its footprint against the
/// ICBs (coterminous, within one, or crossing several). The geography is the ONS lookups' areas and links the
/// register holds (see `Footprint`).
public enum CDPFootprints {
    public struct Authority: Hashable, Sendable {
        public var area: Area
        /// The CDPs whose footprints reach it.
        public var cdps: [NamedPartnership]
        public var partly: Bool
    }

    public struct CDP: Hashable, Sendable {
        public var partnership: NamedPartnership
        public var forceAreaCode: String?
        /// The footprint as recorded: ONS codes of districts or upper-tier authorities.
        public var footprint: [String]
        public var upperTiers: [Area]
        public var fit: ICBFit
        public var unknownCodes: [String]
    }

    public struct ForceArea: Hashable, Sendable {
        public var code: String
        public var name: String
        public var cdps: [NamedPartnership]
        /// CDPs with no footprint recorded, which cover nothing here.
        public var withoutFootprint: [NamedPartnership]
        /// Every upper-tier authority of the force area, by name.
        public var authorities: [Authority]

        public var uncovered: [Authority] { authorities.filter { $0.cdps.isEmpty } }
        public var coveredMoreThanOnce: [Authority] { authorities.filter { $0.cdps.count > 1 } }
        public var partlyCovered: [Authority] { authorities.filter(\.partly) }
    }

    public struct Report: Hashable, Sendable {
        /// Force areas with at least one CDP, by name.
        public var forceAreas: [ForceArea]
        /// Every CDP, by name.
        public var cdps: [CDP]

        public func cdp(_ key: String) -> CDP? { cdps.first { $0.partnership.key == key } }
        public func forceArea(_ code: String) -> ForceArea? { forceAreas.first { $0.code == code } }
        public func count(_ verdict: String) -> Int { cdps.filter { $0.fit.verdict == verdict }.count }
    }

    public static func run(_ register: Register) -> Report {
        let index = CDPIndex(register)
        let areas = register.areas
        let links = register.areaLinks
        let cdps = index.cdps.map { p in
            let resolution = Footprint.resolve(p.footprint, areas: areas, links: links)
            return CDP(
                partnership: NamedPartnership(p), forceAreaCode: p.forceAreaCode, footprint: p.footprint,
                upperTiers: resolution.upperTierAuthorities,
                fit: Footprint.icbFit(p.footprint, areas: areas, links: links),
                unknownCodes: resolution.unknownCodes)
        }
        let names = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let byArea = Dictionary(grouping: index.cdps.filter { $0.forceAreaCode != nil }, by: { $0.forceAreaCode! })
        let forceAreas = byArea.map { code, members -> ForceArea in
            let reach = Footprint.upperTierReach(
                forceAreaCode: code, footprints: members.map { ($0.key, $0.footprint) }, areas: areas, links: links)
            let byKey = Dictionary(members.map { ($0.key, NamedPartnership($0)) }, uniquingKeysWith: { a, _ in a })
            let name =
                (names[code] ?? PoliceForceAreas.area(code: code)).map(PoliceForceAreas.displayName(of:)) ?? code
            return ForceArea(
                code: code, name: name, cdps: members.map(NamedPartnership.init),
                withoutFootprint: members.filter(\.footprint.isEmpty).map(NamedPartnership.init),
                authorities: reach.map {
                    Authority(area: $0.authority, cdps: $0.footprintKeys.compactMap { byKey[$0] }, partly: $0.partly)
                })
        }
        return Report(
            forceAreas: forceAreas.sorted { ($0.name, $0.code) < ($1.name, $1.code) },
            cdps: cdps)
    }
}
