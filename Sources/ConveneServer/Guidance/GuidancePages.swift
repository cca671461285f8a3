import ConveneDomain
import Fluent
import Vapor

/// Guidance's pages: the templates (read by everyone, added by administrators) and each partnership's task list
/// with its evidence (added by editors and the partnership's secretariat).
enum GuidancePages {
    static func register(read: RoutesBuilder, business: RoutesBuilder, admin: RoutesBuilder) {
        read.get(GuidancePath.templates, use: templates)
        read.get(GuidancePath.exportTemplates, use: export)
        admin.get(GuidancePath.newTemplate, use: newTemplate)
        admin.post(GuidancePath.newTemplate, use: createTemplate)
        admin.get(GuidancePath.importTemplates, use: importForm)
        admin.on(.POST, GuidancePath.importTemplates.route, body: .collect(maxSize: "2mb"), use: importTemplates)
        read.get(GuidancePath.milestones(":key"), use: milestones)
        read.get(GuidancePath.evidenceFile(":key", evidence: ":evidence"), use: evidenceFile)
        let evidence = GuidancePath.evidence(":key", template: ":template", step: ":step", occurrence: ":occurrence")
        business.get(evidence, use: evidenceForm)
        business.on(.POST, evidence.route, body: .collect(maxSize: "11mb"), use: addEvidence)
    }

    @Sendable static func templates(req: Request) async throws -> Response {
        TemplatePagesView.list(try await TemplatesPageModel.load(context: req.pageContext, on: req.db)).response()
    }

    @Sendable static func export(req: Request) async throws -> Response {
        let response = Response(
            status: .ok,
            body: .init(data: try GuidanceTemplateFile.write(try await GuidanceStore.allTemplates(on: req.db))))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"guidance-templates.json\"")
        return response
    }

    @Sendable static func newTemplate(req: Request) async throws -> Response {
        TemplatePagesView.form(TemplateFormModel(context: req.pageContext, input: .init(), errors: [])).response()
    }

    @Sendable static func createTemplate(req: Request) async throws -> Response {
        let input = try req.content.decode(TemplateFormModel.Input.self)
        if input.addsStep {
            return TemplatePagesView.form(TemplateFormModel(context: req.pageContext, input: input, errors: []))
                .response()
        }
        let (template, parseErrors) = input.parse()
        var errors = parseErrors
        if let template {
            errors = try await GuidanceBusiness.add([template], places: [""], in: req.scope).errors
        }
        if errors.isEmpty { return req.redirect(to: GuidancePath.templates.href) }
        return TemplatePagesView.form(TemplateFormModel(context: req.pageContext, input: input, errors: errors))
            .response(status: .unprocessableEntity)
    }

    @Sendable static func importForm(req: Request) async throws -> Response {
        TemplatePagesView.importPage(
            try await TemplatesPageModel.load(context: req.pageContext, on: req.db), errors: []
        )
        .response()
    }

    struct ImportUpload: Content { var file: File? }

    @Sendable static func importTemplates(req: Request) async throws -> Response {
        let upload = try req.content.decode(ImportUpload.self)
        let data = upload.file.map { Data(buffer: $0.data) } ?? Data()
        let report =
            data.isEmpty
            ? GuidanceBusiness.ImportReport(errors: [FieldError("file", "Choose a JSON file of templates")])
            : try await GuidanceBusiness.importTemplates(data, in: req.scope)
        let model = try await TemplatesPageModel.load(
            context: req.pageContext, report: report.errors.isEmpty ? report : nil, on: req.db)
        return TemplatePagesView.importPage(model, errors: report.errors)
            .response(status: report.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func milestones(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let model = try await MilestonesPageModel.load(
            key: key, context: req.pageContext, mayEdit: try await PartnershipGrants.mayEdit(key, req), in: req.scope)
        return MilestonesPageView.render(model).response()
    }

    @Sendable static func evidenceFile(req: Request) async throws -> Response {
        let partnership = try await RegisterQueries.partnership(try req.parameters.require("key"), in: req.scope)
        let key = try req.parameters.require("evidence")
        guard
            let evidence = try await GuidanceEvidenceRecord.query(in: req.scope).filter(\.$key == key)
                .filter(\.$partnership.$id == partnership.requireID()).first(),
            let content = try await GuidanceEvidenceFileRecord.query(in: req.scope)
                .filter(\.$evidence.$id == evidence.requireID()).first()
        else { throw Problem.notFound("The evidence file '\(key)'") }
        let response = Response(status: .ok, body: .init(data: content.data))
        response.headers.replaceOrAdd(name: .contentType, value: evidence.contentType ?? "application/octet-stream")
        // Always a download, never shown in Convene's own origin.
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(evidence.fileName ?? "evidence")\"")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox")
        return response
    }

    /// The parameters of an evidence route.
    static func place(_ req: Request) throws -> (key: String, template: String, step: String, occurrence: String) {
        (
            try req.parameters.require("key"), try req.parameters.require("template"),
            try req.parameters.require("step"),
            try req.parameters.require("occurrence")
        )
    }

    @Sendable static func evidenceForm(req: Request) async throws -> Response {
        let p = try place(req)
        return MilestonesPageView.form(
            try await EvidenceFormModel.load(
                key: p.key, template: p.template, step: p.step, occurrence: p.occurrence, context: req.pageContext,
                in: req.scope)
        ).response()
    }

    @Sendable static func addEvidence(req: Request) async throws -> Response {
        let p = try place(req)
        let input = try req.content.decode(EvidenceFormModel.Input.self)
        // The form model finds the step's occurrence in the task list, or says it does not exist.
        let model = try await EvidenceFormModel.load(
            key: p.key, template: p.template, step: p.step, occurrence: p.occurrence, context: req.pageContext,
            in: req.scope)
        let reader = FormReader()
        let file = input.file.flatMap { f in
            f.data.readableBytes == 0 && f.filename.isEmpty ? nil : (name: f.filename, data: Data(buffer: f.data))
        }
        let errors = try await GuidanceBusiness.addEvidence(
            .init(
                paperKey: reader.text(input.paperKey), url: reader.text(input.url), file: file,
                evidenceOn: reader.text(input.evidenceOn), confirmedBy: reader.text(input.confirmedBy),
                note: reader.text(input.note), marksDone: input.marksDone != nil),
            partnership: try await RegisterQueries.partnership(p.key, in: req.scope), template: model.template,
            step: model.task.task.step, occurrence: model.task.task.occurrence, in: req.scope)
        if errors.isEmpty {
            return req.redirect(
                to: GuidancePath.milestones(p.key).href(
                    fragment: "task-\(model.task.task.step.key)-\(model.task.task.occurrence)"))
        }
        var failed = model
        failed.input = input
        failed.input.file = nil
        failed.errors = errors
        return MilestonesPageView.form(failed).response(status: .unprocessableEntity)
    }
}
