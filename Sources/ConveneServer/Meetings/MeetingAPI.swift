import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The business of a board in the JSON API: the same reads and writes as the pages (`MeetingStore`,
/// `MeetingBusiness`), so both keep the same rules and the same audit.
enum MeetingAPI {
    static func register(read: RoutesBuilder, business: RoutesBuilder) {
        let key = ":key"
        let m = ":meeting"
        read.get(APIPath.meetings(key), use: list)
        read.get(APIPath.meeting(key, meeting: m), use: show)
        read.get(APIPath.actions(key), use: actions)
        read.get(APIPath.myMeetings, use: myMeetings)
        read.get(APIPath.myActions, use: myActions)
        business.post(APIPath.meetings(key), use: create)
        business.post(APIPath.series(key), use: schedule)
        business.on(
            .POST, APIPath.calendar(key).route, body: .collect(maxSize: ByteCount(value: ImportPage.maximumSize)),
            use: importCalendar)
        business.put(APIPath.attendance(key, meeting: m), use: attendance)
        business.post(APIPath.agendaItems(key, meeting: m), use: addItem)
        business.put(APIPath.minutes(key, meeting: m), use: editMinutes)
        business.post(APIPath.approveMinutes(key, meeting: m), use: approveMinutes)
        business.post(APIPath.lockMinutes(key, meeting: m), use: lockMinutes)
        business.post(APIPath.addenda(key, meeting: m), use: addAddendum)
        business.post(APIPath.actions(key), use: createAction)
        business.post(APIPath.actionUpdates(key, action: ":action"), use: updateAction)
    }

    /// The JSON body; a body that does not decode becomes a problem naming its field (`ProblemMiddleware`).
    static func body<T: Decodable>(_ type: T.Type, _ req: Request) throws -> T {
        guard let buffer = req.body.data else { throw Problem.badRequest("The request needs a JSON object body") }
        return try JSONDecoder.api.decode(T.self, from: Data(buffer: buffer))
    }

    static func window(_ req: Request) throws -> PageWindow {
        try PageWindow.strict(
            page: try? req.query.get(Int.self, at: "page"),
            perPage: (try? req.query.get(Int.self, at: "per_page")) ?? 50)
    }

    static func check(_ errors: [FieldError]) throws {
        if !errors.isEmpty { throw Problem.invalid(errors) }
    }

    // MARK: Reads

    @Sendable static func list(req: Request) async throws -> Response {
        let partnership = try await MeetingPages.partnership(req)
        let window = try window(req)
        let upcoming = (try? req.query.get(String.self, at: "when")) != "past"
        let result = try await MeetingStore.meetings(
            of: partnership, upcoming: upcoming, from: req.now(), page: window.page, per: window.perPage, in: req.scope)
        return try APIResponse.json(
            Page(
                items: result.meetings.map { MeetingResponse($0.meeting) }, page: window.page, perPage: window.perPage,
                total: result.total))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let c = try await MeetingPages.context(req)
        return try APIResponse.json(
            MeetingDetailResponse(try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)))
    }

    @Sendable static func actions(req: Request) async throws -> Response {
        let partnership = try await MeetingPages.partnership(req)
        let window = try window(req)
        let filter = try vocabularyFilter(req)
        let (rows, total) = try await MeetingStore.actions(
            partnership: partnership, filter: filter, today: req.now.today,
            page: window.page, per: window.perPage, in: req.scope)
        return try APIResponse.json(
            Page(
                items: rows.map { ActionResponse($0.action) }, page: window.page, perPage: window.perPage, total: total)
        )
    }

    static func vocabularyFilter(_ req: Request) throws -> MeetingStore.ActionFilter {
        guard let text = try? req.query.get(String.self, at: "show") else { return .outstanding }
        guard let filter = MeetingStore.ActionFilter(rawValue: text) else {
            throw Problem.invalid([FieldError("show", "'\(text)' is not one of outstanding, overdue, done, all")])
        }
        return filter
    }

    /// The person the caller is; a caller not linked to one (on /account/person) has no meetings or actions, as on the pages.
    private static func me(_ req: Request) async throws -> PersonRecord? {
        guard let principal = req.principal else { return nil }
        return try await MeetingStore.person(of: principal, in: req.scope)
    }

    @Sendable static func myMeetings(req: Request) async throws -> Response {
        let window = try window(req)
        guard let person = try await me(req) else {
            return try APIResponse.json(
                MyMeetingsResponse(
                    person: nil, upcoming: [],
                    attended: Page(items: [], page: window.page, perPage: window.perPage, total: 0)))
        }
        let (upcoming, past, total) = try await MeetingStore.meetings(
            ofPerson: try person.requireID(), from: req.now(), page: window.page, per: window.perPage, in: req.scope)
        return try APIResponse.json(
            MyMeetingsResponse(
                person: person.key, upcoming: upcoming.map { MeetingResponse($0.meeting) },
                attended: Page(
                    items: past.map { MeetingResponse($0.meeting) }, page: window.page, perPage: window.perPage,
                    total: total)))
    }

    @Sendable static func myActions(req: Request) async throws -> Response {
        let window = try window(req)
        let filter = try vocabularyFilter(req)
        guard let person = try await me(req) else {
            return try APIResponse.json(
                Page<ActionResponse>(items: [], page: window.page, perPage: window.perPage, total: 0))
        }
        let (rows, total) = try await MeetingStore.actions(
            ownerPersonID: person.requireID(), filter: filter, today: req.now.today,
            page: window.page, per: window.perPage, in: req.scope)
        return try APIResponse.json(
            Page(
                items: rows.map { ActionResponse($0.action) }, page: window.page, perPage: window.perPage, total: total)
        )
    }

    // MARK: Writes

    @Sendable static func create(req: Request) async throws -> Response {
        let partnership = try await MeetingPages.partnership(req)
        let input = try body(NewMeeting.self, req)
        func make(_ key: String) async throws -> Meeting {
            let meeting = Meeting(
                key: key, partnershipKey: partnership.key, name: input.name, startsAt: input.startsAt,
                endsAt: input.endsAt, status: input.status ?? .scheduled, format: input.format, place: input.place,
                onlineURL: input.onlineUrl, jointWith: (input.jointWith ?? []).sorted())
            try check(try await MeetingPages.jointErrors(meeting, before: nil, req))
            try check(try await MeetingBusiness.createMeeting(meeting, in: req.scope))
            return meeting
        }
        let meeting: Meeting
        if let key = input.key {
            meeting = try await make(key)
        } else {
            let day = WallClock.day(of: input.startsAt).description
            meeting = try await req.scope.withUnusedKey(Key.slug(partnership.key, day), MeetingRecord.self, key: \.$key)
            {
                try await make($0)
            }
        }
        return try APIResponse.json(MeetingResponse(meeting), status: .created)
    }

    @Sendable static func schedule(req: Request) async throws -> Response {
        let partnership = try await MeetingPages.partnership(req)
        let input = try body(NewSeries.self, req)
        let series = MeetingSeries(
            key: input.key ?? Key.slug(partnership.key, input.name), partnershipKey: partnership.key, name: input.name,
            firstDay: input.firstDay, startMinute: input.startMinute, durationMinutes: input.durationMinutes,
            timeZone: input.timeZone ?? "Europe/London", rule: input.rule, skippedDays: input.skippedDays ?? [])
        let template = Meeting(
            key: series.key, partnershipKey: partnership.key, name: series.name, startsAt: req.now(),
            format: input.format, place: input.place, onlineURL: input.onlineUrl)
        let (errors, created) = try await MeetingBusiness.scheduleSeries(series, template: template, in: req.scope)
        try check(errors)
        return try APIResponse.json(SeriesScheduledResponse(series, meetingsCreated: created), status: .created)
    }

    @Sendable static func importCalendar(req: Request) async throws -> Response {
        let partnership = try await MeetingPages.partnership(req)
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        switch try await MeetingBusiness.importCalendar(data, into: partnership, in: req.scope) {
        case .rejected(let issues):
            throw Problem(
                type: "urn:convene:problem:validation", title: "The calendar file has problems; nothing was imported",
                status: 422,
                detail: issues.prefix(50).map(\.description).joined(separator: "; "),
                errors: issues.map { FieldError($0.field ?? $0.location, "\($0.location): \($0.message)") })
        case .imported(let r):
            return try APIResponse.json(
                CalendarImportResponse(
                    created: r.created, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped,
                    warnings: r.warnings.map(CalendarImportWarning.init)))
        }
    }

    private static func detailResponse(_ c: MeetingPages.Context, _ req: Request) async throws -> Response {
        let fresh = try await MeetingStore.meeting(c.meeting.key, of: c.partnership, in: req.scope)
        return try APIResponse.json(
            MeetingDetailResponse(try await MeetingStore.detail(fresh, of: c.partnership, in: req.scope)))
    }

    @Sendable static func attendance(req: Request) async throws -> Response {
        let c = try await MeetingPages.context(req)
        let input = try body(RecordAttendanceRequest.self, req)
        let detail = try await MeetingStore.detail(c.meeting, of: c.partnership, in: req.scope)
        let attendance = input.attendance.map(\.value)
        try check(try await MeetingBusiness.recordAttendance(c.meeting, attendance, detail: detail, in: req.scope))
        return try await detailResponse(c, req)
    }

    @Sendable static func addItem(req: Request) async throws -> Response {
        let c = try await MeetingPages.context(req)
        let input = try body(NewAgendaItem.self, req)
        let item = MeetingBusiness.ItemInput(
            title: input.title, kind: input.kind ?? .discussion, durationMinutes: input.durationMinutes,
            presenterKey: input.presenterKey, themes: input.themes ?? [])
        try check(
            try await MeetingBusiness.addItem(item, partnership: c.partnership, meeting: c.meeting, in: req.scope))
        return try await detailResponse(c, req)
    }

    private static func minutes(
        _ req: Request, _ make: (MeetingPages.Context) async throws -> MeetingBusiness.MinutesChange
    ) async throws -> Response {
        let c = try await MeetingPages.context(req)
        try check(try await MeetingBusiness.changeMinutes(c.meeting, try await make(c), in: req.scope))
        return try await detailResponse(c, req)
    }

    @Sendable static func editMinutes(req: Request) async throws -> Response {
        let input = try body(MinutesTextRequest.self, req)
        return try await minutes(req) { _ in .edit(input.text) }
    }

    @Sendable static func approveMinutes(req: Request) async throws -> Response {
        let input = req.body.data == nil ? ApproveMinutesRequest() : try body(ApproveMinutesRequest.self, req)
        return try await minutes(req) { c in
            var at: MeetingRecord?
            if let key = input.atMeeting { at = try await MeetingStore.meeting(key, of: c.partnership, in: req.scope) }
            return .approve(on: req.now.today, atMeeting: at)
        }
    }

    @Sendable static func lockMinutes(req: Request) async throws -> Response {
        try await minutes(req) { _ in .lock }
    }

    @Sendable static func addAddendum(req: Request) async throws -> Response {
        let input = try body(MinutesTextRequest.self, req)
        return try await minutes(req) { _ in .addendum(input.text, on: req.now.today) }
    }

    @Sendable static func createAction(req: Request) async throws -> Response {
        let partnership = try await MeetingPages.partnership(req)
        let input = try body(NewAction.self, req)
        var meeting: MeetingRecord?
        var item: AgendaItemRecord?
        if let key = input.meetingKey { meeting = try await MeetingStore.meeting(key, of: partnership, in: req.scope) }
        if let key = input.itemKey {
            item = try await MeetingStore.item(key, of: partnership, in: req.scope)
            if meeting == nil || item?.$meeting.id != meeting?.id {
                throw Problem.invalid([FieldError("item_key", "The item is not on the meeting's agenda")])
            }
        }
        let raised = meeting.map { min(req.now.today, WallClock.day(of: $0.startsAt)) } ?? req.now.today
        let action = ActionItem(
            key: "pending", partnershipKey: partnership.key, meetingKey: meeting?.key, itemKey: item?.key,
            title: input.title,
            ownerPersonKey: input.ownerPersonKey, ownerOrganisationKey: input.ownerOrganisationKey, raisedOn: raised,
            dueOn: input.dueOn)
        let (errors, key) = try await MeetingBusiness.addAction(
            action, partnership: partnership, meeting: meeting, item: item, in: req.scope)
        try check(errors)
        var created = action
        created.key = key ?? ""
        return try APIResponse.json(ActionResponse(created), status: .created)
    }

    @Sendable static func updateAction(req: Request) async throws -> Response {
        let partnership = try await MeetingPages.partnership(req)
        let record = try await MeetingStore.action(try req.parameters.require("action"), of: partnership, in: req.scope)
        let input = try body(ActionUpdateRequest.self, req)
        try check(
            try await MeetingBusiness.updateAction(
                record, text: input.text, status: input.status, on: req.now.today, in: req.scope))
        let fresh = try await MeetingStore.action(record.key, of: partnership, in: req.scope)
        return try APIResponse.json(
            ActionResponse(
                fresh.domain(
                    partnershipKey: partnership.key, meetingKey: nil, itemKey: nil,
                    ownerPersonKey: nil, ownerOrganisationKey: nil,
                    updates: try await MeetingStore.updates(of: fresh, in: req.scope))))
    }
}
