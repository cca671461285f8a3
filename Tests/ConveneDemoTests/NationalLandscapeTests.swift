import Foundation
import Testing

@testable import ConveneDemo
@testable import ConveneDomain

/// The national landscape, checked on two workspaces built once for the suite: Kent (English) and Gwent
/// (Welsh), at the issue's scale.
@Suite("National landscape")
struct NationalLandscapeTests {
    static let options = NationalLandscape.Options()
    static let kent = NationalLandscape.workspace(31, options)
    static let gwent = NationalLandscape.workspace(40, options)

    static func held(_ workspace: NationalLandscape.Workspace) -> [Meeting] {
        workspace.register.meetings.filter { $0.status == .held }
    }

    // MARK: Determinism

    @Test func theSameSeedGivesTheSameWorkspaceAndAnotherSeedAnotherOne() {
        // Setup
        let small = NationalLandscape.Options(
            seed: 7, workspaces: 3, partnershipsPerWorkspace: 20, people: 300, meetingsPerYear: 200)
        var reseeded = small
        reseeded.seed = 8

        // Act
        let first = NationalLandscape.workspace(2, small)
        let again = NationalLandscape.workspace(2, small)
        let all = NationalLandscape.generate(small)
        let other = NationalLandscape.workspace(2, reseeded)

        // Check: equal by itself and when built after the others; a different seed moves people and meetings.
        #expect(first == again)
        #expect(all.count == 3 && all[2] == first)
        #expect(other != first)
        #expect(other.register.persons.map(\.name) != first.register.persons.map(\.name))
        #expect(other.register.meetings.map(\.key) != first.register.meetings.map(\.key))
        #expect(first.key == "lancashire" && first.forceAreaCode == "E23000003")
    }

    @Test func generatingSaysHowFarItHasGot() {
        let small = NationalLandscape.Options(
            workspaces: 2, partnershipsPerWorkspace: 12, people: 100, meetingsPerYear: 120)
        var lines: [String] = []

        let workspaces = NationalLandscape.generate(small) { lines.append($0) }

        #expect(workspaces.map(\.key) == ["metropolitan-police", "cumbria"])
        #expect(lines.count == 2 && lines[0].hasPrefix("[1/2] Metropolitan Police: 12 partnerships, 50 people"))
        #expect(workspaces.allSatisfy { $0.register.meetings.count == 120 })
    }

    // MARK: Size

    @Test func sizesAreTheIssues() {
        for workspace in [Self.kent, Self.gwent] {
            let register = workspace.register
            let held = Self.held(workspace)
            #expect(abs(register.meetings.count - 1_500) <= 15, "\(workspace.key): \(register.meetings.count) meetings")
            #expect(register.partnerships.count == 80)
            #expect(register.persons.count == Self.options.people(in: workspace.index))
            let perMeeting = Double(workspace.items.count) / Double(held.count)
            #expect((7.5...8.5).contains(perMeeting), "\(perMeeting) items a meeting")
            #expect(held.count > 1_400 && register.meetings.allSatisfy { [.held, .cancelled].contains($0.status) })
            #expect(register.meetings.allSatisfy { (60...180).contains($0.durationMinutes ?? 0) })
        }
        // The people of all 43 workspaces together.
        #expect((0..<43).reduce(0) { $0 + Self.options.people(in: $1) } == 25_000)
        #expect(Self.kent.register.persons.count == 581 && NationalLandscape.Options().people(in: 0) == 582)
    }

    @Test func everybodySitsOnABoardAndSeniorPeopleOnMany() {
        let register = Self.kent.register
        var seats: [String: Int] = [:]
        for membership in register.memberships { seats[membership.personKey!, default: 0] += 1 }

        let busiest = seats.filter { $0.key != Self.kent.commissionerKey }.values.max() ?? 0
        let several = seats.values.filter { $0 >= 5 }.count

        #expect(register.persons.allSatisfy { seats[$0.key, default: 0] >= 1 })
        #expect(busiest >= 8, "the busiest person after the commissioner sits on \(busiest) boards")
        #expect(several >= 30)
        // Most have a salary; some leave it to their band's default.
        let paid = register.persons.filter { $0.salaryBand != nil }.count
        #expect(paid > register.persons.count * 8 / 10 && paid < register.persons.count)
        #expect(register.persons.allSatisfy { $0.seniority != nil })
        #expect(register.memberships.filter { $0.substituteKey != nil }.count > register.memberships.count / 2)
        #expect(register.termsOfReference.filter { $0.quorum != nil }.count > 40)
        #expect(Set(register.partnerships.map(\.key)).count == 80 && register.partnerships.allSatisfy { $0.isDemo })
        #expect(register.partnerships.allSatisfy { $0.forceAreaCode == "E23000032" })
    }

