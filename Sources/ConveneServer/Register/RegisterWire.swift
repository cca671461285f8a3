import ConveneDomain
import Foundation

// The wire types of the register's areas, organisations and people: what a GET gives, what a create and a PATCH
// take, each mapped to and from the domain's value in one place.

/// A area as the API gives it (a field with no value is left out).
struct AreaResponse: ResourceResponse {
    var code: String
    var name: String
    var kind: AreaKind
    var parentCode: String?

    enum CodingKeys: CodingKey, CaseIterable { case code, name, kind, parentCode }

    init(_ value: Area) {
        code = value.code
        name = value.name
        kind = value.kind
        parentCode = value.parentCode
    }
}

/// The body of a create: the required fields, and the others with their defaults.
struct NewArea: ResourceNew {
    var code: String
    var name: String
    var kind: AreaKind
    var parentCode: String?

    enum CodingKeys: CodingKey, CaseIterable { case code, name, kind, parentCode }

    var value: Area {
        Area(code: code, name: name, kind: kind, parentCode: parentCode)
    }
}

/// The body of a PATCH: each field given replaces the stored one, null clears an optional one.
struct AreaPatch: ResourcePatch {
    var code: String?
    var name: String?
    var kind: AreaKind?
    var parentCode: Change<String>

    enum CodingKeys: CodingKey, CaseIterable { case code, name, kind, parentCode }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.required(.code)
        name = try c.required(.name)
        kind = try c.required(.kind)
        parentCode = try c.change(.parentCode)
    }

    var identifier: String? { code }

    func applied(to stored: Area) -> Area {
        var value = stored
        if let code { value.code = code }
        if let name { value.name = name }
        if let kind { value.kind = kind }
        value.parentCode = parentCode.applied(to: value.parentCode)
        return value
    }
}

/// A organisation as the API gives it (a field with no value is left out).
struct OrganisationResponse: ResourceResponse {
    var key: String
    var name: String
    var sector: Sector

    enum CodingKeys: CodingKey, CaseIterable { case key, name, sector }

    init(_ value: Organisation) {
        key = value.key
        name = value.name
        sector = value.sector
    }
}

/// The body of a create: the required fields, and the others with their defaults.
struct NewOrganisation: ResourceNew {
    var key: String
    var name: String
    var sector: Sector

    enum CodingKeys: CodingKey, CaseIterable { case key, name, sector }

    var value: Organisation {
        Organisation(key: key, name: name, sector: sector)
    }
}

/// The body of a PATCH: each field given replaces the stored one, null clears an optional one.
struct OrganisationPatch: ResourcePatch {
    var key: String?
    var name: String?
    var sector: Sector?

    enum CodingKeys: CodingKey, CaseIterable { case key, name, sector }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.required(.key)
        name = try c.required(.name)
        sector = try c.required(.sector)
    }

    var identifier: String? { key }

    func applied(to stored: Organisation) -> Organisation {
        var value = stored
        if let key { value.key = key }
        if let name { value.name = name }
        if let sector { value.sector = sector }
        return value
    }
}

/// A person as the API gives it (a field with no value is left out).
struct PersonResponse: ResourceResponse {
    var key: String
    var name: String
    var roleTitle: String?
    var organisationKey: String?
    var seniority: SeniorityBand?
    var salaryBand: Int?

    enum CodingKeys: CodingKey, CaseIterable { case key, name, roleTitle, organisationKey, seniority, salaryBand }

    init(_ value: Person) {
        key = value.key
        name = value.name
        roleTitle = value.roleTitle
        organisationKey = value.organisationKey
        seniority = value.seniority
        salaryBand = value.salaryBand
    }
}

/// The body of a create: the required fields, and the others with their defaults.
struct NewPerson: ResourceNew {
    var key: String
    var name: String
    var roleTitle: String?
    var organisationKey: String?
    var seniority: SeniorityBand?
    var salaryBand: Int?

    enum CodingKeys: CodingKey, CaseIterable { case key, name, roleTitle, organisationKey, seniority, salaryBand }

    var value: Person {
        Person(
            key: key, name: name, roleTitle: roleTitle, organisationKey: organisationKey, seniority: seniority,
            salaryBand: salaryBand)
    }
}

/// The body of a PATCH: each field given replaces the stored one, null clears an optional one.
struct PersonPatch: ResourcePatch {
    var key: String?
    var name: String?
    var roleTitle: Change<String>
    var organisationKey: Change<String>
    var seniority: Change<SeniorityBand>
    var salaryBand: Change<Int>

    enum CodingKeys: CodingKey, CaseIterable { case key, name, roleTitle, organisationKey, seniority, salaryBand }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.required(.key)
        name = try c.required(.name)
        roleTitle = try c.change(.roleTitle)
        organisationKey = try c.change(.organisationKey)
        seniority = try c.change(.seniority)
        salaryBand = try c.change(.salaryBand)
    }

    var identifier: String? { key }

    func applied(to stored: Person) -> Person {
        var value = stored
        if let key { value.key = key }
        if let name { value.name = name }
        value.roleTitle = roleTitle.applied(to: value.roleTitle)
        value.organisationKey = organisationKey.applied(to: value.organisationKey)
        value.seniority = seniority.applied(to: value.seniority)
        value.salaryBand = salaryBand.applied(to: value.salaryBand)
        return value
    }
}
