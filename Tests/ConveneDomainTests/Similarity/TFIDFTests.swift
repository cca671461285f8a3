import ConveneDomain
import Foundation
import Testing

/// The weights against scikit-learn's own numbers on a small corpus worked by hand.
@Suite("Similarity: TF-IDF weights as scikit-learn gives them")
struct TFIDFTests {
    static let corpus = [
        "The cat sat on the mat.",
        "The dog sat on the log",
        "Cats and dogs: the cat, the dog!",
        "",
        "a",
        "Café café CAFÉ"
    ]

    /// From scikit-learn 1.7.2: `TfidfVectorizer().fit(corpus).idf_`, by term.
    static let sklearnIDF: [String: Double] = [
        "and": 2.252762968495368, "café": 2.252762968495368, "cat": 1.8472978603872037,
        "cats": 2.252762968495368, "dog": 1.8472978603872037, "dogs": 2.252762968495368,
        "log": 2.252762968495368, "mat": 2.252762968495368, "on": 1.8472978603872037,
        "sat": 1.8472978603872037, "the": 1.5596157879354227
    ]

    /// From scikit-learn 1.7.2: the rows of `fit_transform(corpus)`, non-zero entries by term.
    static let sklearnRows: [[String: Double]] = [
        [
            "cat": 0.3691490654188455, "mat": 0.45017393364811253, "on": 0.3691490654188455, "sat": 0.3691490654188455,
            "the": 0.6233220130598336
        ],
        [
            "dog": 0.3691490654188455, "log": 0.45017393364811253, "on": 0.3691490654188455, "sat": 0.3691490654188455,
            "the": 0.6233220130598336
        ],
        [
            "and": 0.39961550286086817, "cat": 0.32769042892492667, "cats": 0.39961550286086817,
            "dog": 0.32769042892492667, "dogs": 0.39961550286086817, "the": 0.5533175536721759
        ],
        [:],
        [:],
        ["café": 1.0]
    ]

    /// From scikit-learn 1.7.2: the non-zero entries of `X @ X.T` above the diagonal.
    static let sklearnCosines: [(Int, Int, Double)] = [
        (0, 1, 0.6610723969641775), (0, 2, 0.4658616270006205), (1, 2, 0.4658616270006205)
    ]

    @Test func idfIsSmoothAndMatchesScikitLearn() {
        // Act
        let vectors = TFIDF(Self.corpus)

        // Check: ln((1 + 6) / (1 + df)) + 1 for n = 6 texts (the empty and the wordless ones count).
        #expect(vectors.count == 6)
        #expect(vectors.vocabularySize == Self.sklearnIDF.count)
        for (term, expected) in Self.sklearnIDF {
            let number = try! #require(vectors.number(ofTerm: term), "\(term)")
            #expect(vectors.term(number) == term)
            #expect(abs(vectors.idf[number] - expected) < 1e-15, "\(term)")
        }
        let the = vectors.number(ofTerm: "the")!
        #expect(vectors.documentFrequency[the] == 3 && vectors.idf[the] == log(7.0 / 4.0) + 1)
        // Terms are numbered from the most common ("the", in three texts) to the rarest.
        #expect(the == 0)
        #expect(vectors.documentFrequency == vectors.documentFrequency.sorted(by: >))
        #expect(vectors.number(ofTerm: "The") == nil && vectors.number(ofTerm: "bird") == nil)
    }

    @Test func weightsAreCountsTimesIDFOverTheRowLength() {
        // Act
        let vectors = TFIDF(Self.corpus)

        // Check
        for (text, expected) in Self.sklearnRows.enumerated() {
            let row = vectors.vector(text)
            #expect(row.count == expected.count, "text \(text)")
            #expect(row.map(\.term) == row.map(\.term).sorted())
            for (term, weight) in row {
                let name = vectors.term(term)
                #expect(abs(weight - (expected[name] ?? .nan)) < 1e-15, "text \(text), \(name)")
            }
        }
        // "the" twice in text 0: 2 × 1.5596… before dividing by the length.
        let row = Dictionary(uniqueKeysWithValues: vectors.vector(0).map { (vectors.term($0.term), $0.weight) })
        let length = (pow(2 * 1.5596157879354227, 2) + 3 * pow(1.8472978603872037, 2) + pow(2.252762968495368, 2))
            .squareRoot()
        #expect(abs(row["the"]! - 2 * 1.5596157879354227 / length) < 1e-15)
    }

    @Test func cosinesAndPairsMatchScikitLearn() {
        // Setup
        let vectors = TFIDF(Self.corpus)

        // Act
        let all = vectors.pairs(above: 0)
        let half = vectors.pairs(atLeast: 0.5)

        // Check: the empty text (3) and the wordless one (4) pair with nothing; "Café café CAFÉ" only with itself.
        #expect(all.map { [$0.first, $0.second] } == Self.sklearnCosines.map { [$0.0, $0.1] })
        for (pair, expected) in zip(all, Self.sklearnCosines) {
            #expect(abs(pair.cosine - expected.2) < 1e-15)
            #expect(abs(vectors.cosine(pair.first, pair.second) - expected.2) < 1e-15)
        }
        #expect(half.map { [$0.first, $0.second] } == [[0, 1]])
        #expect(vectors.cosine(3, 4) == 0 && vectors.cosine(5, 5) == 1)
    }

    @Test func identicalTextsHaveCosineOne() {
        // Setup: the same words in another order and case are the same vector.
        let vectors = TFIDF([
            "Road safety partnership", "PARTNERSHIP: road safety!", "road safety board", "Road safety partnership"
        ])

        // Act
        let pairs = vectors.pairs(atLeast: 1 - 1e-9)

        // Check
        #expect(pairs.map { [$0.first, $0.second] } == [[0, 1], [0, 3], [1, 3]])
        #expect(pairs.allSatisfy { abs($0.cosine - 1) < 1e-12 })
    }

    @Test func noTextsOrNoWordsGiveNoPairs() {
        #expect(TFIDF([]).pairs(above: 0).isEmpty)
        #expect(TFIDF([]).vocabularySize == 0)
        let wordless = TFIDF(["", "a", "!!", "a"])
        #expect(wordless.count == 4 && wordless.vocabularySize == 0)
        #expect(wordless.pairs(above: 0).isEmpty && wordless.pairs(atLeast: 0.01).isEmpty)
        #expect(wordless.vector(1).isEmpty)
    }

    @Test func strictAndNonStrictDifferOnlyAtTheThreshold() {
        // Setup: texts 0 and 1 share nothing but are each identical to another text, so their cosines are 1.
        let vectors = TFIDF(["alpha beta", "gamma delta", "alpha beta", "gamma delta"])
        let one = vectors.cosine(0, 2)

        // Check: at exactly the computed cosine, ≥ keeps the pair and > does not.
        #expect(vectors.pairs(atLeast: one).contains { $0.first == 0 && $0.second == 2 })
        #expect(!vectors.pairs(above: one).contains { $0.first == 0 && $0.second == 2 })
    }
}
