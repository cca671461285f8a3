import ConveneDomain
import Foundation
import Plot

/// The owner's survey pages: the list, a survey with its questions and links, and the forms that make them.
enum SurveyPagesView {
    static let crumbs: [(String, String)] = [
        ("Overview", RegisterPath.overview.href), ("Surveys", SurveyPath.surveys.href)
    ]

    static func statusTag(_ status: SurveyStatus) -> Node<HTML.BodyContext> {
        Components.tag(status.label, status == .open ? "green" : status == .draft ? "grey" : "blue")
    }

    static func list(_ model: SurveyListModel) -> Layout {
        Layout(
            context: model.context, title: "Surveys", breadcrumbs: [crumbs[0]],
            content: .group(
                .heading("Surveys"),
                .p(
                    .text(
                        "Ask partners what they think of the partnership system: each person gets a personal link that needs no account. An anonymous survey's results show only from five respondents."
                    )),
                .if(
                    model.context.mayEdit,
                    .p(
                        .a(.href(SurveyPath.newSurvey.href), .class("button"), .text("Start a survey")), .text(" "),
                        .a(
                            .href(SurveyPath.importAnswers.href), .class("button button--secondary"),
                            .text("Import answers from a file")))),
                model.surveys.isEmpty
                    ? .p(.text("There are no surveys yet."))
                    : Components.table(
                        caption: "Surveys, newest first",
                        headers: [
                            .text("Survey"), .text("Status"), .text("Links"), .text("Responses"), .text("Results")
                        ],
                        rows: model.surveys.map { s in
                            [
                                .a(.href(SurveyPath.survey(s.survey.key).href), .text(s.survey.title)),
                                .group(
                                    statusTag(s.survey.status(on: model.today)),
                                    .if(s.survey.anonymous, .group(.text(" "), Components.tag("Anonymous", "purple")))),
                                .text("\(s.links)"), .text("\(s.responses)"),
                                .a(.href(SurveyPath.results(s.survey.key).href), .text("Results of \(s.survey.title)"))
                            ]
                        })))
    }

