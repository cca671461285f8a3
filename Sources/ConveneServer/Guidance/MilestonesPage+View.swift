import ConveneDomain
import Foundation
import Plot

/// The task list and the evidence form, in the GOV.UK task-list pattern: a status tag for each step, overdue said in
/// words as well as colour.
enum MilestonesPageView {
    static func crumbs(_ p: PartnershipMilestones.Partnership) -> [(String, String)] {
        [
            ("Overview", RegisterPath.overview.href), ("Partnerships", RegisterPath.partnerships.href),
            (p.name, RegisterPath.partnership(p.key).href)
        ]
    }

    static func statusTag(_ task: MilestoneTask) -> Node<HTML.BodyContext> {
        let colour =
            switch task.status {
            case .done: "green"
            case .inProgress: "blue"
            case .notStarted: "grey"
            case .cannotStartYet: "grey"
            }
        return .group(
            Components.tag(task.status.label, colour),
            .if(task.overdue, .group(.text(" "), Components.tag("Overdue", "red"))))
    }

    static func taskName(_ task: MilestoneTask) -> String {
        task.step.repeatsEveryMonths == nil ? task.step.title : "\(task.step.title) (due \(task.due.longDescription))"
    }

    static func render(_ model: MilestonesPageModel) -> Layout {
        let p = model.milestones.partnership
        return Layout(
            context: model.context, title: "Guidance milestones: \(p.name)", breadcrumbs: crumbs(p),
            content: .group(
                .heading("Guidance milestones", caption: p.name),
                .p(
                    .text(
                        "What national guidance asks of this partnership, and by when, as of \(model.milestones.today.longDescription). "
                            + "Steps the register can tell about are done when its records show them.")),
                .if(
                    model.milestones.lists.isEmpty,
                    .p(.text("No guidance template applies to this type of partnership."))),
                .forEach(model.milestones.lists) { list in taskList(list, model) },
                fundingReports(model)))
    }

    /// The reports due to funders on the money that serves the partnership (its funding streams' reporting dates).
    static func fundingReports(_ model: MilestonesPageModel) -> Node<HTML.BodyContext> {
        let today = model.milestones.today
        return .if(
            !model.fundingReports.isEmpty,
            .section(
                .h2(.class("heading-l"), .text("Reports to funders")),
                .p(.text("The reporting dates of the funding streams that serve the partnership.")),
                .ul(
                    .class("task-list"),
                    .forEach(model.fundingReports) { report in
                        .li(
                            .class("task-list__item"),
                            .div(
                                .class("task-list__name"),
                                .a(.href(FundingPath.stream(report.streamKey).href), .text(report.title)),
                                .div(.class("hint"), .text("Due by \(report.day.longDescription)."))),
                            .div(
                                .class("task-list__status"),
                                report.day < today
                                    ? Components.tag("Date passed", "grey")
                                    : Components.tag("Due in \(report.day.ordinal - today.ordinal) days", "blue")))
                    })))
    }

    static func taskList(_ list: PartnershipMilestones.TaskList, _ model: MilestonesPageModel) -> Node<HTML.BodyContext>
    {
        let p = model.milestones.partnership
        let from =
            list.start == list.template.publishedOn
            ? "the guidance's publication (\(list.start.longDescription))"
            : "the partnership's start (\(list.start.longDescription))"
        let done = list.tasks.filter { $0.task.status == .done }.count
        return .section(
            .h2(.class("heading-l"), .text(list.template.title)),
            .p(
                .text("Version \(list.template.version). Due dates run from \(from). "),
                .strong(.text("\(done) of \(list.tasks.count) done.")),
                .text(" "), .a(.href(GuidancePath.templates.href), .text("About the guidance templates"))),
            .ul(
                .class("task-list"),
                .forEach(list.tasks) { t in
                    let id = "task-\(t.task.step.key)-\(t.task.occurrence)"
                    return .li(
                        .class("task-list__item"), .id(id),
                        .div(
                            .class("task-list__name"),
                            name(
                                t.task, id: id,
                                href: model.mayEdit ? evidenceHref(p.key, list.template.key, t.task) : nil),
                            .div(
                                .class("hint"),
                                .text("Due by \(t.task.due.longDescription). Evidence: \(t.task.step.evidence)."))),
                        .div(.class("task-list__status"), .id("\(id)-status"), statusTag(t.task)),
                        .if(
                            !t.records.isEmpty,
                            .p(
                                .text("Shown by the register: "),
                                .forEach(Array(t.records.enumerated())) { index, record in
                                    .group(
                                        .if(index > 0, .text("; ")), .a(.href(record.href), .text(record.label)))
                                })),
                        .if(!t.evidence.isEmpty, evidenceList(t.evidence, p.key, model.paperLinks)))
                }))
    }

