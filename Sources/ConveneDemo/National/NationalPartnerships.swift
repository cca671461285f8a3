import ConveneDomain
import Foundation

/// A partnership while it is planned: its template, its settings and its seats.
struct PlannedPartnership {
    var template: PartnershipTemplate
    var key: String
    var name: String
    var type: PartnershipType
    var statutoryBasis: String?
    var locality: Int?
    var status: PartnershipStatus
    var startedOn: Day
    var frequency: MeetingFrequency
    var pccRoles: [PCCRole]
    var themes: [NationalTheme]
    var parent: (index: Int, kind: RelationKind)?
    /// Meetings the frequency gives that the year leaves out (holidays), and extraordinary meetings added.
    var skips = 0
    var extras = 0
    var durationMinutes: Int
    var startMinute: Int
    var format: MeetingFormat
    var welcome: String
    var minutes: String
    var closing: String
    var recurring: [String]
    var secretariat: Int
    var seats: [Seat] = []
    var meetings: [Int] = []

    var level: PartnershipTemplate.Level { template.level }
    var themeSet: ThemeSet { ThemeSet(themes) }

    /// The members on a day, one per seat.
    func members(on day: Day) -> [Int] {
        seats.compactMap { $0.holder(on: day)?.person }
    }
}

/// A place on a partnership: its role, and who held it when (usually one holder all year).
struct Seat {
    var role: MembershipRole
    var holders: [Holder]

    func holder(on day: Day) -> Holder? {
        holders.first { ($0.from.map { $0 <= day } ?? true) && ($0.until.map { day <= $0 } ?? true) }
    }
}

struct Holder {
    var person: Int
    var from: Day?
    var until: Day?
    var substitute: Int?
}

