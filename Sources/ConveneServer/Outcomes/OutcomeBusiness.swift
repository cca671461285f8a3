import ConveneDomain
import Fluent
import Foundation

/// Writes of outcomes, each with its audit entry in one transaction: a local indicator made or changed, and a
/// partnership's performance framework set. The files go through `OutcomeImport`.
enum OutcomeBusiness {
    /// The priorities of the partnership's active delivery plans, by key, with their titles, in plan order.
    static func priorities(of partnership: PartnershipRecord, in scope: Scope) async throws
        -> [(key: String, title: String)]
    {
        let plans = try await StrategyRecord.query(in: scope).filter(\.$ownerPartnership.$id == partnership.requireID())
            .filter(\.$kind == StrategyKind.deliveryPlan.rawValue).sort(\.$key).all()
        guard !plans.isEmpty else { return [] }
        return try await PriorityRecord.query(in: scope).filter(\.$strategy.$id ~~ plans.compactMap(\.id))
            .sort(\.$position).all().map { ($0.key, $0.title) }
    }

    /// Sets the partnership's framework, replacing the one it had.
    static func setFramework(_ framework: PerformanceFramework, in scope: Scope) async throws -> [FieldError] {
        let partnership = try await RegisterQueries.partnership(framework.partnershipKey, in: scope)
        let indicators = Set(try await OutcomeStore.indicators(in: scope).map(\.id))
        let priorities = Set(try await priorities(of: partnership, in: scope).map(\.key))
        let errors = framework.validate(indicators: indicators, priorities: priorities)
        guard errors.isEmpty else { return errors }
        let id = try partnership.requireID()
        return try await scope.retryingCollisions(on: ["partnership_id"]) {
            try await scope.auditedChecking { scope, audit in
                let held = try await PerformanceFrameworkRecord.query(in: scope).filter(\.$partnership.$id == id)
                    .first()
                let before = held?.domain(partnershipKey: framework.partnershipKey)
                if before == framework { return }
                let record = held ?? PerformanceFrameworkRecord()
                if held == nil {
                    scope.claim(record)
                    record.$partnership.id = id
                }
                record.areaCode = framework.areaCode
                record.comparisonAreaCode = framework.comparisonAreaCode
                record.entries = StoredJSON.write(framework.entries)
                record.updatedAt = scope.now()
                try await record.save(on: scope.db)
                audit.note(
                    held == nil ? "create" : "update", "performance-framework", framework.partnershipKey,
                    before: before, after: framework)
            }
        }
    }

    /// Adds a workspace's own indicator; its id may not be a national one's or one the workspace has.
    static func addIndicator(_ indicator: Indicator, in scope: Scope) async throws -> [FieldError] {
        var errors = indicator.validate()
        if OutcomeFrameworks.indicator(indicator.id) != nil {
            errors.append(FieldError("indicator_id", "'\(indicator.id)' is a national indicator's id; choose another"))
        }
        guard errors.isEmpty else { return errors }
        do {
            return try await scope.auditedChecking { scope, audit in
                if try await IndicatorRecord.query(in: scope).filter(\.$key == indicator.id).count() > 0 {
                    throw Refusal([FieldError("indicator_id", "There is already an indicator '\(indicator.id)'")])
                }
                let record = IndicatorRecord()
                scope.claim(record)
                record.key = indicator.id
                record.indicator = StoredJSON.write(indicator)
                try await record.create(on: scope.db)
                audit.note("create", "indicator", indicator.id, before: nil as Indicator?, after: indicator)
            }
        } catch let error where KeyInUse(error) != nil {
            return [FieldError("indicator_id", "There is already an indicator '\(indicator.id)'")]
        }
    }
}
