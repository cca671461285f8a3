import ConveneDomain
import Fluent
import Vapor

/// The directory of partnership leads and the library: read by anyone signed in to any workspace, written by a
/// workspace's editors for their own workspace.
enum NetworkPages {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(NetworkPath.leads, use: leads)
        write.get(NetworkPath.ourLead, use: leadForm)
        write.post(NetworkPath.ourLead, use: setLead)
        read.get(NetworkPath.library, use: library)
        write.post(NetworkPath.share, use: share)
        read.get(NetworkPath.libraryItem(workspace: ":workspace", ":key"), use: item)
        write.post(NetworkPath.copy(workspace: ":workspace", ":key"), use: copy)
        write.post(NetworkPath.withdraw(":key"), use: withdraw)
    }

    @Sendable static func leads(req: Request) async throws -> Response {
        NetworkViews.leads(try await LeadsModel.load(context: req.pageContext, on: req.db)).response()
    }

    @Sendable static func leadForm(req: Request) async throws -> Response {
        NetworkViews.leadForm(try await LeadFormModel.load(input: nil, context: req.pageContext, in: req.scope))
            .response()
    }

    /// The lead the form describes, or none when it asks to name none.
    static func lead(_ input: LeadFormModel.Input) -> PartnershipLead? {
        let reader = FormReader()
        guard input.remove != "yes" else { return nil }
        return PartnershipLead(
            forceAreaCode: reader.text(input.forceAreaCode) ?? "", office: reader.text(input.office) ?? "",
            organisation: reader.text(input.organisation) ?? "",
            holderKey: reader.text(input.holderKey), contact: reader.text(input.contact))
    }

    @Sendable static func setLead(req: Request) async throws -> Response {
        let input = try req.content.decode(LeadFormModel.Input.self)
        let errors = try await NetworkBusiness.setLead(lead(input), in: req.scope)
        if errors.isEmpty { return req.redirect(to: NetworkPath.leads.href) }
        return NetworkViews.leadForm(
            try await LeadFormModel.load(input: input, errors: errors, context: req.pageContext, in: req.scope)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func library(req: Request) async throws -> Response {
        NetworkViews.library(try await LibraryModel.load(context: req.pageContext, in: req.scope)).response()
    }

    @Sendable static func share(req: Request) async throws -> Response {
        let input = try req.content.decode(LibraryModel.Input.self)
        let reader = FormReader()
        switch try await NetworkBusiness.share(
            reader.text(input.source) ?? "", note: reader.text(input.note), in: req.scope)
        {
        case .success(let key):
            return req.redirect(
                to: NetworkPath.libraryItem(workspace: try await workspaceKey(req), key).href)
        case .failure(let refusal):
            return NetworkViews.library(
                try await LibraryModel.load(
                    input: input, errors: refusal.errors, context: req.pageContext, in: req.scope)
            ).response(status: .unprocessableEntity)
        }
    }

    static func workspaceKey(_ req: Request) async throws -> String {
        guard let id = req.principal?.workspaceID, let w = try await WorkspaceRecord.find(id, on: req.db) else {
            throw Abort(.forbidden)
        }
        return w.key
    }

    @Sendable static func item(req: Request) async throws -> Response {
        NetworkViews.item(
            try await LibraryItemModel.load(
                workspace: try req.parameters.require("workspace"), key: try req.parameters.require("key"),
                context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func copy(req: Request) async throws -> Response {
        struct Input: Content {
            var partnershipKey: String?
            enum CodingKeys: String, CodingKey { case partnershipKey = "partnership_key" }
        }
        let (workspace, key) = (try req.parameters.require("workspace"), try req.parameters.require("key"))
        let input = try req.content.decode(Input.self)
        let shared = try await NetworkShared.item(workspace: workspace, key: key, on: req.db)
        switch try await NetworkBusiness.copy(shared.item, into: input.partnershipKey, in: req.scope) {
        case .success(let href): return req.redirect(to: href)
        case .failure(let refusal):
            return NetworkViews.item(
                try await LibraryItemModel.load(
                    workspace: workspace, key: key, partnershipKey: input.partnershipKey, errors: refusal.errors,
                    context: req.pageContext, in: req.scope)
            ).response(status: .unprocessableEntity)
        }
    }

    @Sendable static func withdraw(req: Request) async throws -> Response {
        try await NetworkBusiness.withdraw(try req.parameters.require("key"), in: req.scope)
        return req.redirect(to: NetworkPath.library.href)
    }
}
