/// Two texts whose cosine similarity reached a threshold, by their places in the list (`first < second` for pairs
/// within one list).
public struct SimilarPair: Hashable, Sendable {
    public var first: Int
    public var second: Int
    public var cosine: Double

    public init(first: Int, second: Int, cosine: Double) {
        self.first = first
        self.second = second
        self.cosine = cosine
    }
}

/// All pairs of texts at or above a cosine threshold, exactly: every pair that comparing each text with each other
/// would find, and no other, but without comparing each with each.
///
/// How (after Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", 2007, and Anastasiu and Karypis's
/// L2AP, 2014): terms are ordered from common to rare. Each text is split into a common head and a rare tail, the
/// head as long as it can be while a bound on its dot product with any vector stays below the threshold (the smaller
/// of its Euclidean length and the sum of its weights times each term's largest weight anywhere). So a pair that
/// reaches the threshold has a term of each one's tail in common with the other, and only tails go into the inverted
/// index (`PrefixIndex`), which keeps the lists of common terms short. Each text then looks for partners among the
/// earlier ones in the index (`PairSearch`): it reads the lists of its terms, rarest first, drops every text that
/// bounds on what is not yet counted show cannot reach the threshold, stops reading when no text not yet met could,
/// and computes the cosine of each candidate left in full. The threshold decides on that number alone.
///
/// Every bound is loosened by 1e-12, so no pair is pruned that the full computation would have kept. Pairs whose
/// cosine lies within about 1e-9 of the threshold can still come out differently from another program (such as
/// scikit-learn), which adds the same products in another order: no other pair can.
extension TFIDF {
    /// Every pair `(i, j)`, `i < j`, with cosine ≥ `threshold` (which must be positive), by `i` then `j`.
    public func pairs(atLeast threshold: Double) -> [SimilarPair] {
        precondition(threshold > 0, "a threshold of 0 or less would pair every text with every other")
        return search(threshold: threshold, strict: false, queries: nil, indexed: nil)
    }

    /// Every pair `(i, j)`, `i < j`, with cosine > `threshold` (0 or more), by `i` then `j`: scikit-learn peers'
    /// comparison.
    public func pairs(above threshold: Double) -> [SimilarPair] {
        precondition(threshold >= 0, "a negative threshold would pair every text with every other")
        return search(threshold: threshold, strict: true, queries: nil, indexed: nil)
    }

    /// Every pair of a text in `left` and a different text in `right` with cosine ≥ `threshold`, as
    /// `(first: left, second: right)`, by `first` then `second`. A pair of texts that are both in both lists comes
    /// out once each way round.
    public func pairs(atLeast threshold: Double, between left: [Int], and right: [Int]) -> [SimilarPair] {
        precondition(threshold > 0, "a threshold of 0 or less would pair every text with every other")
        return search(threshold: threshold, strict: false, queries: left, indexed: right)
    }

    /// As `pairs(atLeast:between:and:)`, with cosine > `threshold`.
    public func pairs(above threshold: Double, between left: [Int], and right: [Int]) -> [SimilarPair] {
        precondition(threshold >= 0, "a negative threshold would pair every text with every other")
        return search(threshold: threshold, strict: true, queries: left, indexed: right)
    }

    /// The search: with `queries` and `indexed` nil, every text against every earlier one.
    private func search(threshold: Double, strict: Bool, queries: [Int]?, indexed: [Int]?) -> [SimilarPair] {
        precondition(!threshold.isNaN, "the threshold must be a number")
        let within = queries == nil
        let indexedTexts = indexed.map { Array(Set($0)).sorted() } ?? Array(0..<count)
        let index = PrefixIndex(self, texts: indexedTexts, threshold: threshold)
        let queryTexts = queries.map { Array(Set($0)).sorted() } ?? Array(0..<count)
        var found = PairSearch.run(
            self, index: index, queries: queryTexts, earlierOnly: within, threshold: threshold,
            strict: strict)
        if within {
            // Found as (later, earlier): put the smaller first.
            found = found.map { SimilarPair(first: $0.second, second: $0.first, cosine: $0.cosine) }
        }
        found.sort { $0.first != $1.first ? $0.first < $1.first : $0.second < $1.second }
        return found
    }
}

/// The slack on every pruning bound: far above the rounding error of a sum of a few hundred products of numbers
/// at most 1, far below any threshold anyone would set.
private let slack = 1e-12

