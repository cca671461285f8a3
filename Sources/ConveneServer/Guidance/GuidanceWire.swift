import ConveneDomain
import Foundation

/// A partnership's milestones as the API and `convene milestones --format json` give them (snake_case keys).
struct MilestonesJSON: Codable, Sendable, Equatable {
    struct Template: Codable, Sendable, Equatable {
        var key: String
        var version: Int
        var title: String
        var publishedOn: Day
        /// The day the intervals run from: the publication, or the partnership's later start.
        var startsFrom: Day
        var tasks: [Task]
    }

    struct Task: Codable, Sendable, Equatable {
        var step: String
        var title: String
        var occurrence: Int
        var due: Day
        var status: MilestoneStatus
        var overdue: Bool
        /// "rule" when the register's records show it done, "person" when someone confirmed it.
        var doneBy: String?
        var records: [PartnershipMilestones.RecordLink]
        var evidence: [String]
    }

    var partnership: String
    var name: String
    var startedOn: Day?
    var on: Day
    var templates: [Template]

    init(_ milestones: PartnershipMilestones) {
        partnership = milestones.partnership.key
        name = milestones.partnership.name
        startedOn = milestones.partnership.startedOn
        on = milestones.today
        templates = milestones.lists.map { list in
            Template(
                key: list.template.key, version: list.template.version, title: list.template.title,
                publishedOn: list.template.publishedOn, startsFrom: list.start,
                tasks: list.tasks.map { t in
                    Task(
                        step: t.task.step.key, title: t.task.step.title, occurrence: t.task.occurrence,
                        due: t.task.due, status: t.task.status, overdue: t.task.overdue,
                        doneBy: t.task.doneBy.map { $0 == .rule ? "rule" : "person" }, records: t.records,
                        evidence: t.evidence.map(\.key))
                })
        }
    }
}

/// The same as text: one line a task, its due day, status and title.
enum MilestonesText {
    static func render(_ milestones: PartnershipMilestones) -> String {
        var lines = ["\(milestones.partnership.name) (\(milestones.partnership.key)), on \(milestones.today)"]
        if milestones.lists.isEmpty { lines.append("No guidance applies to this type of partnership.") }
        for list in milestones.lists {
            lines.append("")
            lines.append("\(list.template.title), version \(list.template.version), from \(list.start)")
            for t in list.tasks {
                let status = t.task.status.label + (t.task.overdue ? ", overdue" : "")
                let repeatMark = t.task.step.repeatsEveryMonths == nil ? "" : " (\(t.task.occurrence + 1))"
                let padded = status.padding(toLength: 26, withPad: " ", startingAt: 0)
                lines.append("\(t.task.due)  \(padded)\(t.task.step.key)\(repeatMark)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
