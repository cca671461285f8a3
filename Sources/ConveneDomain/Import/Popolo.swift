// Over 400 lines: one interchange format's records, read as any Popolo producer writes them, kept whole so that
// what each Popolo record becomes in Convene is decided in one place.
import Foundation

/// Popolo JSON (popoloproject.com), the interchange vocabulary for people, organisations and their
/// memberships. Convene's fields that Popolo lacks travel as "convene:" extension fields; the whole layout
/// is described in docs/import-formats.md. The writer is in PopoloWriter.swift, the field readers in
/// PopoloFields.swift, and the file's ids become keys by PopoloIDs.swift.
public enum Popolo {
    /// Reads a Popolo file from any producer. Problems of format (broken JSON, wrong types, posts that do not exist)
    /// go into `issues`, each naming its record ("memberships[3]") and field; what Convene has no place for (a
    /// constituency, a legislative term, a party, images) is left out with a warning; rules across records are
    /// `RegisterCheck`'s.
    public static func read(_ data: Data) -> ImportBatch {
        var reader = PopoloReader()
        reader.read(data)
        return reader.batch
    }

    /// Field names of the register as Popolo spells them, for problems found after reading.
    static let fieldNames: [RecordOrigin.Kind: [String: String]] = [
        .area: ["code": "id", "parent_code": "parent_id"],
        .organisation: ["key": "id"],
        .person: [
            "key": "id", "organisation_key": "convene:organisation_id", "role_title": "convene:role_title",
            "salary_band": "convene:salary_band"
        ],
        .partnership: [
            "key": "id", "started_on": "founding_date", "ended_on": "dissolution_date", "force_area_code": "area_id",
            "statutory_basis": "convene:statutory_basis", "purpose": "convene:purpose", "themes": "convene:themes",
            "footprint": "convene:footprint", "pcc_roles": "convene:pcc_roles",
            "secretariat_key": "convene:secretariat_id", "sub_group_of": "parent_id",
            "reports_to": "convene:relations", "delivery_arm_of": "convene:relations",
            "merged_into": "convene:relations", "replaced_by": "convene:relations"
        ],
        .membership: [
            "key": "id", "partnership_key": "organization_id", "person_key": "person_id",
            "organisation_key": "member", "represents_key": "on_behalf_of_id",
            "substitute_key": "convene:substitute_id", "started_on": "start_date", "ended_on": "end_date"
        ],
        .termsOfReference: ["partnership_key": "id"],
        .meeting: ["key": "id", "partnership_key": "organization_id", "ends_at": "end_date", "attendance": "attendees"]
    ]

    /// Popolo fields that Convene has no place for: read past, and named in a warning when a file has them.
    static let unkept = [
        "contact_details", "links", "other_names", "identifiers", "image", "images", "sources", "email"
    ]
}

/// A post as the file defines it, for the memberships that name it.
struct Post {
    var role: MembershipRole?
    var roleText: String?
    var partnershipKey: String?
    var startedOn: Day?
    var endedOn: Day?
}

