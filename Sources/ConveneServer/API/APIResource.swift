import ConveneDomain
import Fluent
import Foundation
import Vapor

/// A register entity addressed by key under /api/v1: list (paged, filtered), get, create, update, delete.
/// Writes go through `RegisterEdits`, so the API checks exactly what forms and imports check.
protocol APIResource: SendableMetatype {
    associatedtype Value: Codable & Equatable & Sendable
    /// The path segment, also the OpenAPI tag: "partnerships".
    static var path: String { get }
    static var kind: RecordOrigin.Kind { get }
    static var keyField: String { get }
    /// Values a create may leave out.
    static var defaults: [String: any Sendable] { get }
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
    static var defaults: [String: any Sendable] { [:] }
}

struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int
}

enum APIResponse {
    static func json<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        let response = Response(status: status, body: .init(data: try JSONEncoder.api.encode(value)))
        response.headers.contentType = .json
        return response
    }

    /// The body as a JSON object, for partial updates.
    static func object(from req: Request) throws -> [String: Any] {
        guard let buffer = req.body.data,
              let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any] else {
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
        let path = PathComponent(stringLiteral: R.path)
        read.grouped(path).get(use: list)
        create.grouped(path).post(use: self.create)
        read.grouped(path).get(":key", use: show)
        update.grouped(path).patch(":key", use: self.update)
        delete.grouped(path).delete(":key", use: remove)
    }

    struct Paging: Content { var page: Int?; var perPage: Int?
        enum CodingKeys: String, CodingKey { case page, perPage = "per_page" } }

    @Sendable static func list(req: Request) async throws -> Response {
        let paging = try req.query.decode(Paging.self)
        let window = try PageWindow.strict(page: paging.page, perPage: paging.perPage)
        let (items, total) = try await R.list(req, window: window)
        return try APIResponse.json(Page(items: items, page: window.page, perPage: window.perPage, total: total))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard let value = try await R.find(key, in: req.scope) else { throw Problem.notFound("'\(key)'") }
        return try APIResponse.json(value)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        var object: [String: Any] = R.defaults
        for (name, value) in try APIResponse.object(from: req) where !(value is NSNull) { object[name] = value }
        let value = try JSONDecoder.api.decode(R.Value.self, from: JSONSerialization.data(withJSONObject: object))
        let key = R.key(of: value)
        if try await R.find(key, in: req.scope) != nil {
            throw Problem.conflict("The identifier '\(key)' is already used; choose another, or change the existing record with PATCH")
        }
        let errors = try await RegisterEdits.write(R.register(value), relationsStatedFor: [], mode: .create,
                                                   origin: RecordOrigin(R.kind, key), in: req.scope)
        if !errors.isEmpty { throw Problem.invalid(errors) }
        let response = try APIResponse.json(try await R.find(key, in: req.scope), status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/\(R.path)/\(key)")
        return response
    }

    /// PATCH: the fields given replace the stored ones; the key cannot change.
    @Sendable static func update(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard let stored = try await R.find(key, in: req.scope) else { throw Problem.notFound("'\(key)'") }
        var object = try JSONSerialization.jsonObject(with: JSONEncoder.api.encode(stored)) as? [String: Any] ?? [:]
        let changes = try APIResponse.object(from: req)
        if let newKey = changes[R.keyField] as? String, newKey != key {
            throw Problem.invalid([FieldError(R.keyField, "The identifier cannot be changed")])
        }
        for (name, value) in changes { object[name] = value is NSNull ? nil : value }
        let value = try JSONDecoder.api.decode(R.Value.self, from: JSONSerialization.data(withJSONObject: object))
        let errors = try await RegisterEdits.write(R.register(value), relationsStatedFor: [], mode: .update,
                                                   origin: RecordOrigin(R.kind, key), in: req.scope)
        if !errors.isEmpty { throw Problem.invalid(errors) }
        return try APIResponse.json(try await R.find(key, in: req.scope))
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
        throw Problem.conflict("\(what) is still referred to by \(uses.joined(separator: ", ")); end or remove those first")
    }
}
