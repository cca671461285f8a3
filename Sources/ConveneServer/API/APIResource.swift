import ConveneDomain
import Fluent
import Foundation
import Vapor

/// A register entity addressed by key under /api/v1: list (paged, filtered), get, create, update, delete.
/// Writes go through `RegisterEdits`, so the API checks exactly what forms and imports check.
protocol APIResource: SendableMetatype {
    associatedtype Value: Codable & Equatable & Sendable
    /// The wire types: what a GET gives, what a create and a PATCH take.
    associatedtype ResponseBody: ResourceResponse where ResponseBody.Value == Value
    associatedtype NewBody: ResourceNew where NewBody.Value == Value
    associatedtype PatchBody: ResourcePatch where PatchBody.Value == Value
    /// The path segment, also the OpenAPI tag: "partnerships".
    static var path: String { get }
    /// The collection's path and one record's.
    static var collection: APIPath { get }
    static func item(_ key: String) -> APIPath
    static var kind: RecordOrigin.Kind { get }
    static var keyField: String { get }
    static func key(of value: Value) -> String
    static func list(_ req: Request, window: PageWindow) async throws -> (items: [Value], total: Int)
    static func find(_ key: String, in scope: Scope) async throws -> Value?
    static func register(_ value: Value) -> Register
    /// Deletes the record, or explains what still refers to it.
    static func delete(_ key: String, in scope: Scope) async throws
}

extension APIResource {
    static var keyField: String { "key" }
    /// The kind of record as the audit log and import summaries name it.
    static var auditKind: String {
        switch kind {
        case .area: "area"
        case .organisation: "organisation"
        case .person: "person"
        case .partnership: "partnership"
        case .membership: "membership"
        case .relation: "relation"
        case .termsOfReference: "terms of reference"
        case .meeting: "meeting"
        }
    }
}

/// A page of a list: the items, and where they are in the whole.
struct Page<Item: Encodable & Sendable>: Encodable, Sendable, WireType {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int

    enum CodingKeys: CodingKey, CaseIterable { case items, page, perPage, total }
}

enum APIResponse {
    /// A body of one of the domain's own JSON shapes, whose keys are already as the API spells them.
    static func domainBody<T: Decodable>(_ type: T.Type, _ req: Request) throws -> T {
        guard let buffer = req.body.data else { throw Problem.badRequest("The request needs a JSON object body") }
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }

    /// JSON as the domain writes it: keys sorted, as they are.
    static func domainJSON<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let response = Response(status: status, body: .init(data: try encoder.encode(value)))
        response.headers.contentType = .json
        return response
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        let response = Response(status: status, body: .init(data: try JSONEncoder.api.encode(value)))
        response.headers.contentType = .json
        return response
    }

    /// The body as a JSON object, for partial updates.
    static func object(from req: Request) throws -> [String: Any] {
        guard let buffer = req.body.data,
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any]
        else {
            throw Problem.badRequest("The request needs a JSON object body")
        }
        return object
    }
}

enum ResourceRoutes<R: APIResource> {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        register(read: read, create: write, update: write, delete: write)
    }

    /// With a guard for each kind of write, for resources whose records are a partnership's business.
    static func register(read: RoutesBuilder, create: RoutesBuilder, update: RoutesBuilder, delete: RoutesBuilder) {
        read.get(R.collection, use: list)
        create.post(R.collection, use: self.create)
        read.get(R.item(":key"), use: show)
        update.patch(R.item(":key"), use: self.update)
        delete.delete(R.item(":key"), use: remove)
    }

    struct Paging: Content {
        var page: Int?; var perPage: Int?
        enum CodingKeys: String, CodingKey { case page, perPage = "per_page" }
    }

    /// A page of the list, kept against the data version as the register's pages are (`KeptPages`).
    @Sendable static func list(req: Request) async throws -> Response {
        let paging = try req.query.decode(Paging.self)
        let window = try PageWindow.strict(page: paging.page, perPage: paging.perPage)
        return try await KeptPages.json("api/" + R.path, req) {
            let (items, total) = try await R.list(req, window: window)
            return try APIResponse.json(
                Page(
                    items: items.map(R.ResponseBody.init), page: window.page, perPage: window.perPage,
                    total: total))
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard let value = try await R.find(key, in: req.scope) else { throw Problem.notFound("'\(key)'") }
        return try APIResponse.json(R.ResponseBody(value))
    }

    /// The stored record as a GET gives it.
    static func stored(_ key: String, in scope: Scope) async throws -> R.ResponseBody {
        guard let value = try await R.find(key, in: scope) else { throw Problem.notFound("'\(key)'") }
        return R.ResponseBody(value)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let value = try APIRequest.decode(R.NewBody.self, req, droppingNulls: true).value
        let key = R.key(of: value)
        if try await R.find(key, in: req.scope) != nil {
            throw Problem.conflict(
                "The identifier '\(key)' is already used; choose another, or change the existing record with PATCH")
        }
        let errors = try await RegisterEdits.write(
            R.register(value), relationsStatedFor: [], mode: .create,
            origin: RecordOrigin(R.kind, key), in: req.scope)
        if !errors.isEmpty { throw Problem.invalid(errors) }
        let response = try APIResponse.json(try await stored(key, in: req.scope), status: .created)
        response.headers.replaceOrAdd(name: .location, value: R.item(key).href)
        return response
    }

    /// PATCH: the fields given replace the stored ones; the key cannot change.
    @Sendable static func update(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard let stored = try await R.find(key, in: req.scope) else { throw Problem.notFound("'\(key)'") }
        let patch = try APIRequest.decode(R.PatchBody.self, req)
        if let newKey = patch.identifier, newKey != key {
            throw Problem.invalid([FieldError(R.keyField, "The identifier cannot be changed")])
        }
        let value = patch.applied(to: stored)
        let errors = try await RegisterEdits.write(
            R.register(value), relationsStatedFor: [], mode: .update,
            origin: RecordOrigin(R.kind, key), in: req.scope)
        if !errors.isEmpty { throw Problem.invalid(errors) }
        return try APIResponse.json(try await self.stored(key, in: req.scope))
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        try await req.scope.audited { scope, audit in
            guard let before = try await R.find(key, in: scope) else { throw Problem.notFound("'\(key)'") }
            try await R.delete(key, in: scope)
            audit.note("delete", R.auditKind, key, before: before, after: nil as R.Value?)
        }
        return Response(status: .noContent)
    }
}

/// Refuses a delete while other records still refer to the record.
func refuseIfReferenced(_ counts: [(Int, String)], what: String) throws {
    let uses = counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    if !uses.isEmpty {
        throw Problem.conflict(
            "\(what) is still referred to by \(uses.joined(separator: ", ")); end or remove those first")
    }
}
