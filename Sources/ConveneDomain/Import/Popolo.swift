// Over 400 lines: one interchange format's reader, kept whole so its vocabulary is defined once.
import Foundation

/// Popolo JSON (popoloproject.com), the interchange vocabulary for people, organisations and their
/// memberships. Convene's fields that Popolo lacks travel as "convene:" extension fields; the whole layout
/// is described in docs/import-formats.md. The writer is in PopoloWriter.swift.
public enum Popolo {
    /// Reads a Popolo file. Problems of format (broken JSON, wrong types, unknown values, posts that do not
    /// exist) go into `issues`, each naming its record ("memberships[3]") and field; rules across records are
    /// `RegisterCheck`'s.
    public static func read(_ data: Data) -> ImportBatch {
        var reader = PopoloReader()
        reader.read(data)
        return reader.batch
    }
}

/// A JSON value as the file has it, so that each field's type is checked, and reported, on its own.
private indirect enum JSONValue: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .int, .double: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// One object of the file and its place in it ("memberships[3]").
private struct Fields {
    let location: String
    let values: [String: JSONValue]
}

/// A post as the file defines it, for the memberships that name it.
private struct Post {
    var role: MembershipRole?
    var partnershipKey: String?
}

private struct PopoloReader {
    var batch = ImportBatch()
    var posts: [String: Post] = [:]

