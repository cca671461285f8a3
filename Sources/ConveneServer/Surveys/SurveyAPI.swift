import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Surveys in the JSON API: the list, a survey with its questions, its results (the same JSON as `convene survey
/// results --format json`), its responses for its owners (editors), and a new survey.
enum SurveyAPI {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(APIPath.surveys, use: list)
        write.post(APIPath.surveys, use: create)
        read.get(APIPath.survey(":key"), use: show)
        read.get(APIPath.surveyResults(":key"), use: results)
        write.get(APIPath.surveyResponses(":key"), use: responses)
    }

    /// A survey in a list.
    struct Listed: Codable, Sendable {
        var key: String
        var title: String
        var status: SurveyStatus
        var anonymous: Bool
        var closesOn: Day?
        var links: Int
        var respondents: Int
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let today = req.scope.now.today
        return try APIResponse.json(
            try await SurveyStore.list(in: req.scope).map {
                Listed(
                    key: $0.survey.key, title: $0.survey.title, status: $0.survey.status(on: today),
                    anonymous: $0.survey.anonymous, closesOn: $0.survey.closesOn, links: $0.links,
                    respondents: $0.responses)
            })
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try APIResponse.json(try await SurveyBusiness.find(try req.parameters.require("key"), in: req.scope).domain)
    }

    @Sendable static func results(req: Request) async throws -> Response {
        try APIResponse.json(
            try await SurveyStore.results(of: try req.parameters.require("key"), in: req.scope).contract)
    }

    /// One respondent's answers, each question's values as `SurveyAnswer.values` gives them; who it was only for a
    /// survey that is not anonymous, and only through a link.
    struct ResponseWire: Codable, Sendable {
        var recipient: String?
        var sector: Sector?
        var answers: [String: [String]]
    }

    @Sendable static func responses(req: Request) async throws -> Response {
        let record = try await SurveyBusiness.find(try req.parameters.require("key"), in: req.scope)
        let survey = record.domain
        let rows = try await SurveyResponseRecord.query(in: req.scope).filter(\.$survey.$id == record.requireID())
            .filter(\.$submitted == true).with(\.$link).sort(\.$id).all()
        return try APIResponse.json(
            rows.map { row in
                ResponseWire(
                    recipient: survey.anonymous ? nil : row.link?.recipient, sector: row.response(for: survey).sector,
                    answers: row.response(for: survey).answers.mapValues(\.values))
            })
    }

    struct NewSurvey: Codable, Sendable {
        var title: String
        var introduction: String?
        var anonymous: Bool?
        var closesOn: Day?
        var template: String?
        var previousKey: String?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let body = try MeetingAPI.body(NewSurvey.self, req)
        var chosen: SurveyTemplates.Template?
        if let name = body.template {
            guard let found = SurveyTemplates.named(name) else {
                throw Problem.invalid([FieldError("template", "There is no template '\(name)'")])
            }
            chosen = found
        }
        let survey = Survey(
            key: "", title: body.title, introduction: body.introduction ?? chosen?.introduction,
            anonymous: body.anonymous ?? false, closesOn: body.closesOn, previousKey: body.previousKey,
            questions: chosen?.questions ?? [])
        switch try await SurveyBusiness.create(survey, in: req.scope) {
        case .success(let key):
            let response = try APIResponse.json(
                try await SurveyBusiness.find(key, in: req.scope).domain, status: .created)
            response.headers.replaceOrAdd(name: .location, value: APIPath.survey(key).href)
            return response
        case .failure(let refusal): throw Problem.invalid(refusal.errors)
        }
    }
}
