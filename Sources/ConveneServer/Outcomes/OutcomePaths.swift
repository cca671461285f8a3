/// Outcomes: the indicators, their files, and each partnership's performance framework and dashboard.
enum OutcomePath: SitePath {
    case outcomes, newIndicator, importFile
    case indicator(String)
    case framework(String), dashboard(String)
    /// One dashboard table as CSV: the indicator's series for the framework's areas.
    case dashboardCSV(String, indicator: String)

    var segments: [String] {
        switch self {
        case .outcomes: ["outcomes"]
        case .newIndicator: ["outcomes", "indicators", "new"]
        case .importFile: ["outcomes", "import"]
        case .indicator(let id): ["outcomes", "indicators", id]
        case .framework(let key): ["partnerships", key, "framework"]
        case .dashboard(let key): ["partnerships", key, "dashboard"]
        case .dashboardCSV(let key, let indicator):
            ["partnerships", key, "dashboard", indicator.hasPrefix(":") ? indicator : indicator + ".csv"]
        }
    }
}
