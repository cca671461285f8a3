import ConveneDomain
import Foundation
import Testing

/// The pruned all-pairs search against brute force: on seeded random corpora with small vocabularies (so that many
/// pairs sit near any threshold), with empty texts, wordless texts, one-word texts, repeated and re-cased texts and
/// words from many scripts, the search must find exactly the pairs that comparing every text with every other finds.
/// Only a pair whose cosine lies within 1e-9 of the threshold may come out differently, as rounding may decide it.
@Suite("Similarity: all pairs against brute force")
struct AllPairsPropertyTests {
    static let words = [
        "road", "safety", "board", "youth", "justice", "harm", "hope", "drugs", "violence", "vawg", "cdp", "pcc",
        "café", "straße", "δρόμος", "ΟΔΟΣ", "москва", "東京", "서울", "مرحبا", "x_1", "2024", "½½", "cafe\u{301}",
        "Safety", "HARM", "a", "I"
    ]
    static let separators = [" ", "  ", ", ", " - ", "\t", "! ", "/", " ; "]

    /// A corpus of `count` texts drawn from a vocabulary of `vocabulary` words.
    static func corpus(_ random: inout SeededRandom, count: Int, vocabulary: Int) -> [String] {
        let pool = random.sample(words, vocabulary)
        var texts: [String] = []
        for _ in 0..<count {
            switch random.below(20) {
            case 0: texts.append("")
            case 1: texts.append(random.pick(["!!", " ", "a", "- I -", "😀"]))
            case 2 where !texts.isEmpty: texts.append(random.pick(texts))
            case 3 where !texts.isEmpty: texts.append(random.pick(texts).uppercased())
            case 4: texts.append(random.pick(pool))
            default:
                let length = random.between(1...7)
                var text = ""
                for index in 0..<length {
                    if index > 0 { text += random.pick(separators) }
                    text += random.pick(pool)
                }
                texts.append(text)
            }
        }
        return texts
    }

    /// A threshold spread over (0, 1), now and then one of the values a pair is likely to sit on exactly.
    static func threshold(_ random: inout SeededRandom) -> Double {
        random.chance(10) ? random.pick([0.5, 1.0 / 3, 0.25, 1.0, 0.8]) : Double(random.between(1...999)) / 1000
    }

    @Test func randomCorporaAgainstBruteForce() {
        var random = SeededRandom(seed: 20_240_601)
        var pairs = 0
        for round in 0..<400 {
            // Setup
            let texts = Self.corpus(&random, count: random.between(0...45), vocabulary: random.between(2...14))
            let threshold = Self.threshold(&random)
            let strict = random.chance(50)

            // Act
            let vectors = TFIDF(texts)
            let found = strict ? vectors.pairs(above: threshold) : vectors.pairs(atLeast: threshold)

            // Check
            let brute = SimilarityBruteForce(texts)
            let expected = brute.pairs(threshold: threshold, strict: strict)
            SimilarityBruteForce.expectSame(found, expected, brute: brute, threshold: threshold, "round \(round)")
            pairs += found.count
        }
        // The rounds are worth something: thousands of pairs found in all.
        #expect(pairs > 5000)
    }

    @Test func randomPairsBetweenTwoSetsAgainstBruteForce() {
        var random = SeededRandom(seed: 7)
        for round in 0..<150 {
            // Setup: two overlapping sets of the texts.
            let texts = Self.corpus(&random, count: random.between(1...40), vocabulary: random.between(2...10))
            let left = random.sample(Array(texts.indices), random.between(0...texts.count))
            let right = random.sample(Array(texts.indices), random.between(0...texts.count))
            let threshold = Self.threshold(&random)
            let strict = random.chance(50)

            // Act
            let vectors = TFIDF(texts)
            let found =
                strict
                ? vectors.pairs(above: threshold, between: left, and: right)
                : vectors.pairs(atLeast: threshold, between: left, and: right)

            // Check: every (l, r), l ≠ r, both ways round when both are in both sets.
            let brute = SimilarityBruteForce(texts)
            var expected: [SimilarPair] = []
            for l in Set(left).sorted() {
                for r in Set(right).sorted() where l != r {
                    let cosine = brute.cosine(l, r)
                    if strict ? cosine > threshold : cosine >= threshold {
                        expected.append(SimilarPair(first: l, second: r, cosine: cosine))
                    }
                }
            }
            SimilarityBruteForce.expectSame(found, expected, brute: brute, threshold: threshold, "round \(round)")
        }
    }