/// The inverted index of the texts' rare tails.
private struct PrefixIndex {
    /// Per term, the texts whose indexed tail has it (increasing), with the term's weight there and the Euclidean
    /// length of the part of the text before the term (its commoner terms).
    let listStart: [Int]
    let listTexts: [Int32]
    let listWeights: [Double]
    let listBefore: [Double]
    /// And the text's sketch: bit `t % 64` set for each of its terms `t`, so that, most of the time, that two texts
    /// share no term among some of their terms can be seen without reading either row.
    let listSketch: [UInt64]

    init(_ vectors: TFIDF, texts: [Int], threshold: Double) {
        let terms = vectors.vocabularySize
        var tailStart = [Int](repeating: 0, count: vectors.count)
        var sketch = [UInt64](repeating: 0, count: vectors.count)
        var listCount = [Int](repeating: 0, count: terms + 1)
        for text in texts {
            let start = vectors.rowStart[text]
            let end = vectors.rowStart[text + 1]
            // The head: the longest run of commonest terms whose dot product with any vector stays below the
            // threshold.
            var squares = 0.0
            var weighted = 0.0
            var k = start
            while k < end {
                let weight = vectors.rowWeights[k]
                squares += weight * weight
                weighted += weight * vectors.maxWeight[Int(vectors.rowTerms[k])]
                if min(squares.squareRoot(), weighted) >= threshold - slack { break }
                k += 1
            }
            tailStart[text] = k
            for position in start..<end {
                sketch[text] |= Self.bit(vectors.rowTerms[position])
                if position >= k { listCount[Int(vectors.rowTerms[position]) + 1] += 1 }
            }
        }
        for term in 0..<terms { listCount[term + 1] += listCount[term] }
        var next = listCount
        var listTexts = [Int32](repeating: 0, count: listCount[terms])
        var listWeights = [Double](repeating: 0, count: listCount[terms])
        var listBefore = [Double](repeating: 0, count: listCount[terms])
        var listSketch = [UInt64](repeating: 0, count: listCount[terms])
        for text in texts {
            var squares = 0.0
            for position in vectors.rowStart[text]..<vectors.rowStart[text + 1] {
                let weight = vectors.rowWeights[position]
                if position >= tailStart[text] {
                    let term = Int(vectors.rowTerms[position])
                    listTexts[next[term]] = Int32(text)
                    listWeights[next[term]] = weight
                    listBefore[next[term]] = squares.squareRoot()
                    listSketch[next[term]] = sketch[text]
                    next[term] += 1
                }
                squares += weight * weight
            }
        }
        self.listStart = listCount
        self.listTexts = listTexts
        self.listWeights = listWeights
        self.listBefore = listBefore
        self.listSketch = listSketch
    }

    static func bitNumber(_ term: Int32) -> Int { Int(UInt32(term) & 63) }
    static func bit(_ term: Int32) -> UInt64 { 1 << UInt64(bitNumber(term)) }
}

/// The search for each query text's partners in the index.
///
/// The lists of a query text's terms are read rarest first. A text first met at term f shares no rarer term with
/// the query (it would have been met there), so what the two can still add up to is bounded by the query's terms
/// before f against the other's terms before f: by the product of their lengths, and by that product with only
/// those of the query's terms that the other's sketch allows. A text whose score cannot reach the threshold with
/// that bound is dropped. Once the query's terms up to f could not reach the threshold with any vector, no text
/// not yet met can be a partner, and those already met carry a bound on everything not counted, so the reading
/// stops there. The candidates left are then computed in full.
private enum PairSearch {
    /// A text met in the search for the query `touchedBy`: the dot product of the terms counted so far (-∞ once it
    /// cannot reach the threshold) and a bound on the rest. One record, so one cache line, per text.
    struct Candidate {
        var score = 0.0
        var rest = 0.0
        var touchedBy: Int32 = -1
    }

