import ConveneDomain
import Foundation
import SnapshotTesting
import Testing

@testable import ConveneServer

/// The analysis pages rendered from models built by hand: a small landscape of two boards sharing a chair, run
/// through the domain's analyses, with no app and no database. A change to a page's HTML shows here as a changed
/// snapshot (`__Snapshots__`), to be looked at and recorded again on purpose.
@Suite struct AnalysisPageSnapshotTests {
    static let today = Day("2025-07-20")!
    static let summer = Period(from: Day("2025-06-01")!, to: Day("2025-07-31")!)
    static let asked = AnalysisPages.Asked(
        period: summer, errors: [], from: nil, to: nil, format: nil, today: today)

    static func meeting(
        _ key: String, _ partnership: String, _ day: String, hours: Double, _ status: MeetingStatus,
        _ attendance: [Attendance]
    ) -> Meeting {
        let start = ISO8601DateFormatter().date(from: "\(day)T09:00:00Z")!
        return Meeting(
            key: key, partnershipKey: partnership, name: "Meeting", startsAt: start,
            endsAt: start.addingTimeInterval(hours * 3600), status: status, attendance: attendance)
    }

    /// A weekly group and a monthly board sharing the PCC and the ACC: five held weekly meetings and one planned,
    /// two held board meetings, with agendas, decisions and actions.
    static func twoBoards() -> AnalyticsData {
        let organisations = [
            Organisation(key: "opcc", name: "Office of the PCC", sector: .policingGovernance),
            Organisation(key: "police", name: "Police", sector: .police),
            Organisation(key: "council", name: "Council", sector: .localGovernment)
        ]
        let people = [
            Person(
                key: "pcc", name: "Police and Crime Commissioner", roleTitle: "Police and Crime Commissioner",
                organisationKey: "opcc", seniority: .electedOfficial, salaryBand: 90_000),
            Person(key: "acc", name: "ACC", organisationKey: "police", seniority: .chiefOfficer, salaryBand: 120_000),
            Person(
                key: "inspector", name: "Inspector", organisationKey: "police", seniority: .manager,
                salaryBand: 55_000),
            Person(
                key: "hcs", name: "Head of Community Safety", organisationKey: "council", seniority: .seniorManager,
                salaryBand: 65_000)
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
        let police: [Attendance] = [
            Attendance(personKey: "acc"),
            Attendance(personKey: "inspector", status: .substitute, substituteForKey: "acc"),
            Attendance(personKey: "acc"),
            Attendance(personKey: "inspector", status: .substitute, substituteForKey: "acc"),
            Attendance(personKey: "acc")
        ]
        var meetings = police.enumerated().map { i, a in
            meeting(
                "w\(i)", "weekly", Day("2025-06-02")!.adding(days: 7 * i).description, hours: 1.5, .held,
                [Attendance(personKey: "hcs"), Attendance(personKey: "pcc", status: .apologies), a])
        }
        meetings.append(meeting("w5", "weekly", "2025-07-28", hours: 1.5, .scheduled, []))
        meetings.append(
            meeting(
                "b1", "board", "2025-06-03", hours: 2, .held, [Attendance(personKey: "pcc"), .init(personKey: "acc")]))
        meetings.append(
            meeting(
                "b2", "board", "2025-07-01", hours: 2, .held,
                [Attendance(personKey: "pcc"), Attendance(personKey: "acc", status: .apologies)]))
        let items = [
            AgendaItem(
                key: "w0-1", partnershipKey: "weekly", meetingKey: "w0", title: "Performance report",
                kind: .information, durationMinutes: 60, themes: ["performance"]),
            AgendaItem(
                key: "w3-1", partnershipKey: "weekly", meetingKey: "w3", title: "Hotspot patrols", kind: .decision,
                durationMinutes: 30, themes: ["serious violence"]),
            AgendaItem(
                key: "b1-1", partnershipKey: "board", meetingKey: "b1", title: "Strategic assessment", kind: .decision,
                durationMinutes: 60, themes: ["serious violence"])
        ]
        let decisions = [
            Decision(itemKey: "w3-1", decision: "Extend the patrols"),
            Decision(itemKey: "b1-1", decision: "Agreed")
        ]
        let actions = [
            ActionItem(
                key: "a1", partnershipKey: "weekly", title: "Map the hotspots", raisedOn: Day("2025-06-02")!,
                dueOn: Day("2025-06-30")!, status: .done),
            ActionItem(
                key: "a2", partnershipKey: "weekly", title: "Count the patrols", raisedOn: Day("2025-06-09")!,
                dueOn: Day("2025-06-30")!, status: .open),
            ActionItem(
                key: "a3", partnershipKey: "board", title: "Ask the council", raisedOn: Day("2025-06-03")!,
                dueOn: Day("2025-09-30")!, status: .inProgress)
        ]
        return AnalyticsData(
            organisations: organisations, persons: people, partnerships: partnerships, memberships: memberships,
            termsOfReference: [TermsOfReference(partnershipKey: "weekly", version: 1, quorum: 2)],
            meetings: meetings, items: items, decisions: decisions, actions: actions)
    }

    static func context(_ role: WorkspaceRole = .editor) -> PageContext {
        RegisterPageSnapshotTests.context(role: role)
    }

    @Test func cost() {
        // Setup
        let data = Self.twoBoards()
        let report = CostAudit.run(data, period: Self.summer, settings: AnalyticsSettings(), today: Self.today)
        let model = CostPageModel(context: Self.context(), asked: Self.asked, report: report, data: data)

        // Act
        let html = AnalysisViews.cost(model).render()

        // Check: seven held meetings, each partnership named with a link to its meetings.
        #expect(report.heldMeetings == 7)
        #expect(html.contains("7 meetings"))
        #expect(html.contains("Weekly group"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func costMeetingsOfAPartnershipWithTheSupportFormInError() {
        // Setup
        let data = Self.twoBoards()
        let report = CostAudit.run(data, period: Self.summer, settings: AnalyticsSettings(), today: Self.today)
        let model = CostMeetingsModel(
            context: Self.context(), asked: Self.asked, report: report, data: data,
            filter: AnalysisPages.CostFilter(partnership: "board"), mayEdit: true,
            errors: [FieldError("minutes_per_meeting", "Enter the minutes each meeting takes, like 240")],
            input: .init(label: "Minutes", minutes: "lots", salary: nil))

        // Act
        let html = AnalysisViews.costMeetings(model).render()

        // Check: the board's two meetings only, and the form as typed with its error.
        #expect(html.contains("<title>Error: "))
        #expect(html.contains("value=\"lots\""))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func load() {
        // Setup
        let data = Self.twoBoards()
        let report = Load.run(data, period: Self.summer, settings: AnalyticsSettings())
        let model = LoadPageModel(context: Self.context(), asked: Self.asked, report: report, data: data)

        // Act
        let html = AnalysisViews.load(model).render()

        // Check
        #expect(html.contains("Police and Crime Commissioner"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func personLoad() {
        // Setup
        let data = Self.twoBoards()
        let report = Load.run(data, period: Self.summer, settings: AnalyticsSettings())
        let model = PersonLoadModel(
            context: Self.context(.viewer), asked: Self.asked, person: data.personsByKey["acc"]!,
            load: report.person("acc"), report: report, data: data)

        // Act
        let html = AnalysisViews.personLoad(model).render()

        // Check
        #expect(html.contains("<title>Load: ACC"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func attendance() {
        // Setup
        let report = AttendanceQuality.run(Self.twoBoards(), period: Self.summer, today: Self.today)
        let model = AttendancePageModel(context: Self.context(.viewer), asked: Self.asked, report: report)

        // Act
        let html = AnalysisViews.attendance(model).render()

        // Check
        #expect(html.contains("Board"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func delivery() {
        // Setup
        let data = Self.twoBoards()
        let report = Delivery.run(data, period: Self.summer, today: Self.today)
        let model = DeliveryPageModel(context: Self.context(.viewer), asked: Self.asked, report: report, data: data)

        // Act
        let html = AnalysisViews.delivery(model).render()

        // Check
        #expect(html.contains("Weekly group"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func triageOfThePCCForAnEditor() {
        // Setup
        let data = Self.twoBoards()
        let report = Analyses.triage(
            data, personKey: "pcc", capacity: 4, period: Self.summer, settings: AnalyticsSettings(),
            today: Self.today)
        let model = TriagePageModel(
            context: Self.context(), asked: Self.asked, report: report, person: data.personsByKey["pcc"],
            people: data.persons.sorted { $0.name < $1.name }.map { ($0.key, $0.name) }, capacity: "4", plan: nil,
            saved: false)

        // Act
        let html = AnalysisViews.triage(model).render()

        // Check: an editor may save the plan.
        #expect(html.contains("Police and Crime Commissioner"))
        #expect(html.contains("fixed-form-token"))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func triageWithNobodyChosenHasNoPlan() {
        // Setup
        let data = Self.twoBoards()
        var asked = Self.asked
        asked.errors = [FieldError("person", "There is no person 'nobody'")]
        let model = TriagePageModel(
            context: Self.context(.viewer), asked: asked, report: nil, person: nil,
            people: data.persons.map { ($0.key, $0.name) }, capacity: "150", plan: nil, saved: false)

        // Act
        let html = AnalysisViews.triage(model).render()

        // Check
        #expect(html.contains("<title>Error: Triage of invitations"))
        #expect(!html.contains("id=\"plan\""))
        assertSnapshot(of: html, as: .lines)
    }

    @Test func settingsForAViewerAreReadOnly() {
        // Setup
        let defaults = AnalyticsSettings()
        let values = Dictionary(
            uniqueKeysWithValues: AnalyticsSettings.definitions.map { ($0.key, String(defaults.value($0))) })
        let model = AnalysisSettingsModel(context: Self.context(.viewer), values: values, errors: [], saved: false)

        // Act
        let html = AnalysisViews.settings(model).render()

        // Check
        #expect(!html.contains("Save the settings"))
        assertSnapshot(of: html, as: .lines)
    }
}
