import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// Calendar feeds people subscribe to from Outlook, Google Calendar or a phone: a partnership's meetings, a person's
/// or the whole workspace's, with actions as tasks if asked for. A private feed's address carries an unguessable
/// token, kept only as its SHA-256 and revocable at once; the public feed of a published partnership names nobody.
enum CalendarFeeds {
    enum Kind: String, CaseIterable, Sendable {
        case person, partnership, workspace
    }

    static func register(open: RoutesBuilder, read: RoutesBuilder) {
        open.get(PersonalPath.privateFeed(":token"), use: privateFeed)
        open.get(PersonalPath.publicFeed(":key"), use: publicFeed)
        read.get(PersonalPath.calendar, use: page)
        read.post(PersonalPath.newFeed, use: create)
        read.post(PersonalPath.revokeFeed(":id"), use: revoke)
    }

    // MARK: Building a feed

    struct Selection: Sendable {
        var kind: Kind
        /// Whose alerts a personal feed carries as tasks (with its actions).
        var alertsFor: AlertAudience? = nil
        var partnership: PartnershipRecord?
        var person: PersonRecord?
        var includeActions: Bool
        var includeAttendees: Bool
        var name: String
    }

    /// Meetings from a year ago to two years ahead, at most this many.
    static let limit = 5_000

    static func feed(_ s: Selection, in scope: Scope) async throws -> String {
        let now = scope.now()
        let from = now.addingTimeInterval(-366 * 86_400)
        let to = now.addingTimeInterval(2 * 366 * 86_400)
        let query = MeetingRecord.query(in: scope).filter(\.$startsAt >= from).filter(\.$startsAt < to)
        switch s.kind {
        case .workspace: break
        case .partnership:
            let ids = try await MeetingStore.meetingIDs(of: s.partnership!, in: scope)
            query.filter(\.$id ~~ ids)
        case .person:
            let person = try s.person!.requireID()
            let partnerships = try await MeetingStore.partnershipIDs(
                ofMember: s.person!, on: WallClock.day(of: now), in: scope)
            let attended = try await AttendanceRecord.query(in: scope).filter(\.$person.$id == person)
                .filter(\.$status ~~ MeetingStore.attendedStatuses).all(\.$meeting.$id)
            let joint =
                partnerships.isEmpty
                ? []
                : try await JointMeetingRecord.query(in: scope).filter(\.$partnership.$id ~~ partnerships).all(
                    \.$meeting.$id)
            query.group(.or) { or in
                if !partnerships.isEmpty { or.filter(\.$partnership.$id ~~ partnerships) }
                or.filter(\.$id ~~ (attended + joint))
            }
        }
        if !s.includeAttendees { query.filter(\.$status != MeetingStatus.draft.rawValue) }
        let meetings = try await query.sort(\.$startsAt).limit(limit).with(\.$partnership).all()
        var attendees: [UUID: [CalendarAttendee]] = [:]
        if s.includeAttendees, !meetings.isEmpty {
            let rows = try await AttendanceRecord.query(in: scope).filter(\.$meeting.$id ~~ meetings.compactMap(\.id))
                .with(\.$person).all()
            for row in rows {
                let participation: CalendarAttendee.Participation =
                    row.status == AttendanceStatus.apologies.rawValue || row.status == AttendanceStatus.absent.rawValue
                    ? .declined : .accepted
                attendees[row.$meeting.id, default: []].append(
                    CalendarAttendee(
                        name: row.person.name, email: nil, role: .required, participation: participation,
                        uri: "urn:convene:person:\(row.person.key)"))
            }
        }
        let base = ProcessInfo.processInfo.environment["CONVENE_PUBLIC_URL"]
        let workspace = try await WorkspaceRecord.find(scope.workspaceID, on: scope.db)?.key ?? ""
        let events = meetings.map { m in
            let meeting = m.domain(partnershipKey: m.partnership.key)
            // A private feed links to the meeting; a public one to the partnership's published page.
            let path =
                s.includeAttendees
                ? MeetingPath.meeting(meeting.partnershipKey, meeting.key).href
                : RegisterPath.publishedPartnership(workspace: workspace, m.partnership.key).href
            return CalendarMeetings.event(for: meeting, url: base.map { $0 + path }, attendees: attendees[m.id!] ?? [])
        }
        var tasks: [CalendarTask] = []
        if s.includeActions {
            let actions = ActionRecord.query(in: scope).filter(
                \.$status ~~ [ActionStatus.open.rawValue, ActionStatus.inProgress.rawValue])
            if s.kind == .partnership { actions.filter(\.$partnership.$id == s.partnership!.id!) }
            if s.kind == .person { actions.filter(\.$ownerPerson.$id == s.person!.id!) }
            tasks = try await actions.sort(\.$key).limit(limit).all().map { a in
                CalendarTask(
                    uid: "\(a.key)@convene", summary: a.title, dueDay: a.dueOn.flatMap(Day.init),
                    status: a.status == ActionStatus.inProgress.rawValue ? .inProcess : .needsAction)
            }
        }
        if s.includeActions, let audience = s.alertsFor {
            // The person's alerts, but for their actions, which are tasks already.
            let today = WallClock.day(of: now)
            tasks += try await AlertStore.alerts(for: audience, on: today, in: scope).filter { $0.kind != .action }.map
            {
                CalendarTask(uid: "\($0.uid)@convene", summary: $0.title, dueDay: $0.due, status: .needsAction)
            }
        }
        if s.includeActions && s.kind != .person {
            // Reports due to funders on the money that serves the partnership (or any), in the meetings' window.
            let window = WallClock.day(of: from)...WallClock.day(of: to)
            tasks += FundingReport.due(try await FundingStore.streams(serving: s.partnership?.key, in: scope))
                .filter { window.contains($0.day) }.map { report in
                    CalendarTask(
                        uid: "\(report.streamKey)-report-\(report.day)@convene", summary: report.title,
                        dueDay: report.day, status: .needsAction)
                }
        }
        // DTSTAMP: the workspace's latest change, so the same register always gives the same bytes.
        let stamp =
            try await AuditEventRecord.query(in: scope).sort(\.$at, .descending).first()?.at
            ?? Date(timeIntervalSince1970: 0)
        return CalendarFeed.write(
            name: s.name, events: events, tasks: tasks, includeAttendees: s.includeAttendees, stamp: stamp)
    }

