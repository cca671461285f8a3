/// What workspaces share with the network: the directory of partnership leads and the library of templates.
enum NetworkPath: SitePath {
    case leads, ourLead
    case library, share
    case libraryItem(workspace: String, String), copy(workspace: String, String), withdraw(String)

    var segments: [String] {
        switch self {
        case .leads: ["network", "leads"]
        case .ourLead: ["network", "leads", "ours"]
        case .library: ["network", "library"]
        case .share: ["network", "library", "share"]
        case .libraryItem(let workspace, let key): ["network", "library", workspace, key]
        case .copy(let workspace, let key): ["network", "library", workspace, key, "copy"]
        case .withdraw(let key): ["network", "library", "ours", key, "withdraw"]
        }
    }
}
