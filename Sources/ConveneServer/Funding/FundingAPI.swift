import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Funding streams in the JSON API, and the funding analysis (the same JSON as `convene analyse funding`).
enum FundingAPI {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(APIPath.fundingStreams, use: list)
        write.post(APIPath.fundingStreams, use: create)
        read.get(APIPath.fundingStream(":key"), use: show)
        write.put(APIPath.fundingStream(":key"), use: update)
        read.get(APIPath.fundingAnalysis, use: analysis)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let partnership = try? req.query.get(String.self, at: "partnership")
        return try APIResponse.domainJSON(try await FundingStore.streams(serving: partnership, in: req.scope))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try APIResponse.domainJSON(try await FundingStore.find(try req.parameters.require("key"), in: req.scope).domain)
    }

    /// A stream as the API takes it: the stream's own JSON, its key chosen by the server.
    struct StreamBody: Decodable {
        var funder: Funder
        var recipientKey: String
        var partnershipKeys: [String]
        var purpose: String
        var amounts: [FundingAmount]
        var conditions: String?
        var reportingDates: [Day]?

        enum CodingKeys: String, CodingKey {
            case funder
            case recipientKey = "recipient_key"
            case partnershipKeys = "partnership_keys"
            case purpose, amounts, conditions
            case reportingDates = "reporting_dates"
        }

        func stream(key: String) -> FundingStream {
            FundingStream(
                key: key, funder: funder, recipientKey: recipientKey, partnershipKeys: partnershipKeys,
                purpose: purpose, amounts: amounts, conditions: conditions, reportingDates: reportingDates ?? [])
        }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let body = try APIResponse.domainBody(StreamBody.self, req)
        switch try await FundingBusiness.create(body.stream(key: ""), in: req.scope) {
        case .success(let key):
            let response = try APIResponse.domainJSON(
                try await FundingStore.find(key, in: req.scope).domain, status: .created)
            response.headers.replaceOrAdd(name: .location, value: APIPath.fundingStream(key).href)
            return response
        case .failure(let refusal): throw Problem.invalid(refusal.errors)
        }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        _ = try await FundingStore.find(key, in: req.scope)
        let body = try APIResponse.domainBody(StreamBody.self, req)
        let errors = try await FundingBusiness.update(key, with: body.stream(key: key), in: req.scope)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        return try APIResponse.domainJSON(try await FundingStore.find(key, in: req.scope).domain)
    }

    @Sendable static func analysis(req: Request) async throws -> Response {
        let report = try await FundingStore.analysis(
            only: try await FundingStore.focus(
                partnership: try? req.query.get(String.self, at: "partnership"),
                forceArea: try? req.query.get(String.self, at: "force_area"), in: req.scope),
            in: req.scope)
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            return AnalysisPages.csv(Data(FundingAnalysis.csv(report).utf8), filename: "funding.csv")
        }
        let response = Response(status: .ok, body: .init(data: try FundingAnalysis.json(report)))
        response.headers.contentType = .json
        return response
    }
}
