import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Data sharing in the JSON API: agreements (with where each stands today), requests for data, the request
/// figures (the same JSON as `convene analyse requests --format json`), a person's declarations of interest, and a
/// meeting's (the items they touch, and those made at it).
enum SharingAPI {
    static func register(read: RoutesBuilder, write: RoutesBuilder, business: RoutesBuilder) {
        read.get(APIPath.agreements, use: agreements)
        write.post(APIPath.agreements, use: createAgreement)
        read.get(APIPath.agreement(":key"), use: agreement)
        write.put(APIPath.agreement(":key"), use: updateAgreement)
        read.get(APIPath.dataRequests, use: requests)
        write.post(APIPath.dataRequests, use: createRequest)
        read.get(APIPath.dataRequest(":key"), use: request)
        write.put(APIPath.dataRequest(":key"), use: updateRequest)
        read.get(APIPath.requestsAnalysis, use: analysis)
        read.get(APIPath.interests(":key"), use: interests)
        write.post(APIPath.interests(":key"), use: declare)
        read.get(APIPath.meetingDeclarations(":key", meeting: ":meeting"), use: meetingInterests)
        business.post(APIPath.meetingDeclarations(":key", meeting: ":meeting"), use: declareAtMeeting)
    }

    /// An agreement with what is worked out on the day: its state and whether it is past its review.
    struct AgreementWire: Encodable {
        var agreement: DataSharingAgreement
        var state: DataSharingAgreement.State
        var pastReview: Bool

        enum CodingKeys: String, CodingKey {
            case state
            case pastReview = "past_review"
        }

        init(_ a: DataSharingAgreement, on day: Day) {
            agreement = a
            state = a.state(on: day)
            pastReview = a.isPastReview(on: day)
        }

        func encode(to encoder: Encoder) throws {
            try agreement.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(state, forKey: .state)
            try c.encode(pastReview, forKey: .pastReview)
        }
    }

    /// A request with whether it is overdue today.
    struct RequestWire: Encodable {
        var request: DataRequest
        var overdue: Bool

        enum CodingKeys: String, CodingKey { case overdue }

        func encode(to encoder: Encoder) throws {
            try request.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(overdue, forKey: .overdue)
        }
    }

    @Sendable static func agreements(req: Request) async throws -> Response {
        let today = req.scope.now.today
        return try APIResponse.domainJSON(
            try await SharingStore.agreements(in: req.scope).map { AgreementWire($0, on: today) })
    }

    @Sendable static func agreement(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard let agreement = try await SharingStore.agreement(key, in: req.scope).domain else {
            throw Problem.notFound("The data-sharing agreement '\(key)'")
        }
        return try APIResponse.domainJSON(AgreementWire(agreement, on: req.scope.now.today))
    }

    /// The body of a record: its own JSON, with no key (the server chooses it, or the path names it), and the fields
    /// the path gives in `path`.
    static func body<T: Decodable>(_ type: T.Type, _ req: Request, path: [String: String] = [:]) throws -> T {
        guard let buffer = req.body.data,
            var object = (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any]
        else { throw Problem.badRequest("The request needs a JSON object body") }
        object["key"] = "unset"
        for (field, value) in path { object[field] = value }
        return try JSONDecoder().decode(T.self, from: try JSONSerialization.data(withJSONObject: object))
    }

    @Sendable static func createAgreement(req: Request) async throws -> Response {
        let agreement = try body(DataSharingAgreement.self, req)
        switch try await SharingBusiness.createAgreement(agreement, in: req.scope) {
        case .success(let key):
            let made = try await SharingStore.agreement(key, in: req.scope).domain!
            let response = try APIResponse.domainJSON(AgreementWire(made, on: req.scope.now.today), status: .created)
            response.headers.replaceOrAdd(name: .location, value: APIPath.agreement(key).href)
            return response
        case .failure(let refusal): throw Problem.invalid(refusal.errors)
        }
    }

    @Sendable static func updateAgreement(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        _ = try await SharingStore.agreement(key, in: req.scope)
        let errors = try await SharingBusiness.updateAgreement(
            key, with: try body(DataSharingAgreement.self, req), in: req.scope)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        return try await agreement(req: req)
    }

    @Sendable static func requests(req: Request) async throws -> Response {
        let today = req.scope.now.today
        return try APIResponse.domainJSON(
            try await SharingStore.requests(in: req.scope).map {
                RequestWire(request: $0, overdue: $0.isOverdue(on: today))
            })
    }

