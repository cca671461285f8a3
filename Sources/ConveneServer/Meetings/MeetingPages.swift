import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The pages a secretariat runs a board with: its meetings, one meeting (agenda, attendance, decisions, minutes,
/// actions), the agenda editor, the attendance register, the minutes, the action log and calendar import.
/// Reading is for everyone in the workspace; changing is the partnership's business (`Require` with its secretariat).
enum MeetingPages {
    static func register(read: RoutesBuilder, business: RoutesBuilder) {
        let p = ":key", m = ":meeting", item = ":item"
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
        business.on(.POST, MeetingPath.importCalendar(p).route, body: .collect(maxSize: ByteCount(value: ImportPage.maximumSize)),
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
        business.on(.POST, MeetingPath.item(p, m, item: item, .papers).route, body: .collect(maxSize: papers), use: addPaper)
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
        let meeting = try await MeetingStore.meeting(try req.parameters.require("meeting"), of: partnership, in: req.scope)
        return Context(partnership: partnership, meeting: meeting)
    }

    static func page(_ req: Request) -> Int { max(1, min(100_000, (try? req.query.get(Int.self, at: "page")) ?? 1)) }

    static func mayEdit(_ partnership: PartnershipRecord, _ req: Request) async throws -> Bool {
        try await PartnershipGrants.mayEdit(partnership.key, req)
    }

    /// A secretariat user may make a meeting joint with a partnership, or stop it being joint with one, only when
    /// that partnership has been given to them too: its meetings list changes.
    static func jointErrors(_ meeting: Meeting, before: Meeting?, _ req: Request) async throws -> [FieldError] {
        guard let principal = req.principal, principal.role < .editor else { return [] }
        let changed = Set(meeting.jointWith).symmetricDifference(before?.jointWith ?? [])
        guard !changed.isEmpty else { return [] }
        let given = try await PartnershipGrants.keysGiven(to: principal.userID, in: req.scope)
        return changed.subtracting(given).sorted().map {
            FieldError("joint_with", "You are not the secretariat of '\($0)', so you cannot change its meetings; ask an editor")
        }
    }

    // MARK: Meetings of a partnership

    @Sendable static func meetings(req: Request) async throws -> Response {
        try await listPage(try await partnership(req), req, page: page(req), scheduled: (try? req.query.get(Int.self, at: "scheduled")).flatMap { $0 >= 0 ? $0 : nil })
    }

    /// The meetings list; with the form to propose an item (and its choices) only for those who may use it.
    private static func listPage(_ partnership: PartnershipRecord, _ req: Request, page: Int, input: ItemFormInput = ItemFormInput(),
                                 errors: [FieldError] = [], status: HTTPResponseStatus = .ok, scheduled: Int? = nil) async throws -> Response {
        let now = req.now()
        let upcoming = try await MeetingStore.meetings(of: partnership, upcoming: true, from: now, page: 1, per: 12, in: req.scope)
        let past = try await MeetingStore.meetings(of: partnership, upcoming: false, from: now, page: page, per: 20, in: req.scope)
        let backlog = try await AgendaItemRecord.query(in: req.scope).filter(\.$partnership.$id == partnership.requireID())
            .filter(\.$meeting.$id == nil).sort(\.$key).all()
        let mayEdit = try await mayEdit(partnership, req)
        let themes = mayEdit ? try await MeetingStore.themes(in: req.scope) : []
        let persons = mayEdit ? try await RecordChoices.load(in: req.scope).persons : []
        return MeetingViews.list(context: req.pageContext, partnership, upcoming: upcoming, past: past, page: page, backlog: backlog, themes: themes,
                                 persons: persons, mayEdit: mayEdit, errors: errors, input: input, scheduled: scheduled).response(status: status)
    }

    @Sendable static func proposeItem(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let input = try req.content.decode(ItemFormInput.self)
        var (parsed, errors) = input.parse()
        if let parsed { errors = try await MeetingBusiness.addItem(parsed, partnership: partnership, meeting: nil, in: req.scope) }
        if errors.isEmpty { return req.redirect(to: MeetingPath.meetings(partnership.key).href(fragment: "backlog")) }
        return try await listPage(partnership, req, page: 1, input: input, errors: errors, status: .unprocessableEntity)
    }

    private static func otherPartnerships(_ partnership: PartnershipRecord, in scope: Scope) async throws -> [(String, String)] {
        try await PartnershipRecord.query(in: scope).filter(\.$key != partnership.key).sort(\.$name).all().map { ($0.key, $0.name) }
    }

    @Sendable static func newMeeting(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        return MeetingViews.meetingForm(context: req.pageContext, MeetingFormInput(), partnership: partnership, others: try await otherPartnerships(partnership, in: req.scope),
                                        errors: [], action: MeetingPath.newMeeting(partnership.key).href, title: "Schedule a meeting").response()
    }

    @Sendable static func createMeeting(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let input = try req.content.decode(MeetingFormInput.self)
        let day = Day(input.date ?? "")?.description ?? "meeting"
        let key = try await RegisterEdits.freshKey(for: Key.slug(partnership.key, day)) { candidate in
            try await MeetingRecord.query(in: req.scope).filter(\.$key == candidate).count() > 0
        }
        var (meeting, errors) = input.parse(key: key, partnershipKey: partnership.key)
        if let meeting, errors.isEmpty { errors = try await jointErrors(meeting, before: nil, req) }
        if let meeting, errors.isEmpty { errors = try await MeetingBusiness.createMeeting(meeting, in: req.scope) }
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(partnership.key, key).href) }
        return MeetingViews.meetingForm(context: req.pageContext, input, partnership: partnership, others: try await otherPartnerships(partnership, in: req.scope),
                                        errors: errors, action: MeetingPath.newMeeting(partnership.key).href, title: "Schedule a meeting")
            .response(status: .unprocessableEntity)
    }

    @Sendable static func editMeeting(req: Request) async throws -> Response {
        let c = try await context(req)
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        return MeetingViews.meetingForm(context: req.pageContext, MeetingFormInput(detail.meeting), partnership: c.partnership,
                                        others: try await otherPartnerships(c.partnership, in: req.scope), errors: [],
                                        action: MeetingPath.meeting(c.partnership.key, c.meeting.key, .edit).href, title: "Change \(c.meeting.name)").response()
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
            if errors.isEmpty { errors = try await MeetingBusiness.updateMeeting(c.meeting, from: detail.meeting, to: meeting, in: req.scope) }
        }
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key).href) }
        return MeetingViews.meetingForm(context: req.pageContext, input, partnership: c.partnership, others: try await otherPartnerships(c.partnership, in: req.scope),
                                        errors: errors, action: MeetingPath.meeting(c.partnership.key, c.meeting.key, .edit).href, title: "Change \(c.meeting.name)")
            .response(status: .unprocessableEntity)
    }

    @Sendable static func newSeries(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        return MeetingViews.seriesForm(context: req.pageContext, SeriesFormInput(), partnership: partnership, errors: []).response()
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
        return MeetingViews.seriesForm(context: req.pageContext, input, partnership: partnership, errors: errors).response(status: .unprocessableEntity)
    }

    // MARK: One meeting

    @Sendable static func meeting(req: Request) async throws -> Response {
        let c = try await context(req)
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        return MeetingViews.meetingPage(context: req.pageContext, detail, today: req.now.today, mayEdit: try await mayEdit(c.partnership, req)).response()
    }

    @Sendable static func paper(req: Request) async throws -> Response {
        let c = try await context(req)
        let key = try req.parameters.require("paper")
        guard let paper = try await PaperRecord.query(in: req.scope).filter(\.$key == key).with(\.$item).first(),
              paper.item.$meeting.id == c.meeting.id else { throw Problem.notFound("The paper '\(key)'") }
        if let url = paper.url { return req.redirect(to: url) }
        guard let content = try await PaperContentRecord.query(in: req.scope).filter(\.$paper.$id == paper.requireID()).first() else {
            throw Problem.notFound("The file of '\(paper.title)'")
        }
        let response = Response(status: .ok, body: .init(data: content.data))
        response.headers.replaceOrAdd(name: .contentType, value: paper.contentType ?? "application/octet-stream")
        // Always a download, never shown in Convene's own origin.
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(paper.fileName ?? "paper")\"")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox")
        return response
    }

    // MARK: Agenda

    private static func agendaPage(_ c: Context, _ req: Request, input: ItemFormInput = ItemFormInput(), errors: [FieldError] = [],
                                   status: HTTPResponseStatus = .ok) async throws -> Response {
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        let backlog = try await AgendaItemRecord.query(in: req.scope).filter(\.$partnership.$id == c.partnership.requireID())
            .filter(\.$meeting.$id == nil).sort(\.$key).all()
        return MeetingViews.agendaEditor(context: req.pageContext, detail, backlog: backlog, themes: try await MeetingStore.themes(in: req.scope),
                                         persons: try await RecordChoices.load(in: req.scope).persons, input: input, errors: errors)
            .response(status: status)
    }

    @Sendable static func agenda(req: Request) async throws -> Response {
        try await agendaPage(try await context(req), req)
    }

    @Sendable static func addItem(req: Request) async throws -> Response {
        let c = try await context(req)
        let input = try req.content.decode(ItemFormInput.self)
        var (parsed, errors) = input.parse()
        if let parsed { errors = try await MeetingBusiness.addItem(parsed, partnership: c.partnership, meeting: c.meeting, in: req.scope) }
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key, .agenda).href) }
        return try await agendaPage(c, req, input: input, errors: errors, status: .unprocessableEntity)
    }

    @Sendable static func moveItem(req: Request) async throws -> Response {
        let c = try await context(req)
        let item = try await MeetingStore.item(try req.parameters.require("item"), of: c.partnership, in: req.scope)
        guard item.$meeting.id == c.meeting.id else { throw Problem.notFound("The item '\(item.key)' on this agenda") }
        struct Move: Content { var move: String? }
        guard let move = (try? req.content.decode(Move.self))?.move.flatMap(MeetingBusiness.ItemMove.init(rawValue:)) else {
            return try await agendaPage(c, req, errors: [FieldError("item", "Choose up, down, to the backlog or remove")], status: .unprocessableEntity)
        }
        let errors = try await MeetingBusiness.move(item, move, partnership: c.partnership, in: req.scope)
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key, .agenda).href) }
        return try await agendaPage(c, req, errors: errors, status: .unprocessableEntity)
    }

    @Sendable static func scheduleItem(req: Request) async throws -> Response {
        let c = try await context(req)
        let item = try await MeetingStore.item(try req.parameters.require("item"), of: c.partnership, in: req.scope)
        let errors = try await MeetingBusiness.schedule(item, on: c.meeting, partnership: c.partnership, in: req.scope)
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key, .agenda).href) }
        return try await agendaPage(c, req, errors: errors, status: .unprocessableEntity)
    }

    private static func itemOnAgenda(_ req: Request) async throws -> (Context, AgendaItemRecord) {
        let c = try await context(req)
        let item = try await MeetingStore.item(try req.parameters.require("item"), of: c.partnership, in: req.scope)
        guard item.$meeting.id == c.meeting.id else { throw Problem.notFound("The item '\(item.key)' on this agenda") }
        return (c, item)
    }

    @Sendable static func editItem(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        let value = try await MeetingBusiness.itemValue(item, partnership: c.partnership, in: req.scope)
        return MeetingViews.itemForm(context: req.pageContext, ItemFormInput(value), meeting: c, item: item, themes: try await MeetingStore.themes(in: req.scope),
                                     persons: try await RecordChoices.load(in: req.scope).persons, errors: []).response()
    }

    @Sendable static func updateItem(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        let input = try req.content.decode(ItemFormInput.self)
        var (parsed, errors) = input.parse()
        if let parsed { errors = try await MeetingBusiness.updateItem(item, parsed, partnership: c.partnership, in: req.scope) }
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key, .agenda).href) }
        return MeetingViews.itemForm(context: req.pageContext, input, meeting: c, item: item, themes: try await MeetingStore.themes(in: req.scope),
                                     persons: try await RecordChoices.load(in: req.scope).persons, errors: errors).response(status: .unprocessableEntity)
    }

    struct DecisionInput: Content { var decision: String?; var rationale: String? }

    @Sendable static func decisionForm(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        return MeetingViews.decisionForm(context: req.pageContext, DecisionInput(decision: item.decision, rationale: item.rationale), meeting: c, item: item, errors: []).response()
    }

    @Sendable static func recordDecision(req: Request) async throws -> Response {
        let (c, item) = try await itemOnAgenda(req)
        let input = try req.content.decode(DecisionInput.self)
        let reader = FormReader()
        let errors = try await MeetingBusiness.recordDecision(item, decision: reader.text(input.decision), rationale: reader.text(input.rationale), in: req.scope)
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key).href(fragment: "item-\(item.key)")) }
        return MeetingViews.decisionForm(context: req.pageContext, input, meeting: c, item: item, errors: errors).response(status: .unprocessableEntity)
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
        let file = upload.file.flatMap { f in f.data.readableBytes == 0 && f.filename.isEmpty ? nil : (name: f.filename, data: Data(buffer: f.data)) }
        let errors = try await MeetingBusiness.addPaper(to: item, title: reader.text(upload.title), url: reader.text(upload.url), file: file, in: req.scope)
        if errors.isEmpty { return req.redirect(to: MeetingPath.item(c.partnership.key, c.meeting.key, item: item.key, .edit).href(fragment: "papers")) }
        let value = try await MeetingBusiness.itemValue(item, partnership: c.partnership, in: req.scope)
        return MeetingViews.itemForm(context: req.pageContext, ItemFormInput(value), meeting: c, item: item, themes: try await MeetingStore.themes(in: req.scope),
                                     persons: try await RecordChoices.load(in: req.scope).persons, errors: errors, paperTitle: upload.title,
                                     paperURL: upload.url).response(status: .unprocessableEntity)
    }

    // MARK: Attendance

    @Sendable static func attendanceForm(req: Request) async throws -> Response {
        let c = try await context(req)
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        return MeetingViews.attendanceForm(context: req.pageContext, detail, posted: nil, persons: try await RecordChoices.load(in: req.scope).persons, errors: []).response()
    }

    /// Reads the register as posted: per member `status-KEY` (present, present-online, substitute meaning "sent a
    /// substitute", apologies, absent), `substitute-KEY`, `preparation-KEY`, `travel-KEY` and `attended-KEY` (the minutes
    /// there, for someone there for part of the meeting); and up to five others as `other-N` with `other-status-N`.
    static func parseAttendance(_ form: [String: String], detail: MeetingStore.Detail) -> ([Attendance], [FieldError]) {
        var reader = FormReader()
        var rows: [Attendance] = []
        func minutes(_ name: String, _ key: String) -> Int? {
            reader.number(form["\(name)-\(key)"], "\(name)-\(key)", "The \(name) time")
        }
        for member in detail.members {
            let key = member.person.key
            guard let status = reader.text(form["status-\(key)"]) else { continue }
            let prep = minutes("preparation", key), travel = minutes("travel", key), part = minutes("attended", key)
            guard let parsed = AttendanceStatus(rawValue: status) else {
                reader.errors.append(FieldError("status-\(key)", "'\(status)' is not a kind of attendance"))
                continue
            }
            if parsed == .substitute {
                guard let substitute = reader.text(form["substitute-\(key)"]) else {
                    reader.errors.append(FieldError("substitute-\(key)", "Select who attended in place of \(member.person.name)"))
                    continue
                }
                rows.append(Attendance(personKey: key, status: .apologies))
                rows.append(Attendance(personKey: substitute, status: .substitute, substituteForKey: key, preparationMinutes: prep, travelMinutes: travel,
                                       attendedMinutes: part))
            } else {
                rows.append(Attendance(personKey: key, status: parsed, preparationMinutes: prep, travelMinutes: travel, attendedMinutes: part))
            }
        }
        for n in 1...5 {
            guard let person = reader.text(form["other-\(n)"]) else { continue }
            let status = AttendanceStatus(rawValue: reader.text(form["other-status-\(n)"]) ?? "present") ?? .present
            rows.append(Attendance(personKey: person, status: status == .substitute ? .present : status,
                                   preparationMinutes: minutes("preparation", "other-\(n)"), travelMinutes: minutes("travel", "other-\(n)"),
                                   attendedMinutes: minutes("attended", "other-\(n)")))
        }
        return (rows, reader.errors)
    }

    @Sendable static func recordAttendance(req: Request) async throws -> Response {
        let c = try await context(req)
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        let form = try req.content.decode([String: String].self)
        var (rows, errors) = parseAttendance(form, detail: detail)
        if errors.isEmpty { errors = try await MeetingBusiness.recordAttendance(c.meeting, rows, detail: detail, in: req.scope) }
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key).href(fragment: "attendance")) }
        return MeetingViews.attendanceForm(context: req.pageContext, detail, posted: form, persons: try await RecordChoices.load(in: req.scope).persons, errors: errors)
            .response(status: .unprocessableEntity)
    }

    // MARK: Minutes

    struct MinutesInput: Content {
        var text: String?
        var atMeeting: String?
        enum CodingKeys: String, CodingKey { case text, atMeeting = "at_meeting" }
    }

    private static func minutesPage(_ c: Context, _ req: Request, text: String? = nil, errors: [FieldError] = [],
                                    status: HTTPResponseStatus = .ok) async throws -> Response {
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        let later = try await MeetingRecord.query(in: req.scope).filter(\.$partnership.$id == c.meeting.$partnership.id)
            .filter(\.$startsAt >= c.meeting.startsAt).filter(\.$status != MeetingStatus.cancelled.rawValue).sort(\.$startsAt).limit(6).all()
        return MeetingViews.minutesForm(context: req.pageContext, detail, text: text, laterMeetings: later, today: req.now.today, errors: errors).response(status: status)
    }

    @Sendable static func minutesForm(req: Request) async throws -> Response {
        try await minutesPage(try await context(req), req)
    }

    private static func change(_ req: Request, _ make: (Context, MinutesInput) async throws -> MeetingBusiness.MinutesChange) async throws -> Response {
        let c = try await context(req)
        let input = try req.content.decode(MinutesInput.self)
        let errors = try await MeetingBusiness.changeMinutes(c.meeting, try await make(c, input), in: req.scope)
        if errors.isEmpty { return req.redirect(to: MeetingPath.meeting(c.partnership.key, c.meeting.key).href(fragment: "minutes")) }
        return try await minutesPage(c, req, text: input.text, errors: errors, status: .unprocessableEntity)
    }

    @Sendable static func saveMinutes(req: Request) async throws -> Response {
        try await change(req) { _, input in .edit(input.text ?? "") }
    }

    /// Approves the minutes, normally at the next meeting, named by `at_meeting` (a meeting of the same partnership).
    @Sendable static func approveMinutes(req: Request) async throws -> Response {
        try await change(req) { c, input in
            var at: MeetingRecord?
            if let key = FormReader().text(input.atMeeting) { at = try await MeetingStore.meeting(key, of: c.partnership, in: req.scope) }
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
        let filter = (try? req.query.get(String.self, at: "show")).flatMap(MeetingStore.ActionFilter.init(rawValue:)) ?? .outstanding
        let page = page(req), today = req.now.today
        let (rows, total) = try await MeetingStore.actions(partnership: partnership, filter: filter, today: today, page: page, per: 50, in: req.scope)
        return MeetingViews.actionLog(context: req.pageContext, partnership, rows: rows, total: total, filter: filter, page: page, today: today,
                                      mayEdit: try await mayEdit(partnership, req)).response()
    }

    private static func actionFormPage(_ partnership: PartnershipRecord, _ req: Request, input: ActionFormInput, errors: [FieldError],
                                       status: HTTPResponseStatus = .ok) async throws -> Response {
        let choices = try await RecordChoices.load(in: req.scope)
        var items: [(String, String)] = []
        if let key = input.meeting, let meeting = try? await MeetingStore.meeting(key, of: partnership, in: req.scope) {
            items = try await AgendaItemRecord.query(in: req.scope).filter(\.$meeting.$id == meeting.requireID()).sort(\.$position).all()
                .map { ($0.key, "\($0.position). \($0.title)") }
        }
        return MeetingViews.actionForm(context: req.pageContext, input, partnership: partnership, choices: choices, items: items, errors: errors).response(status: status)
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
        var meeting: MeetingRecord?, item: AgendaItemRecord?
        if let key = FormReader().text(input.meeting) { meeting = try await MeetingStore.meeting(key, of: partnership, in: req.scope) }
        // An action is raised on the day of its meeting, which may be before today.
        let raised = meeting.map { min(req.now.today, WallClock.day(of: $0.startsAt)) } ?? req.now.today
        var (action, errors) = input.parse(partnershipKey: partnership.key, today: raised)
        if let key = action.itemKey {
            item = try await MeetingStore.item(key, of: partnership, in: req.scope)
            if meeting == nil || item?.$meeting.id != meeting?.id { errors.append(FieldError("item_key", "The item is not on this meeting's agenda")) }
        }
        if errors.isEmpty {
            let (found, _) = try await MeetingBusiness.addAction(action, partnership: partnership, meeting: meeting, item: item, in: req.scope)
            errors = found
        }
        if errors.isEmpty {
            return req.redirect(to: meeting.map { MeetingPath.meeting(partnership.key, $0.key).href(fragment: "actions") } ?? MeetingPath.actions(partnership.key).href)
        }
        return try await actionFormPage(partnership, req, input: input, errors: errors, status: .unprocessableEntity)
    }

    @Sendable static func action(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let record = try await MeetingStore.action(try req.parameters.require("action"), of: partnership, in: req.scope)
        return try await actionPage(partnership, record, req, errors: [])
    }

    private static func actionPage(_ partnership: PartnershipRecord, _ record: ActionRecord, _ req: Request, errors: [FieldError],
                                   status: HTTPResponseStatus = .ok) async throws -> Response {
        var owner = try await record.$ownerPerson.get(on: req.db)?.name
        if owner == nil { owner = try await record.$ownerOrganisation.get(on: req.db)?.name }
        let meeting = try await record.$meeting.get(on: req.db)
        let item = try await record.$item.get(on: req.db)
        let value = MeetingStore.actionItem(record, partnershipKey: partnership.key, meetingKey: meeting?.key, itemKey: item?.key,
                                            ownerPersonKey: nil, ownerOrganisationKey: nil,
                                            updates: try await MeetingStore.updates(of: record, in: req.scope))
        return MeetingViews.actionPage(context: req.pageContext, value, partnership: partnership, owner: owner ?? "", meeting: meeting, item: item, today: req.now.today,
                                       mayEdit: try await mayEdit(partnership, req), errors: errors).response(status: status)
    }

    struct UpdateInput: Content { var text: String?; var status: String? }

    @Sendable static func updateAction(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let record = try await MeetingStore.action(try req.parameters.require("action"), of: partnership, in: req.scope)
        let input = try req.content.decode(UpdateInput.self)
        var reader = FormReader()
        let status: ActionStatus? = reader.vocabulary(input.status, "status", "status", required: false)
        var errors = reader.errors
        if errors.isEmpty { errors = try await MeetingBusiness.updateAction(record, text: input.text, status: status, on: req.now.today, in: req.scope) }
        if errors.isEmpty { return req.redirect(to: MeetingPath.action(partnership.key, record.key).href) }
        return try await actionPage(partnership, record, req, errors: errors, status: .unprocessableEntity)
    }

    // MARK: Calendar import

    @Sendable static func importForm(req: Request) async throws -> Response {
        MeetingViews.importForm(context: req.pageContext, try await partnership(req), errors: []).response()
    }

    struct CalendarUpload: Content { var file: File? }

    @Sendable static func importCalendar(req: Request) async throws -> Response {
        let partnership = try await partnership(req)
        let upload = try req.content.decode(CalendarUpload.self)
        let data = upload.file.map { Data(buffer: $0.data) } ?? Data()
        if data.isEmpty {
            return MeetingViews.importForm(context: req.pageContext, partnership, errors: [FieldError("file", "Select a calendar file (.ics); the one chosen is empty")])
                .response(status: .unprocessableEntity)
        }
        let name = upload.file?.filename ?? "the file"
        switch try await MeetingBusiness.importCalendar(data, into: partnership, in: req.scope) {
        case .rejected(let issues):
            return ImportPage.rejected(context: req.pageContext, name, issues, retry: MeetingPath.importCalendar(partnership.key).href,
                                           breadcrumbs: MeetingViews.crumbs(partnership)).response(status: .unprocessableEntity)
        case .imported(let result):
            return MeetingViews.imported(context: req.pageContext, partnership, name: name, result).response()
        }
    }
}
