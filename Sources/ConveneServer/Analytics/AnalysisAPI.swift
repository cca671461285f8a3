import ConveneDomain
import Foundation
import Vapor

/// `GET /api/v1/analyses/{analysis}`: the same JSON as `convene analyse … --format json`.
enum AnalysisAPI {
    static func register(read: RoutesBuilder) {
        read.get(APIPath.analysis(":analysis"), use: analyse)
    }

    @Sendable static func analyse(req: Request) async throws -> Response {
        let name = try req.parameters.require("analysis")
        guard let analysis = Analysis(rawValue: name) else { throw Problem.notFound("The analysis '\(name)'") }
        let asked = AnalysisPages.asked(req)
        var errors = asked.errors
        var capacityValue: Int?
        if let capacity = try? req.query.get(String.self, at: "capacity") {
            do { capacityValue = try Triage.capacity(capacity) } catch { errors.append(error) }
        }
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        let question = AnalysisQuestion(
            period: asked.period, personKey: try? req.query.get(String.self, at: "person"), capacity: capacityValue)
        do {
            let output = try await Analyses.run(analysis, question, in: req.scope)
            let response = Response(status: .ok, body: .init(data: output.json))
            response.headers.contentType = .json
            return response
        } catch let problem as Analyses.Problem {
            throw Problem.invalid([FieldError("person", problem.description)])
        }
    }
}
