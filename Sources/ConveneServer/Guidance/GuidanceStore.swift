import ConveneDomain
import Fluent
import Foundation

/// A partnership's task list for each guidance template of its type: the steps' due dates from its start, their
/// statuses from the register's records and the evidence kept, as of one day.
struct PartnershipMilestones: Sendable {
    struct Partnership: Sendable, Hashable {
        var key: String
        var name: String
        var type: PartnershipType
        var startedOn: Day?
    }

    /// A record behind a rule's "done": its label and the page that shows it.
    struct RecordLink: Codable, Sendable, Hashable {
        var label: String
        var href: String
    }

    struct Task: Sendable, Hashable {
        var task: MilestoneTask
        var records: [RecordLink]
        var evidence: [GuidanceEvidence]
    }

    struct TaskList: Sendable, Hashable {
        var template: GuidanceTemplate
        /// The day the intervals run from.
        var start: Day
        var tasks: [Task]
    }

    var partnership: Partnership
    var today: Day
    var lists: [TaskList]
}

/// Reads of guidance: the templates (shared) and a partnership's milestones (through its workspace's scope).
enum GuidanceStore {
    /// Every version of every template, by key and version.
    static func allTemplates(on db: Database) async throws -> [GuidanceTemplate] {
        try await GuidanceTemplateRecord.query(on: db).sort(\.$key).sort(\.$version).all().map(\.domain)
    }

    /// The latest version of each template.
    static func latestTemplates(on db: Database) async throws -> [GuidanceTemplate] {
        let all = try await allTemplates(on: db)
        return Dictionary(grouping: all, by: \.key).values.compactMap { versions in
            versions.max { $0.version < $1.version }
        }
        .sorted { $0.key < $1.key }
    }

    static func latestTemplate(_ key: String, on db: Database) async throws -> GuidanceTemplate {
        guard let found = try await latestTemplates(on: db).first(where: { $0.key == key }) else {
            throw Problem.notFound("The guidance template '\(key)'")
        }
        return found
    }

    static func milestones(of key: String, on day: Day? = nil, in scope: Scope) async throws -> PartnershipMilestones {
        let today = day ?? scope.now.today
        let record = try await RegisterQueries.partnership(key, in: scope)
        let id = try record.requireID()
        let type = PartnershipType(rawValue: record.type) ?? .network
        async let templates = latestTemplates(on: scope.db)
        async let evidence = GuidanceEvidenceRecord.query(in: scope).filter(\.$partnership.$id == id)
            .sort(\.$recordedAt).all()
        async let rules = RuleRecords.load(record, today: today, in: scope)
        let applicable = try await templates.filter { $0.partnershipType == type }
        let kept = try await evidence.map(\.domain)
        let behind = try await rules

        let lists = applicable.map { template in
            let mine = kept.filter { $0.templateKey == template.key }
            let tasks = Milestones.tasks(template, partnershipStartedOn: Day(stored: record.startedOn), today: today) {
                step, occurrence in
                let here = mine.filter { $0.stepKey == step && $0.occurrence == occurrence }
                let rule = template.step(step)?.rule
                return StepFacts(
                    evidence: here.count, confirmedDone: here.contains(where: \.marksDone),
                    ruleMet: rule.map { !(behind[$0] ?? []).isEmpty } ?? false)
            }
            return PartnershipMilestones.TaskList(
                template: template,
                start: Milestones.start(of: template, partnershipStartedOn: Day(stored: record.startedOn)),
                tasks: tasks.map { task in
                    PartnershipMilestones.Task(
                        task: task, records: task.step.rule.flatMap { behind[$0] } ?? [],
                        evidence: mine.filter { $0.stepKey == task.step.key && $0.occurrence == task.occurrence })
                })
        }
        return PartnershipMilestones(
            partnership: .init(
                key: record.key, name: record.name, type: type, startedOn: Day(stored: record.startedOn)),
            today: today, lists: lists)
    }

    /// The paper of one of the partnership's meetings with this key, if there is one, with its page.
    static func paper(_ key: String, of partnership: PartnershipRecord, in scope: Scope) async throws
        -> (paper: PaperRecord, href: String)?
    {
        guard
            let paper = try await PaperRecord.query(in: scope).filter(\.$key == key)
                .with(\.$item, { $0.with(\.$meeting) }).first(),
            paper.item.$partnership.id == partnership.id, let meeting = paper.item.meeting
        else { return nil }
        return (paper, MeetingPath.paper(partnership.key, meeting.key, paper: paper.key).href)
    }
}

