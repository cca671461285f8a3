/// Strategies, their priorities and the alignment matrix.
enum StrategyPath: SitePath {
    case strategies, alignment, newStrategy
    case strategy(String), editStrategy(String)
    case newPriority(String), editPriority(String, priority: String)

    var segments: [String] {
        switch self {
        case .strategies: ["strategies"]
        case .alignment: ["strategies", "alignment"]
        case .newStrategy: ["strategies", "new"]
        case .strategy(let key): ["strategies", key]
        case .editStrategy(let key): ["strategies", key, "edit"]
        case .newPriority(let key): ["strategies", key, "priorities", "new"]
        case .editPriority(let key, let priority): ["strategies", key, "priorities", priority, "edit"]
        }
    }
}
