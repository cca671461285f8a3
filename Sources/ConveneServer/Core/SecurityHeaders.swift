import Vapor

/// Headers every response carries: no inline script or style, no framing, no content sniffing. A handler may set a
/// policy of its own for its response (a paper downloaded, a report shown sandboxed); the rest get this one.
struct SecurityHeaders: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'"
    ].joined(separator: "; ")

    /// A report shown as its own document: its style is inside it; it runs nothing, loads nothing and posts nothing.
    static let documentPolicy = [
        "default-src 'none'", "style-src 'unsafe-inline'", "img-src data:", "form-action 'none'", "base-uri 'none'",
        "frame-ancestors 'none'"
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.add(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        return response
    }
}
