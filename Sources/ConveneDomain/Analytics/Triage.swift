import Foundation

/// Triage of invitations: for a person (typically the PCC) and a capacity in meetings a year, a recommendation for
/// each partnership whose meetings they are invited to: attend, send a delegate, papers only, or decline, each with
/// its reasons. The person accepts or overrides each; the server keeps the result as their plan.
///
/// The rules, in order:
/// 1. Where the person is the SRO or chair (or co-), they attend: the chair and the SRO cannot delegate their role.
/// 2. The other partnerships are ranked by value: a statutory basis, a role beyond membership, the share of items
///    brought for decision; against: agenda time mostly for information, and duplication (see `DuplicationSignal`).
///    In that order they are attended while the capacity lasts and their value is not negative.
/// 3. The rest: a statutory partnership, or one that decides things, gets a delegate (the member's named substitute
///    when there is one); one whose business is mostly done elsewhere too, decline; one whose business is mostly for
///    information, papers only; otherwise decline.
public enum Triage {
    public enum Recommendation: String, CaseIterable, Sendable, Codable {
        case attend
        case delegate = "send-a-delegate"
        case papersOnly = "papers-only"
        case decline

        public var label: String {
            switch self {
            case .attend: "Attend"
            case .delegate: "Send a delegate"
            case .papersOnly: "Papers only"
            case .decline: "Decline"
            }
        }
    }

    /// The extension point for the duplication analysis: how much of a partnership's business is done
    /// elsewhere too, from 0 (none) to 1 (all), and why. Triage counts it against attending.
    public protocol DuplicationSignal: Sendable {
        func duplication(of partnershipKey: String) -> (share: Double, reason: String)?
    }

    public struct Entry: Hashable, Sendable {
        public var partnershipKey: String
        public var name: String
        /// The person's roles there: their membership's and, for the PCC, the partnership's record of the PCC's role.
        public var roles: [String]
        public var mustAttend: Bool
        /// Held meetings in the last year, or the partnership's frequency when it has no history.
        public var meetingsPerYear: Int
        public var decisionShare: Double?
        public var informationShare: Double?
        /// From the duplication signal, when there is one.
        public var duplicationShare: Double?
        public var typicalCost: Money
        public var score: Int
        public var recommendation: Recommendation
        public var reasons: [String]
        /// Whom to send, for a delegate: the person's named substitute there.
        public var delegateKey: String?
    }

    public struct Report: Sendable {
        public var personKey: String
        public var capacity: Int
        public var entries: [Entry]
        public var attendMeetings: Int {
            entries.filter { $0.recommendation == .attend }.map(\.meetingsPerYear).reduce(0, +)
        }
        public var invitedMeetings: Int { entries.map(\.meetingsPerYear).reduce(0, +) }
        public var fits: Bool { attendMeetings <= capacity }
    }

    static let leading: Set<String> = [
        PCCRole.sro.rawValue, PCCRole.coSRO.rawValue, PCCRole.chair.rawValue, PCCRole.coChair.rawValue,
        MembershipRole.sro.rawValue, MembershipRole.chair.rawValue
    ]

    /// The partnerships whose meetings the person is invited to on `asOf`, the ones triage weighs: active or under
    /// review, where they are a member or, for the PCC, where the partnership records a role for the PCC.
    public static func invited(_ data: AnalyticsData, personKey: String, asOf: Day) -> Set<String> {
        Set(invitations(data, personKey: personKey, asOf: asOf).roles.keys)
    }

    /// Those partnerships with the person's roles there, and their named substitutes.
    static func invitations(_ data: AnalyticsData, personKey: String, asOf: Day) -> (
        roles: [String: [String]], substitutes: [String: String]
    ) {
        var roles: [String: [String]] = [:]
        var substitutes: [String: String] = [:]
        for m in data.memberships
        where m.personKey == personKey
            && (m.startedOn.map { $0 <= asOf } ?? true) && (m.endedOn.map { $0 >= asOf } ?? true)
        {
            roles[m.partnershipKey, default: []].append(m.role.rawValue)
            if let substitute = m.substituteKey { substitutes[m.partnershipKey] = substitute }
        }
        if data.pcc?.key == personKey {
            for p in data.partnerships where !p.pccRoles.isEmpty {
                roles[p.key, default: []] += p.pccRoles.map(\.rawValue)
            }
        }
        roles = roles.filter { key, _ in
            data.partnershipsByKey[key].map { $0.status == .active || $0.status == .underReview } ?? false
        }
        return (roles, substitutes)
    }

