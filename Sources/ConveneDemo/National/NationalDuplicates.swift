import ConveneDomain
import Foundation

/// Two meetings of different partnerships that discuss the same thing, planted before the agendas are written.
struct PlantedPair {
    var a: Int
    var b: Int
    var shared: [Int]
}

/// "Same people, same discussion, different meeting": the duplication the reports describe, planted where it would
/// happen, between partnerships that share many members (a board and its twin, a board and its sub-group), so that
/// the duplicate-discussion analysis has a ground truth to find.
///
/// Each planted pair clearly passes the analysis's defaults (90 days, text similarity 0.5, attendee overlap 0.3): the
/// titles are the same words or one word changed, at least six words long and found nowhere else; the meetings are
/// 1 to 60 days apart; and at least 60% of the smaller meeting's attendees attend both, because the members the two
/// partnerships share come to both, and, where that is not enough, some of the others send apologies.
extension NationalPlan {
    mutating func plantDuplicates() {
        var rng = random(6)
        let wanted = options.duplicatesPerWorkspace
        guard wanted > 0 else { return }
        let pairs = sharingPairs()
        var uses = Array(repeating: 0, count: partnerships.count)
        var usedMeetings: Set<Int> = []
        var usedTitles: Set<String> = []
        var attempts = 0
        while planted.count < wanted && attempts < wanted * 30 {
            attempts += 1
            let weights = pairs.map { pair in
                uses[pair.a] < 3 && uses[pair.b] < 3 ? Int(pair.share * 100) * Int(pair.share * 100) : 0
            }
            guard let pick = rng.weightedIndex(weights) else { break }
            let (pa, pb) = (pairs[pick].a, pairs[pick].b)
            let first = partnerships[pa].meetings.filter { meetings[$0].status == .held && !usedMeetings.contains($0) }
            guard !first.isEmpty else { continue }
            let ma = rng.pick(first)
            let near = partnerships[pb].meetings.filter {
                meetings[$0].status == .held && !usedMeetings.contains($0)
                    && (1...60).contains(abs(meetings[$0].day.ordinal - meetings[ma].day.ordinal))
            }
            guard !near.isEmpty else { continue }
            let mb = rng.pick(near)
            guard let shared = shareAttendance(ma, mb, &rng) else { continue }

            let common = partnerships[pa].themes.filter { partnerships[pb].themes.contains($0) }
            guard
                let chosen = plantedTitle(
                    common + partnerships[pa].themes + partnerships[pb].themes, usedTitles: usedTitles, &rng)
            else { break }
            let theme =
                NationalTheme.allCases.first {
                    NationalTitles.planted($0).contains { chosen.title.hasPrefix($0.title) }
                } ?? partnerships[pa].themes[0]
            usedTitles.insert(chosen.title)
            let variant = chosen.title.split(separator: " ").map { $0 == chosen.word ? chosen.replacement : String($0) }
                .joined(separator: " ")
            let (early, late) = meetings[ma].day <= meetings[mb].day ? (ma, mb) : (mb, ma)
            meetings[early].planted = chosen.title
            meetings[late].planted = rng.chance(50) ? chosen.title : variant
            meetings[early].theme = theme
            meetings[late].theme = theme
            usedMeetings.formUnion([ma, mb])
            uses[pa] += 1
            uses[pb] += 1
            planted.append(PlantedPair(a: early, b: late, shared: shared))
        }
    }

    /// Pairs of partnerships with at least `minimumShared` (four) members in common, making up at least 35% of the smaller one.
    private func sharingPairs() -> [(a: Int, b: Int, share: Double)] {
        let members = partnerships.map { Array(Set($0.seats.flatMap { $0.holders.map(\.person) })).sorted() }
        var pairs: [(a: Int, b: Int, share: Double)] = []
        for a in partnerships.indices {
            for b in partnerships.indices where b > a {
                let shared = NationalPlan.commonCount(members[a], members[b])
                let share = Double(shared) / Double(max(1, min(members[a].count, members[b].count)))
                if shared >= minimumShared && share >= 0.35 { pairs.append((a, b, share)) }
            }
        }
        return pairs
    }

