import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// The reports' national tables from what force areas publish (`NetworkTables`), read through `PublicRegister` only:
/// published partnerships with their public members, and published reviews.
enum NetworkTablesStore {
    static func report(on db: Database, today: Day) async throws -> NetworkTables.Report {
        async let areas = AreaRecord.query(on: db).filter(\.$kind == AreaKind.policeForceArea.rawValue).sort(\.$name)
            .all()
        async let reviews = PublicRegister.reviews(on: db)
        let published = try await PublicRegister.partnerships(on: db).all()
        let members = try await PublicRegister.memberships(ofPublished: published, on: db)
        let byPartnership = Dictionary(grouping: members, by: \.$partnership.id)
        // The day each partnership was last reviewed: the end of the period of a published review that covers it
        // (a review naming no partnerships covers its whole workspace).
        var reviewed: [String: Day] = [:]
        for (_, review) in try await reviews {
            guard let end = review.period?.to else { continue }
            let keys = StoredJSON.read([String].self, review.partnershipKeys)
            for p in published where p.$workspace.id == review.$workspace.id && (keys?.contains(p.key) ?? true) {
                let id = "\(p.$workspace.id)|\(p.key)"
                if reviewed[id].map({ $0 < end }) ?? true { reviewed[id] = end }
            }
        }
        let settings = AnalyticsSettings()
        let entries = published.compactMap { record -> NetworkTables.Partnership? in
            guard let area = record.forceAreaCode, let id = record.id else { return nil }
            let publicView = PublicPartnership(record, workspace: "", members: byPartnership[id] ?? [], today: today)
            let sro = publicView.members?.first { $0.role == MembershipRole.sro.label }
            return NetworkTables.Partnership(
                key: record.key, forceAreaCode: area, type: publicView.type, status: publicView.status,
                meetingsPerYear: publicView.meetingFrequency?.meetingsPerYear, members: publicView.members?.count ?? 0,
                sroRole: sro?.roleTitle ?? sro?.organisation,
                reviewedOn: reviewed["\(record.$workspace.id)|\(record.key)"])
        }
        return NetworkTables.run(
            forceAreas: try await areas.map { ($0.code, $0.name) }, published: entries, on: today,
            pencePerHour: settings.hourlyPence(salary: settings.defaultSalary))
    }
}

enum NetworkTablesView {
    static func section(_ report: NetworkTables.Report) -> Node<HTML.BodyContext> {
        let types = PartnershipType.allCases.filter { (report.total.byType[$0.rawValue] ?? 0) > 0 }
        let rows = report.forceAreas + [report.total]
        // To the penny, so that the total is the sum of the rows as shown.
        func money(_ pence: Int) -> String { Money.format(pence: pence) }
        return .section(
            .attribute(named: "aria-labelledby", value: "national-tables"),
            .h2(.id("national-tables"), .class("heading-l"), .text("The national tables")),
            .p(
                .text(
                    "Computed from what force areas publish, and nothing else: a row a force area, the last row their sum. Meetings a year follow each partnership's stated frequency; a meeting's estimated cost is its published members × \(OutcomeFormat.number(report.hoursPerMeeting)) hours × \(Money.format(pence: report.pencePerHour)) an hour."
                )),
            Components.table(
                caption: "Partnerships, meetings and their estimated cost, and reviews, by force area",
                headers: [
                    .text("Force area"), .text("Partnerships"), .text("CDPs"), .text("Meetings a year"),
                    .text("Frequency not stated"), .text("Estimated cost a year"),
                    .text("Reviewed in the last five years")
                ],
                rows: rows.map { r in
                    [
                        r.forceArea.isEmpty ? .strong(.text(r.name)) : .text(r.name), .text("\(r.partnerships)"),
                        .text("\(r.cdps)"), .text("\(r.meetingsPerYear)"), .text("\(r.frequencyUnknown)"),
                        .text(money(r.estimatedCostPence)), .text("\(r.reviewedInFiveYears)")
                    ]
                }),
            Components.table(
                caption: "Partnerships by type and force area",
                headers: [.text("Force area")] + types.map { .text($0.label) },
                rows: rows.map { r in
                    [r.forceArea.isEmpty ? .strong(.text(r.name)) : .text(r.name)]
                        + types.map { .text("\(r.byType[$0.rawValue] ?? 0)") }
                }),
            Components.table(
                caption: "Senior Responsible Owners of Combating Drugs Partnerships, by role",
                headers: [.text("Role"), .text("CDPs"), .text("Force areas")],
                rows: report.sros.map { s in
                    [.text(s.role), .text("\(s.count)"), .text("\(s.forceAreas.count)")]
                }),
            .h3(.class("heading-m"), .text("Force areas that publish nothing (\(report.missing.count))")),
            report.missing.isEmpty
                ? .p(.text("None: every force area publishes."))
                : .ul(.class("list"), .forEach(report.missing) { .li(.text($0.name)) }))
    }
}

extension Tasks {
    /// `convene analyse network`: the national tables from what every workspace publishes.
    public static func analyseNetwork(format: OutcomeOutputFormat, db: Database, now: Now = .system) async throws
        -> Data
    {
        let report = try await NetworkTablesStore.report(on: db, today: now.today)
        switch format {
        case .json: return try NetworkTables.json(report) + Data("\n".utf8)
        case .csv: return Data(NetworkTables.csv(report).utf8)
        }
    }
}
