import Foundation

/// The outcomes a national framework holds local partnerships to, with the indicators that measure them.
public struct OutcomeFramework: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    /// The document that sets the outcomes out, and who published it.
    public var source: String
    public var year: Int
    public var url: String
    /// The national framework (`NationalFrameworks`) whose outcomes these are.
    public var frameworkKey: String
    public var outcomes: [FrameworkOutcome]
    public var indicators: [Indicator]

    enum CodingKeys: String, CodingKey {
        case key, name, source, year, url
        case frameworkKey = "framework_key"
        case outcomes, indicators
    }
}

/// An outcome of a framework: strategic (what the framework is for) or intermediate (what gets it there).
public struct FrameworkOutcome: Hashable, Codable, Sendable {
    public enum Level: String, Hashable, Codable, Sendable {
        case strategic, intermediate
    }

    public var key: String
    public var title: String
    public var level: Level
}

/// The national outcome frameworks Convene ships, as data files with stable keys (`Frameworks/*.json` in the domain's
/// resources): every workspace's measurements name the same indicators, so the national view can add them up. No
/// figures ship: values and targets are imported.
///
/// Each file says where its outcomes come from (`note`), and each indicator how far its name and definition could be
/// checked while writing it (its own `note`: "Checked" against gov.uk's text, "Checked in part", or from general
/// knowledge of the framework, to be checked against its technical guidance before being relied on).
public enum OutcomeFrameworks {
    /// The files, in the order the frameworks are listed.
    static let files = ["combating-drugs-outcomes", "serious-violence-duty-outcomes"]

    /// Every framework, read once from the shipped files; a file missing or unreadable is a fault of the build.
    public static let all: [OutcomeFramework] = files.map { name in
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Frameworks"),
            let data = try? Data(contentsOf: url)
        else { fatalError("The shipped outcome framework \(name).json is missing from the build") }
        do {
            return try JSONDecoder().decode(OutcomeFramework.self, from: data)
        } catch {
            fatalError("The shipped outcome framework \(name).json cannot be read: \(error)")
        }
    }

    /// National Combating Drugs Outcomes Framework (HM Government, 2022), the outcomes of From Harm to Hope.
    public static var combatingDrugs: OutcomeFramework { all[0] }

    /// The Serious Violence Duty's outcome measures (Police, Crime, Sentencing and Courts Act 2022; statutory guidance,
    /// Home Office, December 2022).
    public static var seriousViolence: OutcomeFramework { all[1] }

    /// Every shipped indicator, in the frameworks' order.
    public static let indicators: [Indicator] = all.flatMap(\.indicators)

    public static let outcomeKeys: Set<String> = Set(all.flatMap { $0.outcomes.map(\.key) })

    public static func outcome(_ key: String) -> FrameworkOutcome? {
        all.lazy.flatMap(\.outcomes).first { $0.key == key }
    }

    public static func framework(ofOutcome key: String) -> OutcomeFramework? {
        all.first { $0.outcomes.contains { $0.key == key } }
    }

    public static func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }
}
