import ConveneDomain
import Fluent
import Foundation

/// The workspace's strategies and priorities as domain values, and their writes (each audited, each validated by
/// the domain first, so a form, the CLI and a test get the same messages).
enum StrategyStore {
    /// Every strategy and priority of the workspace, strategies by name, priorities by strategy and position.
    static func all(in scope: Scope) async throws -> (strategies: [Strategy], priorities: [Priority]) {
        async let strategyRows = scope.query(StrategyRecord.self).with(\.$ownerPartnership).with(\.$ownerOrganisation)
            .all()
        async let priorityRows = scope.query(PriorityRecord.self).sort(\.$position).all()
        let records = try await strategyRows
        let keys = Dictionary(records.map { ($0.id!, $0.key) }, uniquingKeysWith: { a, _ in a })
        // The Police and Crime Plan first, then by name.
        let strategies = records.map(domain).sorted {
            ($0.kind == .policeAndCrimePlan ? 0 : 1, $0.name, $0.key) < (
                $1.kind == .policeAndCrimePlan ? 0 : 1, $1.name, $1.key
            )
        }
        let priorities = try await priorityRows.compactMap { row in
            keys[row.$strategy.id].map { domain(row, strategyKey: $0) }
        }
        return (strategies, priorities)
    }

    /// The priorities of the workspace's active strategies, as the priorities analysis reads them.
    static func priorityTexts(in scope: Scope) async throws -> [PriorityText] {
        let (strategies, priorities) = try await all(in: scope)
        let active = Set(strategies.filter { $0.status == .active }.map(\.key))
        return priorities.filter { active.contains($0.strategyKey) }
            .map {
                PriorityText(key: $0.key, strategyKey: $0.strategyKey, title: $0.title, description: $0.description)
            }
    }

    static func domain(_ record: StrategyRecord) -> Strategy {
        Strategy(
            key: record.key, name: record.name, kind: StrategyKind(rawValue: record.kind) ?? .partnershipStrategy,
            status: StrategyStatus(rawValue: record.status) ?? .draft,
            ownerPartnershipKey: record.ownerPartnership?.key,
            ownerOrganisationKey: record.ownerOrganisation?.key, startsOn: record.startsOn.flatMap(Day.init),
            endsOn: record.endsOn.flatMap(Day.init), documentURL: record.documentURL)
    }

    static func domain(_ record: PriorityRecord, strategyKey: String) -> Priority {
        Priority(
            key: record.key, strategyKey: strategyKey, title: record.title, description: record.description,
            theme: record.theme,
            measures: record.measures.split(separator: "\n").map(String.init),
            planPriorityKeys: ListColumn.decode(record.planPriorityKeys),
            frameworkObjectiveKeys: ListColumn.decode(record.frameworkObjectiveKeys),
            position: record.position)
    }

