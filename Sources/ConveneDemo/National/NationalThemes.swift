import ConveneDomain

/// The seeded agenda themes (`Themes.seeded`), as a small enum the planner can match people and partnerships by.
enum NationalTheme: Int, CaseIterable, Sendable {
    case drugs, seriousViolence, vawg, antisocialBehaviour, reoffending, victims, exploitation
    case mentalHealth, housing, youngPeople, roadSafety

    /// The theme as an agenda item carries it: exactly one of `Themes.seeded`.
    var name: String {
        switch self {
        case .drugs: "drugs"
        case .seriousViolence: "serious violence"
        case .vawg: "VAWG"
        case .antisocialBehaviour: "anti-social behaviour"
        case .reoffending: "reoffending"
        case .victims: "victims"
        case .exploitation: "exploitation and county lines"
        case .mentalHealth: "mental health"
        case .housing: "housing"
        case .youngPeople: "young people"
        case .roadSafety: "road safety"
        }
    }
}

/// A set of themes as bits: people and partnerships are matched by it thousands of times per workspace.
struct ThemeSet: OptionSet, Hashable, Sendable {
    let rawValue: UInt16

    init(rawValue: UInt16) { self.rawValue = rawValue }

    init(_ themes: [NationalTheme]) {
        rawValue = themes.reduce(0) { $0 | (1 << UInt16($1.rawValue)) }
    }

    static let all = ThemeSet(NationalTheme.allCases)

    /// In the enum's order, so that anything drawn from it is the same on every run.
    var themes: [NationalTheme] { NationalTheme.allCases.filter { rawValue & (1 << UInt16($0.rawValue)) != 0 } }

    func overlaps(_ other: ThemeSet) -> Bool { rawValue & other.rawValue != 0 }
}
