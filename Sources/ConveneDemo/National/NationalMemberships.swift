import ConveneDomain
import Foundation

/// Who sits where. Boards fill from the people whose job matches their themes, level and locality, with senior people
/// drawn more readily (and so sitting on many boards, as the reports complain), one organisation rarely sending two.
/// Some boards largely share another's members. Then everybody not yet on a board joins a group that suits them,
/// members get named substitutes from their own organisation, and a few seats change hands during the year.
extension NationalPlan {
    mutating func planMemberships() {
        var rng = random(3)
        for p in partnerships.indices { seat(p, &rng) }
        seatEveryoneElse(&rng)
        for p in partnerships.indices { settleRoles(p, &rng) }
        nameSubstitutes(&rng)
        changeHands(&rng)
    }

    /// How readily a band sits on a strategic board, a delivery group and an operational group.
    private static let levelFit: [[Int]] = [[6, 3, 0], [10, 2, 0], [10, 5, 1], [6, 10, 3], [2, 10, 8], [0, 3, 10]]

    /// What a person is matched on, taken once per partnership rather than once per person.
    private struct Wanted {
        var level: Int
        var themes: ThemeSet
        var locality: Int?
    }

    private func wanted(_ p: Int) -> Wanted {
        Wanted(
            level: partnerships[p].level.rawValue, themes: partnerships[p].themeSet, locality: partnerships[p].locality)
    }

    /// How well a person suits a partnership; zero when they do not.
    private func fit(_ person: Int, _ wanted: Wanted) -> Int {
        let level = NationalPlan.levelFit[people[person].rank][wanted.level]
        let themes = people[person].themes
        let theme = themes == .all ? 2 : themes.overlaps(wanted.themes) ? 4 : 0
        let locality: Int
        switch (wanted.locality, people[person].locality) {
        case (nil, nil): locality = 3
        case (nil, _?): locality = 1
        case (let a?, let b?): locality = a == b ? 4 : 0
        case (_?, nil): locality = 1
        }
        return level * theme * locality
    }

    // MARK: Seats

    private mutating func seat(_ p: Int, _ rng: inout SeededRandom) {
        let template = partnerships[p].template
        let locality = partnerships[p].locality
        let roles = partnerships[p].pccRoles
        let size = rng.between(template.level.sizes)
        var fromOrganisation = Array(repeating: 0, count: organisations.count)

        func take(_ person: Int, _ role: MembershipRole, _ rng: inout SeededRandom) {
            guard !partnerships[p].seats.contains(where: { $0.holders[0].person == person }) else { return }
            let started = max(partnerships[p].startedOn, firstDay.adding(days: -14 - rng.below(6 * 365)))
            partnerships[p].seats.append(Seat(role: role, holders: [Holder(person: person, from: started)]))
            people[person].seats += 1
            fromOrganisation[people[person].organisation] += 1
        }

        // The commissioner, in the part the partnership records.
        if roles.contains(.sro) || roles.contains(.coSRO) {
            take(commissioner, .sro, &rng)
        } else if roles.contains(.chair) || roles.contains(.coChair) {
            take(commissioner, .chair, &rng)
        } else if roles.contains(.viceChair) {
            take(commissioner, .viceChair, &rng)
        } else if roles.contains(where: {
            [.member, .convener, .funder, .overarchingGroup, .subGroupChair].contains($0)
        }) {
            take(commissioner, .member, &rng)
        } else if roles.contains(.attends) || roles.contains(.attendsSubGroups) {
            take(commissioner, .observer, &rng)
        }
        // The chair (a co-chair beside a co-chairing commissioner), the SRO, and the secretariat.
        if !roles.contains(.chair), let chair = firstHolder(of: template.chairs.filter { $0 != "pcc" }, in: locality) {
            take(chair, .chair, &rng)
        }
        if let sro = template.sro, !roles.contains(.sro), let person = holder(of: sro, in: locality) {
            take(person, .sro, &rng)
        }
        if let secretary = secretary(for: p, &rng) {
            take(secretary, .secretariat, &rng)
        }
        // A board that shares most of another's members: "same people, same discussion, different meeting".
        if let twin = template.twinOf,
            let source = partnerships.indices.first(where: {
                partnerships[$0].template.id == twin && partnerships[$0].locality == locality
            })
        {
            let pool = partnerships[source].seats.filter { $0.role != .secretariat }.map { $0.holders[0].person }
            for person in rng.sample(pool, pool.count * (60 + rng.below(15)) / 100) { take(person, .member, &rng) }
        }
        // The rest, by fit and seniority, sparing people who already sit on many boards.
        let match = wanted(p)
        let fits = people.indices.map { fit($0, match) * people[$0].boardiness }
        while partnerships[p].seats.count < size {
            var seated = Array(repeating: false, count: people.count)
            for seat in partnerships[p].seats { seated[seat.holders[0].person] = true }
            let weights = people.indices.map { person -> Int in
                guard person != commissioner, !seated[person], fits[person] > 0 else { return 0 }
                let base = Double(fits[person])
                let spread =
                    Double(1 + 2 * fromOrganisation[people[person].organisation])
                    * (1 + Double(people[person].seats) / 10)
                return Int(10 * base / spread)
            }
            guard let person = rng.weightedIndex(weights) else { break }
            take(person, .member, &rng)
        }
    }

