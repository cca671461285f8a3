/// Reviews of the partnership system: the reviewer's pages, the report (a page and a PDF) and the published report.
enum ReviewPath: SitePath {
    case reviews, newReview
    case review(String), status(String), decision(String, partnership: String)
    case report(String), reportPDF(String)
    case published(workspace: String, String)

    var segments: [String] {
        switch self {
        case .reviews: ["reviews"]
        case .newReview: ["reviews", "new"]
        case .review(let key): ["reviews", key]
        case .status(let key): ["reviews", key, "status"]
        case .decision(let key, let partnership): ["reviews", key, "partnerships", partnership]
        case .report(let key): ["reviews", key, "report"]
        case .reportPDF(let key): ["reviews", key, "report.pdf"]
        case .published(let workspace, let key): ["public", "reviews", workspace, key]
        }
    }
}
