import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Guidance in the JSON API: the templates (exported and imported in the template file's shape), a partnership's
/// milestones (the same JSON as `convene milestones --format json`) and evidence for a step.
enum GuidanceAPI {
    static func register(read: RoutesBuilder, business: RoutesBuilder, admin: RoutesBuilder) {
        read.get(APIPath.guidanceTemplates, use: templates)
        admin.on(.POST, APIPath.guidanceTemplates.route, body: .collect(maxSize: "2mb"), use: importTemplates)
        read.get(APIPath.milestones(":key"), use: milestones)
        business.post(
            APIPath.milestoneEvidence(":key", template: ":template", step: ":step", occurrence: ":occurrence"),
            use: addEvidence)
    }

    @Sendable static func templates(req: Request) async throws -> Response {
        let response = Response(
            status: .ok,
            body: .init(data: try GuidanceTemplateFile.write(try await GuidanceStore.allTemplates(on: req.db))))
        response.headers.contentType = .json
        return response
    }

    /// All or nothing: 201 with what was added, 200 when the templates were all kept already, 422 naming each bad
    /// field otherwise.
    @Sendable static func importTemplates(req: Request) async throws -> Response {
        let report = try await GuidanceBusiness.importTemplates(
            Data(buffer: req.body.data ?? ByteBuffer()), in: req.scope)
        if !report.errors.isEmpty { throw Problem.invalid(report.errors) }
        return try APIResponse.json(report, status: report.added.isEmpty ? .ok : .created)
    }

    @Sendable static func milestones(req: Request) async throws -> Response {
        let on = req.query[String.self, at: "on"]
        var day: Day?
        if let on {
            guard let parsed = Day(on) else {
                throw Problem.invalid([FieldError("on", "'\(on)' is not a date; expected yyyy-mm-dd")])
            }
            day = parsed
        }
        let milestones = try await GuidanceStore.milestones(
            of: try req.parameters.require("key"), on: day, in: req.scope)
        return try APIResponse.json(MilestonesJSON(milestones))
    }

    struct EvidenceRequest: Codable, Sendable {
        var paperKey: String?
        var url: String?
        var evidenceOn: String?
        var confirmedBy: String?
        var note: String?
        var marksDone: Bool?
    }

    @Sendable static func addEvidence(req: Request) async throws -> Response {
        let (key, templateKey, stepKey, occurrence) = try GuidancePages.place(req)
        let body = try MeetingAPI.body(EvidenceRequest.self, req)
        let milestones = try await GuidanceStore.milestones(of: key, in: req.scope)
        guard
            let list = milestones.lists.first(where: { $0.template.key == templateKey }),
            let task = list.tasks.first(where: { $0.task.step.key == stepKey && "\($0.task.occurrence)" == occurrence })
        else { throw Problem.notFound("The step '\(stepKey)' of '\(templateKey)' for this partnership") }
        let partnership = try await RegisterQueries.partnership(key, in: req.scope)
        let reader = FormReader()
        let errors = try await GuidanceBusiness.addEvidence(
            .init(
                paperKey: reader.text(body.paperKey), url: reader.text(body.url), file: nil,
                evidenceOn: reader.text(body.evidenceOn), confirmedBy: reader.text(body.confirmedBy),
                note: reader.text(body.note), marksDone: body.marksDone ?? false),
            partnership: partnership, template: list.template, step: task.task.step,
            occurrence: task.task.occurrence, in: req.scope)
        if !errors.isEmpty { throw Problem.invalid(errors) }
        let after = try await GuidanceStore.milestones(of: key, in: req.scope)
        let updated = after.lists.first { $0.template.key == templateKey }?.tasks.first {
            $0.task.step.key == stepKey && $0.task.occurrence == task.task.occurrence
        }
        return try APIResponse.json(
            updated.map { EvidenceResponse(status: $0.task.status, overdue: $0.task.overdue, evidence: $0.evidence) },
            status: .created)
    }

    struct EvidenceResponse: Codable, Sendable {
        var status: MilestoneStatus
        var overdue: Bool
        var evidence: [GuidanceEvidenceWire]

        init(status: MilestoneStatus, overdue: Bool, evidence: [GuidanceEvidence]) {
            self.status = status
            self.overdue = overdue
            self.evidence = evidence.map(GuidanceEvidenceWire.init)
        }
    }

    /// A piece of evidence on the wire: what the form gives, and who recorded it when.
    struct GuidanceEvidenceWire: Codable, Sendable {
        var key: String
        var paperKey: String?
        var url: String?
        var fileName: String?
        var evidenceOn: Day?
        var confirmedBy: String?
        var note: String?
        var marksDone: Bool
        var recordedBy: String
        var recordedAt: Date

        init(_ e: GuidanceEvidence) {
            key = e.key
            paperKey = e.paperKey
            url = e.url
            fileName = e.fileName
            evidenceOn = e.evidenceOn
            confirmedBy = e.confirmedBy
            note = e.note
            marksDone = e.marksDone
            recordedBy = e.recordedBy
            recordedAt = e.recordedAt
        }
    }
}
