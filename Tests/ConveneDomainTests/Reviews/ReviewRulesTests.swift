import ConveneDomain
import Foundation
import Testing

/// The review's findings and proposals on a small landscape worked out by hand: a statutory board that decides and
/// delivers nothing, two boards of the same people discussing the same things, a forum that costs money and produces
/// nothing, a board whose terms of reference are overdue, and a healthy one.
@Suite struct ReviewRulesTests {
    static let year = Period(from: Day("2025-06-01")!, to: Day("2026-05-31")!)
    static let today = Day("2026-06-15")!

    static func meeting(_ key: String, _ partnership: String, _ day: String, _ people: [String]) -> Meeting {
        let start = ISO8601DateFormatter().date(from: "\(day)T09:00:00Z")!
        return Meeting(
            key: key, partnershipKey: partnership, name: "\(partnership) meeting", startsAt: start,
            endsAt: start.addingTimeInterval(7_200), status: .held,
            attendance: people.map { Attendance(personKey: $0) })
    }

    static func item(
        _ meeting: String, _ n: Int, _ title: String, _ kind: AgendaItemKind = .discussion
    ) -> AgendaItem {
        let partnership = String(meeting.prefix { $0 != "-" })
        return AgendaItem(
            key: "\(meeting)-\(n)", partnershipKey: partnership, meetingKey: meeting, position: n, title: title,
            kind: kind)
    }

    static func action(
        _ key: String, _ partnership: String, raised: String, due: String, _ status: ActionStatus
    ) -> ActionItem {
        ActionItem(
            key: key, partnershipKey: partnership, title: "Action \(key)", ownerPersonKey: "pcc",
            raisedOn: Day(raised)!, dueOn: Day(due)!, status: status)
    }

