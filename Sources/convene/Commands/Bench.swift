import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

/// Benchmarks that need no database.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks that need no database.",
        subcommands: [BenchSimilarity.self])
}

struct BenchSimilarity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity",
        abstract: "Every pair of lines of a file whose TF-IDF cosine is above a threshold, timed.",
        discussion:
            "Weighted as scikit-learn's TfidfVectorizer() weighs (see ../shared/bench/tfidf_allpairs.py); prints "
            + "the number of pairs and the time taken."
    )

    @ArgumentParser.Argument(help: "A UTF-8 text file, one text per line.") var file: String
    @ArgumentParser.Option(help: "Pairs with a cosine above this (strictly, as the scikit-learn peer compares).")
    var threshold: Double
    @ArgumentParser.Flag(help: "Keep pairs whose cosine equals the threshold too (≥ rather than >).") var atLeast =
        false
    @ArgumentParser.Option(help: "Write the pairs to this file: i<TAB>j<TAB>cosine, 0-based line numbers, i < j.")
    var pairsOut: String?

    func validate() throws {
        guard threshold.isFinite, atLeast ? threshold > 0 : threshold >= 0 else {
            throw ValidationError("--threshold must be a number \(atLeast ? "above 0" : "of 0 or more"), such as 0.8.")
        }
    }

    func run() async throws {
        let result: SimilarityBench.Result
        do {
            result = try SimilarityBench.run(file: file, threshold: threshold, strict: !atLeast)
        } catch {
            throw CommandFailure("Could not read \(file) as UTF-8 text (\(error.localizedDescription)).")
        }
        print(SimilarityBench.summary(result, threshold: threshold, strict: !atLeast))
        if let pairsOut {
            try SimilarityBench.tsv(result.pairs).write(toFile: pairsOut, atomically: true, encoding: .utf8)
        }
    }
}
