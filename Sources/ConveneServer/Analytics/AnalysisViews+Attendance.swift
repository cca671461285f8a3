import ConveneDomain
import Foundation
import Plot

/// The attendance analysis's page.
extension AnalysisViews {
    static func attendance(_ model: AttendancePageModel) -> Layout {
        let (context, asked, r) = (model.context, model.asked, model.report)
        let title = "Attendance quality"
        return Layout(
            context: context, title: Form(errors: asked.errors).title(title), breadcrumbs: crumbs(),
            content: .group(
                header(.attendance, title, asked, path: AnalysisPath.analysis(.attendance)),
                Components.summaryList([
                    ("Held meetings", .text("\(r.overall.meetings)")),
                    (
                        "Members' seats",
                        .text(
                            "\(r.overall.seats): the member \(percent(r.overall.memberShare)), a substitute \(percent(r.overall.substituteShare)), missed \(percent(r.overall.missedShare))"
                        )
                    ),
                    ("Director or above present", .text(percent(r.overall.seniorShare) + " of meetings")),
                    (
                        "Same person as last time",
                        .text(percent(r.overall.consistency) + " of an organisation's consecutive meetings")
                    ),
                    (
                        "Quorate",
                        .text(
                            percent(r.overall.quorateShare)
                                + " of the meetings with a quorum in their terms of reference")
                    )
                ]),
                Charts.bars(
                    id: "missed-chart", title: "Members' seats missed, by partnership",
                    description:
                        "The share of members' seats neither the member nor a substitute filled, highest first.",
                    r.partnerships.map { p in
                        Charts.Bar(
                            label: p.name, value: p.figures.missedShare ?? 0, text: percent(p.figures.missedShare))
                    }),
                table(r.partnerships, caption: "By partnership", link: { MeetingPath.meetings($0).href }),
                table(
                    r.organisations, caption: "By organisation",
                    link: { $0.isEmpty ? nil : RegisterPath.organisation($0).href })))
    }

    static func table(_ rows: [AttendanceQuality.Row], caption: String, link: (String) -> String?) -> Node<
        HTML.BodyContext
    > {
        Components.table(
            caption: caption,
            headers: [
                .text("Name"), .text("Meetings"), .text("Seats"), .text("Member"), .text("Substitute"), .text("Missed"),
                .text("Director or above"), .text("Same person"), .text("Quorate")
            ],
            rows: rows.map { row in
                let f = row.figures
                return [
                    link(row.key).map { .a(.href($0), .text(row.name)) } ?? .text(row.name), .text("\(f.meetings)"),
                    .text("\(f.seats)"),
                    .text(percent(f.memberShare)), .text(percent(f.substituteShare)), .text(percent(f.missedShare)),
                    .text(percent(f.seniorShare)), .text(percent(f.consistency)), .text(percent(f.quorateShare))
                ]
            })
    }
}
