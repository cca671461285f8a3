import ConveneDomain
import Foundation

/// A national-scale landscape, generated: one workspace per police force area, each with about 80
/// partnerships, 580 people sitting on overlapping boards with named substitutes, a year of about 1,500 meetings with
/// attendance, agendas of about 8 items drawn from realistic titles by theme, decisions and actions, and a few
/// discussions deliberately held twice, in two partnerships, by the same people, whose ground truth it records.
///
/// Deterministic: a workspace depends only on the options and its index, never on the clock, the system's random
/// source or the workspaces generated before it, so a writer can build and store them one at a time.
///
/// Everything is invented: the boards follow the reports' types and names, the localities are labels ("Kent North"),
/// and people holding a unique office are named by their role, the rest by common names. Every partnership is marked
/// as demo.
public enum NationalLandscape {
    public struct Options: Hashable, Sendable {
        public var seed: UInt64
        public var workspaces: Int
        public var partnershipsPerWorkspace: Int
        /// People in all workspaces together, shared out as evenly as whole numbers allow.
        public var people: Int
        /// Meetings (held and cancelled) in each workspace over the year.
        public var meetingsPerYear: Int
        /// The average agenda of a held meeting; an agenda has at least four items (three standing items and one more).
        public var itemsPerMeeting: Int
        /// The year runs for 365 days from this day.
        public var firstDay: Day
        /// Discussions planted in two partnerships in each workspace (fewer when too few partnerships share members).
        public var duplicatesPerWorkspace: Int

        public init(
            seed: UInt64 = 1, workspaces: Int = 43, partnershipsPerWorkspace: Int = 80, people: Int = 25_000,
            meetingsPerYear: Int = 1_500, itemsPerMeeting: Int = 8, firstDay: Day = Day(year: 2025, month: 4, day: 1)!,
            duplicatesPerWorkspace: Int = 12
        ) {
            self.seed = seed
            self.workspaces = workspaces
            self.partnershipsPerWorkspace = partnershipsPerWorkspace
            self.people = people
            self.meetingsPerYear = meetingsPerYear
            self.itemsPerMeeting = itemsPerMeeting
            self.firstDay = firstDay
            self.duplicatesPerWorkspace = duplicatesPerWorkspace
        }

        /// The people of one workspace: the total shared out, the first workspaces taking one more for the remainder.
        public func people(in index: Int) -> Int {
            people / workspaces + (index < people % workspaces ? 1 : 0)
        }

        /// The day after the year: actions are open, done or overdue as of this day.
        public var asOf: Day { firstDay.adding(days: 365) }
    }

    /// A discussion planted in two partnerships: near-identical titles (the same words, or one word changed), meetings
    /// within 60 days of each other, and at least half of the smaller meeting's attendees at both. `a` is the earlier.
    public struct PlantedDuplicate: Hashable, Codable, Sendable {
        public struct Pair<Value: Hashable & Codable & Sendable>: Hashable, Codable, Sendable {
            public var a: Value
            public var b: Value

            public init(_ a: Value, _ b: Value) {
                self.a = a
                self.b = b
            }
        }

        public var itemKeys: Pair<String>
        public var partnershipKeys: Pair<String>
        public var meetingKeys: Pair<String>
        /// The meetings' days.
        public var days: Pair<Day>
        public var titles: Pair<String>
        /// The people who attended both meetings, sorted.
        public var sharedAttendeeKeys: [String]

        public var daysApart: Int { days.b.ordinal - days.a.ordinal }
    }

    /// One force area's landscape, ready to be written into its own workspace.
    public struct Workspace: Hashable, Codable, Sendable {
        public var index: Int
        /// A slug of the force area's name ("devon-and-cornwall"), with the round appended past the 43rd.
        public var key: String
        public var name: String
        /// The force area's ONS code (E23…, W15…).
        public var forceAreaCode: String
        /// The Police and Crime Commissioner, or the office holder with the commissioner's powers.
        public var commissionerKey: String
        /// Organisations, people, partnerships, memberships, relations, terms of reference and the year's meetings
        /// with their attendance.
        public var register: Register
        public var items: [AgendaItem]
        public var decisions: [Decision]
        public var actions: [ActionItem]
        public var plantedDuplicates: [PlantedDuplicate]
        /// The day after the year, as of which the actions' states are given.
        public var asOf: Day

        /// One line for a progress display.
        public var summary: String {
            let held = register.meetings.filter { $0.status == .held }.count
            return "\(name): \(register.partnerships.count) partnerships, \(register.persons.count) people, "
                + "\(register.memberships.count) memberships, \(register.meetings.count) meetings (\(held) held), "
                + "\(items.count) agenda items, \(actions.count) actions, \(plantedDuplicates.count) planted duplicates"
        }
    }

    /// Builds one workspace by itself: the same options and index always give the same workspace.
    public static func workspace(_ index: Int, _ options: Options) -> Workspace {
        precondition(
            options.workspaces >= 1 && (0..<options.workspaces).contains(index),
            "workspace \(index) is not one of \(options.workspaces)")
        precondition(
            options.partnershipsPerWorkspace >= 1 && options.meetingsPerYear >= 0 && options.itemsPerMeeting >= 1,
            "a workspace needs a partnership and agendas with at least one item")
        precondition(options.people(in: index) >= 20, "a workspace needs at least 20 people")
        var plan = NationalPlan(index: index, options: options)
        plan.planPeople()
        plan.planPartnerships()
        plan.planMemberships()
        plan.planMeetings()
        plan.planAttendance()
        plan.plantDuplicates()
        plan.planAgendas()
        plan.planDecisionsAndActions()
        return plan.workspace()
    }

    /// Every workspace, one after the other, saying how far it has got. Holds them all in memory: a writer that
    /// stores them should call `workspace(_:_:)` for each index instead.
    public static func generate(_ options: Options = Options(), progress: (String) -> Void = { _ in }) -> [Workspace] {
        (0..<options.workspaces).map { index in
            let workspace = workspace(index, options)
            progress("[\(index + 1)/\(options.workspaces)] \(workspace.summary)")
            return workspace
        }
    }
}
