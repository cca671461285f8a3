import ConveneDomain
import Foundation
import SnapshotTesting
import Testing

@testable import ConveneServer

/// The respondent's form and a survey's results rendered from models built by hand: no app, no database.
@Suite struct SurveyPageSnapshotTests {
    static let nobody = PageContext(principal: nil, csrfToken: nil, path: "/respond/secret/1")

    static let survey = Survey(
        key: "partners-2026", title: "Partners' survey 2026", introduction: "How well do our partnerships work?",
        status: .open,
        questions: [
            SurveyQuestion(
                key: "q1", text: "Multi-agency partnerships have a critical role to play", kind: .likert,
                required: true, section: "Partnerships"),
            SurveyQuestion(key: "q2", text: "Too many partnerships are talking shops", kind: .likert, required: true),
            SurveyQuestion(key: "q3", text: "Which sector?", kind: .singleChoice, options: ["Police", "Health"]),
            SurveyQuestion(key: "q4", text: "Anything else?", kind: .freeText)
        ])

    static func html(_ layout: Layout) -> String {
        layout.render().replacingOccurrences(of: "><", with: ">\n<")
    }

    @Test func aPageOfTheFormWithARequiredStatementUnanswered() {
        let model = RespondPages.PageModel(
            context: Self.nobody, secret: "secret", survey: Self.survey, page: 1, pages: Self.survey.pages(),
            values: ["q1": ["agree"]], submitted: false, open: true, errors: [FieldError("q2", "Choose an answer")])

        let html = Self.html(RespondView.render(model))

        #expect(html.contains("There is a problem") && html.contains(##"<a href="#q2">Choose an answer</a>"##))
        #expect(html.contains(#"value="agree" checked"#))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func resultsWithTheStatementsChartChoicesTextAndSectors() {
        let answers: [(LikertPoint, LikertPoint, String, Sector)] = [
            (.stronglyAgree, .agree, "Police", .police), (.agree, .agree, "Health", .health),
            (.agree, .disagree, "Police", .police), (.neither, .stronglyAgree, "Health", .health),
            (.stronglyAgree, .agree, "Police", .police)
        ]
        let responses = answers.map { a in
            SurveyResponse(
                answers: ["q1": .likert(a.0), "q2": .likert(a.1), "q3": .choices([a.2]), "q4": .text("More data")],
                sector: a.3)
        }
        let results = SurveyResults(survey: Self.survey, responses: responses)
        let model = ResultsPageModel(context: MilestonesPageSnapshotTests.context, results: results)

        let html = Self.html(ResultsView.render(model))

        #expect(html.contains("80.0% (40.0% strongly)"))
        assertSnapshot(of: html, as: .lines)
    }
}
