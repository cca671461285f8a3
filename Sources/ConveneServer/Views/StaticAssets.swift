import Vapor

/// Serves the stylesheet from memory of the binary: no file system layout to get wrong on deploy.
struct StaticAssets: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .GET, request.url.path == "/assets/convene.css" else {
            return try await next.respond(to: request)
        }
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(maxAge: 3600)
        return response
    }
}
