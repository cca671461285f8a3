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

    /// Which of the keys a batch names are stored, and the stored reporting lines when the batch states some (for
    /// the cycle check): a form's save looks up its own few keys, not every key of the workspace.
    func knownKeys(of named: NamedKeys, hierarchy: Bool) async throws -> RegisterCheck.KnownKeys {
        async let areas = AreaRecord.query(on: scope.db).field(\.$code).all(\.$code, in: named.areaCodes)
        async let organisations = OrganisationRecord.query(in: scope).field(\.$key).all(\.$key, in: named.organisations)
        async let persons = PersonRecord.query(in: scope).field(\.$key).all(\.$key, in: named.persons)
        async let partnerships = PartnershipRecord.query(in: scope).field(\.$key).all(\.$key, in: named.partnerships)
        var known = RegisterCheck.KnownKeys(
            areaCodes: Set(try await areas.map(\.code)),
            organisations: Set(try await organisations.map(\.key)),
            persons: Set(try await persons.map(\.key)),
            partnerships: Set(try await partnerships.map(\.key)))
        if hierarchy {
            let relations = try await RelationRecord.query(in: scope).filter(
                \.$kind ~~ [RelationKind.reportsTo.rawValue, RelationKind.subGroupOf.rawValue]
            ).all()
            var keys = KeyIndex()
            let ids = Set(relations.flatMap { [$0.$from.id, $0.$to.id] })
            for p in try await PartnershipRecord.query(in: scope).field(\.$id).field(\.$key).all(\.$id, in: ids) {
                keys.partnerships[p.id!] = p.key
            }
            known.hierarchy = relations.map { $0.domain(keys) }
        }
        return known
    }

    /// Each kind's stored keys and Popolo ids, which a Popolo file's ids are matched to.
    func popoloIdentities() async throws -> [RecordOrigin.Kind: PopoloIDs.Stored] {
        func stored(_ rows: [(String, String?)]) -> PopoloIDs.Stored {
            PopoloIDs.Stored(
                keys: Set(rows.map(\.0)),
                popoloIDs: Dictionary(rows.compactMap { key, id in id.map { (key, $0) } }, uniquingKeysWith: min))
        }
        async let organisations = OrganisationRecord.query(in: scope).field(\.$key).field(\.$popoloID).all()
        async let persons = PersonRecord.query(in: scope).field(\.$key).field(\.$popoloID).all()
        async let partnerships = PartnershipRecord.query(in: scope).field(\.$key).field(\.$popoloID).all()
        async let memberships = MembershipRecord.query(in: scope).field(\.$key).field(\.$popoloID).all()
        async let meetings = MeetingRecord.query(in: scope).field(\.$key).field(\.$popoloID).all()
        return [
            .organisation: stored(try await organisations.map { ($0.key, $0.popoloID) }),
            .person: stored(try await persons.map { ($0.key, $0.popoloID) }),
            .partnership: stored(try await partnerships.map { ($0.key, $0.popoloID) }),
            .membership: stored(try await memberships.map { ($0.key, $0.popoloID) }),
            .meeting: stored(try await meetings.map { ($0.key, $0.popoloID) })
        ]
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
