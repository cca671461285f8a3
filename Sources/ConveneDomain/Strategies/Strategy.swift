import Foundation

// Strategies and their priorities: the "20 strategies carrying 100 priorities" of the reports, each owned by a
// partnership or an organisation, linked to the Police and Crime Plan and to national frameworks so that the
// alignment matrix (`Alignment`) can show what is carried twice and what by nobody.

public enum StrategyKind: String, Vocabulary {
    /// The PCC's statutory plan of priorities for the force area, owned by the OPCC.
    case policeAndCrimePlan = "police-and-crime-plan"
    /// A partnership's own or joint strategy (Recommendation 2), such as a CSP's or a CDP's.
    case partnershipStrategy = "partnership-strategy"
    /// A single partner body's strategy: the police's, a council's, the ICB's.
    case organisationStrategy = "organisation-strategy"
    /// A plan to deliver a strategy, such as a CDP's local delivery plan; owned by a partnership or an organisation.
    case deliveryPlan = "delivery-plan"

    public var label: String {
        switch self {
        case .policeAndCrimePlan: "Police and Crime Plan"
        case .partnershipStrategy: "Partnership strategy"
        case .organisationStrategy: "Organisation strategy"
        case .deliveryPlan: "Delivery plan"
        }
    }
}

public enum StrategyStatus: String, Vocabulary {
    case draft, active, expired, superseded

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .active: "Active"
        case .expired: "Expired"
        case .superseded: "Superseded"
        }
    }
}

/// Who owns a strategy: exactly one partnership or one organisation.
public enum StrategyOwner: Hashable, Sendable, Comparable {
    case partnership(String)
    case organisation(String)

    public var key: String {
        switch self {
        case .partnership(let key), .organisation(let key): key
        }
    }

    public var isPartnership: Bool {
        if case .partnership = self { return true }
        return false
    }
}

public struct Strategy: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    public var kind: StrategyKind
    public var status: StrategyStatus
    // Two fields rather than one enum, as the form, the CSV and the table store them; `owner` reads them.
    public var ownerPartnershipKey: String?
    public var ownerOrganisationKey: String?
    public var startsOn: Day?
    public var endsOn: Day?
    /// Where the published document is (http or https).
    public var documentURL: String?

    public init(
        key: String, name: String, kind: StrategyKind, status: StrategyStatus = .active,
        ownerPartnershipKey: String? = nil, ownerOrganisationKey: String? = nil,
        startsOn: Day? = nil, endsOn: Day? = nil, documentURL: String? = nil
    ) {
        self.key = key
        self.name = name
        self.kind = kind
        self.status = status
        self.ownerPartnershipKey = ownerPartnershipKey
        self.ownerOrganisationKey = ownerOrganisationKey
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.documentURL = documentURL
    }

    /// The owner, when exactly one is set.
    public var owner: StrategyOwner? {
        switch (ownerPartnershipKey, ownerOrganisationKey) {
        case (let partnership?, nil): .partnership(partnership)
        case (nil, let organisation?): .organisation(organisation)
        default: nil
        }
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireText(name, "name", "the strategy's name")
        switch (ownerPartnershipKey, ownerOrganisationKey) {
        case (nil, nil):
            check.require(false, "owner", "Choose the partnership or the organisation that owns the strategy")
        case (.some, .some):
            check.require(false, "owner", "Choose either a partnership or an organisation as the owner, not both")
        case (let partnership?, nil):
            check.requireKey(partnership, "owner")
            check.require(
                kind != .policeAndCrimePlan, "owner",
                "The Police and Crime Plan is the PCC's plan: choose the organisation that owns it (the OPCC), not a partnership"
            )
            check.require(
                kind != .organisationStrategy, "owner",
                "An organisation strategy is owned by an organisation; choose one, or make this a partnership strategy")
        case (nil, let organisation?):
            check.requireKey(organisation, "owner")
            check.require(
                kind != .partnershipStrategy, "owner",
                "A partnership strategy is owned by a partnership; choose one, or make this an organisation strategy")
        }
        check.order(startsOn, endsOn, startField: "starts_on", endField: "ends_on")
        if let documentURL {
            check.require(
                Strategy.isWebAddress(documentURL), "document_url",
                "'\(documentURL)' is not a web address; enter one starting with https:// or http://, like https://www.example.gov.uk/plan.pdf"
            )
        }
        return check.errors
    }

    /// An absolute http or https address with a host name and no spaces, up to 2,000 characters.
    /// Checked by hand rather than with `URLComponents`, whose leniency differs between platforms.
    public static func isWebAddress(_ text: String) -> Bool {
        guard text.count <= 2000,
            !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        else { return false }
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return false
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // No user name or password in a published link.
        guard !authority.contains("@") else { return false }
        let hostAndPort = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        if hostAndPort.count == 2 {
            guard let port = Int(hostAndPort[1]), (1...65535).contains(port) else { return false }
        }
        let labels = hostAndPort[0].split(separator: ".", omittingEmptySubsequences: false)
        return !hostAndPort[0].isEmpty
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy {
                        ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-"
                    }
            }
    }
}

