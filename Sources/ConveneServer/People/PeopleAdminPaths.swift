/// A workspace's people and roles, for its administrators.
enum PeopleAdminPath: SitePath {
    case people, invite
    case person(String, PersonAction)

    /// What is done to one user's role in the workspace, by their email.
    enum PersonAction: String, Sendable {
        case role, suspend, restore, remove, grant, revoke
    }

    var segments: [String] {
        switch self {
        case .people: ["admin", "people"]
        case .invite: ["admin", "people", "invite"]
        case .person(let email, let action): ["admin", "people", email, action.rawValue]
        }
    }
}
