// Over 400 lines: duplicate discussions and the triage signal built on them share their item indexes and bit sets.
import Foundation

/// "Same people, same discussion, different meeting": two agenda items of different partnerships, at held meetings of
/// the period at most `duplicate-window-days` apart (both ends included), whose titles' TF-IDF cosine similarity is at
/// least `duplicate-text-threshold` and whose meetings' attendee overlap (the people at both ÷ the attendees of the
/// smaller meeting) is at least `duplicate-attendee-threshold` (DESIGN.md's definition).
///
/// The cosine is the similarity engine's, exact: TF-IDF fitted on the titles of every item of the period's held
/// meetings (standing items included, so that "and" and "of" weigh what they weigh in the workspace's agendas), and
/// the engine's all-pairs search over the distinct titles, so an item repeated at every meeting is searched once.
///
/// Procedural standing items (welcome and apologies, minutes and matters arising, the action log, any other business,
/// the date of the next meeting) are left out of the pairs: every partnership has them, worded alike, with the same
/// people, and they would bury the real findings.
public enum DuplicateDiscussions {
    /// One of the two items of a finding.
    public struct Side: Hashable, Sendable {
        public var itemKey: String
        public var title: String
        public var meetingKey: String
        public var meetingName: String
        public var day: Day
        public var partnershipKey: String
        public var partnershipName: String
    }

    public struct Finding: Hashable, Sendable {
        /// The earlier item (by day, then item key) and the later.
        public var a: Side
        public var b: Side
        /// The TF-IDF cosine similarity of the titles, 0 to 1.
        public var cosine: Double
        /// The people at both meetings ÷ the attendees of the smaller one.
        public var attendeeOverlap: Double
        /// The people who attended both meetings, sorted.
        public var sharedPersonKeys: [String]

        public var daysApart: Int { b.day.ordinal - a.day.ordinal }
    }

    /// Another partnership where some of a partnership's items were discussed too.
    public struct Elsewhere: Hashable, Sendable {
        public var partnershipKey: String
        public var name: String
        /// How many of the partnership's items have a duplicate there.
        public var items: Int
    }

    public struct Row: Hashable, Sendable {
        public var key: String
        public var name: String
        /// Its items at held meetings of the period, procedural standing items aside.
        public var items: Int
        /// How many of them were also discussed at another partnership's meeting.
        public var duplicated: Int
        /// Where, most items first (then by name).
        public var elsewhere: [Elsewhere]

        public var share: Double { items == 0 ? 0 : Double(duplicated) / Double(items) }
    }

    public struct Report: Sendable {
        public var period: Period
        public var windowDays: Int
        /// The thresholds, 0 to 1.
        public var textThreshold: Double
        public var attendeeThreshold: Double
        /// Most similar first, then most shared attendees, then by day and item key.
        public var findings: [Finding]
        /// Every partnership with items in the period, the most duplicated share first (then by name).
        public var partnerships: [Row]

        public func row(_ partnershipKey: String) -> Row? { partnerships.first { $0.key == partnershipKey } }

        public func findings(of partnershipKey: String) -> [Finding] {
            findings.filter { $0.a.partnershipKey == partnershipKey || $0.b.partnershipKey == partnershipKey }
        }
    }

