import ConveneDomain
import Foundation

/// The demo's strategies: one force area's (Bedfordshire's) Police and Crime Plan, whose priorities are the
/// missions its mission boards carry, and the strategies of its partnerships, as the reports describe such an area:
/// several strategies carrying nearly the same priorities ("20 strategies … 100 priorities … white noise"), and
/// some national objectives nobody carries. Invented wording in the reports' terms, not any area's real documents.
/// Kept as JSON of the domain's own `Strategy` and `Priority` (`Resources/reports-strategies.json`): Popolo has no
/// word for a strategy.
public enum DemoStrategies {
    private struct File: Decodable {
        var strategies: [Strategy]
        var priorities: [Priority]
    }

    private static func file() throws -> File {
        guard
            let url = Bundle.module.url(
                forResource: "reports-strategies", withExtension: "json",
                subdirectory: "Resources")
        else {
            throw DemoFailure("The demo's strategies file is missing from the build.")
        }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }

    /// The strategies, in the order they are saved.
    public static func strategies() throws -> [Strategy] {
        try file().strategies
    }

    /// Their priorities, each after the strategy and plan priorities it refers to.
    public static func priorities() throws -> [Priority] {
        try file().priorities
    }
}
