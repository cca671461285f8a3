import Foundation

/// An agreement between partners to share data for a purpose: who the parties are, the partnerships it serves, what
/// data under which lawful basis and legal gateway, and when it was signed and falls due for review. Whether it has
/// expired or is past its review is worked out on the day asked (`state(on:)`), never stored.
public struct DataSharingAgreement: Hashable, Codable, Sendable {
    public var key: String
    public var title: String
    /// The organisations that are party to it, by key.
    public var partyKeys: [String]
    /// The partnerships whose work it serves, by key.
    public var partnershipKeys: [String]
    public var purpose: String
    public var dataCategories: [DataCategory]
    /// The lawful basis for processing (UK GDPR Article 6), as `LegalGateway.lawfulBases` names them.
    public var lawfulBasis: String
    /// The power that permits the sharing, such as "Crime and Disorder Act 1998, section 115"; see
    /// `LegalGateway.known`, which a workspace may extend by writing another.
    public var legalGateway: String
    /// The day the data protection impact assessment was done; nil when none was.
    public var dpiaOn: Day?
    public var signedOn: Day?
    public var reviewOn: Day?
    /// The day it ends, if it has an end.
    public var endsOn: Day?
    public var status: AgreementStatus
    /// Where its documents are: addresses of the signed agreement, the DPIA.
    public var documents: [String]

    public init(
        key: String, title: String, partyKeys: [String], partnershipKeys: [String] = [], purpose: String,
        dataCategories: [DataCategory], lawfulBasis: String, legalGateway: String, dpiaOn: Day? = nil,
        signedOn: Day? = nil, reviewOn: Day? = nil, endsOn: Day? = nil, status: AgreementStatus = .draft,
        documents: [String] = []
    ) {
        self.key = key
        self.title = title
        self.partyKeys = partyKeys
        self.partnershipKeys = partnershipKeys
        self.purpose = purpose
        self.dataCategories = dataCategories
        self.lawfulBasis = lawfulBasis
        self.legalGateway = legalGateway
        self.dpiaOn = dpiaOn
        self.signedOn = signedOn
        self.reviewOn = reviewOn
        self.endsOn = endsOn
        self.status = status
        self.documents = documents
    }

    enum CodingKeys: String, CodingKey {
        case key, title
        case partyKeys = "party_keys"
        case partnershipKeys = "partnership_keys"
        case purpose
        case dataCategories = "data_categories"
        case lawfulBasis = "lawful_basis"
        case legalGateway = "legal_gateway"
        case dpiaOn = "dpia_on"
        case signedOn = "signed_on"
        case reviewOn = "review_on"
        case endsOn = "ends_on"
        case status, documents
    }

    /// Where an agreement stands on a day.
    public enum State: String, Hashable, Codable, Sendable {
        case draft, active, expired, withdrawn
    }

    /// Withdrawn and draft as recorded; an active agreement whose end has passed is expired.
    public func state(on day: Day) -> State {
        switch status {
        case .draft: return .draft
        case .withdrawn: return .withdrawn
        case .active: return endsOn.map { $0 < day } == true ? .expired : .active
        }
    }

    /// An agreement in force (active, not expired) whose review date has come.
    public func isPastReview(on day: Day) -> Bool {
        state(on: day) == .active && reviewOn.map { $0 <= day } == true
    }

    /// Holds personal or special category data: then a DPIA is expected.
    public var holdsPersonalData: Bool {
        dataCategories.contains(.personal) || dataCategories.contains(.specialCategory)
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(title, "title", "the agreement's title")
        check.require(partyKeys.count >= 2, "party_keys", "Name at least two organisations party to the agreement")
        check.require(Set(partyKeys).count == partyKeys.count, "party_keys", "An organisation is named twice")
        for party in partyKeys { check.requireKey(party, "party_keys") }
        for partnership in partnershipKeys { check.requireKey(partnership, "partnership_keys") }
        check.requireText(purpose, "purpose", "what the data is shared for", max: 2000)
        check.require(!dataCategories.isEmpty, "data_categories", "Choose the kinds of data shared")
        check.require(
            LegalGateway.lawfulBases.contains(lawfulBasis), "lawful_basis",
            "Choose the lawful basis: \(LegalGateway.lawfulBases.joined(separator: ", "))")
        check.requireText(legalGateway, "legal_gateway", "the legal gateway")
        check.order(signedOn, reviewOn, startField: "signed_on", endField: "review_on")
        check.order(signedOn, endsOn, startField: "signed_on", endField: "ends_on")
        if status == .active {
            check.require(signedOn != nil, "signed_on", "An active agreement has been signed: enter the day")
            check.require(
                !holdsPersonalData || dpiaOn != nil, "dpia_on",
                "Personal data is shared: enter the day the data protection impact assessment was done")
        }
        for document in documents {
            check.require(
                document.hasPrefix("https://") || document.hasPrefix("http://"), "documents",
                "'\(document)' is not a web address")
        }
        return check.errors
    }
}

public enum AgreementStatus: String, Vocabulary {
    case draft, active, withdrawn

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .active: "Signed and in force"
        case .withdrawn: "Withdrawn"
        }
    }
}

/// What kind of data is shared.
public enum DataCategory: String, Vocabulary {
    case personal
    case specialCategory = "special-category"
    case aggregate
    case open

    public var label: String {
        switch self {
        case .personal: "Personal data"
        case .specialCategory: "Special category data (health, ethnicity, sexual life…)"
        case .aggregate: "Aggregate figures, no one identifiable"
        case .open: "Open data"
        }
    }
}

/// The lawful bases and the legal gateways partners most often share under. The gateways are a starting list: an
/// agreement may name another, and a workspace's own become choices beside these.
public enum LegalGateway {
    /// UK GDPR Article 6(1).
    public static let lawfulBases = [
        "consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"
    ]

    public static func lawfulBasisLabel(_ basis: String) -> String {
        switch basis {
        case "consent": "Consent"
        case "contract": "Contract"
        case "legal-obligation": "Legal obligation"
        case "vital-interests": "Vital interests"
        case "public-task": "Public task"
        case "legitimate-interests": "Legitimate interests"
        default: basis
        }
    }

    public static let known = [
        "Crime and Disorder Act 1998, section 115",
        "Crime and Disorder Act 1998, section 17A (information sharing for community safety)",
        "Police, Crime, Sentencing and Courts Act 2022, Part 2 (Serious Violence Duty)",
        "Victims and Prisoners Act 2024",
        "Children Act 2004, section 11",
        "Health and Social Care Act 2012, section 251B",
        "Domestic Abuse Act 2021",
        "Consent of the people the data is about",
        "Public task (UK GDPR Article 6(1)(e))"
    ]
}
