import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// Publishing a partnership puts its public fields on the public pages and the public API; unpublishing takes them off.
enum Publishing {
    static func register(pages: RoutesBuilder, api: RoutesBuilder) {
        pages.post(RegisterPath.publish(":key").route) { req in try await page(req, publish: true) }
        pages.post(RegisterPath.unpublish(":key").route) { req in try await page(req, publish: false) }
        api.post(APIPath.publish(":key")) { req in try await endpoint(req, publish: true) }
        api.post(APIPath.unpublish(":key")) { req in try await endpoint(req, publish: false) }
    }

    static func set(_ key: String, published: Bool, in scope: Scope) async throws {
        try await scope.audited { scope, audit in
            let record = try await RegisterQueries.partnership(key, in: scope)
            let was = record.publishedAt != nil
            guard was != published else { return }
            record.publishedAt = published ? scope.now() : nil
            try await record.update(on: scope.db)
            audit.note(
                published ? "publish" : "unpublish", "partnership", key, before: ["published": was],
                after: ["published": published])
        }
    }

    /// Whether the public pages may name a person (a PCC, Deputy PCC or Deputy Mayor who says so).
    static func setPublicOffice(_ key: String, _ value: Bool, in scope: Scope) async throws {
        try await scope.audited { scope, audit in
            guard let record = try await PersonRecord.query(in: scope).filter(\.$key == key).first() else { return }
            let was = record.publicOffice ?? false
            guard was != value else { return }
            record.publicOffice = value
            try await record.update(on: scope.db)
            audit.note("update", "person", key, before: ["public_office": was], after: ["public_office": value])
        }
    }

    @Sendable static func page(_ req: Request, publish: Bool) async throws -> Response {
        let key = try req.parameters.require("key")
        try await set(key, published: publish, in: req.scope)
        return req.redirect(to: RegisterPath.partnership(key).href)
    }

    @Sendable static func endpoint(_ req: Request, publish: Bool) async throws -> Response {
        let key = try req.parameters.require("key")
        try await set(key, published: publish, in: req.scope)
        return try APIResponse.json(PublishingResponse(key: key, published: publish))
    }
}
