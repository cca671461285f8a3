import ConveneDomain
import Foundation
import Testing

/// The guidance's dates, repeats and statuses, worked out by hand from Appendix 1 of the CDP guidance.
@Suite struct MilestonesTests {
    static let seedFile = "/work/shared/seeds/003_f42a85b0be27b5de.txt"

    static func cdp() throws -> GuidanceTemplate {
        try #require(try GuidanceTemplateFile.shipped().first { $0.key == "cdp-guidance-2022" })
    }

    static func day(_ text: String) -> Day { Day(text)! }

    static func dues(_ tasks: [MilestoneTask]) -> [String: String] {
        Dictionary(
            tasks.map { ("\($0.step.key)#\($0.occurrence)", $0.due.description) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Dates

    @Test func fromPublicationTheStepsFallOnTheGuidancesOwnDates() throws {
        // Setup
        let template = try Self.cdp()

        // Act: a partnership formed before the guidance was published runs from its publication.
        let tasks = Milestones.tasks(
            template, partnershipStartedOn: Self.day("2021-04-01"), today: Self.day("2022-07-01"),
            facts: { _, _ in StepFacts() })

        // Check
        #expect(
            Self.dues(tasks) == [
                "nominate-sro#0": "2022-08-01", "form-partnership#0": "2022-08-01", "confirm-footprint#0": "2022-08-01",
                "agree-terms-of-reference#0": "2022-09-30", "joint-needs-assessment#0": "2022-11-30",
                "delivery-plan#0": "2022-12-31", "performance-framework#0": "2022-12-31",
                "progress-report#0": "2023-04-30"
            ])
    }

    @Test func aPartnershipStartedLaterGetsTheSameIntervalsFromItsOwnStart() throws {
        // Setup
        let template = try Self.cdp()

        // Act
        let tasks = Milestones.tasks(
            template, partnershipStartedOn: Self.day("2024-01-01"), today: Self.day("2024-02-01"),
            facts: { _, _ in StepFacts() })

        // Check: two months, then the ends of the 3rd, 5th, 6th and 10th months after January 2024.
        #expect(
            Self.dues(tasks) == [
                "nominate-sro#0": "2024-03-01", "form-partnership#0": "2024-03-01", "confirm-footprint#0": "2024-03-01",
                "agree-terms-of-reference#0": "2024-04-30", "joint-needs-assessment#0": "2024-06-30",
                "delivery-plan#0": "2024-07-31", "performance-framework#0": "2024-07-31",
                "progress-report#0": "2024-11-30"
            ])
    }

    @Test func theProgressReportIsOneTaskForEachYearBegunUpToToday() throws {
        // Setup
        let report = try #require(try Self.cdp().step("progress-report"))

        // Act
        let early = Milestones.occurrences(report, from: Self.day("2022-06-01"), today: Self.day("2023-04-30"))
        let later = Milestones.occurrences(report, from: Self.day("2022-06-01"), today: Self.day("2025-05-01"))

        // Check: on its due day the first is still the only one; once a due date passes, the next year's appears.
        #expect(early.map(\.description) == ["2023-04-30"])
        #expect(later.map(\.description) == ["2023-04-30", "2024-04-30", "2025-04-30", "2026-04-30"])
    }

    @Test func monthsAreKeptWithinTheMonthAndFixedDaysRepeat() {
        // Setup
        let step = GuidanceStep(
            key: "fixed", title: "Report", evidence: "The report", due: .on(Self.day("2024-01-31")),
            repeatsEveryMonths: 1)

        // Act
        let days = Milestones.occurrences(step, from: Self.day("2020-01-01"), today: Self.day("2024-03-30"))

        // Check
        #expect(days.map(\.description) == ["2024-01-31", "2024-02-29", "2024-03-31"])
        #expect(Self.day("2023-12-31").advanced(months: 2).description == "2024-02-29")
        #expect(Self.day("2024-02-10").lastOfMonth.description == "2024-02-29")
    }

    // MARK: Status

    @Test func rulesMakeStepsDoneAndOverdueIsWorkedOutFromToday() throws {
        // Setup: started 2024-01-01; the SRO and terms of reference are in the register, nothing else.
        let template = try Self.cdp()
        let met: Set<String> = ["nominate-sro", "agree-terms-of-reference"]

        // Act
        let tasks = Milestones.tasks(
            template, partnershipStartedOn: Self.day("2024-01-01"), today: Self.day("2024-09-01"),
            facts: { step, _ in StepFacts(ruleMet: met.contains(step)) })
        let byKey = Dictionary(uniqueKeysWithValues: tasks.map { ($0.step.key, $0) })

        // Check
        #expect(byKey["nominate-sro"]?.status == .done && byKey["nominate-sro"]?.doneBy == .rule)
        #expect(byKey["agree-terms-of-reference"]?.status == .done)
        #expect(
            tasks.filter(\.overdue).map(\.step.key) == [
                "form-partnership", "confirm-footprint", "joint-needs-assessment", "delivery-plan",
                "performance-framework"
            ])
        #expect(byKey["form-partnership"]?.status == .notStarted)
        #expect(byKey["delivery-plan"]?.status == .cannotStartYet, "it follows the needs assessment")
        #expect(byKey["progress-report"]?.status == .cannotStartYet && byKey["progress-report"]?.overdue == false)
    }

