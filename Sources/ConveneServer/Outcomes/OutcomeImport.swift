import ConveneDomain
import Fluent
import Foundation

/// Files of indicators, measurements and targets, each all or nothing: a file with any bad cell changes nothing and
/// its report names every one, and the same file again changes nothing. With `dryRun` the file is read and checked
/// against what is held, and the report says what importing it would do, but nothing is written.
enum OutcomeImport {
    enum Kind: String, CaseIterable, Codable, Sendable {
        case indicators, measurements, targets

        var label: String {
            switch self {
            case .indicators: "Indicators of our own"
            case .measurements: "Measurements (published statistics)"
            case .targets: "Targets"
            }
        }
    }

    struct Report: Codable, Sendable, Equatable {
        var kind: Kind
        var dryRun = false
        var added = 0
        /// Measurements that revise a value held (kept beside it), or targets and indicators that replace one.
        var revised = 0
        var unchanged = 0
        /// Cells marked as not published ("[x]", "..").
        var notPublished: [String] = []
        var errors: [FieldError] = []

        enum CodingKeys: String, CodingKey {
            case kind
            case dryRun = "dry_run"
            case added, revised, unchanged
            case notPublished = "not_published"
            case errors
        }

        /// "3 added, 1 revised, 20 already held", or for a dry run what would be.
        var summary: String {
            let done = dryRun ? "would be added" : "added"
            let changed =
                kind == .measurements
                ? (dryRun ? "would be revised" : "revised") : (dryRun ? "would be replaced" : "replaced")
            return "\(added) \(done), \(revised) \(changed), \(unchanged) already held"
                + (notPublished.isEmpty ? "" : "; \(notPublished.count) cells marked as not published were left out")
        }
    }

    static func run(_ kind: Kind, _ data: Data, fileName: String, dryRun: Bool, in scope: Scope) async throws -> Report
    {
        switch kind {
        case .indicators: try await indicators(data, fileName: fileName, dryRun: dryRun, in: scope)
        case .measurements: try await measurements(data, fileName: fileName, dryRun: dryRun, in: scope)
        case .targets: try await targets(data, fileName: fileName, dryRun: dryRun, in: scope)
        }
    }

    // MARK: Indicators

