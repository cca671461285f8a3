import ConveneDomain
import Foundation
import Plot

/// The outcomes pages: the indicators, one indicator's values, the import of files, a new local indicator and a
/// partnership's framework.
enum OutcomePagesView {
    static let crumbs: [(String, String)] = [
        ("Overview", RegisterPath.overview.href), ("Outcomes", OutcomePath.outcomes.href)
    ]

    static func list(_ model: OutcomesModel) -> Layout {
        Layout(
            context: model.context, title: "Outcomes", breadcrumbs: [crumbs[0]],
            content: .group(
                .heading("Outcomes"),
                .p(
                    .text(
                        "The indicators partnerships watch: the national frameworks' headline measures, which ship with Convene, and any of your own. Import the published statistics, then give each partnership a performance framework: its dashboard shows how each indicator is going."
                    )),
                .if(
                    model.context.mayEdit,
                    .p(
                        .a(.href(OutcomePath.importFile.href), .class("button"), .text("Import a file")), .text(" "),
                        // Administrators add a workspace's own indicators.
                        .if(
                            (model.context.principal?.role ?? .viewer) >= .admin,
                            .group(
                                .a(
                                    .href(OutcomePath.newIndicator.href), .class("button button--secondary"),
                                    .text("Add an indicator of your own")), .text(" "))),
                        .a(.href(FundingPath.funding.href), .text("Funding")))),
                .h2(.class("heading-l"), .text("Performance frameworks")),
                model.frameworks.isEmpty
                    ? .p(
                        .text(
                            "No partnership has a performance framework yet. Open a partnership's dashboard to set one up."
                        ))
                    : .ul(
                        .class("list"),
                        .forEach(model.frameworks) { f in
                            .li(
                                .a(.href(OutcomePath.dashboard(f.key).href), .text("\(f.name): performance dashboard")),
                                .text(" (\(f.indicators) indicators)"))
                        }),
                .forEach(OutcomeFrameworks.all) { framework in
                    indicatorTable(
                        framework.name,
                        model.indicators.filter { i in framework.indicators.contains { $0.id == i.id } },
                        model)
                },
                indicatorTable(
                    "Indicators of your own",
                    model.indicators.filter { OutcomeFrameworks.indicator($0.id) == nil }, model)))
    }

    static func indicatorTable(_ caption: String, _ indicators: [Indicator], _ model: OutcomesModel)
        -> Node<HTML.BodyContext>
    {
        indicators.isEmpty
            ? .group(.h2(.class("heading-m"), .text(caption)), .p(.text("None yet.")))
            : Components.table(
                caption: caption,
                headers: [.text("Indicator"), .text("Unit"), .text("Better"), .text("Published for"), .text("Values")],
                rows: indicators.map { i in
                    [
                        .a(.href(OutcomePath.indicator(i.id).href), .text(i.name)), .text(i.unit.label),
                        .text(i.polarity == .higherIsBetter ? "Higher" : "Lower"), .text(i.geography.label),
                        .text("\(model.values[i.id] ?? 0)")
                    ]
                })
    }

