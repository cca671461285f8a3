// Over 400 lines: the strategies' rules and the national frameworks checked against the source reports.
import ConveneDomain
import Foundation
import Testing

/// Strategies and priorities: their field rules, the national frameworks as the reports word them, and the alignment
/// matrix on a small landscape worked out by hand.
@Suite struct StrategiesTests {
    static let seedFile = "/work/shared/seeds/003_f42a85b0be27b5de.txt"

    static func plan(_ change: (inout Strategy) -> Void = { _ in }) -> Strategy {
        var strategy = Strategy(
            key: "pcp", name: "Safer West Mercia Plan", kind: .policeAndCrimePlan, ownerOrganisationKey: "opcc",
            startsOn: Day("2021-11-01")!, endsOn: Day("2025-03-31")!,
            documentURL: "https://www.westmercia-pcc.gov.uk/safer-west-mercia-plan.pdf")
        change(&strategy)
        return strategy
    }

    static func messages(_ errors: [FieldError]) -> [String] { errors.map(\.description) }

    // MARK: Validation

    @Test func aCompleteStrategyHasNoErrors() {
        #expect(Self.plan().validate().isEmpty)
        #expect(
            Strategy(key: "cdp-plan", name: "Drug strategy", kind: .deliveryPlan, ownerPartnershipKey: "cdp").validate()
                .isEmpty)
        #expect(
            StrategyKind.parse("Police and Crime Plan") == .policeAndCrimePlan
                && StrategyStatus.parse("superseded") == .superseded)
    }

    @Test func strategyNeedsANameOfAtMost200Characters() {
        #expect(Self.messages(Self.plan { $0.name = "  " }.validate()) == ["name: Enter the strategy's name"])
        #expect(
            Self.messages(Self.plan { $0.name = String(repeating: "a", count: 201) }.validate())
                == ["name: The strategy's name must be 200 characters or fewer"])
        #expect(Self.plan { $0.name = String(repeating: "a", count: 200) }.validate().isEmpty)
        #expect(Self.plan { $0.key = "Plan 1" }.validate().map(\.field) == ["key"])
    }

    @Test func strategyHasExactlyOneOwner() {
        // Setup
        let none = Self.plan { $0.ownerOrganisationKey = nil }
        let both = Self.plan { $0.ownerPartnershipKey = "cdp" }

        // Act
        let errors = (none.validate(), both.validate())

        // Check
        #expect(Self.messages(errors.0) == ["owner: Choose the partnership or the organisation that owns the strategy"])
        #expect(
            Self.messages(errors.1) == ["owner: Choose either a partnership or an organisation as the owner, not both"])
        #expect(none.owner == nil && both.owner == nil && Self.plan().owner == .organisation("opcc"))
    }

    @Test func thePoliceAndCrimePlanIsOwnedByAnOrganisation() {
        let errors = Self.plan {
            $0.ownerOrganisationKey = nil; $0.ownerPartnershipKey = "police-and-crime-board"
        }.validate()
        #expect(
            Self.messages(errors)
                == [
                    "owner: The Police and Crime Plan is the PCC's plan: choose the organisation that owns it (the OPCC), not a partnership"
                ])
    }

    @Test func theKindOfStrategyMatchesItsOwner() {
        let partnership = Strategy(key: "s", name: "S", kind: .partnershipStrategy, ownerOrganisationKey: "police")
        let organisation = Strategy(key: "s", name: "S", kind: .organisationStrategy, ownerPartnershipKey: "csp")
        #expect(
            Self.messages(partnership.validate())
                == [
                    "owner: A partnership strategy is owned by a partnership; choose one, or make this an organisation strategy"
                ])
        #expect(
            Self.messages(organisation.validate())
                == [
                    "owner: An organisation strategy is owned by an organisation; choose one, or make this a partnership strategy"
                ])
    }

    @Test func strategyEndsOnOrAfterItStarts() {
        let errors = Self.plan { $0.endsOn = Day("2021-10-31") }.validate()
        #expect(
            Self.messages(errors) == ["ends_on: The end date must be the same as or after the start date (2021-11-01)"])
        #expect(Self.plan { $0.endsOn = $0.startsOn }.validate().isEmpty)
    }

    @Test(arguments: [
        "https://www.westmercia-pcc.gov.uk/plan.pdf", "http://intranet/plan",
        "HTTPS://Example.GOV.uk/Plan%201.pdf?v=2#p3",
        "https://example.org:8443/a"
    ])
    func documentAddressesThatAreAccepted(_ url: String) {
        #expect(Self.plan { $0.documentURL = url }.validate().isEmpty)
    }

    @Test(arguments: [
        "", "www.example.gov.uk/plan.pdf", "ftp://example.org/plan.pdf", "https://", "https:///plan.pdf",
        "https://exa mple.org/plan.pdf", "https://user:secret@example.org/", "https://example.org:99999/",
        "https://-example.org/", "https://example..org/", "javascript:alert(1)"
    ])
    func documentAddressesThatAreRefused(_ url: String) {
        let errors = Self.plan { $0.documentURL = url }.validate()
        #expect(
            Self.messages(errors) == [
                "document_url: '\(url)' is not a web address; enter one starting with https:// or http://, like https://www.example.gov.uk/plan.pdf"
            ])
    }

    @Test func priorityRules() {
        // Setup
        let good = Priority(
            key: "cdp-1", strategyKey: "cdp-strategy", title: "Disrupt county lines", description: "Close lines.",
            theme: "Drugs", measures: ["County lines closed"], planPriorityKeys: ["pcp-1"],
            frameworkObjectiveKeys: ["harm-to-hope-1-3"])
        func errors(_ change: (inout Priority) -> Void) -> [String] {
            var priority = good
            change(&priority)
            return Self.messages(priority.validate())
        }

        // Act, Check: one rule at a time.
        #expect(good.validate().isEmpty)
        #expect(errors { $0.title = "" } == ["title: Enter the priority's title"])
        #expect(
            errors { $0.title = String(repeating: "t", count: 201) } == [
                "title: The priority's title must be 200 characters or fewer"
            ])
        #expect(
            errors { $0.description = String(repeating: "d", count: 2001) } == [
                "description: The description must be 2000 characters or fewer"
            ])
        #expect(errors { $0.description = "" }.isEmpty)
        #expect(errors { $0.theme = " " } == ["theme: The theme must be 1 to 80 characters, or left out"])
        #expect(
            errors { $0.measures = ["Fewer deaths", " ", String(repeating: "m", count: 201)] }
                == [
                    "measures: Measure 2 is empty; enter the measure or remove it",
                    "measures: Measure 3 must be 200 characters or fewer"
                ])
        #expect(errors { $0.planPriorityKeys = ["cdp-1"] } == ["plan_priority_keys: A priority cannot carry itself"])
        #expect(
            errors { $0.planPriorityKeys = ["pcp-1", "pcp-1"] } == [
                "plan_priority_keys: A Police and Crime Plan priority is linked more than once"
            ])
        #expect(
            errors { $0.frameworkObjectiveKeys = ["harm-to-hope-9"] }
                == [
                    "framework_objective_keys: 'harm-to-hope-9' is not a national framework objective; expected a key like harm-to-hope-1-2"
                ])
        #expect(
            errors { $0.frameworkObjectiveKeys = ["tackling-vawg-1", "tackling-vawg-1"] }
                == ["framework_objective_keys: A national framework objective is linked more than once"])
        #expect(errors { $0.strategyKey = "" }.first?.hasPrefix("strategy_key: '' is not a valid identifier") == true)
    }

    // MARK: National frameworks

    @Test func harmToHopeHasItsThreePrioritiesAsSeed003WordsThem() {
        // Setup
        let framework = NationalFrameworks.harmToHope

        // Act
        let priorities = framework.topLevelObjectives

        // Check
        #expect(
            priorities.map(\.title) == [
                "Break drug supply chains", "Deliver a world-class treatment and recovery system",
                "Achieve a generational shift in the demand for drugs"
            ])
        #expect(priorities.map(\.key) == ["harm-to-hope-1", "harm-to-hope-2", "harm-to-hope-3"])
        #expect(priorities.map { framework.subObjectives(of: $0.key).count } == [5, 7, 3])
        #expect(framework.objectives.count == 18 && framework.year == 2021)
        #expect(NationalFrameworks.objective("harm-to-hope-1-2")?.title == "Going after the money")
        #expect(NationalFrameworks.objective("harm-to-hope-1-1")?.title == "Targeting the ‘middle market’")
        #expect(
            NationalFrameworks.objective("harm-to-hope-3-3")?.title
                == "Supporting young people and families most at risk of substance misuse or criminal exploitation")
        #expect(NationalFrameworks.framework(ofObjective: "harm-to-hope-2-7")?.key == "harm-to-hope")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedFile)))
    func everyHarmToHopeObjectiveReadsAsInTheSeed() throws {
        // Setup: the seed writes "**(ii) Deliver a world-class …**" and "- going after the money – disrupting …".
        let seed = try String(contentsOfFile: Self.seedFile, encoding: .utf8)
        func lowerFirst(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }

        // Act
        let missing = NationalFrameworks.harmToHope.objectives.filter { objective in
            guard objective.parentKey != nil, let detail = objective.detail else {
                return !seed.contains("\(objective.title)**")
            }
            return !seed.contains("- \(lowerFirst(objective.title)) – \(lowerFirst(detail))")
        }

        // Check
        #expect(missing.map(\.key) == [])
    }

    @Test func frameworkKeysAreUniqueAndEveryParentExists() {
        // Setup
        let objectives = NationalFrameworks.all.flatMap(\.objectives)

        // Act
        let keys = objectives.map(\.key)

        // Check
        #expect(Set(keys).count == keys.count)
        #expect(Set(NationalFrameworks.all.map(\.key)).count == NationalFrameworks.all.count)
        #expect(keys.allSatisfy(Key.isValid))
        for framework in NationalFrameworks.all {
            #expect(framework.objectives.allSatisfy { $0.key.hasPrefix(framework.key + "-") })
            #expect(framework.url.hasPrefix("https://www.gov.uk/") && Strategy.isWebAddress(framework.url))
            for (index, objective) in framework.objectives.enumerated() {
                guard let parent = objective.parentKey else { continue }
                // A sub-objective's parent is a top-level objective of the same framework, listed before it.
                let parentIndex = framework.objectives.firstIndex { $0.key == parent }
                #expect(parentIndex.map { $0 < index } == true, "\(objective.key)")
                #expect(parentIndex.map { framework.objectives[$0].parentKey == nil } == true)
            }
        }
        #expect(NationalFrameworks.objective("no-such-objective") == nil)
    }

    @Test func seriousViolenceDutyAndTheVAWGStrategy() {
        let duty = NationalFrameworks.seriousViolenceDuty
        #expect(duty.year == 2022 && duty.source.contains("Police, Crime, Sentencing and Courts Act 2022"))
        #expect(
            duty.objectives.map(\.title).contains(
                "Prepare and implement a strategy to prevent and reduce serious violence"))
        #expect(duty.objectives.allSatisfy { $0.parentKey == nil })
        let vawg = NationalFrameworks.tacklingVAWG
        #expect(vawg.year == 2021)
        #expect(
            vawg.objectives.map(\.title) == [
                "Prioritising prevention", "Supporting victims", "Pursuing perpetrators", "A stronger system"
            ])
        #expect(NationalFrameworks.all.map(\.key) == ["harm-to-hope", "serious-violence-duty", "tackling-vawg"])
    }
}

