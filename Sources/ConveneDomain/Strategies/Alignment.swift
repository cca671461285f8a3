/// The alignment matrix: the workspace's local priorities (rows) against the Police and Crime Plan's priorities and
/// the national framework objectives (columns), with the coverage of each column and the gaps: framework objectives
/// no priority carries, and plan priorities no partnership carries.
///
/// - The plan is the one Police and Crime Plan whose status is active. With none, or with several (an old plan not yet
///   marked superseded), no plan is chosen: there are no plan columns, and the report says which plans are active so
///   that the user can put it right. Choosing one silently would hide the mistake.
/// - Local priorities are those of the other strategies whose status is counted (active only, by default). Other
///   Police and Crime Plans never give rows.
/// - A priority carries an objective when it links to it, and carries part of it when it links to one of its
///   sub-objectives; either makes the objective carried. The plan's own priorities carry objectives too.
/// - Links to plan priorities outside the chosen plan, or to objectives outside the frameworks given, are listed on
///   their row and not counted.
public enum Alignment {
    public enum PlanState: Hashable, Sendable {
        case one
        case none
        /// The keys of the active plans, sorted.
        case several([String])
    }

    public struct Column: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case planPriority, frameworkObjective }
        public var kind: Kind
        /// The plan priority's key, or the objective's.
        public var key: String
        public var title: String
        /// The framework of an objective; nil for a plan priority.
        public var frameworkKey: String?
        /// The objective a sub-objective belongs to.
        public var parentKey: String?

        /// Unique across both kinds, for HTML ids and API fields.
        public var id: String { (kind == .planPriority ? "plan-" : "objective-") + key }
    }

    public enum Cell: Hashable, Sendable {
        case carries
        /// Carries one of the objective's sub-objectives, and so part of it.
        case carriesPart
    }

    public struct Row: Hashable, Sendable {
        public var priorityKey: String
        public var title: String
        public var theme: String?
        public var strategyKey: String
        public var strategyName: String
        public var owner: StrategyOwner
        public var ownerName: String
        /// The priority's place in its strategy.
        public var position: Int
        /// One per column of the report, in the same order; nil where the priority does not carry the column.
        public var cells: [Cell?]
        /// Links that match no column: shown, not counted.
        public var unmatchedLinks: [String]

        public var carriesNothing: Bool { cells.allSatisfy { $0 == nil } }
    }

    /// A partnership or organisation whose priorities carry a plan priority.
    public struct Carrier: Hashable, Sendable {
        public var owner: StrategyOwner
        public var name: String
    }

    public struct PlanCoverage: Hashable, Sendable {
        public var priorityKey: String
        public var title: String
        /// Partnerships first, then organisations, each by name.
        public var carriers: [Carrier]
        /// The local priorities that carry it, in row order.
        public var priorityKeys: [String]

        public var isCarriedByAPartnership: Bool { carriers.contains { $0.owner.isPartnership } }
    }

    public struct ObjectiveCoverage: Hashable, Sendable {
        public var frameworkKey: String
        public var objective: FrameworkObjective
        /// Priorities linking to the objective itself: the plan's first, then the local rows, in order.
        public var priorityKeys: [String]
        /// Priorities linking only to one of its sub-objectives.
        public var partlyByPriorityKeys: [String]

        public var isCarried: Bool { !priorityKeys.isEmpty || !partlyByPriorityKeys.isEmpty }
    }

    public struct Report: Hashable, Sendable {
        public var plan: Strategy?
        public var planState: PlanState
        /// The plan's priorities, then each framework's objectives (each followed by its sub-objectives).
        public var columns: [Column]
        /// The plan's priorities with the objectives they carry; their plan-priority cells are empty.
        public var planRows: [Row]
        /// Local priorities: by owner (partnerships first), strategy, and the strategy's own order.
        public var rows: [Row]
        public var planCoverage: [PlanCoverage]
        public var objectiveCoverage: [ObjectiveCoverage]

        public var planColumns: [Column] { columns.filter { $0.kind == .planPriority } }
        public var objectiveColumns: [Column] { columns.filter { $0.kind == .frameworkObjective } }

        /// Gap: objectives no priority (local or the plan's) carries, even in part.
        public var uncarriedObjectives: [ObjectiveCoverage] { objectiveCoverage.filter { !$0.isCarried } }
        /// Gap: plan priorities that no priority of a partnership's strategy carries.
        public var planPrioritiesNoPartnershipCarries: [PlanCoverage] {
            planCoverage.filter { !$0.isCarriedByAPartnership }
        }
        /// Local priorities linked to nothing the matrix shows.
        public var rowsCarryingNothing: [Row] { rows.filter(\.carriesNothing) }

        public var objectiveCount: Int { objectiveCoverage.count }
        public var objectivesCarried: Int { objectiveCoverage.filter(\.isCarried).count }
        public var objectiveShare: Double? { share(objectivesCarried, objectiveCount) }
        public var planPriorityCount: Int { planCoverage.count }
        public var planPrioritiesCarriedByPartnerships: Int { planCoverage.filter(\.isCarriedByAPartnership).count }
        public var planShare: Double? { share(planPrioritiesCarriedByPartnerships, planPriorityCount) }

        /// "7 of 12 framework objectives are carried; 2 plan priorities are carried by no partnership".
        public var summary: String {
            let objectives =
                objectiveCount == 0
                ? "No national framework is chosen"
                : "\(objectivesCarried) of \(objectiveCount) framework objectives \(objectivesCarried == 1 ? "is" : "are") carried"
            let plan: String
            switch planState {
            case .none:
                plan = "there is no active Police and Crime Plan to align to"
            case .several(let keys):
                plan =
                    "\(keys.count) Police and Crime Plans are active; mark the old ones superseded to align to the current one"
            case .one:
                let gaps = planPriorityCount - planPrioritiesCarriedByPartnerships
                plan =
                    planPriorityCount == 0
                    ? "the Police and Crime Plan has no priorities yet"
                    : gaps == 0
                        ? "every plan priority is carried by a partnership"
                        : "\(gaps) plan \(gaps == 1 ? "priority is" : "priorities are") carried by no partnership"
            }
            return objectives + "; " + plan
        }

        /// The row of a priority, the plan's or a local one.
        public func row(_ priorityKey: String) -> Row? {
            planRows.first { $0.priorityKey == priorityKey } ?? rows.first { $0.priorityKey == priorityKey }
        }

        private func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
    }

    /// The matrix of the strategies and priorities of one workspace. Names of owners come from the two dictionaries
    /// (the key stands in for a missing name); `counting` says which statuses of local strategies count.
    public static func run(
        strategies: [Strategy], priorities: [Priority],
        frameworks: [Framework] = NationalFrameworks.all,
        partnershipNames: [String: String] = [:], organisationNames: [String: String] = [:],
        counting statuses: Set<StrategyStatus> = [.active]
    ) -> Report {
        let activePlans = strategies.filter { $0.kind == .policeAndCrimePlan && $0.status == .active }.sorted {
            $0.key < $1.key
        }
        let plan = activePlans.count == 1 ? activePlans[0] : nil
        let planState: PlanState =
            activePlans.count == 1 ? .one : activePlans.isEmpty ? .none : .several(activePlans.map(\.key))

        func name(of owner: StrategyOwner) -> String {
            switch owner {
            case .partnership(let key): partnershipNames[key] ?? key
            case .organisation(let key): organisationNames[key] ?? key
            }
        }

        // Columns: the plan's priorities in its own order, then the objectives in each framework's order.
        let planPriorities =
            plan.map { plan in priorities.filter { $0.strategyKey == plan.key }.sorted(by: inStrategyOrder) } ?? []
        var columns = planPriorities.map { Column(kind: .planPriority, key: $0.key, title: $0.title) }
        for framework in frameworks {
            columns += framework.objectives.map {
                Column(
                    kind: .frameworkObjective, key: $0.key, title: $0.title, frameworkKey: framework.key,
                    parentKey: $0.parentKey)
            }
        }
        var planIndex: [String: Int] = [:]
        var objectiveIndex: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            if column.kind == .planPriority {
                planIndex[column.key] = index
            } else {
                objectiveIndex[column.key] = index
            }
        }
        var parentOf: [String: String] = [:]
        for framework in frameworks {
            for objective in framework.objectives { parentOf[objective.key] = objective.parentKey }
        }

        func row(_ priority: Priority, _ strategy: Strategy, _ owner: StrategyOwner, planLinks: Bool) -> Row {
            var cells = [Cell?](repeating: nil, count: columns.count)
            var unmatched: [String] = []
            for key in planLinks ? priority.planPriorityKeys : [] {
                if let index = planIndex[key] { cells[index] = .carries } else { unmatched.append(key) }
            }
            for key in priority.frameworkObjectiveKeys {
                guard let index = objectiveIndex[key] else {
                    unmatched.append(key)
                    continue
                }
                cells[index] = .carries
                // Every objective above it is carried in part; a loop in the reference data must not hang us.
                var ancestor = parentOf[key]
                var seen: Set<String> = [key]
                while let up = ancestor, seen.insert(up).inserted, let upIndex = objectiveIndex[up] {
                    if cells[upIndex] == nil { cells[upIndex] = .carriesPart }
                    ancestor = parentOf[up]
                }
            }
            return Row(
                priorityKey: priority.key, title: priority.title, theme: priority.theme, strategyKey: strategy.key,
                strategyName: strategy.name, owner: owner, ownerName: name(of: owner), position: priority.position,
                cells: cells, unmatchedLinks: unmatched)
        }

        let planRows: [Row] =
            plan.flatMap { plan in
                plan.owner.map { owner in planPriorities.map { row($0, plan, owner, planLinks: false) } }
            } ?? []

        // Local rows. A strategy with no single owner fails validation and is never stored; it is left out here.
        let counted = strategies.filter {
            $0.kind != .policeAndCrimePlan && statuses.contains($0.status) && $0.owner != nil
        }
        let strategiesByKey = Dictionary(counted.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = priorities.compactMap { priority -> Row? in
            guard let strategy = strategiesByKey[priority.strategyKey], let owner = strategy.owner else { return nil }
            return row(priority, strategy, owner, planLinks: true)
        }.sorted(by: inRowOrder)

        let planCoverage = planPriorities.map { planPriority -> PlanCoverage in
            let index = planIndex[planPriority.key]!
            let carrying = rows.filter { $0.cells[index] != nil }
            let carriers = Set(carrying.map { Carrier(owner: $0.owner, name: $0.ownerName) })
                .sorted {
                    ($0.owner.isPartnership ? 0 : 1, $0.name, $0.owner.key) < (
                        $1.owner.isPartnership ? 0 : 1, $1.name, $1.owner.key
                    )
                }
            return PlanCoverage(
                priorityKey: planPriority.key, title: planPriority.title, carriers: carriers,
                priorityKeys: carrying.map(\.priorityKey))
        }

        let everyRow = planRows + rows
        var objectiveCoverage: [ObjectiveCoverage] = []
        for framework in frameworks {
            for objective in framework.objectives {
                let index = objectiveIndex[objective.key]!
                objectiveCoverage.append(
                    ObjectiveCoverage(
                        frameworkKey: framework.key, objective: objective,
                        priorityKeys: everyRow.filter { $0.cells[index] == .carries }.map(\.priorityKey),
                        partlyByPriorityKeys: everyRow.filter { $0.cells[index] == .carriesPart }.map(\.priorityKey)))
            }
        }

        return Report(
            plan: plan, planState: planState, columns: columns, planRows: planRows, rows: rows,
            planCoverage: planCoverage, objectiveCoverage: objectiveCoverage)
    }

    private static func inStrategyOrder(_ a: Priority, _ b: Priority) -> Bool {
        (a.position, a.title, a.key) < (b.position, b.title, b.key)
    }

    /// Partnerships before organisations, then by owner, strategy and the strategy's own order.
    private static func inRowOrder(_ a: Row, _ b: Row) -> Bool {
        let left = (a.owner.isPartnership ? 0 : 1, a.ownerName, a.owner.key, a.strategyName, a.strategyKey)
        let right = (b.owner.isPartnership ? 0 : 1, b.ownerName, b.owner.key, b.strategyName, b.strategyKey)
        if left != right { return left < right }
        return (a.position, a.title, a.priorityKey) < (b.position, b.title, b.priorityKey)
    }
}
