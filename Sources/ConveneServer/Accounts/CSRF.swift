import ConveneDomain
import Foundation
import Vapor

/// Every state-changing form carries the session's token in `csrf_token`; a post without it is refused.
/// The JSON API is exempt, and so is any request with a bearer token: a browser never sends one on its own (and such
/// a request makes no session).
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "csrf_token"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        // A survey's answer form is posted to an address holding the link's secret, which no other site can know.
        if request.url.path.hasPrefix("/api/") || request.principal?.viaToken == true
            || request.url.path.hasPrefix(SurveyPath.respondPrefix)
        {
            return try await next.respond(to: request)
        }
        let formPage =
            request.url.path == AccountPath.signIn.href || request.url.path.hasPrefix(AccountPath.setup("").href)
            || request.url.path.hasPrefix(SignOnPath.invitation("").href)
        // A request with no session and no form to protect (a load balancer's, a public page's) makes no session.
        let cookie = request.cookies[AuthMiddleware.sessionCookie] != nil
        guard cookie || formPage || request.principal != nil || (request.method != .GET && request.method != .HEAD)
        else { return try await next.respond(to: request) }
        let hasSession = request.session.id != nil || request.principal != nil
        var token = request.session.data["csrf"]
        if token == nil && (hasSession || formPage) {
            token = Self.newToken()
            request.session.data["csrf"] = token
        }
        if request.method != .GET && request.method != .HEAD {
            // The token is in the body, which a browser may send in several packets: collect it first. Signed-in
            // people may upload a register file; anyone else posts only the small sign-in, setup and invitation forms.
            if request.body.data == nil {
                let limit = request.principal == nil ? 64 * 1024 : ImportPage.maximumSize
                _ = try await request.body.collect(max: limit).get()
            }
            struct Posted: Content { var csrf_token: String? }
            let posted = try? request.content.decode(Posted.self).csrf_token
            guard let token, let posted, Self.equal(posted, token) else {
                throw Problem(
                    title: "Forbidden", status: 403,
                    detail:
                        "This form has expired or did not come from Convene. Go back, reload the page and try again.")
            }
        }
        return try await next.respond(to: request)
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.lowercaseHex
    }

    /// Compares in constant time, so the comparison does not leak how much of a guess was right.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
