import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// A person's own view across all their partnerships: "my meetings", "my actions", and which person in the register
/// the signed-in user is. Also the workspace's list of themes.
enum PersonalPages {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(PersonalPath.myMeetings, use: myMeetings)
        read.get(PersonalPath.myActions, use: myActions)
        read.get(PersonalPath.whoIAm, use: personForm)
        read.post(PersonalPath.whoIAm, use: linkPerson)
        read.get(PersonalPath.themes, use: themes)
        write.post(PersonalPath.themes, use: addTheme)
        write.post(PersonalPath.retireTheme, use: retireTheme)
    }

    private static func me(_ req: Request) async throws -> PersonRecord? {
        guard let principal = req.principal else { return nil }
        return try await MeetingStore.person(of: principal, in: req.scope)
    }

    @Sendable static func myMeetings(req: Request) async throws -> Response {
        let context = req.pageContext
        guard let person = try await me(req) else { return notLinked(context: req.pageContext, "My meetings").response() }
        let page = MeetingPages.page(req)
        let (upcoming, past, total) = try await MeetingStore.meetings(ofPerson: person, from: req.now(), page: page, per: 25, in: req.scope)
        let pages = max(1, (total + 24) / 25)
        return Layout(context: context, title: "My meetings", breadcrumbs: [("Overview", RegisterPath.overview.href)], content: .group(
            .heading("My meetings", caption: person.name),
            .p(.a(.href(PersonalPath.myActions.href), .text("My actions")), .text(" · "),
               .a(.href(PersonalPath.calendar.href), .text("Subscribe to my meetings in my calendar"))),
            .h2(.text("Coming up")),
            upcoming.isEmpty ? .p(.text("No meetings are scheduled for the partnerships you are a member of.")) :
                MeetingViews.meetingTable("Meetings of the partnerships you are a member of", upcoming, showPartnership: true),
            .h2(.id("past"), .text("Meetings you attended (\(total))")),
            past.isEmpty ? .p(.text("No attendance is recorded for you.")) :
                MeetingViews.meetingTable("Meetings you attended, latest first", past, showPartnership: true),
            Components.pagination(page: page, pages: pages) { PersonalPath.myMeetings.href(["page": String($0)], fragment: "past") })).response()
    }

    @Sendable static func myActions(req: Request) async throws -> Response {
        let context = req.pageContext
        guard let person = try await me(req) else { return notLinked(context: req.pageContext, "My actions").response() }
        let filter = (try? req.query.get(String.self, at: "show")).flatMap(MeetingStore.ActionFilter.init(rawValue:)) ?? .outstanding
        let page = MeetingPages.page(req), today = req.now.today
        let (rows, total) = try await MeetingStore.actions(ownerPersonID: person.requireID(), filter: filter, today: today,
                                                           page: page, per: 50, in: req.scope)
        return Layout(context: context, title: "My actions", breadcrumbs: [("Overview", RegisterPath.overview.href)], content: .group(
            .heading("My actions", caption: person.name),
            .p(.a(.href(PersonalPath.myMeetings.href), .text("My meetings"))),
            .nav(.ariaLabel("Which actions"), .ul(.class("filter-links"), .forEach(MeetingStore.ActionFilter.allCases) { f in
                .li(f == filter ? .strong(.attribute(named: "aria-current", value: "page"), .text(f.label))
                                : .a(.href(PersonalPath.myActions.href(["show": f.rawValue])), .text(f.label)))
            })),
            MeetingViews.actionRows("\(total) actions you own: \(filter.label.lowercased())", rows, today: today, showPartnership: true),
            Components.pagination(page: page, pages: max(1, (total + 49) / 50)) { PersonalPath.myActions.href(["show": filter.rawValue, "page": String($0)]) })).response()
    }

    static func notLinked(context: PageContext, _ title: String) -> Layout {
        Layout(context: context, title: title, breadcrumbs: [("Overview", RegisterPath.overview.href)], content: .group(
            .heading(title),
            .p(.text("Your account is not linked to a person in this register, so Convene does not know which meetings and actions are yours.")),
            .p(.a(.href(PersonalPath.whoIAm.href), .class("button"), .text("Say who you are in the register")))))
    }

    // MARK: Which person I am

    struct PersonInput: Content {
        var personKey: String?
        enum CodingKeys: String, CodingKey { case personKey = "person_key" }
    }

    @Sendable static func personForm(req: Request) async throws -> Response {
        let current = try await me(req)
        return personView(context: req.pageContext, current?.key, persons: try await RecordChoices.load(in: req.scope).persons, errors: []).response()
    }

    static func personView(context: PageContext, _ key: String?, persons: [(String, String)], errors: [FieldError]) -> Layout {
        let form = Form(errors: errors)
        return Layout(context: context, title: errors.isEmpty ? "Who you are in the register" : "Error: Who you are in the register",
                      breadcrumbs: [("Overview", RegisterPath.overview.href)], content: .group(
            form.errorSummary(),
            .heading("Who you are in the register"),
            .p(.text("Your meetings, your actions and your calendar feed are those of the person you choose here. It changes nothing else you can see or do.")),
            .postForm(action: PersonalPath.whoIAm.href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                form.select("person_key", "You are", key, persons, blank: "Nobody in the register"),
                .button(.type(.submit), .class("button"), .text("Save")))))
    }

    @Sendable static func linkPerson(req: Request) async throws -> Response {
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        let input = try req.content.decode(PersonInput.self)
        let key = FormReader().text(input.personKey)
        var person: PersonRecord?
        if let key {
            person = try await PersonRecord.query(in: req.scope).filter(\.$key == key).first()
            if person == nil {
                return personView(context: req.pageContext, key, persons: try await RecordChoices.load(in: req.scope).persons,
                                  errors: [FieldError("person_key", "There is no person '\(key)'")]).response(status: .unprocessableEntity)
            }
        }
        let before = try await me(req)?.key
        if before != key {
            let scope = req.scope
            let personID = person?.id
            try await scope.audited { scope, audit in
                guard let member = try await WorkspaceMemberRecord.query(on: scope.db).filter(\.$user.$id == principal.userID)
                    .filter(\.$workspace.$id == scope.workspaceID).first() else { throw Abort(.forbidden) }
                member.$person.id = personID
                try await member.update(on: scope.db)
                audit.note("update", "account person", principal.email, before: before, after: key)
            }
        }
        return req.redirect(to: PersonalPath.myMeetings.href)
    }

    // MARK: Themes

    @Sendable static func themes(req: Request) async throws -> Response {
        themesView(context: req.pageContext, try await MeetingStore.themes(in: req.scope), mayEdit: (req.principal?.role ?? .viewer) >= .editor, errors: [], name: nil).response()
    }

    static func themesView(context: PageContext, _ themes: [String], mayEdit: Bool, errors: [FieldError], name: String?) -> Layout {
        let form = Form(errors: errors)
        return Layout(context: context, title: errors.isEmpty ? "Themes" : "Error: Themes", breadcrumbs: [("Overview", RegisterPath.overview.href)], content: .group(
            form.errorSummary(),
            .heading("Themes"),
            .p(.text("Agenda items are tagged with these themes, so that the same discussion can be found across partnerships.")),
            Components.table(caption: "The workspace's themes", headers: [.text("Theme"), .span(.class("visually-hidden"), .text("Change"))],
                rows: themes.map { theme in
                    [.text(theme), mayEdit ? .postForm(action: PersonalPath.retireTheme.href, context: context,
                        .input(.type(.hidden), .name("name"), .value(theme)),
                        .button(.type(.submit), .class("link-button"), .text("Retire"), .span(.class("visually-hidden"), .text(" \(theme)")))) : .empty]
                }, captionVisible: false),
            .if(mayEdit, .postForm(action: PersonalPath.themes.href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                form.textInput("name", "Add a theme", name),
                .button(.type(.submit), .class("button"), .text("Add the theme"))))))
    }

    struct ThemeInput: Content { var name: String? }

    @Sendable static func addTheme(req: Request) async throws -> Response {
        let input = try req.content.decode(ThemeInput.self)
        let errors = try await MeetingBusiness.addTheme(input.name ?? "", in: req.scope)
        if errors.isEmpty { return req.redirect(to: PersonalPath.themes.href) }
        return themesView(context: req.pageContext, try await MeetingStore.themes(in: req.scope), mayEdit: true, errors: errors, name: input.name).response(status: .unprocessableEntity)
    }

    @Sendable static func retireTheme(req: Request) async throws -> Response {
        let input = try req.content.decode(ThemeInput.self)
        let errors = try await MeetingBusiness.retireTheme(input.name ?? "", in: req.scope)
        if errors.isEmpty { return req.redirect(to: PersonalPath.themes.href) }
        return themesView(context: req.pageContext, try await MeetingStore.themes(in: req.scope), mayEdit: true, errors: errors, name: nil).response(status: .unprocessableEntity)
    }
}
