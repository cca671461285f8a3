import ConveneDomain
import Fluent
import Foundation

/// The user's calendar feeds, a new feed's address once, and the form to make one.
struct CalendarFeedsModel {
    struct Feed {
        var id: String
        /// What the feed has, in words: "Meetings of …", with actions or not.
        var description: String
        var made: String
    }

    var context: PageContext
    var feeds: [Feed]
    /// Every partnership: key and name.
    var partnerships: [(String, String)]
    /// The name of the person the user is in the register, if linked.
    var me: String?
    /// The address of a feed just made, shown only this once.
    var created: String?
    var errors: [FieldError] = []
    /// The partnership the form starts with.
    var partnership: String?

    static func load(
        created: String?, errors: [FieldError], partnership: String?, principal: Principal,
        context: PageContext, in scope: Scope
    ) async throws -> CalendarFeedsModel {
        async let found = FeedTokenRecord.query(in: scope).filter(\.$user.$id == principal.userID)
            .filter(\.$revokedAt == nil).sort(\.$createdAt).all()
        async let all = PartnershipRecord.query(in: scope).sort(\.$name).all()
        async let me = MeetingStore.person(of: principal, in: scope)
        let tokens = try await found
        let partnerships = try await all.map { ($0.key, $0.name) }
        let names = Dictionary(uniqueKeysWithValues: partnerships)
        let personKeys = tokens.filter { $0.kind == CalendarFeeds.Kind.person.rawValue }.compactMap(\.targetKey)
        let people =
            personKeys.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues:
                    try await PersonRecord.query(in: scope).filter(\.$key ~~ personKeys).all().map { ($0.key, $0.name) }
            )
        func describe(_ t: FeedTokenRecord) -> String {
            let what =
                switch CalendarFeeds.Kind(rawValue: t.kind) {
                case .person: "Meetings of \(people[t.targetKey ?? ""] ?? t.targetKey ?? "")"
                case .partnership: "Meetings of \(names[t.targetKey ?? ""] ?? t.targetKey ?? "")"
                case .workspace, nil: "Every meeting in the workspace"
                }
            return what + (t.includeActions ? ", with actions" : "")
        }
        let feeds = try tokens.map { t in
            Feed(
                id: try t.requireID().uuidString, description: describe(t),
                made: t.createdAt.map { WallClock.parts($0).day.longDescription } ?? "")
        }
        return CalendarFeedsModel(
            context: context, feeds: feeds, partnerships: partnerships, me: try await me?.name,
            created: created, errors: errors, partnership: partnership)
    }
}
