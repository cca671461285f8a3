import Foundation

/// How partners answer requests for data: per partner organisation and per legal gateway, the figures a duty to
/// share would need (`convene analyse requests --format json|csv`).
///
/// The rules, on a day:
/// 1. A request's gateway is its own, or else its agreement's (`gateways`), or else "Not given".
/// 2. `requests` counts every request; `answered` those with an answer day; `overdue` the unanswered past their due
///    day.
/// 3. `median_days` is the median of the answered requests' days from asking to answer: the middle one, or the mean
///    of the two middle ones; null with none answered.
/// 4. `on_time_share` is, of the requests whose due day has passed or that were answered, the share answered by the
///    due day; null when there are none.
/// 5. `refused_share` is, of the answered requests, the share refused; null with none answered.
///
/// The JSON, keys sorted:
///
///     {"analysis": "requests", "on": "2026-12-07",
///      "partners": [ROW], "gateways": [ROW]}
///
/// where a ROW is `{"id", "name", "requests", "answered", "overdue", "median_days", "on_time_share",
/// "refused_share"}`; shares to four decimal places; rows most requests first, then by name.
public enum RequestAnalysis {
    public struct Row: Hashable, Codable, Sendable {
        public var id: String
        public var name: String
        public var requests: Int
        public var answered: Int
        public var overdue: Int
        public var medianDays: Double?
        public var onTimeShare: Double?
        public var refusedShare: Double?

        enum CodingKeys: String, CodingKey {
            case id, name, requests, answered, overdue
            case medianDays = "median_days"
            case onTimeShare = "on_time_share"
            case refusedShare = "refused_share"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(requests, forKey: .requests)
            try c.encode(answered, forKey: .answered)
            try c.encode(overdue, forKey: .overdue)
            try c.encode(medianDays, forKey: .medianDays)
            try c.encode(onTimeShare, forKey: .onTimeShare)
            try c.encode(refusedShare, forKey: .refusedShare)
        }
    }

    public struct Report: Hashable, Codable, Sendable {
        public var analysis = "requests"
        public var on: Day
        public var partners: [Row]
        public var gateways: [Row]

        enum CodingKeys: String, CodingKey { case analysis, on, partners, gateways }
    }

    public static let noGateway = "Not given"

    /// `names` are the partners' names by key; `gateways` each agreement's gateway by its key.
    public static func run(
        _ requests: [DataRequest], on day: Day, names: [String: String] = [:], gateways: [String: String] = [:]
    ) -> Report {
        func gateway(_ r: DataRequest) -> String { r.gateway ?? r.agreementKey.flatMap { gateways[$0] } ?? noGateway }
        let byPartner = Dictionary(grouping: requests, by: \.partnerKey)
        let byGateway = Dictionary(grouping: requests, by: gateway)
        return Report(
            on: day,
            partners: byPartner.map { row(id: $0.key, name: names[$0.key] ?? $0.key, $0.value, on: day) }.sorted(
                by: order),
            gateways: byGateway.map { row(id: $0.key, name: $0.key, $0.value, on: day) }.sorted(by: order))
    }

    static func order(_ a: Row, _ b: Row) -> Bool {
        a.requests != b.requests ? a.requests > b.requests : (a.name, a.id) < (b.name, b.id)
    }

    /// The row of one group of requests, by the rules above.
    public static func row(id: String, name: String, _ requests: [DataRequest], on day: Day) -> Row {
        let answered = requests.filter { $0.answeredOn != nil }
        let due = requests.filter { $0.answeredOn != nil || $0.dueBy < day }
        return Row(
            id: id, name: name, requests: requests.count, answered: answered.count,
            overdue: requests.filter { $0.isOverdue(on: day) }.count,
            medianDays: median(answered.compactMap(\.responseDays)),
            onTimeShare: share(due.filter { $0.answeredOnTime == true }.count, of: due.count),
            refusedShare: share(answered.filter { $0.outcome == .refused }.count, of: answered.count))
    }

    /// The middle value, or the mean of the two middle ones; nil for none.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    static func share(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : (Double(part) / Double(whole) * 10_000).rounded() / 10_000
    }

    public static func json(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(report)
    }

    public static let csvHeader = [
        "group", "id", "name", "requests", "answered", "overdue", "median_days", "on_time_share", "refused_share"
    ]

    /// A line per partner (`group` "partner"), then per gateway (`group` "gateway").
    public static func csv(_ report: Report) -> String {
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            return value == value.rounded() ? String(Int(value)) : String(value)
        }
        func line(_ group: String, _ r: Row) -> [String] {
            [
                group, r.id, r.name, "\(r.requests)", "\(r.answered)", "\(r.overdue)", number(r.medianDays),
                number(r.onTimeShare), number(r.refusedShare)
            ]
        }
        return CSV.write(
            header: csvHeader,
            rows: report.partners.map { line("partner", $0) } + report.gateways.map { line("gateway", $0) })
    }
}