/// The records behind each rule: empty when the rule is not met.
enum RuleRecords {
    static func load(_ partnership: PartnershipRecord, today: Day, in scope: Scope) async throws
        -> [StepRule: [PartnershipMilestones.RecordLink]]
    {
        let id = try partnership.requireID()
        async let sros = MembershipRecord.query(in: scope).filter(\.$partnership.$id == id)
            .filter(\.$role == MembershipRole.sro.rawValue).with(\.$person).with(\.$organisation).all()
        async let terms = TermsOfReferenceRecord.query(in: scope).filter(\.$partnership.$id == id)
            .filter(\.$approvedOn != nil).sort(\.$version).all()
        async let plans = StrategyRecord.query(in: scope).filter(\.$ownerPartnership.$id == id)
            .filter(\.$kind == StrategyKind.deliveryPlan.rawValue).filter(\.$status == StrategyStatus.active.rawValue)
            .all()
        async let footprint = footprintCovers(ListColumn.decode(partnership.footprint), in: scope)
        async let framework = measuredFramework(of: partnership, in: scope)

        var found: [StepRule: [PartnershipMilestones.RecordLink]] = [:]
        found[.seniorResponsibleOwner] = try await sros.filter { member in
            (Day(stored: member.startedOn).map { $0 <= today } ?? true)
                && (Day(stored: member.endedOn).map { $0 >= today } ?? true)
        }.map { member in
            PartnershipMilestones.RecordLink(
                label: "\(member.person?.name ?? member.organisation?.name ?? member.key), SRO",
                href: member.person.map { RegisterPath.person($0.key).href }
                    ?? RegisterPath.partnership(partnership.key).href(fragment: "members"))
        }
        found[.termsOfReference] = try await terms.compactMap { terms in
            guard let approved = Day(stored: terms.approvedOn), approved <= today else { return nil }
            return PartnershipMilestones.RecordLink(
                label: "Terms of reference version \(terms.version), approved \(approved.longDescription)",
                href: RegisterPath.partnership(partnership.key).href(fragment: "terms"))
        }
        let activePlans = try await plans
        let withPriorities =
            activePlans.isEmpty
            ? []
            : Set(
                try await PriorityRecord.query(in: scope).filter(\.$strategy.$id ~~ activePlans.compactMap(\.id))
                    .all(\.$strategy.$id))
        found[.deliveryPlan] = activePlans.filter { withPriorities.contains($0.id ?? UUID()) }.map {
            PartnershipMilestones.RecordLink(label: $0.name, href: StrategyPath.strategy($0.key).href)
        }
        found[.footprint] =
            try await footprint
            ? [
                PartnershipMilestones.RecordLink(
                    label: "The footprint", href: RegisterPath.partnership(partnership.key).href(fragment: "footprint"))
            ] : []
        found[.performanceFramework] = try await framework
        return found
    }

    /// The partnership's dashboard, when its performance framework has an indicator with a value.
    static func measuredFramework(of partnership: PartnershipRecord, in scope: Scope) async throws
        -> [PartnershipMilestones.RecordLink]
    {
        guard let framework = try await OutcomeStore.framework(of: partnership, in: scope) else { return [] }
        let areas = [framework.areaCode] + (framework.comparisonAreaCode.map { [$0] } ?? [])
        let measured = try await MeasurementRecord.query(in: scope).filter(\.$indicatorKey ~~ framework.indicatorIDs)
            .filter(\.$areaCode ~~ areas).first()?.domain
        guard let measured, framework.isMeasured(by: [measured]) else { return [] }
        return [
            PartnershipMilestones.RecordLink(
                label: "The performance framework, \(framework.entries.count) indicators",
                href: OutcomePath.dashboard(partnership.key).href)
        ]
    }

    /// Reads the geography the footprint rule needs: the footprint's districts, the upper-tier authorities they lie
    /// in, and every district of those.
    static func footprintCovers(_ codes: [String], in scope: Scope) async throws -> Bool {
        guard !codes.isEmpty else { return false }
        let db = scope.db
        let near = try await AreaLinkRecord.query(on: db).group(.or) {
            $0.filter(\.$districtCode ~~ codes).filter(\.$areaCode ~~ codes)
        }.all()
        let districts = Set(near.map(\.districtCode)).union(codes)
        let up = try await AreaLinkRecord.query(on: db).filter(\.$districtCode ~~ districts).all()
        let reached = districts.union(up.map(\.areaCode))
        let reachedAreas = try await AreaRecord.query(on: db).filter(\.$code ~~ reached).all().map(\.domain)
        let upperTiers = Set(reachedAreas.filter { $0.kind == .upperTierAuthority }.map(\.code))
            .union(reachedAreas.compactMap(\.parentCode))
        let whole =
            upperTiers.isEmpty ? [] : try await AreaLinkRecord.query(on: db).filter(\.$areaCode ~~ upperTiers).all()
        let nested =
            upperTiers.isEmpty ? [] : try await AreaRecord.query(on: db).filter(\.$parentCode ~~ upperTiers).all()
        let more = Set(whole.map(\.districtCode)).union(upperTiers).subtracting(reached)
        let moreAreas = more.isEmpty ? [] : try await AreaRecord.query(on: db).filter(\.$code ~~ more).all()
        let areas = reachedAreas + (nested + moreAreas).map(\.domain)
        let links = (near + up + whole).map(\.domain)
        return GuidanceRules.footprintCoversItsUpperTiers(codes, areas: areas, links: links)
    }
}
