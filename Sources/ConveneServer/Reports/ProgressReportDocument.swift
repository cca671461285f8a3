import ConveneDomain
import Foundation
import Plot

/// A progress report as a document: one HTML file, its style inside it and its charts drawn in it, so the same file
/// is shown in the browser, kept as made, and printed to PDF. Headings in order, a table of contents, tables with
/// their headers, and every chart described in words and followed by the table of its figures.
struct ProgressReportDocument {
    /// The delivery plan's priorities, each with the national objectives it is mapped to.
    struct PlanPriority: Hashable, Sendable {
        var strategyName: String
        var title: String
        var objectives: [String]
    }

    /// A step of the national guidance as it stands: its status, and the records and evidence behind it.
    struct GuidanceLine: Hashable, Sendable {
        var template: String
        var title: String
        var due: Day
        var status: MilestoneStatus
        var overdue: Bool
        /// The register's records that show it done, and the evidence kept for it, in words.
        var behind: [String]
    }

    var report: ProgressReport
    var forceAreaName: String?
    /// The footprint's areas by name.
    var footprint: [String]
    var priorities: [PlanPriority]
    var guidance: [GuidanceLine]
    var madeAt: Date
    var dataVersion: String

    static let sections: [(id: String, title: String)] = [
        ("about", "About this report"), ("membership", "Membership and Senior Responsible Owner"),
        ("meetings", "Meetings"), ("attendance", "Attendance by sector"), ("decisions", "Decisions"),
        ("actions", "Actions"), ("guidance", "The national guidance's steps"), ("footprint", "Footprint"),
        ("plan", "Delivery plan and national priorities"),
        ("funding", "Funding and indicators")
    ]

    var title: String { "\(report.partnership.name): progress report \(report.year.label)" }

