import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The filters of the partnership list, shared by the page and the API so both read the same way.
struct PartnershipFilter: Content, Equatable {
    var q: String?
    var type: String?
    var status: String?
    var pccRole: String?
    var forceArea: String?
    var sort: String?
    var order: String?
    var page: Int?

    enum CodingKeys: String, CodingKey {
        case q, type, status, sort, order, page
        case pccRole = "pcc_role"
        case forceArea = "force_area"
    }

    static let sortable = ["name", "type", "status", "force_area"]

    var isDescending: Bool { order == "desc" }

    /// For the API: every given filter must be a known value (pages read leniently instead).
    func validate() throws {
        let _: PartnershipType? = try vocabularyParameter(type, "type")
        let _: PartnershipStatus? = try vocabularyParameter(status, "status")
        let _: PCCRole? = try vocabularyParameter(pccRole, "pcc_role")
        if let sort, !Self.sortable.contains(sort) {
            throw Problem.invalid([FieldError("sort", "Sort by one of \(Self.sortable.joined(separator: ", "))")])
        }
        if let order, order != "asc" && order != "desc" {
            throw Problem.invalid([FieldError("order", "Order is asc or desc")])
        }
    }
    var sortKey: String { sort.flatMap { Self.sortable.contains($0) ? $0 : nil } ?? "name" }

    func apply(to query: QueryBuilder<PartnershipRecord>) -> QueryBuilder<PartnershipRecord> {
        if let q = q?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            query.group(.or) { group in
                group.filter(\.$name, .contains(inverse: false, .anywhere), q)
                group.filter(\.$key, .contains(inverse: false, .anywhere), q)
            }
        }
        if let type = type.flatMap(PartnershipType.parse) { query.filter(\.$type == type.rawValue) }
        if let status = status.flatMap(PartnershipStatus.parse) { query.filter(\.$status == status.rawValue) }
        if let role = pccRole.flatMap(PCCRole.parse) {
            query.filter(\.$pccRoles, .contains(inverse: false, .anywhere), ";\(role.rawValue);")
        }
        if let forceArea, !forceArea.isEmpty { query.filter(\.$forceAreaCode == forceArea) }
        let direction: DatabaseQuery.Sort.Direction = isDescending ? .descending : .ascending
        switch sortKey {
        case "type": query.sort(\.$type, direction)
        case "status": query.sort(\.$status, direction)
        case "force_area": query.sort(\.$forceAreaCode, direction)
        default: break
        }
        return query.sort(\.$name, direction).sort(\.$key)
    }

    /// The query string for this filter with some parameters changed.
    func query(page: Int? = nil, sort: String? = nil, order: String? = nil) -> String {
        var items: [(String, String)] = []
        func add(_ name: String, _ value: String?) { if let value, !value.isEmpty { items.append((name, value)) } }
        add("q", q); add("type", type); add("status", status); add("pcc_role", pccRole); add("force_area", forceArea)
        add("sort", sort ?? self.sort); add("order", order ?? self.order)
        if let page, page > 1 { add("page", String(page)) }
        var components = URLComponents()
        components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.percentEncodedQuery.map { "?" + $0 } ?? ""
    }
}

enum RegisterQueries {
    static func partnership(_ key: String, in scope: Scope) async throws -> PartnershipRecord {
        guard let record = try await PartnershipRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The partnership '\(key)'")
        }
        return record
    }

    static func organisation(_ key: String, in scope: Scope) async throws -> OrganisationRecord {
        guard let record = try await OrganisationRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The organisation '\(key)'")
        }
        return record
    }

    static func person(_ key: String, in scope: Scope) async throws -> PersonRecord {
        guard let record = try await PersonRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The person '\(key)'")
        }
        return record
    }

    /// Names of areas by code, for showing codes as places.
    static func areaNames(_ codes: [String], in scope: Scope) async throws -> [String: String] {
        let unique = Array(Set(codes))
        guard !unique.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for chunk in stride(from: 0, to: unique.count, by: 500) {
            let part = Array(unique[chunk..<min(chunk + 500, unique.count)])
            for area in try await AreaRecord.query(on: scope.db).filter(\.$code ~~ part).all() {
                names[area.code] = area.name
            }
        }
        return names
    }

    /// Key index for a set of records already loaded, plus whatever they reference.
    static func keyIndex(in scope: Scope, organisations: [UUID] = [], persons: [UUID] = [], partnerships: [UUID] = [])
        async throws -> KeyIndex
    {
        var keys = KeyIndex()
        if !organisations.isEmpty {
            for o in try await OrganisationRecord.query(in: scope).filter(\.$id ~~ Set(organisations)).all() {
                keys.organisations[o.id!] = o.key
            }
        }
        if !persons.isEmpty {
            for p in try await PersonRecord.query(in: scope).filter(\.$id ~~ Set(persons)).all() {
                keys.persons[p.id!] = p.key
            }
        }
        if !partnerships.isEmpty {
            for p in try await PartnershipRecord.query(in: scope).filter(\.$id ~~ Set(partnerships)).all() {
                keys.partnerships[p.id!] = p.key
            }
        }
        return keys
    }
}

/// One page of a list: which rows to fetch. Pages past the last come back empty; the page number is
/// bounded so that the offset can never overflow.
struct PageWindow: Sendable {
    static let maxPage = 100_000
    static let maxPerPage = 500
    let page: Int
    let perPage: Int

    var lower: Int { (page - 1) * perPage }
    var upper: Int { page * perPage - 1 }

    /// For pages people read: out-of-range values are brought into range.
    init(clamping page: Int?, perPage: Int) {
        self.page = min(Self.maxPage, max(1, page ?? 1))
        self.perPage = min(Self.maxPerPage, max(1, perPage))
    }

    /// For the API: out-of-range values are field errors.
    static func strict(page: Int?, perPage: Int?) throws -> PageWindow {
        var errors: [FieldError] = []
        if let page, !(1...maxPage).contains(page) {
            errors.append(FieldError("page", "Page must be between 1 and \(maxPage)"))
        }
        if let perPage, !(1...maxPerPage).contains(perPage) {
            errors.append(FieldError("per_page", "Items per page must be between 1 and \(maxPerPage)"))
        }
        if !errors.isEmpty { throw Problem.invalid(errors) }
        return PageWindow(clamping: page, perPage: perPage ?? 50)
    }
}

extension QueryBuilder {
    func window(_ window: PageWindow) -> Self { range(lower: window.lower, upper: window.upper) }
}

/// A query parameter that must be one of a vocabulary's values, for the API: nil when absent,
/// a field error when present but unknown.
func vocabularyParameter<V: Vocabulary>(_ value: String?, _ name: String) throws -> V? {
    guard let value, !value.isEmpty else { return nil }
    guard let parsed = V.parse(value) else {
        throw Problem.invalid([FieldError(name, "'\(value)' is not a known value; expected one of \(V.expectedList)")])
    }
    return parsed
}