    /// The pairs of each query with the indexed texts (with `earlierOnly`, those before it), as
    /// `(first: query, second: partner)`, in no particular order.
    static func run(
        _ vectors: TFIDF, index: PrefixIndex, queries: [Int], earlierOnly: Bool, threshold: Double,
        strict: Bool
    ) -> [SimilarPair] {
        let floor = threshold - slack
        let rowStart = vectors.rowStart
        let rowTerms = vectors.rowTerms
        let rowWeights = vectors.rowWeights
        let maxWeight = vectors.maxWeight
        let listStart = index.listStart
        let listTexts = index.listTexts
        let listWeights = index.listWeights
        let listBefore = index.listBefore
        let listSketch = index.listSketch

        var state = [Candidate](repeating: Candidate(), count: vectors.count)
        // Per position in the query's row: a bound on the dot product of its terms up to and including that one
        // with any vector, the length of its terms before that one, and their sketch bits.
        var reach: [Double] = []
        var before: [Double] = []
        var bitsBefore: [UInt64] = []
        // The query's squared weights added up by sketch bit, and its weights by term, for the full cosines.
        var squaresByBit = [Double](repeating: 0, count: 64)
        var dense = [Double](repeating: 0, count: vectors.vocabularySize)
        var candidates: [Int32] = []
        var found: [SimilarPair] = []

        state.withUnsafeMutableBufferPointer { state in
            for text in queries {
                let start = rowStart[text]
                let end = rowStart[text + 1]
                guard start < end else { continue }
                let stamp = Int32(text)

                reach.removeAll(keepingCapacity: true)
                before.removeAll(keepingCapacity: true)
                bitsBefore.removeAll(keepingCapacity: true)
                var squares = 0.0
                var weighted = 0.0
                var bits: UInt64 = 0
                for k in start..<end {
                    let weight = rowWeights[k]
                    let term = rowTerms[k]
                    before.append(squares.squareRoot())
                    bitsBefore.append(bits)
                    squares += weight * weight
                    weighted += weight * maxWeight[Int(term)]
                    reach.append(min(squares.squareRoot(), weighted))
                    bits |= PrefixIndex.bit(term)
                    squaresByBit[PrefixIndex.bitNumber(term)] += weight * weight
                }

                candidates.removeAll(keepingCapacity: true)
                for k in stride(from: end - 1, through: start, by: -1) {
                    let position = k - start
                    if reach[position] < floor { break }
                    let term = Int(rowTerms[k])
                    let weight = rowWeights[k]
                    let weightBefore = before[position]
                    let bitsBefore = bitsBefore[position]
                    for p in listStart[term]..<listStart[term + 1] {
                        let other = Int(listTexts[p])
                        if earlierOnly && other >= text { break }
                        let product = weight * listWeights[p]
                        var shared = bitsBefore & listSketch[p]
                        // No commoner term of the query is in the other text: if this term alone cannot reach the
                        // threshold the text is no partner, or is one already met whose bound covers this term.
                        if shared == 0 && product < floor { continue }
                        let bound = weightBefore * listBefore[p]
                        if state[other].touchedBy == stamp {
                            let sum = state[other].score + product
                            let remaining = min(state[other].rest, bound)
                            state[other].score = sum + remaining >= floor ? sum : -.infinity
                            state[other].rest = remaining
                        } else if other != text {
                            var squares = 0.0
                            while shared != 0 {
                                squares += squaresByBit[shared.trailingZeroBitCount]
                                shared &= shared - 1
                            }
                            let remaining = min(bound, squares.squareRoot() * listBefore[p])
                            if product + remaining >= floor {
                                state[other] = Candidate(score: product, rest: remaining, touchedBy: stamp)
                                candidates.append(Int32(other))
                            } else {
                                state[other] = Candidate(score: -.infinity, rest: 0, touchedBy: stamp)
                            }
                        }
                    }
                }
                for k in start..<end { squaresByBit[PrefixIndex.bitNumber(rowTerms[k])] = 0 }
                guard !candidates.isEmpty else { continue }

                for k in start..<end { dense[Int(rowTerms[k])] = rowWeights[k] }
                for other in candidates {
                    let other = Int(other)
                    guard state[other].score + state[other].rest >= floor else { continue }
                    var cosine = 0.0
                    for k in rowStart[other]..<rowStart[other + 1] { cosine += dense[Int(rowTerms[k])] * rowWeights[k] }
                    if strict ? cosine > threshold : cosine >= threshold {
                        found.append(SimilarPair(first: text, second: other, cosine: cosine))
                    }
                }
                for k in start..<end { dense[Int(rowTerms[k])] = 0 }
            }
        }
        return found
    }
}
