import ConveneDomain
import Foundation

/// One workspace while it is generated. Records refer to each other by index here (person 12, partnership 3), which
/// keeps the planning quick; keys are given once and the register is assembled at the end (`workspace()`).
///
/// Each phase draws from its own random stream, so that changing how one phase draws never moves what another
/// generates. No phase iterates a `Set` or a `Dictionary` to produce output: their order changes from run to run.
struct NationalPlan {
    let index: Int
    let options: NationalLandscape.Options
    let force: Area
    let place: String
    let isWales: Bool
    let isCityOfLondon: Bool
    let office: String
    let policeName: String
    let commissionerTitle: String
    let localities: [String]
    let firstDay: Day
    let asOf: Day

    var organisations: [PlannedOrganisation] = []
    var people: [PlannedPerson] = []
    var commissioner = 0
    /// The holders of each role, by role id, in the order they were added.
    var holders: [String: [Int]] = [:]
    var partnerships: [PlannedPartnership] = []
    var meetings: [PlannedMeeting] = []
    var items: [AgendaItem] = []
    var decisions: [Decision] = []
    var actions: [ActionItem] = []
    var planted: [PlantedPair] = []
    var plantedDuplicates: [NationalLandscape.PlantedDuplicate] = []
    /// The members two partnerships must share for a discussion to be planted in both.
    var minimumShared = 4

    init(index: Int, options: NationalLandscape.Options) {
        self.index = index
        self.options = options
        force = PoliceForceAreas.all[index % PoliceForceAreas.all.count]
        let facts = DemoForces.facts(force.code)
        place = DemoForces.place(force.code)
        isWales = force.code.hasPrefix("W")
        isCityOfLondon = force.code == "E23000034"
        office = facts.office
        policeName = facts.police
        // The title the demo landscape uses: a Police (Fire) and Crime Commissioner, or the Deputy Mayor holding the
        // commissioner's powers, or the City of London's Police Authority Board chair.
        commissionerTitle = facts.commissionerTitle
        // About one locality for every thirteen partnerships, and never more labels than there are.
        let count = min(NationalPlan.localityLabels.count, max(1, options.partnershipsPerWorkspace / 13))
        localities = Array(NationalPlan.localityLabels.prefix(count))
        firstDay = options.firstDay
        asOf = options.asOf
    }

    static let localityLabels = ["North", "South", "East", "West", "Central", "Coast", "Vale", "City"]

    /// A random stream for one phase of this workspace.
    func random(_ phase: UInt64) -> SeededRandom {
        SeededRandom(seed: options.seed, stream: UInt64(index), phase)
    }

    var workspaceKey: String {
        let round = index / PoliceForceAreas.all.count
        let slug = Key.slug(PoliceForceAreas.displayName(of: force))
        return round == 0 ? slug : "\(slug)-\(round + 1)"
    }

    var workspaceName: String {
        let round = index / PoliceForceAreas.all.count
        let name = PoliceForceAreas.displayName(of: force)
        return round == 0 ? name : "\(name) (\(round + 1))"
    }
}

struct PlannedOrganisation {
    var key: String
    var name: String
    var kind: OrganisationKind
    var locality: Int?
}

struct PlannedPerson {
    var key: String
    var name: String
    var roleID: String
    var roleTitle: String
    var organisation: Int
    /// Where the person works; nil for force-wide roles.
    var locality: Int?
    var themes: ThemeSet
    var seniority: SeniorityBand
    var salary: Int?
    var boardiness: Int
    /// Memberships held, for spreading seats.
    var seats = 0
    /// 0 for the most senior band, 5 for officers.
    let rank: Int

    init(
        key: String, name: String, roleID: String, roleTitle: String, organisation: Int, locality: Int?,
        themes: ThemeSet,
        seniority: SeniorityBand, salary: Int?, boardiness: Int
    ) {
        self.key = key
        self.name = name
        self.roleID = roleID
        self.roleTitle = roleTitle
        self.organisation = organisation
        self.locality = locality
        self.themes = themes
        self.seniority = seniority
        self.salary = salary
        self.boardiness = boardiness
        rank = SeniorityBand.allCases.firstIndex(of: seniority) ?? 5
    }
}

// MARK: People

