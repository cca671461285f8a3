import Foundation

/// A partnership's figures in a review, as its report's tables give them and as the review keeps them: taken once,
/// when the review is made, so the report says what the reviewer saw.
public struct ReviewMeasures: Codable, Hashable, Sendable {
    public var partnershipKey: String
    public var name: String
    public var statutory: Bool
    public var meetings: Int
    public var personHours: Double
    /// Salaries of the time in meetings held in the period, in pence.
    public var costPence: Int
    /// The same for a year, with the meetings planned.
    public var annualCostPence: Int
    public var decisions: Int
    public var actions: Int
    public var done: Int
    public var overdue: Int
    /// The share of meetings with someone of director rank or above present.
    public var seniorShare: Double?
    /// The share of member seats left empty.
    public var missedShare: Double?
    /// The partnership it shares most members with, and the share of the smaller's members.
    public var overlapKey: String?
    public var overlapName: String?
    public var overlap: Double?
    /// Items discussed elsewhere too, with the same people.
    public var items: Int
    public var duplicated: Int
    /// "3 of 4 priorities carry a plan priority", "No priorities recorded", …
    public var alignment: String
    public var alignmentShare: Double?
    /// "Current", "Overdue since 10 January 2025", "Not recorded".
    public var termsOfReference: String
    public var termsOfReferenceOverdue: Bool

    public init(_ f: ReviewFindings) {
        partnershipKey = f.partnershipKey
        name = f.name
        statutory = f.isStatutory
        meetings = f.cost.meetingsHeld
        personHours = f.cost.personHours
        costPence = f.cost.cost.pence
        annualCostPence = f.cost.annualCost.pence
        decisions = f.delivery.figures.decisions
        actions = f.delivery.figures.actions
        done = f.delivery.figures.done
        overdue = f.delivery.figures.overdue
        seniorShare = f.attendance.figures?.seniorShare
        missedShare = f.attendance.figures?.missedShare
        overlapKey = f.overlap?.otherKey
        overlapName = f.overlap?.otherName
        overlap = f.overlap?.overlap
        items = f.duplication.items
        duplicated = f.duplication.duplicated
        switch f.alignment.state {
        case .notAssessed: alignment = "Not assessed"
        case .noPlan: alignment = "No Police and Crime Plan recorded"
        case .noPrioritiesRecorded: alignment = "No priorities recorded"
        case .assessed:
            alignment = "\(f.alignment.aligned) of \(f.alignment.priorities) priorities carry a plan priority"
        }
        alignmentShare = f.alignment.share
        switch f.termsOfReference.state {
        case .current: termsOfReference = "Current"
        case .overdue:
            termsOfReference = "Overdue" + (f.termsOfReference.dueOn.map { " since \($0.longDescription)" } ?? "")
        case .unknown: termsOfReference = "Not recorded"
        }
        termsOfReferenceOverdue = f.termsOfReference.state == .overdue
    }
}
