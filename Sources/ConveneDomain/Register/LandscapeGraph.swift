/// The reporting structure of a set of partnerships, as a forest and as Graphviz DOT text.
public struct LandscapeGraph: Sendable {
    public struct Node: Sendable, Hashable {
        public var key: String
        public var name: String
        public var type: PartnershipType
        public init(key: String, name: String, type: PartnershipType) {
            self.key = key
            self.name = name
            self.type = type
        }
    }

    public struct Tree: Sendable {
        public var node: Node
        public var relation: RelationKind?
        public var children: [Tree]
    }

    /// Two partnerships sharing members, drawn over the structure as an undirected edge as heavy as the overlap.
    public struct SharedMembers: Sendable, Hashable {
        public var aKey: String
        public var bKey: String
        /// People both have.
        public var shared: Int
        /// |A ∩ B| ÷ min(|A|, |B|).
        public var overlap: Double
        public init(aKey: String, bKey: String, shared: Int, overlap: Double) {
            self.aKey = aKey
            self.bKey = bKey
            self.shared = shared
            self.overlap = overlap
        }
    }

    public var nodes: [Node]
    /// Upward edges only: reports to, sub-group of, delivery arm of.
    public var edges: [PartnershipRelation]
    /// The overlay of shared members; empty unless asked for.
    public var sharedMembers: [SharedMembers] = []

    public init(nodes: [Node], relations: [PartnershipRelation]) {
        self.nodes = nodes.sorted { ($0.name, $0.key) < ($1.name, $1.key) }
        let keys = Set(nodes.map(\.key))
        self.edges = relations
            .filter { ($0.kind.isHierarchical || $0.kind == .deliveryArmOf) && keys.contains($0.fromKey) && keys.contains($0.toKey) }
            .sorted { ($0.fromKey, $0.kind.rawValue, $0.toKey) < ($1.fromKey, $1.kind.rawValue, $1.toKey) }
    }

    /// The structure as nested trees: roots are partnerships that report to nobody in the set.
    /// A partnership with several parents appears under the first; the cycle check keeps this finite.
    public func forest() -> [Tree] {
        var parentOf: [String: PartnershipRelation] = [:]
        for edge in edges where parentOf[edge.fromKey] == nil { parentOf[edge.fromKey] = edge }
        var children: [String: [(Node, RelationKind)]] = [:]
        let byKey = Dictionary(nodes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for node in nodes {
            if let edge = parentOf[node.key] { children[edge.toKey, default: []].append((node, edge.kind)) }
        }
        var visited: Set<String> = []
        func build(_ node: Node, _ relation: RelationKind?) -> Tree {
            visited.insert(node.key)
            let below = (children[node.key] ?? []).filter { !visited.contains($0.0.key) }
            return Tree(node: node, relation: relation, children: below.map { build($0.0, $0.1) })
        }
        return nodes.filter { parentOf[$0.key] == nil || byKey[parentOf[$0.key]!.toKey] == nil }.map { build($0, nil) }
    }

    /// DOT text with one box per partnership, linking to its page; edges point from a group up to its parent.
    public func dot(link: (String) -> String) -> String {
        var out = "digraph landscape {\n"
        out += "  graph [rankdir=RL, fontname=\"Arial\", nodesep=0.15, ranksep=0.6];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f3f2f1\", color=\"#0b0c0c\", fontname=\"Arial\", fontsize=11];\n"
        out += "  edge [color=\"#505a5f\", fontname=\"Arial\", fontsize=9];\n"
        for (index, node) in nodes.enumerated() {
            let fill = node.type == .combatingDrugsPartnership ? "#d2e2f1" : "#f3f2f1"
            out += "  n\(index) [label=\"\(Self.escape(Self.wrap(node.name)))\", URL=\"\(Self.escape(link(node.key)))\", "
            out += "tooltip=\"\(Self.escape(node.name + " – " + node.type.label))\", fillcolor=\"\(fill)\"];\n"
        }
        let index = Dictionary(nodes.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        for edge in edges {
            guard let from = index[edge.fromKey], let to = index[edge.toKey] else { continue }
            let style = edge.kind == .reportsTo ? "" : " [style=dashed, label=\"\(edge.kind.label.lowercased())\"]"
            out += "  n\(from) -> n\(to)\(style);\n"
        }
        // Shared members: not part of the layout's ranks (constraint=false), wider and darker the more is shared.
        for pair in sharedMembers {
            guard let a = index[pair.aKey], let b = index[pair.bKey] else { continue }
            let width = String(format: "%.1f", 1 + 5 * pair.overlap)
            out += "  n\(a) -> n\(b) [dir=none, constraint=false, color=\"#d4351c\", penwidth=\(width), "
            out += "label=\"\(pair.shared) shared\", fontcolor=\"#942514\", tooltip=\"\(Int((pair.overlap * 100).rounded()))% overlap\"];\n"
        }
        return out + "}\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Breaks long names over lines of about 28 characters so boxes stay narrow.
    static func wrap(_ name: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in name.split(separator: " ") {
            if !line.isEmpty && line.count + word.count > 28 {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