    static func response(_ text: String, _ req: Request) -> Response {
        let tag =
            "\"" + SHA256.hash(data: Data(text.utf8)).prefix(16).lowercaseHex + "\""
        if req.headers.first(name: .ifNoneMatch) == tag { return Response(status: .notModified) }
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        response.headers.replaceOrAdd(name: .eTag, value: tag)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        return response
    }

    // MARK: Routes

    @Sendable static func privateFeed(req: Request) async throws -> Response {
        var token = try req.parameters.require("token")
        if token.hasSuffix(".ics") { token.removeLast(4) }
        guard let record = try await FeedTokens.find(token: token, on: req.db),
            // A feed stops when its user no longer has a role in the workspace.
            try await WorkspaceMemberRecord.query(on: req.db).filter(\.$user.$id == record.$user.id)
                .filter(\.$workspace.$id == record.$workspace.id).count() > 0
        else {
            throw Problem(
                title: "Not found", status: 404, detail: "This calendar feed does not exist or has been turned off")
        }
        let scope = Scope(db: req.db, workspaceID: record.$workspace.id, actor: "feed")
        guard let kind = Kind(rawValue: record.kind) else { throw Problem.notFound("The feed") }
        var selection = Selection(
            kind: kind, includeActions: record.includeActions, includeAttendees: true, name: "Convene")
        switch kind {
        case .partnership:
            guard let p = try await PartnershipRecord.query(in: scope).filter(\.$key == record.targetKey ?? "").first()
            else { throw Problem.notFound("The feed's partnership") }
            selection.partnership = p
            selection.name = p.name
        case .person:
            guard let person = try await PersonRecord.query(in: scope).filter(\.$key == record.targetKey ?? "").first()
            else { throw Problem.notFound("The feed's person") }
            selection.person = person
            selection.name = "My meetings (Convene)"
            selection.alertsFor = try await AlertAudience.of(user: record.$user.id, in: scope)
        case .workspace:
            selection.name = try await WorkspaceRecord.find(record.$workspace.id, on: req.db)?.name ?? "Convene"
        }
        return response(try await feed(selection, in: scope), req)
    }

