import ConveneDomain
import Foundation
import Vapor

/// An RFC 9457 problem: the one shape of every error the JSON API returns.
struct Problem: Error, Content {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String?
    /// Field-level errors, named as the API spells its fields.
    var errors: [FieldError]?

    static func notFound(_ what: String) -> Problem {
        Problem(title: "Not found", status: 404, detail: "\(what) was not found")
    }

    static func invalid(_ errors: [FieldError]) -> Problem {
        Problem(
            type: "urn:convene:problem:validation", title: "The request has errors", status: 422,
            detail: errors.map(\.description).joined(separator: "; "), errors: errors)
    }

    static func conflict(_ detail: String) -> Problem {
        Problem(title: "Conflict", status: 409, detail: detail)
    }

    static func badRequest(_ detail: String) -> Problem {
        Problem(title: "Bad request", status: 400, detail: detail)
    }
}

/// Maps every error to a response once: problem+json for the API, an error page for people.
/// Nothing internal (stack, SQL) reaches the client; unexpected errors are logged with their detail.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = Self.problem(for: error, request: request)
            if request.url.path.hasPrefix("/api/") {
                let response = Response(status: HTTPResponseStatus(statusCode: problem.status))
                if problem.status == 503 { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
                response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
                response.body = .init(data: try JSONEncoder.api.encode(problem))
                return response
            }
            return ErrorPage.response(problem, context: request.pageContext)
        }
    }

    static func problem(for error: Error, request: Request) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let decoding as DecodingError:
            return Self.invalid(decoding)
        // Vapor makes DecodingError an AbortError too; it is matched above so that it names its field.
        case let abort as AbortError:
            return Problem(title: abort.status.reasonPhrase, status: Int(abort.status.code), detail: abort.reason)
        case _ where KeyInUse(error) != nil:
            return KeyInUse(error)!.problem
        case _ where DatabaseUnavailable.matches(error):
            request.logger.warning("The database is unavailable: \(String(reflecting: error))")
            return DatabaseUnavailable.problem
        default:
            request.logger.report(error: error)
            return Problem(
                title: "Something went wrong", status: 500,
                detail:
                    "The server could not complete the request. Nothing was changed. Try again, and if it happens again tell your administrator."
            )
        }
    }

    /// A body that does not decode is a field error when we can say which field, else a bad request.
    private static func invalid(_ error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? snake($0.stringValue) }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            let field = at.isEmpty ? snake(key.stringValue) : at + "." + snake(key.stringValue)
            return .invalid([FieldError(field, "This field is required")])
        case .typeMismatch(let type, let context):
            return .invalid([
                FieldError(path(context), "Expected \(type == String.self ? "text" : "a value of type \(type)")")
            ])
        case .valueNotFound(_, let context):
            return .invalid([FieldError(path(context), "This field cannot be null")])
        case .dataCorrupted(let context):
            if path(context).isEmpty { return .badRequest("The body is not valid JSON") }
            return .invalid([FieldError(path(context), context.debugDescription)])
        @unknown default:
            return .badRequest("The body could not be read")
        }
    }

    private static func snake(_ name: String) -> String {
        name.reduce(into: "") { out, c in
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
    }
}

extension JSONEncoder {
    static let api: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}

extension JSONDecoder {
    static let api: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
