import Vapor

/// Serves the stylesheet from memory of the binary: no file system layout to get wrong on deploy.
struct StaticAssets: AsyncMiddleware {
    /// The stylesheet's path, which the layout links to.
    static let stylesheet = "/assets/convene.css"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .GET, request.url.path == Self.stylesheet else {
            return try await next.respond(to: request)
        }
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(maxAge: 3600)
        return response
    }
}
