import ConveneDomain
import Fluent
import Foundation
import Vapor

/// Outcomes in the JSON API: the indicators (a local one added by an admin), every value of one with its revisions,
/// measurements and targets imported from a file (the body, CSV or .xlsx, all or nothing), the targets, a
/// partnership's framework, and the outcomes analysis (the same JSON as `convene analyse outcomes`).
enum OutcomeAPI {
    static func register(read: RoutesBuilder, write: RoutesBuilder, business: RoutesBuilder, admin: RoutesBuilder) {
        read.get(APIPath.indicators, use: indicators)
        admin.post(APIPath.indicators, use: addIndicator)
        read.get(APIPath.indicator(":id"), use: indicator)
        read.get(APIPath.indicatorMeasurements(":id"), use: measurements)
        let size = ByteCount(value: ImportPage.maximumSize)
        write.on(.POST, APIPath.measurements.route, body: .collect(maxSize: size)) { req in
            try await importFile(.measurements, req)
        }
        read.get(APIPath.targets, use: targets)
        write.on(.POST, APIPath.targets.route, body: .collect(maxSize: size)) { req in
            try await importFile(.targets, req)
        }
        read.get(APIPath.framework(":key"), use: framework)
        business.put(APIPath.framework(":key"), use: setFramework)
        read.get(APIPath.outcomesAnalysis, use: analysis)
    }

    @Sendable static func indicators(req: Request) async throws -> Response {
        try APIResponse.domainJSON(try await OutcomeStore.indicators(in: req.scope))
    }

    @Sendable static func indicator(req: Request) async throws -> Response {
        try APIResponse.domainJSON(try await OutcomeStore.indicator(try req.parameters.require("id"), in: req.scope))
    }

    @Sendable static func addIndicator(req: Request) async throws -> Response {
        let indicator = try APIResponse.domainBody(Indicator.self, req)
        let errors = try await OutcomeBusiness.addIndicator(indicator, in: req.scope)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        let response = try APIResponse.domainJSON(indicator, status: .created)
        response.headers.replaceOrAdd(name: .location, value: APIPath.indicator(indicator.id).href)
        return response
    }

    /// A value as one publication gave it, with its place in the figure's history.
    struct Revision: Encodable {
        var measurement: IndicatorMeasurement
        /// 1 for the first received.
        var revision: Int
        /// Whether it is the figure's value now (`MeasurementHistory.current`).
        var current: Bool

        enum CodingKeys: String, CodingKey { case revision, current }

        func encode(to encoder: Encoder) throws {
            try measurement.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(revision, forKey: .revision)
            try container.encode(current, forKey: .current)
        }
    }

    @Sendable static func measurements(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        _ = try await OutcomeStore.indicator(id, in: req.scope)
        let histories = MeasurementHistory.histories(try await OutcomeStore.measurements(of: [id], scope: req.scope))
        return try APIResponse.domainJSON(
            histories.values.sorted { $0.key < $1.key }.flatMap { history in
                let current = history.current
                return history.revisions.enumerated().map { index, m in
                    Revision(measurement: m, revision: index + 1, current: m == current)
                }
            })
    }

    @Sendable static func targets(req: Request) async throws -> Response {
        let indicator = try? req.query.get(String.self, at: "indicator")
        return try APIResponse.domainJSON(try await OutcomeStore.targets(of: indicator.map { [$0] }, scope: req.scope))
    }

    /// The body is the file; `file_name` says whether it is .csv or .xlsx (a CSV when not given), `dry_run=true`
    /// checks it without importing.
    static func importFile(_ kind: OutcomeImport.Kind, _ req: Request) async throws -> Response {
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let name =
            (try? req.query.get(String.self, at: "file_name"))
            ?? (req.headers.contentType?.subType.contains("spreadsheetml") == true ? "upload.xlsx" : "upload.csv")
        let dryRun = (try? req.query.get(Bool.self, at: "dry_run")) ?? false
        let report = try await OutcomeImport.run(kind, data, fileName: name, dryRun: dryRun, in: req.scope)
        guard report.errors.isEmpty else {
            throw Problem(
                type: "urn:convene:problem:validation", title: "The file has problems; nothing was imported",
                status: 422,
                detail: report.errors.prefix(20).map { "\($0.field): \($0.message)" }.joined(separator: "; "),
                errors: report.errors)
        }
        return try APIResponse.domainJSON(report)
    }

    @Sendable static func framework(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let partnership = try await RegisterQueries.partnership(key, in: req.scope)
        guard let framework = try await OutcomeStore.framework(of: partnership, in: req.scope) else {
            throw Problem.notFound("A performance framework of '\(key)'")
        }
        return try APIResponse.domainJSON(framework)
    }

    /// The framework in the body, without its partnership (the path names it).
    struct FrameworkBody: Decodable {
        var areaCode: String
        var comparisonAreaCode: String?
        var indicators: [PerformanceFramework.Entry]

        enum CodingKeys: String, CodingKey {
            case areaCode = "area_code"
            case comparisonAreaCode = "comparison_area_code"
            case indicators
        }
    }

    @Sendable static func setFramework(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let given = try APIResponse.domainBody(FrameworkBody.self, req)
        let framework = PerformanceFramework(
            partnershipKey: key, areaCode: given.areaCode, comparisonAreaCode: given.comparisonAreaCode,
            entries: given.indicators)
        let errors = try await OutcomeBusiness.setFramework(framework, in: req.scope)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        return try APIResponse.domainJSON(framework)
    }

    @Sendable static func analysis(req: Request) async throws -> Response {
        let report = try await OutcomeStore.analysis(
            partnership: try? req.query.get(String.self, at: "partnership"),
            area: try? req.query.get(String.self, at: "area"), in: req.scope)
        if (try? req.query.get(String.self, at: "format")) == "csv" {
            return AnalysisPages.csv(Data(OutcomesAnalysis.csv(report).utf8), filename: "outcomes.csv")
        }
        let response = Response(status: .ok, body: .init(data: try OutcomesAnalysis.json(report)))
        response.headers.contentType = .json
        return response
    }
}
