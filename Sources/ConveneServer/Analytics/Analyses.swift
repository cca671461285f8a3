import ConveneDomain
import Foundation

/// The analyses of meetings as the CLI and the API give them: JSON (a documented, stable shape, keys in
/// snake_case, money in integer pence), CSV (the main table) and text (that table, aligned, with a total).
public enum Analysis: String, CaseIterable, Sendable {
    case cost, load, attendance, delivery, triage
    /// The duplication analyses: shared members, duplicate discussions and near-duplicate priorities.
    case overlap, duplicates, priorities
    /// The Combating Drugs Partnerships' analyses, of the register alone: the PCC's involvement in each force
    /// area's CDPs, who their SROs are, and their footprints against councils and ICBs.
    case involvement, sros, footprints

    /// Whether the analysis reads the register (with its reporting lines and geography) rather than the meetings.
    public var readsTheRegister: Bool { [.involvement, .sros, .footprints].contains(self) }
}

public enum AnalysisFormat: String, CaseIterable, Sendable {
    case json, csv, text
}

/// What an analysis is asked: its period, and for triage whose invitations and how many meetings a year they can take.
public struct AnalysisQuestion: Sendable {
    public var period: Period
    public var personKey: String?
    public var capacity: Int?

    public init(period: Period, personKey: String? = nil, capacity: Int? = nil) {
        self.period = period
        self.personKey = personKey
        self.capacity = capacity
    }
}

/// An analysis's answer in every format.
public struct AnalysisOutput: Sendable {
    public var json: Data
    public var header: [String]
    public var rows: [[String]]
    public var summary: String
    /// Seconds spent reading the records, and working the figures out (with the JSON), for the benchmark.
    public var readSeconds = 0.0
    public var workSeconds = 0.0

    public func render(_ format: AnalysisFormat) -> Data {
        switch format {
        case .json: json
        case .csv: Data(CSV.write(header: header, rows: rows).utf8)
        case .text: Data(AnalysisOutput.aligned(header: header, rows: rows, summary: summary).utf8)
        }
    }

    static func aligned(header: [String], rows: [[String]], summary: String) -> String {
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header)] + rows.map(line) + ["", summary]).joined(separator: "\n") + "\n"
    }
}

enum Analyses {
    struct Problem: Error, CustomStringConvertible { var description: String }

    static func run(_ analysis: Analysis, _ question: AnalysisQuestion, in scope: Scope) async throws -> AnalysisOutput
    {
        let started = ContinuousClock.now
        if analysis.readsTheRegister {
            let register = try await CDPStore.load(in: scope)
            let read = ContinuousClock.now
            var result = try cdpOutput(analysis, question, register: register, today: scope.now.today)
            result.readSeconds = seconds(read - started)
            result.workSeconds = seconds(ContinuousClock.now - read)
            return result
        }
        let data = try await AnalyticsStore.load(in: scope, period: question.period, needs: .of(analysis))
        let settings = try await AnalyticsStore.settings(in: scope)
        let priorities = analysis == .priorities ? try await StrategyStore.priorityTexts(in: scope) : []
        let read = ContinuousClock.now
        var result = try output(
            analysis, question, data: data, settings: settings, today: scope.now.today, priorities: priorities)
        result.readSeconds = seconds(read - started)
        result.workSeconds = seconds(ContinuousClock.now - read)
        return result
    }

