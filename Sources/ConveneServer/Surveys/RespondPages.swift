import ConveneDomain
import Foundation
import Plot
import Vapor

/// The respondent's pages, reached by the secret in a personal link alone, without signing in: the survey a few
/// questions a page (each page's answers kept as it is sent), then the answers to check and send. The secret in the
/// address is what a form must know, so these forms need no session and make none.
enum RespondPages {
    static func register(on app: RoutesBuilder) {
        app.get("respond", ":secret", use: start)
        app.get(SurveyPath.respond(":secret", page: nil), use: check)
        app.on(.POST, SurveyPath.respond(":secret", page: nil).route, body: .collect(maxSize: "256kb"), use: send)
        app.get("respond", ":secret", ":page", use: page)
        app.on(.POST, "respond", ":secret", ":page", body: .collect(maxSize: "256kb"), use: answer)
    }

    struct PageModel {
        var context: PageContext
        var secret: String
        var survey: Survey
        /// The page shown, from 1; nil for the answers to check.
        var page: Int?
        var pages: [[SurveyQuestion]]
        /// The answers as given: those kept, and those just posted.
        var values: [String: [String]]
        var submitted: Bool
        var open: Bool
        var errors: [FieldError]
    }

    static func opened(_ req: Request) async throws -> (SurveyLinks.Opened, String) {
        let secret = try req.parameters.require("secret")
        return (try await SurveyLinks.open(secret, on: req.db, now: req.now), secret)
    }

    static func model(_ req: Request, page: Int?, posted: [String: [String]] = [:], errors: [FieldError] = [])
        async throws -> PageModel
    {
        let (opened, secret) = try await opened(req)
        let kept = try await SurveyLinks.answers(opened, secret: secret)
        var values = (kept?.0.answers ?? [:]).mapValues(\.values)
        for (key, given) in posted { values[key] = given }
        let pages = opened.survey.pages()
        if let page, !(1...max(1, pages.count)).contains(page) { throw Problem.notFound("The page \(page)") }
        return PageModel(
            context: req.pageContext, secret: secret, survey: opened.survey, page: page, pages: pages,
            values: values, submitted: kept?.submitted ?? false, open: opened.survey.takesAnswers(on: req.now.today),
            errors: errors)
    }

    @Sendable static func start(req: Request) async throws -> Response {
        let model = try await model(req, page: 1)
        return req.redirect(to: SurveyPath.respond(model.secret, page: model.submitted ? nil : 1).href)
    }

    @Sendable static func page(req: Request) async throws -> Response {
        guard let number = req.parameters.get("page", as: Int.self) else { throw Problem.notFound("The page") }
        return RespondView.render(try await model(req, page: number)).response()
    }

    @Sendable static func check(req: Request) async throws -> Response {
        RespondView.render(try await model(req, page: nil)).response()
    }

    /// The form's fields as posted: each name with every value given for it (`q3[]` as `q3`).
    static func posted(_ req: Request) -> [String: [String]] {
        let body = req.body.string ?? ""
        var fields: [String: [String]] = [:]
        for item in URLComponents(string: "?" + body.replacingOccurrences(of: "+", with: "%20"))?.queryItems ?? [] {
            var name = item.name
            if name.hasSuffix("[]") { name.removeLast(2) }
            fields[name, default: []].append(item.value ?? "")
        }
        return fields
    }

    @Sendable static func answer(req: Request) async throws -> Response {
        guard let number = req.parameters.get("page", as: Int.self) else { throw Problem.notFound("The page") }
        let (opened, secret) = try await opened(req)
        let pages = opened.survey.pages()
        guard (1...max(1, pages.count)).contains(number) else { throw Problem.notFound("The page \(number)") }
        let fields = posted(req)
        var given: [String: SurveyAnswer] = [:]
        var errors: [FieldError] = []
        var shown: [String: [String]] = [:]
        for question in pages[number - 1] {
            let values = fields[question.key] ?? []
            shown[question.key] = values
            switch question.read(values) {
            case .success(let answer): given[question.key] = answer
            case .failure(let error): errors.append(error)
            }
        }
        errors += SurveyResponse(answers: given).missing(pages[number - 1]).filter { missing in
            !errors.contains { $0.field == missing.field }
        }
        // A page with errors keeps nothing: it comes back with what was given, to put right and send again.
        if errors.isEmpty {
            errors = try await SurveyLinks.save(given, submit: false, opened, secret: secret)
        }
        if !errors.isEmpty {
            let order = pages[number - 1].map(\.key)
            let sorted = errors.sorted {
                (order.firstIndex(of: $0.field) ?? -1) < (order.firstIndex(of: $1.field) ?? -1)
            }
            return RespondView.render(try await model(req, page: number, posted: shown, errors: sorted))
                .response(status: .unprocessableEntity)
        }
        return req.redirect(to: SurveyPath.respond(secret, page: number < pages.count ? number + 1 : nil).href)
    }

    @Sendable static func send(req: Request) async throws -> Response {
        let (opened, secret) = try await opened(req)
        let errors = try await SurveyLinks.save([:], submit: true, opened, secret: secret)
        if !errors.isEmpty {
            return RespondView.render(try await model(req, page: nil, errors: errors))
                .response(status: .unprocessableEntity)
        }
        var done = try await model(req, page: nil)
        done.submitted = true
        return RespondView.thanks(done).response()
    }
}

