import ConveneDomain
import Foundation
import NIOPosix
import Plot

/// A review's report as one HTML document, its style inside it, so the same file is the page, the published report
/// and, printed by Chromium, the PDF: a title page, contents, summary, method, the landscape picture, a table and a
/// chart for each measure, the survey's results and the recommendations with their reasons. Headings in order, every
/// table with its headers, every chart described in words beside the table of its figures, page numbers in print.
/// The published report links to nothing private and names nobody: reasons keep their evidence as words.
struct ReviewReport {
    var review: ReviewStore.Review
    /// The office that made it: the workspace's name.
    var office: String
    /// The reporting lines as Graphviz drew them, when it could.
    var landscapeSVG: String?
    var published: Bool

    static let sections: [(id: String, title: String)] = [
        ("summary", "Summary"), ("method", "How the review was made"), ("landscape", "The landscape"),
        ("cost", "Cost and time"), ("attendance", "Attendance"), ("delivery", "Delivery"),
        ("overlap", "Overlap and duplication"), ("alignment", "Alignment and terms of reference"),
        ("survey", "What partners said"), ("recommendations", "Recommendations")
    ]

    /// The report of a review as the register stands: the landscape picture drawn by Graphviz when it is there.
    static func make(
        _ key: String, published: Bool, dotPath: String?, threadPool: NIOThreadPool, in scope: Scope
    ) async throws -> ReviewReport {
        let review = try await ReviewStore.review(key, in: scope)
        let office = try await WorkspaceRecord.find(scope.workspaceID, on: scope.db)?.name ?? "Convene"
        let picture = try await LandscapePictureModel.load(
            forceArea: nil, dotPath: dotPath, context: PageContext(principal: nil, csrfToken: nil, path: ""),
            in: scope, threadPool: threadPool, only: Set(review.items.map(\.partnershipKey)))
        return ReviewReport(
            review: review, office: office, landscapeSVG: picture.svg.map(Self.withoutLinks), published: published)
    }

