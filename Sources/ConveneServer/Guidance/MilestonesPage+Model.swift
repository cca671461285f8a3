import ConveneDomain
import Fluent
import Vapor

/// A partnership's task list: each applicable template's steps with their status, due date, the records behind a
/// rule and the evidence kept.
struct MilestonesPageModel {
    var context: PageContext
    var milestones: PartnershipMilestones
    /// Whether the person asking may add evidence (an editor, or the partnership's secretariat).
    var mayEdit: Bool
    /// Pages of the papers the evidence names, by paper key.
    var paperLinks: [String: (title: String, href: String)]
    /// The reports due to funders on the money that serves the partnership, in date order.
    var fundingReports: [FundingReport]

    static func load(key: String, context: PageContext, mayEdit: Bool, in scope: Scope) async throws
        -> MilestonesPageModel
    {
        let milestones = try await GuidanceStore.milestones(of: key, in: scope)
        let keys = Set(milestones.lists.flatMap { $0.tasks.flatMap { $0.evidence.compactMap(\.paperKey) } })
        return MilestonesPageModel(
            context: context, milestones: milestones, mayEdit: mayEdit,
            paperLinks: try await EvidenceFormModel.papers(of: key, keys: keys, in: scope),
            fundingReports: FundingReport.due(try await FundingStore.streams(serving: key, in: scope)))
    }
}

/// The form for one occurrence of one step: what the guidance asks, the records behind a rule, the evidence kept so
/// far, and the fields of a new piece.
struct EvidenceFormModel {
    struct Input: Content {
        var paperKey: String?
        var url: String?
        var file: File?
        var evidenceOn: String?
        var confirmedBy: String?
        var note: String?
        var marksDone: String?

        enum CodingKeys: String, CodingKey {
            case url, file, note
            case paperKey = "paper_key"
            case evidenceOn = "evidence_on"
            case confirmedBy = "confirmed_by"
            case marksDone = "marks_done"
        }

        init() {}
    }

    var context: PageContext
    var partnership: PartnershipMilestones.Partnership
    var template: GuidanceTemplate
    var task: PartnershipMilestones.Task
    /// The partnership's meeting papers a piece of evidence may name: key, title and page.
    var papers: [(key: String, title: String, href: String)]
    var input: Input
    var errors: [FieldError]

    static func load(
        key: String, template: String, step: String, occurrence: String, input: Input = Input(),
        errors: [FieldError] = [], context: PageContext, in scope: Scope
    ) async throws -> EvidenceFormModel {
        let milestones = try await GuidanceStore.milestones(of: key, in: scope)
        guard
            let list = milestones.lists.first(where: { $0.template.key == template }),
            let task = list.tasks.first(where: { $0.task.step.key == step && "\($0.task.occurrence)" == occurrence })
        else { throw Problem.notFound("The step '\(step)' of '\(template)' for this partnership") }
        let partnership = try await RegisterQueries.partnership(key, in: scope)
        let papers = try await PaperRecord.query(in: scope).join(
            AgendaItemRecord.self, on: \PaperRecord.$item.$id == \AgendaItemRecord.$id
        )
        .filter(AgendaItemRecord.self, \.$partnership.$id == partnership.requireID())
        .with(\.$item, { $0.with(\.$meeting) }).sort(\.$key).all()
        return EvidenceFormModel(
            context: context, partnership: milestones.partnership, template: list.template, task: task,
            papers: papers.compactMap { paper in
                paper.item.meeting.map {
                    (paper.key, paper.title, MeetingPath.paper(key, $0.key, paper: paper.key).href)
                }
            }, input: input, errors: errors)
    }

    /// Titles and pages of the partnership's papers with these keys.
    static func papers(of partnershipKey: String, keys: Set<String>, in scope: Scope) async throws
        -> [String: (title: String, href: String)]
    {
        guard !keys.isEmpty else { return [:] }
        let partnership = try await RegisterQueries.partnership(partnershipKey, in: scope)
        var links: [String: (title: String, href: String)] = [:]
        for key in keys {
            if let found = try await GuidanceStore.paper(key, of: partnership, in: scope) {
                links[key] = (found.paper.title, found.href)
            }
        }
        return links
    }
}