    @Test(arguments: [0.3, 0.5, 0.7, 0.8, 0.9, 0.99])
    func aLargerZipfCorpusAgainstEveryCosine(threshold: Double) {
        // Setup: 1,200 titles of 3 to 9 words from 300, the commoner far more likely, a third of them near-copies
        // of an earlier title with one word changed, like ../shared/bench's titles.
        var random = SeededRandom(seed: 42)
        let vocabulary = (0..<300).map { "w\($0)" }
        let weights = (0..<300).map { 3000 / ($0 + 1) }
        var texts: [[String]] = []
        for _ in 0..<1200 {
            if !texts.isEmpty && random.chance(33) {
                var words = random.pick(texts)
                words[random.below(words.count)] = vocabulary[random.weightedIndex(weights)!]
                texts.append(words)
            } else {
                texts.append((0..<random.between(3...9)).map { _ in vocabulary[random.weightedIndex(weights)!] })
            }
        }
        let vectors = TFIDF(texts.map { $0.joined(separator: " ") })

        // Act
        let found = vectors.pairs(atLeast: threshold)

        // Check: against the cosine of every pair (a plain merge of the two rows, not the search).
        var expected: [SimilarPair] = []
        for i in 0..<vectors.count {
            for j in (i + 1)..<vectors.count {
                let cosine = vectors.cosine(i, j)
                if cosine >= threshold { expected.append(SimilarPair(first: i, second: j, cosine: cosine)) }
            }
        }
        #expect(found.count > 10)
        let missing = Set(expected.map { [$0.first, $0.second] }).subtracting(found.map { [$0.first, $0.second] })
        let extra = Set(found.map { [$0.first, $0.second] }).subtracting(expected.map { [$0.first, $0.second] })
        #expect(missing.isEmpty && extra.isEmpty, "missing \(missing), extra \(extra)")
        #expect(found.map { [$0.first, $0.second] } == expected.map { [$0.first, $0.second] })
        #expect(zip(found, expected).allSatisfy { abs($0.cosine - $1.cosine) < 1e-12 })
    }
}

/// TF-IDF written the plain way, from the words alone: counts in dictionaries keyed by code points, idf and lengths
/// as the definitions say, every pair compared.
struct SimilarityBruteForce {
    typealias Term = [UInt32]
    let vectors: [[Term: Double]]

    init(_ texts: [String]) {
        let counts = texts.map { text in
            WordTokens.words(in: text).reduce(into: [Term: Int]()) {
                $0[$1.unicodeScalars.map(\.value), default: 0] += 1
            }
        }
        var documentFrequency: [Term: Int] = [:]
        for count in counts { for term in count.keys { documentFrequency[term, default: 0] += 1 } }
        let n = Double(texts.count)
        vectors = counts.map { count in
            let weights = count.mapValues { Double($0) }.map {
                ($0.key, $0.value * (log((n + 1) / Double(documentFrequency[$0.key]! + 1)) + 1))
            }
            let length = weights.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            return Dictionary(uniqueKeysWithValues: weights.map { ($0.0, $0.1 / length) })
        }
    }

    func cosine(_ a: Int, _ b: Int) -> Double {
        vectors[a].reduce(0) { $0 + $1.value * (vectors[b][$1.key] ?? 0) }
    }

    func pairs(threshold: Double, strict: Bool) -> [SimilarPair] {
        var pairs: [SimilarPair] = []
        for i in vectors.indices {
            for j in vectors.indices where j > i {
                let cosine = cosine(i, j)
                if strict ? cosine > threshold : cosine >= threshold {
                    pairs.append(SimilarPair(first: i, second: j, cosine: cosine))
                }
            }
        }
        return pairs
    }

    /// The same pairs in the same order with the same cosines, but for pairs within 1e-9 of the threshold.
    static func expectSame(
        _ found: [SimilarPair], _ expected: [SimilarPair], brute: SimilarityBruteForce, threshold: Double,
        _ context: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let nearThreshold = { (pair: [Int]) in abs(brute.cosine(pair[0], pair[1]) - threshold) <= 1e-9 }
        let foundPairs = found.map { [$0.first, $0.second] }
        let expectedPairs = expected.map { [$0.first, $0.second] }
        let missing = Set(expectedPairs).subtracting(foundPairs).filter { !nearThreshold($0) }
        let extra = Set(foundPairs).subtracting(expectedPairs).filter { !nearThreshold($0) }
        #expect(
            missing.isEmpty && extra.isEmpty,
            "\(context), threshold \(threshold): missing \(missing.sorted { $0.lexicographicallyPrecedes($1) }), extra \(extra.sorted { $0.lexicographicallyPrecedes($1) })",
            sourceLocation: sourceLocation)
        #expect(Set(foundPairs).count == foundPairs.count, "\(context): repeated pairs", sourceLocation: sourceLocation)
        #expect(
            foundPairs == foundPairs.sorted { $0.lexicographicallyPrecedes($1) }, "\(context): not in order",
            sourceLocation: sourceLocation)
        let wrong = found.filter { abs($0.cosine - brute.cosine($0.first, $0.second)) >= 1e-12 }
        #expect(wrong.isEmpty, "\(context): cosines \(wrong)", sourceLocation: sourceLocation)
    }
}
