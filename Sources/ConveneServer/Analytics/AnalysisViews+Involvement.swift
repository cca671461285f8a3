import ConveneDomain
import Foundation
import Plot

extension CDPViews {
    /// The short headings of the table's six columns.
    static let involvementHeadings: [(PCCInvolvement.Column, String)] = [
        (.sro, "SRO or co-SRO"), (.overarchingGroup, "Set up an overarching group"), (.chair, "Chairs a CDP"),
        (.subGroupChair, "Chairs a sub-group"), (.attends, "Attends CDP meetings"),
        (.attendsSubGroups, "Attends sub-group meetings")
    ]

    static func involvement(_ model: InvolvementPageModel) -> Layout {
        let r = model.report
        let title = "PCC involvement in CDPs"
        let cdps = r.rows.reduce(0) { $0 + $1.cdps.count }
        return Layout(
            context: model.context, title: title, breadcrumbs: AnalysisViews.crumbs(),
            content: .group(
                header(.involvement, title, caption: "On \(r.day.longDescription)"),
                .p(
                    .class("lead"),
                    .text(
                        "\(r.rows.count) force \(r.rows.count == 1 ? "area has" : "areas have") \(cdps) "
                            + "Combating Drugs Partnerships (CDPs) in the register. "
                            + "The PCC is the Senior Responsible Owner (SRO) or a co-SRO in \(r.count(.sro)) of them, "
                            + "and the PCC or their office attends CDP meetings in \(r.count(.attends)).")),
                .p(
                    .text(
                        "Each yes comes from the register where it can: a membership of the PCC (or, for attending, "
                            + "anyone from their office) or a CDP's reporting line to a group the PCC convenes. Where "
                            + "the register holds neither, the PCC's roles recorded on the CDP are the evidence, shown "
                            + "as a recorded answer.")),
                Components.table(
                    caption: "The PCC's involvement by force area",
                    headers: [.text("Force area"), .text("CDPs")] + involvementHeadings.map { .text($0.1) },
                    rows: r.rows.map(tableRow)),
                .h2(.class("heading-l"), .text("The evidence")),
                .forEach(r.rows) { row in evidence(row) }))
    }

    private static func tableRow(_ row: PCCInvolvement.Row) -> [Node<HTML.BodyContext>] {
        let area: [Node<HTML.BodyContext>] = [
            .a(.href("#evidence-\(row.forceAreaCode)"), .text(row.forceAreaName)), .text("\(row.cdps.count)")
        ]
        return area
            + involvementHeadings.map { column, heading in
                cell(row.answer(column), row.forceAreaCode, context: "\(row.forceAreaName), \(heading)")
            }
    }

    private static func cell(_ answer: PCCInvolvement.Answer, _ code: String, context: String) -> Node<
        HTML.BodyContext
    > {
        guard answer.yes else { return .span(.class("secondary-text"), .text("No")) }
        let source = answer.source == .recordedAnswer ? "recorded answer" : "from the register"
        return .group(
            .a(.href("#evidence-\(code)"), .text("Yes"), .span(.class("visually-hidden"), .text(": \(context)"))),
            .br(), .span(.class("body-s"), .text(source)))
    }

    private static func evidence(_ row: PCCInvolvement.Row) -> Node<HTML.BodyContext> {
        let answered = row.answers.filter(\.yes)
        return .section(
            .id("evidence-\(row.forceAreaCode)"),
            .attribute(named: "aria-labelledby", value: "evidence-heading-\(row.forceAreaCode)"),
            .h3(
                .class("heading-m"), .id("evidence-heading-\(row.forceAreaCode)"),
                .text("\(row.forceAreaName) (\(row.forceAreaCode))")),
            .p(.text("CDPs: "), partnerships(row.cdps)),
            answered.isEmpty
                ? .p(.text("The register holds no evidence of the PCC's involvement."))
                : Components.summaryList(
                    answered.map { answer in
                        let lines: Node<HTML.BodyContext> = .ul(
                            .class("list"), .forEach(answer.evidence) { e in .li(line(e)) })
                        return (answer.column.label, lines)
                    }))
    }

    /// One piece of evidence: what it says, with links to the partnership, the person and the membership.
    private static func line(_ e: PCCInvolvement.Evidence) -> Node<HTML.BodyContext> {
        let kind =
            switch e.kind {
            case .membership: "Membership"
            case .reportingLine: "Reporting line"
            case .recordedAnswer: "Recorded answer"
            }
        return .group(
            Components.tag(kind, e.kind == .recordedAnswer ? "grey" : "blue"), .text(" \(e.detail). "),
            partnership(e.partnership),
            .if(e.partnership != e.cdp, .group(.text(" ("), partnership(e.cdp), .text(")"))),
            .unwrap(e.personKey) { key in
                .group(.text("; "), .a(.href(RegisterPath.person(key).href), .text(e.holder ?? key)))
            },
            .unwrap(e.membershipKey) { _ in
                .group(
                    .text("; "),
                    .a(
                        .href(RegisterPath.partnership(e.partnership.key).href(fragment: "members")),
                        .text("the membership"),
                        .span(.class("visually-hidden"), .text(" in \(e.partnership.name)"))))
            })
    }
}
