import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The directory of partnership leads and the library in the JSON API.
enum NetworkAPI {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(APIPath.networkLeads, use: leads)
        write.put(APIPath.networkLead, use: setLead)
        write.delete(APIPath.networkLead, use: removeLead)
        read.get(APIPath.library, use: library)
        write.post(APIPath.library, use: share)
        write.post(APIPath.libraryCopy(workspace: ":workspace", ":key"), use: copy)
    }

    /// A template in the library with who shared it and when.
    struct SharedWire: Encodable {
        var workspace: String
        var workspaceName: String
        var sharedOn: Day
        var item: LibraryItem

        enum CodingKeys: String, CodingKey {
            case workspace
            case workspaceName = "workspace_name"
            case sharedOn = "shared_on"
            case item
        }

        init(_ s: NetworkShared.Shared) {
            workspace = s.workspace
            workspaceName = s.workspaceName
            sharedOn = WallClock.day(of: s.sharedAt)
            item = s.item
        }
    }

    @Sendable static func leads(req: Request) async throws -> Response {
        try APIResponse.domainJSON(try await NetworkShared.directory(on: req.db))
    }

    @Sendable static func setLead(req: Request) async throws -> Response {
        let lead = try APIResponse.domainBody(PartnershipLead.self, req)
        let errors = try await NetworkBusiness.setLead(lead, in: req.scope)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        return try APIResponse.domainJSON(lead)
    }

    @Sendable static func removeLead(req: Request) async throws -> Response {
        _ = try await NetworkBusiness.setLead(nil, in: req.scope)
        return Response(status: .noContent)
    }

    @Sendable static func library(req: Request) async throws -> Response {
        try APIResponse.domainJSON(try await NetworkShared.library(on: req.db).map(SharedWire.init))
    }

    @Sendable static func share(req: Request) async throws -> Response {
        struct Body: Decodable { var source: String; var note: String? }
        let body = try APIResponse.domainBody(Body.self, req)
        switch try await NetworkBusiness.share(body.source, note: body.note, in: req.scope) {
        case .success(let key):
            let workspace = try await NetworkPages.workspaceKey(req)
            let shared = try await NetworkShared.item(workspace: workspace, key: key, on: req.db)
            return try APIResponse.domainJSON(SharedWire(shared), status: .created)
        case .failure(let refusal): throw Problem.invalid(refusal.errors)
        }
    }

    @Sendable static func copy(req: Request) async throws -> Response {
        struct Body: Decodable {
            var partnershipKey: String?
            enum CodingKeys: String, CodingKey { case partnershipKey = "partnership_key" }
        }
        let body = try APIResponse.domainBody(Body.self, req)
        let shared = try await NetworkShared.item(
            workspace: try req.parameters.require("workspace"), key: try req.parameters.require("key"), on: req.db)
        switch try await NetworkBusiness.copy(shared.item, into: body.partnershipKey, in: req.scope) {
        case .success(let path):
            let response = try APIResponse.domainJSON(["created": path], status: .created)
            response.headers.replaceOrAdd(name: .location, value: path)
            return response
        case .failure(let refusal): throw Problem.invalid(refusal.errors)
        }
    }
}
