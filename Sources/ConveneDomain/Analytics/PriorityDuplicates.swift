import Foundation

/// A strategy's priority as the near-duplicate analysis reads it: the server maps its stored priorities to these.
public struct PriorityText: Hashable, Sendable {
    public var key: String
    public var strategyKey: String
    public var title: String
    public var description: String

    public init(key: String, strategyKey: String, title: String, description: String = "") {
        self.key = key
        self.strategyKey = strategyKey
        self.title = title
        self.description = description
    }
}

/// Near-duplicate priorities across strategies, collapsed into a consolidated set: the reports' "20 strategies carry
/// 100 priorities, which is no priority at all".
///
/// Two priorities of different strategies are near-duplicates when the TF-IDF cosine similarity of their title and
/// description (the engine's, fitted on all the priorities given) is at least `priority-similarity-threshold`.
/// Near-duplicates are clustered by connected components: A like B and B like C put A, B and C together, so that
/// each theme becomes one consolidated priority. Two priorities of one strategy are never paired with each other (a
/// strategy's own priorities are its authors' distinctions), but can meet in a cluster through a third.
///
/// Deterministic: the same priorities in the same order give the same clusters, representatives and list.
public enum PriorityDuplicates {
    public struct Cluster: Hashable, Sendable {
        /// The member most like the others: the highest summed similarity to them, then the smallest key.
        public var representative: PriorityText
        /// In the order given.
        public var members: [PriorityText]
        /// The strategies it spans, sorted.
        public var strategyKeys: [String]
        /// The near-duplicate pairs that joined it, by priority key, with their cosine.
        public var links: [Link]
    }

    public struct Link: Hashable, Sendable {
        public var a: String
        public var b: String
        public var cosine: Double
    }

    /// One line of the consolidated list: a cluster's representative, or a priority with no near-duplicate.
    public struct Line: Hashable, Sendable {
        public var title: String
        /// The strategies whose priorities it stands for, sorted.
        public var strategyKeys: [String]
        /// The priorities it stands for, in the order given.
        public var priorityKeys: [String]
        public var isMerged: Bool { priorityKeys.count > 1 }
    }

    public struct Report: Sendable {
        public var threshold: Double
        public var priorities: Int
        /// Largest first, then by the representative's title and key.
        public var clusters: [Cluster]
        /// The priorities with no near-duplicate, in the order given.
        public var singletons: [PriorityText]
        /// The consolidated set, in the order of each line's first priority in the list given.
        public var consolidated: [Line]

        public var distinct: Int { clusters.count + singletons.count }

        /// "6 priorities are 4 distinct ones".
        public var summary: String {
            let many = priorities == 1 ? "1 priority is" : "\(priorities) priorities are"
            return "\(many) \(distinct) distinct \(distinct == 1 ? "one" : "ones")"
        }
    }

    public static func run(_ priorities: [PriorityText], settings: AnalyticsSettings) -> Report {
        run(priorities, threshold: Double(settings.prioritySimilarityThreshold) / 100)
    }

    /// With the threshold (above 0, at most 1) given directly.
    public static func run(_ priorities: [PriorityText], threshold: Double) -> Report {
        let vectors = TFIDF(priorities.map { "\($0.title) \($0.description)" })
        let links = vectors.pairs(atLeast: threshold).filter {
            priorities[$0.first].strategyKey != priorities[$0.second].strategyKey
        }

        // Union-find, the smaller index as each root so that the components come out the same every time.
        var parent = Array(priorities.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for link in links {
            let (x, y) = (root(link.first), root(link.second))
            if x != y { parent[max(x, y)] = min(x, y) }
        }
        var components: [Int: [Int]] = [:]
        for i in priorities.indices { components[root(i), default: []].append(i) }
        var linksOf: [Int: [SimilarPair]] = [:]
        for link in links { linksOf[root(link.first), default: []].append(link) }

        var clusters: [(first: Int, cluster: Cluster)] = []
        var singletons: [(first: Int, priority: PriorityText)] = []
        for (first, members) in components {
            guard members.count > 1 else {
                singletons.append((first, priorities[first]))
                continue
            }
            // Summed similarity to the other members: every pair, not just the links.
            var sums = [Double](repeating: 0, count: members.count)
            for x in members.indices {
                for y in members.indices where y > x {
                    let cosine = vectors.cosine(members[x], members[y])
                    sums[x] += cosine
                    sums[y] += cosine
                }
            }
            let best = members.indices.min { x, y in
                sums[x] != sums[y] ? sums[x] > sums[y] : priorities[members[x]].key < priorities[members[y]].key
            }!
            let cluster = Cluster(
                representative: priorities[members[best]], members: members.map { priorities[$0] },
                strategyKeys: Array(Set(members.map { priorities[$0].strategyKey })).sorted(),
                links: (linksOf[first] ?? []).map {
                    Link(a: priorities[$0.first].key, b: priorities[$0.second].key, cosine: $0.cosine)
                })
            clusters.append((first, cluster))
        }

        var lines = clusters.map {
            (
                first: $0.first,
                line: Line(
                    title: $0.cluster.representative.title, strategyKeys: $0.cluster.strategyKeys,
                    priorityKeys: $0.cluster.members.map(\.key))
            )
        }
        lines += singletons.map {
            (
                first: $0.first,
                line: Line(
                    title: $0.priority.title, strategyKeys: [$0.priority.strategyKey],
                    priorityKeys: [$0.priority.key])
            )
        }
        let ranked = clusters.map(\.cluster).sorted { x, y in
            x.members.count != y.members.count
                ? x.members.count > y.members.count
                : (x.representative.title, x.representative.key) < (y.representative.title, y.representative.key)
        }
        return Report(
            threshold: threshold, priorities: priorities.count, clusters: ranked,
            singletons: singletons.sorted { $0.first < $1.first }.map(\.priority),
            consolidated: lines.sorted { $0.first < $1.first }.map(\.line))
    }
}
