import Foundation

/// Something due that someone should know of: terms of reference to review, an overdue action, an agreement expiring
/// or past its review, a request past due, a guidance step overdue, a survey closing. Alerts are worked out on the
/// day asked, from the records, never stored.
public struct Alert: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        case termsOfReference = "terms-of-reference"
        case action, agreement, request
        case guidanceStep = "guidance-step"
        case survey

        public var label: String {
            switch self {
            case .termsOfReference: "Terms of reference"
            case .action: "Actions"
            case .agreement: "Data-sharing agreements"
            case .request: "Data requests"
            case .guidanceStep: "Guidance steps"
            case .survey: "Surveys"
            }
        }
    }

    /// The record an alert is about: its kind ("partnership", "action", "agreement", "request", "survey") and key.
    public struct Record: Hashable, Codable, Sendable {
        public var type: String
        public var id: String

        public init(type: String, id: String) {
            self.type = type
            self.id = id
        }
    }

    public var kind: Kind
    public var title: String
    public var due: Day
    public var record: Record
    /// The page that shows the record, a path on the site.
    public var link: String

    public init(kind: Kind, title: String, due: Day, record: Record, link: String) {
        self.kind = kind
        self.title = title
        self.due = due
        self.record = record
        self.link = link
    }

    /// A stable id for the alert, for a calendar task: the same alert on another day has the same one.
    public var uid: String { "\(kind.rawValue)-\(record.type)-\(record.id)-\(due)" }
}

/// The rules that make alerts, each from the records it reads, as of a day. How far ahead each looks:
/// - terms of reference: their review date has come, or is within `soon` (30 days);
/// - an action: outstanding and past its due day;
/// - an agreement: in force and past its review date, or ending within `soon`, or ended (its own end day);
/// - a request: unanswered and past its due day;
/// - a guidance step: overdue (`MilestoneTask.overdue`);
/// - a survey: open and closing within `surveySoon` (7 days).
public enum AlertRules {
    public static let soon = 30
    public static let surveySoon = 7

    public static func termsOfReference(
        partnershipKey: String, partnershipName: String, reviewDue: Day?, on day: Day, link: String
    ) -> Alert? {
        guard let reviewDue, reviewDue.ordinal - day.ordinal <= soon else { return nil }
        return Alert(
            kind: .termsOfReference, title: "Review the terms of reference of \(partnershipName)", due: reviewDue,
            record: .init(type: "partnership", id: partnershipKey), link: link)
    }

    public static func action(
        key: String, title: String, dueOn: Day?, outstanding: Bool, on day: Day, link: String
    ) -> Alert? {
        guard outstanding, let dueOn, dueOn < day else { return nil }
        return Alert(
            kind: .action, title: "Overdue action: \(title)", due: dueOn, record: .init(type: "action", id: key),
            link: link)
    }

    public static func agreement(_ a: DataSharingAgreement, on day: Day, link: String) -> Alert? {
        let record = Alert.Record(type: "agreement", id: a.key)
        if a.state(on: day) == .active, let ends = a.endsOn, ends.ordinal - day.ordinal <= soon {
            return Alert(kind: .agreement, title: "Agreement ending: \(a.title)", due: ends, record: record, link: link)
        }
        if a.isPastReview(on: day), let review = a.reviewOn {
            return Alert(
                kind: .agreement, title: "Agreement past its review date: \(a.title)", due: review, record: record,
                link: link)
        }
        return nil
    }

    public static func request(_ r: DataRequest, partnerName: String, on day: Day, link: String) -> Alert? {
        guard r.isOverdue(on: day) else { return nil }
        return Alert(
            kind: .request, title: "No answer from \(partnerName): \(r.what)", due: r.dueBy,
            record: .init(type: "request", id: r.key), link: link)
    }

    public static func guidanceStep(
        _ task: MilestoneTask, partnershipKey: String, partnershipName: String, link: String
    ) -> Alert? {
        guard task.overdue else { return nil }
        return Alert(
            kind: .guidanceStep, title: "\(partnershipName): \(task.step.title)", due: task.due,
            record: .init(type: "partnership", id: partnershipKey), link: link)
    }

    public static func survey(_ s: Survey, on day: Day, link: String) -> Alert? {
        guard s.status(on: day) == .open, let closes = s.closesOn, closes.ordinal - day.ordinal <= surveySoon else {
            return nil
        }
        return Alert(
            kind: .survey, title: "Survey closing: \(s.title)", due: closes, record: .init(type: "survey", id: s.key),
            link: link)
    }

    /// Due first, then by kind and title; an alert found twice (the same kind, record and title) once.
    public static func ordered(_ alerts: [Alert]) -> [Alert] {
        var seen: Set<String> = []
        return alerts.sorted { ($0.due, $0.kind.rawValue, $0.title) < ($1.due, $1.kind.rawValue, $1.title) }
            .filter { seen.insert("\($0.kind.rawValue)|\($0.record.type)|\($0.record.id)|\($0.title)").inserted }
    }

    /// The contract of `convene alerts --format json`: `{"on","alerts":[{"kind","title","due","record":{"type","id"},
    /// "link"}]}`, keys sorted.
    public struct Report: Hashable, Codable, Sendable {
        public var on: Day
        public var alerts: [Alert]

        public init(on: Day, alerts: [Alert]) {
            self.on = on
            self.alerts = alerts
        }
    }

    public static func json(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }
}

/// A user's weekly digest: their alerts by kind, as a plain-text email. A digest is for a user and an ISO week
/// (`week(of:)`): sent once, so a second run in the same week sends nothing.
public struct Digest: Hashable, Sendable {
    public var to: String
    public var subject: String
    public var body: String
    /// "2026-W49".
    public var week: String

    /// The digest of `alerts` for a user, as of a day; nil when there is nothing to say. `site` is the address links
    /// are made from.
    public static func make(to email: String, alerts: [Alert], on day: Day, site: String) -> Digest? {
        guard !alerts.isEmpty else { return nil }
        let ordered = AlertRules.ordered(alerts)
        var lines = [
            "What is due in Convene, as of \(day.longDescription):", ""
        ]
        for kind in Alert.Kind.allCases {
            let these = ordered.filter { $0.kind == kind }
            guard !these.isEmpty else { continue }
            lines.append("\(kind.label) (\(these.count))")
            for alert in these {
                let when = alert.due < day ? "was due \(alert.due.longDescription)" : "due \(alert.due.longDescription)"
                lines.append("- \(alert.title), \(when)")
                lines.append("  \(site)\(alert.link)")
            }
            lines.append("")
        }
        lines.append(
            "You get this email because you chose a weekly digest in Convene; choose otherwise on your alerts page.")
        let count = ordered.count
        return Digest(
            to: email,
            subject: "Convene: \(count) thing\(count == 1 ? "" : "s") due, week of \(day.weekStart.longDescription)",
            body: lines.joined(separator: "\n") + "\n", week: week(of: day))
    }

    /// The ISO 8601 week of a day: "2026-W49" (weeks start on Monday; week 1 holds the year's first Thursday).
    public static func week(of day: Day) -> String {
        let thursday = day.weekStart.adding(days: 3)
        let firstOfYear = Day(year: thursday.year, month: 1, day: 1)!
        let number = (thursday.ordinal - firstOfYear.ordinal) / 7 + 1
        return "\(thursday.year)-W\(number < 10 ? "0" : "")\(number)"
    }
}
