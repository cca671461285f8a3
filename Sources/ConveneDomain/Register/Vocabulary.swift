import Foundation

// The register's controlled vocabularies, in the reports' own words.
// Raw values are the stable identifiers used in the database, the API, CSV and Popolo.

/// A closed list of values with a human label; every vocabulary in Convene is one.
public protocol Vocabulary: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable {
    var label: String { get }
}

extension Vocabulary {
    /// Parses a value as a person would type it, in any case and spacing: the identifier, the label, the label without
    /// its abbreviation, or the abbreviation alone ("Senior Responsible Owner (SRO)", "Senior Responsible Owner",
    /// "SRO"). CSV, Popolo, the forms and the API all read vocabularies here.
    public static func parse(_ text: String) -> Self? {
        // The identifier as written, as Convene's own files and forms give it, needs no folding.
        if let exact = Self(rawValue: text) { return exact }
        let wanted = VocabularyText.fold(text)
        guard !wanted.isEmpty else { return nil }
        return allCases.first { VocabularyText.fold($0.rawValue) == wanted }
            ?? allCases.first { $0.spellings.contains(wanted) }
    }

    /// Every way of writing the value that `parse` accepts, folded: the identifier, the label, and when the label
    /// holds a parenthesised abbreviation ("(CDP)", one word in capitals), the label without it and the abbreviation.
    public var spellings: Set<String> {
        var forms: Set<String> = [VocabularyText.fold(rawValue), VocabularyText.fold(label)]
        if let open = label.firstIndex(of: "("), let close = label[open...].firstIndex(of: ")") {
            let inside = String(label[label.index(after: open)..<close])
            forms.insert(
                VocabularyText.fold(String(label[..<open]) + " " + String(label[label.index(after: close)...])))
            if VocabularyText.isAbbreviation(inside) { forms.insert(VocabularyText.fold(inside)) }
        }
        return forms
    }

    /// Decoding names the allowed values, so an API client or a file gets an error it can act on.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) ?? Self.parse(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text)' is not a known value; expected one of \(Self.expectedList)"))
        }
        self = value
    }

    /// "one of a, b, c" for error messages.
    public static var expectedList: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}

/// How typed vocabulary text is compared: lower case, hyphens and underscores as spaces, runs of spaces as one.
public enum VocabularyText {
    public static func fold(_ text: String) -> String {
        text.lowercased().split { $0 == " " || $0 == "-" || $0 == "_" || $0.isWhitespace }.joined(separator: " ")
    }

    /// "CDP", "SRO", "VCSE": one word of two or more capitals; "(Wales)" or "(PCC and OPCC)" is not one.
    static func isAbbreviation(_ text: String) -> Bool {
        text.count >= 2 && text.allSatisfy { $0.isUppercase || $0.isNumber }
    }
}

public enum PartnershipType: String, Vocabulary {
    case combatingDrugsPartnership = "cdp"
    case communitySafetyPartnership = "csp"
    case criminalJusticeBoard = "lcjb"
    case seriousViolence = "serious-violence"
    case vawgBoard = "vawg-board"
    case reducingReoffendingBoard = "reducing-reoffending-board"
    case safeguardingBoard = "safeguarding-board"
    case healthAndWellbeingBoard = "health-and-wellbeing-board"
    case areaPlanningBoard = "area-planning-board"
    case publicServiceBoard = "public-service-board"
    case strategicBoard = "strategic-board"
    case subGroup = "sub-group"
    case taskAndFinishGroup = "task-and-finish-group"
    case forum
    case network

    public var label: String {
        switch self {
        case .combatingDrugsPartnership: "Combating Drugs Partnership (CDP)"
        case .communitySafetyPartnership: "Community Safety Partnership (CSP)"
        case .criminalJusticeBoard: "Local Criminal Justice Board (LCJB)"
        case .seriousViolence: "Serious Violence Duty partnership or Violence Reduction Unit"
        case .vawgBoard: "Violence against women and girls (VAWG) board"
        case .reducingReoffendingBoard: "Reducing reoffending board"
        case .safeguardingBoard: "Safeguarding board"
        case .healthAndWellbeingBoard: "Health and wellbeing board"
        case .areaPlanningBoard: "Area Planning Board (Wales)"
        case .publicServiceBoard: "Public Service Board"
        case .strategicBoard: "Strategic board"
        case .subGroup: "Sub-group"
        case .taskAndFinishGroup: "Task and finish group"
        case .forum: "Forum"
        case .network: "Network"
        }
    }
}

public enum PartnershipStatus: String, Vocabulary {
    case proposed
    case active
    case underReview = "under-review"
    case merged
    case discontinued

    public var label: String {
        switch self {
        case .proposed: "Proposed"
        case .active: "Active"
        case .underReview: "Under review"
        case .merged: "Merged"
        case .discontinued: "Discontinued"
        }
    }

    /// Merged and discontinued partnerships have ended; the others still exist.
    public var hasEnded: Bool { self == .merged || self == .discontinued }
}

/// The Police and Crime Commissioner's part in a partnership (Appendix B of the CDP deep dive).
public enum PCCRole: String, Vocabulary {
    case sro
    case coSRO = "co-sro"
    case chair
    case coChair = "co-chair"
    case viceChair = "vice-chair"
    case subGroupChair = "sub-group-chair"
    case member
    case attends
    case attendsSubGroups = "attends-sub-groups"
    case funder
    case convener
    case overarchingGroup = "overarching-group"