    static func indicator(_ model: IndicatorPageModel) -> Layout {
        let i = model.indicator
        let outcomes = i.outcomeKeys.compactMap(OutcomeFrameworks.outcome).map(\.title)
        return Layout(
            context: model.context, title: i.name, breadcrumbs: crumbs,
            content: .group(
                .heading(i.name, caption: "Indicator"),
                Components.summaryList([
                    ("Id", .code(.text(i.id))),
                    ("Definition", Components.text(i.definition)),
                    ("Unit", .text(i.unit.label)),
                    ("Which way is better", .text(i.polarity.label)),
                    ("Source", .text(i.source)),
                    ("Publisher", Components.text(i.publisher)),
                    ("Published", .text("\(i.frequency.label), for each \(i.geography.label.lowercased())")),
                    ("Outcomes it measures", Components.text(outcomes.joined(separator: "; "), empty: "None named"))
                ]),
                .h2(.class("heading-l"), .text("Values")),
                model.histories.isEmpty
                    ? .p(.text("No values yet."))
                    : Components.table(
                        caption: "Every value held, by area and period; a revised figure lists each revision",
                        headers: [
                            .text("Area"), .text("Period"), .text("Value"), .text("Published"), .text("Source"),
                            .text("Revisions")
                        ],
                        rows: model.histories.map { h in
                            let current = h.current
                            return [
                                .text(
                                    model.areaNames[h.key.areaCode].map { "\($0) (\(h.key.areaCode))" }
                                        ?? h.key.areaCode),
                                .text(h.key.period.label), .text(OutcomeFormat.value(current.value, i.unit)),
                                .text(current.publishedOn?.longDescription ?? "Not given"),
                                Components.text(current.source, empty: "Not given"),
                                h.revisions.count == 1
                                    ? .text("None")
                                    : .ul(
                                        .class("list"),
                                        .forEach(h.revisions) { r in
                                            .li(
                                                .text(
                                                    "\(OutcomeFormat.value(r.value, i.unit)), published \(r.publishedOn?.longDescription ?? "on a day not given")"
                                                ))
                                        })
                            ]
                        }),
                .if(
                    !model.targets.isEmpty,
                    Components.table(
                        caption: "Targets",
                        headers: [.text("Area"), .text("Period"), .text("Target")],
                        rows: model.targets.map { t in
                            [.text(t.areaCode), .text(t.period.label), .text(OutcomeFormat.value(t.value, i.unit))]
                        }))))
    }

