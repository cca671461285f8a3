import ConveneDomain
import Foundation
import Plot

/// A survey's results as the reports give them.
struct ResultsPageModel {
    var context: PageContext
    var results: SurveyResults

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> ResultsPageModel {
        ResultsPageModel(context: context, results: try await SurveyStore.results(of: key, in: scope))
    }
}

/// The statements' diverging bars with their table, each choice question's counts, the free text, the statements by
/// sector and the year-on-year comparison. Every share is computed from the counts beside it.
enum ResultsView {
    static func render(_ model: ResultsPageModel) -> Layout {
        let r = model.results
        let s = r.survey
        return Layout(
            context: model.context, title: "Results: \(s.title)",
            breadcrumbs: SurveyPagesView.crumbs + [(s.title, SurveyPath.survey(s.key).href)],
            content: .group(
                .heading("Results", caption: s.title),
                .p(
                    .text(
                        "\(r.respondents) \(r.respondents == 1 ? "respondent has" : "respondents have") sent answers. "),
                    .text(
                        "Shares are of those who gave a point, computed from the counts to one decimal place; “don't know” and no answer are left out of them."
                    )),
                r.shown ? body(r) : hidden(r)))
    }

    static func hidden(_ r: SurveyResults) -> Node<HTML.BodyContext> {
        .div(
            .class("inset-text"),
            .p(
                .text(
                    "This survey is anonymous. Its results are shown only when at least \(Survey.anonymousThreshold) people have answered, so that nobody's answers can be picked out."
                )))
    }

    static func body(_ r: SurveyResults) -> Node<HTML.BodyContext> {
        .group(statements(r), choices(r), texts(r), sectors(r), changes(r))
    }

    /// The statements as the reports show them: one diverging bar each, and the table of their counts.
    static func statements(_ r: SurveyResults, headingLevel: Int = 2) -> Node<HTML.BodyContext> {
        let likert = r.questions.filter { $0.likert != nil }
        guard !likert.isEmpty else { return .empty }
        let headers =
            ["Statement"] + LikertPoint.allCases.map(\.label) + [
                "Don't know or no answer", "Respondents", "Agree", "Disagree"
            ]
        return .group(
            heading("Statements", level: headingLevel),
            Charts.diverging(
                id: "statements", title: "How far respondents agree with each statement",
                description:
                    "For each statement, the share of those who answered who disagree (left of the line), neither agree nor disagree (across it) and agree (right), strongly darker; the table below gives every count.",
                likert.map { (label: $0.question.text, counts: $0.likert!) }),
            .table(
                .class("table table--small"),
                .caption(
                    .class("table__caption"),
                    .text("Answers to each statement: counts, and shares of those who answered")),
                .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                .tbody(
                    .forEach(likert) { q in
                        let l = q.likert!
                        return .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(q.question.text)),
                            .forEach(LikertPoint.allCases) { .td(.class("numeric"), .text("\(l[$0])")) },
                            .td(.class("numeric"), .text("\(l.noAnswer)")),
                            .td(.class("numeric"), .text("\(l.respondents)")),
                            .td(.class("numeric"), .text(share(l.agreeShare, strongly: l.stronglyAgreeShare))),
                            .td(.class("numeric"), .text(share(l.disagreeShare, strongly: l.stronglyDisagreeShare))))
                    })))
    }

    static func share(_ share: Double?, strongly: Double?) -> String {
        guard let share else { return "–" }
        return share.percentText + (strongly.map { " (\($0.percentText) strongly)" } ?? "")
    }

    static func heading(_ text: String, level: Int) -> Node<HTML.BodyContext> {
        level == 2 ? .h2(.class("heading-l"), .text(text)) : .h3(.class("heading-m"), .text(text))
    }

    static func choices(_ r: SurveyResults) -> Node<HTML.BodyContext> {
        .forEach(r.questions.filter { !$0.choices.isEmpty }) { q in
            let answered = r.respondents
            return Components.table(
                caption: q.question.text,
                headers: [.text("Choice"), .text("Respondents"), .text("Share of all respondents")],
                rows: q.choices.map { c in
                    [
                        .text(c.option), .text("\(c.count)"),
                        .text(answered == 0 ? "–" : (Double(c.count) / Double(answered)).percentText)
                    ]
                })
        }
    }

    static func texts(_ r: SurveyResults) -> Node<HTML.BodyContext> {
        .forEach(r.questions.filter { $0.question.kind == .freeText }) { q in
            .section(
                .h2(.class("heading-m"), .text(q.question.text)),
                q.texts.isEmpty
                    ? .p(.text("Nobody has answered this question."))
                    : .ul(.class("list list--bullet"), .forEach(q.texts) { .li(.text($0)) }))
        }
    }

    /// The agree share of each statement, by the sector of the respondent's organisation.
    static func sectors(_ r: SurveyResults) -> Node<HTML.BodyContext> {
        let likert = r.questions.filter { $0.likert != nil }
        guard !likert.isEmpty, !r.bySector.isEmpty else { return .empty }
        return .group(
            .h2(.class("heading-l"), .text("By sector")),
            .if(
                r.unshownBySector > 0,
                .p(
                    .text(
                        "\(r.unshownBySector) respondents are in sectors too small to show without picking them out."))),
            Components.table(
                caption: "Agree share of each statement by the sector of the respondent's organisation",
                headers: [.text("Statement")] + r.bySector.map { .text("\($0.label) (\($0.respondents))") },
                rows: likert.map { q in
                    [.text(q.question.text)]
                        + r.bySector.map { g in .text(g.likert[q.question.key]?.agreeShare?.percentText ?? "–") }
                }))
    }

    static func changes(_ r: SurveyResults) -> Node<HTML.BodyContext> {
        guard let previous = r.previous else { return .empty }
        return .group(
            .h2(.class("heading-l"), .text("Year on year")),
            .p(.text("Beside \(previous.survey.title), which \(previous.respondents) answered.")),
            r.changes.isEmpty
                ? .p(.text("No statement was asked in both, or one of them has too few respondents to show."))
                : Components.table(
                    caption: "Agree share of each statement asked in both",
                    headers: [.text("Statement"), .text("Then"), .text("Now"), .text("Change")],
                    rows: r.changes.map { c in
                        [
                            .text(c.text), .text(c.before.agreeShare?.percentText ?? "–"),
                            .text(c.now.agreeShare?.percentText ?? "–"),
                            .text(c.agreeChange.map { String(format: "%+.1f points", $0) } ?? "–")
                        ]
                    }))
    }
}
