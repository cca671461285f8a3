import Foundation

/// What the register's records say about the steps that have a rule.
public enum GuidanceRules {
    /// The footprint is set, every code in it is a known area, and each upper-tier authority it touches lies wholly
    /// inside it: the guidance asks that every upper-tier authority be covered, so a CDP is at least one whole one.
    public static func footprintCoversItsUpperTiers(_ codes: [String], areas: [Area], links: [AreaLink]) -> Bool {
        guard !codes.isEmpty else { return false }
        let resolved = Footprint.resolve(codes, areas: areas, links: links)
        guard resolved.unknownCodes.isEmpty, !resolved.upperTierAuthorities.isEmpty else { return false }
        let inside = Set(resolved.districts.map(\.code))
        return resolved.upperTierAuthorities.allSatisfy { upperTier in
            Footprint.resolve([upperTier.code], areas: areas, links: links).districts.allSatisfy {
                inside.contains($0.code)
            }
        }
    }
}
