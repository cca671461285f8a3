import ConveneDomain
import Fluent
import Vapor

/// The funding pages: read by everyone in the workspace, streams written by editors.
enum FundingPages {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(FundingPath.funding, use: overview)
        write.get(FundingPath.newStream, use: newStream)
        write.post(FundingPath.newStream, use: create)
        read.get(FundingPath.stream(":key"), use: stream)
        write.get(FundingPath.editStream(":key"), use: editStream)
        write.post(FundingPath.editStream(":key"), use: update)
    }

    @Sendable static func overview(req: Request) async throws -> Response {
        let reader = FormReader()
        let partnership = (try? req.query.get(String.self, at: "partnership")).flatMap(reader.text)
        let forceArea = (try? req.query.get(String.self, at: "force_area")).flatMap(reader.text)
        return FundingPagesView.overview(
            try await FundingModel.load(
                partnership: partnership, forceArea: forceArea, context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func stream(req: Request) async throws -> Response {
        FundingPagesView.stream(
            try await FundingStreamModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func newStream(req: Request) async throws -> Response {
        FundingPagesView.form(try await FundingFormModel.load(key: nil, context: req.pageContext, in: req.scope))
            .response()
    }

    @Sendable static func editStream(req: Request) async throws -> Response {
        FundingPagesView.form(
            try await FundingFormModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(FundingFormModel.Input.self)
        let (stream, formErrors) = input.stream(key: "")
        var errors = formErrors
        if errors.isEmpty {
            switch try await FundingBusiness.create(stream, in: req.scope) {
            case .success(let key): return req.redirect(to: FundingPath.stream(key).href)
            case .failure(let refusal): errors = refusal.errors
            }
        } else {
            // Every bad field at once: those the form could not read, and the stream's own.
            errors += try await FundingBusiness.check(stream, in: req.scope)
        }
        return FundingPagesView.form(
            try await FundingFormModel.load(
                key: nil, input: input, errors: errors, context: req.pageContext, in: req.scope)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        _ = try await FundingStore.find(key, in: req.scope)
        let input = try req.content.decode(FundingFormModel.Input.self)
        let (stream, formErrors) = input.stream(key: key)
        var errors = formErrors
        if errors.isEmpty {
            errors = try await FundingBusiness.update(key, with: stream, in: req.scope)
        } else {
            errors += try await FundingBusiness.check(stream, in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: FundingPath.stream(key).href) }
        return FundingPagesView.form(
            try await FundingFormModel.load(
                key: key, input: input, errors: errors, context: req.pageContext, in: req.scope)
        ).response(status: .unprocessableEntity)
    }
}
