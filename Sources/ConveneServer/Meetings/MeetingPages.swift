// Over 400 lines: every route of a board's meetings pages and their handlers, registered in one table.
import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The pages a secretariat runs a board with: its meetings, one meeting (agenda, attendance, decisions, minutes,
/// actions), the agenda editor, the attendance register, the minutes, the action log and calendar import.
/// Reading is for everyone in the workspace; changing is the partnership's business (`Require` with its secretariat).
enum MeetingPages {
    static func register(read: RoutesBuilder, business: RoutesBuilder) {
        let p = ":key"
        let m = ":meeting"
        let item = ":item"
        let papers = ByteCount(value: MeetingBusiness.maximumPaperSize + 64 * 1024)
        read.get(MeetingPath.meetings(p), use: meetings)
        read.get(MeetingPath.meeting(p, m), use: meeting)
        read.get(MeetingPath.paper(p, m, paper: ":paper"), use: paper)
        read.get(MeetingPath.actions(p), use: actionLog)
        read.get(MeetingPath.action(p, ":action"), use: action)

        business.get(MeetingPath.newMeeting(p), use: newMeeting)
        business.post(MeetingPath.newMeeting(p), use: createMeeting)
        business.get(MeetingPath.newSeries(p), use: newSeries)
        business.post(MeetingPath.newSeries(p), use: createSeries)
        business.get(MeetingPath.importCalendar(p), use: importForm)
        business.on(
            .POST, MeetingPath.importCalendar(p).route,
            body: .collect(maxSize: ByteCount(value: ImportPage.maximumSize)),
            use: importCalendar)
        business.post(MeetingPath.backlog(p), use: proposeItem)
        business.get(MeetingPath.meeting(p, m, .edit), use: editMeeting)
        business.post(MeetingPath.meeting(p, m, .edit), use: updateMeeting)
        business.get(MeetingPath.meeting(p, m, .agenda), use: agenda)
        business.post(MeetingPath.meeting(p, m, .agenda), use: addItem)
        business.post(MeetingPath.item(p, m, item: item, .move), use: moveItem)
        business.post(MeetingPath.item(p, m, item: item, .schedule), use: scheduleItem)
        business.get(MeetingPath.item(p, m, item: item, .edit), use: editItem)
        business.post(MeetingPath.item(p, m, item: item, .edit), use: updateItem)
        business.get(MeetingPath.item(p, m, item: item, .decision), use: decisionForm)
        business.post(MeetingPath.item(p, m, item: item, .decision), use: recordDecision)
        business.on(
            .POST, MeetingPath.item(p, m, item: item, .papers).route, body: .collect(maxSize: papers), use: addPaper)
        business.get(MeetingPath.meeting(p, m, .attendance), use: attendanceForm)
        business.post(MeetingPath.meeting(p, m, .attendance), use: recordAttendance)
        business.get(MeetingPath.meeting(p, m, .minutes), use: minutesForm)
        business.post(MeetingPath.meeting(p, m, .minutes), use: saveMinutes)
        business.post(MeetingPath.meeting(p, m, .approveMinutes), use: approveMinutes)
        business.post(MeetingPath.meeting(p, m, .lockMinutes), use: lockMinutes)
        business.post(MeetingPath.meeting(p, m, .addenda), use: addAddendum)
        business.get(MeetingPath.newAction(p), use: newAction)
        business.post(MeetingPath.newAction(p), use: createAction)
        business.post(MeetingPath.actionUpdates(p, ":action"), use: updateAction)
    }

    // MARK: Loading

    struct Context {
        var partnership: PartnershipRecord
        var meeting: MeetingRecord
    }

    static func partnership(_ req: Request) async throws -> PartnershipRecord {
        try await RegisterQueries.partnership(try req.parameters.require("key"), in: req.scope)
    }

    static func context(_ req: Request) async throws -> Context {
        let partnership = try await partnership(req)
        let meeting = try await MeetingStore.meeting(
            try req.parameters.require("meeting"), of: partnership, in: req.scope)
        return Context(partnership: partnership, meeting: meeting)
    }

    static func page(_ req: Request) -> Int { max(1, min(100_000, (try? req.query.get(Int.self, at: "page")) ?? 1)) }

    /// A secretariat user may make a meeting joint with a partnership, or stop it being joint with one, only when
    /// that partnership has been given to them too: its meetings list changes.
    static func jointErrors(_ meeting: Meeting, before: Meeting?, _ req: Request) async throws -> [FieldError] {
        guard let principal = req.principal, principal.role < .editor else { return [] }
        let changed = Set(meeting.jointWith).symmetricDifference(before?.jointWith ?? [])
        guard !changed.isEmpty else { return [] }
        let given = try await PartnershipGrants.keysGiven(to: principal.userID, in: req.scope)
        return changed.subtracting(given).sorted().map {
            FieldError(
                "joint_with", "You are not the secretariat of '\($0)', so you cannot change its meetings; ask an editor"
            )
        }
    }

    // MARK: Meetings of a partnership

    /// Kept against the data version until the next meeting of the workspace starts.
    @Sendable static func meetings(req: Request) async throws -> Response {
        let mayEdit = try await MeetingAccess.mayEdit(
            try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        return try await KeptPages.page(
            "meetings", req, varying: ["edit=\(mayEdit)"],
            expires: { try await MeetingStore.nextStart(after: req.now(), in: req.scope) },
            make: { context in
                var model = try await MeetingListModel.load(
                    try await partnership(req), page: page(req), mayEdit: mayEdit, context: context, in: req.scope)
                model.scheduled = (try? req.query.get(Int.self, at: "scheduled")).flatMap { $0 >= 0 ? $0 : nil }
                return .page(MeetingListView.render(model))
            })
    }

    @Sendable static func proposeItem(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let input = try req.content.decode(ItemFormInput.self)
        var (parsed, errors) = input.parse()
        if let parsed {
            errors = try await MeetingBusiness.addItem(parsed, partnership: partnership, meeting: nil, in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: MeetingPath.meetings(partnership.key).href(fragment: "backlog")) }
        let mayEdit = try await MeetingAccess.mayEdit(partnership.key, context: req.pageContext, in: req.scope)
        var model = try await MeetingListModel.load(
            partnership, page: 1, mayEdit: mayEdit, context: req.pageContext, in: req.scope)
        (model.input, model.errors) = (input, errors)
        return MeetingListView.render(model).response(status: .unprocessableEntity)
    }

    /// The meeting form: a new meeting of the partnership, or a change to `meeting`.
    private static func meetingForm(
        _ partnership: PartnershipRecord, _ meeting: MeetingRecord?,
        _ input: MeetingFormInput, errors: [FieldError] = [],
        _ req: Request
    ) async throws -> Layout {
        let action =
            meeting.map { MeetingPath.meeting(partnership.key, $0.key, .edit).href }
            ?? MeetingPath.newMeeting(partnership.key).href
        let title = meeting.map { "Change \($0.name)" } ?? "Schedule a meeting"
        let model = try await MeetingFormModel.load(
            partnership, input: input, errors: errors, action: action,
            title: title, context: req.pageContext, in: req.scope)
        return MeetingFormView.render(model)
    }

    @Sendable static func newMeeting(req: Request) async throws -> Response {
        try await meetingForm(try await partnership(req), nil, MeetingFormInput(), req).response()
    }

    @Sendable static func createMeeting(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let input = try req.content.decode(MeetingFormInput.self)
        let day = Day(input.date ?? "")?.description ?? "meeting"
        let (key, errors) = try await req.scope.withUnusedKey(
            Key.slug(partnership.key, day), MeetingRecord.self, key: \.$key
        ) { key in
            var (meeting, errors) = input.parse(key: key, partnershipKey: partnership.key)
            if let meeting, errors.isEmpty { errors = try await jointErrors(meeting, before: nil, req) }
            if let meeting, errors.isEmpty { errors = try await MeetingBusiness.createMeeting(meeting, in: req.scope) }
            return (key, errors)
        }
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(partnership.key, key).href) }
        return try await meetingForm(partnership, nil, input, errors: errors, req)
            .response(status: .unprocessableEntity)
    }

    @Sendable static func editMeeting(req: Request) async throws -> Response {
        let c = try await context(req)
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        return try await meetingForm(c.partnership, c.meeting, MeetingFormInput(detail.meeting), req).response()
    }

    @Sendable static func updateMeeting(req: Request) async throws -> Response {
        let c = try await context(req)
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        let input = try req.content.decode(MeetingFormInput.self)
        var (meeting, errors) = input.parse(key: c.meeting.key, partnershipKey: detail.meeting.partnershipKey)
        if var meeting, errors.isEmpty {
            meeting.seriesKey = detail.meeting.seriesKey
            meeting.calendarKey = detail.meeting.calendarKey
            errors = try await jointErrors(meeting, before: detail.meeting, req)
            if errors.isEmpty {
                errors = try await MeetingBusiness.updateMeeting(
                    c.meeting, from: detail.meeting, to: meeting,
                    in: req.scope)
            }
        }
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key).href) }
        return try await meetingForm(c.partnership, c.meeting, input, errors: errors, req)
            .response(status: .unprocessableEntity)
    }

    @Sendable static func newSeries(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let model = SeriesFormModel(context: req.pageContext, partnership: PartnershipRef(partnership))
        return SeriesFormView.render(model).response()
    }

    @Sendable static func createSeries(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let input = try req.content.decode(SeriesFormInput.self)
        let key = Key.slug(partnership.key, input.name ?? "")
        var (series, template, errors) = input.parse(key: key, partnershipKey: partnership.key)
        if let series, errors.isEmpty {
            let (found, created) = try await MeetingBusiness.scheduleSeries(series, template: template, in: req.scope)
            errors = found
            if errors.isEmpty {
                return req.redirect(to: MeetingPath.meetings(partnership.key).href(["scheduled": String(created)]))
            }
        }
        let model = SeriesFormModel(
            context: req.pageContext, partnership: PartnershipRef(partnership), input: input,
            errors: errors)
        return SeriesFormView.render(model).response(status: .unprocessableEntity)
    }

    // MARK: One meeting

    /// A meeting's page shows its business as of the day, so it is kept against the data version (`KeptPages`).
    @Sendable static func meeting(req: Request) async throws -> Response {
        let mayEdit = try await MeetingAccess.mayEdit(
            try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        return try await KeptPages.page("meeting", req, varying: ["edit=\(mayEdit)"]) { pageContext in
            let c = try await context(req)
            let model = try await MeetingPageModel.load(
                c.partnership, c.meeting, mayEdit: mayEdit, context: pageContext, in: req.scope)
            return .page(MeetingPageView.render(model))
        }
    }

    @Sendable static func paper(req: Request) async throws -> Response {
        let c = try await context(req)
        let key = try req.parameters.require("paper")
        guard let paper = try await PaperRecord.query(in: req.scope).filter(\.$key == key).with(\.$item).first(),
            paper.item.$meeting.id == c.meeting.id
        else { throw Problem.notFound("The paper '\(key)'") }
        if let url = paper.url { return req.redirect(to: url) }
        guard
            let content = try await PaperContentRecord.query(in: req.scope).filter(\.$paper.$id == paper.requireID())
                .first()
        else {
            throw Problem.notFound("The file of '\(paper.title)'")
        }
        let response = Response(status: .ok, body: .init(data: content.data))
        response.headers.replaceOrAdd(name: .contentType, value: paper.contentType ?? "application/octet-stream")
        // Always a download, never shown in Convene's own origin.
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"\(paper.fileName ?? "paper")\"")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox")
        return response
    }

    // MARK: Minutes

    struct MinutesInput: Content {
        var text: String?
        var atMeeting: String?
        enum CodingKeys: String, CodingKey { case text, atMeeting = "at_meeting" }
    }

    private static func minutesPage(
        _ c: Context, _ req: Request, text: String? = nil, errors: [FieldError] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let model = try await MinutesFormModel.load(
            c.partnership, c.meeting, text: text, errors: errors,
            context: req.pageContext, in: req.scope)
        return MinutesFormView.render(model).response(status: status)
    }

    @Sendable static func minutesForm(req: Request) async throws -> Response {
        try await minutesPage(try await context(req), req)
    }

    private static func change(
        _ req: Request, _ make: (Context, MinutesInput) async throws -> MeetingBusiness.MinutesChange
    ) async throws -> Response {
        let c = try await context(req)
        let input = try req.content.decode(MinutesInput.self)
        let errors = try await MeetingBusiness.changeMinutes(c.meeting, try await make(c, input), in: req.scope)
        if errors.isEmpty {
            return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key).href(fragment: "minutes"))
        }
        return try await minutesPage(c, req, text: input.text, errors: errors, status: .unprocessableEntity)
    }

    @Sendable static func saveMinutes(req: Request) async throws -> Response {
        try await change(req) { _, input in .edit(input.text ?? "") }
    }

    /// Approves the minutes, normally at the next meeting, named by `at_meeting` (a meeting of the same partnership).
    @Sendable static func approveMinutes(req: Request) async throws -> Response {
        try await change(req) { c, input in
            var at: MeetingRecord?
            if let key = FormReader().text(input.atMeeting) {
                at = try await MeetingStore.meeting(key, of: c.partnership, in: req.scope)
            }
            return .approve(on: req.now.today, atMeeting: at)
        }
    }

    @Sendable static func lockMinutes(req: Request) async throws -> Response {
        try await change(req) { _, _ in .lock }
    }

    @Sendable static func addAddendum(req: Request) async throws -> Response {
        try await change(req) { _, input in .addendum(input.text ?? "", on: req.now.today) }
    }

    // MARK: Actions

    @Sendable static func actionLog(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let filter =
            (try? req.query.get(String.self, at: "show")).flatMap(MeetingStore.ActionFilter.init(rawValue:))
            ?? .outstanding
        let model = try await ActionLogModel.load(
            partnership, filter: filter, page: page(req),
            context: req.pageContext, in: req.scope)
        return ActionLogView.render(model).response()
    }

    private static func actionFormPage(
        _ partnership: PartnershipRecord, _ req: Request, input: ActionFormInput,
        errors: [FieldError],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let model = try await ActionFormModel.load(
            partnership, input: input, errors: errors, context: req.pageContext,
            in: req.scope)
        return ActionFormView.render(model).response(status: status)
    }

    @Sendable static func newAction(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        var input = ActionFormInput()
        input.meeting = try? req.query.get(String.self, at: "meeting")
        input.itemKey = try? req.query.get(String.self, at: "item")
        return try await actionFormPage(partnership, req, input: input, errors: [])
    }

    @Sendable static func createAction(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let input = try req.content.decode(ActionFormInput.self)
        var meeting: MeetingRecord?
        var item: AgendaItemRecord?
        if let key = FormReader().text(input.meeting) {
            meeting = try await MeetingStore.meeting(key, of: partnership, in: req.scope)
        }
        // An action is raised on the day of its meeting, which may be before today.
        let raised = meeting.map { min(req.now.today, WallClock.day(of: $0.startsAt)) } ?? req.now.today
        var (action, errors) = input.parse(partnershipKey: partnership.key, today: raised)
        if let key = action.itemKey {
            item = try await MeetingStore.item(key, of: partnership, in: req.scope)
            if meeting == nil || item?.$meeting.id != meeting?.id {
                errors.append(FieldError("item_key", "The item is not on this meeting's agenda"))
            }
        }
        if errors.isEmpty {
            let (found, _) = try await MeetingBusiness.addAction(
                action, partnership: partnership, meeting: meeting, item: item, in: req.scope)
            errors = found
        }
        if errors.isEmpty {
            return req.redirect(
                to: meeting.map { MeetingPath.meeting(partnership.key, $0.key).href(fragment: "actions") }
                    ?? MeetingPath.actions(partnership.key).href)
        }
        return try await actionFormPage(partnership, req, input: input, errors: errors, status: .unprocessableEntity)
    }

    @Sendable static func action(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let record = try await MeetingStore.action(try req.parameters.require("action"), of: partnership, in: req.scope)
        return try await actionPage(partnership, record, req, errors: [])
    }

    private static func actionPage(
        _ partnership: PartnershipRecord, _ record: ActionRecord, _ req: Request,
        errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let model = try await ActionPageModel.load(
            partnership, record, errors: errors, context: req.pageContext,
            in: req.scope)
        return ActionPageView.render(model).response(status: status)
    }

    struct UpdateInput: Content { var text: String?; var status: String? }

    @Sendable static func updateAction(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let record = try await MeetingStore.action(try req.parameters.require("action"), of: partnership, in: req.scope)
        let input = try req.content.decode(UpdateInput.self)
        var reader = FormReader()
        let status: ActionStatus? = reader.vocabulary(input.status, "status", "status", required: false)
        var errors = reader.errors
        if errors.isEmpty {
            errors = try await MeetingBusiness.updateAction(
                record, text: input.text, status: status, on: req.now.today, in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: MeetingPath.action(partnership.key, record.key).href) }
        return try await actionPage(partnership, record, req, errors: errors, status: .unprocessableEntity)
    }

    // MARK: Calendar import

    @Sendable static func importForm(req: Request) async throws -> Response {
        let partnership = PartnershipRef(try await partnership(req))
        let model = CalendarImportModel(context: req.pageContext, partnership: partnership)
        return CalendarImportView.render(model).response()
    }

    struct CalendarUpload: Content { var file: File? }

    @Sendable static func importCalendar(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let upload = try req.content.decode(CalendarUpload.self)
        let data = upload.file.map { Data(buffer: $0.data) } ?? Data()
        if data.isEmpty {
            let empty = FieldError("file", "Select a calendar file (.ics); the one chosen is empty")
            let model = CalendarImportModel(
                context: req.pageContext, partnership: PartnershipRef(partnership),
                errors: [empty])
            return CalendarImportView.render(model).response(status: .unprocessableEntity)
        }
        let name = upload.file?.filename ?? "the file"
        switch try await MeetingBusiness.importCalendar(data, into: partnership, in: req.scope) {
        case .rejected(let issues):
            let rejected = ImportPage.rejected(
                ImportPage.RejectedModel(
                    context: req.pageContext, name: name, issues: issues,
                    retry: MeetingPath.importCalendar(partnership.key).href,
                    breadcrumbs: MeetingParts.crumbs(PartnershipRef(partnership))))
            return rejected.response(status: .unprocessableEntity)
        case .imported(let result):
            let model = CalendarImportedModel(
                context: req.pageContext, partnership: PartnershipRef(partnership),
                name: name, result: result)
            return CalendarImportView.render(model).response()
        }
    }
}
