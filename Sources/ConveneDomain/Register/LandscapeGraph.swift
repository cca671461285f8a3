/// The reporting structure of a set of partnerships, as a forest and as Graphviz DOT text.
public struct LandscapeGraph: Sendable {
    public struct Node: Sendable, Hashable {
        public var key: String
        public var name: String
        public var type: PartnershipType
        /// The box the node is drawn in, with others of the same group (a force area's name); nil for none.
        public var group: String?
        public init(key: String, name: String, type: PartnershipType, group: String? = nil) {
            self.key = key
            self.name = name
            self.type = type
            self.group = group
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
        self.edges =
            relations
            .filter {
                ($0.kind.isHierarchical || $0.kind == .deliveryArmOf) && keys.contains($0.fromKey)
                    && keys.contains($0.toKey)
            }
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

    /// Partnerships with no reporting line, and the groups of one parent, side by side in rows this long.
    static let rowLength = 3

    /// DOT text with one box per partnership, linking to its page; parents above their groups, with an arrow from each
    /// group up to its parent. Each group (force area) is its own cluster, and the clusters are packed into a grid
    /// `columns` wide. (Tying a cluster's boxes together with invisible unconstrained edges crashes Graphviz 2.42's
    /// packing; packing keeps each cluster whole without them.)
    public func dot(columns: Int = 3, link: (String) -> String) -> String {
        // Shared-member lines run between force areas, which packed clusters cannot draw (packing lays each area
        // out by itself, and Graphviz 2.42 fails on lines between unpacked clusters): with the overlay, one layout.
        let clustered = sharedMembers.isEmpty && nodes.contains { $0.group != nil }
        var out = "digraph landscape {\n"
        out += "  graph [rankdir=TB, fontname=\"Arial\", nodesep=0.15, ranksep=0.35"
        out += clustered ? ", pack=24, packmode=\"array_u\(max(1, columns))\"];\n" : "];\n"
        out +=
            "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f3f2f1\", color=\"#0b0c0c\", fontname=\"Arial\", "
        out += "fontsize=11, width=2.3];\n"
        out += "  edge [color=\"#505a5f\", fontname=\"Arial\", fontsize=9];\n"
        let index = Dictionary(nodes.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        // Groups in order of name; nodes without one last, in a group of their own.
        var groups: [(name: String?, members: [Int])] = []
        var at: [String?: Int] = [:]
        for (i, node) in nodes.enumerated() {
            let group = clustered ? node.group : nil
            if let g = at[group] {
                groups[g].members.append(i)
            } else {
                at[group] = groups.count
                groups.append((group, [i]))
            }
        }
        groups.sort { ($0.name == nil ? 1 : 0, $0.name ?? "") < ($1.name == nil ? 1 : 0, $1.name ?? "") }
        let linked = Set(edges.flatMap { [$0.fromKey, $0.toKey] })
        for (g, group) in groups.enumerated() {
            let indent = group.name == nil ? "  " : "    "
            if let name = group.name {
                out += "  subgraph cluster_\(g) {\n"
                out += "    label=\"\(Self.escape(name))\"; style=\"rounded\"; color=\"#b1b4b6\"; fontsize=14;\n"
            }
            for i in group.members {
                let node = nodes[i]
                let fill = node.type == .combatingDrugsPartnership ? "#d2e2f1" : "#f3f2f1"
                out +=
                    "\(indent)n\(i) [label=\"\(Self.escape(Self.wrap(node.name)))\", URL=\"\(Self.escape(link(node.key)))\", "
                out += "tooltip=\"\(Self.escape(node.name + " – " + node.type.label))\", fillcolor=\"\(fill)\"];\n"
            }
            // Partnerships with no reporting line in rows: each one above the one a row further on.
            let alone = group.members.filter { !linked.contains(nodes[$0].key) }
            for (a, b) in zip(alone, alone.dropFirst(Self.rowLength)) {
                out += "\(indent)n\(a) -> n\(b) [style=invis];\n"
            }
            // A parent's many groups in rows too, each below the one a row before it.
            for members in childrenByParent(in: Set(group.members.map { nodes[$0].key })) {
                let rows = members.compactMap { index[$0] }
                for (a, b) in zip(rows, rows.dropFirst(Self.rowLength)) {
                    out += "\(indent)n\(a) -> n\(b) [style=invis];\n"
                }
            }
            if group.name != nil { out += "  }\n" }
        }
        for edge in edges {
            guard let from = index[edge.fromKey], let to = index[edge.toKey] else { continue }
            let label = edge.kind == .reportsTo ? "" : ", style=dashed, label=\"\(edge.kind.label.lowercased())\""
            out += "  n\(to) -> n\(from) [dir=back\(label)];\n"
        }
        // Shared members: not part of the layout's ranks (constraint=false), wider and darker the more is shared.
        for pair in sharedMembers {
            guard let a = index[pair.aKey], let b = index[pair.bKey] else { continue }
            let width = String(format: "%.1f", 1 + 5 * pair.overlap)
            out += "  n\(a) -> n\(b) [dir=none, constraint=false, color=\"#d4351c\", penwidth=\(width), "
            out += "label=\"\(pair.shared) shared\", fontcolor=\"#942514\", "
            out += "tooltip=\"\(Int((pair.overlap * 100).rounded()))% overlap\"];\n"
        }
        return out + "}\n"
    }

    /// The groups of each parent among `keys` (by their first upward edge), parents and groups in name order.
    private func childrenByParent(in keys: Set<String>) -> [[String]] {
        var parentOf: [String: String] = [:]
        for edge in edges where parentOf[edge.fromKey] == nil { parentOf[edge.fromKey] = edge.toKey }
        var children: [String: [String]] = [:]
        for node in nodes where keys.contains(node.key) {
            if let parent = parentOf[node.key], keys.contains(parent) { children[parent, default: []].append(node.key) }
        }
        return nodes.compactMap { children[$0.key] }
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
