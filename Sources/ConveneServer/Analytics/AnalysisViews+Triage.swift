import ConveneDomain
import Foundation
import Plot

/// The triage analysis's page.
extension AnalysisViews {
    static func triage(_ model: TriagePageModel) -> Layout {
        let (context, asked, r, person, plan) = (model.context, model.asked, model.report, model.person, model.plan)
        let (people, capacity, saved, mayEdit) = (model.people, model.capacity, model.saved, model.context.mayEdit)
        let title = "Triage of invitations"
        let form = Form(errors: asked.errors)
        let extra: Node<HTML.BodyContext> = .group(
            form.select("person", "Whose invitations", person?.key, people),
            form.textInput(
                "capacity", "Meetings a year they can attend", capacity, hint: "For example, 150", short: true))
        return Layout(
            context: context, title: Form(errors: asked.errors).title(title), breadcrumbs: crumbs(),
            content: .group(
                .if(
                    saved,
                    .div(
                        .class("panel"), .attribute(named: "role", value: "status"), .h2(.text("Plan saved")),
                        .p(.text("The choices below are now the plan of \(person?.name ?? "this person").")))),
                header(.triage, title, asked, path: AnalysisPath.analysis(.triage), extra: extra, csv: false),
                .unwrap(r) { r in
                    .group(
                        .p(
                            .a(
                                .href(
                                    AnalysisPath.analysis(.triage).href(
                                        asked.query + [
                                            ("person", r.personKey), ("capacity", String(r.capacity)), ("format", "csv")
                                        ])), .text("Download this table as CSV"))),
                        Components.summaryList(
                            [
                                (
                                    "Invited to",
                                    .text(
                                        "about \(r.invitedMeetings) meetings a year, of \(r.entries.count) partnerships"
                                    )
                                ),
                                (
                                    "Recommended to attend",
                                    .text(
                                        "\(r.attendMeetings) meetings a year, for a capacity of \(r.capacity)"
                                            + (r.fits
                                                ? ""
                                                : ": over capacity, because the meetings chaired or led come first"))
                                )
                            ]
                                + Triage.Recommendation.allCases.map { rec in
                                    (
                                        rec.label,
                                        .text(count(r.entries.filter { $0.recommendation == rec }.count, "partnership"))
                                    )
                                }),
                        Charts.bars(
                            id: "triage-chart", title: "Meetings a year by recommendation",
                            description: "How many meetings a year each recommendation covers.",
                            Triage.Recommendation.allCases.map { rec in
                                let n = r.entries.filter { $0.recommendation == rec }.map(\.meetingsPerYear).reduce(
                                    0, +)
                                return Charts.Bar(label: rec.label, value: Double(n), text: "\(n) meetings a year")
                            }),
                        mayEdit
                            ? .postForm(
                                action: AnalysisPath.analysis(.triage).href, context: context, .id("plan"),
                                .input(.type(.hidden), .name("person"), .value(r.personKey)),
                                .input(.type(.hidden), .name("capacity"), .value(String(r.capacity))),
                                .input(.type(.hidden), .name("from"), .value(asked.period.from.description)),
                                .input(.type(.hidden), .name("to"), .value(asked.period.to.description)),
                                recommendations(r, plan: plan, mayEdit: true),
                                .button(
                                    .type(.submit), .class("button"),
                                    .text("Save as the plan of \(person?.name ?? "this person")")))
                            : .div(.id("plan"), recommendations(r, plan: plan, mayEdit: false)),
                        .unwrap(plan) { plan in
                            .p(
                                .class("hint"),
                                .text(
                                    "A plan was saved\(plan.updatedAt.map { " on " + WallClock.parts($0).day.longDescription } ?? "") for a capacity of \(plan.capacity); \(overrides(plan))."
                                ))
                        })
                }))
    }

    static func recommendations(_ r: Triage.Report, plan: AnalysisPages.SavedPlan?, mayEdit: Bool) -> Node<
        HTML.BodyContext
    > {
        Components.table(
            caption: "Recommendations",
            headers: [
                .text("Partnership"), .text("Role"), .text("Meetings a year"), .text("Recommendation"),
                .text("Why"), .text(mayEdit ? "Your choice" : "Plan")
            ],
            rows: r.entries.map { e in
                let chosen = plan?.choices[e.partnershipKey]?.choice ?? e.recommendation
                return [
                    .a(.href(RegisterPath.partnership(e.partnershipKey).href), .text(e.name)),
                    .text(e.roles.joined(separator: ", ")),
                    .text("\(e.meetingsPerYear)"), .strong(.text(e.recommendation.label)),
                    .ul(.class("list"), .forEach(e.reasons) { .li(.text($0)) }),
                    mayEdit
                        ? .select(
                            .id("choice-\(e.partnershipKey)"),
                            .attribute(named: "name", value: "choice-\(e.partnershipKey)"), .class("select"),
                            .attribute(named: "aria-label", value: "Your choice for \(e.name)"),
                            .forEach(Triage.Recommendation.allCases) {
                                .choice($0.rawValue, $0.label, selected: $0 == chosen)
                            })
                        : .text(plan?.choices[e.partnershipKey].map { $0.choice.label } ?? "No plan saved")
                ]
            })
    }
}
