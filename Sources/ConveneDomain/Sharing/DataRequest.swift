import Foundation

/// A request for data that a PCC's office or a partnership makes of a partner: what, why (shown to the partner),
/// under which agreement or gateway, when asked and by when, and what came of it. A request unanswered past its due
/// day is overdue; one never answered stays "no reply".
public struct DataRequest: Hashable, Codable, Sendable {
    public var key: String
    /// Who asks: an organisation (the PCC's office) or a partnership, by key; at least one.
    public var requesterOrganisationKey: String?
    public var requesterPartnershipKey: String?
    /// The partner asked.
    public var partnerKey: String
    public var what: String
    /// Why the data is wanted: the purpose the partner is told.
    public var purpose: String
    public var agreementKey: String?
    /// The legal gateway relied on; with an agreement, the agreement's when not given.
    public var gateway: String?
    public var askedOn: Day
    public var dueBy: Day
    public var answeredOn: Day?
    public var outcome: RequestOutcome?
    /// Why it was refused, for a refusal.
    public var refusalReason: String?

    public init(
        key: String, requesterOrganisationKey: String? = nil, requesterPartnershipKey: String? = nil,
        partnerKey: String, what: String, purpose: String, agreementKey: String? = nil, gateway: String? = nil,
        askedOn: Day, dueBy: Day, answeredOn: Day? = nil, outcome: RequestOutcome? = nil,
        refusalReason: String? = nil
    ) {
        self.key = key
        self.requesterOrganisationKey = requesterOrganisationKey
        self.requesterPartnershipKey = requesterPartnershipKey
        self.partnerKey = partnerKey
        self.what = what
        self.purpose = purpose
        self.agreementKey = agreementKey
        self.gateway = gateway
        self.askedOn = askedOn
        self.dueBy = dueBy
        self.answeredOn = answeredOn
        self.outcome = outcome
        self.refusalReason = refusalReason
    }

    enum CodingKeys: String, CodingKey {
        case key
        case requesterOrganisationKey = "requester_organisation_key"
        case requesterPartnershipKey = "requester_partnership_key"
        case partnerKey = "partner_key"
        case what, purpose
        case agreementKey = "agreement_key"
        case gateway
        case askedOn = "asked_on"
        case dueBy = "due_by"
        case answeredOn = "answered_on"
        case outcome
        case refusalReason = "refusal_reason"
    }

    /// Days from asking to the answer; nil while unanswered.
    public var responseDays: Int? { answeredOn.map { $0.ordinal - askedOn.ordinal } }

    /// Answered by its due day.
    public var answeredOnTime: Bool? { answeredOn.map { $0 <= dueBy } }

    /// Unanswered and past its due day.
    public func isOverdue(on day: Day) -> Bool { answeredOn == nil && dueBy < day }

    public func validate() -> [FieldError] {
        var check = Checker()
        check.requireKey(key)
        check.require(
            requesterOrganisationKey != nil || requesterPartnershipKey != nil, "requester",
            "Say who asks: an organisation or a partnership")
        check.requireKey(partnerKey, "partner_key")
        check.require(
            partnerKey != requesterOrganisationKey, "partner_key", "A request is made of another organisation")
        check.requireText(what, "what", "the data asked for", max: 2000)
        check.requireText(purpose, "purpose", "why it is wanted", max: 2000)
        check.optionalText(gateway, "gateway", "the legal gateway", max: 300)
        check.require(
            agreementKey != nil || gateway != nil, "gateway",
            "Name the agreement or the legal gateway it is asked under")
        check.order(askedOn, dueBy, startField: "asked_on", endField: "due_by")
        if let answeredOn {
            check.require(answeredOn >= askedOn, "answered_on", "The answer cannot come before the request")
            check.require(outcome != nil, "outcome", "Say what came of the request")
        }
        check.require(
            outcome == nil || outcome == .noReply || answeredOn != nil, "answered_on", "Enter the day it was answered")
        check.require(
            outcome != .refused || !(refusalReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
            "refusal_reason", "Say why it was refused")
        check.optionalText(refusalReason, "refusal_reason", "the reason", max: 2000)
        return check.errors
    }
}

/// What came of a request.
public enum RequestOutcome: String, Vocabulary {
    case provided
    case partly
    case refused
    case noReply = "no-reply"

    public var label: String {
        switch self {
        case .provided: "Provided"
        case .partly: "Partly provided"
        case .refused: "Refused"
        case .noReply: "No reply"
        }
    }
}