    static func indicators(_ data: Data, fileName: String, dryRun: Bool, in scope: Scope) async throws -> Report {
        var report = Report(kind: .indicators, dryRun: dryRun)
        let read = IndicatorFile.read(data, fileName: fileName)
        guard read.errors.isEmpty else {
            report.errors = read.errors
            return report
        }
        return try await scope.retryingCollisions(on: ["key"]) {
            try await scope.audited { scope, audit in
                var outcome = Report(kind: .indicators, dryRun: dryRun)
                let held = try await IndicatorRecord.query(in: scope).filter(\.$key ~~ read.indicators.map(\.id)).all()
                let byKey = Dictionary(held.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
                for indicator in read.indicators {
                    let record = byKey[indicator.id]
                    if let before = record?.domain, before == indicator {
                        outcome.unchanged += 1
                        continue
                    }
                    if record == nil { outcome.added += 1 } else { outcome.revised += 1 }
                    if dryRun { continue }
                    let row = record ?? IndicatorRecord()
                    if record == nil {
                        scope.claim(row)
                        row.key = indicator.id
                    }
                    row.indicator = StoredJSON.write(indicator)
                    try await row.save(on: scope.db)
                    audit.note(
                        record == nil ? "create" : "update", "indicator", indicator.id, before: record?.domain,
                        after: indicator)
                }
                return outcome
            }
        }
    }

    // MARK: Measurements

    /// What a measurements file records, read against the values held for its indicators and areas.
    static func check(_ data: Data, fileName: String, in scope: Scope) async throws -> MeasurementFile.Read {
        let indicators = try await OutcomeStore.indicators(in: scope)
        let first = MeasurementFile.read(data, fileName: fileName, indicators: indicators)
        guard first.errors.isEmpty else { return first }
        let keys = first.rows.map(\.measurement)
        let held = try await OutcomeStore.measurements(
            of: Array(Set(keys.map(\.indicatorID))), in: Array(Set(keys.map(\.areaCode))), scope: scope)
        return MeasurementFile.read(data, fileName: fileName, indicators: indicators, existing: held)
    }

    static func measurements(_ data: Data, fileName: String, dryRun: Bool, in scope: Scope) async throws -> Report {
        var report = Report(kind: .measurements, dryRun: dryRun)
        let checked = try await check(data, fileName: fileName, in: scope)
        report.notPublished = checked.notPublished
        guard checked.errors.isEmpty else {
            report.errors = checked.errors
            return report
        }
        report.added = checked.new.count
        report.revised = checked.revisions.count
        report.unchanged = checked.unchanged.count
        if dryRun || checked.toRecord.isEmpty { return report }
        do {
            return try await record(data, fileName: fileName, in: scope)
        } catch let refusal as Refusal {
            report.errors = refusal.errors
            return report
        }
    }

    private static func record(_ data: Data, fileName: String, in scope: Scope) async throws -> Report {
        try await scope.retryingCollisions(on: ["revision"]) {
            try await scope.audited { scope, audit in
                // One import of measurements at a time: each numbers its revisions from those held.
                try await scope.lockWorkspace()
                let read = try await check(data, fileName: fileName, in: scope)
                guard read.errors.isEmpty else { throw Refusal(read.errors) }
                let held = try await OutcomeStore.measurements(
                    of: Array(Set(read.toRecord.map(\.indicatorID))), in: Array(Set(read.toRecord.map(\.areaCode))),
                    scope: scope)
                var revisions = Dictionary(grouping: held, by: \.key).mapValues(\.count)
                for measurement in read.toRecord {
                    let revision = (revisions[measurement.key] ?? 0) + 1
                    revisions[measurement.key] = revision
                    let record = MeasurementRecord()
                    scope.claim(record)
                    record.set(measurement)
                    record.revision = revision
                    record.receivedAt = scope.now()
                    record.receivedBy = scope.actor
                    try await record.create(on: scope.db)
                }
                audit.note(
                    "import", "measurements", fileName, before: nil as [IndicatorMeasurement]?, after: read.toRecord)
                var outcome = Report(kind: .measurements)
                outcome.added = read.new.count
                outcome.revised = read.revisions.count
                outcome.unchanged = read.unchanged.count
                outcome.notPublished = read.notPublished
                return outcome
            }
        }
    }

    // MARK: Targets

    static func targets(_ data: Data, fileName: String, dryRun: Bool, in scope: Scope) async throws -> Report {
        var report = Report(kind: .targets, dryRun: dryRun)
        let read = TargetFile.read(data, fileName: fileName, indicators: try await OutcomeStore.indicators(in: scope))
        guard read.errors.isEmpty else {
            report.errors = read.errors
            return report
        }
        return try await scope.retryingCollisions(on: ["indicator_key"]) {
            try await scope.audited { scope, audit in
                var outcome = Report(kind: .targets, dryRun: dryRun)
                let held = try await TargetRecord.query(in: scope)
                    .filter(\.$indicatorKey ~~ Array(Set(read.targets.map(\.indicatorID)))).all()
                let byKey = Dictionary(
                    held.compactMap { r in r.domain.map { ($0.key, r) } }, uniquingKeysWith: { a, _ in a })
                for target in read.targets {
                    let record = byKey[target.key]
                    if let record, record.value == target.value {
                        outcome.unchanged += 1
                        continue
                    }
                    if record == nil { outcome.added += 1 } else { outcome.revised += 1 }
                    if dryRun { continue }
                    let row = record ?? TargetRecord()
                    if record == nil {
                        scope.claim(row)
                        row.indicatorKey = target.indicatorID
                        row.areaCode = target.areaCode
                        row.period = target.period.description
                    }
                    row.value = target.value
                    try await row.save(on: scope.db)
                    audit.note(
                        record == nil ? "create" : "update", "target",
                        "\(target.indicatorID)/\(target.areaCode)/\(target.period)", before: record?.domain,
                        after: target)
                }
                return outcome
            }
        }
    }
}
