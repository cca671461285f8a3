import ConveneDomain
import Fluent
import Vapor

/// The data-sharing pages: read by everyone in the workspace, written by editors.
enum SharingPages {
    static func register(read: RoutesBuilder, write: RoutesBuilder, business: RoutesBuilder) {
        read.get(SharingPath.agreements, use: agreements)
        write.get(SharingPath.newAgreement, use: newAgreement)
        write.post(SharingPath.newAgreement, use: createAgreement)
        read.get(SharingPath.agreement(":key"), use: agreement)
        write.get(SharingPath.editAgreement(":key"), use: editAgreement)
        write.post(SharingPath.editAgreement(":key"), use: updateAgreement)
        read.get(SharingPath.requests, use: requests)
        write.get(SharingPath.newRequest, use: newRequest)
        write.post(SharingPath.newRequest, use: createRequest)
        read.get(SharingPath.request(":key"), use: request)
        write.post(SharingPath.answerRequest(":key"), use: answerRequest)
        write.post(SharingPath.declare(":key"), use: declare)
        business.get(SharingPath.meetingDeclaration(":key", ":meeting"), use: meetingDeclarationForm)
        business.post(SharingPath.meetingDeclaration(":key", ":meeting"), use: recordMeetingDeclaration)
    }

    @Sendable static func meetingDeclarationForm(req: Request) async throws -> Response {
        let c = try await MeetingPages.context(req)
        let input = MeetingDeclarationFormModel.Input(
            personKey: try? req.query.get(String.self, at: "person_key"),
            itemKey: try? req.query.get(String.self, at: "item_key"))
        let model = try await MeetingDeclarationFormModel.load(
            c.partnership, c.meeting, input: input, context: req.pageContext, in: req.scope)
        return MeetingInterestsView.form(model).response()
    }

    /// Records a declaration made at a meeting in its minutes, then back to the meeting's minutes.
    @Sendable static func recordMeetingDeclaration(req: Request) async throws -> Response {
        let c = try await MeetingPages.context(req)
        let input = try req.content.decode(MeetingDeclarationFormModel.Input.self)
        let reader = FormReader()
        let action = reader.text(input.action).flatMap(DeclarationAction.init(rawValue:))
        var errors: [FieldError] = []
        if reader.text(input.personKey) == nil { errors.append(FieldError("person_key", "Choose who declared it")) }
        if reader.text(input.matter) == nil { errors.append(FieldError("matter", "Enter the interest")) }
        if action == nil { errors.append(FieldError("action", "Choose what they did")) }
        if errors.isEmpty, let action {
            errors = try await SharingBusiness.recordAtMeeting(
                MeetingDeclaration(
                    key: "", meetingKey: c.meeting.key, personKey: reader.text(input.personKey) ?? "",
                    itemKey: reader.text(input.itemKey), matter: reader.text(input.matter) ?? "", action: action),
                meeting: c.meeting, in: req.scope
            ).errors
        }
        if errors.isEmpty {
            return req.redirect(
                to: MeetingPath.meeting(c.partnership.key, c.meeting.key).href(fragment: "declarations"))
        }
        let model = try await MeetingDeclarationFormModel.load(
            c.partnership, c.meeting, input: input, errors: errors, context: req.pageContext, in: req.scope)
        return MeetingInterestsView.form(model).response(status: .unprocessableEntity)
    }

    /// The form that records a person's declaration, as posted.
    struct DeclarationInput: Content {
        var kind: String?
        var organisationKey: String?
        var matter: String?
        var from: String?
        var to: String?
        var published: String?
        enum CodingKeys: String, CodingKey {
            case kind, matter, from, to, published
            case organisationKey = "organisation_key"
        }
    }

    /// Records a person's declaration of interest, then back to their page (with its errors and what was given, if
    /// refused).
    @Sendable static func declare(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let input = try req.content.decode(DeclarationInput.self)
        var reader = FormReader()
        let kind = reader.text(input.kind).flatMap(InterestKind.init(rawValue:))
        if kind == nil { reader.errors.append(FieldError("kind", "Choose the kind of interest")) }
        let from = reader.day(input.from, "from", "The day it began")
        if reader.text(input.from) == nil { reader.errors.append(FieldError("from", "Enter the day it began")) }
        let to = reader.day(input.to, "to", "The day it ended")
        if reader.text(input.matter) == nil { reader.errors.append(FieldError("matter", "Enter the interest")) }
        // In the order of the form's fields.
        let order = ["kind", "organisation_key", "matter", "from", "to", "published"]
        var errors = reader.errors.sorted {
            (order.firstIndex(of: $0.field) ?? 9) < (order.firstIndex(of: $1.field) ?? 9)
        }
        if errors.isEmpty, let kind, let from {
            errors = try await SharingBusiness.declare(
                InterestDeclaration(
                    key: "", personKey: key, kind: kind, organisationKey: reader.text(input.organisationKey),
                    matter: reader.text(input.matter) ?? "", from: from, to: to,
                    published: input.published == "yes"),
                in: req.scope
            ).errors
        }
        if errors.isEmpty { return req.redirect(to: RegisterPath.person(key).href(fragment: "interests")) }
        var model = try await PersonPageModel.load(key: key, context: req.pageContext, in: req.scope)
        model.errors = errors
        model.declaring = input
        return PeopleViews.person(model).response(status: .unprocessableEntity)
    }

