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

    public init(
        key: String, personKey: String, kind: InterestKind, organisationKey: String? = nil, matter: String,
        from: Day, to: Day? = nil
    ) {
        self.key = key
        self.personKey = personKey
        self.kind = kind
        self.organisationKey = organisationKey
        self.matter = matter
        self.from = from
        self.to = to
    }

    enum CodingKeys: String, CodingKey {
        case key
        case personKey = "person_key"
        case kind
        case organisationKey = "organisation_key"
        case matter, from, to
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

/// Which agenda items touch an attendee's declared interest, so the chair can ask for declarations before them.
///
/// The rules, for a meeting on a day:
/// 1. Only declarations current on the meeting's day (`isCurrent`) of people expected at it count.
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
