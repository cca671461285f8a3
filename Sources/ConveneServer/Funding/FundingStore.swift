import ConveneDomain
import Fluent
import Foundation

/// Reads of funding: the streams, and the funding analysis with the same partnerships' meeting cost worked out by the
/// cost audit for each financial year the money covers.
enum FundingStore {
    static func streams(in scope: Scope) async throws -> [FundingStream] {
        try await FundingStreamRecord.query(in: scope).sort(\.$key).all().map(\.domain)
    }

    static func find(_ key: String, in scope: Scope) async throws -> FundingStreamRecord {
        guard let record = try await FundingStreamRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The funding stream '\(key)'")
        }
        return record
    }

    /// The streams serving `partnership` (all when nil).
    static func streams(serving partnership: String?, in scope: Scope) async throws -> [FundingStream] {
        try await streams(servingAny: partnership.map { [$0] }, in: scope)
    }

    /// The streams serving any of `partnerships` (all when nil).
    static func streams(servingAny partnerships: Set<String>?, in scope: Scope) async throws -> [FundingStream] {
        let all = try await streams(in: scope)
        guard let partnerships else { return all }
        return all.filter { !partnerships.isDisjoint(with: $0.partnershipKeys) }
    }

    /// The partnerships a view of funding is about: one, those of a force area, or (nil) all.
    static func focus(partnership: String?, forceArea: String?, in scope: Scope) async throws -> Set<String>? {
        if let partnership { return [try await RegisterQueries.partnership(partnership, in: scope).key] }
        guard let forceArea else { return nil }
        return Set(try await PartnershipRecord.query(in: scope).filter(\.$forceAreaCode == forceArea).all(\.$key))
    }

    /// What each partnership's meetings cost in each financial year asked for it (held and planned, by the cost
    /// audit as of today).
    static func meetingCost(of asked: [ReportingPeriod: Set<String>], scope: Scope) async throws
        -> [String: [ReportingPeriod: Int]]
    {
        guard !asked.isEmpty else { return [:] }
        let settings = try await AnalyticsStore.settings(in: scope)
        var cost: [String: [ReportingPeriod: Int]] = [:]
        for (year, partnerships) in asked.sorted(by: { $0.key < $1.key }) {
            let period = Period(from: year.start, to: year.end)
            let data = try await AnalyticsStore.load(in: scope, period: period, needs: .of(.cost))
            let report = CostAudit.run(
                data, period: period, settings: settings, today: scope.now.today, only: partnerships)
            for partnership in report.partnerships where partnerships.contains(partnership.key) {
                cost[partnership.key, default: [:]][year] = partnership.total.pence
            }
        }
        return cost
    }

    /// The funding analysis of every stream, or of those serving the partnerships `only` names (one, or a force
    /// area's); the meeting cost is of each partnership the money serves, in each year it has money.
    static func analysis(only: Set<String>?, in scope: Scope) async throws -> FundingAnalysis.Report {
        let streams = try await streams(servingAny: only, in: scope)
        var asked: [ReportingPeriod: Set<String>] = [:]
        for share in streams.flatMap(FundingAnalysis.split) where only?.contains(share.partnershipKey) ?? true {
            asked[share.financialYear, default: []].insert(share.partnershipKey)
        }
        let cost = try await meetingCost(of: asked, scope: scope)
        return FundingAnalysis.run(streams: streams, meetingCost: cost, only: only)
    }

    /// The names of the organisations and partnerships the streams name, by key.
    static func names(in scope: Scope) async throws -> (organisations: [String: String], partnerships: [String: String])
    {
        struct Named: Decodable { var key, name: String }
        async let organisations = OrganisationRecord.query(in: scope).plainRows(Named.self, ["key", "name"])
        async let partnerships = PartnershipRecord.query(in: scope).plainRows(Named.self, ["key", "name"])
        return (
            Dictionary(try await organisations.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a }),
            Dictionary(try await partnerships.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        )
    }
}

/// A report due to a funder on a stream's money: a task on the guidance task list and in the calendar feeds.
struct FundingReport: Sendable, Hashable {
    var streamKey: String
    var purpose: String
    var day: Day

    /// Every reporting date of the streams, in date order.
    static func due(_ streams: [FundingStream]) -> [FundingReport] {
        streams.flatMap { s in s.reportingDates.map { FundingReport(streamKey: s.key, purpose: s.purpose, day: $0) } }
            .sorted { ($0.day, $0.streamKey) < ($1.day, $1.streamKey) }
    }

    var title: String { "Report to the funder: \(purpose)" }
}
