import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// A partnership's progress reports: those made (each kept as made, as HTML and PDF) and the form to make the next.
/// Reading is for everyone in the workspace; making one is the partnership's business.
enum ReportPages {
    static func register(read: RoutesBuilder, business: RoutesBuilder) {
        let p = ":key"
        read.get(ReportPath.reports(p), use: list)
        business.post(ReportPath.newReport(p), use: make)
        read.get(ReportPath.report(p, ":report"), use: show)
        read.get(ReportPath.pdf(p, ":report"), use: pdf)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let partnership = try await MeetingPages.partnership(req)
        return ReportListView.render(
            try await ReportListModel.load(partnership, context: req.pageContext, in: req.scope)
        )
        .response()
    }

    struct MakeInput: Content { var year: String? }

    @Sendable static func make(req: Request) async throws -> Response {
        let partnership = try await MeetingPages.partnership(req)
        let input = try req.content.decode(MakeInput.self)
        let choices = ReportListModel.years(of: partnership, today: req.now.today)
        guard let start = input.year.flatMap(Int.init), let year = choices.first(where: { $0.startYear == start })
        else {
            var model = try await ReportListModel.load(partnership, context: req.pageContext, in: req.scope)
            model.errors = [FieldError("year", "Choose a year the partnership was running, up to the one ending next")]
            return ReportListView.render(model).response(status: .unprocessableEntity)
        }
        let record = try await ProgressReports.make(
            partnership, year: year, chromium: Chromium.find(), threadPool: req.application.threadPool, in: req.scope)
        return req.redirect(to: ReportPath.report(partnership.key, record.key).href, redirectType: .normal)
    }

    static func record(_ req: Request) async throws -> ProgressReportRecord {
        let partnership = try await MeetingPages.partnership(req)
        let key = try req.parameters.require("report")
        guard
            let record = try await ProgressReportRecord.query(in: req.scope).filter(\.$key == key)
                .filter(\.$partnership.$id == partnership.requireID()).first()
        else { throw Problem.notFound("The report '\(key)'") }
        return record
    }

    /// The report as it was made. It carries its own style, so it is shown under a policy of its own: its inline
    /// style and pictures, and nothing else (no script, nothing from elsewhere, no form).
    @Sendable static func show(req: Request) async throws -> Response {
        let record = try await record(req)
        let response = Response(status: .ok, body: .init(string: record.html))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: SecurityHeaders.documentPolicy)
        return response
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        let record = try await record(req)
        guard let pdf = record.pdf else {
            throw Problem.notFound("A PDF of the report '\(record.key)' (Chromium was not installed when it was made)")
        }
        let response = Response(status: .ok, body: .init(data: pdf))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(record.key).pdf\"")
        return response
    }
}

/// The reports a partnership has made, and the years a new one may be made for.
struct ReportListModel {
    struct Made {
        var key: String
        var year: String
        var madeOn: String
        var madeBy: String
        var dataVersion: String
        var hasPDF: Bool
    }

    var context: PageContext
    var partnership: PartnershipRef
    var reports: [Made]
    var years: [ProgressReport.Year]
    /// Whether the form to make one is offered: to an editor or the partnership's secretariat.
    var mayMake: Bool
    var errors: [FieldError] = []

    /// From the year the partnership started (or the guidance's first, 2022/23) to the one now running.
    static func years(of partnership: PartnershipRecord, today: Day) -> [ProgressReport.Year] {
        let current = ProgressReport.Year.lastEnded(by: today).startYear + 1
        let first = min(
            current,
            max(2022, partnership.startedOn.flatMap(Day.init).map { $0.month >= 4 ? $0.year : $0.year - 1 } ?? 2022))
        return (first...current).reversed().map(ProgressReport.Year.init(startYear:))
    }

    static func load(_ partnership: PartnershipRecord, context: PageContext, in scope: Scope) async throws
        -> ReportListModel
    {
        async let mayMake = MeetingAccess.mayEdit(partnership.key, context: context, in: scope)
        let records = try await ProgressReportRecord.query(in: scope).filter(
            \.$partnership.$id == partnership.requireID()
        )
        .field(\.$id).field(\.$key).field(\.$yearStart).field(\.$madeAt).field(\.$madeBy).field(\.$dataVersion)
        .sort(\.$madeAt, .descending).all()
        // Whether each has a PDF, without reading the PDFs.
        let withPDF = Set(
            try await ProgressReportRecord.query(in: scope).filter(\.$partnership.$id == partnership.requireID())
                .filter(\.$pdf != nil).field(\.$id).all().compactMap(\.id))
        return ReportListModel(
            context: context, partnership: PartnershipRef(partnership),
            reports: records.map { r in
                let made = WallClock.parts(r.madeAt)
                return Made(
                    key: r.key, year: ProgressReport.Year(startYear: r.yearStart).label,
                    madeOn: "\(made.day.longDescription) at \(made.time)", madeBy: r.madeBy, dataVersion: r.dataVersion,
                    hasPDF: r.id.map(withPDF.contains) ?? false)
            },
            years: years(of: partnership, today: scope.now.today), mayMake: try await mayMake)
    }
}

enum ReportListView {
    static func render(_ model: ReportListModel) -> Layout {
        let p = model.partnership
        let form = Form(errors: model.errors)
        let title = "Progress reports"
        return Layout(
            context: model.context, title: Form(errors: model.errors).title(title),
            breadcrumbs: MeetingParts.crumbs(p),
            content: .group(
                form.errorSummary(),
                .heading(title, caption: p.name),
                .p(
                    .text(
                        "A progress report gives the partnership's year, April to March: its meetings and "
                            + "attendance by sector, decisions and actions, membership and Senior Responsible Owner, "
                            + "footprint and delivery plan. Each is kept as it was made, with the state of the "
                            + "register it was made from.")),
                model.reports.isEmpty
                    ? .p(.text("No report has been made yet."))
                    : Components.table(
                        caption: "Reports made",
                        headers: [.text("Year"), .text("Made"), .text("By"), .text("From"), .text("Files")],
                        rows: model.reports.map { r in
                            [
                                .text(r.year), .text(r.madeOn), .text(r.madeBy), .text(r.dataVersion),
                                .group(
                                    .a(.href(ReportPath.report(p.key, r.key).href), .text("Read \(r.year)")),
                                    r.hasPDF
                                        ? .group(
                                            .text(" · "),
                                            .a(.href(ReportPath.pdf(p.key, r.key).href), .text("PDF \(r.year)")))
                                        : .empty)
                            ]
                        }),
                .if(
                    model.mayMake,
                    .postForm(
                        action: ReportPath.newReport(p.key).href, context: model.context,
                        .h2(.class("heading-m"), .text("Make a report")),
                        form.select(
                            "year", "Year", model.years.first.map { String($0.startYear) },
                            model.years.map { (String($0.startYear), $0.label) }),
                        .button(.type(.submit), .class("button"), .text("Make the report"))))
            ))
    }
}
