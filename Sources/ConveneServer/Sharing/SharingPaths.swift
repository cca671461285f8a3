/// Data sharing: the agreements and the log of requests for data.
enum SharingPath: SitePath {
    case agreements, newAgreement, agreement(String), editAgreement(String)
    case requests, newRequest, request(String), answerRequest(String)
    /// A person's declarations of interest: the form posts here.
    case declare(String)
    /// The form that records, in a meeting's minutes, a declaration made at it: a partnership's key, then the meeting's.
    case meetingDeclaration(String, String)

    var segments: [String] {
        switch self {
        case .agreements: ["sharing"]
        case .newAgreement: ["sharing", "agreements", "new"]
        case .agreement(let key): ["sharing", "agreements", key]
        case .editAgreement(let key): ["sharing", "agreements", key, "edit"]
        case .requests: ["sharing", "requests"]
        case .newRequest: ["sharing", "requests", "new"]
        case .request(let key): ["sharing", "requests", key]
        case .answerRequest(let key): ["sharing", "requests", key, "answer"]
        case .declare(let person): ["persons", person, "interests"]
        case .meetingDeclaration(let p, let m): ["partnerships", p, "meetings", m, "declarations"]
        }
    }
}
