import ConveneDomain
import Fluent
import Vapor

/// The outcomes pages: read by everyone in the workspace; files imported by editors, local indicators added by
/// admins, a partnership's framework set by those who run its business.
enum OutcomePages {
    static func register(read: RoutesBuilder, write: RoutesBuilder, business: RoutesBuilder, admin: RoutesBuilder) {
        read.get(OutcomePath.outcomes, use: list)
        write.get(OutcomePath.importFile, use: importForm)
        write.on(.POST, OutcomePath.importFile.route, body: .collect(maxSize: "20mb"), use: importFile)
        admin.get(OutcomePath.newIndicator, use: newIndicator)
        admin.post(OutcomePath.newIndicator, use: addIndicator)
        read.get(OutcomePath.indicator(":id"), use: indicator)
        read.get(OutcomePath.dashboard(":key"), use: dashboard)
        read.get(OutcomePath.dashboardCSV(":key", indicator: ":indicator"), use: dashboardCSV)
        business.get(OutcomePath.framework(":key"), use: frameworkForm)
        business.post(OutcomePath.framework(":key"), use: setFramework)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        OutcomePagesView.list(try await OutcomesModel.load(context: req.pageContext, in: req.scope)).response()
    }

    @Sendable static func indicator(req: Request) async throws -> Response {
        OutcomePagesView.indicator(
            try await IndicatorPageModel.load(
                id: try req.parameters.require("id"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func importForm(req: Request) async throws -> Response {
        OutcomePagesView.importPage(
            OutcomeImportModel(context: req.pageContext, kind: try? req.query.get(String.self, at: "kind"))
        ).response()
    }

    @Sendable static func importFile(req: Request) async throws -> Response {
        struct Upload: Content {
            var file: File?
            var kind: String?
            var dryRun: String?
            enum CodingKeys: String, CodingKey { case file, kind, dryRun = "dry_run" }
        }
        let upload = try req.content.decode(Upload.self)
        var model = OutcomeImportModel(context: req.pageContext, kind: upload.kind, dryRun: upload.dryRun != nil)
        let data = upload.file.map { Data(buffer: $0.data) } ?? Data()
        guard let kind = upload.kind.flatMap(OutcomeImport.Kind.init(rawValue:)) else {
            model.errors = [FieldError("kind", "Choose what the file holds")]
            return OutcomePagesView.importPage(model).response(status: .unprocessableEntity)
        }
        guard !data.isEmpty else {
            model.errors = [FieldError("file", "Choose a CSV or Excel file")]
            return OutcomePagesView.importPage(model).response(status: .unprocessableEntity)
        }
        let report = try await OutcomeImport.run(
            kind, data, fileName: upload.file?.filename ?? "", dryRun: model.dryRun, in: req.scope)
        model.report = report
        return OutcomePagesView.importPage(model).response(status: report.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func newIndicator(req: Request) async throws -> Response {
        OutcomePagesView.newIndicator(NewIndicatorModel(context: req.pageContext)).response()
    }

    @Sendable static func addIndicator(req: Request) async throws -> Response {
        let input = try req.content.decode(NewIndicatorModel.Input.self)
        let reader = FormReader()
        var errors: [FieldError] = []
        let unit = reader.text(input.unit).flatMap(IndicatorUnit.init(rawValue:))
        let polarity = reader.text(input.polarity).flatMap(Polarity.init(rawValue:))
        let frequency = reader.text(input.frequency).flatMap(IndicatorFrequency.init(rawValue:))
        let geography = reader.text(input.geography).flatMap(AreaKind.init(rawValue:))
        if unit == nil { errors.append(FieldError("unit", "Choose the unit")) }
        if polarity == nil { errors.append(FieldError("polarity", "Choose which way is better")) }
        if frequency == nil { errors.append(FieldError("frequency", "Choose how often it is published")) }
        if geography == nil { errors.append(FieldError("geography", "Choose the areas it is published for")) }
        let id = reader.text(input.indicatorID) ?? ""
        if let unit, let polarity, let frequency, let geography {
            errors += try await OutcomeBusiness.addIndicator(
                Indicator(
                    id: id, name: reader.text(input.name) ?? "", definition: reader.text(input.definition),
                    unit: unit, polarity: polarity, source: reader.text(input.source) ?? "",
                    publisher: reader.text(input.publisher), frequency: frequency, geography: geography),
                in: req.scope)
        }
        if errors.isEmpty { return req.redirect(to: OutcomePath.indicator(id).href) }
        return OutcomePagesView.newIndicator(NewIndicatorModel(context: req.pageContext, input: input, errors: errors))
            .response(status: .unprocessableEntity)
    }

    @Sendable static func dashboard(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        return DashboardView.render(
            try await DashboardModel.load(
                key: key, context: req.pageContext, mayEdit: try await PartnershipGrants.mayEdit(key, req),
                in: req.scope)
        ).response()
    }

    @Sendable static func dashboardCSV(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        var indicator = try req.parameters.require("indicator")
        guard indicator.hasSuffix(".csv") else { throw Problem.notFound("The table") }
        indicator.removeLast(4)
        var report = try await OutcomeStore.analysis(partnership: key, area: nil, in: req.scope)
        report.indicators = report.indicators.filter { $0.id == indicator }
        guard !report.indicators.isEmpty else {
            throw Problem.notFound("The indicator '\(indicator)' in the framework")
        }
        return AnalysisPages.csv(Data(OutcomesAnalysis.csv(report).utf8), filename: "\(key)-\(indicator).csv")
    }

    @Sendable static func frameworkForm(req: Request) async throws -> Response {
        OutcomePagesView.framework(
            try await FrameworkFormModel.load(
                key: try req.parameters.require("key"), context: req.pageContext, in: req.scope)
        ).response()
    }

    @Sendable static func setFramework(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        struct Input: Decodable {
            var areaCode: String?
            var comparisonAreaCode: String?
            var indicators: [String]?
            enum CodingKeys: String, CodingKey {
                case areaCode = "area_code"
                case comparisonAreaCode = "comparison_area_code"
                case indicators
            }
        }
        let input = try req.content.decode(Input.self)
        let reader = FormReader()
        // Each chosen indicator's priority is posted as priority-{id}.
        let entries = (input.indicators ?? []).map { id in
            PerformanceFramework.Entry(
                indicatorID: id,
                priorityKeys: (try? req.content.get(String.self, at: "priority-\(id)")).flatMap(reader.text).map {
                    [$0]
                }
                    ?? [])
        }
        let framework = PerformanceFramework(
            partnershipKey: key, areaCode: reader.text(input.areaCode)?.uppercased() ?? "",
            comparisonAreaCode: reader.text(input.comparisonAreaCode)?.uppercased(), entries: entries)
        let errors = try await OutcomeBusiness.setFramework(framework, in: req.scope)
        if errors.isEmpty { return req.redirect(to: OutcomePath.dashboard(key).href) }
        return OutcomePagesView.framework(
            try await FrameworkFormModel.load(
                key: key, context: req.pageContext, framework: framework, errors: errors, in: req.scope)
        ).response(status: .unprocessableEntity)
    }
}
