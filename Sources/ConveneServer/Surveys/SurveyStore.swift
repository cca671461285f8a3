import ConveneDomain
import Fluent
import Foundation

/// Reads of surveys: the list, one survey with its links, and its results.
enum SurveyStore {
    struct Listed: Sendable {
        var survey: Survey
        var links: Int
        var responses: Int
    }

    static func list(in scope: Scope) async throws -> [Listed] {
        async let surveys = SurveyRecord.query(in: scope).sort(\.$createdAt, .descending).all()
        async let links = SurveyLinkRecord.query(in: scope).all(\.$survey.$id)
        async let responses = SurveyResponseRecord.query(in: scope).filter(\.$submitted == true).all(\.$survey.$id)
        let linkCounts = Dictionary(try await links.map { ($0, 1) }, uniquingKeysWith: +)
        let responseCounts = Dictionary(try await responses.map { ($0, 1) }, uniquingKeysWith: +)
        return try await surveys.map { record in
            Listed(
                survey: record.domain, links: linkCounts[record.id!] ?? 0, responses: responseCounts[record.id!] ?? 0)
        }
    }

    /// A link as its survey's owner sees it: to whom, and, when the survey is not anonymous, whether they answered.
    struct Link: Sendable {
        var key: String
        var recipient: String
        var sector: Sector?
        var made: Date
        /// Nil for an anonymous survey: nobody can tell.
        var answered: Bool?
    }

    static func links(of record: SurveyRecord, in scope: Scope) async throws -> [Link] {
        let id = try record.requireID()
        async let links = SurveyLinkRecord.query(in: scope).filter(\.$survey.$id == id).sort(\.$recipient).all()
        async let answered = SurveyResponseRecord.query(in: scope).filter(\.$survey.$id == id)
            .filter(\.$submitted == true).filter(\.$link.$id != nil).all(\.$link.$id)
        let done = Set(try await answered.compactMap { $0 })
        return try await links.map { link in
            Link(
                key: link.key, recipient: link.recipient, sector: link.sector.flatMap(Sector.init(rawValue:)),
                made: link.createdAt, answered: record.anonymous ? nil : done.contains(try link.requireID()))
        }
    }

    /// The submitted responses of a survey.
    static func responses(of record: SurveyRecord, in scope: Scope) async throws -> [SurveyResponse] {
        let survey = record.domain
        return try await SurveyResponseRecord.query(in: scope).filter(\.$survey.$id == record.requireID())
            .filter(\.$submitted == true).sort(\.$id).all().map { $0.response(for: survey) }
    }

    /// The survey's results, beside those of the survey it runs again.
    static func results(of key: String, in scope: Scope) async throws -> SurveyResults {
        let record = try await SurveyBusiness.find(key, in: scope)
        var previous: (Survey, [SurveyResponse])?
        if let earlier = record.previousKey,
            let before = try await SurveyRecord.query(in: scope).filter(\.$key == earlier).first()
        {
            previous = (before.domain, try await responses(of: before, in: scope))
        }
        return SurveyResults(
            survey: record.domain, responses: try await responses(of: record, in: scope), previous: previous)
    }
}