    private func firstHolder(of roles: [String], in locality: Int?) -> Int? {
        for role in roles {
            if let person = holder(of: role, in: locality) { return person }
        }
        return nil
    }

    /// The holder of a role for a partnership: in its locality, else force-wide, else anywhere.
    private func holder(of role: String, in locality: Int?) -> Int? {
        guard let all = holders[role], !all.isEmpty else { return nil }
        return all.first { people[$0].locality == locality } ?? all.first { people[$0].locality == nil } ?? all.first
    }

    /// An officer or manager of the secretariat's organisation, from the partnership's locality where there is one.
    private func secretary(for p: Int, _ rng: inout SeededRandom) -> Int? {
        let organisation = partnerships[p].secretariat
        let locality = partnerships[p].locality
        let weights = people.indices.map { i -> Int in
            let person = people[i]
            guard person.organisation == organisation, person.rank >= 4, i != commissioner else { return 0 }
            let near = person.locality == locality || person.locality == nil ? 3 : 1
            return (person.rank == 5 ? 3 : 1) * near * 12 / (1 + person.seats)
        }
        return rng.weightedIndex(weights)
    }

    /// Everybody sits on at least one partnership: those the boards did not draw join a group that suits them, the
    /// least crowded of the few that suit them best.
    private mutating func seatEveryoneElse(_ rng: inout SeededRandom) {
        for person in people.indices where people[person].seats == 0 {
            var candidates = partnerships.indices.filter { fit(person, wanted($0)) > 0 }
            if candidates.isEmpty {
                candidates = partnerships.indices.filter { partnerships[$0].locality == people[person].locality }
            }
            if candidates.isEmpty { candidates = Array(partnerships.indices) }
            let least = candidates.sorted { (partnerships[$0].seats.count, $0) < (partnerships[$1].seats.count, $1) }
                .prefix(3)
            let p = rng.pick(Array(least))
            let started = max(partnerships[p].startedOn, firstDay.adding(days: -14 - rng.below(4 * 365)))
            partnerships[p].seats.append(Seat(role: .member, holders: [Holder(person: person, from: started)]))
            people[person].seats += 1
        }
    }