    public var label: String {
        switch self {
        case .sro: "Senior Responsible Owner (SRO)"
        case .coSRO: "Co-SRO"
        case .chair: "Chair"
        case .coChair: "Co-chair"
        case .viceChair: "Vice-chair"
        case .subGroupChair: "Chair of a sub-group"
        case .member: "Member"
        case .attends: "Attends meetings"
        case .attendsSubGroups: "Attends sub-group meetings"
        case .funder: "Funder"
        case .convener: "Convener"
        case .overarchingGroup: "Set up an overarching group"
        }
    }
}

public enum MeetingFrequency: String, Vocabulary {
    case weekly, fortnightly, monthly
    case sixWeekly = "six-weekly"
    case bimonthly, quarterly
    case twiceYearly = "twice-yearly"
    case annually
    case asNeeded = "as-needed"

    public var label: String {
        switch self {
        case .weekly: "Weekly"
        case .fortnightly: "Fortnightly"
        case .monthly: "Monthly"
        case .sixWeekly: "Every six weeks"
        case .bimonthly: "Every two months"
        case .quarterly: "Quarterly"
        case .twiceYearly: "Twice a year"
        case .annually: "Annually"
        case .asNeeded: "As needed"
        }
    }

    /// Planned meetings in a year; used for cost estimates of planned meetings.
    public var meetingsPerYear: Int {
        switch self {
        case .weekly: 52
        case .fortnightly: 26
        case .monthly: 12
        case .sixWeekly: 8
        case .bimonthly: 6
        case .quarterly: 4
        case .twiceYearly: 2
        case .annually: 1
        case .asNeeded: 0
        }
    }
}

public enum MembershipRole: String, Vocabulary {
    case chair
    case viceChair = "vice-chair"
    case sro
    case member
    case votingMember = "voting-member"
    case adviser
    case secretariat
    case observer

    public var label: String {
        switch self {
        case .chair: "Chair"
        case .viceChair: "Vice-chair"
        case .sro: "Senior Responsible Owner (SRO)"
        case .member: "Member"
        case .votingMember: "Voting member"
        case .adviser: "Adviser"
        case .secretariat: "Secretariat"
        case .observer: "Observer"
        }
    }
}

public enum RelationKind: String, Vocabulary {
    case reportsTo = "reports-to"
    case subGroupOf = "sub-group-of"
    case deliveryArmOf = "delivery-arm-of"
    case mergedInto = "merged-into"
    case replacedBy = "replaced-by"

    /// The field that states it, as the CSV column and the partnership form name it: "reports_to".
    public var field: String { rawValue.replacingOccurrences(of: "-", with: "_") }

    public var label: String {
        switch self {
        case .reportsTo: "Reports to"
        case .subGroupOf: "Sub-group of"
        case .deliveryArmOf: "Delivery arm of"
        case .mergedInto: "Merged into"
        case .replacedBy: "Replaced by"
        }
    }

    /// Reporting lines form a hierarchy, which must never loop back on itself.
    public var isHierarchical: Bool { self == .reportsTo || self == .subGroupOf }
}

public enum Sector: String, Vocabulary {
    case police
    case policingGovernance = "policing-governance"
    case localGovernment = "local-government"
    case health
    case probation
    case fireAndRescue = "fire-and-rescue"
    case prisons
    case courts
    case education
    case voluntary
    case livedExperience = "lived-experience"
    case centralGovernment = "central-government"
    case other

    public var label: String {
        switch self {
        case .police: "Police"
        case .policingGovernance: "Policing governance (PCC and OPCC)"
        case .localGovernment: "Local government"
        case .health: "Health"
        case .probation: "Probation"
        case .fireAndRescue: "Fire and rescue"
        case .prisons: "Prisons"
        case .courts: "Courts and tribunals"
        case .education: "Education"
        case .voluntary: "Voluntary, community and social enterprise (VCSE)"
        case .livedExperience: "Lived experience"
        case .centralGovernment: "Central government"
        case .other: "Other"
        }
    }
}

public enum SeniorityBand: String, Vocabulary {
    case electedOfficial = "elected-official"
    case chiefOfficer = "chief-officer"
    case director
    case seniorManager = "senior-manager"
    case manager
    case officer

    public var label: String {
        switch self {
        case .electedOfficial: "Elected official"
        case .chiefOfficer: "Chief officer"
        case .director: "Director"
        case .seniorManager: "Senior manager"
        case .manager: "Manager"
        case .officer: "Officer"
        }
    }
}

public enum AreaKind: String, Vocabulary {
    case country
    case region
    case policeForceArea = "police-force-area"
    case upperTierAuthority = "upper-tier-authority"
    case district
    case communitySafetyPartnershipArea = "csp-area"
    case integratedCareBoard = "icb"
    case healthBoard = "health-board"

    public var label: String {
        switch self {
        case .country: "Country"
        case .region: "Region"
        case .policeForceArea: "Police force area"
        case .upperTierAuthority: "Upper-tier authority"
        case .district: "Local authority district"
        case .communitySafetyPartnershipArea: "Community safety partnership area"
        case .integratedCareBoard: "Integrated care board"
        case .healthBoard: "Local health board (Wales)"
        }
    }
}

public enum MeetingStatus: String, Vocabulary {
    case draft, scheduled, held, cancelled

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .scheduled: "Scheduled"
        case .held: "Held"
        case .cancelled: "Cancelled"
        }
    }
}

public enum AttendanceStatus: String, Vocabulary {
    case present
    case presentOnline = "present-online"
    case substitute
    case apologies
    case absent

    public var label: String {
        switch self {
        case .present: "Present"
        case .presentOnline: "Present online"
        case .substitute: "Attended as a substitute"
        case .apologies: "Sent apologies"
        case .absent: "Absent"
        }
    }
}
