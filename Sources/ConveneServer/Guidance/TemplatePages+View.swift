import ConveneDomain
import Foundation
import Plot

/// The templates' pages: the list with each version's steps, the form to add one, and the JSON import.
enum TemplatePagesView {
    static let crumbs: [(String, String)] = [("Overview", RegisterPath.overview.href)]

    static func due(_ step: GuidanceStep) -> String {
        let base: String
        switch step.due {
        case .on(let day): base = "By \(day.longDescription)"
        case .after(let months, let days, let endOfMonth):
            let parts = [
                months > 0 ? "\(months) month\(months == 1 ? "" : "s")" : nil,
                days > 0 ? "\(days) day\(days == 1 ? "" : "s")" : nil
            ].compactMap { $0 }
            let span = parts.isEmpty ? "at" : parts.joined(separator: " and ") + " after"
            base =
                (endOfMonth ? "By the end of the month \(span)" : "\(span.prefix(1).uppercased())\(span.dropFirst())")
                + " the start"
        }
        return step.repeatsEveryMonths.map { "\(base), then every \($0) months" } ?? base
    }

    static func list(_ model: TemplatesPageModel) -> Layout {
        Layout(
            context: model.context, title: "Guidance templates", breadcrumbs: crumbs,
            content: .group(
                .heading("Guidance templates"),
                .p(
                    .text(
                        "National guidance as data: the steps a type of partnership is asked to take and by when. Each partnership of that type has a task list worked out from its own start date. "
                    ),
                    .a(.href(GuidancePath.exportTemplates.href), .text("Download every template as JSON")), .text(".")),
                .if(
                    model.mayAdminister,
                    .p(
                        .a(.href(GuidancePath.newTemplate.href), .class("button"), .text("Add a template")), .text(" "),
                        .a(.href(GuidancePath.importTemplates.href), .class("button"), .text("Import templates")))),
                .forEach(model.templates) { template in
                    .section(
                        .h2(.class("heading-m"), .text("\(template.title), version \(template.version)")),
                        Components.summaryList([
                            ("Key", .text(template.key)),
                            ("Applies to", .text(template.partnershipType.label)),
                            ("Published", .text(template.publishedOn.longDescription)),
                            ("Source", Components.text(template.source))
                        ]),
                        Components.table(
                            caption: "The steps of \(template.title), version \(template.version)",
                            headers: [.text("Step"), .text("Due"), .text("Evidence"), .text("Shown by the register")],
                            rows: template.steps.map { step in
                                [
                                    .text(step.title), .text(due(step)), .text(step.evidence),
                                    .text(step.rule?.label ?? "No: a person marks it done")
                                ]
                            }, captionVisible: false))
                }))
    }

    static func form(_ model: TemplateFormModel) -> Layout {
        let form = Form(errors: model.errors)
        let rows = model.input.rows
        return Layout(
            context: model.context, title: "Add a guidance template",
            breadcrumbs: crumbs + [("Guidance templates", GuidancePath.templates.href)],
            content: .group(
                form.errorSummary(),
                .heading("Add a guidance template"),
                .p(
                    .text("A template with many steps is quicker to write as a file: "),
                    .a(.href(GuidancePath.importTemplates.href), .text("import templates from JSON")), .text(".")),
                .postForm(
                    action: GuidancePath.newTemplate.href, context: model.context,
                    form.textInput("title", "Title", model.input.title),
                    form.textInput(
                        "key", "Key", model.input.key,
                        hint: "Lower-case letters, digits and hyphens; the same for every version"),
                    form.textInput("version", "Version", model.input.version, short: true),
                    form.select(
                        "partnership_type", "Applies to", model.input.partnershipType,
                        PartnershipType.allCases.map { ($0.rawValue, $0.label) }, blank: "Choose a type"),
                    form.textInput(
                        "published_on", "Published on", model.input.publishedOn,
                        hint: "For example 2022-06-01. A partnership that starts later counts from its own start.",
                        short: true),
                    form.textInput(
                        "source", "Source", model.input.source, hint: "Where a reader can find the guidance"),
                    .h2(.class("heading-m"), .text("Steps")),
                    .p(
                        .class("hint"),
                        .text(
                            "In the guidance's order. A step left wholly blank is not added; clear a step to take it out."
                        )),
                    .forEach(Array(rows.enumerated())) { row, step in stepFields(form, row: row, step: step) },
                    .div(
                        .button(
                            .type(.submit), .class("button button--secondary"), .name("action"),
                            .value("add-step"), .text("Add another step")),
                        .button(.type(.submit), .class("button"), .text("Add the template"))),
                    .p(.a(.href(GuidancePath.templates.href), .text("Cancel"))))))
    }

