/// The partnership landscape that the source reports describe, as a register to explore Convene with.
///
/// Facts come from the APCC deep dive on Combating Drugs Partnerships (Feb 2024; its Appendices A
/// and B and the Wales table), the APCC report on local partnership systems (Feb 2025) and the
/// Cambridgeshire and West Mercia panel reports. People appear only as role titles; every
/// partnership is marked `isDemo`.
///
/// Rules the demo follows:
/// - A force area's CDPs are the partnerships of type `.combatingDrugsPartnership` in it. Where a
///   report says another body *is* the CDP (Cambridgeshire's High Harms Board, Bedfordshire's
///   Serious Harm Partnership Board, Lincolnshire's Drugs and Alcohol core priority group), that
///   body has the CDP type, so each force area has exactly Appendix B's number of CDPs.
/// - Each CDP carries its force area's Appendix B answers as `pccRoles` (the table answers for the
///   force area, not for each CDP), plus SRO where Appendix A names the commissioner's office as SRO,
///   plus roles a case study states. "Set up an overarching group" is recorded on the CDPs, and
///   where a report names that group it is a partnership too, with the CDPs reporting to it.
/// - Appendix B has two answers for Avon and Somerset, the PCC's and the police's. The force area has
///   one set of five CDPs; their `pccRoles` are the PCC's answer, and each CDP's purpose records both.
/// - Names are the reports' own; where a report gives none, a CDP is "<place> Combating Drugs
///   Partnership 2 of 4". Footprints are given only where a report names the places.
public enum DemoLandscape {
    public static func register() -> Register {
        built.register
    }

    /// The police force area (ONS code) of each demo partnership, by partnership key: what a server
    /// needs to put each partnership in its force area's workspace.
    public static func forceAreaCodes() -> [String: String] {
        built.forceAreaOf
    }

    private static let built: DemoBuilder = {
        var builder = DemoBuilder()
        builder.addForceAreas()
        builder.addCombatingDrugsPartnerships()
        builder.addAreaPlanningBoards()
        builder.addCambridgeshire()
        builder.addMerseyside()
        builder.addBedfordshire()
        builder.addWestMercia()
        builder.addLincolnshire()
        builder.addHumberside()
        builder.addNorfolk()
        builder.addDevonAndCornwall()
        builder.addWestYorkshire()
        builder.addSurrey()
        builder.addOtherCaseStudies()
        return builder
    }()
}

/// Assembles the demo register: each record added once, keys made with `Key.slug`.
struct DemoBuilder {
    var register = Register()
    var forceAreaOf: [String: String] = [:]
    private var organisationKeys: Set<String> = []
    private var personKeys: Set<String> = []
    private var partnershipIndex: [String: Int] = [:]
    private var membershipCount: [String: Int] = [:]

    // MARK: Organisations and people

    @discardableResult
    mutating func organisation(_ name: String, _ sector: Sector) -> String {
        let key = Key.slug(name)
        if organisationKeys.insert(key).inserted {
            register.organisations.append(Organisation(key: key, name: name, sector: sector))
        }
        return key
    }

    /// A role, not a person: the name is the role title and where it is held.
    @discardableResult
    mutating func person(_ name: String, title: String, organisation: String?, _ seniority: SeniorityBand) -> String {
        let key = Key.slug(name)
        if personKeys.insert(key).inserted {
            register.persons.append(Person(key: key, name: name, roleTitle: title, organisationKey: organisation,
                                           seniority: seniority))
        }
        return key
    }

    /// The force area's commissioner (or the office holder with the commissioner's powers), by the
    /// title a report uses; commissioners and their deputies are all in the elected-official band,
    /// the band of the office they hold.
    @discardableResult
    mutating func commissioner(_ force: String, title: String? = nil) -> String {
        let facts = DemoForces.facts(force)
        let title = title ?? facts.commissionerTitle
        let place = DemoForces.place(force)
        let name = title.contains(place) ? title
            : title.contains(" for ") ? "\(title), \(place)" : "\(title) for \(place)"
        return person(name, title: title, organisation: office(force), .electedOfficial)
    }