/// The alignment matrix on a landscape small enough to work out by hand:
/// - the Police and Crime Plan (OPCC, active): pcp-1 "Tackle drugs" → Harm to Hope 1; pcp-2 "Protect women and girls" →
///   VAWG 2; pcp-3 "Safer roads"; an older plan, superseded, with old-1;
/// - Combating Drugs Partnership: cdp-1 → pcp-1, Harm to Hope 1-3; cdp-2 → pcp-1, Harm to Hope 2 and 2-1;
/// - VAWG Board: vawg-1 → pcp-2, old-1, VAWG 2; vawg-2 → VAWG 1, Harm to Hope 3-2;
/// - Police (an organisation): police-1 → pcp-3; police-2 → nothing;
/// - Community Safety Partnership, draft: csp-1 → pcp-3, VAWG 4.
@Suite struct AlignmentTests {
    static let frameworks = [NationalFrameworks.harmToHope, NationalFrameworks.tacklingVAWG]
    static let partnershipNames = [
        "cdp": "Combating Drugs Partnership", "vawg-board": "VAWG Board", "csp": "Community Safety Partnership"
    ]
    static let organisationNames = ["opcc": "Office of the PCC", "police": "Police"]

    static func landscape(plans: [Strategy] = [AlignmentTests.plan]) -> (strategies: [Strategy], priorities: [Priority])
    {
        let strategies =
            plans + [
                Strategy(
                    key: "old-pcp", name: "Police and Crime Plan 2016", kind: .policeAndCrimePlan, status: .superseded,
                    ownerOrganisationKey: "opcc"),
                Strategy(
                    key: "police-strategy", name: "Policing plan", kind: .organisationStrategy,
                    ownerOrganisationKey: "police"),
                Strategy(
                    key: "vawg-strategy", name: "VAWG strategy", kind: .partnershipStrategy,
                    ownerPartnershipKey: "vawg-board"),
                Strategy(
                    key: "cdp-strategy", name: "Local drug strategy", kind: .partnershipStrategy,
                    ownerPartnershipKey: "cdp"),
                Strategy(
                    key: "csp-draft", name: "Community safety strategy", kind: .partnershipStrategy, status: .draft,
                    ownerPartnershipKey: "csp")
            ]
        // Listed out of order on purpose: the report sorts.
        let priorities = [
            Priority(key: "police-2", strategyKey: "police-strategy", title: "Neighbourhood visibility", position: 2),
            Priority(
                key: "vawg-2", strategyKey: "vawg-strategy", title: "Prevention in schools",
                frameworkObjectiveKeys: ["tackling-vawg-1", "harm-to-hope-3-2"], position: 2),
            Priority(key: "pcp-3", strategyKey: "pcp", title: "Safer roads", position: 3),
            Priority(
                key: "cdp-2", strategyKey: "cdp-strategy", title: "Treatment and recovery", planPriorityKeys: ["pcp-1"],
                frameworkObjectiveKeys: ["harm-to-hope-2", "harm-to-hope-2-1"], position: 2),
            Priority(
                key: "pcp-1", strategyKey: "pcp", title: "Tackle drugs", frameworkObjectiveKeys: ["harm-to-hope-1"],
                position: 1),
            Priority(
                key: "csp-1", strategyKey: "csp-draft", title: "Road safety", planPriorityKeys: ["pcp-3"],
                frameworkObjectiveKeys: ["tackling-vawg-4"], position: 1),
            Priority(
                key: "vawg-1", strategyKey: "vawg-strategy", title: "Support survivors",
                planPriorityKeys: ["pcp-2", "old-1"],
                frameworkObjectiveKeys: ["tackling-vawg-2"], position: 1),
            Priority(
                key: "police-1", strategyKey: "police-strategy", title: "Roads policing", planPriorityKeys: ["pcp-3"],
                position: 1),
            Priority(
                key: "old-1", strategyKey: "old-pcp", title: "Old priority", frameworkObjectiveKeys: ["tackling-vawg-3"]
            ),
            Priority(
                key: "cdp-1", strategyKey: "cdp-strategy", title: "Disrupt county lines", planPriorityKeys: ["pcp-1"],
                frameworkObjectiveKeys: ["harm-to-hope-1-3"], position: 1),
            Priority(
                key: "pcp-2", strategyKey: "pcp", title: "Protect women and girls",
                frameworkObjectiveKeys: ["tackling-vawg-2"], position: 2)
        ]
        return (strategies, priorities)
    }

