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
        try await PersonalAccess.me(req.pageContext, in: req.scope)
    }

    private static func notLinked(_ req: Request, _ title: String) -> Response {
        PersonalPagesView.render(NotLinkedModel(context: req.pageContext, title: title)).response()
    }

    /// Kept against the data version for the person asking, until the next meeting of the workspace starts.
    @Sendable static func myMeetings(req: Request) async throws -> Response {
        let person = req.principal?.personID.map(\.uuidString) ?? "none"
        return try await KeptPages.page(
            "my-meetings", req, varying: ["person=\(person)"],
            expires: { try await MeetingStore.nextStart(after: req.now(), in: req.scope) },
            make: { context in
                guard
                    let model = try await MyMeetingsModel.load(
                        page: MeetingPages.page(req), context: context, in: req.scope)
                else { return .page(PersonalPagesView.render(NotLinkedModel(context: context, title: "My meetings"))) }
                return .page(PersonalPagesView.render(model))
            })
    }

    @Sendable static func myActions(req: Request) async throws -> Response {
        let filter =
            (try? req.query.get(String.self, at: "show")).flatMap(MeetingStore.ActionFilter.init(rawValue:))
            ?? .outstanding
        guard
            let model = try await MyActionsModel.load(
                filter: filter, page: MeetingPages.page(req),
                context: req.pageContext, in: req.scope)
        else {
            return notLinked(req, "My actions")
        }
        return PersonalPagesView.render(model).response()
    }

    // MARK: Which person I am

    struct PersonInput: Content {
        var personKey: String?
        enum CodingKeys: String, CodingKey { case personKey = "person_key" }
    }

    @Sendable static func personForm(req: Request) async throws -> Response {
        let current = try await me(req)
        let model = try await WhoIAmModel.load(personKey: current?.key, context: req.pageContext, in: req.scope)
        return PersonalPagesView.render(model).response()
    }

    @Sendable static func linkPerson(req: Request) async throws -> Response {
        guard let principal = req.principal else { throw Abort(.unauthorized) }
        let input = try req.content.decode(PersonInput.self)
        let key = FormReader().text(input.personKey)
        var person: PersonRecord?
        if let key {
            person = try await PersonRecord.query(in: req.scope).filter(\.$key == key).first()
            if person == nil {
                let errors = [FieldError("person_key", "There is no person '\(key)'")]
                let model = try await WhoIAmModel.load(
                    personKey: key, errors: errors, context: req.pageContext,
                    in: req.scope)
                return PersonalPagesView.render(model).response(status: .unprocessableEntity)
            }
        }
        let before = try await me(req)?.key
        if before != key {
            let scope = req.scope
            let personID = person?.id
            try await scope.audited { scope, audit in
                guard
                    let member = try await WorkspaceMemberRecord.query(on: scope.db).filter(
                        \.$user.$id == principal.userID
                    )
                    .filter(\.$workspace.$id == scope.workspaceID).first()
                else { throw Abort(.forbidden) }
                member.$person.id = personID
                try await member.update(on: scope.db)
                audit.note("update", "account person", principal.email, before: before, after: key)
            }
        }
        return req.redirect(to: PersonalPath.myMeetings.href)
    }

    // MARK: Themes

    @Sendable static func themes(req: Request) async throws -> Response {
        let context = req.pageContext
        let model = try await ThemesModel.load(mayEdit: context.mayEdit, context: context, in: req.scope)
        return PersonalPagesView.render(model).response()
    }

    private static func themesFailed(_ req: Request, errors: [FieldError], name: String?) async throws -> Response {
        let model = try await ThemesModel.load(
            mayEdit: true, errors: errors, name: name, context: req.pageContext,
            in: req.scope)
        return PersonalPagesView.render(model).response(status: .unprocessableEntity)
    }

    struct ThemeInput: Content { var name: String? }

    @Sendable static func addTheme(req: Request) async throws -> Response {
        let input = try req.content.decode(ThemeInput.self)
        let errors = try await MeetingBusiness.addTheme(input.name ?? "", in: req.scope)
        if errors.isEmpty { return req.redirect(to: PersonalPath.themes.href) }
        return try await themesFailed(req, errors: errors, name: input.name)
    }

    @Sendable static func retireTheme(req: Request) async throws -> Response {
        let input = try req.content.decode(ThemeInput.self)
        let errors = try await MeetingBusiness.retireTheme(input.name ?? "", in: req.scope)
        if errors.isEmpty { return req.redirect(to: PersonalPath.themes.href) }
        return try await themesFailed(req, errors: errors, name: nil)
    }
}