    /// `priorities` are the workspace's strategies' priorities, which only the priorities analysis reads; `register`
    /// is the register with its reporting lines and geography, which only the CDP analyses read.
    static func output(
        _ analysis: Analysis, _ question: AnalysisQuestion, data: AnalyticsData, settings: AnalyticsSettings,
        today: Day, priorities: [PriorityText] = [], register: Register = Register()
    ) throws -> AnalysisOutput {
        let period = question.period
        let organisationName = { (key: String) in data.organisationsByKey[key]?.name ?? "No organisation" }
        switch analysis {
        case .involvement, .sros, .footprints:
            return try cdpOutput(analysis, question, register: register, today: today)
        case .overlap, .duplicates, .priorities:
            return try duplicationOutput(
                analysis, question, data: data, settings: settings, today: today, priorities: priorities)
        case .cost:
            let r = CostAudit.run(data, period: period, settings: settings, today: today)
            let json = CostJSON(
                from: period.from.description, to: period.to.description, currency: "GBP",
                hoursPerYear: settings.hoursPerYear,
                preparationMinutes: settings.preparationMinutes, totalPence: r.total.pence, heldPence: r.heldCost.pence,
                plannedPence: r.plannedCost.pence, meetings: r.heldMeetings, personHours: hours(r.personMinutes),
                partnerships: r.partnerships.map {
                    .init(
                        id: $0.key, name: $0.name, meetings: $0.meetings, personHours: hours($0.personMinutes),
                        costPence: $0.cost.pence,
                        plannedMeetings: $0.plannedMeetings, plannedCostPence: $0.plannedCost.pence,
                        typicalMeetingPence: $0.typicalMeeting.pence, totalPence: $0.total.pence)
                },
                organisations: r.organisations.map {
                    .init(
                        id: $0.key, name: organisationName($0.key), meetings: $0.meetings,
                        personHours: hours($0.personMinutes), costPence: $0.cost.pence)
                },
                themes: r.themes.map {
                    .init(
                        id: $0.key, name: $0.key.isEmpty ? "No theme" : $0.key, meetings: $0.meetings,
                        personHours: hours($0.personMinutes), costPence: $0.cost.pence)
                })
            return AnalysisOutput(
                json: try encode(json),
                header: [
                    "id", "name", "meetings", "person_hours", "cost_pence", "planned_meetings", "planned_cost_pence",
                    "total_pence"
                ],
                rows: r.partnerships.map {
                    [
                        $0.key, $0.name, "\($0.meetings)", number(hours($0.personMinutes)), "\($0.cost.pence)",
                        "\($0.plannedMeetings)", "\($0.plannedCost.pence)", "\($0.total.pence)"
                    ]
                },
                summary:
                    "\(period): \(r.heldMeetings) meetings held, \(number(hours(r.personMinutes))) person-hours, \(r.heldCost.description); "
                    + "planned \(r.plannedCost.description); total \(r.total.description) at \(settings.hoursPerYear) working hours a year"
            )
        case .load:
            let r = Load.run(data, period: period, settings: settings)
            let weeks = max(1, r.weeks.count)
            let json = LoadJSON(
                from: period.from.description, to: period.to.description, weeks: r.weeks.count,
                thresholds: .init(meetingsPerWeek: r.meetingsThreshold, hoursPerWeek: r.hoursThreshold),
                persons: r.persons.map { p in
                    .init(
                        id: p.personKey, name: p.name, organisation: p.organisationKey, meetings: p.total.meetings,
                        attended: p.total.attended,
                        hours: hours(p.total.minutes),
                        meetingsPerWeek: rounded(Double(p.total.meetings) / Double(weeks)),
                        overcommittedWeeks: p.overcommittedWeeks.count, busiestWeek: p.busiestWeek?.start.description,
                        busiestWeekMeetings: p.busiestWeek?.tally.meetings ?? 0)
                },
                organisations: r.organisations.map {
                    .init(
                        id: $0.key, name: $0.name, people: $0.people, meetings: $0.total.meetings,
                        hours: hours($0.total.minutes), overcommittedPeople: $0.overcommittedPeople)
                })
            return AnalysisOutput(
                json: try encode(json),
                header: [
                    "id", "name", "organisation", "meetings", "attended", "hours", "meetings_per_week",
                    "overcommitted_weeks", "busiest_week"
                ],
                rows: r.persons.map { p in
                    [
                        p.personKey, p.name, p.organisationKey ?? "", "\(p.total.meetings)", "\(p.total.attended)",
                        number(hours(p.total.minutes)), number(rounded(Double(p.total.meetings) / Double(weeks))),
                        "\(p.overcommittedWeeks.count)", p.busiestWeek?.start.description ?? ""
                    ]
                },
                summary:
                    "\(period): \(r.persons.count) people with meetings; \(r.overcommitted.count) over-committed in at least one week "
                    + "(\(r.meetingsThreshold) meetings or \(r.hoursThreshold) hours a week)")
        case .attendance:
            let r = AttendanceQuality.run(data, period: period, today: today)
            func row(_ row: AttendanceQuality.Row) -> AttendanceJSON.Row {
                let f = row.figures
                return .init(
                    id: row.key, name: row.name, meetings: f.meetings, seats: f.seats, byMember: f.byMember,
                    bySubstitute: f.bySubstitute,
                    missed: f.missed, memberShare: f.memberShare.map(rounded),
                    substituteShare: f.substituteShare.map(rounded),
                    missedShare: f.missedShare.map(rounded), seniorPresentShare: f.seniorShare.map(rounded),
                    consistency: f.consistency.map(rounded), quorateShare: f.quorateShare.map(rounded))
            }
            let json = AttendanceJSON(
                from: period.from.description, to: period.to.description,
                overall: row(.init(key: "", name: "All", figures: r.overall)),
                partnerships: r.partnerships.map(row), organisations: r.organisations.map(row))
            return AnalysisOutput(
                json: try encode(json),
                header: [
                    "id", "name", "meetings", "seats", "by_member", "by_substitute", "missed", "senior_present_share",
                    "consistency", "quorate_share"
                ],
                rows: r.partnerships.map { p in
                    let f = p.figures
                    return [
                        p.key, p.name, "\(f.meetings)", "\(f.seats)", "\(f.byMember)", "\(f.bySubstitute)",
                        "\(f.missed)",
                        percent(f.seniorShare), percent(f.consistency), percent(f.quorateShare)
                    ]
                },
                summary:
                    "\(period): \(r.overall.meetings) meetings; seats filled by the member \(percent(r.overall.memberShare)), "
                    + "by a substitute \(percent(r.overall.substituteShare)), missed \(percent(r.overall.missedShare))")
        case .delivery:
            let r = Delivery.run(data, period: period, today: today)
            let json = DeliveryJSON(
                from: period.from.description, to: period.to.description,
                partnerships: r.partnerships.map { p in
                    let f = p.figures
                    return .init(
                        id: p.key, name: p.name, meetings: f.meetings, items: f.items, decisions: f.decisions,
                        decisionsPerMeeting: f.decisionsPerMeeting.map(rounded), actions: f.actions,
                        actionsPerMeeting: f.actionsPerMeeting.map(rounded), done: f.done, dropped: f.dropped,
                        overdue: f.overdue,
                        completion: f.completion.map(rounded), overdueShare: f.overdueShare.map(rounded),
                        informationShare: f.informationShare.map(rounded),
                        recurringWithoutDecision: p.recurring.map {
                            .init(title: $0.title, meetings: $0.meetings, of: $0.of)
                        })
                })
            return AnalysisOutput(
                json: try encode(json),
                header: [
                    "id", "name", "meetings", "decisions_per_meeting", "actions_per_meeting", "completion",
                    "overdue_share",
                    "information_share", "recurring_without_decision"
                ],
                rows: r.partnerships.map { p in
                    let f = p.figures
                    return [
                        p.key, p.name, "\(f.meetings)", f.decisionsPerMeeting.map { number(rounded($0)) } ?? "",
                        f.actionsPerMeeting.map { number(rounded($0)) } ?? "", percent(f.completion),
                        percent(f.overdueShare),
                        percent(f.informationShare), "\(p.recurring.count)"
                    ]
                },
                summary:
                    "\(period): \(r.overall.meetings) meetings, \(r.overall.decisions) decisions, \(r.overall.actions) actions "
                    + "(\(percent(r.overall.completion)) done, \(percent(r.overall.overdueShare)) overdue); "
                    + "\(percent(r.overall.informationShare)) of agenda time for information")
        case .triage:
            guard let personKey = question.personKey ?? data.pcc?.key else {
                throw Problem(
                    description:
                        "Say whose invitations to triage with --person: the register has no Police and Crime Commissioner"
                )
            }
            guard let person = data.personsByKey[personKey] else {
                throw Problem(description: "There is no person '\(personKey)'")
            }
            let capacity = question.capacity ?? Triage.defaultCapacity
            let r = triage(
                data, personKey: personKey, capacity: capacity, period: period, settings: settings, today: today)
            let json = TriageJSON(
                from: period.from.description, to: period.to.description,
                person: .init(id: person.key, name: person.name), capacity: capacity,
                attendMeetings: r.attendMeetings, invitedMeetings: r.invitedMeetings, fits: r.fits,
                entries: r.entries.map {
                    .init(
                        id: $0.partnershipKey, name: $0.name, roles: $0.roles, meetingsPerYear: $0.meetingsPerYear,
                        recommendation: $0.recommendation.rawValue, reasons: $0.reasons, score: $0.score,
                        decisionShare: $0.decisionShare.map(rounded),
                        informationShare: $0.informationShare.map(rounded),
                        typicalMeetingPence: $0.typicalCost.pence, delegate: $0.delegateKey)
                })
            return AnalysisOutput(
                json: try encode(json),
                header: ["id", "name", "roles", "meetings_per_year", "recommendation", "reasons"],
                rows: r.entries.map {
                    [
                        $0.partnershipKey, $0.name, $0.roles.joined(separator: "; "), "\($0.meetingsPerYear)",
                        $0.recommendation.rawValue, $0.reasons.joined(separator: "; ")
                    ]
                },
                summary:
                    "\(person.name): attend \(r.attendMeetings) of \(r.invitedMeetings) meetings a year, capacity \(capacity)"
                    + (r.fits ? "" : " (over capacity: the meetings they chair or lead come first)"))
        }
    }

