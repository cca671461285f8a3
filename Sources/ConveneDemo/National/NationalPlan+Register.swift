import ConveneDomain
import Foundation

/// The national generator's year of business for partnerships that already exist (the reports' landscape), one force
/// area at a time: its own people, partnerships and memberships are taken as they are, and only meetings, attendance,
/// agendas, decisions and actions are generated, by the same phases as a generated workspace.
extension NationalPlan {
    /// A plan of the year `firstDay` ..< `firstDay` + 365 for the force area's partnerships in `register`; meetings on
    /// or after `today` are scheduled, and actions are open, done or overdue as of `today`.
    init(adopting register: Register, forceArea code: String, firstDay: Day, today: Day, seed: UInt64) {
        let forceIndex = PoliceForceAreas.all.firstIndex { $0.code == code } ?? 0
        options = NationalLandscape.Options(
            seed: seed, workspaces: PoliceForceAreas.all.count, firstDay: firstDay,
            duplicatesPerWorkspace: 3)
        index = forceIndex
        force = PoliceForceAreas.all[forceIndex]
        let facts = DemoForces.facts(code)
        place = DemoForces.place(code)
        isWales = code.hasPrefix("W")
        isCityOfLondon = code == "E23000034"
        office = facts.office
        policeName = facts.police
        commissionerTitle = facts.commissionerTitle
        localities = []
        self.firstDay = firstDay
        asOf = today
        commissioner = -1
        minimumShared = 2
        adopt(register)
    }

    private mutating func adopt(_ register: Register) {
        var rng = random(2)
        let organisationIndex = Dictionary(
            register.organisations.enumerated().map { ($0.element.key, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        organisations = register.organisations.map {
            PlannedOrganisation(key: $0.key, name: $0.name, kind: .voluntarySector, locality: nil)
        }
        let personIndex = Dictionary(
            register.persons.enumerated().map { ($0.element.key, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        let officeIndex = organisationIndex[Key.slug(office)] ?? 0
        let mine = register.partnerships.filter {
            $0.forceAreaCode == force.code && ($0.status == .active || $0.status == .underReview)
        }
        let templates = PartnershipTemplate.forceWide + PartnershipTemplate.perLocality
        var personThemes = Array(repeating: ThemeSet(), count: register.persons.count)
        for partnership in mine {
            let template =
                templates.first { $0.type == partnership.type || $0.walesType == partnership.type }
                ?? templates[0]
            var frequency = partnership.meetingFrequency ?? template.usual
            if frequency == .asNeeded { frequency = template.usual }
            let generic = rng.chance(60) ? [rng.pick(NationalTitles.generalRecurring)] : []
            let recurring = rng.sample(template.recurring, 1 + rng.below(template.recurring.count)) + generic
            var planned = PlannedPartnership(
                template: template, key: partnership.key, name: partnership.name, type: partnership.type,
                statutoryBasis: partnership.statutoryBasis, locality: nil, status: partnership.status,
                startedOn: partnership.startedOn ?? firstDay.adding(days: -365), frequency: frequency,
                pccRoles: partnership.pccRoles, themes: template.themes,
                durationMinutes: rng.pick(template.level.durations), startMinute: rng.pick(template.level.startTimes),
                format: NationalPlan.usualFormat(template.level, &rng), welcome: rng.pick(NationalTitles.welcomes),
                minutes: rng.pick(NationalTitles.minutes), closing: rng.pick(NationalTitles.closings),
                recurring: recurring,
                secretariat: partnership.secretariatKey.flatMap { organisationIndex[$0] } ?? officeIndex)
            for membership in register.memberships where membership.partnershipKey == partnership.key {
                // One seat a person: the register may give someone two roles on one board.
                guard let person = membership.personKey.flatMap({ personIndex[$0] }),
                    !planned.seats.contains(where: { $0.holders.contains { $0.person == person } })
                else { continue }
                // The named substitute, or else a colleague of the same organisation who is not on the board.
                let colleague = register.persons.indices.first { other in
                    other != person && register.persons[other].organisationKey != nil
                        && register.persons[other].organisationKey == register.persons[person].organisationKey
                        && !register.memberships.contains {
                            $0.partnershipKey == partnership.key
                                && $0.personKey == register.persons[other].key
                        }
                }
                let holder = Holder(
                    person: person, from: membership.startedOn, until: membership.endedOn,
                    substitute: membership.substituteKey.flatMap { personIndex[$0] } ?? colleague)
                planned.seats.append(Seat(role: membership.role, holders: [holder]))
                personThemes[person].formUnion(ThemeSet(template.themes))
            }
            partnerships.append(planned)
        }
        people = register.persons.enumerated().map { offset, person in
            PlannedPerson(
                key: person.key, name: person.name, roleID: "", roleTitle: person.roleTitle ?? "",
                organisation: person.organisationKey.flatMap { organisationIndex[$0] } ?? officeIndex,
                locality: nil, themes: personThemes[offset], seniority: person.seniority ?? .manager,
                salary: person.salaryBand, boardiness: 0)
        }
    }

    /// The year's business: meetings before `today` held (or cancelled) with their attendance, agendas, decisions
    /// and actions; those from `today` on scheduled, with nothing recorded yet.
    mutating func planYear(today: Day) {
        planMeetings()
        for m in meetings.indices where meetings[m].day >= today && meetings[m].status == .held {
            meetings[m].status = .scheduled
        }
        planAttendance()
        plantDuplicates()
        planAgendas()
        planDecisionsAndActions()
    }
}
