import ConveneDomain
import Foundation
import Testing

/// `convene bench similarity`: the same pairs from a file as from its lines, written as the peer writes them.
@Suite("Similarity: the bench")
struct SimilarityBenchTests {
    @Test func aFileGivesThePairsOfItsLines() throws {
        // Setup
        let lines = ["Road safety board", "road safety board!", "Youth justice", "", "Road safety partnership board"]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("similarity-\(UUID().uuidString).txt")
            .path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        // Act
        let fromFile = try SimilarityBench.run(file: path, threshold: 0.5)
        let fromLines = SimilarityBench.run(lines: lines, threshold: 0.5)

        // Check
        #expect(fromFile.texts == 5 && fromFile.vocabularySize == 6)
        #expect(fromFile.pairs == fromLines.pairs)
        #expect(fromFile.pairs.map { [$0.first, $0.second] } == [[0, 1], [0, 4], [1, 4]])
        #expect(fromFile.seconds >= fromFile.searchSeconds && fromLines.readSeconds == 0)
        #expect(
            SimilarityBench.summary(fromFile, threshold: 0.5).hasPrefix(
                "3 pairs with cosine > 0.5 among 5 texts (6 terms) in "))
    }

    @Test func pairsAreWrittenAsThePeerWritesThem() {
        let pairs = [SimilarPair(first: 0, second: 17, cosine: 0.81234567), SimilarPair(first: 3, second: 4, cosine: 1)]
        #expect(SimilarityBench.tsv(pairs) == "0\t17\t0.812346\n3\t4\t1.000000\n")
        #expect(SimilarityBench.tsv([]) == "")
    }
}
