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

extension RowTable where Value == Area {
    static let areas = RowTable(
        name: AreaRecord.schema, columns: ["code", "name", "kind", "parent_code"], owned: false, created: false,
        updated: false
    ) { area, _ in [.init(area.code), .init(area.name), .init(area.kind.rawValue), .init(area.parentCode)] }
}

extension RowTable where Value == AreaLink {
    static let areaLinks = RowTable(
        name: AreaLinkRecord.schema, columns: ["district_code", "area_code", "share"], owned: false, created: false,
        updated: false
    ) { link, _ in [.init(link.districtCode), .init(link.areaCode), .init(link.share)] }
}

extension RowTable where Value == Organisation {
    static let organisations = RowTable(
        name: OrganisationRecord.schema, columns: ["key", "name", "sector", "popolo_id"]
    ) { o, _ in [.init(o.key), .init(o.name), .init(o.sector.rawValue), .init(o.popoloID)] }
}

extension RowTable where Value == Person {
    static let persons = RowTable(
        name: PersonRecord.schema,
        columns: ["key", "name", "role_title", "organisation_id", "seniority", "salary_band", "popolo_id"]
    ) { p, ids in
        [
            .init(p.key), .init(p.name), .init(p.roleTitle), .init(p.organisationKey.flatMap { ids.organisations[$0] }),
            .init(p.seniority?.rawValue), .init(p.salaryBand), .init(p.popoloID)
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
            .init(p.key), .init(p.name), .init(p.type.rawValue), .init(p.status.rawValue),
            .init(p.startedOn?.description), .init(p.endedOn?.description), .init(p.statutoryBasis), .init(p.purpose),
            .init(ListColumn.encode(p.themes)), .init(ListColumn.encode(p.footprint)),
            .init(ListColumn.encode(p.pccRoles.map(\.rawValue))),
            .init(p.meetingFrequency?.rawValue), .init(p.secretariatKey.flatMap { ids.organisations[$0] }),
            .init(p.forceAreaCode), .init(p.isDemo), .init(p.popoloID)
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
            .init(m.key), .init(ids.partnerships[m.partnershipKey]!), .init(m.personKey.flatMap { ids.persons[$0] }),
            .init(m.organisationKey.flatMap { ids.organisations[$0] }), .init(m.role.rawValue),
            .init(m.representsKey.flatMap { ids.organisations[$0] }), .init(m.votingRight),
            .init(m.startedOn?.description), .init(m.endedOn?.description),
            .init(m.substituteKey.flatMap { ids.persons[$0] }), .init(m.popoloID)
        ]
    }
}

extension RowTable where Value == PartnershipRelation {
    static let relations = RowTable(
        name: RelationRecord.schema, columns: ["from_id", "to_id", "kind"], created: false, updated: false
    ) { r, ids in [.init(ids.partnerships[r.fromKey]!), .init(ids.partnerships[r.toKey]!), .init(r.kind.rawValue)] }
}

extension RowTable where Value == TermsOfReference {
    static let termsOfReference = RowTable(
        name: TermsOfReferenceRecord.schema,
        columns: ["partnership_id", "version", "purpose", "quorum", "meeting_frequency", "approved_on", "review_due"],
        updated: false
    ) { t, ids in
        [
            .init(ids.partnerships[t.partnershipKey]!), .init(t.version), .init(t.purpose), .init(t.quorum),
            .init(t.meetingFrequency?.rawValue), .init(t.approvedOn?.description), .init(t.reviewDue?.description)
        ]
    }
}