    @Test func evidenceMeansInProgressAndAConfirmationCountsOnlyWhereTheRegisterCannotKnow() throws {
        // Setup
        let template = try Self.cdp()

        // Act: evidence everywhere, and everything confirmed by hand, but no records behind the rules.
        let tasks = Milestones.tasks(
            template, partnershipStartedOn: nil, today: Self.day("2022-10-01"),
            facts: { step, _ in StepFacts(evidence: 1, confirmedDone: step != "joint-needs-assessment") })
        let byKey = Dictionary(uniqueKeysWithValues: tasks.map { ($0.step.key, $0) })

        // Check
        #expect(byKey["form-partnership"]?.status == .done && byKey["form-partnership"]?.doneBy == .person)
        #expect(byKey["nominate-sro"]?.status == .inProgress, "a rule step is not ticked by hand")
        #expect(byKey["nominate-sro"]?.overdue == true)
        #expect(byKey["joint-needs-assessment"]?.status == .inProgress)
        #expect(byKey["joint-needs-assessment"]?.overdue == false, "due at the end of November")
    }

    @Test func nothingCanStartBeforeThePartnershipDoes() throws {
        // Act
        let tasks = Milestones.tasks(
            try Self.cdp(), partnershipStartedOn: Self.day("2025-01-01"), today: Self.day("2024-12-01"),
            facts: { _, _ in StepFacts(evidence: 1) })

        // Check
        #expect(tasks.allSatisfy { $0.status == .cannotStartYet && !$0.overdue })
    }

    // MARK: The shipped guidance and the file format

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedFile)))
    func everyStepReadsAsInAppendixOne() throws {
        // Setup
        let seed = try String(contentsOfFile: Self.seedFile, encoding: .utf8)
        let appendix = String(seed[try #require(seed.range(of: "## Appendix 1")).upperBound...])

        // Act
        let template = try Self.cdp()
        let missing = template.steps.filter { !appendix.contains("<p>\($0.title)</p>") }.map(\.key)

        // Check
        #expect(template.steps.count == appendix.components(separatedBy: "<p>").count - 1)
        #expect(missing == [])
        #expect(appendix.contains("First progress report by end of April 2023 and every 12 months thereafter"))
        #expect(template.step("progress-report")?.repeatsEveryMonths == 12)
        #expect(
            template.partnershipType == .combatingDrugsPartnership && template.publishedOn.description == "2022-06-01")
    }

    @Test func aFileWithMistakesIsRefusedWithEveryBadFieldNamed() {
        // Setup
        let file = """
            {"templates": [
              {"key": "Bad Key", "title": "", "version": 0, "partnership_type": "cdp", "published_on": "2022-06-01",
               "steps": [
                 {"key": "a", "title": "A", "evidence": "E", "due": {"months": 300}},
                 {"key": "a", "title": "B", "evidence": "E", "due": {"on": "2023-01-01"}, "after": ["z"],
                  "repeats_every_months": 0}
               ]}
            ]}
            """

        // Act
        let result = GuidanceTemplateFile.read(Data(file.utf8))

        // Check
        let errors = result.errors
        #expect(result.templates.isEmpty)
        #expect(
            Set(errors.map(\.field)) == [
                "templates[0].key", "templates[0].title", "templates[0].version", "templates[0].steps[0].due.months",
                "templates[0].steps[1].key", "templates[0].steps[1].repeats_every_months",
                "templates[0].steps[1].after"
            ])
    }

    @Test func aFieldOfTheWrongKindIsNamedByItsPlace() {
        // Act
        let result = GuidanceTemplateFile.read(
            Data(
                #"{"templates":[{"key":"k","title":"T","version":1,"partnership_type":"nope","published_on":"2022-06-01","steps":[]}]}"#
                    .utf8))

        // Check
        let errors = result.errors
        #expect(result.templates.isEmpty)
        #expect(errors.map(\.field) == ["templates[0].partnership_type"])
    }

    @Test func writingAndReadingBackGivesTheSameTemplatesAndTheSameBytes() throws {
        // Setup
        let templates = try GuidanceTemplateFile.shipped()

        // Act
        let written = try GuidanceTemplateFile.write(templates)
        let read = GuidanceTemplateFile.read(written).templates

        // Check
        #expect(read == templates)
        #expect(try GuidanceTemplateFile.write(read) == written)
    }
}

/// The footprint rule on a county of two districts and a unitary authority.
@Suite struct FootprintRuleTests {
    static let areas = [
        Area(code: "E10000001", name: "Shire County", kind: .upperTierAuthority),
        Area(code: "E07000001", name: "North District", kind: .district),
        Area(code: "E07000002", name: "South District", kind: .district),
        Area(code: "E06000001", name: "Unitary Town", kind: .district)
    ]
    static let links = [
        AreaLink(districtCode: "E07000001", areaCode: "E10000001"),
        AreaLink(districtCode: "E07000002", areaCode: "E10000001")
    ]

    static func covers(_ codes: [String]) -> Bool {
        GuidanceRules.footprintCoversItsUpperTiers(codes, areas: areas, links: links)
    }

    @Test func aWholeUpperTierCountsAndPartOfOneDoesNot() {
        #expect(Self.covers(["E10000001"]))
        #expect(Self.covers(["E07000001", "E07000002"]))
        #expect(Self.covers(["E06000001"]), "a unitary authority is its own upper tier")
        #expect(Self.covers(["E10000001", "E06000001"]))
        #expect(!Self.covers(["E07000001"]), "half the county")
        #expect(!Self.covers([]))
        #expect(!Self.covers(["E99999999"]), "an area the lookups do not know")
    }
}