    /// Every finding, or with `only`, the findings with an item of one of those partnerships, and their rows alone
    /// (each exact: a partnership's findings are all found).
    public static func run(
        _ data: AnalyticsData, period: Period, settings: AnalyticsSettings, today: Day, only: Set<String>? = nil
    ) -> Report {
        let asOf = min(period.to, today)
        let window = settings.duplicateWindowDays
        let textThreshold = Double(settings.duplicateTextThreshold) / 100
        let attendeePercent = settings.duplicateAttendeeThreshold

        // The period's held meetings with an agenda, their days and attendees (people numbered, sorted), and their
        // items. `data.meetings` is in time order, so every list of items below is in day order too.
        // An item is its meeting's number and its place on that agenda: copying each item would cost more than the
        // search.
        var meetings: [Meeting] = []
        var agendas: [[AgendaItem]] = []
        var days: [Int] = []
        var attendees: [[Int32]] = []
        var personNumbers: [String: Int32] = [:]
        var personKeys: [String] = []
        var itemMeeting: [Int32] = []
        var itemSlot: [Int32] = []
        var titles: [String] = []
        for meeting in data.meetings where data.isHeld(meeting, asOf: asOf) {
            let day = data.day(of: meeting)
            guard period.contains(day), let agenda = data.itemsByMeeting[meeting.key], !agenda.isEmpty else { continue }
            var present: Set<Int32> = []
            for a in meeting.attendance where a.attended {
                let number =
                    personNumbers[a.personKey]
                    ?? {
                        personKeys.append(a.personKey)
                        personNumbers[a.personKey] = Int32(personKeys.count - 1)
                        return Int32(personKeys.count - 1)
                    }()
                present.insert(number)
            }
            for slot in agenda.indices {
                itemMeeting.append(Int32(meetings.count))
                itemSlot.append(Int32(slot))
                titles.append(agenda[slot].title)
            }
            meetings.append(meeting)
            agendas.append(agenda)
            days.append(day.ordinal)
            attendees.append(present.sorted())
        }

        // Items by title: identical titles have identical vectors, so the search needs one of each.
        func item(_ i: Int) -> AgendaItem { agendas[Int(itemMeeting[i])][Int(itemSlot[i])] }
        var partnershipNumbers: [String: Int] = [:]
        var partnershipKeys: [String] = []
        var itemPartnership: [Int] = []
        var groupNumbers: [String: Int] = [:]
        var groups: [[Int]] = []
        for (i, title) in titles.enumerated() {
            let key = agendas[Int(itemMeeting[i])][Int(itemSlot[i])].partnershipKey
            let p =
                partnershipNumbers[key]
                ?? {
                    partnershipKeys.append(key)
                    partnershipNumbers[key] = partnershipKeys.count - 1
                    return partnershipKeys.count - 1
                }()
            itemPartnership.append(p)
            if let g = groupNumbers[title] {
                groups[g].append(i)
            } else {
                groupNumbers[title] = groups.count
                groups.append([i])
            }
        }
        let substantive = groups.map { !isProcedural(titles[$0[0]]) }
        // The partnerships asked about, and the titles they have: each pair of titles is searched from one of those.
        let asked = partnershipKeys.map { only?.contains($0) ?? true }
        let searched = groups.map { members in members.contains { asked[itemPartnership[$0]] } }
        var itemsOf = [Int](repeating: 0, count: partnershipKeys.count)
        for (g, members) in groups.enumerated() where substantive[g] {
            for i in members { itemsOf[itemPartnership[i]] += 1 }
        }

        // Similar titles: pairs of distinct titles from the engine, and each repeated title with itself.
        let vectors = TFIDF(titles)
        let representatives = groups.indices.filter { substantive[$0] }.map { groups[$0][0] }
        var groupOfItem = [Int32](repeating: -1, count: titles.count)
        for (g, members) in groups.enumerated() { for i in members { groupOfItem[i] = Int32(g) } }
        // Each pair once: a pair of two searched titles is found both ways round.
        let queries = representatives.filter { searched[Int(groupOfItem[$0])] }
        var similar = vectors.pairs(atLeast: textThreshold, between: queries, and: representatives)
            .filter { $0.first < $0.second || !searched[Int(groupOfItem[$0.second])] }
            .map {
                SimilarPair(
                    first: Int(groupOfItem[min($0.first, $0.second)]),
                    second: Int(groupOfItem[max($0.first, $0.second)]),
                    cosine: $0.cosine)
            }
        for g in groups.indices where substantive[g] && searched[g] && groups[g].count > 1 {
            let cosine = vectors.cosine(groups[g][0], groups[g][0])
            if cosine >= textThreshold { similar.append(SimilarPair(first: g, second: g, cosine: cosine)) }
        }

        // Each meeting's attendees as a bit set, one row of `words` words a meeting: a recurring title pairs thousands
        // of items, and counting the people two meetings share is then a few ANDs rather than a merge of two lists.
        let words = max(1, (personKeys.count + 63) / 64)
        var bits = [UInt64](repeating: 0, count: meetings.count * words)
        for (m, people) in attendees.enumerated() {
            for person in people { bits[m * words + Int(person) / 64] |= 1 << UInt64(Int(person) % 64) }
        }
        let attendeeCounts = attendees.map(\.count)
        func sharedCount(_ mx: Int, _ my: Int) -> Int {
            bits.withUnsafeBufferPointer { b in
                var count = 0
                for w in 0..<words { count += (b[mx * words + w] & b[my * words + w]).nonzeroBitCount }
                return count
            }
        }

        // Each similar pair of titles, item by item: within the window, of different partnerships, with enough of the
        // same people.
        var found: [(x: Int, y: Int, cosine: Double, shared: Int, smaller: Int)] = []
        func consider(_ x: Int, _ y: Int, _ cosine: Double) {
            let mx = Int(itemMeeting[x])
            let my = Int(itemMeeting[y])
            guard itemPartnership[x] != itemPartnership[y], mx != my,
                asked[itemPartnership[x]] || asked[itemPartnership[y]]
            else { return }
            let shared = sharedCount(mx, my)
            let smaller = min(attendeeCounts[mx], attendeeCounts[my])
            // Whole numbers, so a threshold of exactly half is met by exactly half.
            guard smaller > 0 ? shared * 100 >= attendeePercent * smaller : attendeePercent == 0 else { return }
            found.append((x, y, cosine, shared, smaller))
        }
        for pair in similar {
            let xs = groups[pair.first]
            let ys = groups[pair.second]
            if pair.first == pair.second {
                for (n, x) in xs.enumerated() {
                    for y in xs[(n + 1)...] {
                        if days[Int(itemMeeting[y])] - days[Int(itemMeeting[x])] > window { break }
                        consider(x, y, pair.cosine)
                    }
                }
            } else {
                for x in xs {
                    let day = days[Int(itemMeeting[x])]
                    var k = firstIndex(in: ys, from: day - window) { days[Int(itemMeeting[$0])] }
                    while k < ys.count && days[Int(itemMeeting[ys[k]])] <= day + window {
                        consider(x, ys[k], pair.cosine)
                        k += 1
                    }
                }
            }
        }

        // The findings, and for each partnership the items duplicated elsewhere and where.
        var duplicatedAt: [Int: Set<Int>] = [:]
        var findings: [Finding] = []
        findings.reserveCapacity(found.count)
        func side(_ i: Int) -> Side {
            let meeting = meetings[Int(itemMeeting[i])]
            let item = item(i)
            return Side(
                itemKey: item.key, title: item.title, meetingKey: meeting.key, meetingName: meeting.name,
                day: data.day(of: meeting), partnershipKey: item.partnershipKey,
                partnershipName: data.partnershipsByKey[item.partnershipKey]?.name ?? item.partnershipKey)
        }
        for f in found {
            duplicatedAt[f.x, default: []].insert(itemPartnership[f.y])
            duplicatedAt[f.y, default: []].insert(itemPartnership[f.x])
            var (a, b) = (side(f.x), side(f.y))
            if (b.day, b.itemKey) < (a.day, a.itemKey) { swap(&a, &b) }
            let mx = Int(itemMeeting[f.x])
            let my = Int(itemMeeting[f.y])
            let shared = common(attendees[mx], attendees[my]).map { personKeys[Int($0)] }.sorted()
            findings.append(
                Finding(
                    a: a, b: b, cosine: f.cosine,
                    attendeeOverlap: f.smaller == 0 ? 0 : Double(f.shared) / Double(f.smaller),
                    sharedPersonKeys: shared))
        }
        findings.sort { x, y in
            if x.cosine != y.cosine { return x.cosine > y.cosine }
            if x.attendeeOverlap != y.attendeeOverlap { return x.attendeeOverlap > y.attendeeOverlap }
            return (x.a.day, x.b.day, x.a.itemKey, x.b.itemKey) < (y.a.day, y.b.day, y.a.itemKey, y.b.itemKey)
        }

        func name(_ p: Int) -> String { data.partnershipsByKey[partnershipKeys[p]]?.name ?? partnershipKeys[p] }
        var duplicated = [Int](repeating: 0, count: partnershipKeys.count)
        var elsewhere = [[Int: Int]](repeating: [:], count: partnershipKeys.count)
        for (i, others) in duplicatedAt {
            duplicated[itemPartnership[i]] += 1
            for q in others { elsewhere[itemPartnership[i]][q, default: 0] += 1 }
        }
        let rows = partnershipKeys.indices.filter { itemsOf[$0] > 0 && asked[$0] }.map { p in
            Row(
                key: partnershipKeys[p], name: name(p), items: itemsOf[p], duplicated: duplicated[p],
                elsewhere: elsewhere[p].map {
                    Elsewhere(partnershipKey: partnershipKeys[$0.key], name: name($0.key), items: $0.value)
                }
                .sorted { ($1.items, $0.name, $0.partnershipKey) < ($0.items, $1.name, $1.partnershipKey) })
        }.sorted { ($1.share, $0.name, $0.key) < ($0.share, $1.name, $1.key) }

        return Report(
            period: period, windowDays: window, textThreshold: textThreshold,
            attendeeThreshold: Double(attendeePercent) / 100, findings: findings, partnerships: rows)
    }