    static let plan = Strategy(
        key: "pcp", name: "Police and Crime Plan", kind: .policeAndCrimePlan, ownerOrganisationKey: "opcc")

    static func run(plans: [Strategy] = [AlignmentTests.plan], counting: Set<StrategyStatus> = [.active])
        -> Alignment.Report
    {
        let (strategies, priorities) = landscape(plans: plans)
        return Alignment.run(
            strategies: strategies, priorities: priorities, frameworks: frameworks,
            partnershipNames: partnershipNames, organisationNames: organisationNames, counting: counting)
    }

    /// A row's cells by column id, for reading.
    static func cells(_ report: Alignment.Report, _ key: String) -> [String: Alignment.Cell] {
        var out: [String: Alignment.Cell] = [:]
        for (column, cell) in zip(report.columns, report.row(key)!.cells) { out[column.id] = cell }
        return out
    }

    @Test func rowsAndColumns() {
        // Act
        let report = Self.run()

        // Check: three plan columns, then 18 Harm to Hope and 4 VAWG objectives; draft and superseded strategies left out.
        #expect(report.planState == .one && report.plan?.key == "pcp")
        #expect(report.planColumns.map(\.key) == ["pcp-1", "pcp-2", "pcp-3"])
        #expect(report.columns.count == 3 + 18 + 4 && report.objectiveColumns.first?.key == "harm-to-hope-1")
        #expect(report.columns[4].key == "harm-to-hope-1-1" && report.columns[4].parentKey == "harm-to-hope-1")
        #expect(report.rows.map(\.priorityKey) == ["cdp-1", "cdp-2", "vawg-1", "vawg-2", "police-1", "police-2"])
        #expect(
            report.rows.map(\.ownerName) == [
                "Combating Drugs Partnership", "Combating Drugs Partnership", "VAWG Board", "VAWG Board", "Police",
                "Police"
            ])
        #expect(report.planRows.map(\.priorityKey) == ["pcp-1", "pcp-2", "pcp-3"])
        #expect(report.rows.allSatisfy { $0.cells.count == report.columns.count })
    }

    @Test func cellsCarryDirectlyOrThroughASubObjective() {
        let report = Self.run()
        #expect(
            Self.cells(report, "cdp-1") == [
                "plan-pcp-1": .carries, "objective-harm-to-hope-1": .carriesPart,
                "objective-harm-to-hope-1-3": .carries
            ])
        // A direct link to the parent is not lessened by the link to its sub-objective.
        #expect(
            Self.cells(report, "cdp-2") == [
                "plan-pcp-1": .carries, "objective-harm-to-hope-2": .carries,
                "objective-harm-to-hope-2-1": .carries
            ])
        #expect(Self.cells(report, "vawg-1") == ["plan-pcp-2": .carries, "objective-tackling-vawg-2": .carries])
        #expect(report.row("vawg-1")?.unmatchedLinks == ["old-1"], "a priority of the superseded plan")
        #expect(
            Self.cells(report, "vawg-2") == [
                "objective-tackling-vawg-1": .carries, "objective-harm-to-hope-3": .carriesPart,
                "objective-harm-to-hope-3-2": .carries
            ])
        #expect(Self.cells(report, "police-1") == ["plan-pcp-3": .carries])
        #expect(Self.cells(report, "pcp-1") == ["objective-harm-to-hope-1": .carries])
        #expect(report.rowsCarryingNothing.map(\.priorityKey) == ["police-2"])
    }

    @Test func coverageAndGaps() {
        // Act
        let report = Self.run()

        // Check: the plan priorities' carriers; pcp-3 is carried only by the police, an organisation.
        #expect(
            report.planCoverage.map { $0.carriers.map(\.name) } == [
                ["Combating Drugs Partnership"], ["VAWG Board"], ["Police"]
            ])
        #expect(report.planCoverage.map(\.priorityKeys) == [["cdp-1", "cdp-2"], ["vawg-1"], ["police-1"]])
        #expect(report.planPrioritiesNoPartnershipCarries.map(\.priorityKey) == ["pcp-3"])
        // Objectives: the plan's own links count, and a sub-objective carries its parent in part.
        let byKey = Dictionary(uniqueKeysWithValues: report.objectiveCoverage.map { ($0.objective.key, $0) })
        #expect(
            byKey["harm-to-hope-1"]?.priorityKeys == ["pcp-1"]
                && byKey["harm-to-hope-1"]?.partlyByPriorityKeys == ["cdp-1"])
        #expect(byKey["tackling-vawg-2"]?.priorityKeys == ["pcp-2", "vawg-1"])
        #expect(
            byKey["harm-to-hope-3"]?.priorityKeys == [] && byKey["harm-to-hope-3"]?.partlyByPriorityKeys == ["vawg-2"])
        #expect(
            report.uncarriedObjectives.map(\.objective.key) == [
                "harm-to-hope-1-1", "harm-to-hope-1-2", "harm-to-hope-1-4", "harm-to-hope-1-5",
                "harm-to-hope-2-2", "harm-to-hope-2-3", "harm-to-hope-2-4", "harm-to-hope-2-5", "harm-to-hope-2-6",
                "harm-to-hope-2-7",
                "harm-to-hope-3-1", "harm-to-hope-3-3", "tackling-vawg-3", "tackling-vawg-4"
            ])
        // Counts: 8 of 22 objectives; 2 of 3 plan priorities carried by a partnership.
        #expect(report.objectivesCarried == 8 && report.objectiveCount == 22 && report.objectiveShare == 8.0 / 22.0)
        #expect(
            report.planPrioritiesCarriedByPartnerships == 2 && report.planPriorityCount == 3
                && report.planShare == 2.0 / 3.0)
        #expect(
            report.summary == "8 of 22 framework objectives are carried; 1 plan priority is carried by no partnership")
    }

    @Test func countingDraftsBringsInTheCommunitySafetyStrategy() {
        // Act
        let report = Self.run(counting: [.active, .draft])

        // Check: "Combating…" sorts before "Community…"; the draft closes the plan gap and carries VAWG 4.
        #expect(
            report.rows.map(\.priorityKey) == ["cdp-1", "cdp-2", "csp-1", "vawg-1", "vawg-2", "police-1", "police-2"])
        #expect(report.planCoverage[2].carriers.map(\.name) == ["Community Safety Partnership", "Police"])
        #expect(report.planPrioritiesNoPartnershipCarries.isEmpty)
        #expect(
            report.summary
                == "9 of 22 framework objectives are carried; every plan priority is carried by a partnership")
    }

    @Test func withNoActivePlanThereAreNoPlanColumns() {
        // Setup: the plan is still a draft.
        var draft = Self.plan
        draft.status = .draft

        // Act
        let report = Self.run(plans: [draft])

        // Check: links to plan priorities match nothing; the framework objectives are still aligned.
        #expect(report.planState == .none && report.plan == nil)
        #expect(report.planColumns.isEmpty && report.planRows.isEmpty && report.planCoverage.isEmpty)
        #expect(report.columns.count == 22 && report.rows.count == 6)
        #expect(report.row("cdp-1")?.unmatchedLinks == ["pcp-1"])
        #expect(report.objectiveCoverage.first { $0.objective.key == "tackling-vawg-2" }?.priorityKeys == ["vawg-1"])
        #expect(report.objectivesCarried == 8 && report.planShare == nil)
        #expect(
            report.summary
                == "8 of 22 framework objectives are carried; there is no active Police and Crime Plan to align to")
    }

    @Test func withSeveralActivePlansNoneIsChosen() {
        // Setup
        let second = Strategy(
            key: "pcp-2025", name: "Police and Crime Plan 2025", kind: .policeAndCrimePlan, ownerOrganisationKey: "opcc"
        )

        // Act
        let report = Self.run(plans: [second, Self.plan])

        // Check
        #expect(report.planState == .several(["pcp", "pcp-2025"]) && report.plan == nil && report.planColumns.isEmpty)
        #expect(
            report.summary.hasSuffix(
                "; 2 Police and Crime Plans are active; mark the old ones superseded to align to the current one"))
    }

    @Test func noFrameworksAndAnEmptyWorkspace() {
        let report = Alignment.run(strategies: [], priorities: [], frameworks: [])
        #expect(report.columns.isEmpty && report.rows.isEmpty && report.objectiveShare == nil)
        #expect(
            report.summary == "No national framework is chosen; there is no active Police and Crime Plan to align to")
    }
}
