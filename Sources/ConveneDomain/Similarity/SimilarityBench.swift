import Foundation

/// `convene bench similarity FILE --threshold T [--pairs-out F]`: the similarity engine on one text per line, timed,
/// in the shape of `../shared/bench/tfidf_allpairs.py` (scikit-learn), so that the two can be compared pair for pair.
public enum SimilarityBench {
    public struct Result: Sendable {
        public var texts: Int
        public var vocabularySize: Int
        public var pairs: [SimilarPair]
        /// Reading the file (0 when given the lines; splitting them is part of vectorising).
        public var readSeconds: Double
        /// Building the vectors (words, counts, idf, weights).
        public var vectoriseSeconds: Double
        /// Finding the pairs.
        public var searchSeconds: Double
        /// All of it, as the peer counts its own time (from opening the file to having the pairs).
        public var seconds: Double { readSeconds + vectoriseSeconds + searchSeconds }
    }

    /// Reads the UTF-8 file at `path`, one text per line (split as Python's `str.splitlines()` splits, as the peer
    /// reads it), and finds its pairs as `run(lines:threshold:strict:)` does, timing the reading too.
    public static func run(file path: String, threshold: Double, strict: Bool = true) throws -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let read = clock.now
        return run(threshold: threshold, strict: strict, readSeconds: seconds(read - started)) { TFIDF(lines: text) }
    }

    /// Vectorises `lines` and finds every pair with cosine > `threshold` (`strict`, the peer's comparison) or ≥ it.
    public static func run(lines: [String], threshold: Double, strict: Bool = true) -> Result {
        run(threshold: threshold, strict: strict, readSeconds: 0) { TFIDF(lines) }
    }

    private static func run(threshold: Double, strict: Bool, readSeconds: Double, vectorise: () -> TFIDF) -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        let vectors = vectorise()
        let vectorised = clock.now
        let pairs = strict ? vectors.pairs(above: threshold) : vectors.pairs(atLeast: threshold)
        let finished = clock.now
        return Result(
            texts: vectors.count, vocabularySize: vectors.vocabularySize, pairs: pairs, readSeconds: readSeconds,
            vectoriseSeconds: seconds(vectorised - started), searchSeconds: seconds(finished - vectorised))
    }

    /// One sentence for the terminal: the pairs and the time.
    public static func summary(_ result: Result, threshold: Double, strict: Bool = true) -> String {
        let comparison = strict ? ">" : "≥"
        return "\(result.pairs.count) pairs with cosine \(comparison) \(threshold) among \(result.texts) texts "
            + "(\(result.vocabularySize) terms) in \(format(result.seconds, decimals: 4)) s "
            + "(read \(format(result.readSeconds, decimals: 4)) s, vectorise \(format(result.vectoriseSeconds, decimals: 4)) s, "
            + "pairs \(format(result.searchSeconds, decimals: 4)) s)"
    }

    /// The pairs as the peer writes them: `i<TAB>j<TAB>cosine`, 0-based line numbers, `i < j`, cosine to six
    /// decimals, one pair a line, by `i` then `j`.
    public static func tsv(_ pairs: [SimilarPair]) -> String {
        var out = ""
        out.reserveCapacity(pairs.count * 24)
        for pair in pairs {
            out += "\(pair.first)\t\(pair.second)\t\(format(pair.cosine, decimals: 6))\n"
        }
        return out
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func format(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