    @Sendable static func publicFeed(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        guard let p = try await PublicRegister.partnerships(on: req.db).filter(\.$key == key).first() else {
            throw Problem.notFound("The published partnership '\(key)'")
        }
        let scope = Scope(db: req.db, workspaceID: p.$workspace.id, actor: "public")
        let selection = Selection(
            kind: .partnership, partnership: p, includeActions: false, includeAttendees: false, name: p.name)
        return response(try await feed(selection, in: scope), req)
    }

    // MARK: Subscribing

    @Sendable static func page(req: Request) async throws -> Response {
        try await view(req, created: nil, errors: [], partnership: try? req.query.get(String.self, at: "partnership"))
            .response()
    }

    static func view(_ req: Request, created: String?, errors: [FieldError], partnership: String?) async throws
        -> Layout
    {
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        let model = try await CalendarFeedsModel.load(
            created: created, errors: errors, partnership: partnership,
            principal: principal, context: req.pageContext, in: req.scope)
        return CalendarFeedsView.render(model)
    }

    struct FeedInput: Content {
        var kind: String?
        var partnershipKey: String?
        var includeActions: String?
        enum CodingKeys: String, CodingKey {
            case kind, partnershipKey = "partnership_key", includeActions = "include_actions"
        }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        let input = try req.content.decode(FeedInput.self)
        var errors: [FieldError] = []
        var target: String?
        switch input.kind.flatMap(Kind.init(rawValue:)) {
        case .person:
            target = try await MeetingStore.person(of: principal, in: req.scope)?.key
            if target == nil {
                errors.append(
                    FieldError(
                        "kind", "Say who you are in the register first (Account, who you are), or choose another feed"))
            }
        case .partnership:
            target = FormReader().text(input.partnershipKey)
            if let key = target, try await PartnershipRecord.query(in: req.scope).filter(\.$key == key).count() == 0 {
                errors.append(FieldError("partnership_key", "There is no partnership '\(key)'"))
            } else if target == nil {
                errors.append(FieldError("partnership_key", "Choose the partnership"))
            }
        case .workspace: break
        case nil: errors.append(FieldError("kind", "Choose which meetings the feed has"))
        }
        guard errors.isEmpty, let kind = input.kind.flatMap(Kind.init(rawValue:)) else {
            return try await view(req, created: nil, errors: errors, partnership: input.partnershipKey).response(
                status: .unprocessableEntity)
        }
        let token = CSRFMiddleware.newToken()
        let record = FeedTokenRecord()
        req.scope.claim(record)
        record.$user.id = principal.userID
        record.tokenHash = APITokenRecord.hash(token)
        record.kind = kind.rawValue
        record.targetKey = target
        record.includeActions = input.includeActions != nil
        let scope = req.scope
        let targetKey = target
        try await scope.audited { scope, audit in
            try await record.create(on: scope.db)
            audit.note(
                "create", "calendar feed", record.id!.uuidString, before: nil as [String: String]?,
                after: ["kind": kind.rawValue, "target": targetKey ?? "", "user": principal.email])
        }
        let base =
            ProcessInfo.processInfo.environment["CONVENE_PUBLIC_URL"]
            ?? "http://\(req.headers.first(name: .host) ?? "localhost")"
        return try await view(req, created: "\(base)/feeds/\(token).ics", errors: [], partnership: nil).response()
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        guard let principal = req.principal, let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let record = try await FeedTokenRecord.query(in: req.scope).filter(\.$id == id).filter(
                \.$user.$id == principal.userID
            ).first()
        else {
            throw Problem.notFound("The feed")
        }
        if record.revokedAt == nil {
            let scope = req.scope
            try await scope.audited { scope, audit in
                record.revokedAt = req.now()
                try await record.update(on: scope.db)
                audit.note(
                    "delete", "calendar feed", id.uuidString,
                    before: ["kind": record.kind, "target": record.targetKey ?? ""],
                    after: nil as [String: String]?)
            }
        }
        return req.redirect(to: PersonalPath.calendar.href)
    }
}