    /// The duplication signal need only cover the partnerships `invited` names.
    public static func run(
        _ data: AnalyticsData, personKey: String, capacity: Int, period: Period, settings: AnalyticsSettings,
        today: Day, duplication: (any DuplicationSignal)? = nil
    ) -> Report {
        let asOf = min(period.to, today)
        let (roles, substitutes) = invitations(data, personKey: personKey, asOf: asOf)
        let invited = Set(roles.keys)
        let cost = CostAudit.run(data, period: period, settings: settings, today: today, only: invited)
        let typical = Dictionary(cost.partnerships.map { ($0.key, $0.typicalMeeting) }, uniquingKeysWith: { a, _ in a })
        let delivery = Dictionary(
            Delivery.run(data, period: period, today: today, only: invited).partnerships.map { ($0.key, $0.figures) },
            uniquingKeysWith: { a, _ in a })

        var entries: [Entry] = []
        for (key, held) in roles {
            let partnership = data.partnershipsByKey[key]!
            let roleSet = Array(Set(held)).sorted()
            let figures = delivery[key]
            let heldCount = figures?.meetings ?? 0
            let perYear =
                heldCount > 0
                ? Money.divide(heldCount * 365, by: max(1, min(period.days, 365 * 10)))
                : (partnership.meetingFrequency?.meetingsPerYear ?? 0)
            let decisionShare = figures.flatMap { share($0.decisions, $0.items) }
            let informationShare = figures?.informationShare
            var score = 0
            var reasons: [String] = []
            let must = !leading.isDisjoint(with: roleSet)
            if must {
                let named = roleSet.filter(leading.contains).map(roleLabel).joined(separator: " and ")
                reasons.append("You are the \(named.lowercased()): that role is not delegated")
            }
            if let basis = partnership.statutoryBasis, !basis.isEmpty {
                score += 3
                reasons.append("It is statutory (\(basis))")
            }
            if roleSet.contains(MembershipRole.viceChair.rawValue) || roleSet.contains(PCCRole.viceChair.rawValue) {
                score += 2
                reasons.append("You are the vice-chair")
            }
            if let decisionShare {
                let percent = Int((decisionShare * 100).rounded())
                if decisionShare >= 0.3 {
                    score += 2; reasons.append("\(percent)% of its items are brought for decision")
                } else if decisionShare < 0.1 {
                    score -= 1; reasons.append("Only \(percent)% of its items were decided")
                }
            }
            if let informationShare, informationShare >= 0.5 {
                score -= 2
                reasons.append("\(Int((informationShare * 100).rounded()))% of its agenda time is for information")
            }
            let duplicated = duplication?.duplication(of: key)
            if let (share, why) = duplicated, share > 0 {
                score -= Int((share * 4).rounded())
                reasons.append(why)
            }
            let typicalCost = typical[key] ?? .zero
            reasons.append(
                "A meeting costs about \(typicalCost.wholePounds) in salaries; it meets about \(perYear) times a year")
            entries.append(
                Entry(
                    partnershipKey: key, name: partnership.name, roles: roleSet.map(roleLabel), mustAttend: must,
                    meetingsPerYear: perYear, decisionShare: decisionShare, informationShare: informationShare,
                    duplicationShare: duplicated?.share, typicalCost: typicalCost, score: score,
                    recommendation: .decline, reasons: reasons,
                    delegateKey: substitutes[key]))
        }

        // Chairs and SROs first, then by value; cheaper diaries (fewer meetings) first among equals.
        entries.sort {
            ($1.mustAttend ? 1 : 0, $0.score, $1.meetingsPerYear, $1.name) < (
                $0.mustAttend ? 1 : 0, $1.score, $0.meetingsPerYear, $0.name
            )
        }
        var used = 0
        for i in entries.indices {
            var e = entries[i]
            if e.mustAttend {
                e.recommendation = .attend
            } else if e.score >= 0 && used + e.meetingsPerYear <= capacity {
                e.recommendation = .attend
                e.reasons.insert(
                    "It fits your capacity (\(used + e.meetingsPerYear) of \(capacity) meetings a year)", at: 0)
            } else {
                let full = used + e.meetingsPerYear > capacity
                let why =
                    full
                    ? "Attending would take you past your capacity of \(capacity) meetings a year" : "Its value is low"
                if e.score >= 2 || (e.decisionShare ?? 0) >= 0.3 {
                    e.recommendation = .delegate
                    e.reasons.insert(
                        why
                            + (e.delegateKey == nil
                                ? "; send someone who can decide for you" : "; send your named substitute"),
                        at: 0)
                } else if (e.duplicationShare ?? 0) < 0.5 && ((e.informationShare ?? 0) >= 0.5 || e.score >= 0) {
                    e.recommendation = .papersOnly
                    e.reasons.insert(why + "; read its papers instead", at: 0)
                } else {
                    e.recommendation = .decline
                    e.reasons.insert(why + "; decline and ask for its minutes", at: 0)
                }
            }
            if e.recommendation == .attend { used += e.meetingsPerYear }
            entries[i] = e
        }
        return Report(personKey: personKey, capacity: capacity, entries: entries)
    }

    static func roleLabel(_ raw: String) -> String {
        MembershipRole(rawValue: raw)?.label ?? PCCRole(rawValue: raw)?.label ?? raw
    }
}

extension Triage {
    /// The meetings a year a person can attend when nobody says.
    public static let defaultCapacity = 150

    /// A capacity as typed: the one check for the command line, the API and the pages.
    public static func capacity(_ text: String) throws(FieldError) -> Int {
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)), (0...2_000).contains(n) else {
            throw FieldError("capacity", "Enter the meetings a year as a whole number from 0 to 2,000")
        }
        return n
    }
}
