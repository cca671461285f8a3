import ConveneDomain

/// The analyses' pages and the forms that change their assumptions.
enum AnalysisPath: SitePath {
    case index, settings, supportCosts
    case analysis(Analysis)
    case costMeetings
    case personLoad(String)

    var segments: [String] {
        switch self {
        case .index: ["analysis"]
        case .settings: ["analysis", "settings"]
        case .supportCosts: ["analysis", "support-costs"]
        case .analysis(let analysis): ["analysis", analysis.rawValue]
        case .costMeetings: ["analysis", "cost", "meetings"]
        case .personLoad(let key): ["analysis", "load", "persons", key]
        }
    }
}
