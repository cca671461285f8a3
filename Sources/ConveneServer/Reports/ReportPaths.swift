/// The progress reports' pages: a partnership's reports (with the form to make one, which posts to `newReport`), one
/// report as made, its PDF.
enum ReportPath: SitePath {
    case reports(String)
    case newReport(String)
    case report(String, String)
    case pdf(String, String)

    var segments: [String] {
        switch self {
        case .reports(let p): ["partnerships", p, "reports"]
        case .newReport(let p): ["partnerships", p, "reports", "new"]
        case .report(let p, let r): ["partnerships", p, "reports", r]
        case .pdf(let p, let r): ["partnerships", p, "reports", r, "pdf"]
        }
    }
}
