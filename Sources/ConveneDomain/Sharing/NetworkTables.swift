import Foundation

/// The reports' national tables, computed from what force areas publish: partnerships per force area by type, CDPs
/// per force area, SROs of CDPs by role, meetings a year and their estimated cost per force area, and boards reviewed
/// in the last five years. Each row is a force area, so every total can be traced to the force areas behind it; a
/// force area that publishes nothing is named as missing, never counted as nought.
///
/// The rules, on a day:
/// 1. Only published partnerships count (the caller passes nothing else), and only those active on the day.
/// 2. A force area is missing when no workspace of it publishes a partnership.
/// 3. Meetings a year are the partnership's stated frequency (`MeetingFrequency.meetingsPerYear`); one with none
///    stated counts as unknown, and the row says how many.
/// 4. The estimated cost of a meeting is its published members × `hoursPerMeeting` (the meeting and its preparation)
///    × `pencePerHour`; a year's is that × meetings a year. Both are inputs, stated beside the table.
/// 5. A board is reviewed in the last five years when a published review that covers it ended within the five years
///    to the day.
/// 6. An SRO's role is the public role title the CDP publishes for its SRO, or the SRO's organisation's sector, or
///    "Not published".
public enum NetworkTables {
    /// What one force area publishes of one partnership.
    public struct Partnership: Hashable, Sendable {
        public var key: String
        public var forceAreaCode: String
        public var type: PartnershipType
        public var status: PartnershipStatus
        public var meetingsPerYear: Int?
        public var members: Int
        public var sroRole: String?
        public var reviewedOn: Day?

        public init(
            key: String, forceAreaCode: String, type: PartnershipType, status: PartnershipStatus = .active,
            meetingsPerYear: Int? = nil, members: Int = 0, sroRole: String? = nil, reviewedOn: Day? = nil
        ) {
            self.key = key
            self.forceAreaCode = forceAreaCode
            self.type = type
            self.status = status
            self.meetingsPerYear = meetingsPerYear
            self.members = members
            self.sroRole = sroRole
            self.reviewedOn = reviewedOn
        }
    }

    public struct Row: Hashable, Codable, Sendable {
        public var forceArea: String
        public var name: String
        public var partnerships: Int
        /// By type identifier.
        public var byType: [String: Int]
        public var cdps: Int
        public var meetingsPerYear: Int
        /// Partnerships with no stated frequency, left out of the meetings.
        public var frequencyUnknown: Int
        public var estimatedCostPence: Int
        public var reviewedInFiveYears: Int

        enum CodingKeys: String, CodingKey {
            case forceArea = "force_area"
            case name, partnerships
            case byType = "by_type"
            case cdps
            case meetingsPerYear = "meetings_per_year"
            case frequencyUnknown = "frequency_unknown"
            case estimatedCostPence = "estimated_cost_pence"
            case reviewedInFiveYears = "reviewed_in_five_years"
        }
    }

    public struct Report: Hashable, Codable, Sendable {
        public var analysis = "network"
        public var on: Day
        public var hoursPerMeeting: Double
        public var pencePerHour: Int
        public var forceAreas: [Row]
        /// The sum of every row.
        public var total: Row
        /// SROs of CDPs by role: role and count, most first.
        public var sros: [SRORole]
        /// Force areas that publish nothing: code and name.
        public var missing: [Missing]

        enum CodingKeys: String, CodingKey {
            case analysis, on
            case hoursPerMeeting = "hours_per_meeting"
            case pencePerHour = "pence_per_hour"
            case forceAreas = "force_areas"
            case total, sros, missing
        }
    }

    public struct SRORole: Hashable, Codable, Sendable {
        public var role: String
        public var count: Int
        public var forceAreas: [String]

        enum CodingKeys: String, CodingKey {
            case role, count
            case forceAreas = "force_areas"
        }
    }

    public struct Missing: Hashable, Codable, Sendable {
        public var forceArea: String
        public var name: String

        enum CodingKeys: String, CodingKey {
            case forceArea = "force_area"
            case name
        }
    }