    static func evidenceHref(_ partnership: String, _ template: String, _ task: MilestoneTask) -> String {
        GuidancePath.evidence(partnership, template: template, step: task.step.key, occurrence: "\(task.occurrence)")
            .href
    }

    /// The task's name: a link to its evidence form for those who may add evidence, described by its status.
    static func name(_ task: MilestoneTask, id: String, href: String?) -> Node<HTML.BodyContext> {
        guard let href else { return .text(taskName(task)) }
        return .a(
            .href(href), .attribute(named: "aria-describedby", value: "\(id)-status"), .text(taskName(task)))
    }

    static func paper(_ key: String, _ papers: [String: (title: String, href: String)]) -> Node<HTML.BodyContext> {
        guard let found = papers[key] else { return .text(key) }
        return .a(.href(found.href), .text(found.title))
    }

    static func evidenceList(
        _ evidence: [GuidanceEvidence], _ partnership: String, _ papers: [String: (title: String, href: String)]
    ) -> Node<HTML.BodyContext> {
        .ul(
            .class("evidence-list"),
            .forEach(evidence) { e in
                .li(
                    .if(e.marksDone, .group(Components.tag("Marked done", "green"), .text(" "))),
                    .unwrap(e.paperKey) { key in .group(.text("Paper: "), paper(key, papers), .text(". ")) },
                    .unwrap(e.fileName) { name in
                        .group(
                            .text("File: "),
                            .a(.href(GuidancePath.evidenceFile(partnership, evidence: e.key).href), .text(name)),
                            .text(". "))
                    },
                    .unwrap(e.url) { url in .group(.text("Link: "), .a(.href(url), .text(url)), .text(". ")) },
                    .unwrap(e.evidenceOn) { .text("Dated \($0.longDescription). ") },
                    .unwrap(e.confirmedBy) { .text("Confirmed by \($0). ") },
                    .unwrap(e.note) { .text("\(e.marksDone ? "Reason" : "Note"): \($0) ") },
                    .span(
                        .class("secondary-text"),
                        .text("(recorded by \(e.recordedBy) on \(WallClock.day(of: e.recordedAt).longDescription))")))
            })
    }

    static func form(_ model: EvidenceFormModel) -> Layout {
        let p = model.partnership
        let t = model.task.task
        let form = Form(errors: model.errors)
        let action = GuidancePath.evidence(
            p.key, template: model.template.key, step: t.step.key, occurrence: "\(t.occurrence)"
        ).href
        return Layout(
            context: model.context, title: "Evidence: \(t.step.title)",
            breadcrumbs: crumbs(p) + [("Guidance milestones", GuidancePath.milestones(p.key).href)],
            content: .group(
                form.errorSummary(),
                .heading("Add evidence", caption: p.name),
                Components.summaryList([
                    ("Step", .text(taskName(t))),
                    ("Due by", .text(t.due.longDescription)),
                    ("Status", statusTag(t)),
                    ("What counts as evidence", .text(t.step.evidence)),
                    (
                        "Shown by the register",
                        t.step.rule == nil
                            ? .text("The register cannot tell; a person marks it done")
                            : model.task.records.isEmpty
                                ? .text("Not yet: \(t.step.rule?.label ?? "")")
                                : .group(.forEach(model.task.records) { .p(.a(.href($0.href), .text($0.label))) })
                    )
                ]),
                .if(
                    !model.task.evidence.isEmpty,
                    .group(
                        .h2(.class("heading-m"), .text("Evidence kept")), evidenceList(model.task.evidence, p.key, [:]))
                ),
                .h2(.class("heading-m"), .text("New evidence")),
                .postForm(
                    action: action, context: model.context,
                    .attribute(named: "enctype", value: "multipart/form-data"),
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.select(
                        "paper_key", "A paper from the partnership's meetings", model.input.paperKey,
                        model.papers.map { ($0.key, $0.title) }, blank: "None"),
                    form.fileInput(
                        "file", "Or a file", hint: "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG",
                        accept: ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.csv,.txt,.png,.jpg,.jpeg"),
                    form.textInput("url", "Or a link", model.input.url, hint: "A web address starting with https://"),
                    form.textInput(
                        "evidence_on", "Date", model.input.evidenceOn, hint: "When it happened, for example 2024-03-01",
                        short: true),
                    form.textInput("confirmed_by", "Who confirmed it", model.input.confirmedBy),
                    form.textArea("note", "Note", model.input.note, hint: "Say why, if you mark the step done"),
                    .if(
                        t.step.rule == nil,
                        form.checkboxes(
                            "marks_done", "Done", model.input.marksDone == nil ? [] : ["yes"],
                            [("yes", "Mark this step done")], single: true)),
                    .button(.type(.submit), .class("button"), .text("Save evidence")),
                    .p(.a(.href(GuidancePath.milestones(p.key).href), .text("Cancel"))))))
    }
}
