import ConveneDomain
import Fluent
import Vapor

/// The reviews' pages: read by everyone in the workspace, made and decided by editors; the report as a page and a
/// PDF; a published report on the public site.
enum ReviewPages {
    static func register(read: RoutesBuilder, write: RoutesBuilder, open: RoutesBuilder) {
        read.get(ReviewPath.reviews, use: list)
        write.get(ReviewPath.newReview, use: newReview)
        write.post(ReviewPath.newReview, use: create)
        read.get(ReviewPath.review(":key"), use: show)
        write.post(ReviewPath.status(":key"), use: advance)
        write.get(ReviewPath.decision(":key", partnership: ":partnership"), use: decisionForm)
        write.post(ReviewPath.decision(":key", partnership: ":partnership"), use: decide)
        read.get(ReviewPath.report(":key"), use: report)
        read.get(ReviewPath.reportPDF(":key"), use: reportPDF)
        open.get(ReviewPath.published(workspace: ":workspace", ":key"), use: published)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        ReviewPagesView.list(
            ReviewListModel(context: req.pageContext, reviews: try await ReviewStore.list(in: req.scope))
        )
        .response()
    }

    @Sendable static func newReview(req: Request) async throws -> Response {
        ReviewPagesView.newReview(try await NewReviewModel.load(context: req.pageContext, in: req.scope)).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(NewReviewModel.Input.self)
        let reader = FormReader()
        var errors: [FieldError] = []
        let from = reader.text(input.from).flatMap(Day.init)
        let to = reader.text(input.to).flatMap(Day.init)
        if from == nil { errors.append(FieldError("from", "Enter the start of the period as yyyy-mm-dd")) }
        if to == nil { errors.append(FieldError("to", "Enter the end of the period as yyyy-mm-dd")) }
        if let from, let to, errors.isEmpty {
            let request = ReviewBusiness.Request(
                title: reader.text(input.title) ?? "", period: Period(from: from, to: to),
                partnershipKeys: input.partnerships ?? [], surveyKey: reader.text(input.survey))
            switch try await ReviewBusiness.create(request, in: req.scope) {
            case .success(let key): return req.redirect(to: ReviewPath.review(key).href)
            case .failure(let refusal): errors = refusal.errors
            }
        }
        return ReviewPagesView.newReview(
            try await NewReviewModel.load(context: req.pageContext, input: input, errors: errors, in: req.scope)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        ReviewPagesView.show(
            try await ReviewPageModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func advance(req: Request) async throws -> Response {
        struct Input: Content { var status: String? }
        let key = try req.parameters.require("key")
        let status = try req.content.decode(Input.self).status.flatMap(ReviewStatus.init(rawValue:))
        let errors =
            if let status { try await ReviewBusiness.advance(key, to: status, in: req.scope) } else {
                [FieldError("status", "Choose the review's next step")]
            }
        if errors.isEmpty { return req.redirect(to: ReviewPath.review(key).href) }
        return ReviewPagesView.show(
            try await ReviewPageModel.load(key: key, context: req.pageContext, errors: errors, in: req.scope)
        ).response(status: .unprocessableEntity)
    }

    static func decisionModel(_ req: Request, input: DecisionModel.Input? = nil, errors: [FieldError] = [])
        async throws -> DecisionModel
    {
        let key = try req.parameters.require("key")
        let partnership = try req.parameters.require("partnership")
        let review = try await ReviewStore.review(key, in: req.scope)
        guard let item = review.items.first(where: { $0.partnershipKey == partnership }) else {
            throw Problem.notFound("The partnership '\(partnership)' in this review")
        }
        let others = try await PartnershipRecord.query(in: req.scope).filter(\.$key != partnership).sort(\.$name).all()
        let given =
            input
            ?? DecisionModel.Input(
                decision: item.standing.identifier, mergeWith: item.standing.other, rationale: item.rationale)
        return DecisionModel(
            context: req.pageContext, review: review, item: item,
            partnerships: others.map { ($0.key, $0.name) }, input: given, errors: errors)
    }

    @Sendable static func decisionForm(req: Request) async throws -> Response {
        ReviewPagesView.decision(try await decisionModel(req)).response()
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let partnership = try req.parameters.require("partnership")
        let input = try req.content.decode(DecisionModel.Input.self)
        let reader = FormReader()
        let errors = try await ReviewBusiness.decide(
            key, partnership: partnership, choice: reader.text(input.decision), with: reader.text(input.mergeWith),
            rationale: reader.text(input.rationale), in: req.scope)
        if errors.isEmpty { return req.redirect(to: ReviewPath.review(key).href(fragment: "p-\(partnership)")) }
        return ReviewPagesView.decision(try await decisionModel(req, input: input, errors: errors))
            .response(status: .unprocessableEntity)
    }

    /// The report of a review, as the reviewer's page shows it and Chromium prints it.
    static func document(_ key: String, published: Bool, in scope: Scope, req: Request) async throws -> ReviewReport {
        try await ReviewReport.make(
            key, published: published, dotPath: req.application.convene.dotPath,
            threadPool: req.application.threadPool, in: scope)
    }

    /// A report as its own document: its style is inside it, so it has the policy of a document, not of a page.
    static func html(_ text: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: SecurityHeaders.documentPolicy)
        return response
    }

    @Sendable static func report(req: Request) async throws -> Response {
        html(try await document(try req.parameters.require("key"), published: false, in: req.scope, req: req).render())
    }

    @Sendable static func reportPDF(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let html = try await document(key, published: false, in: req.scope, req: req).render()
        guard let chromium = Chromium.find(),
            let pdf = try await Chromium.pdf(html, chromium: chromium, threadPool: req.application.threadPool)
        else {
            throw Problem(
                title: "Service unavailable", status: 503,
                detail:
                    "The PDF could not be made: Chromium is not installed here, or it failed. The report is at \(ReviewPath.report(key).href)."
            )
        }
        let response = Response(status: .ok, body: .init(data: pdf))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(key).pdf\"")
        return response
    }

    /// A published review's report, for anyone.
    @Sendable static func published(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard
            let record = try await PublicRegister.review(
                workspace: try req.parameters.require("workspace"), key: key, on: req.db)
        else { throw Problem.notFound("The review '\(key)'") }
        let scope = Scope(db: req.db, workspaceID: record.$workspace.id, actor: "public", now: req.now)
        return html(try await document(key, published: true, in: scope, req: req).render())
    }
}
