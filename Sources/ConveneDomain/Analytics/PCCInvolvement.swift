import Foundation

/// How far the Police and Crime Commissioner is involved in each force area's Combating Drugs Partnerships: the
/// six columns of the CDP deep dive's Appendix B, each a yes with the records that say so.
///
/// The register's own records come first: memberships (the PCC in person, or anyone from the PCC's office, in a
/// CDP or a sub-group of one) and reporting lines (a CDP reporting to a group the PCC convenes). Where they show
/// nothing, the answers recorded on the CDPs (`pccRoles`, as an area's return to the APCC gives them) are the
/// evidence, marked as recorded answers. A column is yes when it has any evidence.
///
/// - SRO or co-SRO: the PCC in person (PCC, Deputy PCC, PFCC, Deputy Mayor) holds a CDP's SRO seat.
/// - Set up an overarching group: a CDP reports to (or is a sub-group of) a partnership that is not a CDP and whose
///   recorded PCC role is convener or overarching group. Chairing a group is not setting it up: West Yorkshire's
///   Deputy Mayor chairs the board its CDPs report to, and the area answered no.
/// - Chairs or co-chairs a CDP meeting: the PCC in person chairs a CDP.
/// - Chairs a sub-group: the PCC in person chairs a sub-group of a CDP (a partnership that is a sub-group of,
///   reports to or is a delivery arm of a CDP).
/// - Attends CDP meetings: the PCC or anyone from their office sits on a CDP in any role but SRO (an SRO seat is
///   answered in its own column: Cleveland's PCC is the SRO and the area did not say the PCC attends).
/// - Attends sub-group meetings: the PCC or anyone from their office sits on a sub-group of a CDP.
public enum PCCInvolvement {
    public enum Column: String, CaseIterable, Sendable {
        case sro
        case overarchingGroup = "overarching_group"
        case chair
        case subGroupChair = "sub_group_chair"
        case attends
        case attendsSubGroups = "attends_sub_groups"

        public var label: String {
            switch self {
            case .sro: "PCC is SRO or co-SRO"
            case .overarchingGroup: "PCC set up an overarching group across the CDPs"
            case .chair: "PCC chairs or co-chairs a CDP meeting"
            case .subGroupChair: "PCC chairs or co-chairs a CDP sub-group"
            case .attends: "PCC or their representative attends CDP meetings"
            case .attendsSubGroups: "PCC or their representative attends CDP sub-group meetings"
            }
        }

        /// The PCC roles recorded on a CDP that answer the column.
        var recordedRoles: Set<PCCRole> {
            switch self {
            case .sro: [.sro, .coSRO]
            case .overarchingGroup: [.overarchingGroup]
            case .chair: [.chair, .coChair]
            case .subGroupChair: [.subGroupChair]
            case .attends: [.attends, .member, .chair, .coChair, .viceChair]
            case .attendsSubGroups: [.attendsSubGroups]
            }
        }
    }

    public struct Evidence: Hashable, Sendable {
        public enum Kind: String, Sendable {
            case membership
            case reportingLine = "reporting-line"
            case recordedAnswer = "recorded-answer"
        }

        public var kind: Kind
        /// The CDP the evidence is about.
        public var cdp: NamedPartnership
        /// The partnership the membership is in, or the one the reporting line leads to: the CDP itself, a
        /// sub-group or the overarching group.
        public var partnership: NamedPartnership
        public var membershipKey: String?
        public var personKey: String?
        public var organisationKey: String?
        /// Who holds the seat: the person's name, else the organisation's.
        public var holder: String?
        public var roleTitle: String?
        public var role: MembershipRole?
        /// The recorded PCC roles that answer the column.
        public var recordedRoles: [PCCRole]
        /// The evidence in a sentence.
        public var detail: String
    }

    public struct Answer: Hashable, Sendable {
        public var column: Column
        public var evidence: [Evidence]
        public var yes: Bool { !evidence.isEmpty }
        /// Where the answer comes from: the register's records, or the recorded answers.
        public var source: Evidence.Kind? { evidence.first?.kind }
    }

    public struct Row: Hashable, Sendable {
        public var forceAreaCode: String
        public var forceAreaName: String
        public var cdps: [NamedPartnership]
        /// One answer a column, in the table's order.
        public var answers: [Answer]

        public func answer(_ column: Column) -> Answer { answers.first { $0.column == column }! }
    }

    public struct Report: Hashable, Sendable {
        public var day: Day
        /// Force areas with at least one CDP, by name.
        public var rows: [Row]

        public func row(_ forceAreaCode: String) -> Row? { rows.first { $0.forceAreaCode == forceAreaCode } }
        /// How many force areas answer yes in a column.
        public func count(_ column: Column) -> Int { rows.filter { $0.answer(column).yes }.count }
    }

