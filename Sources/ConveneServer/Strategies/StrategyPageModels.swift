import ConveneDomain
import Fluent

/// What the strategy pages show of the workspace around strategies: every strategy and priority, and the names of
/// the partnerships and organisations that may own one.
struct StrategyLandscape {
    var strategies: [Strategy]
    var priorities: [Priority]
    var partnerships: [(key: String, name: String)]
    var organisations: [(key: String, name: String)]

    static func load(in scope: Scope) async throws -> StrategyLandscape {
        async let all = StrategyStore.all(in: scope)
        async let partnerships = PartnershipRecord.query(in: scope).field(\.$key).field(\.$name).sort(\.$name).all()
        async let organisations = OrganisationRecord.query(in: scope).field(\.$key).field(\.$name).sort(\.$name)
            .all()
        let (strategies, priorities) = try await all
        return StrategyLandscape(
            strategies: strategies, priorities: priorities,
            partnerships: try await partnerships.map { ($0.key, $0.name) },
            organisations: try await organisations.map { ($0.key, $0.name) })
    }

    func strategy(_ key: String) throws -> Strategy {
        guard let strategy = strategies.first(where: { $0.key == key }) else {
            throw Problem.notFound("The strategy '\(key)'")
        }
        return strategy
    }

    /// The priority `key` of `strategy`.
    func priority(_ key: String, of strategy: Strategy) throws -> Priority {
        guard let priority = priorities.first(where: { $0.key == key && $0.strategyKey == strategy.key }) else {
            throw Problem.notFound("The priority '\(key)'")
        }
        return priority
    }

    func ownerName(_ s: Strategy) -> String {
        if let key = s.ownerPartnershipKey { return partnerships.first { $0.key == key }?.name ?? key }
        if let key = s.ownerOrganisationKey { return organisations.first { $0.key == key }?.name ?? key }
        return "No owner"
    }

    func ownerLink(_ s: Strategy) -> String? {
        s.ownerPartnershipKey.map { RegisterPath.partnership($0).href }
            ?? s.ownerOrganisationKey.map { RegisterPath.organisation($0).href }
    }

    /// The Police and Crime Plan's priorities, for the links a priority can carry.
    var planPriorities: [Priority] {
        let plans = Set(strategies.filter { $0.kind == .policeAndCrimePlan }.map(\.key))
        return priorities.filter { plans.contains($0.strategyKey) }
    }
}

/// Every strategy, with its owner, period, status and number of priorities.
struct StrategyListModel {
    var context: PageContext
    var landscape: StrategyLandscape

    static func load(context: PageContext, in scope: Scope) async throws -> StrategyListModel {
        StrategyListModel(context: context, landscape: try await .load(in: scope))
    }
}

/// One strategy and its priorities, with what each carries of the plan and the national frameworks.
struct StrategyPageModel {
    var context: PageContext
    var strategy: Strategy
    var landscape: StrategyLandscape

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> StrategyPageModel {
        let landscape = try await StrategyLandscape.load(in: scope)
        return StrategyPageModel(context: context, strategy: try landscape.strategy(key), landscape: landscape)
    }
}

/// The form to add or change a strategy, as typed, with what is wrong with it.
struct StrategyFormModel {
    var context: PageContext
    var title: String
    var action: String
    var cancel: String
    var input: StrategyFormInput
    var errors: [FieldError]
    /// For the owners to choose from.
    var landscape: StrategyLandscape
}

/// The form to add or change one of a strategy's priorities, as typed, with what is wrong with it.
struct PriorityFormModel {
    var context: PageContext
    var title: String
    var action: String
    var input: PriorityFormInput
    var errors: [FieldError]
    var strategy: Strategy
    /// For the plan's priorities a priority may carry.
    var landscape: StrategyLandscape
}

/// The alignment matrix of every priority against the plan's priorities and the national frameworks' objectives.
struct AlignmentModel {
    var context: PageContext
    var report: Alignment.Report

    static func load(context: PageContext, in scope: Scope) async throws -> AlignmentModel {
        AlignmentModel(context: context, report: try await report(in: scope))
    }

    /// The workspace's priorities against the plan's and the national frameworks' (a review reads it too).
    static func report(in scope: Scope) async throws -> Alignment.Report {
        let landscape = try await StrategyLandscape.load(in: scope)
        return Alignment.run(
            strategies: landscape.strategies, priorities: landscape.priorities,
            partnershipNames: Dictionary(
                landscape.partnerships.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a }),
            organisationNames: Dictionary(
                landscape.organisations.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }
}
