import ConveneDomain
import Fluent
import Foundation

/// One version of a guidance template. National guidance is the same for every workspace, so templates belong to
/// none, as the reference geography does; their steps are kept as the template file writes them.
final class GuidanceTemplateRecord: Model, @unchecked Sendable {
    static let schema = "guidance_templates"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "key") var key: String
    @Field(key: "version") var version: Int
    @Field(key: "title") var title: String
    @Field(key: "partnership_type") var partnershipType: String
    @Field(key: "published_on") var publishedOn: String
    @OptionalField(key: "source") var source: String?
    /// The steps as JSON, in the template file's own shape.
    @Field(key: "steps") var steps: String

    init() {}

    init(_ template: GuidanceTemplate) {
        key = template.key
        version = template.version
        title = template.title
        partnershipType = template.partnershipType.rawValue
        publishedOn = template.publishedOn.description
        source = template.source
        steps = Self.encode(template.steps)
    }

    static func encode(_ steps: [GuidanceStep]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(steps)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The template; a row that no longer reads (it cannot be written so) has no steps.
    var domain: GuidanceTemplate {
        GuidanceTemplate(
            key: key, title: title, version: version,
            partnershipType: PartnershipType(rawValue: partnershipType) ?? .network,
            publishedOn: Day(publishedOn) ?? Day(year: 2000, month: 1, day: 1)!, source: source,
            steps: (try? JSONDecoder().decode([GuidanceStep].self, from: Data(steps.utf8))) ?? [])
    }
}

/// A piece of evidence for one step (and, for a recurring step, one occurrence) of a partnership's guidance: a
/// meeting paper, a file, a link, a date, who confirmed it and a note. With `marksDone`, a person's confirmation
/// that the step is done, with the note as the reason.
final class GuidanceEvidenceRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "guidance_evidence"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "partnership_id") var partnership: PartnershipRecord
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "key") var key: String
    @Field(key: "template_key") var templateKey: String
    @Field(key: "step_key") var stepKey: String
    @Field(key: "occurrence") var occurrence: Int
    /// A paper of the partnership's meetings, by its key.
    @OptionalField(key: "paper_key") var paperKey: String?
    @OptionalField(key: "url") var url: String?
    @OptionalField(key: "file_name") var fileName: String?
    @OptionalField(key: "content_type") var contentType: String?
    @OptionalField(key: "size") var size: Int?
    @OptionalField(key: "sha256") var sha256: String?
    @OptionalField(key: "evidence_on") var evidenceOn: String?
    @OptionalField(key: "confirmed_by") var confirmedBy: String?
    @OptionalField(key: "note") var note: String?
    @Field(key: "marks_done") var marksDone: Bool

    static var workspacePath: KeyPath<GuidanceEvidenceRecord, ParentProperty<GuidanceEvidenceRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    var domain: GuidanceEvidence {
        GuidanceEvidence(
            key: key, templateKey: templateKey, stepKey: stepKey, occurrence: occurrence, paperKey: paperKey,
            url: url, fileName: fileName, contentType: contentType, size: size, sha256: sha256,
            evidenceOn: Day(stored: evidenceOn), confirmedBy: confirmedBy, note: note, marksDone: marksDone,
            recordedAt: recordedAt, recordedBy: recordedBy)
    }
}

/// An uploaded evidence file's bytes, apart from its description so that listing evidence never reads them.
final class GuidanceEvidenceFileRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "guidance_evidence_files"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "evidence_id") var evidence: GuidanceEvidenceRecord
    @Field(key: "data") var data: Data

    static var workspacePath:
        KeyPath<GuidanceEvidenceFileRecord, ParentProperty<GuidanceEvidenceFileRecord, WorkspaceRecord>>
    { \.$workspace }

    init() {}
}

/// A piece of evidence as the pages, the API and the audit log see it.
struct GuidanceEvidence: Codable, Sendable, Hashable {
    var key: String
    var templateKey: String
    var stepKey: String
    var occurrence: Int
    var paperKey: String?
    var url: String?
    var fileName: String?
    var contentType: String?
    var size: Int?
    var sha256: String?
    var evidenceOn: Day?
    var confirmedBy: String?
    var note: String?
    var marksDone: Bool
    var recordedAt: Date
    var recordedBy: String
}