    /// `forceAreas` are every force area, code and name, in the order the tables list them.
    public static func run(
        forceAreas: [(code: String, name: String)], published: [Partnership], on day: Day,
        hoursPerMeeting: Double = 3, pencePerHour: Int = 2_834
    ) -> Report {
        let fiveYearsAgo = Day(year: day.year - 5, month: day.month, day: min(day.day, 28))!
        let active = published.filter { !$0.status.hasEnded }
        let byArea = Dictionary(grouping: active, by: \.forceAreaCode)
        var rows: [Row] = []
        var missing: [Missing] = []
        for area in forceAreas {
            guard let these = byArea[area.code], !these.isEmpty else {
                missing.append(Missing(forceArea: area.code, name: area.name))
                continue
            }
            rows.append(
                row(
                    area.code, area.name, these, since: fiveYearsAgo, through: day, hours: hoursPerMeeting,
                    rate: pencePerHour))
        }
        var total = Row(
            forceArea: "", name: "All publishing force areas", partnerships: 0, byType: [:], cdps: 0,
            meetingsPerYear: 0, frequencyUnknown: 0, estimatedCostPence: 0, reviewedInFiveYears: 0)
        for row in rows {
            total.partnerships += row.partnerships
            total.byType.merge(row.byType, uniquingKeysWith: +)
            total.cdps += row.cdps
            total.meetingsPerYear += row.meetingsPerYear
            total.frequencyUnknown += row.frequencyUnknown
            total.estimatedCostPence += row.estimatedCostPence
            total.reviewedInFiveYears += row.reviewedInFiveYears
        }
        var roles: [String: Set<String>] = [:]
        var counts: [String: Int] = [:]
        for p in active where p.type == .combatingDrugsPartnership {
            let role =
                p.sroRole.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
                ?? "Not published"
            counts[role, default: 0] += 1
            roles[role, default: []].insert(p.forceAreaCode)
        }
        let sros = counts.map {
            SRORole(role: $0.key, count: $0.value, forceAreas: roles[$0.key, default: []].sorted())
        }
        .sorted { ($1.count, $0.role) < ($0.count, $1.role) }
        return Report(
            on: day, hoursPerMeeting: hoursPerMeeting, pencePerHour: pencePerHour, forceAreas: rows, total: total,
            sros: sros, missing: missing)
    }

    static func row(
        _ code: String, _ name: String, _ these: [Partnership], since: Day, through day: Day, hours: Double, rate: Int
    ) -> Row {
        var byType: [String: Int] = [:]
        var meetings = 0
        var unknown = 0
        var cost = 0
        for p in these {
            byType[p.type.rawValue, default: 0] += 1
            guard let perYear = p.meetingsPerYear else {
                unknown += 1
                continue
            }
            meetings += perYear
            cost += Int((Double(p.members) * hours * Double(rate) * Double(perYear)).rounded())
        }
        return Row(
            forceArea: code, name: name, partnerships: these.count, byType: byType,
            cdps: these.filter { $0.type == .combatingDrugsPartnership }.count, meetingsPerYear: meetings,
            frequencyUnknown: unknown, estimatedCostPence: cost,
            reviewedInFiveYears: these.filter { p in p.reviewedOn.map { since <= $0 && $0 <= day } == true }.count)
    }

    public static func json(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(report)
    }

    public static let csvHeader = [
        "force_area", "name", "partnerships", "cdps", "meetings_per_year", "frequency_unknown", "estimated_cost_pence",
        "reviewed_in_five_years"
    ]

    /// A line per publishing force area, then the total (force_area empty).
    public static func csv(_ report: Report) -> String {
        CSV.write(
            header: csvHeader,
            rows: (report.forceAreas + [report.total]).map { r in
                [
                    r.forceArea, r.name, "\(r.partnerships)", "\(r.cdps)", "\(r.meetingsPerYear)",
                    "\(r.frequencyUnknown)", "\(r.estimatedCostPence)", "\(r.reviewedInFiveYears)"
                ]
            })
    }
}