    @Sendable static func agreements(req: Request) async throws -> Response {
        SharingPagesView.agreements(try await AgreementsModel.load(context: req.pageContext, in: req.scope)).response()
    }

    @Sendable static func agreement(req: Request) async throws -> Response {
        SharingPagesView.agreement(
            try await AgreementModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func newAgreement(req: Request) async throws -> Response {
        SharingPagesView.form(try await AgreementFormModel.load(key: nil, context: req.pageContext, in: req.scope))
            .response()
    }

    @Sendable static func editAgreement(req: Request) async throws -> Response {
        SharingPagesView.form(
            try await AgreementFormModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func createAgreement(req: Request) async throws -> Response {
        let input = try req.content.decode(AgreementFormModel.Input.self)
        let (agreement, formErrors) = input.agreement(key: "")
        var errors = formErrors
        if errors.isEmpty {
            switch try await SharingBusiness.createAgreement(agreement, in: req.scope) {
            case .success(let key): return req.redirect(to: SharingPath.agreement(key).href)
            case .failure(let refusal): errors = refusal.errors
            }
        } else {
            errors += try await SharingBusiness.check(agreement, in: req.scope)
        }
        return SharingPagesView.form(
            try await AgreementFormModel.load(
                key: nil, input: input, errors: errors, context: req.pageContext, in: req.scope)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func updateAgreement(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        _ = try await SharingStore.agreement(key, in: req.scope)
        let input = try req.content.decode(AgreementFormModel.Input.self)
        let (agreement, formErrors) = input.agreement(key: key)
        var errors = formErrors
        if errors.isEmpty {
            errors = try await SharingBusiness.updateAgreement(key, with: agreement, in: req.scope)
        } else {
            errors += try await SharingBusiness.check(agreement, in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: SharingPath.agreement(key).href) }
        return SharingPagesView.form(
            try await AgreementFormModel.load(
                key: key, input: input, errors: errors, context: req.pageContext, in: req.scope)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func requests(req: Request) async throws -> Response {
        SharingPagesView.requests(try await RequestsModel.load(context: req.pageContext, in: req.scope)).response()
    }

    @Sendable static func newRequest(req: Request) async throws -> Response {
        SharingPagesView.newRequest(try await RequestFormModel.load(key: nil, context: req.pageContext, in: req.scope))
            .response()
    }

    @Sendable static func createRequest(req: Request) async throws -> Response {
        let input = try req.content.decode(RequestFormModel.Input.self)
        let (request, formErrors) = input.request()
        var errors = formErrors
        if errors.isEmpty {
            switch try await SharingBusiness.createRequest(request, in: req.scope) {
            case .success(let key): return req.redirect(to: SharingPath.request(key).href)
            case .failure(let refusal): errors = refusal.errors
            }
        } else {
            errors += try await SharingBusiness.check(request, in: req.scope).filter {
                !["asked_on", "due_by"].contains($0.field)
            }
        }
        return SharingPagesView.newRequest(
            try await RequestFormModel.load(
                key: nil, context: req.pageContext, input: input, errors: errors, in: req.scope)
        ).response(status: .unprocessableEntity)
    }

    @Sendable static func request(req: Request) async throws -> Response {
        SharingPagesView.request(
            try await RequestFormModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func answerRequest(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let answer = try req.content.decode(RequestFormModel.Answer.self)
        guard var request = try await SharingStore.request(key, in: req.scope).domain else {
            throw Problem.notFound("The data request '\(key)'")
        }
        var reader = FormReader()
        request.answeredOn = reader.day(answer.answeredOn, "answered_on", "The day it was answered")
        request.outcome = reader.text(answer.outcome).flatMap(RequestOutcome.init(rawValue:))
        request.refusalReason = reader.text(answer.refusalReason)
        var errors = reader.errors
        if errors.isEmpty { errors = try await SharingBusiness.updateRequest(key, with: request, in: req.scope) }
        if errors.isEmpty { return req.redirect(to: SharingPath.request(key).href) }
        return SharingPagesView.request(
            try await RequestFormModel.load(
                key: key, context: req.pageContext, answer: answer, errors: errors, in: req.scope)
        ).response(status: .unprocessableEntity)
    }
}
