import ConveneDomain
import Fluent
import Foundation

/// A survey: its questions kept as JSON in the survey's own shape, since they are always read and written whole.
final class SurveyRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "surveys"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    @OptionalField(key: "introduction") var introduction: String?
    @Field(key: "anonymous") var anonymous: Bool
    @Field(key: "status") var status: String
    @OptionalField(key: "closes_on") var closesOn: String?
    @OptionalField(key: "previous_key") var previousKey: String?
    @Field(key: "questions") var questions: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String

    static var workspacePath: KeyPath<SurveyRecord, ParentProperty<SurveyRecord, WorkspaceRecord>> { \.$workspace }

    init() {}

    var domain: Survey {
        Survey(
            key: key, title: title, introduction: introduction, anonymous: anonymous,
            status: SurveyStatus(rawValue: status) ?? .draft, closesOn: Day(stored: closesOn), previousKey: previousKey,
            questions: (try? JSONDecoder().decode([SurveyQuestion].self, from: Data(questions.utf8))) ?? [])
    }

    /// Writes the survey's values into the record (its key is the record's own).
    func set(_ survey: Survey) {
        title = survey.title
        introduction = survey.introduction
        anonymous = survey.anonymous
        status = survey.status.rawValue
        closesOn = survey.closesOn?.description
        previousKey = survey.previousKey
        questions = StoredJSON.write(survey.questions)
    }
}

/// A personal link to a survey: whom it was sent to and the fingerprint of its secret, which is shown once and never
/// kept. Nothing here records whether or how its holder answered an anonymous survey.
final class SurveyLinkRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "survey_links"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "survey_id") var survey: SurveyRecord
    @Field(key: "key") var key: String
    @OptionalParent(key: "person_id") var person: PersonRecord?
    @OptionalParent(key: "organisation_id") var organisation: OrganisationRecord?
    /// The person's or organisation's name when the link was made.
    @Field(key: "recipient") var recipient: String
    /// The sector of the recipient's organisation, for the results by sector.
    @OptionalField(key: "sector") var sector: String?
    @Field(key: "secret_hash") var secretHash: String
    @Field(key: "created_at") var createdAt: Date

    static var workspacePath: KeyPath<SurveyLinkRecord, ParentProperty<SurveyLinkRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}
}

/// One respondent's answers. Reached from a link by `locator`, a second fingerprint of the link's secret that only
/// the secret's holder can make; a survey that is not anonymous also names the link. Imported answers have neither,
/// and `source` instead: a fingerprint of the file's row, so the same row imported again is found.
final class SurveyResponseRecord: WorkspaceOwned, @unchecked Sendable {
    static let schema = "survey_responses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "workspace_id") var workspace: WorkspaceRecord
    @Parent(key: "survey_id") var survey: SurveyRecord
    @OptionalParent(key: "link_id") var link: SurveyLinkRecord?
    @OptionalField(key: "locator") var locator: String?
    @OptionalField(key: "source") var source: String?
    @OptionalField(key: "sector") var sector: String?
    /// The answers by question key, each as `SurveyAnswer.values`.
    @Field(key: "answers") var answers: String
    /// Sent by the respondent (or imported); until then answers are kept as they are given, page by page.
    @Field(key: "submitted") var submitted: Bool

    static var workspacePath: KeyPath<SurveyResponseRecord, ParentProperty<SurveyResponseRecord, WorkspaceRecord>> {
        \.$workspace
    }

    init() {}

    func response(for survey: Survey) -> SurveyResponse {
        let values = (try? JSONDecoder().decode([String: [String]].self, from: Data(answers.utf8))) ?? [:]
        var answers: [String: SurveyAnswer] = [:]
        for question in survey.questions {
            let answer = SurveyAnswer(values[question.key] ?? [], for: question)
            if !answer.isNone { answers[question.key] = answer }
        }
        return SurveyResponse(answers: answers, sector: sector.flatMap(Sector.init(rawValue:)))
    }

    static func json(_ answers: [String: SurveyAnswer]) -> String {
        StoredJSON.write(answers.filter { !$0.value.isNone }.mapValues(\.values))
    }
}