    // MARK: Procedural items

    /// Words that make a title a standing item…
    static let proceduralMarks: Set<String> = [
        "welcome", "welcomes", "introduction", "introductions", "apologies", "apology", "absence", "declarations",
        "declaration",
        "minutes", "notes", "arising", "log", "tracker", "aob", "business", "next", "close", "closing"
    ]
    /// …and the words that go with them. A title needs one of the first kind, so that "Action plan" or "Forward plan"
    /// on its own stays business.
    static let proceduralWords: Set<String> = proceduralMarks.union([
        "and", "of", "the", "for", "to", "from", "on", "at", "chair", "chairs", "previous", "last", "meeting",
        "meetings",
        "matters", "action", "actions", "outstanding", "draft", "any", "other", "date", "dates", "time", "interest",
        "interests", "forward", "plan", "items", "escalation", "opening", "remarks", "agree", "approve", "approval",
        "accuracy"
    ])

    /// Whether a title is a procedural standing item: its words (as `Delivery.normalisedTitle` reads them, without
    /// numbers, dates or single letters) are all procedural, and one names a standing item.
    public static func isProcedural(_ title: String) -> Bool {
        let words = Delivery.normalisedTitle(title).split(separator: " ").map(String.init)
        return !words.isEmpty && words.allSatisfy(proceduralWords.contains)
            && words.contains(where: proceduralMarks.contains)
    }

