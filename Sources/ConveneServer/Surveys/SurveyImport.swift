import ConveneDomain
import Crypto
import Fluent
import Foundation

/// Answers gathered elsewhere (Microsoft Forms, SmartSurvey, paper typed up): an export with a row a respondent,
/// read by `SurveyFile`, all or nothing. The survey is made from the file's header when it does not exist; a row
/// already imported (the same source and the same answers) is left as it is, so the same file twice changes nothing.
enum SurveyImport {
    struct Report: Codable, Sendable, Equatable {
        var survey: String
        var created = false
        var added = 0
        var unchanged = 0
        var errors: [FieldError] = []
    }

    /// A row's fingerprint: its source in the file (the tool's response id, or its row) with its answers.
    static func fingerprint(_ row: SurveyFile.Imported) -> String {
        let text =
            row.source + "\n" + SurveyResponseRecord.json(row.response.answers) + "\n"
            + (row.response.sector?.rawValue ?? "")
        return SHA256.hash(data: Data(text.utf8)).lowercaseHex
    }

    static func run(_ data: Data, fileName: String, survey key: String, title: String?, in scope: Scope) async throws
        -> Report
    {
        var report = Report(survey: key)
        if key.isEmpty || Key.slug(key) != key {
            report.errors.append(
                FieldError(
                    "survey", "The survey's key must be lower-case letters, digits and hyphens, such as partners-2026"))
            return report
        }
        let existing = try await SurveyRecord.query(in: scope).filter(\.$key == key).first()
        let read = SurveyFile.read(data, fileName: fileName, key: key, title: title, existing: existing?.domain)
        guard read.errors.isEmpty else {
            report.errors = read.errors
            return report
        }
        // The same file again: nothing to write, and no write made.
        if let existing {
            let prints = read.rows.map(fingerprint)
            let kept = try await SurveyResponseRecord.query(in: scope).filter(\.$survey.$id == existing.requireID())
                .all(\.$source, in: prints.map(Optional.some))
            if Set(prints).isSubset(of: kept.compactMap(\.source)) {
                report.unchanged = prints.count
                return report
            }
        }
        let outcome = try await scope.retryingCollisions(on: ["key", "source"]) {
            try await scope.audited { scope, audit in
                var outcome = Report(survey: key, created: existing == nil)
                let record: SurveyRecord
                if let existing {
                    record = existing
                } else {
                    record = SurveyRecord()
                    scope.claim(record)
                    record.key = key
                    var made = read.survey
                    // Answers gathered elsewhere are in: the survey takes no more through links.
                    made.status = .closed
                    record.set(made)
                    record.createdAt = scope.now()
                    record.createdBy = scope.actor
                    try await record.create(on: scope.db)
                    audit.note("create", "survey", key, before: nil as Survey?, after: made)
                }
                let id = try record.requireID()
                let fingerprints = read.rows.map(fingerprint)
                let kept = Set(
                    try await SurveyResponseRecord.query(in: scope).filter(\.$survey.$id == id)
                        .all(\.$source, in: fingerprints.map(Optional.some)).compactMap(\.source))
                var seen = kept
                for (row, print) in zip(read.rows, fingerprints) {
                    guard seen.insert(print).inserted else {
                        outcome.unchanged += 1
                        continue
                    }
                    let response = SurveyResponseRecord()
                    scope.claim(response)
                    response.$survey.id = id
                    response.source = print
                    response.sector = row.response.sector?.rawValue
                    response.answers = SurveyResponseRecord.json(row.response.answers)
                    response.submitted = true
                    try await response.create(on: scope.db)
                    outcome.added += 1
                }
                if outcome.added > 0 {
                    audit.note(
                        "import", "survey-response", key, before: nil as Report?,
                        after: Report(survey: key, created: outcome.created, added: outcome.added))
                }
                return outcome
            }
        }
        return outcome
    }
}
