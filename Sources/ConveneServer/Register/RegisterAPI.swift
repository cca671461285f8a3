import ConveneDomain
import Fluent
import Foundation
import Vapor

// The register's entities as API resources. Each says how to list, find and delete its records;
// creating and updating share `ResourceRoutes` and the import path's checks.

struct TextFilter: Content { var q: String? }

enum PartnershipsResource: APIResource {
    static let path = "partnerships"
    static let collection = APIPath.partnerships
    static func item(_ key: String) -> APIPath { .partnership(key) }
    static let kind = RecordOrigin.Kind.partnership
    typealias ResponseBody = PartnershipResponse
    typealias NewBody = NewPartnership
    typealias PatchBody = PartnershipPatch
    static func key(of value: Partnership) -> String { value.key }
    static func register(_ value: Partnership) -> Register { Register(partnerships: [value]) }

    static func list(_ req: Request, window: PageWindow) async throws -> (items: [Partnership], total: Int) {
        let filter = try req.query.decode(PartnershipFilter.self)
        try filter.validate()
        let total = try await filter.apply(to: PartnershipRecord.query(in: req.scope)).count()
        let records = try await filter.apply(to: PartnershipRecord.query(in: req.scope))
            .window(window).all()
        let keys = try await RegisterQueries.keyIndex(
            in: req.scope, organisations: records.compactMap { $0.$secretariat.id })
        return (records.map { $0.domain(keys) }, total)
    }

    static func find(_ key: String, in scope: Scope) async throws -> Partnership? {
        guard let record = try await PartnershipRecord.query(in: scope).filter(\.$key == key).first() else {
            return nil
        }
        let keys = try await RegisterQueries.keyIndex(
            in: scope, organisations: [record.$secretariat.id].compactMap { $0 })
        return record.domain(keys)
    }

    static func delete(_ key: String, in scope: Scope) async throws {
        let record = try await RegisterQueries.partnership(key, in: scope)
        let id = try record.requireID()
        try refuseIfReferenced(
            [
                (try await MembershipRecord.query(in: scope).filter(\.$partnership.$id == id).count(), "memberships"),
                (
                    try await RelationRecord.query(in: scope).group(.or) {
                        $0.filter(\.$from.$id == id).filter(\.$to.$id == id)
                    }.count(), "relations"
                ),
                (try await MeetingRecord.query(in: scope).filter(\.$partnership.$id == id).count(), "meetings")
            ], what: "The partnership '\(key)'")
        var audit = AuditLog(scope: scope)
        for terms in try await TermsOfReferenceRecord.query(in: scope).filter(\.$partnership.$id == id).all() {
            audit.note(
                "delete", "terms of reference", "\(key)#\(terms.version)",
                before: terms.domain(KeyIndex(partnerships: [id: key])), after: nil as TermsOfReference?)
            try await terms.delete(on: scope.db)
        }
        for grant in try await PartnershipGrantRecord.query(in: scope).filter(\.$partnership.$id == id).with(\.$user)
            .all()
        {
            audit.note(
                "delete", "partnership grant", "\(grant.user.email): \(key)",
                before: ["user": grant.user.email, "partnership": key], after: nil as [String: String]?)
            try await grant.delete(on: scope.db)
        }
        try await audit.flush()
        try await record.delete(on: scope.db)
    }
}

enum OrganisationsResource: APIResource {
    static let path = "organisations"
    static let collection = APIPath.organisations
    static func item(_ key: String) -> APIPath { .organisation(key) }
    static let kind = RecordOrigin.Kind.organisation
    typealias ResponseBody = OrganisationResponse
    typealias NewBody = NewOrganisation
    typealias PatchBody = OrganisationPatch
    static func key(of value: Organisation) -> String { value.key }
    static func register(_ value: Organisation) -> Register { Register(organisations: [value]) }

    struct Filter: Content { var q: String?; var sector: String? }