    static func importPage(_ model: OutcomeImportModel) -> Layout {
        let report = model.report
        let form = Form(
            errors: model.errors
                + (report?.errors ?? []).map {
                    // Each bad cell is named by its place, and the summary links to the file field.
                    FieldError("file", $0.field == "file" ? $0.message : "\($0.field): \($0.message)")
                })
        return Layout(
            context: model.context, title: form.title("Import a file of outcomes"), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading("Import a file of outcomes"),
                .unwrap(report.flatMap { $0.errors.isEmpty ? $0 : nil }) { report in
                    .div(
                        .class("panel panel--confirmation"), .attribute(named: "role", value: "status"),
                        .h2(
                            .class("heading-m"),
                            .text(report.dryRun ? "The file is good: nothing was imported" : "Imported")),
                        .p(.text(report.summary + ".")))
                },
                .p(
                    .text(
                        "A CSV or Excel (.xlsx) file, all or nothing: if any cell is wrong nothing is imported, and each one is named. Importing the same file again changes nothing. A revised figure is kept beside the one it revises."
                    )),
                .detailsElement(
                    "What the files hold",
                    .ul(
                        .class("list"),
                        .li(
                            .strong(.text("Measurements: ")),
                            .text(
                                "a row per value, indicator_id,area_code,period,value (and if wanted numerator,denominator,published_on,source); or a column per period, indicator_id,area_code,2022,2023. A period is a year 2023, a financial year 2023-24, a quarter 2023-Q2 or a month 2023-05."
                            )),
                        .li(.strong(.text("Targets: ")), .text("indicator_id,area_code,period,target.")),
                        .li(
                            .strong(.text("Indicators: ")),
                            .text(
                                "indicator_id,name,unit,polarity,source,frequency,geography, polarity being higher-is-better or lower-is-better."
                            )))),
                .postForm(
                    action: OutcomePath.importFile.href, context: model.context,
                    .attribute(named: "enctype", value: "multipart/form-data"),
                    form.radios(
                        "kind", "What does the file hold?", model.kind ?? OutcomeImport.Kind.measurements.rawValue,
                        OutcomeImport.Kind.allCases.map { ($0.rawValue, $0.label) }),
                    form.fileInput("file", "The file", hint: "CSV or Excel (.xlsx)", accept: ".csv,.xlsx"),
                    form.checkboxes(
                        "dry_run", "Checking first", model.dryRun ? ["yes"] : [],
                        [("yes", "Only check the file: import nothing")], single: true),
                    .button(.type(.submit), .class("button"), .text("Import")))))
    }

    static func newIndicator(_ model: NewIndicatorModel) -> Layout {
        let form = Form(errors: model.errors)
        let input = model.input
        return Layout(
            context: model.context, title: form.title("Add an indicator"), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading("Add an indicator"),
                .postForm(
                    action: OutcomePath.newIndicator.href, context: model.context,
                    form.textInput(
                        "indicator_id", "Id", input.indicatorID,
                        hint:
                            "Lower-case letters, digits and hyphens, such as local-naloxone-kits. Files of values name the indicator by it."
                    ),
                    form.textInput("name", "Name", input.name),
                    form.textArea("definition", "Definition", input.definition, hint: "What is counted, and over whom"),
                    form.select(
                        "unit", "Unit", input.unit, IndicatorUnit.allCases.map { ($0.rawValue, $0.label) },
                        blank: "Choose a unit"),
                    form.radios(
                        "polarity", "Which way is better?", input.polarity,
                        Polarity.allCases.map { ($0.rawValue, $0.label) }),
                    form.textInput("source", "Source", input.source, hint: "The plan or framework it comes from"),
                    form.textInput("publisher", "Publisher", input.publisher, hint: "Who publishes the figures"),
                    form.select(
                        "frequency", "How often it is published", input.frequency,
                        IndicatorFrequency.allCases.map { ($0.rawValue, $0.label) }, blank: "Choose"),
                    form.select(
                        "geography", "The areas it is published for", input.geography,
                        Indicator.geographies.map { ($0.rawValue, $0.label) }, blank: "Choose"),
                    .button(.type(.submit), .class("button"), .text("Add the indicator")))))
    }

    static func framework(_ model: FrameworkFormModel) -> Layout {
        let form = Form(errors: model.errors)
        let chosen = Dictionary(
            (model.framework?.entries ?? []).map { ($0.indicatorID, $0) }, uniquingKeysWith: { a, _ in a })
        let title = "Performance framework"
        return Layout(
            context: model.context, title: form.title("\(title): \(model.partnershipName)"),
            breadcrumbs: [
                ("Overview", RegisterPath.overview.href),
                (model.partnershipName, RegisterPath.partnership(model.partnershipKey).href),
                ("Dashboard", OutcomePath.dashboard(model.partnershipKey).href)
            ],
            content: .group(
                form.errorSummary(),
                .heading(title, caption: model.partnershipName),
                .p(
                    .text(
                        "Choose the indicators the partners agreed to watch, and for each the delivery plan priority it measures. The dashboard shows them for the area below, beside the comparison area."
                    )),
                .postForm(
                    action: OutcomePath.framework(model.partnershipKey).href, context: model.context,
                    form.textInput(
                        "area_code", "The area the figures are for", model.framework?.areaCode,
                        hint: "Its ONS code, such as E10000003 for Cambridgeshire", short: true),
                    form.textInput(
                        "comparison_area_code", "The area to compare with (optional)",
                        model.framework?.comparisonAreaCode,
                        hint: "Its ONS code; E92000001 is England", short: true),
                    form.checkboxes(
                        "indicators", "Indicators", Array(chosen.keys), model.indicators.map { ($0.id, $0.name) }),
                    .if(
                        !model.priorities.isEmpty,
                        .group(
                            .h2(.class("heading-m"), .text("The priority each indicator measures")),
                            .forEach(model.indicators) { indicator in
                                form.select(
                                    "priority-\(indicator.id)", indicator.name,
                                    chosen[indicator.id]?.priorityKeys.first,
                                    model.priorities.map { ($0.key, $0.title) }, blank: "No priority")
                            })),
                    .button(.type(.submit), .class("button"), .text("Save the framework")))))
    }
}
