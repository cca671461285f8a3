import Foundation

/// Delivery signals of the held meetings of a period: decisions and actions per meeting, how many actions raised in
/// the period are done or overdue, the share of agenda time "for information" (the reports' "talking shop"), and the
/// items that come back to most meetings without ever being decided.
public enum Delivery {
    public struct Figures: Hashable, Sendable {
        public var meetings = 0
        public var items = 0
        public var decisions = 0
        /// Actions raised in the period, and how they stand at its end (or today, if sooner).
        public var actions = 0
        public var done = 0
        public var dropped = 0
        public var overdue = 0
        /// Agenda time in minutes (items with a time; the count of items when none has one).
        public var agendaMinutes = 0
        public var informationMinutes = 0

        public var decisionsPerMeeting: Double? { share(decisions, meetings) }
        public var actionsPerMeeting: Double? { share(actions, meetings) }
        /// Done among the actions not dropped.
        public var completion: Double? { share(done, actions - dropped) }
        public var overdueShare: Double? { share(overdue, actions - dropped) }
        public var informationShare: Double? { share(informationMinutes, agendaMinutes) }

        mutating func add(_ o: Figures) {
            meetings += o.meetings; items += o.items; decisions += o.decisions; actions += o.actions; done += o.done
            dropped += o.dropped; overdue += o.overdue; agendaMinutes += o.agendaMinutes;
            informationMinutes += o.informationMinutes
        }
    }

    /// An item that came back to at least half of a partnership's held meetings (and at least three) and was never decided.
    public struct Recurring: Hashable, Sendable {
        public var partnershipKey: String
        public var title: String
        public var meetings: Int
        public var of: Int
        public var itemKeys: [String]
    }

    public struct Row: Sendable {
        public var key: String
        public var name: String
        public var figures: Figures
        public var recurring: [Recurring]
    }

    public struct Report: Sendable {
        public var period: Period
        public var partnerships: [Row]
        public var overall: Figures
        public var recurring: [Recurring] { partnerships.flatMap(\.recurring) }
    }

    /// Of every partnership, or `only` those (and then `overall` is of them).
    public static func run(_ data: AnalyticsData, period: Period, today: Day, only: Set<String>? = nil) -> Report {
        let asOf = min(period.to, today)
        let actions = Dictionary(grouping: data.actions.filter { period.contains($0.raisedOn) }, by: \.partnershipKey)
        let heldBy = Dictionary(
            grouping: data.meetings.filter { data.isHeld($0, asOf: asOf) && period.contains(data.day(of: $0)) },
            by: \.partnershipKey)
        var rows: [Row] = []
        var overall = Figures()
        for partnership in data.partnerships where only?.contains(partnership.key) ?? true {
            var f = Figures()
            let held = heldBy[partnership.key] ?? []
            var byTitle: [String: (title: String, meetings: Set<String>, items: [String], decided: Bool)] = [:]
            for meeting in held {
                f.meetings += 1
                let items = data.itemsByMeeting[meeting.key] ?? []
                f.items += items.count
                let timed = items.allSatisfy { ($0.durationMinutes ?? 0) > 0 }
                for item in items {
                    let decided = data.decidedItems.contains(item.key)
                    if decided { f.decisions += 1 }
                    let minutes = timed ? item.durationMinutes! : 1
                    f.agendaMinutes += minutes
                    if item.kind == .information { f.informationMinutes += minutes }
                    let title = normalisedTitle(item.title)
                    guard !title.isEmpty else { continue }
                    byTitle[title, default: (item.title, [], [], false)].meetings.insert(meeting.key)
                    byTitle[title]!.items.append(item.key)
                    if decided { byTitle[title]!.decided = true }
                }
            }
            for action in actions[partnership.key] ?? [] {
                f.actions += 1
                switch action.status {
                case .done: f.done += 1
                case .dropped: f.dropped += 1
                case .open, .inProgress: if action.isOverdue(on: asOf) { f.overdue += 1 }
                }
            }
            let recurring = byTitle.values.filter {
                !$0.decided && $0.meetings.count >= 3 && 2 * $0.meetings.count >= held.count
            }
            .map {
                Recurring(
                    partnershipKey: partnership.key, title: $0.title, meetings: $0.meetings.count, of: held.count,
                    itemKeys: $0.items)
            }
            .sorted { ($1.meetings, $0.title) < ($0.meetings, $1.title) }
            guard f.meetings > 0 || f.actions > 0 else { continue }
            overall.add(f)
            rows.append(Row(key: partnership.key, name: partnership.name, figures: f, recurring: recurring))
        }
        return Report(
            period: period,
            partnerships: rows.sorted {
                ($0.figures.informationShare ?? 0, $1.name) > ($1.figures.informationShare ?? 0, $0.name)
            },
            overall: overall)
    }

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "q1", "q2", "q3", "q4"
    ]

    /// A title without what changes from meeting to meeting: case, punctuation, numbers, single letters and month names.
    /// "Performance report – March 2025" and "Performance Report (April)" are the same item.
    public static func normalisedTitle(_ title: String) -> String {
        var title = title
        // Nearly every title is ASCII, where a letter is A to Z either case: read its bytes rather than its characters
        // (a character's properties cost more than the rest of the analysis).
        return title.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                while i < bytes.count, !isASCIILetter(bytes[i]) { i += 1 }
                let start = i
                while i < bytes.count, isASCIILetter(bytes[i]) { i += 1 }
                guard i - start > 1 else { continue }
                let word = bytes[start..<i].map { $0 | 0x20 }
                if word.count <= 9, months.contains(String(decoding: word, as: UTF8.self)) { continue }
                if !out.isEmpty { out.append(UInt8(ascii: " ")) }
                out.append(contentsOf: word)
            }
            return String(decoding: out, as: UTF8.self)
        } ?? normalisedTitleByCharacters(title)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The same for any text, character by character.
    static func normalisedTitleByCharacters(_ title: String) -> String {
        title.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count > 1 && !months.contains($0) }
            .joined(separator: " ")
    }
}