    /// The picture without its links (a picture holds nothing to focus: the list after it names every partnership)
    /// and with a title of its own.
    static func withoutLinks(_ svg: String) -> String {
        svg.replacingOccurrences(of: #"<a [^>]*>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "</a>", with: "")
            .replacingOccurrences(
                of: #"(<svg[^>]*>)"#, with: "$1<title>The partnerships reviewed and their reporting lines</title>",
                options: .regularExpression)
    }

    var title: String { review.summary.title }
    var measures: [ReviewMeasures] { review.items.compactMap(\.measures) }

    func name(_ key: String) -> String { review.names[key] ?? key }

    func render() -> String {
        let s = review.summary
        return HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(title),
                .element(named: "style", text: Stylesheet.css + ProgressReportDocument.printStyle + Self.style)),
            .body(
                .main(
                    .class("width-container report"),
                    .div(
                        .class("title-page"),
                        .p(.class("caption-l"), .text(office)),
                        .h1(.class("heading-xl"), .text(title)),
                        .p(
                            .class("lead"),
                            .text(
                                "A review of the effectiveness and efficiency of the partnership system, "
                                    + "\(s.from.longDescription) to \(s.to.longDescription).")),
                        .p(
                            .text("Status: \(s.status.label)."),
                            .unwrap(s.publishedAt) {
                                .text(" Published on \(WallClock.day(of: $0).longDescription).")
                            }),
                        .nav(
                            .ariaLabel("Contents"), .class("report-contents"),
                            .h2(.class("heading-m"), .text("Contents")),
                            .ol(.forEach(Self.sections) { .li(.a(.href("#\($0.id)"), .text($0.title))) }))),
                    summary, method, landscape, cost, attendance, delivery, overlap, alignment, survey,
                    recommendations)
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

    static func pounds(_ pence: Int) -> String { Money(pence: pence).description }
    static func percent(_ share: Double?) -> String { share?.percentText ?? "–" }

    private var summary: Node<HTML.BodyContext> {
        let counts = Dictionary(grouping: review.items, by: { $0.standing.identifier }).mapValues(\.count)
        let annual = measures.reduce(0) { $0 + $1.annualCostPence }
        let hours = measures.reduce(0.0) { $0 + $1.personHours }
        return section(
            "summary",
            .p(
                .text(
                    "The review looked at \(ProgressReportDocument.count(review.items.count, "partnership", "partnerships")). "
                        + "Their meetings in the period took \(Int(hours.rounded())) person-hours, and cost "
                        + "\(Self.pounds(annual)) a year in the salaries of those attending.")),
            Components.table(
                caption: "Recommendations",
                headers: [.text("Recommendation"), .text("Partnerships")],
                rows: ReviewChoice.identifiers.map { id in
                    [.text(ReviewChoice(id, with: "x")?.label ?? id), .text("\(counts[id] ?? 0)")]
                }),
            .ul(
                .class("list list--bullet"),
                .forEach(review.items.filter { $0.standing != .continue }) { item in
                    .li(
                        .a(.href("#p-\(item.partnershipKey)"), .text(name(item.partnershipKey))), .text(": "),
                        .text(choiceText(item.standing)))
                }))
    }

    func choiceText(_ choice: ReviewChoice) -> String {
        switch choice {
        case .merge(let other): "merge with \(name(other))"
        default: choice.label.lowercased()
        }
    }

    private var method: Node<HTML.BodyContext> {
        section(
            "method",
            .p(
                .text(
                    "Every figure is Convene's, computed from the register and the boards' own records of their "
                        + "meetings, attendance, decisions and actions in the period; each reason below names the "
                        + "records behind it. Cost is the time of those attending at their salary bands; overlap is "
                        + "the share of the smaller partnership's members who sit on both; a duplicate discussion is an "
                        + "item discussed with the same people at another partnership.")),
            .p(.text("Convene proposed a recommendation for each partnership by these rules, in order:")),
            .ol(
                .class("list list--number"),
                .li(
                    .text(
                        "Merge, where two running partnerships share most of their members and discuss the same things, or cover the same area and themes; the one with fewer decisions gives way."
                    )),
                .li(.text("Continue a partnership too new to judge.")),
                .li(
                    .text(
                        "Discontinue one that has not met for a year, or whose decisions and delivery are both poor, or three of its four benefit signals (decisions, delivery, attendance, alignment)."
                    )),
                .li(.text("A statutory partnership is reformed, never discontinued.")),
                .li(
                    .text(
                        "Reform where a signal is poor, its terms of reference are overdue, or much of its business is done elsewhere too."
                    )),
                .li(.text("Otherwise continue."))),
            .p(
                .text(
                    "The reviewer then confirmed or changed every recommendation and gave the reason, which is printed "
                        + "with it.")),
            .unwrap(review.survey) { results in
                .p(
                    .text(
                        "Partners were asked in the survey \(results.survey.title), which \(results.respondents) answered."
                    ))
            })
    }

    private var landscape: Node<HTML.BodyContext> {
        section(
            "landscape",
            .p(
                .text(
                    "The partnerships reviewed and their reporting lines. The table after it gives each partnership's "
                        + "figures.")),
            .unwrap(landscapeSVG) { svg in
                .element(
                    named: "figure",
                    nodes: [
                        .class("chart-figure landscape"),
                        .div(
                            .attribute(named: "role", value: "img"),
                            .attribute(
                                named: "aria-label",
                                value: "The partnerships and their reporting lines: the list below names each"),
                            .raw(svg))
                    ])
            },
            .ul(
                .class("list list--bullet"),
                .forEach(measures) { m in
                    .li(.text("\(m.name)\(m.statutory ? " (statutory)" : ""): \(m.meetings) meetings held"))
                }))
    }

    private func bars(_ id: String, _ title: String, _ description: String, _ values: [(String, Double, String)])
        -> Node<HTML.BodyContext>
    {
        Charts.bars(
            id: id, title: title, description: description,
            values.sorted { $0.1 > $1.1 }.map { Charts.Bar(label: $0.0, value: $0.1, text: $0.2) })
    }

    private var cost: Node<HTML.BodyContext> {
        section(
            "cost",
            bars(
                "chart-cost", "Cost of meetings a year",
                "Each partnership's meetings a year, at the salaries of those attending.",
                measures.map { ($0.name, Double($0.annualCostPence), Self.pounds($0.annualCostPence)) }),
            Components.table(
                caption: "Cost and time of each partnership's meetings",
                headers: [
                    .text("Partnership"), .text("Meetings held"), .text("Person-hours"), .text("Cost in the period"),
                    .text("Cost a year")
                ],
                rows: measures.map { m in
                    [
                        .text(m.name), .text("\(m.meetings)"), .text(String(format: "%.0f", m.personHours)),
                        .text(Self.pounds(m.costPence)), .text(Self.pounds(m.annualCostPence))
                    ]
                }))
    }

    private var attendance: Node<HTML.BodyContext> {
        section(
            "attendance",
            bars(
                "chart-attendance", "Meetings with a senior decision maker present",
                "The share of each partnership's meetings with someone of director rank or above present.",
                measures.map { ($0.name, $0.seniorShare ?? 0, Self.percent($0.seniorShare)) }),
            Components.table(
                caption: "Attendance",
                headers: [.text("Partnership"), .text("Meetings with a senior present"), .text("Seats left empty")],
                rows: measures.map { m in
                    [.text(m.name), .text(Self.percent(m.seniorShare)), .text(Self.percent(m.missedShare))]
                }))
    }

    private var delivery: Node<HTML.BodyContext> {
        section(
            "delivery",
            bars(
                "chart-decisions", "Decisions made", "The decisions each partnership recorded in the period.",
                measures.map { ($0.name, Double($0.decisions), "\($0.decisions)") }),
            Components.table(
                caption: "Decisions and actions",
                headers: [
                    .text("Partnership"), .text("Decisions"), .text("Actions raised"), .text("Done"), .text("Overdue")
                ],
                rows: measures.map { m in
                    [
                        .text(m.name), .text("\(m.decisions)"), .text("\(m.actions)"), .text("\(m.done)"),
                        .text("\(m.overdue)")
                    ]
                }))
    }

    private var overlap: Node<HTML.BodyContext> {
        section(
            "overlap",
            bars(
                "chart-overlap", "Members shared with another partnership",
                "For each partnership, the share of the smaller partnership's members who also sit on the one it shares most with.",
                measures.map { ($0.name, $0.overlap ?? 0, Self.percent($0.overlap)) }),
            Components.table(
                caption: "Overlap and duplicate discussions",
                headers: [
                    .text("Partnership"), .text("Shares most members with"), .text("Overlap"),
                    .text("Items discussed elsewhere too")
                ],
                rows: measures.map { m in
                    [
                        .text(m.name), Components.text(m.overlapName, empty: "None"), .text(Self.percent(m.overlap)),
                        .text("\(m.duplicated) of \(m.items)")
                    ]
                }))
    }

    private var alignment: Node<HTML.BodyContext> {
        section(
            "alignment",
            Components.table(
                caption: "Alignment to the Police and Crime Plan, and terms of reference",
                headers: [.text("Partnership"), .text("Alignment to the plan"), .text("Terms of reference")],
                rows: measures.map { m in [.text(m.name), .text(m.alignment), .text(m.termsOfReference)] }))
    }

    private var survey: Node<HTML.BodyContext> {
        guard let results = review.survey else {
            return section("survey", .p(.text("The review drew on no survey.")))
        }
        guard results.shown else {
            return section(
                "survey",
                .p(
                    .text(
                        "The survey \(results.survey.title) is anonymous and fewer than \(Survey.anonymousThreshold) "
                            + "answered, so its results are not shown.")))
        }
        return section(
            "survey",
            .p(
                .text(
                    "\(results.respondents) partners answered \(results.survey.title). Shares are of those who gave a "
                        + "point, computed from the counts.")),
            ResultsView.statements(results, headingLevel: 3))
    }

    private var recommendations: Node<HTML.BodyContext> {
        section(
            "recommendations",
            .forEach(review.items) { item in
                .element(
                    named: "section",
                    nodes: [
                        .id("p-\(item.partnershipKey)"),
                        .h3(.class("heading-m"), .text("\(name(item.partnershipKey)): \(choiceText(item.standing))")),
                        .p(
                            .text("Proposed by the rules: \(choiceText(item.proposed)). "),
                            .text(
                                item.decided.map {
                                    $0 == item.proposed
                                        ? "Confirmed by the reviewer."
                                        : "Changed by the reviewer to: \(choiceText($0))."
                                }
                                    ?? "Not yet decided by the reviewer.")),
                        .unwrap(item.rationale) { .p(.strong(.text("The reviewer's reasons: ")), .text($0)) },
                        .unwrap(review.changes[item.partnershipKey]) { href in
                            .p(.text("Carried out in the register: "), link("the change in its history", href))
                        },
                        .h4(.class("heading-s"), .text("Reasons")),
                        .ul(
                            .class("list list--bullet"),
                            .forEach(item.reasons) { reason in
                                .li(
                                    .text(reason.sentence), .text(" "),
                                    .span(
                                        .class("secondary-text"), .text("(Evidence: "), evidence(reason.evidence),
                                        .text(")")))
                            })
                    ])
            })
    }

    private func evidence(_ evidence: [ReviewEvidence]) -> Node<HTML.BodyContext> {
        .forEach(Array(evidence.enumerated())) { index, e in
            .group(.if(index > 0, .text("; ")), review.links[e].map { link(e.label, $0) } ?? .text(e.label))
        }
    }

    /// A link in the reviewer's report; words in the published one, which links to nothing private.
    private func link(_ text: String, _ href: String) -> Node<HTML.BodyContext> {
        published ? .text(text) : .a(.href(href), .text(text))
    }

    static let style = """

        .title-page { min-height: 60vh; }
        .landscape svg { max-width: 100%; height: auto; }
        @media print {
          .table { font-size: 9pt; }
          .table th, .table td { padding: 4px 8px 4px 0; }
          .table--small th[scope="row"] { min-width: 0; width: 32%; }
          .title-page { break-after: page; }
          #recommendations, #survey { break-before: page; }
        }
        @page {
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt sans-serif; }
          @bottom-left { content: "Review of the partnership system"; font: 9pt sans-serif; }
        }
        """
}
