import Testing

@testable import ConveneDomain

@Suite struct LandscapeGraphTests {
    @Test func eachForceAreaIsAClusterPackedIntoAGridWithLonePartnershipsInRows() {
        // Setup: two force areas; Kent's board has a sub-group, and Kent has five partnerships reporting to nobody.
        let kent = ["kent-board", "kent-sub"] + (1...5).map { "kent-\($0)" }
        let nodes =
            kent.map { LandscapeGraph.Node(key: $0, name: $0, type: .strategicBoard, group: "Kent") }
            + [LandscapeGraph.Node(key: "gwent-apb", name: "gwent-apb", type: .areaPlanningBoard, group: "Gwent")]
        let graph = LandscapeGraph(
            nodes: nodes, relations: [PartnershipRelation("kent-sub", .subGroupOf, "kent-board")])

        // Act
        let dot = graph.dot(columns: 3) { "/partnerships/\($0)" }

        // Check: a cluster per force area, in name order, packed three to a row.
        #expect(dot.contains("packmode=\"array_u3\""))
        let gwent = try! #require(dot.range(of: "label=\"Gwent\""))
        let kentLabel = try! #require(dot.range(of: "label=\"Kent\""))
        #expect(dot.components(separatedBy: "subgraph cluster_").count == 3 && gwent.lowerBound < kentLabel.lowerBound)
        // The parent is ranked above its sub-group, the arrow pointing up to it.
        let index = Dictionary(graph.nodes.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(dot.contains("n\(index["kent-board"]!) -> n\(index["kent-sub"]!) [dir=back, style=dashed"))
        // The five lone partnerships in rows of three: the first above the fourth, the second above the fifth.
        let lone = (1...5).map { index["kent-\($0)"]! }
        #expect(dot.contains("n\(lone[0]) -> n\(lone[3]) [style=invis]"))
        #expect(dot.contains("n\(lone[1]) -> n\(lone[4]) [style=invis]"))
        #expect(!dot.contains("n\(lone[2]) -> n\(lone[3]) [style=invis]"))
    }
}
