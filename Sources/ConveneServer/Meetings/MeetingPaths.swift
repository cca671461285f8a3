/// A partnership's business: its meetings and each meeting's pages, agenda items, papers and its action log.
/// The first key is always the partnership's.
enum MeetingPath: SitePath {
    case meetings(String), newMeeting(String), newSeries(String), importCalendar(String), backlog(String)
    case meeting(String, String, MeetingPage = .show)
    case item(String, String, item: String, ItemPage)
    case paper(String, String, paper: String)
    case actions(String), newAction(String), action(String, String), actionUpdates(String, String)

    /// One meeting's pages.
    enum MeetingPage: Sendable {
        case show, edit, agenda, attendance, minutes, approveMinutes, lockMinutes, addenda

        var segments: [String] {
            switch self {
            case .show: []
            case .edit: ["edit"]
            case .agenda: ["agenda"]
            case .attendance: ["attendance"]
            case .minutes: ["minutes"]
            case .approveMinutes: ["minutes", "approve"]
            case .lockMinutes: ["minutes", "lock"]
            case .addenda: ["minutes", "addenda"]
            }
        }
    }

    /// What is done to one agenda item.
    enum ItemPage: String, Sendable {
        case move, schedule, edit, decision, papers
    }

    var segments: [String] {
        switch self {
        case .meetings(let p): ["partnerships", p, "meetings"]
        case .newMeeting(let p): ["partnerships", p, "meetings", "new"]
        case .newSeries(let p): ["partnerships", p, "series", "new"]
        case .importCalendar(let p): ["partnerships", p, "meetings", "import"]
        case .backlog(let p): ["partnerships", p, "backlog"]
        case .meeting(let p, let m, let page): ["partnerships", p, "meetings", m] + page.segments
        case .item(let p, let m, let item, let page): ["partnerships", p, "meetings", m, "agenda", item, page.rawValue]
        case .paper(let p, let m, let paper): ["partnerships", p, "meetings", m, "papers", paper]
        case .actions(let p): ["partnerships", p, "actions"]
        case .newAction(let p): ["partnerships", p, "actions", "new"]
        case .action(let p, let a): ["partnerships", p, "actions", a]
        case .actionUpdates(let p, let a): ["partnerships", p, "actions", a, "updates"]
        }
    }
}

/// What a person sees of their own business, and their account.
enum PersonalPath: SitePath {
    case myMeetings, myActions, whoIAm, themes, retireTheme, calendar, newFeed, revokeFeed(String), privateFeed(String)
    case publicFeed(String)

    var segments: [String] {
        switch self {
        case .myMeetings: ["my", "meetings"]
        case .myActions: ["my", "actions"]
        case .whoIAm: ["account", "person"]
        case .themes: ["themes"]
        case .retireTheme: ["themes", "retire"]
        case .calendar: ["calendar"]
        case .newFeed: ["calendar", "feeds"]
        case .revokeFeed(let id): ["calendar", "feeds", id, "revoke"]
        case .privateFeed(let token): ["feeds", token]
        case .publicFeed(let key): ["public", "partnerships", key, "meetings.ics"]
        }
    }
}
