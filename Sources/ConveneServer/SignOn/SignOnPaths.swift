/// Signing in through the identity provider, and accepting an invitation.
enum SignOnPath: SitePath {
    case start, callback, invitation(String)

    var segments: [String] {
        switch self {
        case .start: ["sign-in", "oidc"]
        case .callback: ["sign-in", "oidc", "callback"]
        case .invitation(let secret): ["invitations", secret]
        }
    }
}