/// The answer form, in the GOV.UK manner: each question a fieldset with its radios or checkboxes, or a text area;
/// errors summarised at the top and beside each question; "check your answers" before sending.
enum RespondView {
    static let dontKnow = "Don't know"

    static func likertOptions() -> [(String, String)] {
        LikertPoint.allCases.map { ($0.rawValue, $0.label) } + [("dont_know", dontKnow)]
    }

    static func render(_ model: RespondPages.PageModel) -> Layout {
        let s = model.survey
        guard model.open else {
            return Layout(
                context: model.context, title: s.title,
                content: .group(
                    .heading(s.title),
                    .p(
                        .text(
                            model.submitted
                                ? "This survey has closed. Your answers were sent: thank you."
                                : "This survey is not taking answers: it has closed, or has not opened yet."))))
        }
        guard let page = model.page else { return check(model) }
        let form = Form(errors: model.errors)
        let questions = model.pages[page - 1]
        return Layout(
            context: model.context, title: form.title(s.title),
            content: .group(
                form.errorSummary(),
                .span(.class("caption-l"), .text("Page \(page) of \(model.pages.count)")),
                .h1(.class("heading-xl"), .text(s.title)),
                .if(page == 1, .unwrap(s.introduction) { .p(.text($0)) }),
                .if(
                    s.anonymous,
                    .p(.class("hint"), .text("This survey is anonymous: your answers cannot be linked to you."))),
                .if(
                    model.submitted,
                    .p(.class("hint"), .text("You have sent your answers; any change you make is kept and counted."))),
                .unwrap(questions.first?.section) { .h2(.class("heading-l"), .text($0)) },
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "action", value: SurveyPath.respond(model.secret, page: page).href),
                        .attribute(named: "method", value: "post"),
                        .attribute(named: "novalidate", value: "novalidate"),
                        .forEach(questions) { field($0, model, form) },
                        .button(
                            .type(.submit), .class("button"),
                            .text(page < model.pages.count ? "Save and continue" : "Save and check your answers"))
                    ])))
    }

    static func legend(_ q: SurveyQuestion) -> String { q.required ? q.text : q.text + " (optional)" }

    static func field(_ q: SurveyQuestion, _ model: RespondPages.PageModel, _ form: Form) -> Node<HTML.BodyContext> {
        let values = model.values[q.key] ?? []
        switch q.kind {
        case .likert:
            return form.radios(q.key, legend(q), values.first, likertOptions())
        case .singleChoice:
            return form.radios(q.key, legend(q), values.first, q.options.map { ($0, $0) })
        case .multipleChoice:
            return form.checkboxes(q.key, legend(q), values, q.options.map { ($0, $0) })
        case .freeText:
            return form.textArea(q.key, legend(q), values.first)
        }
    }

    static func answerText(_ q: SurveyQuestion, _ values: [String]) -> String {
        let answer = SurveyAnswer(values, for: q)
        switch answer {
        case .none: return "Not answered"
        case .dontKnow: return dontKnow
        case .likert(let point): return point.label
        case .choices(let chosen): return chosen.joined(separator: ", ")
        case .text(let text): return text
        }
    }

    static func check(_ model: RespondPages.PageModel) -> Layout {
        let form = Form(errors: model.errors)
        let s = model.survey
        return Layout(
            context: model.context, title: form.title("Check your answers"),
            content: .group(
                form.errorSummary(),
                .heading("Check your answers", caption: s.title),
                .if(
                    model.submitted,
                    .p(.text("Your answers have been sent. You can change them until the survey closes."))),
                .forEach(Array(model.pages.enumerated())) { index, questions in
                    .dl(
                        .class("summary-list"),
                        .forEach(questions) { q in
                            .div(
                                .class("summary-list__row"), .id(q.key),
                                .dt(.class("summary-list__key"), .text(q.text)),
                                .dd(.class("summary-list__value"), .text(answerText(q, model.values[q.key] ?? []))),
                                .dd(
                                    .class("summary-list__actions"),
                                    .a(
                                        .href(SurveyPath.respond(model.secret, page: index + 1).href + "#\(q.key)"),
                                        .text("Change"),
                                        .span(.class("visually-hidden"), .text(" your answer to: \(q.text)")))))
                        })
                },
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "action", value: SurveyPath.respond(model.secret, page: nil).href),
                        .attribute(named: "method", value: "post"),
                        .button(
                            .type(.submit), .class("button"),
                            .text(model.submitted ? "Send my changed answers" : "Send my answers"))
                    ])))
    }

    static func thanks(_ model: RespondPages.PageModel) -> Layout {
        Layout(
            context: model.context, title: "Answers sent",
            content: .group(
                .div(
                    .class("panel panel--confirmation"),
                    .h1(.class("heading-xl"), .text("Answers sent")),
                    .p(.text("Thank you for answering \(model.survey.title)."))),
                .p(
                    .text("You can "),
                    .a(
                        .href(SurveyPath.respond(model.secret, page: nil).href), .text("look at or change your answers")
                    ),
                    .text(" until the survey closes, with the same link."))))
    }
}
