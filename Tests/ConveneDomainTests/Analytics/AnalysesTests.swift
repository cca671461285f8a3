import ConveneDomain
import Foundation
import Testing

/// Load, attendance quality, delivery and triage on small landscapes whose answers can be worked out by hand.
@Suite struct AnalysesTests {
    static let today = Day("2026-11-23")!
    static let meeting = CostAuditTests.meeting

    /// Two boards sharing a chair: a weekly group (six meetings in six weeks) and a monthly board (two meetings).
    static func twoBoards() -> AnalyticsData {
        let organisations = [
            Organisation(key: "opcc", name: "Office of the PCC", sector: .policingGovernance),
            Organisation(key: "police", name: "Police", sector: .police),
            Organisation(key: "council", name: "Council", sector: .localGovernment)
        ]
        let people = [
            Person(
                key: "pcc", name: "Police and Crime Commissioner", roleTitle: "Police and Crime Commissioner",
                organisationKey: "opcc", seniority: .electedOfficial),
            Person(key: "acc", name: "ACC", organisationKey: "police", seniority: .chiefOfficer),
            Person(key: "inspector", name: "Inspector", organisationKey: "police", seniority: .manager),
            Person(key: "sergeant", name: "Sergeant", organisationKey: "police", seniority: .officer),
            Person(key: "hcs", name: "Head of Community Safety", organisationKey: "council", seniority: .seniorManager)
        ]
        let partnerships = [
            Partnership(key: "weekly", name: "Weekly group", type: .subGroup),
            Partnership(
                key: "board", name: "Board", type: .communitySafetyPartnership,
                statutoryBasis: "Crime and Disorder Act 1998", pccRoles: [.chair])
        ]
        let memberships = [
            Membership(
                key: "w-acc", partnershipKey: "weekly", personKey: "acc", organisationKey: "police",
                substituteKey: "inspector"),
            Membership(key: "w-hcs", partnershipKey: "weekly", personKey: "hcs", organisationKey: "council"),
            Membership(key: "w-pcc", partnershipKey: "weekly", personKey: "pcc", organisationKey: "opcc"),
            Membership(key: "b-pcc", partnershipKey: "board", personKey: "pcc", organisationKey: "opcc", role: .chair),
            Membership(key: "b-acc", partnershipKey: "board", personKey: "acc", organisationKey: "police")
        ]
        // Weekly, Mondays 2025-06-02 … 2025-07-07: the ACC comes twice, the inspector stands in twice, the sergeant
        // once, and once nobody from the police; the head of community safety every time; the PCC never.
        let police: [Attendance?] = [
            Attendance(personKey: "acc"),
            Attendance(personKey: "inspector", status: .substitute, substituteForKey: "acc"),
            Attendance(personKey: "inspector", status: .substitute, substituteForKey: "acc"),
            Attendance(personKey: "acc"),
            Attendance(personKey: "sergeant", status: .substitute, substituteForKey: "acc"), nil
        ]
        var meetings = police.enumerated().map { i, a in
            meeting(
                "w\(i)", "weekly", Day("2025-06-02")!.adding(days: 7 * i).description, 1.5, .held,
                [Attendance(personKey: "hcs"), Attendance(personKey: "pcc", status: .apologies)]
                    + (a.map { [$0] } ?? []))
        }
        meetings.append(
            meeting("b1", "board", "2025-06-03", 2, .held, [Attendance(personKey: "pcc"), Attendance(personKey: "acc")])
        )
        meetings.append(
            meeting(
                "b2", "board", "2025-07-01", 2, .held,
                [Attendance(personKey: "pcc"), Attendance(personKey: "acc", status: .apologies)]))
        let items = [
            AgendaItem(
                key: "w0-1", partnershipKey: "weekly", meetingKey: "w0", title: "Performance report – June",
                kind: .information, durationMinutes: 60),
            AgendaItem(
                key: "w1-1", partnershipKey: "weekly", meetingKey: "w1", title: "Performance Report (June)",
                kind: .information, durationMinutes: 60),
            AgendaItem(
                key: "w2-1", partnershipKey: "weekly", meetingKey: "w2", title: "Performance report: July",
                kind: .information, durationMinutes: 60),
            AgendaItem(
                key: "w3-1", partnershipKey: "weekly", meetingKey: "w3", title: "Hotspot patrols", kind: .decision,
                durationMinutes: 30),
            AgendaItem(
                key: "w3-2", partnershipKey: "weekly", meetingKey: "w3", title: "Performance report",
                kind: .information, durationMinutes: 30),
            AgendaItem(
                key: "b1-1", partnershipKey: "board", meetingKey: "b1", title: "Strategic assessment", kind: .decision,
                durationMinutes: 60),
            AgendaItem(
                key: "b2-1", partnershipKey: "board", meetingKey: "b2", title: "Plan", kind: .decision,
                durationMinutes: 60)
        ]
        let decisions = [
            Decision(itemKey: "w3-1", decision: "Extend"), Decision(itemKey: "b1-1", decision: "Agreed"),
            Decision(itemKey: "b2-1", decision: "Agreed")
        ]
        let actions = [
            ActionItem(
                key: "a1", partnershipKey: "weekly", title: "Map", raisedOn: Day("2025-06-02")!,
                dueOn: Day("2025-06-30")!, status: .done),
            ActionItem(
                key: "a2", partnershipKey: "weekly", title: "Count", raisedOn: Day("2025-06-09")!,
                dueOn: Day("2025-06-30")!, status: .open),
            ActionItem(
                key: "a3", partnershipKey: "weekly", title: "Ask", raisedOn: Day("2025-06-16")!,
                dueOn: Day("2025-09-30")!, status: .inProgress),
            ActionItem(
                key: "a4", partnershipKey: "weekly", title: "Drop", raisedOn: Day("2025-06-16")!, status: .dropped)
        ]
        return AnalyticsData(
            organisations: organisations, persons: people, partnerships: partnerships, memberships: memberships,
            termsOfReference: [TermsOfReference(partnershipKey: "weekly", version: 1, quorum: 2)],
            meetings: meetings, items: items, decisions: decisions, actions: actions)
    }

