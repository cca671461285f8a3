import ConveneDomain
import Fluent
import Vapor

/// The surveys of a workspace, newest first.
struct SurveyListModel {
    var context: PageContext
    var surveys: [SurveyStore.Listed]
    var today: Day

    static func load(context: PageContext, in scope: Scope) async throws -> SurveyListModel {
        SurveyListModel(context: context, surveys: try await SurveyStore.list(in: scope), today: scope.now.today)
    }
}

/// A survey as its owner sees it: its questions, its links (and, when it is not anonymous, who has answered), the
/// links just made (shown this once), and its forms' errors.
struct SurveyPageModel {
    var context: PageContext
    var survey: Survey
    var links: [SurveyStore.Link]
    var responses: Int
    var today: Day
    var made: [SurveyBusiness.Made] = []
    /// The base of a personal link's address: the site's own, as the request reached it.
    var site: String = ""
    var errors: [FieldError] = []
    /// The people and organisations links may be made for: key and name.
    var persons: [(key: String, name: String)] = []
    var organisations: [(key: String, name: String)] = []

    static func load(
        key: String, context: PageContext, withRecipients: Bool = false, in scope: Scope
    ) async throws -> SurveyPageModel {
        let record = try await SurveyBusiness.find(key, in: scope)
        async let links = SurveyStore.links(of: record, in: scope)
        async let responses = SurveyResponseRecord.query(in: scope).filter(\.$survey.$id == record.requireID())
            .filter(\.$submitted == true).count()
        var model = SurveyPageModel(
            context: context, survey: record.domain, links: try await links, responses: try await responses,
            today: scope.now.today)
        if withRecipients {
            struct Named: Decodable { var key, name: String }
            async let persons = PersonRecord.query(in: scope).sort(\.$name).plainRows(Named.self, ["key", "name"])
            async let organisations = OrganisationRecord.query(in: scope).sort(\.$name)
                .plainRows(Named.self, ["key", "name"])
            model.persons = try await persons.map { ($0.key, $0.name) }
            model.organisations = try await organisations.map { ($0.key, $0.name) }
        }
        return model
    }
}

/// A new survey: its title, whether it is anonymous, its closing day, the template it starts from and the survey it
/// runs again.
struct NewSurveyModel {
    struct Input: Content {
        var title: String?
        var introduction: String?
        var anonymous: String?
        var closesOn: String?
        var template: String?
        var previousKey: String?

        enum CodingKeys: String, CodingKey {
            case title, introduction, anonymous, template
            case closesOn = "closes_on"
            case previousKey = "previous_key"
        }

        init() {}
    }

    var context: PageContext
    var input: Input
    var errors: [FieldError]
    /// Surveys this one may run again: key and title.
    var surveys: [(key: String, title: String)]

    static func load(context: PageContext, input: Input = Input(), errors: [FieldError] = [], in scope: Scope)
        async throws -> NewSurveyModel
    {
        NewSurveyModel(
            context: context, input: input, errors: errors,
            surveys: try await SurveyRecord.query(in: scope).sort(\.$title).all().map { ($0.key, $0.title) })
    }
}

/// A question to add to a draft survey.
struct NewQuestionModel {
    struct Input: Content {
        var text: String?
        var kind: String?
        var options: String?
        var required: String?
        var section: String?

        init() {}
    }

    var context: PageContext
    var survey: Survey
    var input: Input
    var errors: [FieldError]
}

/// Answers gathered elsewhere: the file, the survey's key and title, and what importing it did.
struct ImportAnswersModel {
    var context: PageContext
    var survey: String?
    var title: String?
    var report: SurveyImport.Report?
}
