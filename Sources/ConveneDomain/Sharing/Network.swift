import Foundation

/// A force area's partnership lead, for the network's directory: an office or a role title, and the organisation it
/// sits in. A private person is never named; a holder is named only because they hold a public office.
public struct PartnershipLead: Hashable, Codable, Sendable {
    /// The police force area they lead for, by its ONS code.
    public var forceAreaCode: String
    /// "Head of Partnerships and Commissioning", "Deputy Police and Crime Commissioner".
    public var office: String
    public var organisation: String
    /// The person in public office who holds it, by key, when the office is a public one.
    public var holderKey: String?
    /// A team's shared mailbox or a web page: how the network reaches the office, not a person.
    public var contact: String?

    public init(
        forceAreaCode: String, office: String, organisation: String, holderKey: String? = nil, contact: String? = nil
    ) {
        self.forceAreaCode = forceAreaCode
        self.office = office
        self.organisation = organisation
        self.holderKey = holderKey
        self.contact = contact
    }

    enum CodingKeys: String, CodingKey {
        case forceAreaCode = "force_area_code"
        case office, organisation
        case holderKey = "holder_key"
        case contact
    }

    /// Its own problems; whether the holder holds a public office is the register's to say.
    public func validate() -> [FieldError] {
        var check = Checker()
        check.require(
            PoliceForceAreas.area(code: forceAreaCode) != nil, "force_area_code", "Choose the police force area")
        check.requireText(office, "office", "the office or role title")
        check.requireText(organisation, "organisation", "the organisation")
        if let holderKey { check.requireKey(holderKey, "holder_key") }
        if let contact {
            let isMail = contact.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil
            let isPage = contact.hasPrefix("https://") && !contact.contains(" ")
            check.require(
                isMail || isPage, "contact", "Enter a shared mailbox (name@example.org) or a web page (https://…)")
        }
        return check.errors
    }
}

/// The directory of leads: every police force area, each with the lead a workspace names for it, or none.
public enum LeadDirectory {
    public struct Row: Hashable, Codable, Sendable {
        public var forceAreaCode: String
        public var forceArea: String
        public var lead: PartnershipLead?
        /// The holder's name, given only for a public office holder.
        public var holder: String?

        enum CodingKeys: String, CodingKey {
            case forceAreaCode = "force_area_code"
            case forceArea = "force_area"
            case lead, holder
        }
    }

    /// A row a force area, by name; a force area whose workspaces name no lead has none. When two workspaces of one
    /// force area name one, the first given counts.
    public static func rows(
        forceAreas: [(code: String, name: String)], leads: [(lead: PartnershipLead, holder: String?)]
    ) -> [Row] {
        var byArea: [String: (PartnershipLead, String?)] = [:]
        for l in leads where byArea[l.lead.forceAreaCode] == nil { byArea[l.lead.forceAreaCode] = (l.lead, l.holder) }
        return forceAreas.sorted { $0.name < $1.name }.map { area in
            Row(
                forceAreaCode: area.code, forceArea: area.name, lead: byArea[area.code]?.0,
                holder: byArea[area.code]?.1)
        }
    }
}

/// What a workspace shares with the network for any other to copy into its own: terms of reference or a survey,
/// as they stood when shared.
public struct LibraryItem: Hashable, Codable, Sendable {
    public enum Kind: String, Vocabulary {
        case termsOfReference = "terms-of-reference"
        case survey

        public var label: String {
            switch self {
            case .termsOfReference: "Terms of reference"
            case .survey: "Survey"
            }
        }
    }

    /// Terms of reference without their partnership and dates: what another board would start from.
    public struct Terms: Hashable, Codable, Sendable {
        public var purpose: String?
        public var quorum: Int?
        public var meetingFrequency: MeetingFrequency?

        public init(purpose: String?, quorum: Int?, meetingFrequency: MeetingFrequency?) {
            self.purpose = purpose
            self.quorum = quorum
            self.meetingFrequency = meetingFrequency
        }

        enum CodingKeys: String, CodingKey {
            case purpose, quorum
            case meetingFrequency = "meeting_frequency"
        }
    }

    public var key: String
    public var kind: Kind
    public var title: String
    /// What it is and how it has worked, in the sharer's words.
    public var note: String?
    public var terms: Terms?
    /// The survey's questions and introduction; its status, dates and links are not shared.
    public var survey: Survey?

    public init(
        key: String, kind: Kind, title: String, note: String? = nil, terms: Terms? = nil, survey: Survey? = nil
    ) {
        self.key = key
        self.kind = kind
        self.title = title
        self.note = note
        self.terms = terms
        self.survey = survey
    }

    /// Terms of reference shared from a partnership's current version.
    public static func terms(_ t: TermsOfReference, partnershipName: String, note: String?) -> LibraryItem {
        LibraryItem(
            key: "", kind: .termsOfReference, title: "Terms of reference of the \(partnershipName)", note: note,
            terms: Terms(purpose: t.purpose, quorum: t.quorum, meetingFrequency: t.meetingFrequency))
    }

    /// A survey shared as a draft to start from: no closing day, no link to an earlier round.
    public static func survey(_ s: Survey, note: String?) -> LibraryItem {
        var shared = s
        shared.status = .draft
        shared.closesOn = nil
        shared.previousKey = nil
        return LibraryItem(key: "", kind: .survey, title: s.title, note: note, survey: shared)
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(title, "title", "a title")
        check.optionalText(note, "note", "the note", max: 2000)
        switch kind {
        case .termsOfReference: check.require(terms != nil, "terms", "Terms of reference need their terms")
        case .survey:
            check.require(survey != nil, "survey", "A survey needs its questions")
            if let survey { check.add(survey.validate().map { FieldError("survey.\($0.field)", $0.message) }) }
        }
        return check.errors
    }
}
