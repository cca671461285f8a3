import ConveneDomain
import Fluent
import Foundation

/// Who alerts are for: their role, the person they are (for the actions they own), and the partnerships whose
/// business is theirs (nil for every partnership: editors and administrators).
struct AlertAudience: Sendable {
    var role: WorkspaceRole
    var personKey: String?
    var partnerships: Set<String>?

    /// Everything the workspace has due, as an administrator sees it.
    static let everything = AlertAudience(role: .admin, personKey: nil, partnerships: nil)

    static func of(_ principal: Principal, in scope: Scope) async throws -> AlertAudience {
        try await of(
            role: principal.role, person: try await MeetingStore.person(of: principal, in: scope)?.key,
            user: principal.userID, in: scope)
    }

    /// The audience of a user in the workspace: their role and the person they are there.
    static func of(user: UUID, in scope: Scope) async throws -> AlertAudience? {
        guard
            let member = try await WorkspaceMemberRecord.query(on: scope.db).filter(\.$user.$id == user)
                .filter(\.$workspace.$id == scope.workspaceID).first(),
            let role = WorkspaceRole(rawValue: member.role)
        else { return nil }
        let person = try await member.$person.id.asyncMap { id in
            try await PersonRecord.query(in: scope).filter(\.$id == id).first()?.key
        }
        return try await of(role: role, person: person ?? nil, user: user, in: scope)
    }

    /// Editors and administrators see the workspace; a secretariat the partnerships it is given; others only their
    /// own actions.
    static func of(role: WorkspaceRole, person: String?, user: UUID, in scope: Scope) async throws -> AlertAudience {
        switch role {
        case .editor, .admin: AlertAudience(role: role, personKey: person, partnerships: nil)
        case .secretariat:
            AlertAudience(
                role: role, personKey: person, partnerships: try await PartnershipGrants.keysGiven(to: user, in: scope))
        default: AlertAudience(role: role, personKey: person, partnerships: [])
        }
    }

    func covers(_ partnership: String) -> Bool { partnerships?.contains(partnership) ?? true }
    var seesWorkspace: Bool { partnerships == nil }
}

/// The alerts of an audience on a day, by `AlertRules`, from the records; nothing is stored.
enum AlertStore {
    static func alerts(for audience: AlertAudience, on day: Day, in scope: Scope) async throws -> [Alert] {
        var alerts: [Alert] = []
        let partnerships = try await PartnershipRecord.query(in: scope).all()
        let mine = partnerships.filter {
            audience.covers($0.key) && !(PartnershipStatus(rawValue: $0.status)?.hasEnded ?? false)
        }
        let byID = Dictionary(partnerships.compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })

        // Terms of reference: the latest version of each of the partnerships'.
        if !mine.isEmpty {
            let terms = try await TermsOfReferenceRecord.query(in: scope).filter(
                \.$partnership.$id ~~ mine.compactMap(\.id)
            )
            .sort(\.$version, .descending).all()
            var seen: Set<UUID> = []
            for t in terms where seen.insert(t.$partnership.id).inserted {
                guard let p = byID[t.$partnership.id] else { continue }
                if let alert = AlertRules.termsOfReference(
                    partnershipKey: p.key, partnershipName: p.name, reviewDue: Day(stored: t.reviewDue), on: day,
                    link: RegisterPath.partnership(p.key).href(fragment: "terms"))
                {
                    alerts.append(alert)
                }
            }
        }

        // Actions: the audience's own, and those of the partnerships whose business is theirs.
        let outstanding = [ActionStatus.open.rawValue, ActionStatus.inProgress.rawValue]
        let actions = ActionRecord.query(in: scope).filter(\.$status ~~ outstanding).filter(\.$dueOn < day.description)
        var ownerID: UUID?
        if let person = audience.personKey {
            ownerID = try await PersonRecord.query(in: scope).filter(\.$key == person).first()?.id
        }
        if !audience.seesWorkspace {
            let ids = mine.compactMap(\.id)
            if ids.isEmpty && ownerID == nil {
                actions.filter(\.$id == UUID())
            } else {
                actions.group(.or) { or in
                    if !ids.isEmpty { or.filter(\.$partnership.$id ~~ ids) }
                    if let ownerID { or.filter(\.$ownerPerson.$id == ownerID) }
                }
            }
        }
        for action in try await actions.all() {
            guard let p = byID[action.$partnership.id],
                let alert = AlertRules.action(
                    key: action.key, title: action.title, dueOn: Day(stored: action.dueOn), outstanding: true, on: day,
                    link: MeetingPath.action(p.key, action.key).href)
            else { continue }
            alerts.append(alert)
        }

        // Agreements serving the partnerships, and requests: the workspace's, or those its partnerships made.
        let agreements = try await SharingStore.agreements(in: scope)
        for agreement in agreements
        where audience.seesWorkspace || agreement.partnershipKeys.contains(where: audience.covers) {
            if let alert = AlertRules.agreement(agreement, on: day, link: SharingPath.agreement(agreement.key).href) {
                alerts.append(alert)
            }
        }
        let names = try await FundingStore.names(in: scope).organisations
        for request in try await SharingStore.requests(in: scope)
        where audience.seesWorkspace || request.requesterPartnershipKey.map(audience.covers) == true {
            if let alert = AlertRules.request(
                request, partnerName: names[request.partnerKey] ?? request.partnerKey, on: day,
                link: SharingPath.request(request.key).href)
            {
                alerts.append(alert)
            }
        }

        // Guidance steps overdue, of the partnerships a guidance template applies to.
        let types = Set(try await GuidanceTemplateRecord.query(on: scope.db).all(\.$partnershipType))
        for p in mine where types.contains(p.type) {
            let milestones = try await GuidanceStore.milestones(of: p.key, on: day, in: scope)
            for task in milestones.lists.flatMap(\.tasks) {
                if let alert = AlertRules.guidanceStep(
                    task.task, partnershipKey: p.key, partnershipName: p.name,
                    link: GuidancePath.milestones(p.key).href)
                {
                    alerts.append(alert)
                }
            }
        }

        // Surveys closing: the workspace's, for those who see it whole.
        if audience.seesWorkspace {
            for survey in try await SurveyRecord.query(in: scope).all().map(\.domain) {
                if let alert = AlertRules.survey(survey, on: day, link: SurveyPath.survey(survey.key).href) {
                    alerts.append(alert)
                }
            }
        }
        return AlertRules.ordered(alerts)
    }
}