    /// The landscape. Members attend every meeting of their board; the PCC sits on the CSP and the youth board.
    static func landscape() -> AnalyticsData {
        let seats: [(String, [String])] = [
            ("csp", ["pcc", "c1", "c2"]), ("vawg", ["v1", "v2", "v3", "v4", "v5"]), ("dv", ["v1", "v2", "v3", "v4"]),
            ("asb", ["a1", "a2", "a3", "a4"]), ("rr", ["r1", "r2", "r3"]), ("yos", ["pcc", "y1", "y2", "y3"])
        ]
        let directors: Set<String> = ["c1", "v1", "r1", "y1"]
        var people = [
            Person(
                key: "pcc", name: "Police and Crime Commissioner", roleTitle: "Police and Crime Commissioner",
                seniority: .electedOfficial)
        ]
        for key in Set(seats.flatMap(\.1)).subtracting(["pcc"]).sorted() {
            people.append(Person(key: key, name: "Person \(key)", seniority: directors.contains(key) ? .director : nil))
        }
        let partnerships = [
            Partnership(
                key: "csp", name: "Community Safety Partnership", type: .communitySafetyPartnership,
                statutoryBasis: "Crime and Disorder Act 1998"),
            Partnership(key: "vawg", name: "VAWG Board", type: .vawgBoard),
            Partnership(key: "dv", name: "Domestic Abuse Board", type: .strategicBoard),
            Partnership(key: "asb", name: "Anti-social Behaviour Forum", type: .forum),
            Partnership(key: "rr", name: "Reducing Reoffending Board", type: .reducingReoffendingBoard),
            Partnership(key: "yos", name: "Youth Justice Board", type: .strategicBoard),
            Partnership(
                key: "old", name: "Old Board", type: .forum, status: .discontinued, endedOn: Day("2024-03-31")!)
        ]
        let memberships = seats.flatMap { p, members in
            members.map { Membership(key: "\(p)-\($0)", partnershipKey: p, personKey: $0) }
        }
        let members = Dictionary(uniqueKeysWithValues: seats)
        let schedule: [(String, [String])] = [
            ("csp", ["2025-07-01", "2025-10-01", "2026-01-12", "2026-04-01"]),
            ("vawg", ["2025-07-01", "2025-10-01", "2026-01-10"]), ("dv", ["2025-07-15", "2025-10-15"]),
            ("asb", ["2025-08-01", "2025-11-03", "2026-02-02"]), ("rr", ["2025-09-01", "2026-03-02"]),
            ("yos", ["2025-06-16", "2025-11-17", "2026-03-16"])
        ]
        let meetings = schedule.flatMap { p, days in
            days.enumerated().map { n, day in meeting("\(p)-m\(n + 1)", p, day, members[p]!) }
        }
        let items = [
            item("csp-m1", 1, "Strategic assessment of community safety"),
            item("csp-m2", 1, "Shoplifting trends in town centres", .information),
            item("csp-m3", 1, "Hate crime reporting", .information),
            item("csp-m4", 1, "Community trigger annual return", .information),
            item("vawg-m1", 1, "Domestic abuse perpetrator programme funding", .decision),
            item("vawg-m1", 2, "Refuge capacity in the north of the county", .decision),
            item("vawg-m2", 1, "Stalking protection orders and police use", .decision),
            item("vawg-m2", 2, "Schools healthy relationships education"),
            item("vawg-m3", 1, "Night-time economy safety charter", .decision),
            item("vawg-m3", 2, "Survivor voice panel"),
            item("dv-m1", 1, "Domestic abuse perpetrator programme funding"),
            item("dv-m2", 1, "Stalking protection orders and police use", .decision),
            item("asb-m1", 1, "Neighbourhood warden update", .information),
            item("asb-m2", 1, "Fly-tipping hotspots", .information),
            item("asb-m3", 1, "Dispersal order statistics", .information),
            item("rr-m1", 1, "Accommodation for prison leavers", .decision),
            item("rr-m2", 1, "Integrated offender management cohort", .decision),
            item("yos-m1", 1, "Out-of-court disposals panel", .decision),
            item("yos-m2", 1, "Knife crime diversion scheme", .decision),
            item("yos-m3", 1, "Remand placements budget", .decision)
        ]
        let decided = [
            "vawg-m1-1", "vawg-m1-2", "vawg-m2-1", "vawg-m3-1", "dv-m2-1", "rr-m1-1", "rr-m2-1", "yos-m1-1",
            "yos-m2-1", "yos-m3-1"
        ]
        let actions = [
            action("csp-a1", "csp", raised: "2025-07-01", due: "2025-08-01", .open),
            action("csp-a2", "csp", raised: "2025-10-01", due: "2025-11-01", .inProgress),
            action("vawg-a1", "vawg", raised: "2025-07-01", due: "2025-09-01", .done),
            action("vawg-a2", "vawg", raised: "2025-10-01", due: "2025-12-01", .done),
            action("dv-a1", "dv", raised: "2025-10-15", due: "2026-09-01", .open),
            action("asb-a1", "asb", raised: "2025-08-01", due: "2025-09-01", .open),
            action("asb-a2", "asb", raised: "2025-11-03", due: "2025-12-01", .open),
            action("asb-a3", "asb", raised: "2025-11-03", due: "2025-12-01", .done),
            action("rr-a1", "rr", raised: "2025-09-01", due: "2025-12-01", .done),
            action("rr-a2", "rr", raised: "2026-03-02", due: "2026-09-01", .open),
            action("yos-a1", "yos", raised: "2025-06-16", due: "2025-09-01", .done),
            action("yos-a2", "yos", raised: "2025-11-17", due: "2026-01-01", .done)
        ]
        let terms = [
            TermsOfReference(
                partnershipKey: "vawg", version: 2, approvedOn: Day("2025-09-01")!, reviewDue: Day("2026-09-01")!),
            TermsOfReference(partnershipKey: "rr", version: 1, approvedOn: Day("2024-01-10")!),
            TermsOfReference(
                partnershipKey: "yos", version: 3, approvedOn: Day("2025-12-01")!, reviewDue: Day("2026-12-01")!)
        ]
        return AnalyticsData(
            persons: people, partnerships: partnerships, memberships: memberships, termsOfReference: terms,
            meetings: meetings, items: items, decisions: decided.map { Decision(itemKey: $0, decision: "Agreed") },
            actions: actions)
    }

    /// The plan has two priorities; the youth board's strategy carries one, the forum's carries neither (nor do
    /// the `more` priorities added to the forum's strategy).
    static func alignment(more: [String] = []) -> Alignment.Report {
        let strategies = [
            Strategy(
                key: "pcp", name: "Police and Crime Plan", kind: .policeAndCrimePlan, ownerOrganisationKey: "opcc"),
            Strategy(key: "yos-s", name: "Youth justice plan", kind: .partnershipStrategy, ownerPartnershipKey: "yos"),
            Strategy(key: "asb-s", name: "ASB strategy", kind: .partnershipStrategy, ownerPartnershipKey: "asb")
        ]
        let priorities =
            [
                Priority(key: "pcp-1", strategyKey: "pcp", title: "Reduce reoffending", position: 1),
                Priority(
                    key: "pcp-2", strategyKey: "pcp", title: "Tackle violence against women and girls", position: 2),
                Priority(key: "yos-p1", strategyKey: "yos-s", title: "Divert children", planPriorityKeys: ["pcp-1"]),
                Priority(key: "asb-p1", strategyKey: "asb-s", title: "Cleaner streets")
            ] + more.map { Priority(key: $0, strategyKey: "asb-s", title: "Priority \($0)") }
        return Alignment.run(strategies: strategies, priorities: priorities, frameworks: [])
    }