    @Sendable static func request(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard let request = try await SharingStore.request(key, in: req.scope).domain else {
            throw Problem.notFound("The data request '\(key)'")
        }
        return try APIResponse.domainJSON(
            RequestWire(request: request, overdue: request.isOverdue(on: req.scope.now.today)))
    }

    @Sendable static func createRequest(req: Request) async throws -> Response {
        switch try await SharingBusiness.createRequest(try body(DataRequest.self, req), in: req.scope) {
        case .success(let key):
            let made = try await SharingStore.request(key, in: req.scope).domain!
            let response = try APIResponse.domainJSON(
                RequestWire(request: made, overdue: made.isOverdue(on: req.scope.now.today)), status: .created)
            response.headers.replaceOrAdd(name: .location, value: APIPath.dataRequest(key).href)
            return response
        case .failure(let refusal): throw Problem.invalid(refusal.errors)
        }
    }

    @Sendable static func updateRequest(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        _ = try await SharingStore.request(key, in: req.scope)
        let errors = try await SharingBusiness.updateRequest(key, with: try body(DataRequest.self, req), in: req.scope)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        return try await request(req: req)
    }

    @Sendable static func analysis(req: Request) async throws -> Response {
        let report = try await SharingStore.analysis(in: req.scope)
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            return AnalysisPages.csv(Data(RequestAnalysis.csv(report).utf8), filename: "requests.csv")
        }
        let response = Response(status: .ok, body: .init(data: try RequestAnalysis.json(report)))
        response.headers.contentType = .json
        return response
    }
}

/// Declarations of interest in the API.
extension SharingAPI {
    @Sendable static func interests(req: Request) async throws -> Response {
        let person = try await RegisterQueries.person(try req.parameters.require("key"), in: req.scope)
        let id = try person.requireID()
        return try APIResponse.domainJSON(try await SharingStore.declarations(of: [id], in: req.scope)[id] ?? [])
    }

    @Sendable static func declare(req: Request) async throws -> Response {
        let person = try await RegisterQueries.person(try req.parameters.require("key"), in: req.scope)
        let declaration = try body(InterestDeclaration.self, req, path: ["person_key": person.key])
        switch try await SharingBusiness.declare(declaration, in: req.scope) {
        case .success(let key):
            let id = try person.requireID()
            let made = try await SharingStore.declarations(of: [id], in: req.scope)[id]?.first { $0.key == key }
            let response = try APIResponse.domainJSON(made, status: .created)
            response.headers.replaceOrAdd(name: .location, value: APIPath.interests(person.key).href)
            return response
        case .failure(let refusal): throw Problem.invalid(refusal.errors)
        }
    }

    /// A meeting's items that touch a declared interest of someone at it, and the declarations made at it.
    struct MeetingInterestsWire: Encodable {
        struct Flag: Encodable {
            var itemKey: String
            var personKey: String
            var matter: String
            var reason: String
            enum CodingKeys: String, CodingKey {
                case itemKey = "item_key"
                case personKey = "person_key"
                case matter, reason
            }
        }

        var flags: [Flag]
        var declarations: [MeetingDeclaration]

        init(_ interests: MeetingInterests, items: [String]) {
            flags = items.flatMap { item in
                (interests.flags[item] ?? []).map {
                    Flag(itemKey: item, personKey: $0.personKey, matter: $0.matter, reason: $0.reason)
                }
            }
            declarations = interests.made.map(\.declaration)
        }
    }

    @Sendable static func meetingInterests(req: Request) async throws -> Response {
        let c = try await MeetingPages.context(req)
        let detail = try await MeetingDetail.load(partnership: c.partnership, meeting: c.meeting, in: req.scope)
        let interests = try await MeetingInterests.load(detail, meeting: c.meeting, in: req.scope)
        return try APIResponse.domainJSON(MeetingInterestsWire(interests, items: detail.items.map(\.item.key)))
    }

    @Sendable static func declareAtMeeting(req: Request) async throws -> Response {
        let c = try await MeetingPages.context(req)
        let declaration = try body(MeetingDeclaration.self, req, path: ["meeting_key": c.meeting.key])
        switch try await SharingBusiness.recordAtMeeting(declaration, meeting: c.meeting, in: req.scope) {
        case .success(let key):
            let made = try await MeetingDeclarationRecord.query(in: req.scope).filter(\.$key == key).first()?.domain
            let response = try APIResponse.domainJSON(made, status: .created)
            response.headers.replaceOrAdd(
                name: .location, value: APIPath.meetingDeclarations(c.partnership.key, meeting: c.meeting.key).href)
            return response
        case .failure(let refusal): throw Problem.invalid(refusal.errors)
        }
    }
}