    /// Creates or replaces a strategy by key. Errors name the form's fields; nothing is written when there are any.
    static func save(_ strategy: Strategy, replacing oldKey: String? = nil, creating: Bool = false, in scope: Scope)
        async throws -> [FieldError]
    {
        var errors = strategy.validate()
        let partnership =
            try await strategy.ownerPartnershipKey.asyncMap {
                try await PartnershipRecord.query(in: scope).filter(\.$key == $0).first()
            } ?? nil
        let organisation =
            try await strategy.ownerOrganisationKey.asyncMap {
                try await OrganisationRecord.query(in: scope).filter(\.$key == $0).first()
            } ?? nil
        if strategy.ownerPartnershipKey != nil && partnership == nil {
            errors.append(FieldError("owner", "Choose a partnership in this register"))
        }
        if strategy.ownerOrganisationKey != nil && organisation == nil {
            errors.append(FieldError("owner", "Choose an organisation in this register"))
        }
        let existing = try await scope.query(StrategyRecord.self).filter(\.$key == (oldKey ?? strategy.key))
            .with(\.$ownerPartnership).with(\.$ownerOrganisation).first()
        if let oldKey, oldKey != strategy.key,
            try await scope.query(StrategyRecord.self).filter(\.$key == strategy.key).first() != nil
        {
            errors.append(FieldError("key", "There is already a strategy with the identifier '\(strategy.key)'"))
        }
        guard errors.isEmpty else { return errors }
        if creating, existing != nil { throw KeyInUse(field: "key", value: strategy.key) }
        let before = existing.map(domain)
        guard before != strategy else { return [] }
        try await scope.audited { scope, audit in
            let record = existing ?? StrategyRecord()
            if existing == nil { scope.claim(record) }
            record.key = strategy.key
            record.name = strategy.name
            record.kind = strategy.kind.rawValue
            record.status = strategy.status.rawValue
            record.$ownerPartnership.id = partnership?.id
            record.$ownerOrganisation.id = organisation?.id
            record.startsOn = strategy.startsOn?.description
            record.endsOn = strategy.endsOn?.description
            record.documentURL = strategy.documentURL
            try await record.save(on: scope.db)
            audit.note(existing == nil ? "create" : "update", "strategy", strategy.key, before: before, after: strategy)
        }
        return []
    }

    /// Creates or replaces a priority by key, at the end of its strategy's list when new. Its links must name plan
    /// priorities and framework objectives that exist.
    static func save(_ priority: Priority, creating: Bool = false, in scope: Scope) async throws -> [FieldError] {
        var errors = priority.validate()
        guard let strategy = try await scope.query(StrategyRecord.self).filter(\.$key == priority.strategyKey).first()
        else {
            return errors + [FieldError("strategy", "There is no strategy '\(priority.strategyKey)'")]
        }
        let (strategies, priorities) = try await all(in: scope)
        let planKeys = Set(
            priorities.filter { p in strategies.contains { $0.key == p.strategyKey && $0.kind == .policeAndCrimePlan } }
                .map(\.key))
        if let unknown = priority.planPriorityKeys.first(where: { !planKeys.contains($0) || $0 == priority.key }) {
            errors.append(
                FieldError("plan_priority_keys", "'\(unknown)' is not a priority of the Police and Crime Plan"))
        }
        if let unknown = priority.frameworkObjectiveKeys.first(where: { NationalFrameworks.objective($0) == nil }) {
            errors.append(FieldError("framework_objective_keys", "'\(unknown)' is not a national framework objective"))
        }
        let existing = try await scope.query(PriorityRecord.self).filter(\.$key == priority.key).first()
        if let existing, existing.$strategy.id != strategy.id {
            errors.append(
                FieldError(
                    "key", "There is already a priority with the identifier '\(priority.key)' in another strategy"))
        }
        guard errors.isEmpty else { return errors }
        if creating, existing != nil { throw KeyInUse(field: "key", value: priority.key) }
        let before = existing.map { domain($0, strategyKey: priority.strategyKey) }
        // The position is the store's to keep (a priority saved again stays where it is), so it is not compared.
        if var unchanged = before {
            unchanged.position = priority.position
            if unchanged == priority { return [] }
        }
        let position = (priorities.filter { $0.strategyKey == priority.strategyKey }.count) + 1
        try await scope.audited { scope, audit in
            let record = existing ?? PriorityRecord()
            if existing == nil {
                scope.claim(record)
                record.position = position
            }
            record.$strategy.id = try strategy.requireID()
            record.key = priority.key
            record.title = priority.title
            record.description = priority.description
            record.theme = priority.theme
            record.measures = priority.measures.joined(separator: "\n")
            record.planPriorityKeys = ListColumn.encode(priority.planPriorityKeys)
            record.frameworkObjectiveKeys = ListColumn.encode(priority.frameworkObjectiveKeys)
            try await record.save(on: scope.db)
            audit.note(existing == nil ? "create" : "update", "priority", priority.key, before: before, after: priority)
        }
        return []
    }
}
