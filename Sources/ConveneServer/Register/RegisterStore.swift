import ConveneDomain
import Fluent
import Foundation

/// Reads the whole register out of the database and writes a batch of records into it, matching records by key.
struct RegisterStore {
    let scope: Scope

    /// The whole register as a register file states it (for export).
    func load() async throws -> Register {
        async let areas = AreaRecord.query(on: scope.db).all()
        async let links = AreaLinkRecord.query(on: scope.db).all()
        async let organisations = OrganisationRecord.query(in: scope).all()
        async let persons = PersonRecord.query(in: scope).all()
        async let partnerships = PartnershipRecord.query(in: scope).all()
        async let memberships = MembershipRecord.query(in: scope).all()
        async let relations = RelationRecord.query(in: scope).all()
        async let terms = TermsOfReferenceRecord.query(in: scope).all()
        async let meetings = MeetingRecord.query(in: scope).all()
        async let attendances = AttendanceRecord.query(in: scope).all()
        let keys = try await index(organisations: organisations, persons: persons, partnerships: partnerships)
        let byMeeting = Dictionary(grouping: try await attendances, by: { $0.$meeting.id })
        return try await Register(
            areas: areas.map(\.domain),
            areaLinks: links.map(\.domain),
            organisations: organisations.map(\.domain),
            persons: persons.map { $0.domain(keys) },
            partnerships: partnerships.map { $0.domain(keys) },
            memberships: memberships.map { $0.domain(keys) },
            relations: relations.map { $0.domain(keys) },
            termsOfReference: terms.map { $0.domain(keys) },
            meetings: meetings.map {
                $0.domain(
                    partnershipKey: keys.partnerships[$0.$partnership.id] ?? "",
                    attendance: (byMeeting[$0.id!] ?? []).map { $0.domain(persons: keys.persons) }
                ).interchanged
            }
        ).sorted()
    }

    /// The identifiers a file's references may resolve to, and the stored reporting lines.
    func knownKeys() async throws -> RegisterCheck.KnownKeys {
        async let areas = AreaRecord.query(on: scope.db).field(\.$code).all()
        async let organisations = OrganisationRecord.query(in: scope).field(\.$key).all()
        async let persons = PersonRecord.query(in: scope).field(\.$key).all()
        async let partnerships = PartnershipRecord.query(in: scope).field(\.$id).field(\.$key).all()
        async let relations = RelationRecord.query(in: scope).filter(
            \.$kind ~~ [RelationKind.reportsTo.rawValue, RelationKind.subGroupOf.rawValue]
        ).all()
        var keys = KeyIndex()
        for p in try await partnerships { keys.partnerships[p.id!] = p.key }
        return RegisterCheck.KnownKeys(
            areaCodes: Set(try await areas.map(\.code)),
            organisations: Set(try await organisations.map(\.key)),
            persons: Set(try await persons.map(\.key)),
            partnerships: Set(keys.partnerships.values),
            hierarchy: try await relations.map { $0.domain(keys) })
    }

    private func index(
        organisations: [OrganisationRecord], persons: [PersonRecord],
        partnerships: [PartnershipRecord]
    ) -> KeyIndex {
        var keys = KeyIndex()
        for o in organisations { keys.organisations[o.id!] = o.key }
        for p in persons { keys.persons[p.id!] = p.key }
        for p in partnerships { keys.partnerships[p.id!] = p.key }
        return keys
    }
}
