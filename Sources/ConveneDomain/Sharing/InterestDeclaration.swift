import Foundation

/// An interest a person declares once, in the workspace's register, and every board they sit on sees: a job, a
/// directorship, a membership, a gift, a family tie, with an organisation or a matter, from a day to a day.
public struct InterestDeclaration: Hashable, Codable, Sendable {
    public var key: String
    public var personKey: String
    public var kind: InterestKind
    /// The organisation the interest is in, by key, when it is one in the register.
    public var organisationKey: String?
    /// The interest in words: "Trustee of a local drug and alcohol charity".
    public var matter: String
    public var from: Day
    public var to: Day?
    /// Whether the workspace publishes it. It is shown on the public pages only while the person holds a public
    /// office (a PCC, Deputy PCC or Deputy Mayor whom the public pages may name); everyone else's stay private.
    public var published: Bool

    public init(
        key: String, personKey: String, kind: InterestKind, organisationKey: String? = nil, matter: String,
        from: Day, to: Day? = nil, published: Bool = false
    ) {
        self.key = key
        self.personKey = personKey
        self.kind = kind
        self.organisationKey = organisationKey
        self.matter = matter
        self.from = from
        self.to = to
        self.published = published
    }

    enum CodingKeys: String, CodingKey {
        case key
        case personKey = "person_key"
        case kind
        case organisationKey = "organisation_key"
        case matter, from, to, published
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try c.decode(String.self, forKey: .key), personKey: try c.decode(String.self, forKey: .personKey),
            kind: try c.decode(InterestKind.self, forKey: .kind),
            organisationKey: try c.decodeIfPresent(String.self, forKey: .organisationKey),
            matter: try c.decode(String.self, forKey: .matter), from: try c.decode(Day.self, forKey: .from),
            to: try c.decodeIfPresent(Day.self, forKey: .to),
            published: try c.decodeIfPresent(Bool.self, forKey: .published) ?? false)
    }

    public func isCurrent(on day: Day) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireKey(personKey, "person_key")
        if let organisationKey { check.requireKey(organisationKey, "organisation_key") }
        check.requireText(matter, "matter", "the interest", max: 500)
        check.order(from, to, startField: "from", endField: "to")
        return check.errors
    }
}

public enum InterestKind: String, Vocabulary {
    case employment, directorship, shareholding, membership
    case giftOrHospitality = "gift-or-hospitality"
    case family, other

    public var label: String {
        switch self {
        case .employment: "Employment"
        case .directorship: "Directorship or trusteeship"
        case .shareholding: "Shareholding"
        case .membership: "Membership of a body"
        case .giftOrHospitality: "Gift or hospitality"
        case .family: "A family member's interest"
        case .other: "Other"
        }
    }
}

/// A declaration of interest made at a meeting, as its minutes record it: who, on which item, the interest, and
/// what they did about it.
public struct MeetingDeclaration: Hashable, Codable, Sendable {
    public var key: String
    public var meetingKey: String
    public var personKey: String
    /// The agenda item it was made on; none for a declaration at the start of the meeting.
    public var itemKey: String?
    public var matter: String
    public var action: DeclarationAction

    public init(
        key: String, meetingKey: String, personKey: String, itemKey: String? = nil, matter: String,
        action: DeclarationAction
    ) {
        self.key = key
        self.meetingKey = meetingKey
        self.personKey = personKey
        self.itemKey = itemKey
        self.matter = matter
        self.action = action
    }

    enum CodingKeys: String, CodingKey {
        case key
        case meetingKey = "meeting_key"
        case personKey = "person_key"
        case itemKey = "item_key"
        case matter, action
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireKey(personKey, "person_key")
        if let itemKey { check.requireKey(itemKey, "item_key") }
        check.requireText(matter, "matter", "the interest", max: 500)
        return check.errors
    }
}

/// What a person did about an interest they declared at a meeting.
public enum DeclarationAction: String, Vocabulary {
    case leftTheRoom = "left-the-room"
    case tookNoPart = "took-no-part"
    case remained

    public var label: String {
        switch self {
        case .leftTheRoom: "Left the room for the item"
        case .tookNoPart: "Stayed but took no part in the discussion or decision"
        case .remained: "Stayed and took part, the interest not being prejudicial"
        }
    }
}

/// Which agenda items touch an attendee's declared interest, so the chair can ask for declarations before them.
///
/// The rules, for a meeting on a day:
/// 1. Only declarations current on the meeting's day (`isCurrent`) of the people at it (`attendees`) count.
/// 2. An item touches a declaration with an organisation when it names the organisation: the item lists it among
///    its organisations, or its title or description holds the organisation's name as whole words, ignoring case
///    and punctuation.
/// 3. An item touches any declaration when one of the item's themes is named, as whole words, in the declared
///    matter.
public enum InterestFlags {
    public struct Item: Hashable, Sendable {
        public var key: String
        public var title: String
        public var description: String
        public var themes: [String]
        public var organisationKeys: [String]

        public init(
            key: String, title: String, description: String = "", themes: [String] = [],
            organisationKeys: [String] = []
        ) {
            self.key = key
            self.title = title
            self.description = description
            self.themes = themes
            self.organisationKeys = organisationKeys
        }
    }

    public struct Flag: Hashable, Codable, Sendable {
        public var itemKey: String
        public var personKey: String
        public var declarationKey: String
        /// Why, in words: "names Turning Point" or "is about housing".
        public var reason: String
    }

    /// Who is at a meeting: those expected (its members on the day and its items' presenters), unless their
    /// attendance is recorded as apologies or absent, and anyone else whose attendance is recorded as present or as a
    /// substitute. Before attendance is recorded, everyone expected.
    public static func attendees(expected: [String], attendance: [String: AttendanceStatus]) -> Set<String> {
        let away: Set<AttendanceStatus> = [.apologies, .absent]
        return Set(expected.filter { attendance[$0].map { !away.contains($0) } ?? true })
            .union(attendance.filter { !away.contains($0.value) }.keys)
    }

    /// `names` are the organisations' names by key.
    public static func flags(
        items: [Item], attendees: Set<String>, declarations: [InterestDeclaration], names: [String: String], on day: Day
    ) -> [Flag] {
        let current = declarations.filter { attendees.contains($0.personKey) && $0.isCurrent(on: day) }
        var flags: [Flag] = []
        for item in items {
            let text = " \(words(item.title + " " + item.description)) "
            for declaration in current {
                if let organisation = declaration.organisationKey {
                    let name = names[organisation].map(words) ?? ""
                    if item.organisationKeys.contains(organisation) || (!name.isEmpty && text.contains(" \(name) ")) {
                        flags.append(
                            Flag(
                                itemKey: item.key, personKey: declaration.personKey, declarationKey: declaration.key,
                                reason: "names \(names[organisation] ?? organisation)"))
                        continue
                    }
                }
                let matter = " \(words(declaration.matter)) "
                if let theme = item.themes.first(where: { !words($0).isEmpty && matter.contains(" \(words($0)) ") }) {
                    flags.append(
                        Flag(
                            itemKey: item.key, personKey: declaration.personKey, declarationKey: declaration.key,
                            reason: "is about \(theme)"))
                }
            }
        }
        return flags
    }

    /// Lower case, letters and digits only, single spaces.
    static func words(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ")
            .joined(separator: " ")
    }
}
