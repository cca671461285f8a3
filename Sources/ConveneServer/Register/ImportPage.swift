import ConveneDomain
import Foundation
import Plot
import Vapor

/// `/import`: a register file uploaded in the browser goes through the same all-or-nothing import as
/// `convene import`. A bad file changes nothing and the page names each bad row and field.
enum ImportPage {
    /// The largest file the page accepts; a whole force area's register as CSV is well under 1 MB.
    static let maximumSize = 20 * 1024 * 1024

    /// An .xlsx file's media type, for the file picker.
    static let workbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func register(on write: RoutesBuilder) {
        write.get(RegisterPath.importFile, use: form)
        write.on(
            .POST, RegisterPath.importFile.route, body: .collect(maxSize: ByteCount(value: maximumSize)), use: upload)
    }

    struct Upload: Content {
        var format: String?
        var file: File?
        var dryRun: String?

        enum CodingKeys: String, CodingKey { case format, file, dryRun = "dry_run" }
    }

    /// The upload form, as chosen, with what is wrong with it.
    struct FormModel {
        var context: PageContext
        /// The kind of file chosen, as posted.
        var format: String?
        var dryRun: Bool
        var errors: [FieldError]
    }

    /// A file that was not imported, and each of its problems.
    struct RejectedModel {
        var context: PageContext
        /// The file's name.
        var name: String
        var issues: [ImportIssue]
        /// Where to go to import a corrected file.
        var retry = RegisterPath.importFile.href
        var breadcrumbs: [(label: String, href: String)] = [
            ("Overview", RegisterPath.overview.href), ("Import", RegisterPath.importFile.href)
        ]
    }

    /// What an import changed, or a check would change.
    struct AppliedModel {
        var context: PageContext
        /// The file's name.
        var name: String
        var summary: ChangeSummary
        var dryRun: Bool
    }

    @Sendable static func form(req: Request) async throws -> Response {
        view(FormModel(context: req.pageContext, format: nil, dryRun: false, errors: [])).response()
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let upload = try req.content.decode(Upload.self)
        var errors: [FieldError] = []
        let format = upload.format.flatMap(Tasks.FileFormat.init(rawValue:))
        if format == nil {
            errors.append(FieldError("format", "Select the kind of file: CSV, Excel workbook or Popolo JSON"))
        }
        let data = upload.file.map { Data(buffer: $0.data) } ?? Data()
        if data.isEmpty { errors.append(FieldError("file", "Select a file to import; the one chosen is empty")) }
        let dryRun = upload.dryRun != nil
        guard let format, errors.isEmpty else {
            return view(FormModel(context: req.pageContext, format: upload.format, dryRun: dryRun, errors: errors))
                .response(status: .unprocessableEntity)
        }
        let name = upload.file?.filename ?? "the file"
        switch try await RegisterImport.run(Tasks.read(format, data), in: req.scope, dryRun: dryRun) {
        case .rejected(let issues):
            return rejected(RejectedModel(context: req.pageContext, name: name, issues: issues))
                .response(status: .unprocessableEntity)
        case .applied(let summary, let dryRun):
            return applied(AppliedModel(context: req.pageContext, name: name, summary: summary, dryRun: dryRun))
                .response()
        }
    }

    static func view(_ model: FormModel) -> Layout {
        let (context, format, dryRun, errors) = (model.context, model.format, model.dryRun, model.errors)
        let form = Form(errors: errors)
        return Layout(
            context: context, title: Form(errors: errors).title("Import a register file"),
            breadcrumbs: [("Overview", RegisterPath.overview.href)],
            content: .group(
                form.errorSummary(),
                .heading("Import a register file"),
                .p(
                    .text(
                        "The whole file is checked first. If any row has a problem, nothing is imported and each problem is listed by row and field. Importing the same file again changes nothing."
                    )),
                .p(
                    .text(
                        "A CSV file has one row per membership, with a header row naming its columns (partnership_id, partnership_name, type, membership_id, member_person_id, role and others). An Excel workbook has the same columns on its first sheet that has them, below any title rows. Convene's own CSV, workbook and Popolo exports can be imported as they are; the layouts are described in docs/import-formats.md."
                    )),
                .postForm(
                    action: RegisterPath.importFile.href, context: context,
                    .attribute(named: "enctype", value: "multipart/form-data"),
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.radios(
                        "format", "What kind of file is it?", format ?? Tasks.FileFormat.csv.rawValue,
                        [
                            (
                                Tasks.FileFormat.csv.rawValue,
                                "CSV, one row per membership (like the sheets offices keep)"
                            ),
                            (
                                Tasks.FileFormat.xlsx.rawValue,
                                "Excel workbook (.xlsx) with the same columns"
                            ),
                            (Tasks.FileFormat.popolo.rawValue, "Popolo JSON")
                        ]),
                    form.fileInput(
                        "file", "Register file", hint: "A .csv, .xlsx or .json file, up to 20 MB",
                        accept: ".csv,.xlsx,.json,text/csv,\(workbookType),application/json"),
                    form.checkboxes(
                        "dry_run", "Check only", dryRun ? ["yes"] : [],
                        [("yes", "Check the file and show what would change, without changing anything")],
                        single: true),
                    .button(.type(.submit), .class("button"), .text("Import")))
            ))
    }