    /// Analysts advise, government observes, statutory partners vote on statutory boards, a board without a chair gets
    /// its most senior member, and about half have a vice-chair.
    private mutating func settleRoles(_ p: Int, _ rng: inout SeededRandom) {
        let statutoryVoting = partnerships[p].statutoryBasis != nil && partnerships[p].level == .strategic
        let votingSectors: [Sector] = [
            .police, .policingGovernance, .localGovernment, .health, .probation, .fireAndRescue
        ]
        for s in partnerships[p].seats.indices where partnerships[p].seats[s].role == .member {
            let person = people[partnerships[p].seats[s].holders[0].person]
            let sector = organisations[person.organisation].kind.sector(cityOfLondon: isCityOfLondon)
            if person.roleID == "crime-analyst" {
                partnerships[p].seats[s].role = .adviser
            } else if organisations[person.organisation].kind == .ohid {
                partnerships[p].seats[s].role = .observer
            } else if statutoryVoting && votingSectors.contains(sector)
                && partnerships[p].seats[s].holders[0].person != commissioner
            {
                partnerships[p].seats[s].role = .votingMember
            }
        }
        let ordinary = partnerships[p].seats.indices.filter {
            [.member, .votingMember].contains(partnerships[p].seats[$0].role)
                && partnerships[p].seats[$0].holders[0].person != commissioner
        }
        let bySeniority = ordinary.sorted {
            (people[partnerships[p].seats[$0].holders[0].person].rank, $0) < (
                people[partnerships[p].seats[$1].holders[0].person].rank, $1
            )
        }
        if !partnerships[p].seats.contains(where: { $0.role == .chair }), let first = bySeniority.first {
            partnerships[p].seats[first].role = .chair
        } else if rng.chance(50), let first = bySeniority.first {
            partnerships[p].seats[first].role = .viceChair
        }
    }

    // MARK: Substitutes and changes

    /// Most members name a colleague to stand in for them: someone from their own organisation, no more senior, who is
    /// not on the partnership already. The commissioner always names one of their office.
    private mutating func nameSubstitutes(_ rng: inout SeededRandom) {
        var staff = Array(repeating: [Int](), count: organisations.count)
        for person in people.indices { staff[people[person].organisation].append(person) }
        for p in partnerships.indices {
            let members = Set(partnerships[p].seats.flatMap { $0.holders.map(\.person) })
            for s in partnerships[p].seats.indices {
                let seat = partnerships[p].seats[s]
                let person = seat.holders[0].person
                guard seat.role != .secretariat, person == commissioner || rng.chance(85) else { continue }
                let rank = people[person].rank
                let weights = staff[people[person].organisation].map { colleague -> Int in
                    let other = people[colleague]
                    guard colleague != person, colleague != commissioner, !members.contains(colleague),
                        other.rank >= rank
                    else { return 0 }
                    let near = other.locality == people[person].locality || other.locality == nil ? 3 : 1
                    return near * max(1, 4 - (other.rank - rank))
                }
                if let pick = rng.weightedIndex(weights) {
                    partnerships[p].seats[s].holders[0].substitute = staff[people[person].organisation][pick]
                }
            }
        }
    }

    /// A few members leave their seat during the year and a colleague takes it over, keeping the named substitute.
    private mutating func changeHands(_ rng: inout SeededRandom) {
        var staff = Array(repeating: [Int](), count: organisations.count)
        for person in people.indices { staff[people[person].organisation].append(person) }
        for p in partnerships.indices {
            for s in partnerships[p].seats.indices
            where [.member, .votingMember].contains(partnerships[p].seats[s].role) && rng.chance(4) {
                let leaving = partnerships[p].seats[s].holders[0]
                let members = Set(partnerships[p].seats.flatMap { $0.holders.map(\.person) })
                let rank = people[leaving.person].rank
                let successors = staff[people[leaving.person].organisation].filter {
                    $0 != commissioner && !members.contains($0) && abs(people[$0].rank - rank) <= 1
                        && $0 != leaving.substitute
                }
                guard !successors.isEmpty else { continue }
                let successor = rng.pick(successors)
                let day = firstDay.adding(days: 60 + rng.below(240))
                partnerships[p].seats[s].holders[0].until = day.adding(days: -1)
                partnerships[p].seats[s].holders.append(
                    Holder(person: successor, from: day, substitute: leaving.substitute))
                people[successor].seats += 1
            }
        }
    }
}