    static func show(_ model: SurveyPageModel) -> Layout {
        let s = model.survey
        let form = Form(errors: model.errors)
        let mayEdit = model.context.mayEdit
        return Layout(
            context: model.context, title: form.title(s.title), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading(s.title, caption: "Survey"),
                Components.summaryList([
                    ("Status", statusTag(s.status(on: model.today))),
                    (
                        "Anonymous",
                        .text(
                            s.anonymous
                                ? "Yes: answers cannot be linked to anyone, and results show only from \(Survey.anonymousThreshold) respondents"
                                : "No: you can see who has answered")
                    ),
                    ("Closes", Components.text(s.closesOn?.longDescription, empty: "When it is closed")),
                    (
                        "Responses",
                        .a(.href(SurveyPath.results(s.key).href), .text("\(model.responses) sent: see the results"))
                    ),
                    ("Runs again", Components.text(s.previousKey, empty: "No earlier survey"))
                ]),
                .if(!model.made.isEmpty, madeLinks(model)),
                .if(mayEdit, statusForm(model)),
                .h2(.class("heading-l"), .text("Questions")),
                .unwrap(s.introduction) { .p(.class("hint"), .text($0)) },
                questions(model),
                .if(
                    mayEdit && s.status == .draft,
                    .p(
                        .a(
                            .href(SurveyPath.newQuestion(s.key).href), .class("button button--secondary"),
                            .text("Add a question")))),
                .h2(.class("heading-l"), .text("Personal links")),
                .if(
                    mayEdit && s.status != .closed,
                    .p(
                        .a(
                            .href(SurveyPath.links(s.key).href), .class("button button--secondary"),
                            .text("Send personal links")))),
                model.links.isEmpty
                    ? .p(.text("No links have been made yet."))
                    : Components.table(
                        caption: "Links made",
                        headers: [.text("To"), .text("Sector"), .text("Made"), .text("Answered")],
                        rows: model.links.map { link in
                            [
                                .text(link.recipient), Components.text(link.sector?.label),
                                .text(WallClock.day(of: link.made).longDescription),
                                .text(link.answered.map { $0 ? "Yes" : "Not yet" } ?? "Not known: anonymous")
                            ]
                        })))
    }

    static func questions(_ model: SurveyPageModel) -> Node<HTML.BodyContext> {
        let s = model.survey
        return .ol(
            .class("list list--number"),
            .forEach(s.questions) { q in
                .li(
                    .unwrap(q.section) { .p(.strong(.text($0))) },
                    .text(q.text), .text(" "),
                    .span(.class("secondary-text"), .text("(\(q.kind.label)\(q.required ? ", required" : ""))")),
                    .if(!q.options.isEmpty, .ul(.forEach(q.options) { .li(.text($0)) })),
                    .if(
                        model.context.mayEdit && s.status == .draft,
                        .postForm(
                            action: SurveyPath.removeQuestion(s.key, question: q.key).href, context: model.context,
                            .button(
                                .type(.submit), .class("button button--secondary button--small"),
                                .text("Remove"), .span(.class("visually-hidden"), .text(" question: \(q.text)"))))))
            })
    }

    static func statusForm(_ model: SurveyPageModel) -> Node<HTML.BodyContext> {
        let s = model.survey
        let next: (SurveyStatus, String)? =
            switch s.status {
            case .draft: (.open, "Open the survey")
            case .open: (.closed, "Close the survey")
            case .closed: s.closesOn.map { $0 >= model.today } ?? true ? (.open, "Reopen the survey") : nil
            }
        guard let (status, label) = next else { return .empty }
        return .postForm(
            action: SurveyPath.status(s.key).href, context: model.context,
            .input(.type(.hidden), .name("status"), .value(status.rawValue)),
            .button(.type(.submit), .class("button"), .id("status"), .text(label)))
    }

    /// The links just made: shown this once, since Convene keeps only a fingerprint of each.
    static func madeLinks(_ model: SurveyPageModel) -> Node<HTML.BodyContext> {
        .div(
            .class("panel panel--confirmation"),
            .h2(
                .class("heading-m"),
                .text(model.made.count == 1 ? "1 personal link made" : "\(model.made.count) personal links made")),
            .p(
                .strong(
                    .text(
                        "Copy them now and send each to its person: Convene keeps only a fingerprint of each link and cannot show it again."
                    ))),
            Components.table(
                caption: "Personal links", headers: [.text("To"), .text("Link")],
                rows: model.made.map { made in
                    let href = model.site + SurveyPath.respond(made.secret, page: 1).href
                    return [.text(made.recipient), .a(.href(href), .class("link-text"), .text(href))]
                }))
    }

    static func newSurvey(_ model: NewSurveyModel) -> Layout {
        let form = Form(errors: model.errors)
        let input = model.input
        return Layout(
            context: model.context, title: form.title("Start a survey"), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading("Start a survey"),
                .postForm(
                    action: SurveyPath.newSurvey.href, context: model.context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.textInput("title", "Title", input.title),
                    form.textArea(
                        "introduction", "Introduction", input.introduction,
                        hint: "What the survey is for, shown above its questions"),
                    form.radios(
                        "template", "Questions", input.template ?? SurveyTemplates.partnerships.key,
                        SurveyTemplates.all.map {
                            (
                                $0.key,
                                "The statements of the APCC's partnership survey (\($0.questions.count) questions)"
                            )
                        }
                            + [("", "None: I will add my own")]),
                    form.checkboxes(
                        "anonymous", "Anonymous", input.anonymous == nil ? [] : ["yes"],
                        [
                            (
                                "yes",
                                "Anonymous: nobody can link an answer to its respondent, and results show only from \(Survey.anonymousThreshold) respondents"
                            )
                        ],
                        single: true),
                    form.textInput(
                        "closes_on", "Closing date", input.closesOn,
                        hint:
                            "The last day answers are taken, for example 2027-01-31; leave blank to close it yourself",
                        short: true),
                    .if(
                        !model.surveys.isEmpty,
                        form.select(
                            "previous_key", "Runs again", input.previousKey, model.surveys.map { ($0.key, $0.title) },
                            blank: "No earlier survey", hint: "To compare the results year on year")),
                    .button(.type(.submit), .class("button"), .text("Start the survey")))))
    }

    static func newQuestion(_ model: NewQuestionModel) -> Layout {
        let form = Form(errors: model.errors)
        let input = model.input
        return Layout(
            context: model.context, title: form.title("Add a question"),
            breadcrumbs: crumbs + [(model.survey.title, SurveyPath.survey(model.survey.key).href)],
            content: .group(
                form.errorSummary(),
                .heading("Add a question", caption: model.survey.title),
                .postForm(
                    action: SurveyPath.newQuestion(model.survey.key).href, context: model.context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.textArea("text", "Question or statement", input.text),
                    form.radios(
                        "kind", "Kind of answer", input.kind ?? SurveyQuestion.Kind.likert.rawValue,
                        SurveyQuestion.Kind.allCases.map { ($0.rawValue, $0.label) }),
                    form.textArea(
                        "options", "Choices", input.options, hint: "For a choice question: one choice a line"),
                    form.textInput(
                        "section", "Section heading", input.section,
                        hint: "Starts a new page of the form at this question"),
                    form.checkboxes(
                        "required", "Required", input.required == nil ? [] : ["yes"],
                        [("yes", "An answer is required")],
                        single: true),
                    .button(.type(.submit), .class("button"), .text("Add the question")),
                    .p(.a(.href(SurveyPath.survey(model.survey.key).href), .text("Cancel"))))))
    }

    static func links(_ model: SurveyPageModel) -> Layout {
        let form = Form(errors: model.errors)
        let s = model.survey
        return Layout(
            context: model.context, title: form.title("Send personal links"),
            breadcrumbs: crumbs + [(s.title, SurveyPath.survey(s.key).href)],
            content: .group(
                form.errorSummary(),
                .heading("Send personal links", caption: s.title),
                .p(
                    .text(
                        "Each person or organisation chosen gets a link of their own that needs no account. They can answer once, and come back to change their answers until the survey closes."
                    )),
                .postForm(
                    action: SurveyPath.links(s.key).href, context: model.context,
                    form.checkboxes("persons", "People", [], model.persons.map { ($0.key, $0.name) }),
                    form.checkboxes(
                        "organisations", "Organisations", [], model.organisations.map { ($0.key, $0.name) }),
                    .button(.type(.submit), .class("button"), .text("Make the links")),
                    .p(.a(.href(SurveyPath.survey(s.key).href), .text("Cancel"))))))
    }

    static func importPage(_ model: ImportAnswersModel) -> Layout {
        let errors = model.report?.errors ?? []
        let form = Form(
            errors: errors.map { e in
                // Errors in the file's cells are listed below; the summary links them to the file field.
                ["file", "survey"].contains(e.field) ? e : FieldError("file", "\(e.field): \(e.message)")
            })
        return Layout(
            context: model.context, title: form.title("Import answers"), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading("Import answers from a file"),
                .unwrap(model.report.flatMap { $0.errors.isEmpty ? $0 : nil }) { report in
                    .div(
                        .class("panel panel--confirmation"),
                        .h2(
                            .class("heading-m"),
                            .text(report.added == 0 ? "Nothing new in the file" : "Answers imported")),
                        .p(
                            .text(
                                "\(report.created ? "Made the survey from the file's header. " : "")\(report.added) responses added, \(report.unchanged) already there. "
                            ),
                            .a(.href(SurveyPath.results(report.survey).href), .text("See the results"))))
                },
                .p(
                    .text(
                        "An export from Microsoft Forms or SmartSurvey, or a sheet of paper answers typed up: one row a respondent, one column a question. A column whose answers are strongly agree … strongly disagree is a statement; \"Don't know\", \"N/A\" and blank are no answer. Names and email addresses in the file are not kept. Nothing is imported unless the whole file is right."
                    )),
                .postForm(
                    action: SurveyPath.importAnswers.href, context: model.context,
                    .attribute(named: "enctype", value: "multipart/form-data"),
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.fileInput("file", "File", hint: "CSV or Excel (.xlsx)", accept: ".csv,.xlsx"),
                    form.textInput(
                        "survey", "Survey key", model.survey,
                        hint:
                            "An existing survey's key to add to, or a new one, such as partners-2026; the file's name if left blank"
                    ),
                    form.textInput(
                        "title", "Title of a new survey", model.title, hint: "The file's name if left blank"),
                    .button(.type(.submit), .class("button"), .text("Import"))),
                .if(
                    errors.count > 0,
                    Components.table(
                        caption: "What is wrong with the file", headers: [.text("Where"), .text("Problem")],
                        rows: errors.map { [.text($0.field), .text($0.message)] }))))
    }
}
