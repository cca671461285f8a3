import Foundation

/// Where a step stands for one partnership, in the GOV.UK task-list words.
public enum MilestoneStatus: String, Vocabulary {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done
    case cannotStartYet = "cannot-start-yet"

    public var label: String {
        switch self {
        case .notStarted: "Not started"
        case .inProgress: "In progress"
        case .done: "Done"
        case .cannotStartYet: "Cannot start yet"
        }
    }
}

/// One step's due date, once or once per period of a recurring step.
public struct MilestoneTask: Hashable, Sendable {
    public var step: GuidanceStep
    /// 0 for the first (and for a step done once), 1 for the first repeat, …
    public var occurrence: Int
    public var due: Day
    public var status: MilestoneStatus
    /// Past its due date and not done: worked out from today, never stored.
    public var overdue: Bool
    /// How it came to be done: the register's rule, or a person's confirmation.
    public var doneBy: DoneBy?

    public enum DoneBy: Hashable, Sendable {
        case rule
        case person
    }
}

/// What is known of one step's occurrence for one partnership, apart from the dates.
public struct StepFacts: Hashable, Sendable {
    /// Pieces of evidence recorded against it.
    public var evidence: Int
    /// Someone confirmed it done (with a reason); counts only for steps the register cannot tell about.
    public var confirmedDone: Bool
    /// For a step with a rule: whether the register's records meet it.
    public var ruleMet: Bool

    public init(evidence: Int = 0, confirmedDone: Bool = false, ruleMet: Bool = false) {
        self.evidence = evidence
        self.confirmedDone = confirmedDone
        self.ruleMet = ruleMet
    }
}

/// Due dates, repeats and statuses of a template's steps for one partnership.
public enum Milestones {
    /// The day the intervals run from: the guidance's publication, or a later start of the partnership's own.
    public static func start(of template: GuidanceTemplate, partnershipStartedOn: Day?) -> Day {
        max(template.publishedOn, partnershipStartedOn ?? template.publishedOn)
    }

    /// The due day of a step's `occurrence` for a partnership whose intervals run from `start`.
    public static func due(_ step: GuidanceStep, occurrence: Int = 0, from start: Day) -> Day {
        let repeats = (step.repeatsEveryMonths ?? 0) * occurrence
        switch step.due {
        case .on(let day):
            return day.advanced(months: repeats)
        case .after(let months, let days, let endOfMonth):
            let reached = start.advanced(months: months + repeats)
            return (endOfMonth ? reached.lastOfMonth : reached).adding(days: days)
        }
    }

    /// The occurrences of a step up to today: a step done once has one; a recurring step has one for each period
    /// begun, so the next is listed as soon as the last one's due date has passed.
    public static func occurrences(_ step: GuidanceStep, from start: Day, today: Day) -> [Day] {
        var days = [due(step, from: start)]
        guard step.repeatsEveryMonths != nil else { return days }
        while let last = days.last, last < today, days.count < 1000 {
            days.append(due(step, occurrence: days.count, from: start))
        }
        return days
    }

    /// Every task of the template for a partnership, in the template's order.
    public static func tasks(
        _ template: GuidanceTemplate, partnershipStartedOn: Day?, today: Day,
        facts: (_ step: String, _ occurrence: Int) -> StepFacts
    ) -> [MilestoneTask] {
        let start = start(of: template, partnershipStartedOn: partnershipStartedOn)
        var doneSteps: Set<String> = []
        var tasks: [MilestoneTask] = []
        for step in template.steps {
            let days = occurrences(step, from: start, today: today)
            for (occurrence, due) in days.enumerated() {
                let known = facts(step.key, occurrence)
                let doneBy: MilestoneTask.DoneBy? =
                    step.rule != nil ? (known.ruleMet ? .rule : nil) : (known.confirmedDone ? .person : nil)
                let waiting = today < start || step.after.contains { !doneSteps.contains($0) }
                let status: MilestoneStatus =
                    doneBy != nil ? .done : waiting ? .cannotStartYet : known.evidence > 0 ? .inProgress : .notStarted
                tasks.append(
                    MilestoneTask(
                        step: step, occurrence: occurrence, due: due, status: status,
                        overdue: doneBy == nil && due < today, doneBy: doneBy))
            }
            // A recurring step counts as done for the steps after it once its first occurrence is.
            if tasks.last(where: { $0.step.key == step.key && $0.occurrence == 0 })?.status == .done {
                doneSteps.insert(step.key)
            }
        }
        return tasks
    }
}

extension Day {
    /// The same day so many months later (or earlier), kept within the month: 31 January and a month is 28 or 29
    /// February.
    public func advanced(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let (y, m) = (index / 12, index % 12 + 1)
        // Only the 29th to the 31st can fall beyond a month's end.
        for d in stride(from: day, through: min(day, 28), by: -1) {
            if let found = Day(year: y, month: m, day: d) { return found }
        }
        return Day(year: y, month: m, day: 28)!
    }

    public var lastOfMonth: Day {
        for d in stride(from: 31, through: 28, by: -1) {
            if let found = Day(year: year, month: month, day: d) { return found }
        }
        return self
    }
}