struct PopoloReader {
    var batch = ImportBatch()
    var notes = Notes()
    var posts: [String: Post] = [:]
    /// Every organisation id of the file, and whether it is a partnership.
    var isPartnership: [String: Bool] = [:]
    /// Area ids of the file → their ONS codes; nil for areas that were skipped.
    var areaCodes: [String: String?] = [:]
    /// Persons by id, to give a member of a plain organisation that organisation.
    var personIndex: [String: Int] = [:]

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
        let areas = records(top, "areas")
        areas.forEach { noteAreaCode($0) }
        areas.forEach { readArea($0) }
        let organizations = records(top, "organizations")
        organizations.forEach { classify($0) }
        organizations.forEach { readOrganization($0) }
        records(top, "persons").forEach { readPerson($0) }
        records(top, "posts").forEach { readPost($0) }
        records(top, "memberships").forEach { readMembership($0) }
        records(top, "events").forEach { readEvent($0) }
        finish()
    }

    // MARK: Areas

    /// An area's ONS code: its id, or an identifier with the scheme `gss` or `ons`; nil when it has none.
    mutating func noteAreaCode(_ r: Fields) {
        guard case .string(let id)? = r.values["id"] else { return }
        if Area.isValidCode(id) {
            areaCodes[id] = id
            return
        }
        var code: String?
        if case .array(let identifiers)? = r.values["identifiers"] {
            for case .object(let entry) in identifiers {
                if case .string(let scheme)? = entry["scheme"], ["gss", "ons"].contains(scheme.lowercased()),
                    case .string(let value)? = entry["identifier"], Area.isValidCode(value)
                {
                    code = value
                }
            }
        }
        areaCodes[id] = .some(code)
    }

    mutating func readArea(_ r: Fields) {
        guard let id = id(r, "area") else { return }
        let name = text(r, "name") ?? ""
        let classification = text(r, "classification") ?? text(r, "type")
        let kind = classification.flatMap(AreaKind.parse)
        guard let kind, let code = areaCodes[id] ?? nil else {
            let what = classification.map { "'\(name)' (\($0))" } ?? "'\(name)'"
            let why =
                kind == nil
                ? "Convene keeps only areas of the kinds \(AreaKind.expectedList)"
                : "it has no ONS code (as its id, or an identifier with the scheme gss)"
            warn(r.location, "id", "Skipped the area '\(id)', \(what): \(why)")
            areaCodes[id] = .some(nil)
            return
        }
        var parent: String?
        if let parentID = text(r, "parent_id") {
            parent = areaCodes[parentID] ?? (Area.isValidCode(parentID) ? parentID : nil)
            if parent == nil {
                warn(r.location, "parent_id", "Not kept: the parent area has no ONS code, or was skipped")
            }
        }
        batch.register.areas.append(Area(code: code, name: name, kind: kind, parentCode: parent))
        note(.area, code, r.location)
        unkept(r)
        for link in objects(r, "convene:links") {
            guard let target = text(link, "area_id") else {
                issue(link.location, "area_id", "Enter the code of the area that \(code) lies in")
                continue
            }
            batch.register.areaLinks.append(
                AreaLink(
                    districtCode: code, areaCode: areaCodes[target].flatMap { $0 } ?? target,
                    share: number(link, "share")))
        }
    }

    // MARK: Organisations and partnerships

    /// Partnership or partner body, decided before any membership or event asks.
    mutating func classify(_ r: Fields) {
        guard case .string(let id)? = r.values["id"] else { return }
        var partnership = false
        if case .string(let text)? = r.values["classification"], case .partnership? = Classification.read(text) {
            partnership = true
        }
        isPartnership[id] = partnership
    }

    mutating func readOrganization(_ r: Fields) {
        guard let key = id(r, "organization") else { return }
        let name = text(r, "name") ?? ""
        let classification = text(r, "classification")
        switch classification.flatMap(Classification.read) {
        case .partnership(let type)?:
            readPartnership(r, key: key, name: name, type: type)
        case .organisation(let sector)?:
            readPartnerBody(r, key: key, name: name, sector: sector)
        case nil:
            warn(
                r.location, "classification",
                classification.map {
                    "'\($0)' is not a kind of organisation Convene knows; kept as an organisation of sector other"
                }
                    ?? "No classification; kept as an organisation of sector other")
            readPartnerBody(r, key: key, name: name, sector: .other)
        }
    }

    mutating func readPartnerBody(_ r: Fields, key: String, name: String, sector: Sector) {
        batch.register.organisations.append(Organisation(key: key, name: name, sector: sector))
        note(.organisation, key, r.location)
        for field in ["founding_date", "dissolution_date", "parent_id", "area_id"] where r.values[field] != nil {
            warn(r.location, field, "Not kept: Convene records this for partnerships, not for partner bodies")
        }
        unkept(r)
    }

    mutating func readPartnership(_ r: Fields, key: String, name: String, type: PartnershipType) {
        var forceArea: String?
        if let area = text(r, "area_id") {
            forceArea = areaCodes[area] ?? (Area.isValidCode(area) ? area : nil)
            if forceArea == nil { warn(r.location, "area_id", "Not kept: the area has no ONS code, or was skipped") }
        }
        batch.register.partnerships.append(
            Partnership(
                key: key, name: name, type: type,
                status: vocabulary(r, "convene:status", "status") ?? .active,
                startedOn: day(r, "founding_date"), endedOn: day(r, "dissolution_date", end: true),
                statutoryBasis: text(r, "convene:statutory_basis"), purpose: text(r, "convene:purpose"),
                themes: textList(r, "convene:themes"), footprint: textList(r, "convene:footprint"),
                pccRoles: vocabularyList(r, "convene:pcc_roles", "PCC role"),
                meetingFrequency: vocabulary(r, "convene:meeting_frequency", "meeting frequency"),
                secretariatKey: text(r, "convene:secretariat_id"), forceAreaCode: forceArea,
                isDemo: flag(r, "convene:is_demo") ?? false))
        note(.partnership, key, r.location)
        unkept(r)
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
            if isPartnership[parent] == false {
                warn(
                    r.location, "parent_id",
                    "Not kept: the parent is not a partnership (Convene keeps sub-groups of partnerships)")
            } else {
                batch.register.relations.append(PartnershipRelation(key, .subGroupOf, parent))
            }
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

    // MARK: People, posts and memberships

    mutating func readPerson(_ r: Fields) {
        guard let key = id(r, "person") else { return }
        personIndex[key] = batch.register.persons.count
        batch.register.persons.append(
            Person(
                key: key, name: text(r, "name") ?? "", roleTitle: text(r, "convene:role_title"),
                organisationKey: text(r, "convene:organisation_id"),
                seniority: vocabulary(r, "convene:seniority", "seniority band"),
                salaryBand: integer(r, "convene:salary_band")))
        note(.person, key, r.location)
        unkept(r)
    }

    mutating func readPost(_ r: Fields) {
        guard let key = id(r, "post") else { return }
        // A post's role may be Convene's value, a role's label with or without its abbreviation, or other words.
        let stated = text(r, "role") ?? text(r, "label")
        posts[key] = Post(
            role: stated.flatMap(MembershipRole.parse), roleText: stated, partnershipKey: text(r, "organization_id"),
            startedOn: day(r, "start_date"), endedOn: day(r, "end_date", end: true))
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
        if isPartnership[partnershipKey] == false {
            joinPlainOrganisation(r, partnershipKey, personKey: personKey)
            return
        }
        let stated = text(r, "role")
        var role = stated.flatMap(MembershipRole.parse) ?? post?.role
        if role == nil, let words = stated ?? post?.roleText {
            warn(r.location, "role", "'\(words)' is not a membership role Convene knows; read as member")
        }
        role = role ?? .member
        let key = text(r, "id") ?? Key.slug(partnershipKey, personKey ?? organisationKey ?? "", role!.rawValue)
        batch.register.memberships.append(
            Membership(
                key: key, partnershipKey: partnershipKey, personKey: personKey, organisationKey: organisationKey,
                role: role!, representsKey: text(r, "on_behalf_of_id"),
                votingRight: flag(r, "convene:voting") ?? false,
                startedOn: day(r, "start_date") ?? post?.startedOn,
                endedOn: day(r, "end_date", end: true) ?? post?.endedOn,
                substituteKey: text(r, "convene:substitute_id")))
        note(.membership, key, r.location)
        for field in ["area_id", "legislative_period_id"] where r.values[field] != nil {
            warn(r.location, field, "Not kept: Convene has no place for a membership's \(field)")
        }
    }

    /// A membership of an organisation that is not a partnership (a council, a legislature, a party): Convene's
    /// place for it is the person's organisation, the first such one in the file when the person names none.
    mutating func joinPlainOrganisation(_ r: Fields, _ organisationKey: String, personKey: String?) {
        if let personKey, let i = personIndex[personKey], batch.register.persons[i].organisationKey == nil {
            batch.register.persons[i].organisationKey = organisationKey
            warn(
                r.location, "organization_id",
                "A membership of an organisation that is not a partnership: kept as the person's organisation; its role, dates and on_behalf_of_id are not kept"
            )
        } else {
            warn(
                r.location, "organization_id",
                "Not kept: a membership of an organisation that is not a partnership, for a person who already has an organisation (or none in this file)"
            )
        }
    }

    // MARK: Events

    mutating func readEvent(_ r: Fields) {
        guard let key = id(r, "event") else { return }
        let name = text(r, "name") ?? ""
        if let classification = text(r, "classification"), !VocabularyText.fold(classification).contains("meeting") {
            warn(
                r.location, "classification",
                "Skipped the event '\(key)', '\(name)' (\(classification)): Convene keeps only meetings")
            return
        }
        guard let partnershipKey = text(r, "organization_id") else {
            issue(r.location, "organization_id", "Enter the id of the partnership whose meeting this is")
            return
        }
        if isPartnership[partnershipKey] == false {
            warn(
                r.location, "organization_id",
                "Skipped the event '\(key)', '\(name)': Convene keeps the meetings of partnerships, and '\(partnershipKey)' is not one"
            )
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
                key: key, partnershipKey: partnershipKey, name: name, startsAt: start,
                endsAt: dateTime(r, "end_date"), status: vocabulary(r, "status", "meeting status") ?? .scheduled,
                attendance: attendance(r)))
        note(.meeting, key, r.location)
        for field in ["location", "sources", "identifiers"] where r.values[field] != nil {
            warn(r.location, field, "Not kept: Convene has no place for an event's \(field) in a register file")
        }
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

    /// Popolo fields Convene has no place for, named once per field for the whole file.
    mutating func unkept(_ r: Fields) {
        for field in Popolo.unkept where r.values[field] != nil {
            if field == "identifiers", case .array(let list)? = r.values[field], list.isEmpty { continue }
            warn(r.location, field, "Not kept: Convene has no place for \(field)")
        }
    }

    // MARK: Keys

    /// The file's ids become keys, kind by kind (organisations and partnerships share Popolo's organisation ids);
    /// every reference follows, and each record keeps an id that is not its key.
    mutating func finish() {
        let r = batch.register
        let organisationIDs =
            r.organisations.map(\.key) + r.partnerships.map(\.key) + r.persons.compactMap(\.organisationKey)
            + r.partnerships.compactMap(\.secretariatKey) + r.memberships.map(\.partnershipKey)
            + r.memberships.compactMap(\.organisationKey) + r.memberships.compactMap(\.representsKey)
            + r.relations.flatMap { [$0.fromKey, $0.toKey] } + r.termsOfReference.map(\.partnershipKey)
            + r.meetings.flatMap { [$0.partnershipKey] + $0.jointWith }
        let personIDs =
            r.persons.map(\.key) + r.memberships.compactMap(\.personKey) + r.memberships.compactMap(\.substituteKey)
            + r.meetings.flatMap { $0.attendance.flatMap { [$0.personKey] + [$0.substituteForKey].compactMap { $0 } } }
        let organisations = PopoloIDs.keys(for: Set(organisationIDs))
        let maps: [RecordOrigin.Kind: [String: String]] = [
            .organisation: organisations, .partnership: organisations,
            .person: PopoloIDs.keys(for: Set(personIDs)),
            .membership: PopoloIDs.keys(for: Set(r.memberships.map(\.key))),
            .meeting: PopoloIDs.keys(for: Set(r.meetings.map(\.key)))
        ]
        batch.popoloIDs = maps.mapValues { map in Dictionary(uniqueKeysWithValues: map.keys.map { ($0, $0) }) }
        batch = batch.rekeyed(maps)
        batch.fieldNames = Popolo.fieldNames
        batch.warnings += notes.issues
    }
}