extension NationalPlan {
    /// Chooses the partnerships (the force-wide boards, then each locality's groups, then task and finish groups if
    /// the catalogue runs out), their settings, and their frequencies, which together give the year's meetings.
    mutating func planPartnerships() {
        var rng = random(2)
        let total = options.partnershipsPerWorkspace
        let perLocality = min(PartnershipTemplate.perLocality.count, max(1, total * 45 / 100 / localities.count))
        let localityCount = min(total, perLocality * localities.count)
        let forceCount = total - localityCount

        var chosen: [(template: PartnershipTemplate, locality: Int?)] = PartnershipTemplate.forceWide.prefix(forceCount)
            .map { ($0, nil) }
        var extra = 0
        while chosen.count < forceCount {
            // Task and finish groups on topics, a theme at a time.
            let theme = NationalTheme.allCases[extra % NationalTheme.allCases.count]
            let topics = NationalTitles.topics(theme)
            chosen.append(
                (
                    PartnershipTemplate.taskAndFinish(
                        theme, topic: topics[(extra / NationalTheme.allCases.count) % topics.count]), nil
                ))
            extra += 1
        }
        // Every locality has the first four kinds of group; the rest vary from place to place.
        let core = min(4, perLocality)
        for locality in localities.indices {
            let optional = rng.sample(Array(PartnershipTemplate.perLocality.dropFirst(core)), perLocality - core)
            for template in PartnershipTemplate.perLocality.prefix(core) + optional where chosen.count < total {
                chosen.append((template, locality))
            }
        }

        var usedKeys: Set<String> = []
        for (template, locality) in chosen {
            let label = locality.map { " \(localities[$0])" } ?? ""
            let name = "\(place)\(label) \(isWales ? template.walesName ?? template.name : template.name)"
            // Short enough that a meeting's key (partnership, day) and its items' keys stay within the 120 allowed.
            var key = String(Key.slug(name).prefix(80)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            if !usedKeys.insert(key).inserted { key += "-\(partnerships.count + 1)" }
            let frequencies = template.level.frequencies
            var frequency = template.usual
            // Some meet more often than the usual for their kind; the year's total then settles the rest.
            if let at = frequencies.firstIndex(of: frequency), at + 1 < frequencies.count, rng.chance(15) {
                frequency = frequencies[at + 1]
            }
            let started = min(
                Day(year: template.startedIn, month: rng.between(1...12), day: rng.between(1...28))!,
                firstDay.adding(days: -60))
            let secretariat = organisation(template.secretariat, locality: locality)
            let generic = rng.chance(60) ? [rng.pick(NationalTitles.generalRecurring)] : []
            let recurringCount = 1 + rng.below(template.recurring.count)
            let recurring = rng.sample(template.recurring, recurringCount) + generic
            partnerships.append(
                PlannedPartnership(
                    template: template, key: key, name: name,
                    type: isWales ? template.walesType ?? template.type : template.type,
                    statutoryBasis: isWales
                        ? template.walesStatutoryBasis ?? template.statutoryBasis : template.statutoryBasis,
                    locality: locality, status: rng.chance(4) ? .underReview : .active, startedOn: started,
                    frequency: frequency,
                    pccRoles: PCCRole.allCases.filter(Set(template.pcc(&rng)).contains), themes: template.themes,
                    durationMinutes: rng.pick(template.level.durations),
                    startMinute: rng.pick(template.level.startTimes),
                    format: NationalPlan.usualFormat(template.level, &rng), welcome: rng.pick(NationalTitles.welcomes),
                    minutes: rng.pick(NationalTitles.minutes), closing: rng.pick(NationalTitles.closings),
                    recurring: recurring,
                    secretariat: secretariat))
        }
        // Parents: a locality's own group first (its CSP), else the force-wide one.
        for i in partnerships.indices {
            guard let parent = partnerships[i].template.parent else { continue }
            let match =
                partnerships.indices.first {
                    partnerships[$0].template.id == parent.id && partnerships[$0].locality == partnerships[i].locality
                }
                ?? partnerships.indices.first {
                    partnerships[$0].template.id == parent.id && partnerships[$0].locality == nil
                }
            if let match, match != i { partnerships[i].parent = (match, parent.kind) }
        }
        balanceFrequencies(&rng)
    }

    static func usualFormat(_ level: PartnershipTemplate.Level, _ rng: inout SeededRandom) -> MeetingFormat {
        let roll = rng.below(100)
        switch level {
        case .strategic: return roll < 40 ? .inPerson : roll < 85 ? .hybrid : .online
        case .delivery: return roll < 25 ? .inPerson : roll < 65 ? .hybrid : .online
        case .operational: return roll < 20 ? .inPerson : roll < 45 ? .hybrid : .online
        }
    }

    /// Moves frequencies up or down a step within each partnership's level until the year's meetings come as close to
    /// the target as steps allow, then makes up the difference exactly: extraordinary meetings of boards that meet
    /// monthly or less, or weekly and fortnightly groups that skip a holiday week.
    private mutating func balanceFrequencies(_ rng: inout SeededRandom) {
        let target = options.meetingsPerYear
        var total = partnerships.reduce(0) { $0 + $1.frequency.meetingsPerYear }
        func step(_ i: Int, by direction: Int) -> (MeetingFrequency, Int)? {
            let frequencies = partnerships[i].level.frequencies
            guard let at = frequencies.firstIndex(of: partnerships[i].frequency),
                frequencies.indices.contains(at + direction)
            else { return nil }
            let next = frequencies[at + direction]
            return (next, next.meetingsPerYear - partnerships[i].frequency.meetingsPerYear)
        }
        while total != target {
            let direction = total < target ? 1 : -1
            let gap = abs(target - total)
            // Steps that do not overshoot, operational groups most readily and boards least: a board's rhythm is set
            // by its terms of reference, a tasking group's by the work.
            let candidates = partnerships.indices.compactMap { i -> (Int, Int)? in
                guard let (_, change) = step(i, by: direction), abs(change) <= gap else { return nil }
                return (i, [1, 3, 6][partnerships[i].level.rawValue])
            }
            guard let pick = rng.weightedIndex(candidates.map(\.1)) else { break }
            let i = candidates[pick].0
            let (next, change) = step(i, by: direction)!
            partnerships[i].frequency = next
            total += change
        }
        var gap = target - total
        // A random order among partnerships that meet equally often (the sort is on the pair, so it is total).
        let shuffled = rng.shuffled(Array(partnerships.indices))
        let ranked = shuffled.enumerated().map {
            (meetings: partnerships[$0.element].frequency.meetingsPerYear, position: $0.offset, index: $0.element)
        }
        if gap > 0 {
            // Extraordinary meetings, a few per board at most while the boards last; then any partnership.
            let order = ranked.sorted { ($0.meetings, $0.position) < ($1.meetings, $1.position) }.map(\.index)
            var round = 0
            while gap > 0 && round < 365 {
                for i in order where gap > 0 && partnerships[i].frequency.meetingsPerYear + partnerships[i].extras < 250
                {
                    if round >= 3 || partnerships[i].frequency.meetingsPerYear <= 12 {
                        partnerships[i].extras += 1
                        gap -= 1
                    }
                }
                round += 1
            }
        } else if gap < 0 {
            // Holiday weeks, from the groups that meet most.
            let order = ranked.sorted { ($1.meetings, $0.position) < ($0.meetings, $1.position) }.map(\.index)
            var round = 0
            while gap < 0 && round < 52 {
                for i in order where gap < 0 && partnerships[i].frequency.meetingsPerYear - partnerships[i].skips > 1 {
                    if round >= 4 || partnerships[i].frequency.meetingsPerYear >= 26 {
                        partnerships[i].skips += 1
                        gap += 1
                    }
                }
                round += 1
            }
        }
    }
}