    /// The calendar import's rejection uses this page too; it calls with loose arguments until it builds the model.
    static func rejected(_ model: RejectedModel) -> Layout {
        let (name, issues, retry) = (model.name, model.issues, model.retry)
        let shown = issues.prefix(1_000)
        return Layout(
            context: model.context, title: "The file was not imported", breadcrumbs: model.breadcrumbs,
            content: .group(
                .div(
                    .class("error-summary"), .attribute(named: "role", value: "alert"),
                    .attribute(named: "aria-labelledby", value: "error-summary-title"),
                    .attribute(named: "tabindex", value: "-1"),
                    .h2(.id("error-summary-title"), .text("There is a problem")),
                    .p(
                        .text(
                            "\(name) has \(issues.count) problem\(issues.count == 1 ? "" : "s"). Nothing was imported and nothing has changed."
                        ))),
                .heading("The file was not imported"),
                Components.table(
                    caption: "Problems in \(name)", headers: [.text("Where"), .text("Field"), .text("Problem")],
                    rows: shown.map { [.text($0.location), Components.text($0.field, empty: "–"), .text($0.message)] }),
                .if(
                    issues.count > shown.count,
                    .p(.text("The first \(shown.count) of \(issues.count) problems are shown."))),
                .p(.a(.href(retry), .text("Correct the file and import it again")))
            ))
    }

    static func applied(_ model: AppliedModel) -> Layout {
        let (context, name, summary, dryRun) = (model.context, model.name, model.summary, model.dryRun)
        let title = dryRun ? "Check complete" : "Import complete"
        let kinds = ChangeSummary.kindOrder.filter { summary.counts[$0] != nil }
        return Layout(
            context: context, title: title,
            breadcrumbs: [("Overview", RegisterPath.overview.href), ("Import", RegisterPath.importFile.href)],
            content: .group(
                .heading(title),
                .p(
                    .class("lead"),
                    .text(
                        dryRun
                            ? "\(name) has no problems. Nothing has changed yet: this is what importing it would do."
                            : summary.changedCount == 0
                                ? "\(name) is already in the register: nothing changed."
                                : "\(name) is imported: \(summary.changedCount) record\(summary.changedCount == 1 ? "" : "s") changed. Each change is in the history."
                    )),
                Components.table(
                    caption: dryRun ? "What would change" : "What changed",
                    headers: [
                        .text("Kind of record"), .text("New"), .text("Changed"), .text("Removed"), .text("Unchanged")
                    ],
                    rows: kinds.map { kind in
                        let c = summary.counts[kind]!
                        return [
                            .text(kind.prefix(1).uppercased() + kind.dropFirst()), .text("\(c.created)"),
                            .text("\(c.updated)"),
                            .text("\(c.removed)"), .text("\(c.unchanged)")
                        ]
                    }),
                .if(
                    !summary.warnings.isEmpty,
                    .group(
                        .h2(.class("heading-m"), .text("Warnings")),
                        .p(
                            .text(
                                "These parts of \(name) were skipped or read by a guess; the rest \(dryRun ? "would go" : "went") in."
                            )),
                        Components.table(
                            caption: "Warnings for \(name)",
                            headers: [.text("Where"), .text("Field"), .text("Warning")],
                            rows: summary.warnings.prefix(1_000).map {
                                [.text($0.location), Components.text($0.field, empty: "–"), .text($0.message)]
                            }, captionVisible: false))),
                .p(
                    dryRun
                        ? .a(.href(RegisterPath.importFile.href), .text("Import a file"))
                        : .a(.href(RegisterPath.partnerships.href), .text("Go to the partnerships")))
            ))
    }
}