    // MARK: Shapes

    struct CostJSON: Encodable {
        struct Row: Encodable {
            var id: String; var name: String; var meetings: Int; var personHours: Double; var costPence: Int
            var plannedMeetings: Int; var plannedCostPence: Int; var typicalMeetingPence: Int; var totalPence: Int
        }
        struct Share: Encodable {
            var id: String; var name: String; var meetings: Int; var personHours: Double; var costPence: Int
        }
        var analysis = "cost"
        var from: String, to: String, currency: String, hoursPerYear: Int, preparationMinutes: Int
        var totalPence: Int, heldPence: Int, plannedPence: Int, meetings: Int, personHours: Double
        var partnerships: [Row], organisations: [Share], themes: [Share]
    }

    struct LoadJSON: Encodable {
        struct Thresholds: Encodable { var meetingsPerWeek: Int; var hoursPerWeek: Int }
        struct Person: Encodable {
            var id: String; var name: String; var organisation: String?; var meetings: Int; var attended: Int;
            var hours: Double
            var meetingsPerWeek: Double; var overcommittedWeeks: Int; var busiestWeek: String?;
            var busiestWeekMeetings: Int
        }
        struct Organisation: Encodable {
            var id: String; var name: String; var people: Int; var meetings: Int; var hours: Double;
            var overcommittedPeople: Int
        }
        var analysis = "load"
        var from: String, to: String, weeks: Int, thresholds: Thresholds
        var persons: [Person], organisations: [Organisation]
    }

