// The national benchmark: "on the national generator: generation time; each analysis for one workspace
// (target under 200 ms) and for all 43 (target under 5 s); peak memory." Writes the generated landscape with
// `NationalDemo` (what `convene demo --scale national` runs), then times each analysis as the CLI and the API run it:
// reading the workspace's records and working the figures out, JSON included. Prints figures; asserts nothing.
import ConveneDemo
import ConveneDomain
import ConveneServer
import Foundation
import Vapor

func nationalScenario(_ options: Options) async throws {
    // BENCH_NATIONAL_DATABASE=file: an SQLite file kept between runs. Written the first time; when it is there, the
    // writing is skipped and only the analyses are timed (for working on them without three minutes of writing).
    let kept = ProcessInfo.processInfo.environment["BENCH_NATIONAL_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
    let (folder, database) =
        try kept.map { (URL(fileURLWithPath: "/nonexistent"), DatabaseChoice.sqliteFile($0)) } ?? scratchDatabase()
    let written = kept.map { FileManager.default.fileExists(atPath: $0) } ?? false
    defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
    let landscape = NationalLandscape.Options(seed: UInt64(options.seed))
    let count = min(options.workspaces, landscape.workspaces)
    print(
        "Convene national benchmark: \(count) of \(landscape.workspaces) workspaces, seed \(options.seed), \(database.description)"
    )

    // The generator alone, in memory, one workspace at a time.
    var start = ContinuousClock.now
    var generatedMeetings = 0
    for index in 0..<count {
        generatedMeetings += NationalLandscape.workspace(index, landscape).register.meetings.count
    }
    let generatorSeconds = seconds(start)
    print(
        String(
            format: "generator (in memory, no database): %.2f s for %d workspaces, %d meetings; peak memory so far %@",
            generatorSeconds, count, generatedMeetings, peakMemory()))

    let app = try await benchApplication(database)
    do {
        start = ContinuousClock.now
        var writeSeconds = 0.0
        if written {
            print("writing skipped: the landscape is already in \(database.description)")
        } else {
            let summary = try await NationalDemo.generate(
                on: app.db, options: landscape, count: count,
                progress: { line in
                    if line.hasPrefix("[1/") || line.contains("[\(count)/") || line.hasPrefix("[10/")
                        || line.hasPrefix("[20/") || line.hasPrefix("[30/")
                    {
                        print("  \(line)")
                    }
                })
            writeSeconds = seconds(start)
            summary.lines.forEach { print($0) }
            print(
                String(
                    format: "generation and writing (convene demo --scale national): %.1f s; peak memory so far %@",
                    writeSeconds, peakMemory()))
        }

        let keys = (0..<count).map { NationalLandscape.workspace($0, landscape).key }
        let question = AnalysisQuestion(
            period: Period(from: landscape.firstDay, to: landscape.firstDay.adding(days: 364)))
        let now = Now.fixed(landscape.asOf)
        // One pass over every workspace first, so that each analysis below meets the database file as the others do
        // (in the page cache) rather than the first paying for reading it from disk.
        var s = ContinuousClock.now
        for key in keys { _ = try await Tasks.analyse(.delivery, question, on: app.db, workspace: key, now: now) }
        print(
            String(
                format: "a first pass over the %d workspaces (delivery, which reads everything): %.2f s", count,
                seconds(s)))
        print(
            "analyses of \(question.period), median of \(options.requests) runs for one workspace (\(keys[0])), then each of the \(count) once:"
        )
        var rows: [(String, String, String, Double, Double)] = []
        for analysis in Analysis.allCases {
            var times: [Double] = []
            var reading: [Double] = []
            var working: [Double] = []
            var bytes = 0
            for _ in 0..<max(1, options.requests) {
                s = ContinuousClock.now
                let output = try await Tasks.analyse(analysis, question, on: app.db, workspace: keys[0], now: now)
                times.append(seconds(s) * 1000)
                reading.append(output.readSeconds * 1000)
                working.append(output.workSeconds * 1000)
                bytes = output.json.count
            }
            s = ContinuousClock.now
            for key in keys { _ = try await Tasks.analyse(analysis, question, on: app.db, workspace: key, now: now) }
            let all = seconds(s)
            // All of them again as a national run would: as many workspaces at a time as there are cores.
            s = ContinuousClock.now
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            try await withThrowingTaskGroup(of: Void.self) { group in
                var next = 0
                func start() {
                    let key = keys[next]
                    next += 1
                    group.addTask {
                        _ = try await Tasks.analyse(analysis, question, on: app.db, workspace: key, now: now)
                    }
                }
                while next < min(width, keys.count) { start() }
                while try await group.next() != nil { if next < keys.count { start() } }
            }
            let together = seconds(s)
            print(
                String(
                    format:
                        "  %-10@ one workspace: median %6.1f ms (reading %5.1f, working out %5.1f), p90 %6.1f ms (%d KiB of JSON); all %d: %5.2f s one after another, %5.2f s %d at a time",
                    analysis.rawValue as NSString, median(times), median(reading), median(working),
                    percentile(times, 0.9), bytes / 1024, count, all,
                    together, width))
            rows.append(
                (
                    "national", databaseLabel(database), "\(analysis.rawValue), one workspace (ms)", median(times),
                    percentile(times, 0.9)
                ))
            rows.append(("national", databaseLabel(database), "\(analysis.rawValue), all \(count) (s)", all, all))
            rows.append(
                (
                    "national", databaseLabel(database), "\(analysis.rawValue), all \(count), \(width) at a time (s)",
                    together, together
                ))
        }
        // Every planted duplicate discussion found at the default settings, in every workspace.
        struct Findings: Decodable {
            struct Side: Decodable { var item_id: String }
            struct Finding: Decodable { var a: Side; var b: Side }
            var findings: [Finding]
        }
        var planted = 0
        var found = 0
        var findings = 0
        for (index, key) in keys.enumerated() {
            let output = try await Tasks.analyse(.duplicates, question, on: app.db, workspace: key, now: now)
            let pairs = Set(
                try JSONDecoder().decode(Findings.self, from: output.json).findings.map {
                    Set([$0.a.item_id, $0.b.item_id])
                })
            findings += pairs.count
            for duplicate in NationalLandscape.workspace(index, landscape).plantedDuplicates {
                planted += 1
                if pairs.contains(Set([duplicate.itemKeys.a, duplicate.itemKeys.b])) { found += 1 }
            }
        }
        print(
            "duplicate discussions: \(found) of \(planted) planted duplicates found at the default settings (\(findings) findings in all)"
        )
        print("peak memory: \(peakMemory())")
        if !written {
            rows.append(("national", databaseLabel(database), "generation and writing (s)", writeSeconds, writeSeconds))
        }
        if let path = options.results { appendResults(path, rows) }
        try await app.asyncShutdown()
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// The process's peak resident memory.
func peakMemory() -> String {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return String(format: "%.0f MiB", Double(usage.ru_maxrss) / 1024)
}
