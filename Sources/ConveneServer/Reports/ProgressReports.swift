import ConveneDomain
import Fluent
import Foundation
import NIOPosix
import Vapor

/// Making a progress report and keeping it: the figures from the store, the document rendered once, printed to PDF
/// by Chromium, and the whole kept with its date, its maker and the version of the data, with an audit entry.
enum ProgressReports {
    /// What the audit log says of a report made (the document itself is in the report's record).
    struct Made: Encodable, Sendable {
        var partnership: String
        var year: String
        var dataVersion: String
        var pdf: Bool
    }

    /// The document for a partnership's year, from the register as it stands.
    static func document(_ partnership: PartnershipRecord, year: ProgressReport.Year, in scope: Scope) async throws
        -> ProgressReportDocument
    {
        async let data = AnalyticsStore.load(in: scope, period: year.period, needs: .everything)
        async let strategies = StrategyStore.all(in: scope)
        async let version = dataVersion(in: scope)
        async let milestones = GuidanceStore.milestones(of: partnership.key, on: scope.now.today, in: scope)
        let made = try await data
        guard
            var report = ProgressReport.make(made, partnershipKey: partnership.key, year: year, today: scope.now.today)
        else {
            throw Problem.notFound("The partnership '\(partnership.key)'")
        }
        // The analyses' packed read leaves the footprint out; the record has it.
        report.partnership.footprint = ListColumn.decode(partnership.footprint)
        let codes = report.partnership.footprint + (report.partnership.forceAreaCode.map { [$0] } ?? [])
        let names = try await RegisterQueries.areaNames(codes, in: scope)
        let (plans, priorities) = try await strategies
        let active = plans.filter { $0.ownerPartnershipKey == partnership.key && $0.status == .active }
        let planPriorities = active.flatMap { plan in
            priorities.filter { $0.strategyKey == plan.key }.sorted { $0.position < $1.position }.map { p in
                ProgressReportDocument.PlanPriority(
                    strategyName: plan.name, title: p.title,
                    objectives: p.frameworkObjectiveKeys.compactMap { NationalFrameworks.objective($0)?.title })
            }
        }
        let steps = try await milestones.lists.flatMap { list in
            list.tasks.filter { $0.task.due <= year.period.to }.map { t in
                ProgressReportDocument.GuidanceLine(
                    template: list.template.title, title: t.task.step.title, due: t.task.due, status: t.task.status,
                    overdue: t.task.overdue,
                    behind: t.records.map(\.label) + t.evidence.map(Self.describe))
            }
        }
        return ProgressReportDocument(
            report: report, forceAreaName: report.partnership.forceAreaCode.map { names[$0] ?? $0 },
            footprint: report.partnership.footprint.map { code in names[code].map { "\($0) (\(code))" } ?? code },
            priorities: planPriorities, guidance: steps, madeAt: scope.now(), dataVersion: try await version)
    }

    /// Evidence in words: "paper …", "link …", "file …", with its date, who confirmed it and the note.
    static func describe(_ e: GuidanceEvidence) -> String {
        var parts: [String] = []
        if let paper = e.paperKey { parts.append("paper \(paper)") }
        if let url = e.url { parts.append("link \(url)") }
        if let file = e.fileName { parts.append("file \(file)") }
        if let on = e.evidenceOn { parts.append("dated \(on.longDescription)") }
        if let who = e.confirmedBy { parts.append("confirmed by \(who)") }
        if let note = e.note { parts.append("“\(note)”") }
        if e.marksDone { parts.append("marked done") }
        return parts.isEmpty ? "evidence recorded" : parts.joined(separator: ", ")
    }

    /// The register's version, as the audit log counts it: every change to it leaves one entry.
    static func dataVersion(in scope: Scope) async throws -> String {
        async let count = AuditEventRecord.query(in: scope).count()
        async let last = AuditEventRecord.query(in: scope).sort(\.$at, .descending).first()
        let n = try await count
        guard let at = try await last?.at else { return "no changes recorded" }
        let parts = WallClock.parts(at)
        return "\(n) audit entries, the last on "
            + "\(parts.day.longDescription) at \(parts.time)"
    }

    /// Makes the report, prints it (when Chromium is there) and keeps both; the record made.
    static func make(
        _ partnership: PartnershipRecord, year: ProgressReport.Year, chromium: String?, threadPool: NIOThreadPool,
        in scope: Scope
    ) async throws -> ProgressReportRecord {
        let document = try await document(partnership, year: year, in: scope)
        let html = document.render()
        let pdf = try await chromium.asyncMap { try await Chromium.pdf(html, chromium: $0, threadPool: threadPool) }
        let base = "\(partnership.key)-\(year.startYear)"
        return try await scope.retryingCollisions(on: ["key"]) {
            try await scope.audited { scope, audit in
                let record = ProgressReportRecord()
                scope.claim(record)
                record.$partnership.id = try partnership.requireID()
                record.key = try await scope.unusedKey(base, ProgressReportRecord.self, key: \.$key)
                record.yearStart = year.startYear
                record.madeAt = document.madeAt
                record.madeBy = scope.actor
                record.dataVersion = document.dataVersion
                record.html = html
                record.pdf = pdf ?? nil
                try await record.create(on: scope.db)
                audit.note(
                    "create", "progress report", record.key, before: nil as Made?,
                    after: Made(
                        partnership: partnership.key, year: year.label, dataVersion: document.dataVersion,
                        pdf: record.pdf != nil))
                return record
            }
        }
    }
}

enum Chromium {
    /// Chromium on the PATH (Debian's `chromium`), or the one `CONVENE_CHROMIUM` names.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["CONVENE_CHROMIUM"] {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            if let found = path.split(separator: ":").map({ "\($0)/\(name)" }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            }) {
                return found
            }
        }
        return nil
    }

    /// The HTML printed to PDF by headless Chromium, off the event loop; nil when it fails or takes over a minute.
    static func pdf(_ html: String, chromium: String, threadPool: NIOThreadPool) async throws -> Data? {
        try await threadPool.runIfActive {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-print-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = folder.appendingPathComponent("report.html")
            let output = folder.appendingPathComponent("report.pdf")
            try Data(html.utf8).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                "--print-to-pdf=\(output.path)", input.absoluteString
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: timer)
            process.waitUntilExit()
            timer.cancel()
            guard process.terminationStatus == 0, let data = try? Data(contentsOf: output),
                data.starts(with: Array("%PDF".utf8))
            else { return nil }
            return data
        }
    }
}