    struct AttendanceJSON: Encodable {
        struct Row: Encodable {
            var id: String; var name: String; var meetings: Int; var seats: Int; var byMember: Int;
            var bySubstitute: Int; var missed: Int
            var memberShare: Double?; var substituteShare: Double?; var missedShare: Double?;
            var seniorPresentShare: Double?
            var consistency: Double?; var quorateShare: Double?
        }
        var analysis = "attendance"
        var from: String, to: String, overall: Row, partnerships: [Row], organisations: [Row]
    }

    struct DeliveryJSON: Encodable {
        struct Recurring: Encodable { var title: String; var meetings: Int; var of: Int }
        struct Row: Encodable {
            var id: String; var name: String; var meetings: Int; var items: Int; var decisions: Int;
            var decisionsPerMeeting: Double?
            var actions: Int; var actionsPerMeeting: Double?; var done: Int; var dropped: Int; var overdue: Int;
            var completion: Double?
            var overdueShare: Double?; var informationShare: Double?; var recurringWithoutDecision: [Recurring]
        }
        var analysis = "delivery"
        var from: String, to: String, partnerships: [Row]
    }

    struct TriageJSON: Encodable {
        struct Person: Encodable { var id: String; var name: String }
        struct Entry: Encodable {
            var id: String; var name: String; var roles: [String]; var meetingsPerYear: Int; var recommendation: String
            var reasons: [String]; var score: Int; var decisionShare: Double?; var informationShare: Double?;
            var typicalMeetingPence: Int; var delegate: String?
        }
        var analysis = "triage"
        var from: String, to: String, person: Person, capacity: Int, attendMeetings: Int, invitedMeetings: Int,
            fits: Bool, entries: [Entry]
    }

    // MARK: Numbers

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func hours(_ minutes: Int) -> Double { rounded(Double(minutes) / 60) }
    /// To four decimal places, so JSON does not carry binary noise.
    static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
    static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }
    static func percent(_ x: Double?) -> String { x.map { "\(Int(($0 * 100).rounded()))%" } ?? "" }
}
