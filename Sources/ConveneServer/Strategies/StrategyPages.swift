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

    @Sendable static func list(req: Request) async throws -> Response {
        StrategyViews.list(try await StrategyListModel.load(context: req.pageContext, in: req.scope)).response()
    }

    @Sendable static func show(req: Request) async throws -> Response {
        StrategyViews.show(
            try await StrategyPageModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    // MARK: Strategies

    @Sendable static func newStrategy(req: Request) async throws -> Response {
        StrategyViews.strategyForm(
            StrategyFormModel(
                context: req.pageContext, title: "Add a strategy", action: StrategyPath.newStrategy.href,
                cancel: StrategyPath.strategies.href, input: StrategyFormInput(), errors: [],
                landscape: try await StrategyLandscape.load(in: req.scope))
        ).response()
    }

    @Sendable static func createStrategy(req: Request) async throws -> Response {
        let input = try req.content.decode(StrategyFormInput.self)
        let (key, errors) = try await req.scope.withUnusedKey(
            Key.slug(input.name ?? ""), StrategyRecord.self, key: \.$key
        ) { key in
            let (strategy, errors) = input.parse(key: key)
            guard let strategy, errors.isEmpty else { return (key, errors) }
            return (key, try await StrategyStore.save(strategy, creating: true, in: req.scope))
        }
        if errors.isEmpty { return req.redirect(to: StrategyPath.strategy(key).href) }
        return StrategyViews.strategyForm(
            StrategyFormModel(
                context: req.pageContext, title: "Add a strategy", action: StrategyPath.newStrategy.href,
                cancel: StrategyPath.strategies.href, input: input, errors: errors,
                landscape: try await StrategyLandscape.load(in: req.scope))
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func editStrategy(req: Request) async throws -> Response {
        let landscape = try await StrategyLandscape.load(in: req.scope)
        let strategy = try landscape.strategy(try req.parameters.require("key"))
        return StrategyViews.strategyForm(
            StrategyFormModel(
                context: req.pageContext, title: "Change \(strategy.name)",
                action: StrategyPath.editStrategy(strategy.key).href, cancel: StrategyPath.strategy(strategy.key).href,
                input: StrategyFormInput(strategy), errors: [], landscape: landscape)
        ).response()
    }

    @Sendable static func updateStrategy(req: Request) async throws -> Response {
        let landscape = try await StrategyLandscape.load(in: req.scope)
        let old = try landscape.strategy(try req.parameters.require("key"))
        let input = try req.content.decode(StrategyFormInput.self)
        let (strategy, parseErrors) = input.parse(key: old.key)
        var errors = parseErrors
        if let strategy, errors.isEmpty {
            errors = try await StrategyStore.save(strategy, replacing: old.key, in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: StrategyPath.strategy(old.key).href) }
        return StrategyViews.strategyForm(
            StrategyFormModel(
                context: req.pageContext, title: "Change \(old.name)", action: StrategyPath.editStrategy(old.key).href,
                cancel: StrategyPath.strategy(old.key).href, input: input, errors: errors, landscape: landscape)
        ).response(status: .unprocessableEntity)
    }

    // MARK: Priorities

    @Sendable static func newPriority(req: Request) async throws -> Response {
        let landscape = try await StrategyLandscape.load(in: req.scope)
        let strategy = try landscape.strategy(try req.parameters.require("key"))
        return StrategyViews.priorityForm(
            PriorityFormModel(
                context: req.pageContext, title: "Add a priority", action: StrategyPath.newPriority(strategy.key).href,
                input: PriorityFormInput(), errors: [], strategy: strategy, landscape: landscape)
        ).response()
    }

    @Sendable static func createPriority(req: Request) async throws -> Response {
        let landscape = try await StrategyLandscape.load(in: req.scope)
        let strategy = try landscape.strategy(try req.parameters.require("key"))
        let input = try req.content.decode(PriorityFormInput.self)
        let base = Key.slug(strategy.key, input.title ?? "priority")
        let errors = try await req.scope.withUnusedKey(base, PriorityRecord.self, key: \.$key) { key in
            try await StrategyStore.save(
                input.parse(key: key, strategyKey: strategy.key), creating: true, in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: StrategyPath.strategy(strategy.key).href(fragment: "priorities")) }
        return StrategyViews.priorityForm(
            PriorityFormModel(
                context: req.pageContext, title: "Add a priority", action: StrategyPath.newPriority(strategy.key).href,
                input: input, errors: errors, strategy: strategy, landscape: landscape)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func editPriority(req: Request) async throws -> Response {
        let landscape = try await StrategyLandscape.load(in: req.scope)
        let strategy = try landscape.strategy(try req.parameters.require("key"))
        let priority = try landscape.priority(try req.parameters.require("priority"), of: strategy)
        return StrategyViews.priorityForm(
            PriorityFormModel(
                context: req.pageContext, title: "Change \(priority.title)",
                action: StrategyPath.editPriority(strategy.key, priority: priority.key).href,
                input: PriorityFormInput(priority), errors: [], strategy: strategy, landscape: landscape)
        ).response()
    }

    @Sendable static func updatePriority(req: Request) async throws -> Response {
        let landscape = try await StrategyLandscape.load(in: req.scope)
        let strategy = try landscape.strategy(try req.parameters.require("key"))
        let old = try landscape.priority(try req.parameters.require("priority"), of: strategy)
        let input = try req.content.decode(PriorityFormInput.self)
        let errors = try await StrategyStore.save(input.parse(key: old.key, strategyKey: strategy.key), in: req.scope)
        if errors.isEmpty { return req.redirect(to: StrategyPath.strategy(strategy.key).href(fragment: "priorities")) }
        return StrategyViews.priorityForm(
            PriorityFormModel(
                context: req.pageContext, title: "Change \(old.title)",
                action: StrategyPath.editPriority(strategy.key, priority: old.key).href, input: input, errors: errors,
                strategy: strategy, landscape: landscape)
        ).response(status: .unprocessableEntity)
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