    static let summer = Period(from: Day("2025-06-01")!, to: Day("2025-07-31")!)

    @Test func loadCountsTheDiaryWeekByWeekAndFlagsOvercommittedWeeks() {
        // Setup: over-committed at two meetings a week.
        var settings = AnalyticsSettings()
        settings.overcommittedMeetingsPerWeek = 2

        // Act
        let report = Load.run(Self.twoBoards(), period: Self.summer, settings: settings)

        // Check: the PCC is invited to all eight meetings and attended the two board meetings.
        let pcc = report.person("pcc")!
        #expect(pcc.total.meetings == 8 && pcc.total.attended == 2)
        #expect(pcc.total.minutes == 6 * (90 + 60) + 2 * (120 + 60))
        #expect(
            pcc.overcommittedWeeks == [Day("2025-06-02")!, Day("2025-06-30")!],
            "the weeks with a board meeting and the weekly group")
        #expect(pcc.weeks[Day("2025-06-02")!]?.meetings == 2 && pcc.days[Day("2025-06-03")!]?.meetings == 1)
        // The inspector is on the diary only for the meetings they attended.
        #expect(report.person("inspector")?.total.meetings == 2)
        #expect(report.weeks.first == Day("2025-05-26")! && report.weeks.last == Day("2025-07-28")!)
        let police = report.organisations.first { $0.key == "police" }!
        #expect(police.people == 3 && police.total.meetings == 8 + 2 + 1)
        #expect(Self.twoBoards().pcc?.key == "pcc" && Self.twoBoards().opccKeys == ["opcc"])
    }

    @Test func attendanceQualitySeparatesMembersSubstitutesAndMissedSeats() {
        let report = AttendanceQuality.run(Self.twoBoards(), period: Self.summer, today: Self.today)
        let weekly = report.partnerships.first { $0.key == "weekly" }!.figures
        // Seats: 6 meetings × 3 members. The ACC: 2 in person, 3 by substitute, 1 missed; the head of community
        // safety 6; the PCC missed 6.
        #expect(weekly.meetings == 6 && weekly.seats == 18)
        #expect(weekly.byMember == 8 && weekly.bySubstitute == 3 && weekly.missed == 7)
        // Senior present: the ACC (chief officer) twice; the head of community safety is a senior manager, not a director.
        #expect(weekly.seniorPresent == 2)
        // Police represented at meetings 0–4: pairs (0,1) inspector≠acc, (1,2) same, (2,3) no, (3,4) no → 1 of 4;
        // the council's five pairs are all the same person.
        #expect(weekly.pairs == 4 + 5 && weekly.consistentPairs == 1 + 5)
        // Quorum 2: met whenever the police were there (the head of community safety always is): 5 of 6.
        #expect(weekly.quorumKnown == 6 && weekly.quorate == 5)
        let police = report.organisations.first { $0.key == "police" }!.figures
        #expect(police.seats == 6 + 2 && police.byMember == 2 + 1 && police.bySubstitute == 3 && police.missed == 1 + 1)
    }

    @Test func deliveryFindsTheTalkingShopAndTheItemThatNeverGetsDecided() {
        let report = Delivery.run(Self.twoBoards(), period: Self.summer, today: Day("2025-07-31")!)
        let weekly = report.partnerships.first { $0.key == "weekly" }!
        #expect(weekly.figures.meetings == 6 && weekly.figures.decisions == 1 && weekly.figures.items == 5)
        #expect(weekly.figures.informationShare == 210.0 / 240.0)
        // Four actions raised, one dropped: one done of three, and the one due in June is overdue at the end of July.
        #expect(weekly.figures.completion == 1.0 / 3.0 && weekly.figures.overdueShare == 1.0 / 3.0)
        #expect(weekly.recurring.map(\.title) == ["Performance report – June"] && weekly.recurring.first?.meetings == 4)
        #expect(weekly.recurring.first?.itemKeys.count == 4)
        let board = report.partnerships.first { $0.key == "board" }!
        #expect(board.figures.decisionsPerMeeting == 1 && board.recurring.isEmpty)
        #expect(Delivery.normalisedTitle("Q3 Performance Report – March 2025") == "performance report")
    }

    /// The byte-by-byte reading of ASCII titles gives what reading them character by character gives.
    @Test func titlesNormaliseTheSameByBytesAndByCharacters() {
        func byCharacters(_ title: String) -> String {
            let months: Set<String> = [
                "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                "dec", "q1", "q2", "q3", "q4"
            ]
            return title.lowercased().split { !$0.isLetter }.map(String.init).filter {
                $0.count > 1 && !months.contains($0)
            }
            .joined(separator: " ")
        }
        var random = SeededRandom(seed: 11)
        let pieces = [
            "March", "MAY", "sept", "Q3", "december", "jan", "Performance", "report", "a", "I", "2025", "–", "(", ")",
            "-", " ",
            "  ", "x", "Zo", "AB", "\t", "@[`{", "Welcome", "é", "Ünïcode", "ǅ", "😀"
        ]
        for round in 0..<2_000 {
            let title = (0..<random.between(0...9)).map { _ in random.pick(pieces) }.joined(
                separator: random.chance(50) ? " " : "")
            #expect(Delivery.normalisedTitle(title) == byCharacters(title), "round \(round): '\(title)'")
        }
        #expect(Delivery.normalisedTitle("Minutes of 3 March, and AOB") == "minutes of and aob")
    }

    struct Duplicated: Triage.DuplicationSignal {
        func duplication(of partnershipKey: String) -> (share: Double, reason: String)? {
            partnershipKey == "weekly" ? (1, "Its business is also discussed at the board") : nil
        }
    }

    @Test func triageKeepsWhatThePCCChairsAndFitsTheCapacity() {
        // Act: capacity for the board's meetings only (about 12 a year from two in two months), then for everything.
        let data = Self.twoBoards()
        let tight = Triage.run(
            data, personKey: "pcc", capacity: 12, period: Self.summer, settings: AnalyticsSettings(), today: Self.today)
        let roomy = Triage.run(
            data, personKey: "pcc", capacity: 100, period: Self.summer, settings: AnalyticsSettings(), today: Self.today
        )
        let duplicated = Triage.run(
            data, personKey: "pcc", capacity: 100, period: Self.summer, settings: AnalyticsSettings(),
            today: Self.today,
            duplication: Duplicated())

        // Check
        let board = tight.entries.first { $0.partnershipKey == "board" }!
        #expect(board.recommendation == .attend && board.mustAttend && board.reasons.contains { $0.contains("chair") })
        #expect(board.meetingsPerYear == 12)
        let weekly = tight.entries.first { $0.partnershipKey == "weekly" }!
        #expect(weekly.meetingsPerYear == 36 && weekly.recommendation != .attend && tight.fits)
        #expect(weekly.reasons.first?.contains("past your capacity") == true)
        #expect(
            roomy.entries.first { $0.partnershipKey == "weekly" }?.recommendation == .papersOnly,
            "mostly information and hardly any decisions: its value is negative, so not attended even with room")
        #expect(duplicated.entries.first { $0.partnershipKey == "weekly" }?.recommendation == .decline)
        #expect(
            duplicated.entries.first { $0.partnershipKey == "weekly" }?.reasons.contains(
                "Its business is also discussed at the board") == true)
    }
}