    // MARK: Records that pass every check

    @Test func theRegisterAndTheBusinessPassEveryCheck() {
        for workspace in [Self.kent, Self.gwent] {
            // Setup
            var batch = ImportBatch()
            batch.register = workspace.register

            // Act
            let issues = RegisterCheck.issues(in: batch, known: .init())

            // Check
            #expect(issues.isEmpty, "\(issues.prefix(5))")
            let meetings = Set(workspace.register.meetings.map(\.key))
            let persons = Set(workspace.register.persons.map(\.key))
            let organisations = Set(workspace.register.organisations.map(\.key))
            let itemErrors = workspace.items.flatMap { $0.validate() } + workspace.actions.flatMap { $0.validate() }
            #expect(itemErrors.isEmpty, "\(itemErrors.prefix(5))")
            #expect(Set(workspace.items.map(\.key)).count == workspace.items.count)
            #expect(
                workspace.items.allSatisfy {
                    meetings.contains($0.meetingKey ?? "") && ($0.presenterKey.map(persons.contains) ?? true)
                })
            #expect(workspace.items.allSatisfy { $0.themes.allSatisfy(Themes.seeded.contains) })
            let items = Dictionary(uniqueKeysWithValues: workspace.items.map { ($0.key, $0) })
            #expect(workspace.decisions.allSatisfy { items[$0.itemKey]?.kind == .decision })
            #expect(Set(workspace.actions.map(\.key)).count == workspace.actions.count)
            #expect(
                workspace.actions.allSatisfy { action in
                    items[action.itemKey ?? ""]?.meetingKey == action.meetingKey
                        && (action.ownerPersonKey.map(persons.contains)
                            ?? organisations.contains(action.ownerOrganisationKey ?? ""))
                })
        }
    }

    @Test func agendasAreNumberedAndFitTheirMeetingsMostly() {
        let meetings = Dictionary(uniqueKeysWithValues: Self.kent.register.meetings.map { ($0.key, $0) })
        let agendas = Dictionary(grouping: Self.kent.items, by: { $0.meetingKey! })

        let overrunning = agendas.filter { key, items in
            Agenda.overrun(items, meetingMinutes: meetings[key]?.durationMinutes) != nil
        }.count

        #expect(agendas.values.allSatisfy { $0.map(\.position) == Array(1...$0.count) })
        #expect(agendas.keys.allSatisfy { meetings[$0]?.status == .held })
        #expect(
            overrunning > 0 && overrunning < agendas.count / 4, "\(overrunning) of \(agendas.count) agendas overrun")
    }

    // MARK: Attendance

    @Test func attendanceHasSubstitutesApologiesAndAbsences() {
        for workspace in [Self.kent, Self.gwent] {
            let register = workspace.register
            let statuses = Set(register.meetings.flatMap { $0.attendance.map(\.status) })
            #expect(statuses == Set(AttendanceStatus.allCases))
            // Every substitute stands in for a member who is not also there, as the meeting form requires.
            let partnerships = Dictionary(grouping: register.memberships, by: \.partnershipKey)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/London")!
            for meeting in Self.held(workspace) {
                let parts = calendar.dateComponents([.year, .month, .day], from: meeting.startsAt)
                let day = Day(year: parts.year!, month: parts.month!, day: parts.day!)!
                let members = Set(
                    (partnerships[meeting.partnershipKey] ?? []).filter { $0.isCurrent(on: day) }.compactMap(
                        \.personKey))
                let problems = Quorum.problems(members: members, attendance: meeting.attendance)
                #expect(problems.isEmpty, "\(meeting.key): \(problems)")
                if !problems.isEmpty { return }
            }
            let cancelled = register.meetings.filter { $0.status == .cancelled }
            #expect(!cancelled.isEmpty && cancelled.allSatisfy { $0.attendance.isEmpty })
        }
    }

    @Test func theCommissionerLeadsAFewBoardsAndIsInvitedToFarMoreMeetingsThanADiaryHolds() throws {
        let register = Self.kent.register
        let commissioner = try #require(register.persons.first { $0.key == Self.kent.commissionerKey })
        let seats = register.memberships.filter { $0.personKey == commissioner.key }
        let boards = Set(seats.map(\.partnershipKey))

        let invited = register.meetings.filter { boards.contains($0.partnershipKey) && $0.status == .held }
        let attended = invited.filter { $0.attendance.contains { $0.personKey == commissioner.key && $0.attended } }
        let delegated = invited.filter { $0.attendance.contains { $0.substituteForKey == commissioner.key } }

        #expect(commissioner.roleTitle == "Police and Crime Commissioner" && commissioner.seniority == .electedOfficial)
        #expect(seats.filter { $0.role == .chair || $0.role == .sro }.count >= 3)
        #expect(
            register.partnerships.filter { !Set($0.pccRoles).isDisjoint(with: [.sro, .chair, .coChair]) }.count >= 3)
        #expect(invited.count >= 200, "invited to \(invited.count) meetings")
        #expect(attended.count < invited.count / 2 && delegated.count > invited.count / 4)
        // The office: a chief executive and staff, who stand in for the commissioner.
        let office = try #require(commissioner.organisationKey)
        #expect(register.persons.filter { $0.organisationKey == office }.count >= 8)
        #expect(register.persons.contains { $0.organisationKey == office && $0.roleTitle == "Chief Executive" })
    }

    // MARK: Business

    @Test func actionsAreDoneOpenAndOverdueAndRecurringItemsRarelyDecideAnything() {
        let workspace = Self.kent
        let states = Set(workspace.actions.map(\.status))
        let overdue = workspace.actions.filter { $0.isOverdue(on: workspace.asOf) }.count

        #expect(states == Set(ActionStatus.allCases))
        #expect(overdue > workspace.actions.count / 20 && overdue < workspace.actions.count / 2)
        #expect(Double(workspace.actions.count) / Double(Self.held(workspace).count) > 1)
        // Some business comes back to most meetings of a partnership without ever being decided: the talking shop.
        let heldCount = Dictionary(grouping: Self.held(workspace), by: \.partnershipKey).mapValues(\.count)
        let decided = Set(workspace.decisions.map(\.itemKey))
        let recurring = Dictionary(grouping: workspace.items, by: { "\($0.partnershipKey)|\($0.title)" }).filter {
            key, items in
            let partnership = String(key.split(separator: "|")[0])
            return items.count * 2 >= heldCount[partnership, default: 0] && heldCount[partnership, default: 0] >= 4
                && items.count >= 3
                && items.allSatisfy { !decided.contains($0.key) } && items[0].position > 2
        }
        #expect(recurring.count >= 20)
        let information = workspace.items.filter { $0.kind == .information }.count
        #expect(information * 3 > workspace.items.count)
    }

    @Test func aWelshForceAreaHasWelshBodies() {
        let types = Set(Self.gwent.register.partnerships.map(\.type))
        #expect(types.contains(.areaPlanningBoard) && types.contains(.publicServiceBoard))
        #expect(!types.contains(.combatingDrugsPartnership) && !types.contains(.healthAndWellbeingBoard))
        #expect(Self.gwent.register.organisations.contains { $0.name == "Gwent University Health Board" })
    }

    // MARK: Planted duplicates

    @Test func plantedDuplicatesClearlyPassTheAnalysisDefaults() throws {
        for workspace in [Self.kent, Self.gwent] {
            let items = Dictionary(uniqueKeysWithValues: workspace.items.map { ($0.key, $0) })
            let meetings = Dictionary(uniqueKeysWithValues: workspace.register.meetings.map { ($0.key, $0) })
            let similarity = TextSimilarity(workspace.items.map(\.title))
            #expect(workspace.plantedDuplicates.count == Self.options.duplicatesPerWorkspace)
            for planted in workspace.plantedDuplicates {
                let a = try #require(items[planted.itemKeys.a])
                let b = try #require(items[planted.itemKeys.b])
                let ma = try #require(meetings[planted.meetingKeys.a])
                let mb = try #require(meetings[planted.meetingKeys.b])
                // Different partnerships, the items on those meetings' agendas, held 1 to 60 days apart.
                #expect(planted.partnershipKeys.a != planted.partnershipKeys.b)
                #expect(a.meetingKey == ma.key && b.meetingKey == mb.key && ma.status == .held && mb.status == .held)
                #expect(a.partnershipKey == planted.partnershipKeys.a && mb.partnershipKey == planted.partnershipKeys.b)
                #expect((1...60).contains(planted.daysApart))
                // Near-identical titles: at least four words, at most one of them changed.
                let wordsA = a.title.split(separator: " ")
                let wordsB = b.title.split(separator: " ")
                #expect(wordsA.count >= 4 && wordsA.count == wordsB.count)
                #expect(zip(wordsA, wordsB).filter { $0 != $1 }.count <= 1, "\(a.title) | \(b.title)")
                #expect(similarity.cosine(a.title, b.title) >= 0.6, "\(a.title) | \(b.title)")
                // At least half of the smaller meeting's attendees attend both.
                let attendeesA = Set(ma.attendance.filter(\.attended).map(\.personKey))
                let attendeesB = Set(mb.attendance.filter(\.attended).map(\.personKey))
                let shared = attendeesA.intersection(attendeesB)
                #expect(Double(shared.count) >= 0.5 * Double(min(attendeesA.count, attendeesB.count)))
                #expect(shared.sorted() == planted.sharedAttendeeKeys)
                // Found nowhere else: the title is not on any other agenda.
                #expect(workspace.items.filter { $0.title == a.title || $0.title == b.title }.count == 2)
            }
        }
    }

    @Test func titlesAndThemesComeFromTheSeededThemes() {
        #expect(NationalTheme.allCases.map(\.name) == Themes.seeded)
        #expect(
            NationalTheme.allCases.allSatisfy {
                NationalTitles.planted($0).allSatisfy { $0.title.split(separator: " ").count >= 6 }
            })
        #expect(NationalTitles.subject(of: "Knife crime among under-25s: update") == "knife crime among under-25s")
        #expect(NationalTitles.subject(of: "VAWG delivery plan performance") == "VAWG delivery plan performance")
        #expect(NationalTitles.subject(of: "Right Care, Right Person: update") == "Right Care, Right Person")
    }
}

