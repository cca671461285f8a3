import ConveneDomain
import Fluent
import Foundation

/// Reads what the CDP analyses need: the workspace's organisations, people, partnerships, memberships and
/// reporting lines, and the shared reference geography (areas and their links from the ONS lookups). No meetings:
/// the involvement, SROs and footprints are the register's, not its business.
enum CDPStore {
    static func load(in scope: Scope) async throws -> Register {
        async let areas = AreaRecord.query(on: scope.db).all()
        async let links = AreaLinkRecord.query(on: scope.db).all()
        async let organisations = OrganisationRecord.query(in: scope).all()
        async let persons = PersonRecord.query(in: scope).all()
        async let partnerships = PartnershipRecord.query(in: scope).all()
        async let memberships = MembershipRecord.query(in: scope).all()
        async let relations = RelationRecord.query(in: scope).all()
        var keys = KeyIndex()
        for o in try await organisations { keys.organisations[try o.requireID()] = o.key }
        for p in try await persons { keys.persons[try p.requireID()] = p.key }
        for p in try await partnerships { keys.partnerships[try p.requireID()] = p.key }
        return Register(
            areas: try await areas.map(\.domain), areaLinks: try await links.map(\.domain),
            organisations: try await organisations.map(\.domain), persons: try await persons.map { $0.domain(keys) },
            partnerships: try await partnerships.map { $0.domain(keys) },
            memberships: try await memberships.map { $0.domain(keys) },
            relations: try await relations.map { $0.domain(keys) })
    }
}
