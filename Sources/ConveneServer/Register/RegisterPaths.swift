/// The register's pages: the overview, partnerships, organisations, people, the landscape picture, import,
/// history, the network and the published pages.
enum RegisterPath: SitePath {
    case overview
    case partnerships, newPartnership
    case partnership(String), editPartnership(String), publish(String), unpublish(String)
    case newMember(String), editMember(String, member: String), newTermsOfReference(String)
    case organisations, newOrganisation, organisation(String), editOrganisation(String)
    case persons, newPerson, person(String), editPerson(String)
    case landscape, importFile, history, network
    case published, publishedPartnership(workspace: String, String)

    var segments: [String] {
        switch self {
        case .overview: []
        case .partnerships: ["partnerships"]
        case .newPartnership: ["partnerships", "new"]
        case .partnership(let key): ["partnerships", key]
        case .editPartnership(let key): ["partnerships", key, "edit"]
        case .publish(let key): ["partnerships", key, "publish"]
        case .unpublish(let key): ["partnerships", key, "unpublish"]
        case .newMember(let key): ["partnerships", key, "members", "new"]
        case .editMember(let key, let member): ["partnerships", key, "members", member, "edit"]
        case .newTermsOfReference(let key): ["partnerships", key, "terms-of-reference", "new"]
        case .organisations: ["organisations"]
        case .newOrganisation: ["organisations", "new"]
        case .organisation(let key): ["organisations", key]
        case .editOrganisation(let key): ["organisations", key, "edit"]
        case .persons: ["persons"]
        case .newPerson: ["persons", "new"]
        case .person(let key): ["persons", key]
        case .editPerson(let key): ["persons", key, "edit"]
        case .landscape: ["landscape"]
        case .importFile: ["import"]
        case .history: ["history"]
        case .network: ["network"]
        case .published: ["public"]
        case .publishedPartnership(let workspace, let key): ["public", workspace, key]
        }
    }
}
