import Foundation

/// Membership overlap: for every two partnerships that share a member (a person) on a day, the people they share and
/// the organisations they share, each with the overlap coefficient |A ∩ B| ÷ min(|A|, |B|) (DESIGN.md's measure: a small
/// board sitting wholly inside a big one scores 1) and the Jaccard index |A ∩ B| ÷ |A ∪ B| (how alike the two are).
///
/// A partnership's people are its members with a person on the day. Its organisations are those of all its current
/// memberships: the membership's organisation, else the one the member represents, else the person's own. Pairs that
/// share organisations but no person are left out: the police and the council sit on nearly every board, so nearly
/// every pair would be listed.
///
/// Exact, and without comparing every pair's sets: an inverted index (person → partnerships, organisation →
/// partnerships) counts each shared key once for each pair that shares it, so the work is the sum over keys of the
/// square of how many partnerships have them, and pairs that share nothing are never looked at.
public enum MembershipOverlap {
    /// One kind of overlap (people, or organisations) between two partnerships.
    public struct Measure: Hashable, Sendable {
        /// The keys in both, sorted.
        public var shared: [String]
        /// How many each partnership has.
        public var aCount: Int
        public var bCount: Int

        public var union: Int { aCount + bCount - shared.count }
        /// |A ∩ B| ÷ min(|A|, |B|); 0 when either is empty.
        public var overlap: Double { min(aCount, bCount) == 0 ? 0 : Double(shared.count) / Double(min(aCount, bCount)) }
        /// |A ∩ B| ÷ |A ∪ B|; 0 when both are empty.
        public var jaccard: Double { union == 0 ? 0 : Double(shared.count) / Double(union) }
        /// The share of a's keys that b has too (a's containment in b).
        public var shareOfA: Double { aCount == 0 ? 0 : Double(shared.count) / Double(aCount) }
        public var shareOfB: Double { bCount == 0 ? 0 : Double(shared.count) / Double(bCount) }
    }

    /// Two partnerships, `a` before `b` by name (then key).
    public struct Pair: Hashable, Sendable {
        public var aKey: String
        public var aName: String
        public var bKey: String
        public var bName: String
        public var people: Measure
        public var organisations: Measure
    }

    public struct Report: Sendable {
        public var day: Day
        /// Ranked: people's overlap coefficient, then their Jaccard index, then the names.
        public var pairs: [Pair]

        /// The pairs a partnership is in, in the report's order.
        public func pairs(of partnershipKey: String) -> [Pair] {
            pairs.filter { $0.aKey == partnershipKey || $0.bKey == partnershipKey }
        }
    }

    public static func run(_ data: AnalyticsData, on day: Day) -> Report {
        // Partnerships by name, so each pair is found with its `a` first.
        let partnerships = data.partnerships.sorted { ($0.name, $0.key) < ($1.name, $1.key) }
        var people: [[String]] = []
        var organisations: [[String]] = []
        for partnership in partnerships {
            people.append(Set(data.members(of: partnership.key, on: day).map { $0.personKey! }).sorted())
            let current = (data.membershipsByPartnership[partnership.key] ?? []).filter { $0.isCurrent(on: day) }
            organisations.append(
                Set(
                    current.compactMap { m in
                        m.organisationKey ?? m.representsKey
                            ?? m.personKey.flatMap { data.personsByKey[$0]?.organisationKey }
                    }
                ).sorted())
        }
        let sharedPeople = sharedKeys(people)
        let sharedOrganisations = sharedKeys(organisations)

        // Ranked before any pair is made, on numbers alone: sorting the pairs themselves would copy them at every
        // comparison. A slot's name rank is its name's place among the names; slots of one name are in key order.
        var nameRank: [Int] = []
        var rank = 0
        for slot in partnerships.indices {
            if slot > 0 && partnerships[slot].name != partnerships[slot - 1].name { rank += 1 }
            nameRank.append(rank)
        }
        let ranked = sharedPeople.map { slots, shared in
            (
                slots: slots,
                measure: Measure(shared: shared, aCount: people[slots.a].count, bCount: people[slots.b].count)
            )
        }
        let overlaps = ranked.map(\.measure.overlap)
        let jaccards = ranked.map(\.measure.jaccard)
        let order = ranked.indices.sorted { i, j in
            if overlaps[i] != overlaps[j] { return overlaps[i] > overlaps[j] }
            if jaccards[i] != jaccards[j] { return jaccards[i] > jaccards[j] }
            let (x, y) = (ranked[i].slots, ranked[j].slots)
            return (nameRank[x.a], nameRank[x.b], x.a, x.b) < (nameRank[y.a], nameRank[y.b], y.a, y.b)
        }
        let pairs = order.map { ranked[$0] }.map { slots, measure in
            let (a, b) = (slots.a, slots.b)
            return Pair(
                aKey: partnerships[a].key, aName: partnerships[a].name, bKey: partnerships[b].key,
                bName: partnerships[b].name,
                people: measure,
                organisations: Measure(
                    shared: sharedOrganisations[slots] ?? [], aCount: organisations[a].count,
                    bCount: organisations[b].count))
        }
        return Report(day: day, pairs: pairs)
    }

    struct Slots: Hashable {
        var a: Int
        var b: Int
    }

    /// The keys each pair of sets shares (sets by their place in `sets`, `a < b`), through an inverted index: each
    /// key's sets are listed once, and every two of them share it. Keys come out sorted because the sets are.
    static func sharedKeys(_ sets: [[String]]) -> [Slots: [String]] {
        var holders: [String: [Int]] = [:]
        for (slot, keys) in sets.enumerated() {
            for key in keys { holders[key, default: []].append(slot) }
        }
        var shared: [Slots: [String]] = [:]
        for key in holders.keys.sorted() {
            let slots = holders[key]!
            for i in slots.indices {
                for j in slots.index(after: i)..<slots.endIndex {
                    shared[Slots(a: slots[i], b: slots[j]), default: []].append(key)
                }
            }
        }
        return shared
    }
}