/// One priority of a strategy, with the Police and Crime Plan priorities and national framework objectives it carries.
public struct Priority: Hashable, Codable, Sendable {
    public var key: String
    public var strategyKey: String
    public var title: String
    public var description: String
    public var theme: String?
    /// How the strategy says it will know the priority is delivered.
    public var measures: [String]
    /// Keys of the Police and Crime Plan priorities this one carries.
    public var planPriorityKeys: [String]
    /// Keys of `NationalFrameworks` objectives this one carries.
    public var frameworkObjectiveKeys: [String]
    /// Place in the strategy's own order (priority 1, 2, 3…); the matrix lists priorities in it.
    public var position: Int

    public init(
        key: String, strategyKey: String, title: String, description: String = "", theme: String? = nil,
        measures: [String] = [], planPriorityKeys: [String] = [], frameworkObjectiveKeys: [String] = [],
        position: Int = 0
    ) {
        self.key = key
        self.strategyKey = strategyKey
        self.title = title
        self.description = description
        self.theme = theme
        self.measures = measures
        self.planPriorityKeys = planPriorityKeys
        self.frameworkObjectiveKeys = frameworkObjectiveKeys
        self.position = position
    }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.requireKey(strategyKey, "strategy_key")
        check.requireText(title, "title", "the priority's title")
        check.optionalText(description, "description", "the description", max: 2000)
        if let theme {
            let trimmed = theme.trimmingCharacters(in: .whitespacesAndNewlines)
            check.require(
                !trimmed.isEmpty && trimmed.count <= 80, "theme", "The theme must be 1 to 80 characters, or left out")
        }
        for (index, measure) in measures.enumerated() {
            let trimmed = measure.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                check.require(false, "measures", "Measure \(index + 1) is empty; enter the measure or remove it")
            } else if trimmed.count > 200 {
                check.require(false, "measures", "Measure \(index + 1) must be 200 characters or fewer")
            }
        }
        for planKey in planPriorityKeys {
            check.requireKey(planKey, "plan_priority_keys")
        }
        check.require(!planPriorityKeys.contains(key), "plan_priority_keys", "A priority cannot carry itself")
        check.require(
            Set(planPriorityKeys).count == planPriorityKeys.count, "plan_priority_keys",
            "A Police and Crime Plan priority is linked more than once")
        for objectiveKey in frameworkObjectiveKeys where NationalFrameworks.objective(objectiveKey) == nil {
            check.require(
                false, "framework_objective_keys",
                "'\(objectiveKey)' is not a national framework objective; expected a key like harm-to-hope-1-2")
        }
        check.require(
            Set(frameworkObjectiveKeys).count == frameworkObjectiveKeys.count, "framework_objective_keys",
            "A national framework objective is linked more than once")
        return check.errors
    }
}
