import Foundation

/// Who the Combating Drugs Partnerships' Senior Responsible Owners are, grouped as the reports group them (the
/// CDP deep dive's Appendix A lists the SROs who are PCCs, their deputies, Deputy Mayors or police officers; the
/// national guidance expects most to be Directors of Public Health).
///
/// A CDP's SROs are its current memberships with the role SRO; two on one CDP are co-SROs, and both count. Each is
/// grouped by the person's role title ("Deputy Police and Crime Commissioner"), else by their organisation's sector.
public enum SeniorResponsibleOwners {
    public enum Group: String, CaseIterable, Sendable {
        case pcc
        case deputyPCC = "deputy-pcc"
        case pfcc
        case deputyMayor = "deputy-mayor"
        case police
        case directorOfPublicHealth = "director-of-public-health"
        case other

        public var label: String {
            switch self {
            case .pcc: "Police and Crime Commissioner (PCC)"
            case .deputyPCC: "Deputy PCC"
            case .pfcc: "Police, Fire and Crime Commissioner (PFCC)"
            case .deputyMayor: "Deputy Mayor"
            case .police: "Police officer or staff"
            case .directorOfPublicHealth: "Director of Public Health"
            case .other: "Other"
            }
        }

        /// The PCC, or whoever holds or deputises for the PCC's powers.
        public var isPolicingGovernance: Bool { [.pcc, .deputyPCC, .pfcc, .deputyMayor].contains(self) }

        /// The group of a role title, read as the reports write them; `sector` is the holder's organisation's.
        /// A Deputy Mayor counts as the PCC's deputy only in policing governance or with policing in the title.
        public static func of(title: String?, sector: Sector?) -> Group {
            let t = (title ?? "").lowercased().replacingOccurrences(of: "&", with: "and")
            let governance = sector == .policingGovernance
            if t.contains("deputy mayor") && (governance || t.contains("polic") || t.contains("crime")) {
                return .deputyMayor
            }
            if t.contains("fire and crime commissioner") || t.split(separator: " ").contains("pfcc") {
                return t.contains("deputy") ? .deputyPCC : .pfcc
            }
            if t.contains("deputy police and crime commissioner") || t.split(separator: " ").contains("dpcc") {
                return .deputyPCC
            }
            if t.contains("police and crime commissioner") || t.split(separator: " ").contains("pcc") {
                return t.contains("deputy") ? .deputyPCC : .pcc
            }
            if t.contains("director of public health") || t.split(separator: " ").contains("dph") {
                return .directorOfPublicHealth
            }
            if sector == .police { return .police }
            return .other
        }
    }

    /// One SRO seat: a CDP's current membership with the role SRO.
    public struct SRO: Hashable, Sendable {
        public var partnershipKey: String
        public var partnershipName: String
        public var forceAreaCode: String?
        public var membershipKey: String
        /// The person, or nil when an organisation holds the seat.
        public var personKey: String?
        public var organisationKey: String?
        /// The person's name, or the organisation's.
        public var name: String
        public var roleTitle: String?
        public var group: Group
    }

    public struct GroupCount: Hashable, Sendable {
        public var group: Group
        /// SRO seats in the group.
        public var seats: Int
        /// CDPs with an SRO in the group.
        public var cdps: Int
        /// Distinct people (or organisations) in the group: one PCC may be the SRO of two CDPs.
        public var holders: Int
        /// The group's seats as a share of all SRO seats; nil when there are none.
        public var share: Double?
    }

    public struct Report: Hashable, Sendable {
        public var day: Day
        /// The CDPs looked at: of type CDP, not ended.
        public var cdps: [NamedPartnership]
        /// By CDP name, then the holder's name.
        public var sros: [SRO]
        /// Every group, in the reports' order, even when empty.
        public var groups: [GroupCount]
        /// CDPs with no current SRO recorded.
        public var withoutSRO: [NamedPartnership]

        public func group(_ group: Group) -> GroupCount { groups.first { $0.group == group }! }
    }

    /// The SROs of the register's CDPs on a day; `only` limits them to some partnerships' keys.
    public static func run(_ register: Register, on day: Day, only: Set<String>? = nil) -> Report {
        let index = CDPIndex(register)
        let cdps = index.cdps.filter { only?.contains($0.key) ?? true }
        var sros: [SRO] = []
        for cdp in cdps {
            for m in index.memberships(of: cdp.key, on: day) where m.role == .sro {
                let person = m.personKey.flatMap { index.persons[$0] }
                let organisationKey = person?.organisationKey ?? m.organisationKey ?? m.representsKey
                let sector = organisationKey.flatMap { index.organisations[$0]?.sector }
                let name =
                    person?.name ?? m.organisationKey.flatMap { index.organisations[$0]?.name } ?? m.key
                sros.append(
                    SRO(
                        partnershipKey: cdp.key, partnershipName: cdp.name, forceAreaCode: cdp.forceAreaCode,
                        membershipKey: m.key, personKey: m.personKey, organisationKey: organisationKey,
                        name: name, roleTitle: person?.roleTitle,
                        group: person == nil && sector != .police
                            ? .other : Group.of(title: person?.roleTitle, sector: sector)))
            }
        }
        sros.sort {
            ($0.partnershipName, $0.partnershipKey, $0.name) < ($1.partnershipName, $1.partnershipKey, $1.name)
        }
        let groups = Group.allCases.map { group in
            let seats = sros.filter { $0.group == group }
            return GroupCount(
                group: group, seats: seats.count, cdps: Set(seats.map(\.partnershipKey)).count,
                holders: Set(seats.map { $0.personKey ?? $0.organisationKey ?? $0.membershipKey }).count,
                share: sros.isEmpty ? nil : Double(seats.count) / Double(sros.count))
        }
        let held = Set(sros.map(\.partnershipKey))
        return Report(
            day: day, cdps: cdps.map(NamedPartnership.init), sros: sros, groups: groups,
            withoutSRO: cdps.filter { !held.contains($0.key) }.map(NamedPartnership.init))
    }
}

/// A partnership as an analysis names it: its key (for the link) and name.
public struct NamedPartnership: Hashable, Sendable {
    public var key: String
    public var name: String

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    public init(_ partnership: Partnership) { self.init(key: partnership.key, name: partnership.name) }
}

/// The register indexed for the CDP analyses.
struct CDPIndex {
    let persons: [String: Person]
    let organisations: [String: Organisation]
    let partnerships: [String: Partnership]
    let membershipsByPartnership: [String: [Membership]]
    /// The partnerships of type CDP that have not ended, by name.
    let cdps: [Partnership]

    init(_ register: Register) {
        persons = Dictionary(register.persons.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        organisations = Dictionary(register.organisations.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        partnerships = Dictionary(register.partnerships.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        membershipsByPartnership = Dictionary(grouping: register.memberships, by: \.partnershipKey)
        cdps = register.partnerships.filter { $0.type == .combatingDrugsPartnership && !$0.status.hasEnded }
            .sorted { ($0.name, $0.key) < ($1.name, $1.key) }
    }

    /// A partnership's memberships current on the day, by key.
    func memberships(of partnershipKey: String, on day: Day) -> [Membership] {
        (membershipsByPartnership[partnershipKey] ?? []).filter { $0.isCurrent(on: day) }.sorted { $0.key < $1.key }
    }

    /// The sector of the organisation behind a membership: the person's, else the member organisation's, else the
    /// one it represents.
    func sector(of m: Membership) -> Sector? {
        let key = m.personKey.flatMap { persons[$0]?.organisationKey } ?? m.organisationKey ?? m.representsKey
        return key.flatMap { organisations[$0]?.sector }
    }
}
