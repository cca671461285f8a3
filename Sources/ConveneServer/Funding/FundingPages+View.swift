import ConveneDomain
import Foundation
import Plot

/// The funding pages: the money in beside the meetings' cost with its flows, a stream, and a stream's form.
enum FundingPagesView {
    static let crumbs: [(String, String)] = [
        ("Overview", RegisterPath.overview.href), ("Funding", FundingPath.funding.href)
    ]

    static func overview(_ model: FundingModel) -> Layout {
        let report = model.report
        let area = model.forceArea.map { code in model.forceAreas.first { $0.code == code }?.name ?? code }
        let title =
            model.partnership.map { "Funding: \(model.partnershipName($0))" } ?? area.map { "Funding: \($0)" }
            ?? "Funding"
        func funder(_ amount: FundingAnalysis.FunderAmount) -> String {
            amount.funderName ?? amount.funderKey.map(model.organisationName) ?? ""
        }
        let flows = model.flows
        return Layout(
            context: model.context, title: title,
            breadcrumbs: model.partnership == nil && model.forceArea == nil ? [crumbs[0]] : crumbs,
            content: .group(
                .heading(title),
                .p(
                    .text(
                        "The money that comes to the partnerships, by funder and financial year (April to March), beside what their meetings cost in the same years (the cost audit: the time of everyone who attends, and the secretariat's). A stream serving several partnerships is shared equally between them."
                    )),
                .getForm(
                    action: FundingPath.funding.href,
                    Form(errors: []).select(
                        "partnership", "Partnership", model.partnership,
                        model.partnerships.map { ($0.key, $0.value) }.sorted { $0.1 < $1.1 },
                        blank: "Every partnership"),
                    Form(errors: []).select(
                        "force_area", "Or a police force area's partnerships", model.forceArea,
                        model.forceAreas.map { ($0.code, $0.name) }, blank: "Every force area"),
                    .button(.type(.submit), .class("button button--secondary"), .text("Show"))),
                .if(
                    model.context.mayEdit,
                    .p(.a(.href(FundingPath.newStream.href), .class("button"), .text("Add a funding stream")))),
                Components.summaryList([
                    ("Money in", .text(Money.format(pence: report.moneyInPence))),
                    ("Meetings' cost in the same years", .text(Money.format(pence: report.meetingCostPence))),
                    ("Streams", .text("\(model.streams.count)"))
                ]),
                report.partnerships.isEmpty
                    ? .p(.text("There are no funding streams yet."))
                    : Components.table(
                        caption: "Money in and meetings' cost, by partnership and financial year",
                        headers: [
                            .text("Partnership"), .text("Financial year"), .text("Money in"), .text("From"),
                            .text("Meetings' cost")
                        ],
                        rows: report.partnerships.flatMap { p in
                            p.years.map { y in
                                [
                                    .a(
                                        .href(FundingPath.funding.href(["partnership": p.partnership])),
                                        .text(model.partnershipName(p.partnership))),
                                    .text(y.financialYear.label), .text(Money.format(pence: y.moneyInPence)),
                                    .text(
                                        y.funders.map { "\(funder($0)) \(Money.format(pence: $0.pence))" }
                                            .joined(separator: "; ")),
                                    .a(
                                        .href(
                                            AnalysisPath.analysis(.cost).href([
                                                "from": y.financialYear.start.description,
                                                "to": y.financialYear.end.description
                                            ])), .text(Money.format(pence: y.meetingCostPence)))
                                ]
                            }
                        }),
                .if(
                    !flows[0].isEmpty,
                    .group(
                        .h2(.class("heading-l"), .text("Where the money flows")),
                        Charts.flows(
                            id: "flows", title: "Money from funders through recipients to partnerships",
                            description:
                                "Money from each funder to the organisation that receives it, and on to the partnerships it serves, all years together.",
                            columns: ["Funder", "Recipient", "Partnership"], flows),
                        Components.table(
                            caption: "The flows, all years together",
                            headers: [.text("From"), .text("To"), .text("Money")],
                            rows: flows.flatMap { $0 }.map { f in
                                [.text(f.from), .text(f.to), .text(Money.format(pence: f.pence))]
                            }))),
                .h2(.class("heading-l"), .text("Streams")),
                model.streams.isEmpty
                    ? .p(.text("None yet."))
                    : Components.table(
                        caption: "Funding streams",
                        headers: [
                            .text("Purpose"), .text("Funder"), .text("Recipient"), .text("Partnerships"),
                            .text("Total"), .text("Reporting dates")
                        ],
                        rows: model.streams.map { s in
                            [
                                .a(.href(FundingPath.stream(s.key).href), .text(s.purpose)),
                                .text(model.funderName(s.funder)),
                                .text(model.organisationName(s.recipientKey)),
                                .text(s.partnershipKeys.map(model.partnershipName).joined(separator: "; ")),
                                .text(Money.format(pence: s.totalPence)),
                                .text(s.reportingDates.map(\.longDescription).joined(separator: "; "))
                            ]
                        })))
    }