    /// The force area's policing body: its OPCC, or MOPAC, or the mayoral combined authority.
    func office(_ force: String) -> String {
        Key.slug(DemoForces.facts(force).office)
    }

    func police(_ force: String) -> String {
        Key.slug(DemoForces.facts(force).police)
    }

    // MARK: Partnerships

    @discardableResult
    mutating func partnership(_ name: String, in force: String, _ type: PartnershipType,
                              status: PartnershipStatus = .active, endedOn: Day? = nil,
                              statutoryBasis: String? = nil, purpose: String? = nil, themes: [String] = [],
                              footprint: [String] = [], pccRoles: [PCCRole] = [],
                              frequency: MeetingFrequency? = nil, secretariat: String? = nil) -> String {
        let key = Key.slug(name)
        precondition(partnershipIndex[key] == nil, "demo partnership '\(key)' added twice")
        partnershipIndex[key] = register.partnerships.count
        forceAreaOf[key] = force
        register.partnerships.append(Partnership(
            key: key, name: name, type: type, status: status, endedOn: endedOn, statutoryBasis: statutoryBasis,
            purpose: purpose, themes: themes, footprint: footprint, pccRoles: DemoBuilder.ordered(pccRoles),
            meetingFrequency: frequency, secretariatKey: secretariat, forceAreaCode: force, isDemo: true))
        return key
    }

    /// Changes a partnership already added, as a case study adds to what the tables say.
    mutating func amend(_ key: String, _ change: (inout Partnership) -> Void) {
        guard let index = partnershipIndex[key] else { preconditionFailure("no demo partnership '\(key)'") }
        change(&register.partnerships[index])
        register.partnerships[index].pccRoles = DemoBuilder.ordered(register.partnerships[index].pccRoles)
    }

    mutating func addPCCRoles(_ roles: [PCCRole], to key: String) {
        amend(key) { $0.pccRoles += roles }
    }

    func partnerships(in force: String, ofType type: PartnershipType) -> [String] {
        register.partnerships.filter { forceAreaOf[$0.key] == force && $0.type == type }.map(\.key)
    }

    /// PCC roles once each, in the vocabulary's order, so that the demo is the same on every run.
    private static func ordered(_ roles: [PCCRole]) -> [PCCRole] {
        let wanted = Set(roles)
        return PCCRole.allCases.filter(wanted.contains)
    }

    // MARK: Memberships and relations

    mutating func member(_ partnership: String, person: String, _ role: MembershipRole = .member,
                         represents: String? = nil) {
        // A person represents their own organisation unless the report says otherwise, as the CSV layout reads it.
        let employer = register.persons.first { $0.key == person }?.organisationKey
        register.memberships.append(Membership(key: nextMembershipKey(partnership), partnershipKey: partnership,
                                               personKey: person, role: role, representsKey: represents ?? employer,
                                               votingRight: role != .secretariat && role != .observer))
    }

    mutating func member(_ partnership: String, organisation: String, _ role: MembershipRole = .member) {
        register.memberships.append(Membership(key: nextMembershipKey(partnership), partnershipKey: partnership,
                                               organisationKey: organisation, role: role,
                                               votingRight: role != .secretariat && role != .observer))
    }

    private mutating func nextMembershipKey(_ partnership: String) -> String {
        let number = membershipCount[partnership, default: 0] + 1
        membershipCount[partnership] = number
        return "\(partnership)-m\(number)"
    }

    mutating func relate(_ from: String, _ kind: RelationKind, _ to: String) {
        register.relations.append(PartnershipRelation(from, kind, to))
    }

    // MARK: Areas

    /// The 43 force areas, each one's policing body and police force, and the few districts and
    /// upper-tier authorities that the case studies' footprints name (import the ONS lookups for the rest).
    mutating func addForceAreas() {
        register.areas = PoliceForceAreas.all
        for facts in DemoForces.all {
            organisation(facts.office, facts.code == "E23000034" ? .localGovernment : .policingGovernance)
            organisation(facts.police, .police)
        }
        for (code, name, kind, force) in DemoForces.footprintAreas {
            register.areas.append(Area(code: code, name: name, kind: kind, parentCode: force))
        }
    }
}
