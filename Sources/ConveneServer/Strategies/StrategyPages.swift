import ConveneDomain
import Fluent
import Plot
import Vapor

/// Strategies and their priorities: the list, a strategy's page, the forms to add and change them, and the
/// alignment matrix (`AlignmentPage`). Reading is for everyone in the workspace; writing is for editors.
enum StrategyPages {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(StrategyPath.strategies, use: list)
        read.get(StrategyPath.alignment, use: AlignmentPage.show)
        write.get(StrategyPath.newStrategy, use: newStrategy)
        write.post(StrategyPath.newStrategy, use: createStrategy)
        read.get(StrategyPath.strategy(":key"), use: show)
        write.get(StrategyPath.editStrategy(":key"), use: editStrategy)
        write.post(StrategyPath.editStrategy(":key"), use: updateStrategy)
        write.get(StrategyPath.newPriority(":key"), use: newPriority)
        write.post(StrategyPath.newPriority(":key"), use: createPriority)
        write.get(StrategyPath.editPriority(":key", priority: ":priority"), use: editPriority)
        write.post(StrategyPath.editPriority(":key", priority: ":priority"), use: updatePriority)
    }

    /// What the pages show of the register around strategies: names of owners, and the plan's priorities.
    struct Model {
        var strategies: [Strategy]
        var priorities: [Priority]
        var partnerships: [(key: String, name: String)]
        var organisations: [(key: String, name: String)]
        var isDemo: Bool

        static func load(in scope: Scope) async throws -> Model {
            let (strategies, priorities) = try await StrategyStore.all(in: scope)
            async let partnerships = PartnershipRecord.query(in: scope).field(\.$key).field(\.$name).sort(\.$name).all()
            async let organisations = OrganisationRecord.query(in: scope).field(\.$key).field(\.$name).sort(\.$name)
                .all()
            return Model(
                strategies: strategies, priorities: priorities,
                partnerships: try await partnerships.map { ($0.key, $0.name) },
                organisations: try await organisations.map { ($0.key, $0.name) },
                isDemo: try await RegisterQueries.hasDemoData(in: scope))
        }

        func strategy(_ key: String) throws -> Strategy {
            guard let strategy = strategies.first(where: { $0.key == key }) else {
                throw Problem.notFound("The strategy '\(key)'")
            }
            return strategy
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

    @Sendable static func list(req: Request) async throws -> Response {
        StrategyViews.list(
            context: req.pageContext, try await Model.load(in: req.scope), mayEdit: req.pageContext.mayEdit
        ).response()
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let model = try await Model.load(in: req.scope)
        let strategy = try model.strategy(try req.parameters.require("key"))
        return StrategyViews.show(context: req.pageContext, strategy, model: model, mayEdit: req.pageContext.mayEdit)
            .response()
    }

    // MARK: Strategies

    @Sendable static func newStrategy(req: Request) async throws -> Response {
        StrategyViews.strategyForm(
            context: req.pageContext, StrategyFormInput(), model: try await Model.load(in: req.scope), errors: [],
            action: StrategyPath.newStrategy.href, cancel: StrategyPath.strategies.href, title: "Add a strategy"
        ).response()
    }

    @Sendable static func createStrategy(req: Request) async throws -> Response {
        let input = try req.content.decode(StrategyFormInput.self)
        let key = try await RegisterEdits.freshKey(for: input.name ?? "") { key in
            try await StrategyRecord.query(in: req.scope).filter(\.$key == key).first() != nil
        }
        let (strategy, parseErrors) = input.parse(key: key)
        var errors = parseErrors
        if let strategy, errors.isEmpty { errors = try await StrategyStore.save(strategy, in: req.scope) }
        if errors.isEmpty { return req.redirect(to: StrategyPath.strategy(key).href) }
        return StrategyViews.strategyForm(
            context: req.pageContext, input, model: try await Model.load(in: req.scope), errors: errors,
            action: StrategyPath.newStrategy.href,
            cancel: StrategyPath.strategies.href, title: "Add a strategy"
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func editStrategy(req: Request) async throws -> Response {
        let model = try await Model.load(in: req.scope)
        let strategy = try model.strategy(try req.parameters.require("key"))
        return StrategyViews.strategyForm(
            context: req.pageContext, StrategyFormInput(strategy), model: model, errors: [],
            action: StrategyPath.editStrategy(strategy.key).href,
            cancel: StrategyPath.strategy(strategy.key).href, title: "Change \(strategy.name)"
        ).response()
    }

    @Sendable static func updateStrategy(req: Request) async throws -> Response {
        let model = try await Model.load(in: req.scope)
        let old = try model.strategy(try req.parameters.require("key"))
        let input = try req.content.decode(StrategyFormInput.self)
        let (strategy, parseErrors) = input.parse(key: old.key)
        var errors = parseErrors
        if let strategy, errors.isEmpty {
            errors = try await StrategyStore.save(strategy, replacing: old.key, in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: StrategyPath.strategy(old.key).href) }
        return StrategyViews.strategyForm(
            context: req.pageContext, input, model: model, errors: errors,
            action: StrategyPath.editStrategy(old.key).href,
            cancel: StrategyPath.strategy(old.key).href, title: "Change \(old.name)"
        ).response(status: .unprocessableEntity)
    }

    // MARK: Priorities

    @Sendable static func newPriority(req: Request) async throws -> Response {
        let model = try await Model.load(in: req.scope)
        let strategy = try model.strategy(try req.parameters.require("key"))
        return StrategyViews.priorityForm(
            context: req.pageContext, PriorityFormInput(), strategy: strategy, model: model, errors: [],
            action: StrategyPath.newPriority(strategy.key).href, title: "Add a priority"
        ).response()
    }

    @Sendable static func createPriority(req: Request) async throws -> Response {
        let model = try await Model.load(in: req.scope)
        let strategy = try model.strategy(try req.parameters.require("key"))
        let input = try req.content.decode(PriorityFormInput.self)
        let key = try await RegisterEdits.freshKey(for: Key.slug(strategy.key, input.title ?? "priority")) { key in
            try await PriorityRecord.query(in: req.scope).filter(\.$key == key).first() != nil
        }
        let priority = input.parse(key: key, strategyKey: strategy.key)
        let errors = try await StrategyStore.save(priority, in: req.scope)
        if errors.isEmpty { return req.redirect(to: StrategyPath.strategy(strategy.key).href(fragment: "priorities")) }
        return StrategyViews.priorityForm(
            context: req.pageContext, input, strategy: strategy, model: model, errors: errors,
            action: StrategyPath.newPriority(strategy.key).href, title: "Add a priority"
        )
        .response(status: .unprocessableEntity)
    }

    @Sendable static func editPriority(req: Request) async throws -> Response {
        let model = try await Model.load(in: req.scope)
        let strategy = try model.strategy(try req.parameters.require("key"))
        let key = try req.parameters.require("priority")
        guard let priority = model.priorities.first(where: { $0.key == key && $0.strategyKey == strategy.key }) else {
            throw Problem.notFound("The priority '\(key)'")
        }
        return StrategyViews.priorityForm(
            context: req.pageContext, PriorityFormInput(priority), strategy: strategy, model: model, errors: [],
            action: StrategyPath.editPriority(strategy.key, priority: key).href, title: "Change \(priority.title)"
        ).response()
    }

    @Sendable static func updatePriority(req: Request) async throws -> Response {
        let model = try await Model.load(in: req.scope)
        let strategy = try model.strategy(try req.parameters.require("key"))
        let key = try req.parameters.require("priority")
        guard let old = model.priorities.first(where: { $0.key == key && $0.strategyKey == strategy.key }) else {
            throw Problem.notFound("The priority '\(key)'")
        }
        let input = try req.content.decode(PriorityFormInput.self)
        let errors = try await StrategyStore.save(input.parse(key: key, strategyKey: strategy.key), in: req.scope)
        if errors.isEmpty { return req.redirect(to: StrategyPath.strategy(strategy.key).href(fragment: "priorities")) }
        return StrategyViews.priorityForm(
            context: req.pageContext, input, strategy: strategy, model: model, errors: errors,
            action: StrategyPath.editPriority(strategy.key, priority: key).href, title: "Change \(old.title)"
        )
        .response(status: .unprocessableEntity)
    }
}

struct StrategyFormInput: Content {
    var name: String?
    var kind: String?
    /// "partnership:KEY" or "organisation:KEY".
    var owner: String?
    var status: String?
    var startsOn: String?
    var endsOn: String?
    var documentURL: String?

    enum CodingKeys: String, CodingKey {
        case name, kind, owner, status
        case startsOn = "starts_on", endsOn = "ends_on", documentURL = "document_url"
    }

    init(_ s: Strategy? = nil) {
        name = s?.name; kind = s?.kind.rawValue; status = s?.status.rawValue ?? StrategyStatus.active.rawValue
        owner =
            s?.ownerPartnershipKey.map { "partnership:\($0)" } ?? s?.ownerOrganisationKey.map { "organisation:\($0)" }
        startsOn = s?.startsOn?.description; endsOn = s?.endsOn?.description; documentURL = s?.documentURL
    }

    func parse(key: String) -> (Strategy?, [FieldError]) {
        var reader = FormReader()
        let kind: StrategyKind? = reader.vocabulary(kind, "kind", "kind of strategy", required: true)
        let status: StrategyStatus? = reader.vocabulary(status, "status", "status", required: true)
        let starts = reader.day(startsOn, "starts_on", "The start date")
        let ends = reader.day(endsOn, "ends_on", "The end date")
        let owner = reader.text(owner)
        guard let kind, let status else { return (nil, reader.errors) }
        let strategy = Strategy(
            key: key, name: reader.text(name) ?? "", kind: kind, status: status,
            ownerPartnershipKey: owner.flatMap { $0.hasPrefix("partnership:") ? String($0.dropFirst(12)) : nil },
            ownerOrganisationKey: owner.flatMap { $0.hasPrefix("organisation:") ? String($0.dropFirst(13)) : nil },
            startsOn: starts, endsOn: ends, documentURL: reader.text(documentURL))
        return (strategy, reader.errors + strategy.validate())
    }
}

struct PriorityFormInput: Content {
    var title: String?
    var description: String?
    var theme: String?
    /// One measure a line.
    var measures: String?
    var planPriorityKeys: [String]?
    var frameworkObjectiveKeys: [String]?

    enum CodingKeys: String, CodingKey {
        case title, description, theme, measures
        case planPriorityKeys = "plan_priority_keys", frameworkObjectiveKeys = "framework_objective_keys"
    }

    init(_ p: Priority? = nil) {
        title = p?.title; description = p?.description; theme = p?.theme; measures = p?.measures.joined(separator: "\n")
        planPriorityKeys = p?.planPriorityKeys; frameworkObjectiveKeys = p?.frameworkObjectiveKeys
    }

    func parse(key: String, strategyKey: String) -> Priority {
        let reader = FormReader()
        return Priority(
            key: key, strategyKey: strategyKey, title: reader.text(title) ?? "",
            description: reader.text(description) ?? "",
            theme: reader.text(theme),
            measures: (measures ?? "").split(whereSeparator: \.isNewline).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty },
            planPriorityKeys: planPriorityKeys ?? [], frameworkObjectiveKeys: frameworkObjectiveKeys ?? [])
    }
}