    // MARK: Sorted lists

    /// The first place in `list` (sorted by `key`) whose key is at least `lowest`.
    static func firstIndex(in list: [Int], from lowest: Int, key: (Int) -> Int) -> Int {
        var (low, high) = (0, list.count)
        while low < high {
            let middle = (low + high) / 2
            if key(list[middle]) < lowest { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func common(_ x: [Int32], _ y: [Int32]) -> [Int32] {
        let other = Set(y)
        return x.filter(other.contains)
    }
}

/// Triage's duplication signal, from the two analyses: how much of a partnership's business is done elsewhere too.
///
/// - Its discussions: the share of its items also discussed at another partnership, with the same people
///   (`DuplicateDiscussions`). That is duplicated business seen happening, so it counts in full.
/// - Its members: the largest share of its people who also sit on one other partnership (`MembershipOverlap`). That
///   only says the business could be done twice, so it counts for at most `membershipWeight` (0.4): less than the
///   half at which triage declines a partnership rather than taking its papers, so shared members alone never do that.
///
/// The share is the larger of the two, and the reason is that one's (the discussions' on a tie).
public struct DuplicationEvidence: Triage.DuplicationSignal {
    public static let membershipWeight = 0.4

    public struct Entry: Hashable, Sendable {
        public var share: Double
        public var reason: String
        /// The two parts before they are combined: the share of items duplicated, and of members shared.
        public var discussionShare: Double
        public var membershipShare: Double
    }

    public let entries: [String: Entry]

    public init(overlap: MembershipOverlap.Report, discussions: DuplicateDiscussions.Report) {
        // Each partnership's largest share of people on one other partnership, the first in the report's ranking on a tie.
        var members: [String: (share: Double, shared: Int, of: Int, other: String)] = [:]
        for pair in overlap.pairs {
            let sides = [
                (pair.aKey, pair.people.shareOfA, pair.people.aCount, pair.bName),
                (pair.bKey, pair.people.shareOfB, pair.people.bCount, pair.aName)
            ]
            for (key, share, count, other) in sides where share > (members[key]?.share ?? 0) {
                members[key] = (share, pair.people.shared.count, count, other)
            }
        }
        var entries: [String: Entry] = [:]
        for key in Set(members.keys).union(discussions.partnerships.map(\.key)) {
            let row = discussions.row(key)
            let discussed = row?.share ?? 0
            let member = members[key]
            let weighed = (member?.share ?? 0) * Self.membershipWeight
            guard max(discussed, weighed) > 0 else { continue }
            let reason: String
            if let row, discussed >= weighed {
                reason = Self.discussionReason(row)
            } else {
                reason = Self.membershipReason(shared: member!.shared, of: member!.of, other: member!.other)
            }
            entries[key] = Entry(
                share: max(discussed, weighed), reason: reason, discussionShare: discussed,
                membershipShare: member?.share ?? 0)
        }
        self.entries = entries
    }

    public func duplication(of partnershipKey: String) -> (share: Double, reason: String)? {
        entries[partnershipKey].map { ($0.share, $0.reason) }
    }

    /// "12 of its 40 items were also discussed at the Community Safety Partnership, with the same people".
    static func discussionReason(_ row: DuplicateDiscussions.Row) -> String {
        let places = row.elsewhere.map { the($0.name) }
        let at =
            switch places.count {
            case 1: places[0]
            case 2: "\(places[0]) and \(places[1])"
            default: "\(places[0]) and \(places.count - 1) other partnerships"
            }
        let verb = row.duplicated == 1 ? "was" : "were"
        let noun = row.items == 1 ? "item" : "items"
        return "\(row.duplicated) of its \(row.items) \(noun) \(verb) also discussed at \(at), with the same people"
    }

    /// "Most of its members (9 of 12) also sit on the Community Safety Partnership".
    static func membershipReason(shared: Int, of count: Int, other: String) -> String {
        if shared == count { return "All \(count == 1 ? "" : "\(count) ")of its members also sit on \(the(other))" }
        if 2 * shared > count { return "Most of its members (\(shared) of \(count)) also sit on \(the(other))" }
        return "\(shared) of its \(count) members also sit on \(the(other))"
    }

    /// A partnership's name after "at" or "on": "the Community Safety Partnership", unless it has its own "The".
    static func the(_ name: String) -> String {
        name.lowercased().hasPrefix("the ") ? name : "the \(name)"
    }
}
