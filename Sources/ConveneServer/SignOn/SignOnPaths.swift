/// Signing in through the identity provider.
enum SignOnPath: SitePath {
    case start, callback

    var segments: [String] {
        switch self {
        case .start: ["sign-in", "oidc"]
        case .callback: ["sign-in", "oidc", "callback"]
        }
    }
}