    mutating func read(_ data: Data) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            issue("line \(PopoloReader.firstBadLine(bytes))", nil, "The file is not UTF-8 text; save it as UTF-8 JSON")
            return
        }
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            issue("file", nil, "The file is not valid JSON: \(PopoloReader.syntaxProblem(Data(bytes)))")
            return
        }
        guard case .object(let top) = root else {
            issue(
                "file", nil,
                "The file must be one JSON object with the lists persons, organizations, memberships, posts, areas and events; found \(root.kind)"
            )
            return
        }
        records(top, "areas").forEach { readArea($0) }
        records(top, "organizations").forEach { readOrganization($0) }
        records(top, "persons").forEach { readPerson($0) }
        records(top, "posts").forEach { readPost($0) }
        records(top, "memberships").forEach { readMembership($0) }
        records(top, "events").forEach { readEvent($0) }
    }

    // MARK: Records

    mutating func readArea(_ r: Fields) {
        guard let code = id(r, "area") else { return }
        guard let kind: AreaKind = required(r, "classification", "area kind") else { return }
        batch.register.areas.append(
            Area(code: code, name: text(r, "name") ?? "", kind: kind, parentCode: text(r, "parent_id")))
        note(.area, code, r.location)
        for link in objects(r, "convene:links") {
            guard let target = text(link, "area_id") else {
                issue(link.location, "area_id", "Enter the code of the area that \(code) lies in")
                continue
            }
            batch.register.areaLinks.append(
                AreaLink(districtCode: code, areaCode: target, share: number(link, "share")))
        }
    }

    mutating func readOrganization(_ r: Fields) {
        guard let key = id(r, "organization") else { return }
        let name = text(r, "name") ?? ""
        let expected =
            "expected sector:<sector> for a partner body or partnership:<type> for a partnership, like sector:police or partnership:cdp"
        guard let classification = text(r, "classification") else {
            if r.values["classification"] == nil {
                issue(r.location, "classification", "Enter the classification; \(expected)")
            }
            return
        }
        let parts = classification.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("sector", 2):
            guard let sector = parse(Sector.self, parts[1], r, "classification", "sector") else { return }
            batch.register.organisations.append(Organisation(key: key, name: name, sector: sector))
            note(.organisation, key, r.location)
        case ("partnership", 2):
            guard let type = parse(PartnershipType.self, parts[1], r, "classification", "partnership type") else {
                return
            }
            readPartnership(r, key: key, name: name, type: type)
        default:
            issue(r.location, "classification", "'\(classification)' is not a Convene classification; \(expected)")
        }
    }

    mutating func readPartnership(_ r: Fields, key: String, name: String, type: PartnershipType) {
        batch.register.partnerships.append(
            Partnership(
                key: key, name: name, type: type,
                status: vocabulary(r, "convene:status", "status") ?? .active,
                startedOn: day(r, "founding_date"), endedOn: day(r, "dissolution_date"),
                statutoryBasis: text(r, "convene:statutory_basis"), purpose: text(r, "convene:purpose"),
                themes: textList(r, "convene:themes"), footprint: textList(r, "convene:footprint"),
                pccRoles: vocabularyList(r, "convene:pcc_roles", "PCC role"),
                meetingFrequency: vocabulary(r, "convene:meeting_frequency", "meeting frequency"),
                secretariatKey: text(r, "convene:secretariat_id"), forceAreaCode: text(r, "area_id"),
                isDemo: flag(r, "convene:is_demo") ?? false))
        note(.partnership, key, r.location)
        batch.relationsStatedFor.insert(key)

        for relation in objects(r, "convene:relations") {
            let kind: RelationKind? = required(relation, "kind", "relation kind")
            guard let target = text(relation, "to") else {
                issue(relation.location, "to", "Enter the id of the related partnership")
                continue
            }
            if let kind { batch.register.relations.append(PartnershipRelation(key, kind, target)) }
        }
        // Popolo's parent is Convene's "sub-group of"; it is read last to keep the canonical order.
        if let parent = text(r, "parent_id") {
            batch.register.relations.append(PartnershipRelation(key, .subGroupOf, parent))
        }
        for terms in objects(r, "convene:terms_of_reference") {
            guard let version = integer(terms, "version") else {
                if terms.values["version"] == nil {
                    issue(terms.location, "version", "Enter the version number, like 1")
                }
                continue
            }
            batch.register.termsOfReference.append(
                TermsOfReference(
                    partnershipKey: key, version: version, purpose: text(terms, "purpose"),
                    quorum: integer(terms, "quorum"),
                    meetingFrequency: vocabulary(terms, "meeting_frequency", "meeting frequency"),
                    approvedOn: day(terms, "approved_on"), reviewDue: day(terms, "review_due")))
            note(.termsOfReference, "\(key)#\(version)", terms.location)
        }
    }

    mutating func readPerson(_ r: Fields) {
        guard let key = id(r, "person") else { return }
        batch.register.persons.append(
            Person(
                key: key, name: text(r, "name") ?? "", roleTitle: text(r, "convene:role_title"),
                organisationKey: text(r, "convene:organisation_id"),
                seniority: vocabulary(r, "convene:seniority", "seniority band"),
                salaryBand: integer(r, "convene:salary_band")))
        note(.person, key, r.location)
    }

    mutating func readPost(_ r: Fields) {
        guard let key = id(r, "post") else { return }
        // A post's role may be given as Convene's value or only as the label Popolo readers show.
        let role: MembershipRole? =
            vocabulary(r, "role", "role")
            ?? text(r, "label").flatMap { MembershipRole.parse($0) }
        posts[key] = Post(role: role, partnershipKey: text(r, "organization_id"))
    }

    mutating func readMembership(_ r: Fields) {
        var post: Post?
        if let postKey = text(r, "post_id") {
            post = posts[postKey]
            if post == nil {
                issue(
                    r.location, "post_id",
                    "No post has the id '\(postKey)' in this file; add it to posts, or remove post_id")
            }
        }
        let given = text(r, "organization_id")
        if let given, let fromPost = post?.partnershipKey, given != fromPost {
            issue(
                r.location, "organization_id",
                "'\(given)' is not the partnership of its post ('\(fromPost)'); make them agree")
        }
        guard let partnershipKey = given ?? post?.partnershipKey else {
            issue(r.location, "organization_id", "Enter the id of the partnership this membership is in")
            return
        }

        // A person member is person_id; an organisation member is Popolo's member object.
        var personKey = text(r, "person_id")
        var organisationKey: String?
        if let member = object(r, "member") {
            let memberKey = text(member, "id")
            switch text(member, "@type") {
            case "Organization": organisationKey = memberKey
            case "Person" where personKey == nil || personKey == memberKey: personKey = memberKey
            case "Person":
                issue(
                    member.location, "id",
                    "'\(memberKey ?? "")' differs from person_id '\(personKey ?? "")'; give one or make them agree")
            case nil: issue(member.location, "@type", "Enter the member's @type: Organization (or Person)")
            case let other?:
                issue(member.location, "@type", "'\(other)' is not a member type; expected Organization (or Person)")
            }
        }
        let role = vocabulary(r, "role", "role") ?? post?.role ?? .member
        let key = text(r, "id") ?? Key.slug(partnershipKey, personKey ?? organisationKey ?? "", role.rawValue)
        batch.register.memberships.append(
            Membership(
                key: key, partnershipKey: partnershipKey, personKey: personKey, organisationKey: organisationKey,
                role: role, representsKey: text(r, "on_behalf_of_id"), votingRight: flag(r, "convene:voting") ?? false,
                startedOn: day(r, "start_date"), endedOn: day(r, "end_date"),
                substituteKey: text(r, "convene:substitute_id")))
        note(.membership, key, r.location)
    }

    mutating func readEvent(_ r: Fields) {
        guard let key = id(r, "event") else { return }
        guard let partnershipKey = text(r, "organization_id") else {
            issue(r.location, "organization_id", "Enter the id of the partnership whose meeting this is")
            return
        }
        guard let start = dateTime(r, "start_date") else {
            if r.values["start_date"] == nil {
                issue(r.location, "start_date", "Enter when the meeting starts, like 2024-03-14T10:00:00Z")
            }
            return
        }
        batch.register.meetings.append(
            Meeting(
                key: key, partnershipKey: partnershipKey, name: text(r, "name") ?? "", startsAt: start,
                endsAt: dateTime(r, "end_date"), status: vocabulary(r, "status", "meeting status") ?? .scheduled,
                attendance: attendance(r)))
        note(.meeting, key, r.location)
    }

    /// Attendees as objects with Convene's attendance status, or as bare person ids (present).
    mutating func attendance(_ r: Fields) -> [Attendance] {
        switch r.values["attendees"] {
        case nil, .null?: return []
        case .array(let attendees)?:
            return attendees.enumerated().compactMap { i, attendee in
                let place = "\(r.location).attendees[\(i)]"
                switch attendee {
                case .string(let person): return Attendance(personKey: person)
                case .object(let values):
                    let a = Fields(location: place, values: values)
                    guard let person = id(a, "attendee") else { return nil }
                    return Attendance(
                        personKey: person,
                        status: vocabulary(a, "convene:attendance", "attendance status") ?? .present,
                        substituteForKey: text(a, "convene:substitute_for"))
                default:
                    issue(place, nil, "Expected a person's id or an object with id; found \(attendee.kind)")
                    return nil
                }
            }
        case let other?:
            wrongType(r, "attendees", "a list of attendees", other)
            return []
        }
    }

    // MARK: Fields

    mutating func issue(_ location: String, _ field: String?, _ message: String) {
        batch.issues.append(ImportIssue(location, field: field, message))
    }

    /// Records where a record came from; a key seen twice names both places, for the duplicate check's message.
    mutating func note(_ kind: RecordOrigin.Kind, _ key: String, _ place: String) {
        let origin = RecordOrigin(kind, key)
        batch.origins[origin] = batch.origins[origin].map { "\($0) and \(place)" } ?? place
    }

    mutating func wrongType(_ r: Fields, _ key: String, _ expected: String, _ found: JSONValue) {
        issue(r.location, key, "Expected \(expected); found \(found.kind)")
    }

    /// The objects of one top-level list; a missing list is an empty one.
    mutating func records(_ top: [String: JSONValue], _ name: String) -> [Fields] {
        objects(Fields(location: "file", values: top), name, prefix: "")
    }

    mutating func objects(_ r: Fields, _ key: String, prefix: String? = nil) -> [Fields] {
        let place = prefix.map { "\($0)\(key)" } ?? "\(r.location).\(key)"
        switch r.values[key] {
        case nil, .null?: return []
        case .array(let items)?:
            return items.enumerated().compactMap { i, item in
                guard case .object(let values) = item else {
                    issue("\(place)[\(i)]", nil, "Expected an object; found \(item.kind)")
                    return nil
                }
                return Fields(location: "\(place)[\(i)]", values: values)
            }
        case let other?:
            wrongType(r, key, "a list of objects", other)
            return []
        }
    }

    mutating func object(_ r: Fields, _ key: String) -> Fields? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .object(let values)?: return Fields(location: "\(r.location).\(key)", values: values)
        case let other?:
            wrongType(r, key, "an object", other)
            return nil
        }
    }

    mutating func text(_ r: Fields, _ key: String) -> String? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value.isEmpty ? nil : value
        case let other?:
            wrongType(r, key, "text", other)
            return nil
        }
    }

    /// A record's id, without which it cannot be stored or referred to.
    mutating func id(_ r: Fields, _ what: String) -> String? {
        let value = text(r, "id")
        if value == nil, r.values["id"] == nil {
            issue(r.location, "id", "Enter the \(what)'s id; every \(what) needs one")
        }
        return value
    }

    mutating func flag(_ r: Fields, _ key: String) -> Bool? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?:
            wrongType(r, key, "true or false", other)
            return nil
        }
    }

    mutating func number(_ r: Fields, _ key: String) -> Double? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .int(let value)?: return Double(value)
        case .double(let value)?: return value
        case let other?:
            wrongType(r, key, "a number", other)
            return nil
        }
    }

    mutating func integer(_ r: Fields, _ key: String) -> Int? {
        switch r.values[key] {
        case nil, .null?: return nil
        case .int(let value)?: return value
        case let other?:
            wrongType(r, key, "a whole number", other)
            return nil
        }
    }

    mutating func textList(_ r: Fields, _ key: String) -> [String] {
        switch r.values[key] {
        case nil, .null?: return []
        case .array(let items)?:
            return items.enumerated().compactMap { i, item in
                if case .string(let value) = item { return value }
                issue(r.location, "\(key)[\(i)]", "Expected text; found \(item.kind)")
                return nil
            }
        case let other?:
            wrongType(r, key, "a list of text", other)
            return []
        }
    }

    mutating func parse<V: Vocabulary>(_: V.Type, _ value: String, _ r: Fields, _ key: String, _ what: String) -> V? {
        if let parsed = V.parse(value) { return parsed }
        issue(r.location, key, "'\(value)' is not a known \(what); expected one of \(V.expectedList)")
        return nil
    }

    mutating func vocabulary<V: Vocabulary>(_ r: Fields, _ key: String, _ what: String) -> V? {
        text(r, key).flatMap { parse(V.self, $0, r, key, what) }
    }

    /// A vocabulary field the record cannot do without.
    mutating func required<V: Vocabulary>(_ r: Fields, _ key: String, _ what: String) -> V? {
        if r.values[key] == nil { issue(r.location, key, "Enter the \(what); expected one of \(V.expectedList)") }
        return vocabulary(r, key, what)
    }

    mutating func vocabularyList<V: Vocabulary>(_ r: Fields, _ key: String, _ what: String) -> [V] {
        textList(r, key).compactMap { parse(V.self, $0, r, key, what) }
    }

    mutating func day(_ r: Fields, _ key: String) -> Day? {
        guard let value = text(r, key) else { return nil }
        if let day = Day(value) { return day }
        issue(r.location, key, "'\(value)' is not a date; expected yyyy-mm-dd, like 2024-03-14")
        return nil
    }

    /// Date-times are written in UTC with Z; a file may also give an offset, or a bare date (midnight UTC).
    mutating func dateTime(_ r: Fields, _ key: String) -> Date? {
        guard let value = text(r, key) else { return nil }
        if !value.contains("T"), let day = Day(value) {
            return Date(timeIntervalSince1970: TimeInterval(day.ordinal) * 86_400)
        }
        if let date = try? Date.ISO8601FormatStyle().parse(value) { return date }
        issue(
            r.location, key,
            "'\(value)' is not a date and time with a time zone; expected UTC like 2024-03-14T10:00:00Z, an offset like 2024-03-14T10:00:00+01:00, or a date"
        )
        return nil
    }

    // MARK: File-level problems

    /// JSONDecoder does not say where JSON breaks; JSONSerialization names a character offset, given here as line and column.
    static func syntaxProblem(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "it could not be read"
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            guard let range = detail.range(of: "character "),
                let offset = Int(detail[range.upperBound...].prefix { $0.isNumber })
            else {
                return detail.hasPrefix("Unexpected end of file") ? "the file ends before the JSON is complete" : detail
            }
            let before = data.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            let what = detail[..<range.lowerBound].replacingOccurrences(of: " around", with: "")
                .trimmingCharacters(in: .whitespaces).lowercased()
            return "\(what) at line \(line), column \(column)"
        }
    }

    static func firstBadLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}