    public static func run(_ register: Register, on day: Day) -> Report {
        let index = CDPIndex(register)
        let areaNames = Dictionary(register.areas.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        // The partnerships below each CDP, and the groups each reports up to.
        var below: [String: [String]] = [:]
        var above: [String: [String]] = [:]
        for r in register.relations {
            switch r.kind {
            case .subGroupOf, .reportsTo, .deliveryArmOf:
                if !below[r.toKey, default: []].contains(r.fromKey) { below[r.toKey, default: []].append(r.fromKey) }
                if r.kind != .deliveryArmOf, !above[r.fromKey, default: []].contains(r.toKey) {
                    above[r.fromKey, default: []].append(r.toKey)
                }
            case .mergedInto, .replacedBy: break
            }
        }
        let live = { (key: String) in index.partnerships[key].map { !$0.status.hasEnded } ?? false }
        let byArea = Dictionary(grouping: index.cdps.filter { $0.forceAreaCode != nil }, by: { $0.forceAreaCode! })

        let rows = byArea.map { code, cdps -> Row in
            var found: [Column: [Evidence]] = [:]
            func seat(_ m: Membership, cdp: Partnership, in p: Partnership, _ column: Column, _ what: String) {
                let person = m.personKey.flatMap { index.persons[$0] }
                let holder = person?.name ?? m.organisationKey.flatMap { index.organisations[$0]?.name }
                found[column, default: []].append(
                    Evidence(
                        kind: .membership, cdp: NamedPartnership(cdp), partnership: NamedPartnership(p),
                        membershipKey: m.key, personKey: m.personKey, organisationKey: m.organisationKey,
                        holder: holder, roleTitle: person?.roleTitle, role: m.role, recordedRoles: [],
                        detail: "\(holder ?? "A member") is \(seatName(m.role)) of \(p.name)\(what)"))
            }
            for cdp in cdps {
                for m in index.memberships(of: cdp.key, on: day) {
                    let inPerson = isPCCInPerson(m, index)
                    if m.role == .sro && inPerson { seat(m, cdp: cdp, in: cdp, .sro, "") }
                    if m.role == .chair && inPerson { seat(m, cdp: cdp, in: cdp, .chair, "") }
                    if m.role != .sro && isPCCOffice(m, index) { seat(m, cdp: cdp, in: cdp, .attends, "") }
                }
                for key in below[cdp.key] ?? [] where live(key) {
                    let sub = index.partnerships[key]!
                    guard sub.type != .combatingDrugsPartnership else { continue }
                    for m in index.memberships(of: key, on: day) {
                        let what = ", a sub-group of \(cdp.name)"
                        if m.role == .chair && isPCCInPerson(m, index) {
                            seat(m, cdp: cdp, in: sub, .subGroupChair, what)
                        }
                        if isPCCOffice(m, index) { seat(m, cdp: cdp, in: sub, .attendsSubGroups, what) }
                    }
                }
                for key in above[cdp.key] ?? [] where live(key) {
                    let group = index.partnerships[key]!
                    let roles = group.pccRoles.filter { [.convener, .overarchingGroup].contains($0) }
                    guard group.type != .combatingDrugsPartnership, !roles.isEmpty else { continue }
                    let chair = index.memberships(of: key, on: day).first {
                        $0.role == .chair && isPCCInPerson($0, index)
                    }
                    let chairName = chair?.personKey.flatMap { index.persons[$0]?.name }
                    found[.overarchingGroup, default: []].append(
                        Evidence(
                            kind: .reportingLine, cdp: NamedPartnership(cdp), partnership: NamedPartnership(group),
                            membershipKey: chair?.key, personKey: chair?.personKey, organisationKey: nil,
                            holder: chairName, roleTitle: nil, role: chair?.role, recordedRoles: roles,
                            detail: "\(cdp.name) reports to \(group.name), which the PCC convenes"
                                + (chairName.map { " and \($0) chairs" } ?? "")))
                }
            }
            let answers = Column.allCases.map { column -> Answer in
                if let evidence = found[column], !evidence.isEmpty { return Answer(column: column, evidence: evidence) }
                let recorded = cdps.compactMap { cdp -> Evidence? in
                    let roles = cdp.pccRoles.filter(column.recordedRoles.contains)
                    guard !roles.isEmpty else { return nil }
                    return Evidence(
                        kind: .recordedAnswer, cdp: NamedPartnership(cdp), partnership: NamedPartnership(cdp),
                        membershipKey: nil, personKey: nil, organisationKey: nil, holder: nil, roleTitle: nil,
                        role: nil, recordedRoles: roles,
                        detail: "\(cdp.name) records the PCC's role: "
                            + roles.map { $0.label.lowercased() }.joined(separator: "; "))
                }
                return Answer(column: column, evidence: recorded)
            }
            let name =
                areaNames[code].map(PoliceForceAreas.displayName(of:))
                ?? PoliceForceAreas.area(code: code).map(PoliceForceAreas.displayName(of:)) ?? code
            return Row(
                forceAreaCode: code, forceAreaName: name, cdps: cdps.map(NamedPartnership.init), answers: answers)
        }
        return Report(
            day: day, rows: rows.sorted { ($0.forceAreaName, $0.forceAreaCode) < ($1.forceAreaName, $1.forceAreaCode) })
    }

    /// "the SRO", "the chair", "a member", "an adviser": a seat as a sentence names it.
    static func seatName(_ role: MembershipRole) -> String {
        switch role {
        case .sro: "the SRO"
        case .chair, .viceChair, .secretariat: "the \(role.label.lowercased())"
        case .adviser, .observer: "an \(role.label.lowercased())"
        case .member, .votingMember: "a \(role.label.lowercased())"
        }
    }

    /// The PCC in person: a person whose role title is the PCC's, a deputy's, a PFCC's or a policing Deputy Mayor's.
    static func isPCCInPerson(_ m: Membership, _ index: CDPIndex) -> Bool {
        guard let person = m.personKey.flatMap({ index.persons[$0] }) else { return false }
        return SeniorResponsibleOwners.Group.of(title: person.roleTitle, sector: index.sector(of: m))
            .isPolicingGovernance
    }

    /// The PCC or their representative: the PCC in person, or a person or organisation from the PCC's office
    /// (policing governance).
    static func isPCCOffice(_ m: Membership, _ index: CDPIndex) -> Bool {
        isPCCInPerson(m, index) || index.sector(of: m) == .policingGovernance
    }
}
