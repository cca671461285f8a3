import ConveneDomain
import Fluent
import Foundation

/// Reads of outcomes: the indicators a workspace knows (the national ones and its own), their measurements with every
/// revision, their targets, and the partnerships' performance frameworks.
enum OutcomeStore {
    /// The national indicators in the frameworks' order, then the workspace's own by id.
    static func indicators(in scope: Scope) async throws -> [Indicator] {
        let local = try await IndicatorRecord.query(in: scope).sort(\.$key).all().compactMap(\.domain)
        return OutcomeFrameworks.indicators + local
    }

    static func indicator(_ id: String, in scope: Scope) async throws -> Indicator {
        if let national = OutcomeFrameworks.indicator(id) { return national }
        guard let local = try await IndicatorRecord.query(in: scope).filter(\.$key == id).first()?.domain else {
            throw Problem.notFound("The indicator '\(id)'")
        }
        return local
    }

    /// Every revision of the values of `indicators` (all when nil) in `areas` (all when nil), each key's revisions in
    /// the order they were received.
    static func measurements(of indicators: [String]? = nil, in areas: [String]? = nil, scope: Scope) async throws
        -> [IndicatorMeasurement]
    {
        if indicators?.isEmpty == true || areas?.isEmpty == true { return [] }
        let query = MeasurementRecord.query(in: scope)
        if let indicators { query.filter(\.$indicatorKey ~~ indicators) }
        if let areas { query.filter(\.$areaCode ~~ areas) }
        return try await query.sort(\.$indicatorKey).sort(\.$areaCode).sort(\.$period).sort(\.$revision).all()
            .compactMap(\.domain)
    }

    static func targets(of indicators: [String]? = nil, in areas: [String]? = nil, scope: Scope) async throws
        -> [Target]
    {
        if indicators?.isEmpty == true || areas?.isEmpty == true { return [] }
        let query = TargetRecord.query(in: scope)
        if let indicators { query.filter(\.$indicatorKey ~~ indicators) }
        if let areas { query.filter(\.$areaCode ~~ areas) }
        return try await query.sort(\.$indicatorKey).sort(\.$areaCode).sort(\.$period).all().compactMap(\.domain)
    }

    static func framework(of partnership: PartnershipRecord, in scope: Scope) async throws -> PerformanceFramework? {
        try await PerformanceFrameworkRecord.query(in: scope).filter(\.$partnership.$id == partnership.requireID())
            .first()?.domain(partnershipKey: partnership.key)
    }

    /// The names of the areas with these codes, by code; a code Convene does not know is left out.
    static func areaNames(_ codes: [String], on db: Database) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        let areas = try await AreaRecord.query(on: db).filter(\.$code ~~ codes).all()
        var names = Dictionary(areas.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        if codes.contains(OutcomeStore.england), names[OutcomeStore.england] == nil {
            names[OutcomeStore.england] = "England"
        }
        return names
    }

    /// The ONS code of England, the comparison a national figure is published for.
    static let england = "E92000001"

    /// The outcomes analysis of `indicators` (the partnership's framework's when one is named, else all of them with
    /// a value), for `area` when one is named.
    static func analysis(partnership key: String?, area: String?, in scope: Scope) async throws
        -> OutcomesAnalysis.Report
    {
        var chosen = try await indicators(in: scope)
        var areas: [String]? = area.map { [$0] }
        var focus = area
        if let key {
            let partnership = try await RegisterQueries.partnership(key, in: scope)
            guard let framework = try await framework(of: partnership, in: scope) else {
                throw Problem.notFound("A performance framework of '\(key)'")
            }
            let ids = framework.indicatorIDs
            chosen = ids.compactMap { id in chosen.first { $0.id == id } }
            focus = area ?? framework.areaCode
            areas = area.map { [$0] } ?? [framework.areaCode] + (framework.comparisonAreaCode.map { [$0] } ?? [])
        }
        let ids = chosen.map(\.id)
        let wanted = areas
        async let measurements = measurements(of: ids, in: wanted, scope: scope)
        async let targets = targets(of: ids, in: wanted, scope: scope)
        let values = try await measurements
        if key == nil {
            let measured = Set(values.map(\.indicatorID))
            chosen = chosen.filter { measured.contains($0.id) }
        }
        return OutcomesAnalysis.run(
            indicators: chosen, measurements: values, targets: try await targets, area: focus)
    }
}