    static func list(_ req: Request, window: PageWindow) async throws -> (items: [Organisation], total: Int) {
        let filter = try req.query.decode(Filter.self)
        let sector: Sector? = try vocabularyParameter(filter.sector, "sector")
        func base() -> QueryBuilder<OrganisationRecord> {
            let query = OrganisationRecord.query(in: req.scope)
            if let q = filter.q, !q.isEmpty { query.filter(\.$name, .contains(inverse: false, .anywhere), q) }
            if let sector { query.filter(\.$sector == sector.rawValue) }
            return query
        }
        let total = try await base().count()
        let records = try await base().sort(\.$name).sort(\.$key).window(window).all()
        return (records.map(\.domain), total)
    }

    static func find(_ key: String, in scope: Scope) async throws -> Organisation? {
        try await OrganisationRecord.query(in: scope).filter(\.$key == key).first()?.domain
    }

    static func delete(_ key: String, in scope: Scope) async throws {
        let id = try await RegisterQueries.organisation(key, in: scope).requireID()
        try refuseIfReferenced(
            [
                (try await PersonRecord.query(in: scope).filter(\.$organisation.$id == id).count(), "people"),
                (
                    try await MembershipRecord.query(in: scope).group(.or) {
                        $0.filter(\.$organisation.$id == id).filter(\.$represents.$id == id)
                    }.count(), "memberships"
                ),
                (
                    try await PartnershipRecord.query(in: scope).filter(\.$secretariat.$id == id).count(),
                    "partnerships as secretariat"
                )
            ], what: "The organisation '\(key)'")
        try await OrganisationRecord.query(in: scope).filter(\.$id == id).delete()
    }
}

enum PersonsResource: APIResource {
    static let path = "persons"
    static let collection = APIPath.persons
    static func item(_ key: String) -> APIPath { .person(key) }
    static let kind = RecordOrigin.Kind.person
    typealias ResponseBody = PersonResponse
    typealias NewBody = NewPerson
    typealias PatchBody = PersonPatch
    static func key(of value: Person) -> String { value.key }
    static func register(_ value: Person) -> Register { Register(persons: [value]) }

    struct Filter: Content { var q: String?; var organisation: String? }

    static func list(_ req: Request, window: PageWindow) async throws -> (items: [Person], total: Int) {
        let filter = try req.query.decode(Filter.self)
        let organisationID = try await filter.organisation.asyncMap {
            try await RegisterQueries.organisation($0, in: req.scope).requireID()
        }
        func base() -> QueryBuilder<PersonRecord> {
            let query = PersonRecord.query(in: req.scope)
            if let q = filter.q, !q.isEmpty { query.filter(\.$name, .contains(inverse: false, .anywhere), q) }
            if let organisationID { query.filter(\.$organisation.$id == organisationID) }
            return query
        }
        let total = try await base().count()
        let records = try await base().sort(\.$name).sort(\.$key).window(window).all()
        let keys = try await RegisterQueries.keyIndex(
            in: req.scope, organisations: records.compactMap { $0.$organisation.id })
        return (records.map { $0.domain(keys) }, total)
    }

    static func find(_ key: String, in scope: Scope) async throws -> Person? {
        guard let record = try await PersonRecord.query(in: scope).filter(\.$key == key).first() else { return nil }
        let keys = try await RegisterQueries.keyIndex(
            in: scope, organisations: [record.$organisation.id].compactMap { $0 })
        return record.domain(keys)
    }

    static func delete(_ key: String, in scope: Scope) async throws {
        let id = try await RegisterQueries.person(key, in: scope).requireID()
        try refuseIfReferenced(
            [
                (
                    try await MembershipRecord.query(in: scope).group(.or) {
                        $0.filter(\.$person.$id == id).filter(\.$substitute.$id == id)
                    }.count(), "memberships"
                ),
                (try await AttendanceRecord.query(in: scope).filter(\.$person.$id == id).count(), "meeting attendances")
            ], what: "The person '\(key)'")
        try await PersonRecord.query(in: scope).filter(\.$id == id).delete()
    }
}

enum MembershipsResource: APIResource {
    static let path = "memberships"
    static let collection = APIPath.memberships
    static func item(_ key: String) -> APIPath { .membership(key) }
    static let kind = RecordOrigin.Kind.membership
    typealias ResponseBody = MembershipResponse
    typealias NewBody = NewMembership
    typealias PatchBody = MembershipPatch
    static func key(of value: Membership) -> String { value.key }
    static func register(_ value: Membership) -> Register { Register(memberships: [value]) }

