import ConveneDomain
import FluentKit
import Foundation
import SQLKit

/// The one mapping from a register value to its table's columns, used for every register write. The Fluent models in
/// RegisterRecords.swift read the same columns back (`RecordMapping.swift`); writing through them would build a model
/// per row and read its fields by reflection, which a 50,000-row import cannot afford.
struct RowTable<Value>: Sendable {
    /// The table.
    let name: String
    /// The columns `values` fills, in its order.
    let columns: [String]
    /// Whether the table has `workspace_id`, `created_at` and `updated_at`.
    var owned = true
    var created = true
    var updated = true
    let values: @Sendable (Value, IDIndex) -> [ColumnValue]

    /// Inserts new records, each under its id, in the scope's workspace, at the scope's time.
    func insert(_ rows: [(id: UUID, value: Value)], ids: IDIndex, in scope: Scope) async throws {
        let now = scope.now()
        let head =
            ["id"] + (owned ? ["workspace_id"] : []) + (created ? ["created_at"] : []) + (updated ? ["updated_at"] : [])
        let stamps: [ColumnValue] =
            (owned ? [.id(scope.workspaceID)] : []) + (created ? [.instant(now)] : [])
            + (updated ? [.instant(now)] : [])
        try await BatchInsert.run(
            into: name, columns: head + columns,
            rows: rows.map { [.id($0.id)] + stamps + values($0.value, ids) }, on: scope.db)
    }

    /// Writes a stored record's new value over its old one.
    func update(_ id: UUID, to value: Value, ids: IDIndex, in scope: Scope) async throws {
        var update = scope.sql.update(name)
        for (column, value) in zip(columns, values(value, ids)) {
            update = update.set(SQLIdentifier(column), to: value.expression)
        }
        if updated { update = update.set(SQLIdentifier("updated_at"), to: SQLBind(scope.now())) }
        try await update.where(SQLIdentifier("id"), .equal, SQLBind(id)).run()
    }
}

/// A column's value; nil is NULL.
private func bind(_ value: String?) -> ColumnValue { ColumnValue(value) }
private func bind(_ value: Int?) -> ColumnValue { ColumnValue(value) }
private func bind(_ value: Double?) -> ColumnValue { ColumnValue(value) }
private func bind(_ value: Bool) -> ColumnValue { ColumnValue(value) }
private func bind(_ value: UUID?) -> ColumnValue { ColumnValue(value) }

extension RowTable where Value == Area {
    static let areas = RowTable(
        name: AreaRecord.schema, columns: ["code", "name", "kind", "parent_code"], owned: false, created: false,
        updated: false
    ) { area, _ in [bind(area.code), bind(area.name), bind(area.kind.rawValue), bind(area.parentCode)] }
}

extension RowTable where Value == AreaLink {
    static let areaLinks = RowTable(
        name: AreaLinkRecord.schema, columns: ["district_code", "area_code", "share"], owned: false, created: false,
        updated: false
    ) { link, _ in [bind(link.districtCode), bind(link.areaCode), bind(link.share)] }
}

extension RowTable where Value == Organisation {
    static let organisations = RowTable(
        name: OrganisationRecord.schema, columns: ["key", "name", "sector", "popolo_id"]
    ) { o, _ in [bind(o.key), bind(o.name), bind(o.sector.rawValue), bind(o.popoloID)] }
}

extension RowTable where Value == Person {
    static let persons = RowTable(
        name: PersonRecord.schema,
        columns: ["key", "name", "role_title", "organisation_id", "seniority", "salary_band", "popolo_id"]
    ) { p, ids in
        [
            bind(p.key), bind(p.name), bind(p.roleTitle), bind(p.organisationKey.flatMap { ids.organisations[$0] }),
            bind(p.seniority?.rawValue), bind(p.salaryBand), bind(p.popoloID)
        ]
    }
}

extension RowTable where Value == Partnership {
    static let partnerships = RowTable(
        name: PartnershipRecord.schema,
        columns: [
            "key", "name", "type", "status", "started_on", "ended_on", "statutory_basis", "purpose", "themes",
            "footprint", "pcc_roles", "meeting_frequency", "secretariat_id", "force_area_code", "is_demo", "popolo_id"
        ]
    ) { p, ids in
        [
            bind(p.key), bind(p.name), bind(p.type.rawValue), bind(p.status.rawValue), bind(p.startedOn?.description),
            bind(p.endedOn?.description), bind(p.statutoryBasis), bind(p.purpose), bind(ListColumn.encode(p.themes)),
            bind(ListColumn.encode(p.footprint)), bind(ListColumn.encode(p.pccRoles.map(\.rawValue))),
            bind(p.meetingFrequency?.rawValue), bind(p.secretariatKey.flatMap { ids.organisations[$0] }),
            bind(p.forceAreaCode), bind(p.isDemo), bind(p.popoloID)
        ]
    }
}

extension RowTable where Value == Membership {
    static let memberships = RowTable(
        name: MembershipRecord.schema,
        columns: [
            "key", "partnership_id", "person_id", "organisation_id", "role", "represents_id", "voting_right",
            "started_on", "ended_on", "substitute_id", "popolo_id"
        ]
    ) { m, ids in
        [
            bind(m.key), bind(ids.partnerships[m.partnershipKey]!), bind(m.personKey.flatMap { ids.persons[$0] }),
            bind(m.organisationKey.flatMap { ids.organisations[$0] }), bind(m.role.rawValue),
            bind(m.representsKey.flatMap { ids.organisations[$0] }), bind(m.votingRight),
            bind(m.startedOn?.description), bind(m.endedOn?.description),
            bind(m.substituteKey.flatMap { ids.persons[$0] }), bind(m.popoloID)
        ]
    }
}

extension RowTable where Value == PartnershipRelation {
    static let relations = RowTable(
        name: RelationRecord.schema, columns: ["from_id", "to_id", "kind"], created: false, updated: false
    ) { r, ids in [bind(ids.partnerships[r.fromKey]!), bind(ids.partnerships[r.toKey]!), bind(r.kind.rawValue)] }
}

extension RowTable where Value == TermsOfReference {
    static let termsOfReference = RowTable(
        name: TermsOfReferenceRecord.schema,
        columns: ["partnership_id", "version", "purpose", "quorum", "meeting_frequency", "approved_on", "review_due"],
        updated: false
    ) { t, ids in
        [
            bind(ids.partnerships[t.partnershipKey]!), bind(t.version), bind(t.purpose), bind(t.quorum),
            bind(t.meetingFrequency?.rawValue), bind(t.approvedOn?.description), bind(t.reviewDue?.description)
        ]
    }
}
