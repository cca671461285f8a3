import Foundation
import Testing

@testable import ConveneDomain

/// Duplication: membership overlap against brute force, duplicate discussions worked by hand,
/// near-duplicate priorities, and the signal triage reads (the generator's planted ones: ConveneDemoTests).
@Suite struct DuplicationTests {
    static func meeting(
        _ key: String, _ partnership: String, _ day: String, _ people: [String], status: MeetingStatus = .held
    ) -> Meeting {
        let start = ISO8601DateFormatter().date(from: "\(day)T09:00:00Z")!
        return Meeting(
            key: key, partnershipKey: partnership, name: "\(partnership) meeting", startsAt: start,
            endsAt: start.addingTimeInterval(7_200), status: status,
            attendance: people.map { Attendance(personKey: $0) })
    }

    // MARK: Membership overlap

    @Test func overlapMatchesBruteForceOnRandomLandscapes() throws {
        var random = SeededRandom(seed: 7_007)
        let day = Day("2025-06-01")!
        for round in 0..<150 {
            // Setup: people in a few organisations; memberships current, ended or not yet started; some held by an
            // organisation alone, some naming the organisation represented.
            let organisations = (0..<random.between(1...5)).map {
                Organisation(key: "o\($0)", name: "Org \($0)", sector: .police)
            }
            let people = (0..<random.between(1...25)).map { i in
                Person(
                    key: "p\(i)", name: "Person \(i)",
                    organisationKey: random.chance(80) ? random.pick(organisations).key : nil)
            }
            let partnerships = (0..<random.between(1...10)).map {
                Partnership(key: "b\($0)", name: "Board \(9 - $0 % 3)", type: .forum)
            }
            var memberships: [Membership] = []
            let starts = [nil, Day("2024-01-01"), Day("2025-06-01"), Day("2025-06-02")]
            let ends = [nil, Day("2024-01-01"), Day("2025-05-31"), Day("2025-06-01"), Day("2025-07-01")]
            for n in 0..<random.between(0...60) {
                memberships.append(
                    Membership(
                        key: "m\(n)", partnershipKey: random.pick(partnerships).key,
                        personKey: random.chance(85) ? random.pick(people).key : nil,
                        organisationKey: random.chance(20) ? random.pick(organisations).key : nil,
                        representsKey: random.chance(20) ? random.pick(organisations).key : nil,
                        startedOn: random.pick(starts), endedOn: random.pick(ends)))
            }
            let data = AnalyticsData(
                organisations: organisations, persons: people, partnerships: partnerships, memberships: memberships)

            // Act
            let report = MembershipOverlap.run(data, on: day)

            // Check: every pair of partnerships, its sets worked out directly and compared.
            func sets(_ key: String) -> (people: Set<String>, organisations: Set<String>) {
                let current = memberships.filter { $0.partnershipKey == key && $0.isCurrent(on: day) }
                let organisation = { (m: Membership) in
                    m.organisationKey ?? m.representsKey
                        ?? m.personKey.flatMap { key in people.first { $0.key == key }?.organisationKey }
                }
                return (Set(current.compactMap(\.personKey)), Set(current.compactMap(organisation)))
            }
            var expected: [String: (people: (Set<String>, Set<String>), organisations: (Set<String>, Set<String>))] =
                [:]
            for x in partnerships {
                for y in partnerships where (x.name, x.key) < (y.name, y.key) {
                    let (a, b) = (sets(x.key), sets(y.key))
                    if !a.people.isDisjoint(with: b.people) {
                        expected["\(x.key)|\(y.key)"] = ((a.people, b.people), (a.organisations, b.organisations))
                    }
                }
            }
            func matches(_ measure: MembershipOverlap.Measure, _ sets: (Set<String>, Set<String>)) -> Bool {
                let (a, b) = sets
                let shared = a.intersection(b)
                let overlap = min(a.count, b.count) == 0 ? 0 : Double(shared.count) / Double(min(a.count, b.count))
                let jaccard = a.union(b).isEmpty ? 0 : Double(shared.count) / Double(a.union(b).count)
                return measure.shared == shared.sorted() && measure.aCount == a.count && measure.bCount == b.count
                    && measure.overlap == overlap && measure.jaccard == jaccard
            }
            #expect(report.pairs.count == expected.count, "round \(round)")
            for pair in report.pairs {
                let want = try #require(
                    expected["\(pair.aKey)|\(pair.bKey)"], "round \(round): \(pair.aKey)–\(pair.bKey)")
                #expect(
                    matches(pair.people, want.people) && matches(pair.organisations, want.organisations),
                    "round \(round)")
            }
            // Ranked by the people's overlap coefficient, then Jaccard, then names.
            for (x, y) in zip(report.pairs, report.pairs.dropFirst()) {
                #expect((x.people.overlap, x.people.jaccard) >= (y.people.overlap, y.people.jaccard), "round \(round)")
                if (x.people.overlap, x.people.jaccard) == (y.people.overlap, y.people.jaccard) {
                    #expect((x.aName, x.bName, x.aKey, x.bKey) < (y.aName, y.bName, y.aKey, y.bKey))
                }
            }
        }
    }

    // MARK: Duplicate discussions, by hand

    static let knife = "Knife crime in the town centre: hotspot response"
    static let spiking = "Spiking at licensed venues on student nights"
    static let hoarding = "Hoarding and fire risk among older tenants"

    /// Three partnerships. The community safety partnership (CSP) and the violence reduction partnership (VRP) discuss
    /// knife crime exactly 90 days apart with half the smaller meeting's people in common; the board and the VRP
    /// discuss spiking 91 days apart with the same people; the CSP discusses hoarding twice, and the VRP once with one
    /// person of three in common. Every meeting opens and closes with standing items, worded the same everywhere.
    static func threeBoards() -> AnalyticsData {
        let people = (1...6).map { Person(key: "p\($0)", name: "Person \($0)") }
        let partnerships = [
            Partnership(key: "csp", name: "Community Safety Partnership", type: .communitySafetyPartnership),
            Partnership(key: "vrp", name: "Violence Reduction Partnership", type: .forum),
            Partnership(key: "board", name: "Board", type: .forum)
        ]
        let seats = [
            ("csp", ["p1", "p2", "p3", "p4"]), ("vrp", ["p1", "p2", "p5", "p6"]), ("board", ["p1", "p2", "p3"])
        ]
        let memberships = seats.flatMap { p, members in
            members.map { Membership(key: "\(p)-\($0)", partnershipKey: p, personKey: $0) }
        }
        let meetings = [
            meeting("a1", "csp", "2025-06-02", ["p1", "p2", "p3", "p4"]),
            meeting("a2", "csp", "2025-06-20", ["p1", "p2", "p3", "p4"]),
            meeting("a3", "csp", "2025-07-01", ["p1", "p2", "p3", "p4"]),
            meeting("b0", "vrp", "2025-06-05", ["p1", "p2", "p3", "p4"], status: .cancelled),
            meeting("b1", "vrp", "2025-08-31", ["p1", "p2", "p5", "p6"]),
            meeting("b2", "vrp", "2025-09-01", ["p1", "p2", "p3", "p4"]),
            meeting("b3", "vrp", "2025-06-25", ["p1", "p5", "p6"]),
            meeting("c1", "board", "2025-06-02", ["p1", "p2", "p3", "p4"])
        ]
        let agendas = [
            ("a1", knife), ("a2", hoarding), ("a3", hoarding), ("b0", knife), ("b1", knife), ("b2", spiking),
            ("b3", hoarding), ("c1", spiking)
        ]
        var items: [AgendaItem] = []
        for (m, title) in agendas {
            let p = meetings.first { $0.key == m }!.partnershipKey
            for (n, t) in [
                "Welcome and apologies", "Minutes of the last meeting and matters arising", title, "Any other business"
            ].enumerated() {
                items.append(
                    AgendaItem(key: "\(m)-\(n + 1)", partnershipKey: p, meetingKey: m, position: n + 1, title: t))
            }
        }
        return AnalyticsData(
            persons: people, partnerships: partnerships, memberships: memberships, meetings: meetings, items: items)
    }

    static let summer = Period(from: Day("2025-06-01")!, to: Day("2025-09-30")!)

    @Test func theWindowIsInclusiveAndTheSamePartnershipAndStandingItemsNeverCount() throws {
        // Act
        let report = DuplicateDiscussions.run(
            Self.threeBoards(), period: Self.summer, settings: AnalyticsSettings(), today: Day("2025-12-01")!)

        // Check: knife crime at 90 days and 2 of 4 people is found; spiking at 91 days is not; the CSP's hoarding
        // twice is one partnership; the cancelled meeting does not count; no standing item is paired.
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.a.itemKey == "a1-3" && finding.b.itemKey == "b1-3" && finding.daysApart == 90)
        #expect(
            finding.a.partnershipName == "Community Safety Partnership" && finding.b.meetingKey == "b1"
                && finding.b.day == Day("2025-08-31")!)
        #expect(
            finding.attendeeOverlap == 0.5 && finding.sharedPersonKeys == ["p1", "p2"]
                && abs(finding.cosine - 1) < 1e-12)
        #expect(
            report.row("csp")?.items == 3 && report.row("csp")?.duplicated == 1 && report.row("board")?.duplicated == 0)
        #expect(
            report.row("vrp")?.elsewhere == [
                DuplicateDiscussions.Elsewhere(partnershipKey: "csp", name: "Community Safety Partnership", items: 1)
            ])

        // A window one day shorter loses it; one day longer finds spiking too.
        var settings = AnalyticsSettings()
        settings.duplicateWindowDays = 89
        #expect(
            DuplicateDiscussions.run(
                Self.threeBoards(), period: Self.summer, settings: settings, today: Day("2025-12-01")!
            ).findings.isEmpty)
        settings.duplicateWindowDays = 91
        let wider = DuplicateDiscussions.run(
            Self.threeBoards(), period: Self.summer, settings: settings, today: Day("2025-12-01")!)
        #expect(wider.findings.map { "\($0.a.itemKey)|\($0.b.itemKey)" }.sorted() == ["a1-3|b1-3", "c1-3|b2-3"])
    }

    @Test func theAttendeeThresholdIsMetExactly() {
        // Setup: hoarding at the CSP (four people) and the VRP (three), one person in common: a third.
        var settings = AnalyticsSettings()
        settings.duplicateAttendeeThreshold = 33

        // Act
        let at33 = DuplicateDiscussions.run(
            Self.threeBoards(), period: Self.summer, settings: settings, today: Day("2025-12-01")!)
        settings.duplicateAttendeeThreshold = 34
        let at34 = DuplicateDiscussions.run(
            Self.threeBoards(), period: Self.summer, settings: settings, today: Day("2025-12-01")!)

        // Check
        #expect(
            at33.findings.map { "\($0.a.itemKey)|\($0.b.itemKey)" }.sorted() == ["a1-3|b1-3", "a2-3|b3-3", "b3-3|a3-3"])
        #expect(
            at33.findings.filter { $0.a.title == Self.hoarding }.allSatisfy {
                $0.sharedPersonKeys == ["p1"] && $0.attendeeOverlap == 1.0 / 3
            })
        #expect(at34.findings.count == 1)
    }

    @Test func standingItemsAreRecognisedByTheirWords() {
        for title in [
            "Welcome, introductions and apologies", "AOB and close", "Date and time of next meeting",
            "Minutes of 3 March, and AOB",
            "Chair's welcome and apologies", "Minutes of the previous meeting and action log",
            "Items for escalation and any other business",
            "Apologies and declarations of interest", "Forward plan and any other business"
        ] {
            #expect(DuplicateDiscussions.isProcedural(title), "\(title)")
        }
        for title in [
            "Action plan", "Forward plan", "Business case", "Knife crime: update", "Minutes of the youth panel: drugs",
            "–"
        ] {
            #expect(!DuplicateDiscussions.isProcedural(title), "\(title)")
        }
    }

    // MARK: The triage signal

    @Test func theSignalTakesTheDiscussionsInFullAndSharedMembersAtMostPointFour() throws {
        // Setup
        let data = Self.threeBoards()
        let overlap = MembershipOverlap.run(data, on: Day("2025-06-01")!)
        let discussions = DuplicateDiscussions.run(
            data, period: Self.summer, settings: AnalyticsSettings(), today: Day("2025-12-01")!)

        // Act
        let signal = DuplicationEvidence(overlap: overlap, discussions: discussions)

        // Check: the CSP has one of its three items at the VRP (a third), beating three of its four members on the
        // board (0.75 × 0.4 = 0.3); the board's members all sit on the CSP (1 × 0.4) and none of its business is
        // discussed elsewhere.
        let csp = try #require(signal.duplication(of: "csp"))
        #expect(csp.share == 1.0 / 3)
        #expect(
            csp.reason
                == "1 of its 3 items was also discussed at the Violence Reduction Partnership, with the same people")
        let board = try #require(signal.duplication(of: "board"))
        #expect(
            board.share == 0.4 && board.reason == "All 3 of its members also sit on the Community Safety Partnership")
        #expect(signal.entries["vrp"]?.membershipShare == 0.5 && signal.duplication(of: "nobody") == nil)
        #expect(
            DuplicationEvidence.membershipReason(shared: 3, of: 4, other: "The Board")
                == "Most of its members (3 of 4) also sit on The Board")
        #expect(
            DuplicationEvidence.discussionReason(
                DuplicateDiscussions.Row(
                    key: "x", name: "X", items: 40, duplicated: 12,
                    elsewhere: [
                        .init(partnershipKey: "c", name: "Community Safety Partnership", items: 10),
                        .init(partnershipKey: "d", name: "D", items: 2),
                        .init(partnershipKey: "e", name: "E", items: 1)
                    ]))
                == "12 of its 40 items were also discussed at the Community Safety Partnership and 2 other partnerships, with the same people"
        )

        // And triage counts it: the board's business is duplicated, so it is not attended at the lowest capacity.
        let triage = Triage.run(
            data, personKey: "p1", capacity: 0, period: Self.summer, settings: AnalyticsSettings(),
            today: Day("2025-12-01")!,
            duplication: signal)
        #expect(triage.entries.first { $0.partnershipKey == "board" }?.duplicationShare == 0.4)
        #expect(triage.entries.first { $0.partnershipKey == "board" }?.reasons.contains(board.reason) == true)
    }

    // MARK: Near-duplicate priorities

    static let priorities = [
        PriorityText(
            key: "p1", strategyKey: "police-and-crime-plan", title: "Reduce drug-related deaths",
            description: "Fewer deaths from drug misuse"),
        PriorityText(
            key: "p2", strategyKey: "cdp-plan", title: "Reduce drug-related deaths",
            description: "Fewer overdose deaths from drug misuse"),
        PriorityText(
            key: "p3", strategyKey: "csp-strategy", title: "Prevent drug-related deaths",
            description: "Fewer overdose deaths from drug misuse"),
        PriorityText(
            key: "p4", strategyKey: "csp-strategy", title: "Tackle knife crime among young people",
            description: "Knife crime offences by young people"),
        PriorityText(
            key: "p5", strategyKey: "csp-strategy", title: "Tackle knife crime among young adults",
            description: "Knife crime offences by young adults"),
        PriorityText(
            key: "p6", strategyKey: "cdp-plan", title: "Improve road safety",
            description: "Fewer people killed or seriously injured on the roads")
    ]

    @Test func sixPrioritiesAreFourDistinctOnes() throws {
        // Act
        let report = PriorityDuplicates.run(Self.priorities, settings: AnalyticsSettings())

        // Check: the three drug-deaths priorities of three strategies are one; the two knife-crime priorities are
        // alike but of one strategy, so they stay two; road safety stands alone.
        #expect(report.summary == "6 priorities are 4 distinct ones")
        let cluster = try #require(report.clusters.first)
        #expect(report.clusters.count == 1 && cluster.members.map(\.key) == ["p1", "p2", "p3"])
        #expect(cluster.strategyKeys == ["cdp-plan", "csp-strategy", "police-and-crime-plan"])
        // p2 has what p1 and p3 each share with it (reduce; overdose), and they share less with each other.
        #expect(cluster.representative.key == "p2", "the one most like the other two")
        #expect(report.singletons.map(\.key) == ["p4", "p5", "p6"])
        #expect(
            report.consolidated.map(\.title) == [
                "Reduce drug-related deaths", "Tackle knife crime among young people",
                "Tackle knife crime among young adults", "Improve road safety"
            ])
        #expect(report.consolidated[0].strategyKeys == cluster.strategyKeys && report.consolidated[0].isMerged)
        // The same priorities in another order give the same clusters.
        let reversed = PriorityDuplicates.run(Self.priorities.reversed(), settings: AnalyticsSettings())
        #expect(reversed.summary == report.summary && reversed.clusters.first?.representative.key == "p2")
        #expect(Set(reversed.clusters.first?.members.map(\.key) ?? []) == ["p1", "p2", "p3"])
        #expect(PriorityDuplicates.run([], settings: AnalyticsSettings()).summary == "0 priorities are 0 distinct ones")
    }

    // MARK: Settings

    @Test func theDuplicationSettingsAreCheckedLikeTheOthers() {
        var settings = AnalyticsSettings()
        #expect(
            settings.duplicateWindowDays == 90 && settings.duplicateTextThreshold == 50
                && settings.duplicateAttendeeThreshold == 50)
        #expect(settings.set("duplicate-text-threshold", "60%") == nil && settings.duplicateTextThreshold == 60)
        #expect(settings.set("duplicate-text-threshold", "0")?.message.contains("from 1 to 100") == true)
        #expect(
            settings.set("duplicate-window-days", "30") == nil
                && settings.set("priority-similarity-threshold", "101") != nil)
        #expect(settings.changed == ["duplicate-text-threshold": "60", "duplicate-window-days": "30"])
        #expect(AnalyticsSettings(stored: settings.changed) == settings)
    }
}
