import ConveneDomain
import Fluent
import Foundation

/// The signed-in user's person in the register, if their account is linked to one.
enum PersonalAccess {
    static func me(_ context: PageContext, in scope: Scope) async throws -> PersonRecord? {
        guard let principal = context.principal else { return nil }
        return try await MeetingStore.person(of: principal, in: scope)
    }
}

/// "My meetings": those of the partnerships the user is a member of, and those they attended.
struct MyMeetingsModel {
    var context: PageContext
    var personName: String
    var upcoming: [MeetingStore.Listed]
    var past: [MeetingStore.Listed]
    var total: Int
    var page: Int

    static let perPage = 25

    /// Nil when the account is not linked to a person.
    static func load(page: Int, context: PageContext, in scope: Scope) async throws -> MyMeetingsModel? {
        guard let person = try await PersonalAccess.me(context, in: scope) else { return nil }
        let (upcoming, past, total) = try await MeetingStore.meetings(
            ofPerson: try person.requireID(), from: scope.now(), page: page,
            per: perPage, in: scope)
        return MyMeetingsModel(
            context: context, personName: person.name, upcoming: upcoming, past: past, total: total,
            page: page)
    }
}

/// "My actions": the actions the user owns, filtered and a page at a time.
struct MyActionsModel {
    var context: PageContext
    var personName: String
    var rows: [MeetingStore.ActionRow]
    var total: Int
    var filter: MeetingStore.ActionFilter
    var page: Int
    var today: Day

    static let perPage = 50

    /// Nil when the account is not linked to a person.
    static func load(
        filter: MeetingStore.ActionFilter, page: Int, context: PageContext,
        in scope: Scope
    ) async throws -> MyActionsModel? {
        guard let person = try await PersonalAccess.me(context, in: scope) else { return nil }
        let today = scope.now.today
        let (rows, total) = try await MeetingStore.actions(
            ownerPersonID: person.requireID(), filter: filter,
            today: today,
            page: page, per: perPage, in: scope)
        return MyActionsModel(
            context: context, personName: person.name, rows: rows, total: total, filter: filter,
            page: page, today: today)
    }
}

/// The page for an account not linked to a person, in place of "my meetings" or "my actions".
struct NotLinkedModel {
    var context: PageContext
    var title: String
}

/// Which person in the register the signed-in user is.
struct WhoIAmModel {
    var context: PageContext
    var personKey: String?
    var persons: [(String, String)]
    var errors: [FieldError] = []

    static func load(
        personKey: String?, errors: [FieldError] = [], context: PageContext,
        in scope: Scope
    ) async throws -> WhoIAmModel {
        WhoIAmModel(
            context: context, personKey: personKey, persons: try await RecordChoices.load(in: scope).persons,
            errors: errors)
    }
}

/// The workspace's themes, and the forms to add and retire them.
struct ThemesModel {
    var context: PageContext
    var themes: [String]
    var mayEdit: Bool
    var errors: [FieldError] = []
    var name: String?

    static func load(
        mayEdit: Bool, errors: [FieldError] = [], name: String? = nil, context: PageContext,
        in scope: Scope
    ) async throws -> ThemesModel {
        ThemesModel(
            context: context, themes: try await MeetingStore.themes(in: scope), mayEdit: mayEdit,
            errors: errors,
            name: name)
    }
}