    func render() -> String {
        let r = report
        let period = r.year.period
        let made = WallClock.parts(madeAt)
        return HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(title),
                .element(named: "style", text: Stylesheet.css + Self.printStyle)
            ),
            .body(
                .main(
                    .class("width-container report"),
                    .h1(.class("heading-xl"), .text(title)),
                    .p(
                        .class("lead"),
                        .text(
                            "The year \(period.from.longDescription) to \(period.to.longDescription). "
                                + "Made on \(made.day.longDescription) from the register as it stood then "
                                + "(\(dataVersion)).")),
                    .nav(
                        .ariaLabel("Contents"), .class("report-contents"),
                        .h2(.class("heading-m"), .text("Contents")),
                        .ol(.forEach(Self.sections) { .li(.a(.href("#\($0.id)"), .text($0.title))) })),
                    about, membership, meetings, attendance, decisions, actions, guidanceSection, footprintSection,
                    plan,
                    funding
                )
            )
        ).render()
    }

    private func section(_ id: String, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        let title = Self.sections.first { $0.id == id }?.title ?? id
        return .element(
            named: "section",
            nodes: [.id(id), .attribute(named: "aria-labelledby", value: "\(id)-heading")]
                + [.h2(.id("\(id)-heading"), .class("heading-l"), .text(title))] + nodes)
    }

    private var about: Node<HTML.BodyContext> {
        let p = report.partnership
        return section(
            "about",
            Components.summaryList([
                ("Partnership", .text(p.name)),
                ("Type", .text(p.type.label)),
                ("Police force area", Components.text(forceAreaName)),
                ("Started", Components.text(p.startedOn?.longDescription)),
                ("Senior Responsible Owner", .text(names(report.sros, empty: "None recorded"))),
                ("Meetings held", .text("\(report.heldCount)")),
                ("Decisions recorded", .text("\(report.decisions.count)")),
                ("Actions raised", .text("\(report.actions.raised)"))
            ]))
    }

    private func names(_ members: [ProgressReport.Member], empty: String) -> String {
        members.isEmpty ? empty : members.map(Self.named).joined(separator: "; ")
    }

    /// "Sam Lee, Director of Public Health"; a person the register names by their post is named once.
    static func named(_ m: ProgressReport.Member) -> String {
        guard let title = m.roleTitle, !m.name.localizedCaseInsensitiveContains(title) else { return m.name }
        return "\(m.name), \(title)"
    }

    /// "1 member", "3 members".
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    private var membership: Node<HTML.BodyContext> {
        let bySector = Dictionary(grouping: report.members, by: \.sector)
        let sectors =
            Sector.allCases.filter { bySector[$0] != nil }.map { Optional($0) }
            + (bySector[nil] == nil ? [] : [nil])
        return section(
            "membership",
            .p(
                .text(
                    "\(Self.count(report.members.count, "member", "members")) on \(report.asOf.longDescription), "
                        + "from \(Self.count(sectors.count, "sector", "sectors")). The Senior Responsible Owner: "
                        + "\(names(report.sros, empty: "none recorded")).")),
            Components.table(
                caption: "Members by sector",
                headers: [.text("Sector"), .text("Members"), .text("Names")],
                rows: sectors.map { sector in
                    let members = bySector[sector] ?? []
                    return [
                        .text(sector?.label ?? "Sector not recorded"), .text("\(members.count)"),
                        .text(members.map { "\(Self.named($0)): \($0.role.label)" }.joined(separator: "; "))
                    ]
                }))
    }

    private var meetings: Node<HTML.BodyContext> {
        section(
            "meetings",
            .p(
                .text(
                    "\(Self.count(report.heldCount, "meeting", "meetings")) held and "
                        + "\(report.cancelledCount) cancelled in the year, of \(report.meetings.count) arranged.")),
            report.meetings.isEmpty
                ? .p(.text("No meetings were arranged in the year."))
                : Components.table(
                    caption: "The year's meetings",
                    headers: [.text("Date"), .text("Meeting"), .text("Status"), .text("Attended"), .text("Decisions")],
                    rows: report.meetings.map { m in
                        [
                            .text(m.day.longDescription), .text(m.name), .text(m.status.label),
                            .text("\(m.attended)"), .text("\(m.decisions)")
                        ]
                    }))
    }

    private var attendance: Node<HTML.BodyContext> {
        let lines = report.attendance
        let percent = { (share: Double) in "\(Int((share * 100).rounded()))%" }
        return section(
            "attendance",
            lines.isEmpty
                ? .p(.text("No attendance was recorded at the year's meetings."))
                : .group(
                    Charts.bars(
                        id: "attendance-chart", title: "Places filled at held meetings, by sector",
                        description:
                            "For each sector, the share of its expected places filled in person, online or by a "
                            + "substitute. The table below gives the counts.",
                        lines.sorted { $0.filledShare > $1.filledShare }.map {
                            Charts.Bar(
                                label: $0.sector?.label ?? "Sector not recorded", value: $0.filledShare,
                                text: percent($0.filledShare))
                        }),
                    Components.table(
                        caption: "Attendance at held meetings by sector",
                        headers: [
                            .text("Sector"), .text("In person"), .text("Online"), .text("Substitutes"),
                            .text("Apologies"), .text("Absent"), .text("Places filled")
                        ],
                        rows: lines.map { l in
                            [
                                .text(l.sector?.label ?? "Sector not recorded"), .text("\(l.present)"),
                                .text("\(l.online)"), .text("\(l.substitutes)"), .text("\(l.apologies)"),
                                .text("\(l.absent)"), .text(percent(l.filledShare))
                            ]
                        })))
    }

    private var decisions: Node<HTML.BodyContext> {
        section(
            "decisions",
            report.decisions.isEmpty
                ? .p(.text("No decisions were recorded in the year."))
                : Components.table(
                    caption: "\(report.decisions.count) decisions",
                    headers: [.text("Meeting"), .text("Item"), .text("Decision")],
                    rows: report.decisions.map { d in
                        [.text(d.meetingDay.longDescription), .text(d.itemTitle), .text(d.decision)]
                    }))
    }

    private var actions: Node<HTML.BodyContext> {
        let a = report.actions
        return section(
            "actions",
            .p(
                .text(
                    "\(Self.count(a.raised, "action", "actions")) raised in the year. On "
                        + "\(report.asOf.longDescription): \(a.done) done, \(a.outstanding) outstanding, of which "
                        + "\(a.overdue) past their due date.")),
            a.open.isEmpty
                ? .empty
                : Components.table(
                    caption: "Actions outstanding on \(report.asOf.longDescription)",
                    headers: [.text("Action"), .text("Raised"), .text("Due")],
                    rows: a.open.map { action in
                        [
                            .text(action.title), .text(action.raisedOn.longDescription),
                            .text(action.dueOn?.longDescription ?? "No date")
                        ]
                    }))
    }

    private var guidanceSection: Node<HTML.BodyContext> {
        let done = guidance.filter { $0.status == .done }.count
        let overdue = guidance.filter(\.overdue).count
        return section(
            "guidance",
            guidance.isEmpty
                ? .p(.text("No national guidance applies to this kind of partnership."))
                : .group(
                    .p(
                        .text(
                            "On \(report.asOf.longDescription): \(done) of \(guidance.count) steps done, "
                                + "\(overdue) overdue.")),
                    Components.table(
                        caption: "Steps, their status and what shows it",
                        headers: [.text("Step"), .text("Due"), .text("Status"), .text("Shown by")],
                        rows: guidance.map { g in
                            [
                                .text(g.title), .text(g.due.longDescription),
                                .text(g.status.label + (g.overdue ? " (overdue)" : "")),
                                .text(g.behind.isEmpty ? "Nothing recorded" : g.behind.joined(separator: "; "))
                            ]
                        })))
    }

    private var footprintSection: Node<HTML.BodyContext> {
        section(
            "footprint",
            footprint.isEmpty
                ? .p(.text("The partnership's footprint is not recorded in the register."))
                : .group(
                    .p(.text("The partnership covers \(Self.count(footprint.count, "area", "areas")).")),
                    .ul(.class("list"), .forEach(footprint) { .li(.text($0)) })))
    }

    private var plan: Node<HTML.BodyContext> {
        section(
            "plan",
            priorities.isEmpty
                ? .p(.text("No active delivery plan of the partnership is recorded in the register."))
                : Components.table(
                    caption: "The delivery plan's priorities and the national objectives they serve",
                    headers: [.text("Plan"), .text("Priority"), .text("National objectives")],
                    rows: priorities.map { p in
                        [
                            .text(p.strategyName), .text(p.title),
                            .text(p.objectives.isEmpty ? "Not mapped" : p.objectives.joined(separator: "; "))
                        ]
                    }))
    }

    private var funding: Node<HTML.BodyContext> {
        section(
            "funding",
            .p(
                .text(
                    "Convene does not record funding or outcome indicators yet. When it does, this section will "
                        + "give the year's grants and spending and the partnership's indicators against their "
                        + "targets.")))
    }

    /// For paper: A4 margins, no page break inside a table row or after a heading.
    static let printStyle = """

        .report { max-width: 60rem; }
        .report-contents ol { padding-left: 1.5rem; }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { font-size: 11pt; }
          h2, h3 { break-after: avoid; }
          tr, figure { break-inside: avoid; }
          thead { display: table-header-group; }
          section { break-before: auto; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
