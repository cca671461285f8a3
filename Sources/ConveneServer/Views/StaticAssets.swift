import Crypto
import Foundation
import Vapor

/// Serves the stylesheet from memory of the binary: no file system layout to get wrong on deploy. Pages link to it
/// by a path that names its content, so a browser keeps it for a year and a new build's stylesheet is a new path;
/// the plain path still answers, kept for an hour, for anything that links to it.
struct StaticAssets: AsyncMiddleware {
    /// The stylesheet's path, which the layout links to: its content's digest in its name.
    static let stylesheet: String = {
        "/assets/convene-\(SHA256.hash(data: Data(Stylesheet.css.utf8)).prefix(6).lowercaseHex).css"
    }()
    static let plainStylesheet = "/assets/convene.css"

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .GET || request.method == .HEAD,
            request.url.path == Self.stylesheet || request.url.path == Self.plainStylesheet
        else {
            return try await next.respond(to: request)
        }
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(
            name: .cacheControl,
            value: request.url.path == Self.stylesheet ? "public, max-age=31536000, immutable" : "public, max-age=3600")
        return response
    }
}
