import Foundation

/// Money that comes into the partnership landscape for a purpose: a grant, a contribution, a commissioned service's
/// budget. Amounts are whole pence by financial year, as all money in Convene.
public struct FundingStream: Hashable, Codable, Sendable {
    public var key: String
    public var funder: Funder
    /// The organisation the money is paid to, by key.
    public var recipientKey: String
    /// The partnerships the money serves, by key, the lead first: a share left over when it is split goes to it.
    public var partnershipKeys: [String]
    public var purpose: String
    public var amounts: [FundingAmount]
    public var conditions: String?
    /// When the recipient reports on the money to the funder.
    public var reportingDates: [Day]

    public init(
        key: String, funder: Funder, recipientKey: String, partnershipKeys: [String], purpose: String,
        amounts: [FundingAmount], conditions: String? = nil, reportingDates: [Day] = []
    ) {
        self.key = key
        self.funder = funder
        self.recipientKey = recipientKey
        self.partnershipKeys = partnershipKeys
        self.purpose = purpose
        self.amounts = amounts
        self.conditions = conditions
        self.reportingDates = reportingDates
    }

    enum CodingKeys: String, CodingKey {
        case key, funder
        case recipientKey = "recipient_key"
        case partnershipKeys = "partnership_keys"
        case purpose, amounts, conditions
        case reportingDates = "reporting_dates"
    }

    /// The amount for a financial year; 0 when none is given.
    public func pence(in financialYear: ReportingPeriod) -> Int {
        amounts.filter { $0.financialYear == financialYear }.map(\.pence).reduce(0, +)
    }

    public var totalPence: Int { amounts.map(\.pence).reduce(0, +) }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.add(funder.validate())
        if recipientKey.isEmpty {
            check.require(false, "recipient_key", "Choose the organisation the money is paid to")
        } else {
            check.requireKey(recipientKey, "recipient_key")
        }
        check.require(!partnershipKeys.isEmpty, "partnership_keys", "Choose at least one partnership the money serves")
        for partnership in partnershipKeys { check.requireKey(partnership, "partnership_keys") }
        check.require(
            Set(partnershipKeys).count == partnershipKeys.count, "partnership_keys", "A partnership is listed twice")
        check.requireText(purpose, "purpose", "what the money is for", max: 1000)
        check.optionalText(conditions, "conditions", "the conditions", max: 4000)
        var years: Set<ReportingPeriod> = []
        for amount in amounts {
            check.require(
                amount.financialYear.kind == .financialYear, "amounts",
                "'\(amount.financialYear)' is not a financial year; write it like 2024-25")
            check.require(amount.pence >= 0, "amounts", "An amount must be £0.00 or more")
            check.require(
                years.insert(amount.financialYear).inserted, "amounts",
                "\(amount.financialYear.label) has more than one amount; give one a year")
        }
        return check.errors
    }
}

/// Who gives the money: an organisation in the register, by key, or a funder named only (a national fund, a trust).
public struct Funder: Hashable, Codable, Sendable {
    public var organisationKey: String?
    /// The name, for a funder not in the register; shown in place of the key where both are given.
    public var name: String?

    public init(organisationKey: String? = nil, name: String? = nil) {
        self.organisationKey = organisationKey
        self.name = name
    }

    public static func organisation(_ key: String) -> Funder { Funder(organisationKey: key) }
    public static func named(_ name: String) -> Funder { Funder(name: name) }

    enum CodingKeys: String, CodingKey {
        case organisationKey = "organisation_key"
        case name
    }

    /// What tells funders apart: the organisation's key, or else the name, ignoring case and spacing.
    public var identity: String { organisationKey ?? "name:" + VocabularyText.fold(name ?? "") }

    /// The name where given, else the key.
    public var label: String { name ?? organisationKey ?? "" }

    func validate() -> [FieldError] {
        var check = Checker()
        if let organisationKey {
            check.requireKey(organisationKey, "funder")
        } else {
            check.requireText(name ?? "", "funder", "the funder: an organisation in the register, or a name")
        }
        check.optionalText(name, "funder", "the funder's name", max: 200)
        return check.errors
    }
}

/// A stream's money for one financial year, in pence.
public struct FundingAmount: Hashable, Codable, Sendable {
    public var financialYear: ReportingPeriod
    public var pence: Int

    public init(financialYear: ReportingPeriod, pence: Int) {
        self.financialYear = financialYear
        self.pence = pence
    }

    enum CodingKeys: String, CodingKey {
        case financialYear = "financial_year"
        case pence
    }
}