    /// How many values two sorted arrays share.
    static func commonCount(_ x: [Int], _ y: [Int]) -> Int {
        var (i, j, count) = (0, 0, 0)
        while i < x.count && j < y.count {
            if x[i] == y[j] { count += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    /// Brings the members the two partnerships share to both meetings, then, while fewer than 60% of the smaller
    /// meeting's attendees are at both, sends one of its other attendees' apologies. Returns the people at both.
    private mutating func shareAttendance(_ ma: Int, _ mb: Int, _ rng: inout SeededRandom) -> [Int]? {
        let both = NationalPlan.common(
            partnerships[meetings[ma].partnership].members(on: meetings[ma].day),
            partnerships[meetings[mb].partnership].members(on: meetings[mb].day))
        guard both.count >= minimumShared else { return nil }
        for m in [ma, mb] {
            for person in both { bringIn(person, to: m, &rng) }
        }
        while true {
            let a = Set(meetings[ma].attendees())
            let b = Set(meetings[mb].attendees())
            let shared = a.intersection(b)
            if Double(shared.count) >= 0.6 * Double(min(a.count, b.count)) { return shared.sorted() }
            let smaller = a.count <= b.count ? ma : mb
            let members = partnerships[meetings[smaller].partnership].members(on: meetings[smaller].day)
            let others = meetings[smaller].attendance.indices.filter {
                meetings[smaller].attendance[$0].attended && !shared.contains(meetings[smaller].attendance[$0].person)
            }
            guard !others.isEmpty else { return nil }
            // Guests and substitutes stay away first; then a member sends apologies.
            let away = others.filter { !members.contains(meetings[smaller].attendance[$0].person) }
            if let row = away.isEmpty ? nil : rng.pick(away) {
                meetings[smaller].attendance.remove(at: row)
            } else {
                let row = rng.pick(others)
                meetings[smaller].attendance[row] = Presence(
                    person: meetings[smaller].attendance[row].person, status: .apologies)
            }
        }
    }

    /// A member comes in person (or online): any substitute for them stays away.
    private mutating func bringIn(_ person: Int, to m: Int, _ rng: inout SeededRandom) {
        meetings[m].attendance.removeAll { $0.substituteFor == person }
        let format = meetings[m].format
        if let row = meetings[m].attendance.firstIndex(where: { $0.person == person }) {
            if !meetings[m].attendance[row].attended {
                meetings[m].attendance[row] = presence(person, .present, for: nil, format, &rng)
            }
        } else {
            meetings[m].attendance.append(presence(person, .present, for: nil, format, &rng))
        }
    }

    /// The values in both arrays, in the first one's order.
    static func common(_ x: [Int], _ y: [Int]) -> [Int] {
        let other = Set(y)
        return x.filter { other.contains($0) }
    }

    /// A planted title not used yet: on a theme the two partnerships share, then on either's themes, in a random order,
    /// plain before with an angle ("…: options paper"); only when those are used up, on any theme.
    private func plantedTitle(_ themes: [NationalTheme], usedTitles: Set<String>, _ rng: inout SeededRandom)
        -> NationalTitles.Planted?
    {
        var preferred: [NationalTheme] = []
        for theme in themes where !preferred.contains(theme) { preferred.append(theme) }
        for group in [preferred, NationalTheme.allCases.filter { !preferred.contains($0) }] {
            for angle in [nil] + NationalTitles.angles.map(\.text) {
                for theme in group {
                    let options = rng.shuffled(NationalTitles.planted(theme)).map { planted -> NationalTitles.Planted in
                        guard let angle else { return planted }
                        return NationalTitles.Planted(
                            title: "\(planted.title): \(angle)", word: planted.word, replacement: planted.replacement)
                    }
                    if let free = options.first(where: { !usedTitles.contains($0.title) }) { return free }
                }
            }
        }
        return nil
    }
}
