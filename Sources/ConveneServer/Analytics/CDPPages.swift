import ConveneDomain
import Foundation
import Plot
import Vapor

/// The Combating Drugs Partnerships' analyses as pages: the PCC's involvement, the SROs and the footprints, each
/// of the register as it stands today, with links to the records behind every figure and the CSV of its table.
enum CDPPages {
    static func register(read: RoutesBuilder) {
        read.get(AnalysisPath.analysis(.involvement), use: involvement)
        read.get(AnalysisPath.analysis(.sros), use: sros)
        read.get(AnalysisPath.analysis(.footprints), use: footprints)
    }

    /// The analyses' pages, in the order the index lists them: analysis, title, what it shows.
    static let pages: [(Analysis, String, String)] = [
        (
            .involvement, "PCC involvement in CDPs",
            "For each force area, whether the PCC is SRO, set up an overarching group, chairs or attends the CDPs and "
                + "their sub-groups, with the records that say so."
        ),
        (
            .sros, "CDP SROs",
            "Who the CDPs' Senior Responsible Owners are: PCCs, deputies, police, public health, others."
        ),
        (
            .footprints, "CDP footprints",
            "Councils no CDP covers or more than one covers, and each CDP's footprint against the ICB boundaries."
        )
    ]

    /// The register, or the CSV or JSON of the analysis when the query asks for one.
    static func read(_ req: Request, _ analysis: Analysis) async throws -> (Register, Response?) {
        let register = try await CDPStore.load(in: req.scope)
        guard let format = AnalysisPages.asked(req).format, format != .text else { return (register, nil) }
        let today = req.now.today
        let output = try Analyses.cdpOutput(
            analysis, AnalysisQuestion(period: Period(from: today, to: today)), register: register, today: today)
        guard format == .csv else {
            let response = Response(status: .ok, body: .init(data: output.render(.json)))
            response.headers.contentType = .json
            return (register, response)
        }
        return (register, AnalysisPages.csv(output.render(.csv), filename: "\(analysis.rawValue)-\(today).csv"))
    }

    @Sendable static func involvement(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/involvement", req) { context in
            let (register, download) = try await read(req, .involvement)
            if let download { return .file(download) }
            let report = PCCInvolvement.run(register, on: req.now.today)
            return .page(CDPViews.involvement(InvolvementPageModel(context: context, report: report)))
        }
    }

    @Sendable static func sros(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/sros", req) { context in
            let (register, download) = try await read(req, .sros)
            if let download { return .file(download) }
            let report = SeniorResponsibleOwners.run(register, on: req.now.today)
            return .page(CDPViews.sros(SROsPageModel(context: context, report: report)))
        }
    }

    @Sendable static func footprints(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/footprints", req) { context in
            let (register, download) = try await read(req, .footprints)
            if let download { return .file(download) }
            return .page(
                CDPViews.footprints(FootprintsPageModel(context: context, report: CDPFootprints.run(register))))
        }
    }
}

/// The CDP analyses' views; each file `AnalysisViews+<Name>.swift` holds one page.
enum CDPViews {
    /// The heading, the links to the other CDP analyses and the CSV.
    static func header(_ analysis: Analysis, _ title: String, caption: String) -> Node<HTML.BodyContext> {
        .group(
            .heading(title, caption: caption),
            .nav(
                .ariaLabel("CDP analyses"),
                .ul(
                    .class("inline-list"),
                    .forEach(CDPPages.pages) { page in
                        .li(
                            page.0 == analysis
                                ? .strong(.text(page.1)) : .a(.href(AnalysisPath.analysis(page.0).href), .text(page.1)))
                    },
                    .li(.a(.href(AnalysisPath.index.href), .text("All analyses"))))),
            .p(
                .a(
                    .href(AnalysisPath.analysis(analysis).href(["format": "csv"])),
                    .text("Download this table as CSV"))))
    }

    static func partnership(_ ref: NamedPartnership) -> Node<HTML.BodyContext> {
        .a(.href(RegisterPath.partnership(ref.key).href), .text(ref.name))
    }

    static func partnerships(_ refs: [NamedPartnership]) -> Node<HTML.BodyContext> {
        refs.isEmpty
            ? Components.text(nil, empty: "None")
            : .group(
                .forEach(refs.enumerated()) { i, ref in .group(.if(i > 0, .text(", ")), partnership(ref)) })
    }

    static func areas(_ areas: [Area]) -> Node<HTML.BodyContext> {
        Components.text(areas.map { "\($0.name) (\($0.code))" }.joined(separator: "; "), empty: "None")
    }
}
