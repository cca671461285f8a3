import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Writes of guidance, each with its audit entries in one transaction: templates (imported whole or not at all) and
/// a partnership's evidence for its steps.
enum GuidanceBusiness {
    /// What an import did: the templates added, those already there exactly as in the file, or why nothing was.
    struct ImportReport: Codable, Sendable, Equatable {
        var added: [String] = []
        var unchanged: [String] = []
        var errors: [FieldError] = []
    }

    /// Adds the file's templates, all or none. A version already kept exactly as in the file is left as it is, so
    /// importing the same file again changes nothing; a version kept with other content is refused (a changed
    /// template is a new version).
    static func importTemplates(_ data: Data, in scope: Scope) async throws -> ImportReport {
        let read = GuidanceTemplateFile.read(data)
        if !read.errors.isEmpty { return ImportReport(errors: read.errors) }
        return try await add(read.templates, places: read.templates.indices.map { "templates[\($0)]." }, in: scope)
    }

    static func add(_ templates: [GuidanceTemplate], places: [String], in scope: Scope) async throws -> ImportReport {
        let kept = try await GuidanceStore.allTemplates(on: scope.db)
        var report = ImportReport()
        var fresh: [GuidanceTemplate] = []
        for (template, place) in zip(templates, places) {
            let name = "\(template.key) version \(template.version)"
            if let same = kept.first(where: { $0.key == template.key && $0.version == template.version }) {
                if same == template {
                    report.unchanged.append(name)
                } else {
                    report.errors.append(
                        FieldError(
                            place + "version",
                            "Version \(template.version) of \(template.key) is already kept with other content; give the changed template a new version"
                        ))
                }
            } else {
                fresh.append(template)
            }
        }
        if !report.errors.isEmpty { return ImportReport(errors: report.errors) }
        guard !fresh.isEmpty else { return report }
        let adding = fresh
        try await scope.audited { scope, audit in
            // Templates are every workspace's: each one's task lists change with them.
            try await DataVersion.bumpAll(on: scope.sql)
            for template in adding {
                try await GuidanceTemplateRecord(template).create(on: scope.db)
                audit.note(
                    "create", "guidance-template", "\(template.key)@\(template.version)",
                    before: nil as GuidanceTemplate?,
                    after: template)
            }
        }
        report.added = fresh.map { "\($0.key) version \($0.version)" }
        return report
    }

    /// Evidence as a form or the API gives it.
    struct EvidenceInput: Sendable {
        var paperKey: String?
        var url: String?
        var file: (name: String, data: Data)?
        var evidenceOn: String?
        var confirmedBy: String?
        var note: String?
        var marksDone = false
    }

    /// Keeps a piece of evidence for one occurrence of a step, or says what is wrong with it.
    static func addEvidence(
        _ input: EvidenceInput, partnership: PartnershipRecord, template: GuidanceTemplate, step: GuidanceStep,
        occurrence: Int, in scope: Scope
    ) async throws -> [FieldError] {
        var errors: [FieldError] = []
        let nothing =
            input.paperKey == nil && input.url == nil && input.file == nil && input.evidenceOn == nil
            && input.note == nil
        if nothing {
            errors.append(FieldError("paper_key", "Choose a paper, attach a file, or give a link, a date or a note"))
        }
        var paperFound: PaperRecord?
        if let key = input.paperKey {
            paperFound = try await GuidanceStore.paper(key, of: partnership, in: scope)?.paper
            if paperFound == nil {
                errors.append(FieldError("paper_key", "'\(key)' is not a paper of this partnership's meetings"))
            }
        }
        if let url = input.url,
            !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url)?.host == nil
        {
            errors.append(FieldError("url", "The link must be a web address starting with https://"))
        }
        var type: PaperType?
        if let file = input.file {
            if file.data.isEmpty {
                errors.append(FieldError("file", "The file is empty"))
            } else if file.data.count > MeetingBusiness.maximumPaperSize {
                errors.append(FieldError("file", "The file must be smaller than 10 MB"))
            } else if let found = PaperType.of(name: file.name, data: file.data) {
                type = found
            } else {
                errors.append(
                    FieldError(
                        "file",
                        "The file must be a PDF, a Word, Excel, PowerPoint or OpenDocument file, a CSV or text file, or a PNG or JPEG picture, and be what its name says"
                    ))
            }
        }
        let day = input.evidenceOn.flatMap(Day.init)
        if input.evidenceOn != nil && day == nil {
            errors.append(FieldError("evidence_on", "Enter the date as yyyy-mm-dd, for example 2024-03-01"))
        }
        if let day, day > scope.now.today {
            errors.append(FieldError("evidence_on", "The date must be today or in the past"))
        }
        if (input.confirmedBy?.count ?? 0) > 200 {
            errors.append(FieldError("confirmed_by", "Who confirmed it must be 200 characters or fewer"))
        }
        if (input.note?.count ?? 0) > 2000 {
            errors.append(FieldError("note", "The note must be 2,000 characters or fewer"))
        }
        if input.marksDone {
            if let rule = step.rule {
                errors.append(
                    FieldError(
                        "marks_done",
                        "This step is done when the register shows it (\(rule.label.prefix(1).lowercased() + rule.label.dropFirst())); it cannot be marked done by hand"
                    ))
            } else if input.note == nil {
                errors.append(FieldError("note", "Say why the step is done"))
            }
        }
        guard errors.isEmpty else { return errors }

        let evidence = GuidanceEvidenceRecord()
        scope.claim(evidence)
        evidence.$partnership.id = try partnership.requireID()
        evidence.recordedAt = scope.now()
        evidence.recordedBy = scope.actor
        evidence.templateKey = template.key
        evidence.stepKey = step.key
        evidence.occurrence = occurrence
        evidence.paperKey = paperFound?.key
        evidence.url = input.url
        evidence.evidenceOn = day?.description
        evidence.confirmedBy = input.confirmedBy
        evidence.note = input.note
        evidence.marksDone = input.marksDone
        if let file = input.file, let type {
            evidence.fileName = PaperType.safeName(file.name)
            evidence.contentType = type.contentType
            evidence.size = file.data.count
            evidence.sha256 = SHA256.hash(data: file.data).lowercaseHex
        }
        try await scope.withUnusedKey(
            "\(partnership.key)-\(step.key)", GuidanceEvidenceRecord.self, key: \.$key, numbered: true
        ) { key in
            try await scope.audited { scope, audit in
                evidence.key = key
                try await evidence.create(on: scope.db)
                if let file = input.file {
                    let content = GuidanceEvidenceFileRecord()
                    scope.claim(content)
                    content.$evidence.id = try evidence.requireID()
                    content.data = file.data
                    try await content.create(on: scope.db)
                }
                audit.note("create", "guidance-evidence", key, before: nil as GuidanceEvidence?, after: evidence.domain)
            }
        }
        return []
    }
}