/// TF-IDF cosine similarity as scikit-learn computes it by default (tokens `\b\w\w+\b`, lower-cased, raw counts,
/// smooth idf = ln((1 + n) / (1 + df)) + 1, rows normalised to length 1), fitted on the titles given.
struct TextSimilarity {
    private var idf: [String: Double] = [:]
    private let fallback: Double

    init(_ documents: [String]) {
        var frequency: [String: Int] = [:]
        for document in documents {
            for token in Set(TextSimilarity.tokens(document)) { frequency[token, default: 0] += 1 }
        }
        let n = Double(documents.count)
        idf = frequency.mapValues { log((1 + n) / (1 + Double($0))) + 1 }
        fallback = log(1 + n) + 1
    }

    static func tokens(_ text: String) -> [String] {
        let lower = text.lowercased()
        return lower.matches(of: try! Regex(#"\b\w\w+\b"#)).map { String(lower[$0.range]) }
    }

    private func vector(_ text: String) -> [String: Double] {
        var counts: [String: Double] = [:]
        for token in TextSimilarity.tokens(text) { counts[token, default: 0] += 1 }
        let weighted = Dictionary(uniqueKeysWithValues: counts.map { ($0.key, $0.value * (idf[$0.key] ?? fallback)) })
        let length = sqrt(weighted.values.reduce(0) { $0 + $1 * $1 })
        return weighted.mapValues { $0 / length }
    }

    func cosine(_ a: String, _ b: String) -> Double {
        let x = vector(a)
        let y = vector(b)
        return x.reduce(0) { $0 + $1.value * (y[$1.key] ?? 0) }
    }
}
