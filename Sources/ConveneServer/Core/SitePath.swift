import Foundation
import Vapor

/// A page's path, typed: each capability has an enum of its pages, whose cases take the keys of the records a
/// page is about. Routes are registered from it, with the handler's parameter names in the keys' places
/// (`read.get(RegisterPath.partnership(":key"), use: show)`), and every link is built from it
/// (`RegisterPath.partnership(p.key).href`), so a link to a page that does not exist is a compile error.
protocol SitePath: Sendable {
    /// The path's segments: fixed words, and keys (a `:name` when the route is registered).
    var segments: [String] { get }
}

extension SitePath {
    /// The path of a link: "/partnerships/cdp-bedfordshire", each segment percent-encoded.
    var href: String {
        "/"
            + segments.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? $0 }
            .joined(separator: "/")
    }

    /// The link with a query string (items without a value are left out) and a fragment.
    func href(_ query: KeyValuePairs<String, String?> = [:], fragment: String? = nil) -> String {
        href(query.map { ($0.key, $0.value) }, fragment: fragment)
    }

    func href(_ query: [(String, String?)], fragment: String? = nil) -> String {
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: Self.queryCharacters) ?? text
        }
        let items = query.compactMap { name, value in value.map { encode(name) + "=" + encode($0) } }
        return href + (items.isEmpty ? "" : "?" + items.joined(separator: "&")) + (fragment.map { "#" + $0 } ?? "")
    }

    /// The route's path components: a segment written `:name` is the parameter its handler reads by that name.
    var route: [PathComponent] {
        segments.map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant($0) }
    }

    private static var segmentCharacters: CharacterSet { .urlPathAllowed.subtracting(["/", ":"]) }
    private static var queryCharacters: CharacterSet { .urlQueryAllowed.subtracting(["&", "=", "+", "#"]) }
}

extension RoutesBuilder {
    @discardableResult
    func get(
        _ path: some SitePath, use closure: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable
    )
        -> Route
    {
        get(path.route, use: closure)
    }

    @discardableResult
    func post(
        _ path: some SitePath, use closure: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable
    )
        -> Route
    {
        post(path.route, use: closure)
    }

    @discardableResult
    func put(
        _ path: some SitePath, use closure: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable
    )
        -> Route
    {
        put(path.route, use: closure)
    }

    @discardableResult
    func patch(
        _ path: some SitePath, use closure: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable
    )
        -> Route
    {
        patch(path.route, use: closure)
    }

    @discardableResult
    func delete(
        _ path: some SitePath, use closure: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable
    )
        -> Route
    {
        delete(path.route, use: closure)
    }
}
