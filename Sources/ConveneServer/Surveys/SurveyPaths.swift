/// Surveys: the owner's pages, under /surveys, and the respondent's, under /respond with the link's secret.
enum SurveyPath: SitePath {
    case surveys, newSurvey, importAnswers
    case survey(String), newQuestion(String), removeQuestion(String, question: String), status(String)
    case links(String), results(String)
    /// A page of the answer form (from 1), or the answers to check and send (`page: nil`).
    case respond(String, page: Int?)

    /// Where every respondent's page starts.
    static let respondPrefix = "/respond/"

    var segments: [String] {
        switch self {
        case .surveys: ["surveys"]
        case .newSurvey: ["surveys", "new"]
        case .importAnswers: ["surveys", "import"]
        case .survey(let key): ["surveys", key]
        case .newQuestion(let key): ["surveys", key, "questions", "new"]
        case .removeQuestion(let key, let question): ["surveys", key, "questions", question, "remove"]
        case .status(let key): ["surveys", key, "status"]
        case .links(let key): ["surveys", key, "links"]
        case .results(let key): ["surveys", key, "results"]
        case .respond(let secret, let page): ["respond", secret] + [page.map { "\($0)" } ?? "check"]
        }
    }
}