    static func findings(
        _ data: AnalyticsData = landscape(), survey: [String: [ReviewSurveySignal]] = [:],
        alignment: Alignment.Report = alignment()
    ) -> [ReviewFindings] {
        ReviewFindings.gather(from: data, period: year, today: today, alignment: alignment, surveySignals: survey)
    }

    static func proposals(_ recommendations: [ReviewRecommendation]) -> [String: ReviewRecommendation.Proposal] {
        Dictionary(uniqueKeysWithValues: recommendations.map { ($0.partnershipKey, $0.proposal) })
    }

    @Test func eachBoardGetsTheProposalItsFiguresCallFor() {
        // Act
        let recommendations = ReviewRules.recommend(Self.findings())

        // Check: the ended board is left out; the rest come by name.
        #expect(
            recommendations.map(\.partnershipKey) == ["asb", "csp", "dv", "rr", "vawg", "yos"],
            "by name, without the discontinued Old Board")
        #expect(
            Self.proposals(recommendations) == [
                "asb": .discontinue, "csp": .reform, "dv": .merge(with: "vawg"), "rr": .reform, "vawg": .continue,
                "yos": .continue
            ])
    }

    @Test func gatherTakesItsFiguresFromTheAnalyses() throws {
        let findings = Dictionary(uniqueKeysWithValues: Self.findings().map { ($0.partnershipKey, $0) })

        // The forum: 3 meetings × 4 people × (2 h + 1 h) at £28.35 an hour = £1,020.60, over a 365-day period.
        let asb = try #require(findings["asb"])
        #expect(asb.cost.meetingsHeld == 3 && asb.cost.personMinutes == 3 * 4 * 180)
        #expect(asb.cost.cost == Money(pence: 102_060) && asb.cost.annualCost == asb.cost.cost)
        #expect(asb.delivery.figures.decisions == 0 && asb.delivery.overdueActionKeys == ["asb-a1", "asb-a2"])
        #expect(asb.alignment.state == .assessed && asb.alignment.priorities == 1 && asb.alignment.aligned == 0)
        #expect(asb.overlap == nil && asb.termsOfReference.state == .unknown)

        // The two boards of the same people: all four of the smaller one's, and two discussions in common.
        let dv = try #require(findings["dv"])
        let overlap = try #require(dv.overlap)
        #expect(overlap.otherKey == "vawg" && overlap.sharedPeople == 4 && overlap.overlap == 1)
        #expect(overlap.otherDecisions == 4 && dv.delivery.figures.decisions == 1)
        #expect(dv.duplication.with("vawg")?.discussions == 2 && dv.duplication.duplicated == 2)

        // Terms of reference: approved January 2024 with no review date, so due January 2025.
        let rr = try #require(findings["rr"])
        #expect(rr.termsOfReference.state == .overdue && rr.termsOfReference.dueOn == Day("2025-01-10")!)
        #expect(findings["yos"]?.termsOfReference.state == .current)
        #expect(findings["yos"]?.alignment.planPriorityKeys == ["pcp-1"])
        #expect(findings["csp"]?.alignment.state == .noPrioritiesRecorded)
        #expect(findings["old"] == nil)
    }

    @Test func reasonsGiveTheFiguresAndEvidenceThatExists() throws {
        // Setup
        let data = Self.landscape()
        let survey = ["yos": [Self.concern(respondents: 6, agree: 0.5)]]
        let known: [ReviewEvidence.Kind: Set<String>] = [
            .partnership: Set(data.partnerships.map(\.key)), .meeting: Set(data.meetings.map(\.key)),
            .action: Set(data.actions.map(\.key)), .agendaItem: Set(data.items.map(\.key)),
            .strategy: ["pcp", "yos-s", "asb-s"], .priority: ["pcp-1", "pcp-2", "yos-p1", "asb-p1"],
            .termsOfReference: Set(data.termsOfReference.map { "\($0.partnershipKey)#\($0.version)" }),
            .analysis: ["cost", "attendance", "delivery", "overlap", "duplicates", "alignment"], .survey: ["s1"]
        ]

        // Act
        let recommendations = ReviewRules.recommend(Self.findings(data, survey: survey))

        // Check: every reason has evidence, and every piece of evidence is a record of the landscape.
        for r in recommendations {
            #expect(!r.reasons.isEmpty)
            for reason in r.reasons {
                #expect(!reason.evidence.isEmpty, "\(r.partnershipKey): \(reason.sentence)")
                for e in reason.evidence {
                    #expect(known[e.kind]?.contains(e.key) == true, "\(r.partnershipKey): \(e.kind) \(e.key)")
                }
            }
        }
        let byKey = Dictionary(uniqueKeysWithValues: recommendations.map { ($0.partnershipKey, $0) })
        let asb = try #require(byKey["asb"])
        #expect(
            asb.sentences.prefix(3) == [
                "Met 3 times from 1 June 2025 to 31 May 2026 at a cost of £1,021 in salaries (36 person-hours)",
                "Made no decisions at its 3 meetings",
                "2 of the 3 actions it raised in the period are overdue (67%)"
            ])
        #expect(asb.sentences.contains("Its one priority carries no Police and Crime Plan priority"))
        let overdue = try #require(asb.reasons.first { $0.sentence.contains("overdue") })
        #expect(overdue.evidence.filter { $0.kind == .action }.map(\.key) == ["asb-a1", "asb-a2"])

        let dv = try #require(byKey["dv"])
        #expect(
            dv.sentences.prefix(2) == [
                "4 people sit on both it and the VAWG Board: 100% of the smaller board's 4 members, "
                    + "and 2 of their discussions in the period were the same, with the same people",
                "It made 1 decision in the period against the VAWG Board's 4"
            ])
        #expect(
            Set(dv.evidence.filter { $0.kind == .agendaItem }.map(\.key)) == [
                "dv-m1-1", "dv-m2-1", "vawg-m1-1", "vawg-m2-1"
            ])
        #expect(byKey["vawg"]?.sentences.last == "The Domestic Abuse Board is proposed to merge into it")
        #expect(
            byKey["rr"]?.sentences.last?.hasPrefix("Its terms of reference (version 1), approved on 10 January 2024")
                == true)
        #expect(byKey["yos"]?.proposal == .reform, "half of six respondents is a concern")
        #expect(byKey["yos"]?.reasons.last?.evidence == [ReviewEvidence(.survey, "s1", "Partners' survey 2026")])
    }

    @Test func sentencesAgreeWithTheirNumbers() {
        // Act
        let one = ReviewRules.recommend(Self.findings())
        let two = ReviewRules.recommend(Self.findings(alignment: Self.alignment(more: ["asb-p2"])))

        // Check
        func sentences(_ r: [ReviewRecommendation], _ key: String) -> [String] {
            r.first { $0.partnershipKey == key }?.sentences ?? []
        }
        #expect(sentences(one, "yos").contains("Its one priority carries a Police and Crime Plan priority (100%)"))
        #expect(sentences(one, "vawg").contains("All 2 actions it raised in the period are done"))
        #expect(sentences(one, "csp").contains("All 2 actions it raised in the period are overdue (100%)"))
        #expect(sentences(one, "asb").contains("Its one priority carries no Police and Crime Plan priority"))
        #expect(sentences(two, "asb").contains("None of its 2 priorities carries a Police and Crime Plan priority"))
        #expect(sentences(one, "dv").first?.contains("the VAWG Board: 100%") == true)
        let merge = one.first { $0.partnershipKey == "dv" }?.reasons.first?.evidence ?? []
        #expect(merge.count == Set(merge).count, "each piece of evidence once")
    }

    static func concern(respondents: Int, agree: Double) -> ReviewSurveySignal {
        ReviewSurveySignal(
            surveyKey: "s1", surveyTitle: "Partners' survey 2026",
            statement: "This partnership is more like a talking shop", respondents: respondents, agreeShare: agree)
    }

    @Test func aSurveyCountsFromFiveRespondentsAndHalfAgreeing() {
        for (respondents, agree, expected) in [
            (4, 1.0, ReviewRecommendation.Proposal.continue), (5, 0.49, .continue), (5, 0.5, .reform)
        ] {
            let survey = ["yos": [Self.concern(respondents: respondents, agree: agree)]]
            let proposals = Self.proposals(ReviewRules.recommend(Self.findings(survey: survey)))
            #expect(proposals["yos"] == expected, "\(respondents) respondents, \(agree) agreeing")
        }
    }

    @Test func aStatutoryPartnershipIsNeverDiscontinuedNorMergedAway() throws {
        // Setup: every board statutory, and the CSP dormant too.
        var data = Self.landscape()
        var partnerships = data.partnerships
        for i in partnerships.indices where partnerships[i].statutoryBasis == nil {
            partnerships[i].statutoryBasis = "A statute"
        }
        let rebuilt = AnalyticsData(
            persons: data.persons, partnerships: partnerships, memberships: data.memberships,
            termsOfReference: data.termsOfReference, meetings: data.meetings, items: data.items,
            decisions: data.decisions, actions: data.actions)
        data = Self.landscape()
        let dormant = AnalyticsData(
            persons: data.persons, partnerships: data.partnerships, memberships: data.memberships,
            termsOfReference: data.termsOfReference, meetings: data.meetings.filter { $0.partnershipKey != "csp" },
            items: data.items, decisions: data.decisions, actions: data.actions)

        // Act
        let everyStatutory = ReviewRules.recommend(Self.findings(rebuilt))
        let cspDormant = ReviewRules.recommend(Self.findings(dormant))

        // Check: where the rules would discontinue or merge away, they reform, and say why.
        #expect(
            Self.proposals(everyStatutory) == [
                "asb": .reform, "csp": .reform, "dv": .reform, "rr": .reform, "vawg": .continue, "yos": .continue
            ])
        let dv = try #require(everyStatutory.first { $0.partnershipKey == "dv" })
        #expect(dv.sentences.contains { $0.hasPrefix("It is statutory (A statute), so it is not merged away") })
        let csp = try #require(cspDormant.first { $0.partnershipKey == "csp" })
        #expect(csp.proposal == .reform)
        #expect(
            csp.sentences.prefix(2) == [
                "It is statutory (Crime and Disorder Act 1998): the law requires it, "
                    + "so it is reformed rather than discontinued",
                "Held no meetings from 1 June 2025 to 31 May 2026"
            ])
        #expect(Self.proposals(ReviewRules.recommend(Self.findings()))["csp"] == .reform)
    }

    /// The landscape with the VAWG board's decisions cut to `vawg` and the domestic abuse board deciding both items.
    static func deciding(_ vawg: Set<String>) -> AnalyticsData {
        let data = Self.landscape()
        let decisions =
            data.decisions.filter { !$0.itemKey.hasPrefix("vawg") || vawg.contains($0.itemKey) }
            + [Decision(itemKey: "dv-m1-1", decision: "Fund")]
        return AnalyticsData(
            persons: data.persons, partnerships: data.partnerships, memberships: data.memberships,
            termsOfReference: data.termsOfReference, meetings: data.meetings, items: data.items,
            decisions: decisions, actions: data.actions)
    }

    @Test func theBoardThatDecidesLessGivesWayInAMerge() throws {
        // Act: the VAWG board decides once against the domestic abuse board's twice; then twice each.
        let fewer = ReviewRules.recommend(Self.findings(Self.deciding(["vawg-m1-1"])))
        let tied = ReviewRules.recommend(Self.findings(Self.deciding(["vawg-m1-1", "vawg-m2-1"])))

        // Check: the one deciding less gives way; on a tie the share of actions done decides (the VAWG board's two of
        // two against none of one). The other continues: the duplication goes with the merge.
        #expect(Self.proposals(fewer)["vawg"] == .merge(with: "dv") && Self.proposals(fewer)["dv"] == .continue)
        let vawg = try #require(fewer.first { $0.partnershipKey == "vawg" })
        #expect(
            vawg.sentences.dropFirst().first == "It made 1 decision in the period against the Domestic Abuse Board's 2")
        let dv = try #require(fewer.first { $0.partnershipKey == "dv" })
        #expect(dv.sentences.last == "The VAWG Board is proposed to merge into it")
        #expect(Self.proposals(tied)["vawg"] == .continue && Self.proposals(tied)["dv"] == .merge(with: "vawg"))
        let given = try #require(tied.first { $0.partnershipKey == "dv" })
        #expect(
            given.sentences.dropFirst().first
                == "It completed 0% of its actions in the period against the VAWG Board's 100%")
    }

    @Test func aNewPartnershipIsNotJudgedAndADormantOneIsDiscontinued() {
        // Setup: the forum started in September; the reoffending board held no meetings.
        let data = Self.landscape()
        var partnerships = data.partnerships
        partnerships[3].startedOn = Day("2025-09-01")!
        let changed = AnalyticsData(
            persons: data.persons, partnerships: partnerships, memberships: data.memberships,
            termsOfReference: data.termsOfReference, meetings: data.meetings.filter { $0.partnershipKey != "rr" },
            items: data.items, decisions: data.decisions, actions: data.actions.filter { $0.partnershipKey != "rr" })

        // Act
        let proposals = Self.proposals(ReviewRules.recommend(Self.findings(changed)))

        // Check
        #expect(proposals["asb"] == .continue && proposals["rr"] == .discontinue)
    }
}
