import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The agenda's handlers: building it, changing an item, its decision and its papers.
extension MeetingPages {
    private static func agendaPage(
        _ c: Context, _ req: Request, input: ItemFormInput = ItemFormInput(),
        errors: [FieldError] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let model = try await AgendaEditorModel.load(
            c.partnership, c.meeting, input: input, errors: errors,
            context: req.pageContext, in: req.scope)
        return AgendaEditorView.render(model).response(status: status)
    }

    private static func agendaHref(_ c: Context) -> String {
        MeetingPath.meeting(c.partnership.key, c.meeting.key, .agenda).href
    }

    @Sendable static func agenda(req: Request) async throws -> Response {
        try await agendaPage(try await context(req), req)
    }

    @Sendable static func addItem(req: Request) async throws -> Response {
        let c = try await context(req)
        let input = try req.content.decode(ItemFormInput.self)
        var (parsed, errors) = input.parse()
        if let parsed {
            errors = try await MeetingBusiness.addItem(
                parsed, partnership: c.partnership, meeting: c.meeting,
                in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: agendaHref(c)) }
        return try await agendaPage(c, req, input: input, errors: errors, status: .unprocessableEntity)
    }

    @Sendable static func moveItem(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        struct Move: Content { var move: String? }
        guard let move = (try? req.content.decode(Move.self))?.move.flatMap(MeetingBusiness.ItemMove.init(rawValue:))
        else {
            return try await agendaPage(
                c, req,
                errors: [
                    FieldError(
                        "item",
                        "Choose up, down, to the backlog or remove")
                ],
                status: .unprocessableEntity)
        }
        let errors = try await MeetingBusiness.move(item, move, partnership: c.partnership, in: req.scope)
        if errors.isEmpty { return req.redirect(to: agendaHref(c)) }
        return try await agendaPage(c, req, errors: errors, status: .unprocessableEntity)
    }

    @Sendable static func scheduleItem(req: Request) async throws -> Response {
        let c = try await context(req)
        let item = try await MeetingStore.item(try req.parameters.require("item"), of: c.partnership, in: req.scope)
        let errors = try await MeetingBusiness.schedule(item, on: c.meeting, partnership: c.partnership, in: req.scope)
        if errors.isEmpty { return req.redirect(to: agendaHref(c)) }
        return try await agendaPage(c, req, errors: errors, status: .unprocessableEntity)
    }

    private static func itemOnAgenda(_ req: Request) async throws -> (Context, AgendaItemRecord) {
        let c = try await context(req)
        let item = try await MeetingStore.item(try req.parameters.require("item"), of: c.partnership, in: req.scope)
        guard item.$meeting.id == c.meeting.id else { throw Problem.notFound("The item '\(item.key)' on this agenda") }
        return (c, item)
    }

    private static func itemForm(
        _ c: Context, _ item: AgendaItemRecord, _ input: ItemFormInput,
        errors: [FieldError] = [],
        paperTitle: String? = nil, paperURL: String? = nil,
        _ req: Request
    ) async throws -> Layout {
        let model = try await ItemFormModel.load(
            AgendaItemPlace(c.partnership, c.meeting, item), input: input,
            errors: errors, paperTitle: paperTitle, paperURL: paperURL,
            context: req.pageContext, in: req.scope)
        return ItemFormView.render(model)
    }

    @Sendable static func editItem(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        let value = try await MeetingBusiness.itemValue(item, partnership: c.partnership, in: req.scope)
        return try await itemForm(c, item, ItemFormInput(value), req).response()
    }

    @Sendable static func updateItem(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        let input = try req.content.decode(ItemFormInput.self)
        var (parsed, errors) = input.parse()
        if let parsed {
            errors = try await MeetingBusiness.updateItem(
                item, parsed, partnership: c.partnership,
                in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: agendaHref(c)) }
        return try await itemForm(c, item, input, errors: errors, req).response(status: .unprocessableEntity)
    }

    struct DecisionInput: Content { var decision: String?; var rationale: String? }

    @Sendable static func decisionForm(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        let model = DecisionFormModel(
            context: req.pageContext, place: AgendaItemPlace(c.partnership, c.meeting, item),
            input: DecisionInput(decision: item.decision, rationale: item.rationale))
        return DecisionFormView.render(model).response()
    }

    @Sendable static func recordDecision(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        let input = try req.content.decode(DecisionInput.self)
        let reader = FormReader()
        let errors = try await MeetingBusiness.recordDecision(
            item, decision: reader.text(input.decision),
            rationale: reader.text(input.rationale), in: req.scope)
        if errors.isEmpty {
            return req.redirect(
                to: MeetingPath.meeting(
                    c.partnership.key,
                    c.meeting.key
                ).href(fragment: "item-\(item.key)"))
        }
        let model = DecisionFormModel(
            context: req.pageContext, place: AgendaItemPlace(c.partnership, c.meeting, item),
            input: input, errors: errors)
        return DecisionFormView.render(model).response(status: .unprocessableEntity)
    }

    struct PaperUpload: Content {
        var title: String?
        var url: String?
        var file: File?
        enum CodingKeys: String, CodingKey { case url, file, title = "paper_title" }
    }

    @Sendable static func addPaper(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        let upload = try req.content.decode(PaperUpload.self)
        let reader = FormReader()
        let file = upload.file.flatMap { f in
            f.data.readableBytes == 0 && f.filename.isEmpty ? nil : (name: f.filename, data: Data(buffer: f.data))
        }
        let errors = try await MeetingBusiness.addPaper(
            to: item, title: reader.text(upload.title),
            url: reader.text(upload.url),
            file: file, in: req.scope)
        if errors.isEmpty {
            let href = MeetingPath.item(
                c.partnership.key, c.meeting.key, item: item.key,
                .edit
            ).href(fragment: "papers")
            return req.redirect(to: href)
        }
        let value = try await MeetingBusiness.itemValue(item, partnership: c.partnership, in: req.scope)
        return try await itemForm(
            c, item, ItemFormInput(value), errors: errors, paperTitle: upload.title,
            paperURL: upload.url, req
        ).response(status: .unprocessableEntity)
    }
}
