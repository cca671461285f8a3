/// The JSON API's paths, typed like the pages' (`SitePath`): every /api/v1 route is registered from a case
/// here, with the handler's parameter names in the keys' places (`read.get(APIPath.partnership(":key"), …)`),
/// and every `Location` header is built from one.
enum APIPath: SitePath {
    case openAPI
    case areas, area(String), organisations, organisation(String), persons, person(String)
    case partnerships, partnership(String), endPartnership(String), publish(String), unpublish(String)
    case memberships, membership(String), endMembership(String)
    case relations, relation(from: String, kind: String, to: String)
    case termsOfReference(String), termsOfReferenceVersion(String, version: String)
    case meetings(String), meeting(String, meeting: String), series(String), calendar(String)
    case attendance(String, meeting: String), agendaItems(String, meeting: String)
    case minutes(String, meeting: String), approveMinutes(String, meeting: String)
    case lockMinutes(String, meeting: String), addenda(String, meeting: String)
    case actions(String), actionUpdates(String, action: String)
    case myMeetings, myActions
    case analysis(String)
    case guidanceTemplates, milestones(String)
    case milestoneEvidence(String, template: String, step: String, occurrence: String)
    case publicPartnerships, publicPartnership(workspace: String, String)
    case surveys, survey(String), surveyResults(String), surveyResponses(String)
    case reviews, review(String), reviewReport(String)
    case indicators, indicator(String), indicatorMeasurements(String), measurements, targets
    case framework(String), outcomesAnalysis
    case fundingStreams, fundingStream(String), fundingAnalysis
    case agreements, agreement(String), dataRequests, dataRequest(String), requestsAnalysis
    case interests(String), meetingDeclarations(String, meeting: String)
    case networkLeads, networkLead, library, libraryCopy(workspace: String, String)

    var segments: [String] { ["api", "v1"] + tail }

    private var tail: [String] {
        switch self {
        case .openAPI: ["openapi.json"]
        case .areas: ["areas"]
        case .area(let code): ["areas", code]
        case .organisations: ["organisations"]
        case .organisation(let key): ["organisations", key]
        case .persons: ["persons"]
        case .person(let key): ["persons", key]
        case .partnerships: ["partnerships"]
        case .partnership(let key): ["partnerships", key]
        case .endPartnership(let key): ["partnerships", key, "end"]
        case .publish(let key): ["partnerships", key, "publish"]
        case .unpublish(let key): ["partnerships", key, "unpublish"]
        case .memberships: ["memberships"]
        case .membership(let key): ["memberships", key]
        case .endMembership(let key): ["memberships", key, "end"]
        case .relations: ["partnership-relations"]
        case .relation(let from, let kind, let to): ["partnership-relations", from, kind, to]
        case .termsOfReference(let key): ["partnerships", key, "terms-of-reference"]
        case .termsOfReferenceVersion(let key, let version): ["partnerships", key, "terms-of-reference", version]
        case .meetings(let key): ["partnerships", key, "meetings"]
        case .meeting(let key, let meeting): ["partnerships", key, "meetings", meeting]
        case .series(let key): ["partnerships", key, "series"]
        case .calendar(let key): ["partnerships", key, "calendar"]
        case .attendance(let key, let meeting): ["partnerships", key, "meetings", meeting, "attendance"]
        case .agendaItems(let key, let meeting): ["partnerships", key, "meetings", meeting, "items"]
        case .minutes(let key, let meeting): ["partnerships", key, "meetings", meeting, "minutes"]
        case .approveMinutes(let key, let meeting): ["partnerships", key, "meetings", meeting, "minutes", "approve"]
        case .lockMinutes(let key, let meeting): ["partnerships", key, "meetings", meeting, "minutes", "lock"]
        case .addenda(let key, let meeting): ["partnerships", key, "meetings", meeting, "minutes", "addenda"]
        case .actions(let key): ["partnerships", key, "actions"]
        case .actionUpdates(let key, let action): ["partnerships", key, "actions", action, "updates"]
        case .myMeetings: ["me", "meetings"]
        case .myActions: ["me", "actions"]
        case .analysis(let name): ["analyses", name]
        case .guidanceTemplates: ["guidance", "templates"]
        case .surveys: ["surveys"]
        case .survey(let key): ["surveys", key]
        case .surveyResults(let key): ["surveys", key, "results"]
        case .surveyResponses(let key): ["surveys", key, "responses"]
        case .reviews: ["reviews"]
        case .review(let key): ["reviews", key]
        case .reviewReport(let key): ["reviews", key, "report"]
        case .indicators: ["indicators"]
        case .indicator(let id): ["indicators", id]
        case .indicatorMeasurements(let id): ["indicators", id, "measurements"]
        case .measurements: ["measurements"]
        case .targets: ["targets"]
        case .framework(let key): ["partnerships", key, "framework"]
        case .outcomesAnalysis: ["analyses", "outcomes"]
        case .fundingStreams: ["funding-streams"]
        case .fundingStream(let key): ["funding-streams", key]
        case .fundingAnalysis: ["analyses", "funding"]
        case .agreements: ["agreements"]
        case .agreement(let key): ["agreements", key]
        case .dataRequests: ["data-requests"]
        case .dataRequest(let key): ["data-requests", key]
        case .requestsAnalysis: ["analyses", "requests"]
        case .interests(let person): ["persons", person, "interests"]
        case .meetingDeclarations(let p, let m): ["partnerships", p, "meetings", m, "declarations"]
        case .networkLeads: ["network", "leads"]
        case .networkLead: ["network", "leads", "ours"]
        case .library: ["network", "library"]
        case .libraryCopy(let workspace, let key): ["network", "library", workspace, key, "copy"]
        case .milestones(let key): ["partnerships", key, "milestones"]
        case .milestoneEvidence(let key, let template, let step, let occurrence):
            ["partnerships", key, "milestones", template, step, occurrence, "evidence"]
        case .publicPartnerships: ["public", "partnerships"]
        case .publicPartnership(let workspace, let key): ["public", "partnerships", workspace, key]
        }
    }
}