    /// One step's fields in a fieldset of its own, named `steps[ROW][FIELD]`.
    static func stepFields(_ form: Form, row: Int, step: TemplateFormModel.StepInput) -> Node<HTML.BodyContext> {
        let field = { (name: String) in TemplateFormModel.Input.field(name, row: row) }
        return .element(
            named: "fieldset",
            nodes: [
                .class("fieldset"),
                .element(
                    named: "legend",
                    nodes: [.class("fieldset__legend"), .text("Step \(row + 1)")]
                        as [Node<HTML.BodyContext>]),
                form.textArea(field("title"), "Title, in the guidance's words", step.title),
                form.textInput(
                    field("key"), "Key", step.key,
                    hint: "Optional: made from the title when left blank. Other steps name it to follow it."),
                form.textArea(field("evidence"), "What counts as evidence", step.evidence),
                form.textInput(
                    field("due_months"), "Due, months after the start", step.dueMonths, short: true),
                form.textInput(field("due_days"), "and days", step.dueDays, short: true),
                form.checkboxes(
                    field("due_end_of_month"), "End of month", step.dueEndOfMonth.map { [$0] } ?? [],
                    [("yes", "Due by the end of the month that many months reach")], single: true),
                form.textInput(
                    field("due_on"), "Or due on a date", step.dueOn,
                    hint: "yyyy-mm-dd; instead of months and days, when the guidance gives a fixed date", short: true
                ),
                form.textInput(
                    field("repeats_every_months"), "Repeats every so many months", step.repeatsEveryMonths,
                    hint: "For a yearly report, 12; blank for a step done once", short: true),
                form.textInput(
                    field("after"), "Cannot start until", step.after,
                    hint: "The keys of earlier steps, separated by commas"),
                form.select(
                    field("rule"), "Shown by the register", step.rule,
                    StepRule.allCases.map { ($0.rawValue, $0.label) }, blank: "No: a person marks it done")
            ] as [Node<HTML.BodyContext>])
    }

    static func importPage(_ model: TemplatesPageModel, errors: [FieldError]) -> Layout {
        let form = Form(errors: errors.map { FieldError("file", "\($0.field): \($0.message)") })
        return Layout(
            context: model.context, title: "Import guidance templates",
            breadcrumbs: crumbs + [("Guidance templates", GuidancePath.templates.href)],
            content: .group(
                form.errorSummary(),
                .heading("Import guidance templates"),
                .unwrap(model.report) { report in
                    .div(
                        .class("panel"), .attribute(named: "role", value: "status"),
                        .p(
                            .text(
                                report.added.isEmpty
                                    ? "Nothing changed: every template in the file is already kept as it is."
                                    : "Added \(report.added.joined(separator: ", ")).")),
                        .if(
                            !report.unchanged.isEmpty,
                            .p(.text("Already kept as in the file: \(report.unchanged.joined(separator: ", ")).")))
                    )
                },
                .p(
                    .text(
                        "A JSON file of templates, as the export writes it. The whole file is taken or none of it; a template already kept exactly as in the file is left as it is."
                    )),
                .postForm(
                    action: GuidancePath.importTemplates.href, context: model.context,
                    .attribute(named: "enctype", value: "multipart/form-data"),
                    form.fileInput("file", "Templates file", accept: ".json,application/json"),
                    .button(.type(.submit), .class("button"), .text("Import")))))
    }
}