    struct Filter: Content { var partnership: String?; var person: String?; var current: Bool? }

    static func list(_ req: Request, window: PageWindow) async throws -> (items: [Membership], total: Int) {
        let filter = try req.query.decode(Filter.self)
        let partnershipID = try await filter.partnership.asyncMap {
            try await RegisterQueries.partnership($0, in: req.scope).requireID()
        }
        let personID = try await filter.person.asyncMap {
            try await RegisterQueries.person($0, in: req.scope).requireID()
        }
        let today = req.now.today.description
        func base() -> QueryBuilder<MembershipRecord> {
            let query = MembershipRecord.query(in: req.scope)
            if let partnershipID { query.filter(\.$partnership.$id == partnershipID) }
            if let personID { query.filter(\.$person.$id == personID) }
            if filter.current == true { query.group(.or) { $0.filter(\.$endedOn == nil).filter(\.$endedOn >= today) } }
            return query
        }
        let total = try await base().count()
        let records = try await base().sort(\.$key).window(window).all()
        return (try await domain(records, in: req.scope), total)
    }

    static func domain(_ records: [MembershipRecord], in scope: Scope) async throws -> [Membership] {
        let keys = try await RegisterQueries.keyIndex(
            in: scope,
            organisations: records.flatMap { [$0.$organisation.id, $0.$represents.id].compactMap { $0 } },
            persons: records.flatMap { [$0.$person.id, $0.$substitute.id].compactMap { $0 } },
            partnerships: records.map { $0.$partnership.id })
        return records.map { $0.domain(keys) }
    }

    static func find(_ key: String, in scope: Scope) async throws -> Membership? {
        guard let record = try await MembershipRecord.query(in: scope).filter(\.$key == key).first() else { return nil }
        return try await domain([record], in: scope).first
    }

    static func delete(_ key: String, in scope: Scope) async throws {
        try await MembershipRecord.query(in: scope).filter(\.$key == key).delete()
    }
}

enum AreasResource: APIResource {
    static let path = "areas"
    static let collection = APIPath.areas
    static func item(_ key: String) -> APIPath { .area(key) }
    static let kind = RecordOrigin.Kind.area
    static let keyField = "code"
    typealias ResponseBody = AreaResponse
    typealias NewBody = NewArea
    typealias PatchBody = AreaPatch
    static func key(of value: Area) -> String { value.code }
    static func register(_ value: Area) -> Register { Register(areas: [value]) }

    struct Filter: Content { var q: String?; var kind: String?; var parent: String? }

    static func list(_ req: Request, window: PageWindow) async throws -> (items: [Area], total: Int) {
        let filter = try req.query.decode(Filter.self)
        let kind: AreaKind? = try vocabularyParameter(filter.kind, "kind")
        func base() -> QueryBuilder<AreaRecord> {
            let query = AreaRecord.query(on: req.scope.db)
            if let q = filter.q, !q.isEmpty { query.filter(\.$name, .contains(inverse: false, .anywhere), q) }
            if let kind { query.filter(\.$kind == kind.rawValue) }
            if let parent = filter.parent, !parent.isEmpty { query.filter(\.$parentCode == parent) }
            return query
        }
        let total = try await base().count()
        let records = try await base().sort(\.$code).window(window).all()
        return (records.map(\.domain), total)
    }

    static func find(_ key: String, in scope: Scope) async throws -> Area? {
        try await AreaRecord.query(on: scope.db).filter(\.$code == key).first()?.domain
    }

    static func delete(_ key: String, in scope: Scope) async throws {
        try refuseIfReferenced(
            [
                (try await AreaRecord.query(on: scope.db).filter(\.$parentCode == key).count(), "areas nested in it"),
                (
                    try await PartnershipRecord.query(in: scope).group(.or) {
                        $0.filter(\.$forceAreaCode == key).filter(
                            \.$footprint, .contains(inverse: false, .anywhere), ";\(key);")
                    }.count(), "partnerships"
                )
            ], what: "The area '\(key)'")
        try await AreaLinkRecord.query(on: scope.db).group(.or) {
            $0.filter(\.$districtCode == key).filter(\.$areaCode == key)
        }.delete()
        try await AreaRecord.query(on: scope.db).filter(\.$code == key).delete()
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async throws -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
