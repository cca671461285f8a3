import ConveneDomain
import Fluent
import Foundation

/// What a meeting's page shows of declared interests: the agenda items that touch the declared interest of someone
/// at the meeting (the rule is `InterestFlags`), and the declarations its minutes record as made at it.
struct MeetingInterests: Sendable {
    /// An item that touches someone's declared interest.
    struct Flag: Sendable, Hashable {
        var personKey: String
        var person: String
        var matter: String
        /// "names Turning Point", "is about housing".
        var reason: String
    }

    /// A declaration made at the meeting, with the names the minutes give.
    struct Made: Sendable {
        var declaration: MeetingDeclaration
        var person: String
        var item: String?
    }

    /// By agenda item key.
    var flags: [String: [Flag]]
    var made: [Made]

    /// The people who may be at the meeting: its members on the day, everyone else whose attendance is recorded, and
    /// each item's presenter (`InterestFlags.attendees` leaves out those recorded as away).
    static func people(_ d: MeetingDetail) -> [MeetingStore.PersonRef] {
        var seen: Set<String> = []
        return ((d.members + d.others).map(\.person) + d.items.compactMap(\.presenter)).filter {
            seen.insert($0.key).inserted
        }
    }

    static func load(_ d: MeetingDetail, meeting: MeetingRecord, in scope: Scope) async throws -> MeetingInterests {
        let people = people(d)
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0.key, $0.name) })
        let records =
            people.isEmpty
            ? [] : try await PersonRecord.query(in: scope).filter(\.$key ~~ people.map(\.key)).all()
        let declarations = try await SharingStore.declarations(of: records.compactMap(\.id), in: scope).values
            .flatMap { $0 }
        let organisationKeys = Set(declarations.compactMap(\.organisationKey))
        let organisations =
            organisationKeys.isEmpty
            ? [:]
            : Dictionary(
                try await OrganisationRecord.query(in: scope).filter(\.$key ~~ Array(organisationKeys)).all()
                    .map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        let matters = Dictionary(declarations.map { ($0.key, $0.matter) }, uniquingKeysWith: { a, _ in a })
        let flags = InterestFlags.flags(
            items: d.items.map {
                InterestFlags.Item(key: $0.item.key, title: $0.item.title, themes: $0.item.themes)
            },
            attendees: InterestFlags.attendees(
                expected: people.map(\.key),
                attendance: Dictionary(
                    (d.members + d.others).compactMap { row in row.attendance.map { (row.person.key, $0.status) } },
                    uniquingKeysWith: { a, _ in a })),
            declarations: declarations, names: organisations,
            on: WallClock.day(of: d.meeting.startsAt))

        let madeRecords = try await MeetingDeclarationRecord.query(in: scope)
            .filter(\.$meeting.$id == meeting.requireID()).with(\.$person).sort(\.$createdAt).all()
        let titles = Dictionary(uniqueKeysWithValues: d.items.map { ($0.item.key, $0.item.title) })
        return MeetingInterests(
            flags: Dictionary(grouping: flags, by: \.itemKey).mapValues { item in
                item.map {
                    Flag(
                        personKey: $0.personKey, person: names[$0.personKey] ?? $0.personKey,
                        matter: matters[$0.declarationKey] ?? "", reason: $0.reason)
                }
            },
            made: madeRecords.compactMap { r in
                r.domain.map { Made(declaration: $0, person: r.person.name, item: $0.itemKey.flatMap { titles[$0] }) }
            })
    }
}

/// The form that records a declaration made at a meeting.
struct MeetingDeclarationFormModel {
    struct Input: Codable, Sendable {
        var personKey: String?
        var itemKey: String?
        var matter: String?
        var action: String?
        enum CodingKeys: String, CodingKey {
            case personKey = "person_key"
            case itemKey = "item_key"
            case matter, action
        }
    }

    var context: PageContext
    var detail: MeetingDetail
    var input: Input
    var errors: [FieldError] = []

    var people: [(String, String)] { MeetingInterests.people(detail).map { ($0.key, $0.name) } }
    var items: [(String, String)] { detail.items.map { ($0.item.key, $0.item.title) } }

    static func load(
        _ partnership: PartnershipRecord, _ meeting: MeetingRecord, input: Input, errors: [FieldError] = [],
        context: PageContext, in scope: Scope
    ) async throws -> MeetingDeclarationFormModel {
        MeetingDeclarationFormModel(
            context: context,
            detail: try await MeetingDetail.load(partnership: partnership, meeting: meeting, in: scope),
            input: input, errors: errors)
    }
}

extension SharingBusiness {
    /// Records a declaration made at a meeting in its minutes, while they are a draft; audited.
    static func recordAtMeeting(_ d: MeetingDeclaration, meeting: MeetingRecord, in scope: Scope) async throws
        -> Result<String, Refusal>
    {
        var errors = d.validate().filter { $0.field != "key" }
        let person = try await PersonRecord.query(in: scope).filter(\.$key == d.personKey).first()
        if person == nil { errors.append(FieldError("person_key", "Choose who declared the interest")) }
        if let item = d.itemKey,
            try await AgendaItemRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID())
                .filter(\.$key == item).count() == 0
        {
            errors.append(FieldError("item_key", "The item '\(item)' is not on this meeting's agenda"))
        }
        let minutes = try await MinutesRecord.query(in: scope).filter(\.$meeting.$id == meeting.requireID()).first()
        if let minutes, minutes.state != MinutesState.draft.rawValue {
            errors.append(
                FieldError("matter", "The minutes are approved: record the declaration in an addendum to them"))
        }
        guard errors.isEmpty, let personID = person?.id else { return .failure(Refusal(errors)) }
        let key = try await scope.withUnusedKey(
            Key.slug("\(d.meetingKey) \(d.personKey) \(d.itemKey ?? "")"), MeetingDeclarationRecord.self, key: \.$key
        ) { key in
            try await scope.audited { scope, audit in
                var kept = d
                kept.key = key
                let record = MeetingDeclarationRecord()
                scope.claim(record)
                record.key = key
                record.$meeting.id = try meeting.requireID()
                record.$person.id = personID
                record.declaration = StoredJSON.write(kept)
                record.createdAt = scope.now()
                try await record.create(on: scope.db)
                audit.note("create", "meeting-declaration", key, before: nil as MeetingDeclaration?, after: kept)
                return key
            }
        }
        return .success(key)
    }
}