extension NationalPlan {
    /// The organisations and the people who work in them: the commissioner first, then the catalogue's roles in order
    /// of importance, then the officers and workers who make up most of a landscape.
    mutating func planPeople() {
        var rng = random(1)
        for kind in OrganisationKind.allCases {
            let councils: [Int?] = kind == .council ? Array(localities.indices) : [nil]
            for locality in councils {
                let name = kind.name(
                    place: place, locality: locality.map { localities[$0] }, office: office, police: policeName,
                    wales: isWales)
                organisations.append(
                    PlannedOrganisation(key: Key.slug(name), name: name, kind: kind, locality: locality))
            }
        }
        var usedKeys: Set<String> = []
        var usedNames: Set<String> = []
        let target = options.people(in: index)

        // The commissioner, and a deputy in about half of the areas that elect a commissioner.
        let opcc = organisation(.opcc, locality: nil)
        // Named as the demo landscape names the office ("Police and Crime Commissioner for Kent").
        let commissionerName =
            commissionerTitle.contains(place)
            ? commissionerTitle
            : commissionerTitle.contains(" for ")
                ? "\(commissionerTitle), \(place)" : "\(commissionerTitle) for \(place)"
        commissioner = add(
            person: commissionerName, roleID: "pcc", title: commissionerTitle, organisation: opcc, locality: nil,
            themes: .all, seniority: .electedOfficial, salary: commissionerSalary(&rng), boardiness: 0,
            usedKeys: &usedKeys)
        if commissionerTitle.contains("Commissioner"), rng.chance(50) {
            let title = "Deputy \(commissionerTitle)"
            add(
                person: "\(title) for \(place)", roleID: "deputy-pcc", title: title, organisation: opcc, locality: nil,
                themes: ThemeSet([.victims, .vawg, .youngPeople]), seniority: .electedOfficial,
                salary: 55_000 + 1_000 * rng.below(16),
                boardiness: 4, usedKeys: &usedKeys)
        }

        // The roles with a set number of holders, then the rest shared among the filling roles by weight.
        var slots: [(role: RoleTemplate, locality: Int?)] = []
        for role in RoleTemplate.catalogue {
            switch role.count {
            case .one: slots.append((role, nil))
            case .several(let n): slots += Array(repeating: (role, nil), count: n)
            case .perLocality: slots += localities.indices.map { (role, $0) }
            case .everyOtherLocality: slots += stride(from: 0, to: localities.count, by: 2).map { (role, $0) }
            case .fill: break
            }
        }
        slots = Array(slots.prefix(max(0, target - people.count)))
        let fillRoles = RoleTemplate.catalogue.filter { if case .fill = $0.count { true } else { false } }
        let weights = fillRoles.map { if case .fill(let w) = $0.count { w } else { 0 } }
        for (role, count) in zip(
            fillRoles, NationalPlan.shares(of: max(0, target - people.count - slots.count), by: weights))
        {
            for _ in 0..<count {
                slots.append((role, rng.chance(80) ? rng.below(localities.count) : nil))
            }
        }

        for (role, locality) in slots {
            let label = locality.map { localities[$0] }
            var title = role.title.replacingOccurrences(of: "{locality}", with: label ?? "Central")
            let byLocality: Bool = {
                if case .perLocality = role.count {
                    true
                } else if case .everyOtherLocality = role.count {
                    true
                } else {
                    false
                }
            }()
            if byLocality, role.organisation != .council, !role.title.contains("{locality}"), let label {
                title += ", \(label)"
            }
            let organisationIndex = organisation(role.organisation, locality: locality)
            var name: String
            if role.isNamedByRole {
                name = "\(title), \(organisations[organisationIndex].name)"
            } else {
                name = "\(rng.pick(NationalNames.first)) \(rng.pick(NationalNames.last))"
                for _ in 0..<20 where usedNames.contains(name) {
                    name = "\(rng.pick(NationalNames.first)) \(rng.pick(NationalNames.last))"
                }
            }
            usedNames.insert(name)
            let salary = role.salary.flatMap { range -> Int? in
                // Some records leave the salary out, so that the band's default applies.
                rng.chance(7) ? nil : (rng.between(range) + 50) / 100 * 100
            }
            add(
                person: name, roleID: role.id, title: title, organisation: organisationIndex, locality: locality,
                themes: role.themes,
                seniority: role.seniority, salary: salary, boardiness: role.boardiness, usedKeys: &usedKeys)
        }
    }

    /// The organisation of a kind; councils by locality (force-wide council roles sit in the first locality's council).
    func organisation(_ kind: OrganisationKind, locality: Int?) -> Int {
        if kind == .council {
            let wanted = locality ?? 0
            return organisations.firstIndex { $0.kind == .council && $0.locality == wanted }!
        }
        return organisations.firstIndex { $0.kind == kind }!
    }

    @discardableResult
    private mutating func add(
        person name: String, roleID: String, title: String, organisation: Int, locality: Int?, themes: ThemeSet,
        seniority: SeniorityBand, salary: Int?, boardiness: Int, usedKeys: inout Set<String>
    ) -> Int {
        let base = Key.slug(name)
        var key = base
        var n = 2
        while !usedKeys.insert(key).inserted {
            key = "\(base)-\(n)"
            n += 1
        }
        people.append(
            PlannedPerson(
                key: key, name: name, roleID: roleID, roleTitle: title, organisation: organisation, locality: locality,
                themes: themes, seniority: seniority, salary: salary, boardiness: boardiness))
        holders[roleID, default: []].append(people.count - 1)
        return people.count - 1
    }

    /// Commissioners are paid by the size of their force area (the five bands in use); deputy mayors as senior
    /// appointees; the City of London's board chair is not salaried.
    private func commissionerSalary(_ rng: inout SeededRandom) -> Int? {
        if isCityOfLondon { return nil }
        if commissionerTitle.contains("Mayor") { return 110_000 }
        return rng.pick([73_300, 78_400, 86_700, 95_300, 100_900])
    }

    /// `total` shared in proportion to the weights, the remainders going to the largest fractions (then the first).
    static func shares(of total: Int, by weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
        var counts = weights.map { total * $0 / sum }
        let order = weights.indices.sorted { (total * weights[$0] % sum, -$0) > (total * weights[$1] % sum, -$1) }
        for i in order.prefix(total - counts.reduce(0, +)) { counts[i] += 1 }
        return counts
    }
}
