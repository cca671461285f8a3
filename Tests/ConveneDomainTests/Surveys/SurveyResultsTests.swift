import ConveneDomain
import Foundation
import Testing

/// A survey's results: by sector (an anonymous survey's small sectors put together or left out), year on year
/// (statements matched by their text), and answers read as a form or a file gives them.
@Suite struct SurveyResultsTests {
    static let statement = SurveyQuestion(
        key: "q1", text: "Too many partnerships are talking shops", kind: .likert, required: true)

    static func responses(_ points: [(LikertPoint, Sector?)]) -> [SurveyResponse] {
        points.map { SurveyResponse(answers: ["q1": .likert($0.0)], sector: $0.1) }
    }

    @Test func anAnonymousSurveysSmallSectorsGoTogetherOrAreLeftOut() {
        let survey = Survey(key: "s", title: "S", anonymous: true, questions: [Self.statement])
        let police = Array(repeating: (LikertPoint.agree, Sector?.some(.police)), count: 5)
        let health = Array(repeating: (LikertPoint.disagree, Sector?.some(.health)), count: 3)
        let council = Array(repeating: (LikertPoint.agree, Sector?.some(.localGovernment)), count: 2)

        let fewOthers = SurveyResults(survey: survey, responses: Self.responses(police + health))
        let enoughOthers = SurveyResults(survey: survey, responses: Self.responses(police + health + council))
        let open = SurveyResults(
            survey: Survey(key: "s", title: "S", questions: [Self.statement]),
            responses: Self.responses(police + health))

        #expect(fewOthers.bySector.map(\.label) == ["Police"] && fewOthers.unshownBySector == 3)
        #expect(enoughOthers.bySector.map(\.label) == ["Police", "Other sectors and not known"])
        #expect(enoughOthers.bySector[1].likert["q1"]?.agreeShare == 0.4)
        #expect(enoughOthers.unshownBySector == 0)
        #expect(open.bySector.map(\.respondents) == [5, 3])
    }

    @Test func theSameStatementAskedAgainIsComparedYearOnYear() {
        let before = Survey(
            key: "y1", title: "2025",
            questions: [SurveyQuestion(key: "q7", text: "too many partnerships are talking shops.", kind: .likert)])
        let now = Survey(key: "y2", title: "2026", previousKey: "y1", questions: [Self.statement])
        let then = (0..<10).map { i in SurveyResponse(answers: ["q7": .likert(i < 7 ? .agree : .disagree)]) }
        let answers = Self.responses(
            Array(repeating: (.agree, nil), count: 4) + Array(repeating: (.disagree, nil), count: 6))

        let results = SurveyResults(survey: now, responses: answers, previous: (before, then))

        #expect(results.previous?.respondents == 10)
        #expect(results.changes.count == 1)
        let change = try? #require(results.changes.first)
        #expect(change?.before.agreeShare == 0.7 && change?.now.agreeShare == 0.4)
        #expect(abs((change?.agreeChange ?? 0) - -30) < 1e-9)
    }

    @Test func answersAreReadAsAFormOrAFileGivesThem() {
        let choice = SurveyQuestion(key: "q2", text: "Sector", kind: .multipleChoice, options: ["Police", "Health"])
        #expect(Self.statement.read(["strongly_agree"]) == .success(.likert(.stronglyAgree)))
        #expect(Self.statement.read(["Don't know"]) == .success(.dontKnow))
        #expect(Self.statement.read([]) == .success(.none))
        #expect(choice.read(["health", "POLICE"]) == .success(.choices(["Police", "Health"])))
        if case .failure(let error) = choice.read(["Fire"]) {
            #expect(error.field == "q2" && error.message.contains("not one of the choices"))
        } else {
            Issue.record("a choice that is not offered was read")
        }
        #expect(SurveyResponse(answers: [:]).missing([Self.statement]).map(\.field) == ["q1"])
    }

    @Test func anOpenSurveyPastItsClosingDayIsClosed() {
        let survey = Survey(
            key: "s", title: "S", status: .open, closesOn: Day("2026-03-31"), questions: [Self.statement])
        #expect(survey.status(on: Day("2026-03-31")!) == .open && survey.takesAnswers(on: Day("2026-03-31")!))
        #expect(survey.status(on: Day("2026-04-01")!) == .closed && !survey.takesAnswers(on: Day("2026-04-01")!))
        #expect(Survey(key: "d", title: "D", questions: []).status(on: Day("2030-01-01")!) == .draft)
    }
}