    static func stream(_ model: FundingStreamModel) -> Layout {
        let s = model.stream
        func organisation(_ key: String) -> String { model.organisations[key] ?? key }
        return Layout(
            context: model.context, title: s.purpose, breadcrumbs: crumbs,
            content: .group(
                .heading(s.purpose, caption: "Funding stream"),
                Components.summaryList([
                    ("Funder", .text(s.funder.name ?? s.funder.organisationKey.map(organisation) ?? "")),
                    ("Paid to", .text(organisation(s.recipientKey))),
                    (
                        "Serves",
                        .ul(
                            .class("list"),
                            .forEach(s.partnershipKeys) { key in
                                .li(
                                    .a(.href(RegisterPath.partnership(key).href), .text(model.partnerships[key] ?? key))
                                )
                            })
                    ),
                    ("Total", .text(Money.format(pence: s.totalPence))),
                    ("Conditions", Components.text(s.conditions, empty: "None recorded")),
                    (
                        "Reporting dates",
                        Components.text(
                            s.reportingDates.map(\.longDescription).joined(separator: "; "), empty: "None recorded")
                    )
                ]),
                Components.table(
                    caption: "Amounts by financial year", headers: [.text("Financial year"), .text("Amount")],
                    rows: s.amounts.map { [.text($0.financialYear.label), .text(Money.format(pence: $0.pence))] }),
                .if(
                    model.context.mayEdit,
                    .p(.a(.href(FundingPath.editStream(s.key).href), .text("Change the stream"))))))
    }

    static func form(_ model: FundingFormModel) -> Layout {
        let form = Form(errors: model.errors)
        let input = model.input
        let title = model.key == nil ? "Add a funding stream" : "Change a funding stream"
        let action = model.key.map { FundingPath.editStream($0).href } ?? FundingPath.newStream.href
        let organisations = model.organisations.map { ($0.key, $0.name) }
        return Layout(
            context: model.context, title: form.title(title), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading(title),
                .postForm(
                    action: action, context: model.context,
                    form.select(
                        "funder", "Funder", input.funder, organisations, blank: "A funder not in the register",
                        hint: "The organisation that gives the money"),
                    form.textInput(
                        "funder_name", "The funder's name, if it is not in the register", input.funderName,
                        hint: "Such as Office for Health Improvement and Disparities"),
                    form.select("recipient_key", "Paid to", input.recipientKey, organisations, blank: "Choose"),
                    form.checkboxes(
                        "partnership_keys", "The partnerships it serves", input.partnershipKeys ?? [],
                        model.partnerships.map { ($0.key, $0.name) }),
                    form.textArea("purpose", "What the money is for", input.purpose),
                    .element(
                        named: "fieldset",
                        nodes: [
                            .class("fieldset"),
                            .element(
                                named: "legend",
                                nodes: [.class("label"), .text("Amounts by financial year")]
                                    as [Node<HTML.BodyContext>]),
                            .p(
                                .class("hint"),
                                .text("Financial years run from April to March: write them like 2024-25.")),
                            .forEach(Array(0..<FundingFormModel.years)) { i in
                                .div(
                                    .class("amount-row"),
                                    form.textInput(
                                        "year_\(i + 1)", "Financial year \(i + 1)", input.yearTexts[i], short: true),
                                    form.textInput(
                                        "amount_\(i + 1)", "Amount for year \(i + 1)", input.amountTexts[i],
                                        short: true))
                            }
                        ] as [Node<HTML.BodyContext>]),
                    form.textArea("conditions", "Conditions", input.conditions),
                    form.textArea(
                        "reporting_dates", "Reporting dates", input.reportingDates,
                        hint: "When the recipient reports to the funder: one date a line, like 2025-04-30"),
                    .button(.type(.submit), .class("button"), .text("Save the funding stream")))))
    }
}
