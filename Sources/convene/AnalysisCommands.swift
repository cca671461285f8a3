import ArgumentParser
import ConveneDomain
import ConveneServer
import Foundation

// The analyses and their settings (issue 6), and the benchmarks that need no database (issue 7).

extension Analysis: ExpressibleByArgument {}
extension AnalysisFormat: ExpressibleByArgument {}

struct Analyse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work out what the records say: cost, load, attendance, delivery, triage, overlap, duplicates or priorities (see the README for each output's fields).",
        discussion: "The period is the 365 days to today unless --from and --to say otherwise. Triage is for --person (the PCC by default) and a --capacity in meetings a year (default 150).")
    @ArgumentParser.Argument(help: "cost, load, attendance, delivery, triage, overlap, duplicates or priorities.") var analysis: Analysis
    @ArgumentParser.Option(help: "The first day, yyyy-mm-dd.") var from: String?
    @ArgumentParser.Option(help: "The last day, yyyy-mm-dd.") var to: String?
    @ArgumentParser.Option(help: "json, csv or text.") var format: AnalysisFormat = .text
    @ArgumentParser.Option(help: "Triage: the person's key.") var person: String?
    @ArgumentParser.Option(help: "Triage: meetings a year the person can attend.") var capacity: Int?
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        let period = try Analyse.period(from: from, to: to)
        if let capacity {
            do { _ = try Triage.capacity(String(capacity)) } catch { throw ValidationError("--capacity: \(error.message)") }
        }
        let output = try await withApplication(options) { app in
            try await Tasks.analyse(analysis, AnalysisQuestion(period: period, personKey: person, capacity: capacity), on: app.db,
                                    workspace: workspace.workspace)
        }
        FileHandle.standardOutput.write(output.render(format))
    }

    static func period(from: String?, to: String?) throws -> Period {
        let (period, errors) = Period.asked(from: from, to: to, today: Now.system.today)
        if let error = errors.first { throw ValidationError("--\(error.field): \(error.message)") }
        return period
    }
}

struct Settings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A workspace's settings for the analyses.",
                                                    subcommands: [SettingsList.self, SettingsSet.self])
}

struct SettingsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every setting, its value and its default.")
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            for s in try await Tasks.settings(on: app.db, workspace: workspace.workspace) {
                say("\(s.key) = \(s.value) \(s.unit)" + (s.value == s.defaultValue ? "" : " (default \(s.defaultValue))") + "  – \(s.label)")
            }
        }
    }
}

struct SettingsSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a setting, for example: convene settings set hours-per-year 1800")
    @ArgumentParser.Argument(help: "The setting's key (see 'convene settings list').") var key: String
    @ArgumentParser.Argument(help: "Its new value.") var value: String
    @ArgumentParser.OptionGroup var workspace: WorkspaceOption
    @ArgumentParser.OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withApplication(options) { app in
            try await Tasks.setSetting(key, value, on: app.db, workspace: workspace.workspace)
            say("\(key) is now \(value)")
        }
    }
}

/// Benchmarks that need no database.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Benchmarks that need no database.",
                                                    subcommands: [BenchSimilarity.self])
}

struct BenchSimilarity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity",
        abstract: "Every pair of lines of a file whose TF-IDF cosine is above a threshold, timed.",
        discussion: "Weighted as scikit-learn's TfidfVectorizer() weighs (see ../shared/bench/tfidf_allpairs.py); prints the number of pairs and the time taken.")

    @ArgumentParser.Argument(help: "A UTF-8 text file, one text per line.") var file: String
    @ArgumentParser.Option(help: "Pairs with a cosine above this (strictly, as the scikit-learn peer compares).") var threshold: Double
    @ArgumentParser.Flag(help: "Keep pairs whose cosine equals the threshold too (≥ rather than >).") var atLeast = false
    @ArgumentParser.Option(help: "Write the pairs to this file: i<TAB>j<TAB>cosine, 0-based line numbers, i < j.") var pairsOut: String?

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
            throw Failure(description: "Could not read \(file) as UTF-8 text (\(error.localizedDescription)).")
        }
        print(SimilarityBench.summary(result, threshold: threshold, strict: !atLeast))
        if let pairsOut {
            try SimilarityBench.tsv(result.pairs).write(toFile: pairsOut, atomically: true, encoding: .utf8)
        }
    }
}
