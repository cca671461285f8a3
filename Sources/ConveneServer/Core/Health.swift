import Fluent
import SQLKit
import Vapor

/// What a load balancer asks: is the process up (`/healthz`, touching nothing), and can it serve (`/readyz`: the
/// database answers and has every migration this build has). Both are open, name nothing private and are not cached.
enum Health {
    enum Path: SitePath {
        case live, ready
        var segments: [String] { [self == .live ? "healthz" : "readyz"] }
    }

    struct Status: Content {
        var status: String
        var detail: String?
    }

    static func register(on app: Application) {
        app.get(Path.live) { _ in try answer(.ok, Status(status: "up")) }
        app.get(Path.ready) { req in
            do {
                let pending = try await Migrations.pending(on: req.db)
                guard pending.isEmpty else {
                    return try answer(
                        .serviceUnavailable,
                        Status(status: "migrating", detail: "\(pending.count) migrations have not run yet"))
                }
                return try answer(.ok, Status(status: "ready"))
            } catch {
                req.logger.warning("Not ready: \(String(reflecting: error))")
                return try answer(
                    .serviceUnavailable, Status(status: "unavailable", detail: "The database cannot be reached"))
            }
        }
    }

    private static func answer(_ status: HTTPStatus, _ body: Status) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(body, as: .json)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
