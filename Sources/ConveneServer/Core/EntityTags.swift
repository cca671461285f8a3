import Crypto
import Foundation
import Vapor

/// `ETag` and `304 Not Modified` for what a signed-in person reads (pages and API reads), named from the workspace's
/// data version before any of the work is done: a browser that sends back the tag it holds is answered without a
/// query beyond the one that finds who is asking.
///
/// The tag names everything a response depends on: the build, the workspace and its data version, who is asking
/// (user, role, the form token of their session, how many workspaces they have), the method, path and query, and
/// the minute (pages say what is upcoming and what is past). Pages that read beyond their workspace (the network of
/// published partnerships) and account pages are left to be read afresh. Signed-in responses are `private, no-cache`:
/// a browser keeps them, and asks each time whether they are still current.
struct EntityTags: AsyncMiddleware {
    /// Paths whose responses read more than the workspace's data.
    static let untagged = ["/network", "/account"]

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .GET || request.method == .HEAD, let principal = request.principal,
            !Self.untagged.contains(where: { request.url.path.hasPrefix($0) })
        else { return try await next.respond(to: request) }
        let tag = Self.tag(request, principal)
        if let held = request.headers.first(name: .ifNoneMatch),
            held.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag })
        {
            let response = Response(status: .notModified)
            response.headers.replaceOrAdd(name: .eTag, value: tag)
            response.headers.replaceOrAdd(name: .cacheControl, value: Self.cacheControl)
            return response
        }
        let response = try await next.respond(to: request)
        if response.status == .ok, response.headers.first(name: .eTag) == nil {
            response.headers.replaceOrAdd(name: .eTag, value: tag)
        }
        if response.headers.first(name: .cacheControl) == nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: Self.cacheControl)
        }
        return response
    }

    static let cacheControl = "private, no-cache"

    static func tag(_ request: Request, _ principal: Principal) -> String {
        let minute = Int(request.now().timeIntervalSince1970 / 60)
        let parts: [String] = [
            build, principal.workspaceID.uuidString, String(principal.dataVersion), principal.userID.uuidString,
            principal.role.rawValue, String(principal.workspaceCount), principal.viaToken ? "token" : "session",
            (request.hasSession ? request.session.data["csrf"] : nil) ?? "", request.method.rawValue,
            request.url.string, String(minute)
        ]
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8))
        return "\"" + digest.prefix(16).lowercaseHex + "\""
    }

    /// This build: the executable's size and time, so that a new build never answers with an old one's tags.
    static let build: String = {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.stringValue ?? "?"
        let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(time)"
    }()
}
