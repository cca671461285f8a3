/// Signing in and out, setting up the first account, API tokens and the workspaces a user switches between.
enum AccountPath: SitePath {
    case signIn, signOut, setup(String), tokens, revokeToken(String), workspaces, sessions, signOutEverywhere

    var segments: [String] {
        switch self {
        case .signIn: ["sign-in"]
        case .signOut: ["sign-out"]
        case .setup(let token): ["setup", token]
        case .tokens: ["account", "tokens"]
        case .revokeToken(let id): ["account", "tokens", id, "revoke"]
        case .workspaces: ["account", "workspaces"]
        case .sessions: ["account", "sessions"]
        case .signOutEverywhere: ["account", "sessions", "end"]
        }
    }
}
