/// Funding: the streams, the money in beside what meetings cost, and the flows.
enum FundingPath: SitePath {
    case funding, newStream
    case stream(String), editStream(String)

    var segments: [String] {
        switch self {
        case .funding: ["funding"]
        case .newStream: ["funding", "new"]
        case .stream(let key): ["funding", key]
        case .editStream(let key): ["funding", key, "edit"]
        }
    }
}
