import ConveneDomain
import Fluent
import Vapor

/// The owner's survey pages: read by everyone in the workspace, written by editors.
enum SurveyPages {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(SurveyPath.surveys, use: list)
        write.get(SurveyPath.newSurvey, use: newSurvey)
        write.post(SurveyPath.newSurvey, use: create)
        read.get(SurveyPath.survey(":key"), use: show)
        read.get(SurveyPath.results(":key"), use: results)
        write.get(SurveyPath.newQuestion(":key"), use: newQuestion)
        write.post(SurveyPath.newQuestion(":key"), use: addQuestion)
        write.post(SurveyPath.removeQuestion(":key", question: ":question"), use: removeQuestion)
        write.post(SurveyPath.status(":key"), use: setStatus)
        write.get(SurveyPath.importAnswers, use: importForm)
        write.on(.POST, SurveyPath.importAnswers.route, body: .collect(maxSize: "20mb"), use: importAnswers)
        write.get(SurveyPath.links(":key"), use: linksForm)
        write.post(SurveyPath.links(":key"), use: makeLinks)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        SurveyPagesView.list(try await SurveyListModel.load(context: req.pageContext, in: req.scope)).response()
    }

    @Sendable static func newSurvey(req: Request) async throws -> Response {
        SurveyPagesView.newSurvey(try await NewSurveyModel.load(context: req.pageContext, in: req.scope)).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(NewSurveyModel.Input.self)
        let reader = FormReader()
        var errors: [FieldError] = []
        let closes = reader.text(input.closesOn)
        let day = closes.flatMap(Day.init)
        if closes != nil && day == nil {
            errors.append(FieldError("closes_on", "Enter the date as yyyy-mm-dd, for example 2027-01-31"))
        }
        let template = reader.text(input.template).map { SurveyTemplates.named($0) }
        if case .some(.none) = template { errors.append(FieldError("template", "Choose the questions to start from")) }
        let chosen = template.flatMap { $0 }
        let survey = Survey(
            key: "", title: reader.text(input.title) ?? "",
            introduction: reader.text(input.introduction) ?? chosen?.introduction, anonymous: input.anonymous != nil,
            closesOn: day, previousKey: reader.text(input.previousKey), questions: chosen?.questions ?? [])
        if errors.isEmpty {
            switch try await SurveyBusiness.create(survey, in: req.scope) {
            case .success(let key): return req.redirect(to: SurveyPath.survey(key).href)
            case .failure(let refusal): errors = refusal.errors
            }
        }
        return SurveyPagesView.newSurvey(
            try await NewSurveyModel.load(context: req.pageContext, input: input, errors: errors, in: req.scope)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        SurveyPagesView.show(
            try await SurveyPageModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func results(req: Request) async throws -> Response {
        ResultsView.render(
            try await ResultsPageModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func newQuestion(req: Request) async throws -> Response {
        let record = try await SurveyBusiness.find(try req.parameters.require("key"), in: req.scope)
        return SurveyPagesView.newQuestion(
            NewQuestionModel(context: req.pageContext, survey: record.domain, input: .init(), errors: [])
        ).response()
    }

    @Sendable static func addQuestion(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let input = try req.content.decode(NewQuestionModel.Input.self)
        let reader = FormReader()
        var errors: [FieldError] = []
        let kind = reader.text(input.kind).flatMap(SurveyQuestion.Kind.init(rawValue:))
        if kind == nil { errors.append(FieldError("kind", "Choose the kind of answer")) }
        let options = (input.options ?? "").split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        if let kind, errors.isEmpty {
            errors = try await SurveyBusiness.addQuestion(
                SurveyQuestion(
                    key: "", text: reader.text(input.text) ?? "", kind: kind, options: options,
                    required: input.required != nil, section: reader.text(input.section)), to: key, in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: SurveyPath.survey(key).href) }
        let record = try await SurveyBusiness.find(key, in: req.scope)
        return SurveyPagesView.newQuestion(
            NewQuestionModel(context: req.pageContext, survey: record.domain, input: input, errors: errors)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func removeQuestion(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let errors = try await SurveyBusiness.removeQuestion(
            try req.parameters.require("question"), from: key, in: req.scope)
        return try await showing(req, key: key, errors: errors)
    }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        struct Input: Content { var status: String? }
        let key = try req.parameters.require("key")
        guard let status = try req.content.decode(Input.self).status.flatMap(SurveyStatus.init(rawValue:)) else {
            return try await showing(req, key: key, errors: [FieldError("status", "Choose a status")])
        }
        return try await showing(
            req, key: key, errors: try await SurveyBusiness.setStatus(status, of: key, in: req.scope))
    }

    /// The survey's page after a write: back to it, or it again with the write's errors.
    static func showing(_ req: Request, key: String, errors: [FieldError]) async throws -> Response {
        if errors.isEmpty { return req.redirect(to: SurveyPath.survey(key).href) }
        var model = try await SurveyPageModel.load(key: key, context: req.pageContext, in: req.scope)
        model.errors = errors
        return SurveyPagesView.show(model).response(status: .unprocessableEntity)
    }

    @Sendable static func linksForm(req: Request) async throws -> Response {
        SurveyPagesView.links(
            try await SurveyPageModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, withRecipients: true, in: req.scope)
        ).response()
    }

    @Sendable static func makeLinks(req: Request) async throws -> Response {
        struct Input: Content {
            var persons: [String]?
            var organisations: [String]?
        }
        let key = try req.parameters.require("key")
        let input = try req.content.decode(Input.self)
        switch try await SurveyBusiness.makeLinks(
            key, persons: input.persons ?? [], organisations: input.organisations ?? [], in: req.scope)
        {
        case .success(let made):
            var model = try await SurveyPageModel.load(key: key, context: req.pageContext, in: req.scope)
            model.made = made
            model.site = site(req)
            return SurveyPagesView.show(model).response()
        case .failure(let refusal):
            var model = try await SurveyPageModel.load(
                key: key, context: req.pageContext, withRecipients: true, in: req.scope)
            model.errors = refusal.errors
            return SurveyPagesView.links(model).response(status: .unprocessableEntity)
        }
    }

    @Sendable static func importForm(req: Request) async throws -> Response {
        SurveyPagesView.importPage(ImportAnswersModel(context: req.pageContext)).response()
    }

    @Sendable static func importAnswers(req: Request) async throws -> Response {
        struct Upload: Content {
            var file: File?
            var survey: String?
            var title: String?
        }
        let upload = try req.content.decode(Upload.self)
        let reader = FormReader()
        var model = ImportAnswersModel(
            context: req.pageContext, survey: reader.text(upload.survey), title: reader.text(upload.title))
        let data = upload.file.map { Data(buffer: $0.data) } ?? Data()
        if data.isEmpty {
            model.report = SurveyImport.Report(
                survey: model.survey ?? "", errors: [FieldError("file", "Choose a CSV or Excel file of answers")])
        } else {
            let name = upload.file?.filename ?? ""
            // With no key given, the file's name without its extension makes one.
            let key = model.survey ?? Key.slug(URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent)
            model.report = try await SurveyImport.run(
                data, fileName: name, survey: key, title: model.title, in: req.scope)
        }
        return SurveyPagesView.importPage(model).response(
            status: model.report?.errors.isEmpty == false ? .unprocessableEntity : .ok)
    }

    /// The site's address as the request reached it, for links sent to people elsewhere.
    static func site(_ req: Request) -> String {
        let scheme = req.headers.first(name: "X-Forwarded-Proto") ?? "http"
        return req.headers.first(name: .host).map { "\(scheme)://\($0)" } ?? ""
    }
}
