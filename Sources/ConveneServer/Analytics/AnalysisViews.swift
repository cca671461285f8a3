import ConveneDomain
import Foundation
import Plot

/// The analysis pages' views. Each page: the period form, a chart, then the table with the same figures and links to
/// the records behind them, and a CSV download.
enum AnalysisViews {
    typealias Asked = AnalysisPages.Asked

    static let pages: [(Analysis, String, String)] = [
        (.cost, "Cost", "What the partnerships' meetings cost in salaries, by partnership, organisation and theme."),
        (.load, "Load", "Meetings and hours per person and organisation, week by week, and who is over-committed."),
        (
            .attendance, "Attendance",
            "Members or substitutes, seniority present, the same person each time, quorate meetings."
        ),
        (
            .delivery, "Delivery",
            "Decisions and actions per meeting, actions done and overdue, time spent on information."
        ),
        (.triage, "Triage", "Which meetings to attend, delegate, read the papers of, or decline, to fit a capacity."),
        (.overlap, "Shared members", "Partnerships whose members are largely the same people or organisations."),
        (
            .duplicates, "Duplicate discussions",
            "The same people discussing the same thing at different partnerships' meetings."
        ),
        (.priorities, "Priorities", "Strategies' priorities that say nearly the same, and a consolidated list.")
    ]

    static func crumbs() -> [(String, String)] {
        [("Overview", RegisterPath.overview.href), ("Analysis", AnalysisPath.index.href)]
    }

    static func percent(_ x: Double?) -> String { Analyses.percent(x).isEmpty ? "–" : Analyses.percent(x) }
    static func hours(_ minutes: Int) -> String { Analyses.number(Analyses.hours(minutes)) }

    /// The period form (unless the analysis has no period: then `caption` says what it covers) and the links to the
    /// other analyses and the CSV.
    static func header(
        _ analysis: Analysis?, _ title: String, _ asked: Asked, path: AnalysisPath,
        extra: Node<HTML.BodyContext> = .empty,
        csv: Bool = true, caption: String? = nil
    ) -> Node<HTML.BodyContext> {
        let form = Form(errors: asked.errors)
        return .group(
            form.errorSummary(),
            .heading(title, caption: caption ?? asked.period.description),
            .nav(
                .ariaLabel("Analyses"),
                .ul(
                    .class("inline-list"),
                    .forEach(pages) { page in
                        .li(
                            page.0 == analysis
                                ? .strong(.text(page.1))
                                : .a(.href(AnalysisPath.analysis(page.0).href(asked.query)), .text(page.1)))
                    })),
            .if(
                caption == nil,
                .getForm(
                    action: path.href, .class("filters"),
                    form.textInput(
                        "from", "From", asked.from ?? asked.period.from.description, hint: "For example, 2025-04-01",
                        short: true),
                    form.textInput(
                        "to", "To", asked.to ?? asked.period.to.description, hint: "For example, 2026-03-31",
                        short: true),
                    extra,
                    .button(.type(.submit), .class("button button--secondary"), .text("Show")))),
            .if(
                csv && analysis != nil,
                .p(
                    .a(
                        .href(path.href(asked.query + [("format", "csv")])),
                        .text("Download this table as CSV")))))
    }

    // MARK: Index

    static func index(_ model: AnalysisIndexModel) -> Layout {
        let asked = model.asked
        return Layout(
            context: model.context, title: "Analysis", breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                .heading("Analysis"),
                .p(
                    .class("lead"),
                    .text(
                        "What nobody can see today, worked out from the meetings, attendance and actions recorded here. Every figure links to the records behind it."
                    )),
                .ul(
                    .class("list"),
                    .forEach(pages) { page in
                        .li(
                            .h2(
                                .class("heading-m"),
                                .a(.href(AnalysisPath.analysis(page.0).href(asked.query)), .text(page.1))),
                            .p(.text(page.2)))
                    }),
                .h2(.class("heading-l"), .text("Combating Drugs Partnerships (CDPs)")),
                .ul(
                    .class("list"),
                    .forEach(CDPPages.pages) { page in
                        .li(
                            .h3(.class("heading-m"), .a(.href(AnalysisPath.analysis(page.0).href), .text(page.1))),
                            .p(.text(page.2)))
                    }),
                .p(
                    .a(
                        .href(AnalysisPath.settings.href),
                        .text("Settings: working hours, salaries, preparation time and thresholds")))))
    }
}
