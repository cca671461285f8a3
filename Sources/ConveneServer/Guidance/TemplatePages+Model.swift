import ConveneDomain
import Fluent
import Vapor

/// The guidance templates: every version kept, for everyone to read; administrators add them.
struct TemplatesPageModel {
    var context: PageContext
    var templates: [GuidanceTemplate]
    /// The last import's outcome, shown on the import page after a post.
    var report: GuidanceBusiness.ImportReport?

    var mayAdminister: Bool { context.principal?.role == .admin }

    static func load(context: PageContext, report: GuidanceBusiness.ImportReport? = nil, on db: Database)
        async throws -> TemplatesPageModel
    {
        TemplatesPageModel(context: context, templates: try await GuidanceStore.allTemplates(on: db), report: report)
    }
}

/// The form for one template: its fields, and its steps as the template file writes them.
struct TemplateFormModel {
    struct Input: Content {
        var key: String?
        var title: String?
        var version: String?
        var partnershipType: String?
        var publishedOn: String?
        var source: String?
        var steps: String?

        enum CodingKeys: String, CodingKey {
            case key, title, version, source, steps
            case partnershipType = "partnership_type"
            case publishedOn = "published_on"
        }

        init() {}

        /// The template, or the errors of the form's fields; a step's error names its place in the steps.
        func parse() -> (GuidanceTemplate?, [FieldError]) {
            let reader = FormReader()
            var errors: [FieldError] = []
            let type = reader.text(partnershipType).flatMap(PartnershipType.parse)
            if type == nil { errors.append(FieldError("partnership_type", "Choose the type of partnership")) }
            let day = reader.text(publishedOn).flatMap(Day.init)
            if day == nil { errors.append(FieldError("published_on", "Enter the publication date as yyyy-mm-dd")) }
            let number = reader.text(version).flatMap { Int($0) }
            if number == nil { errors.append(FieldError("version", "Enter the version as a whole number")) }
            var parsed: [GuidanceStep] = []
            do {
                parsed = try JSONDecoder().decode([GuidanceStep].self, from: Data((reader.text(steps) ?? "").utf8))
            } catch let error as DecodingError {
                let found = GuidanceTemplateFile.fieldError(error)
                errors.append(FieldError("steps", "steps\(found.field): \(found.message)"))
            } catch {
                errors.append(FieldError("steps", "Give the steps as a JSON list, as a template file writes them"))
            }
            guard let type, let day, let number else { return (nil, errors) }
            let template = GuidanceTemplate(
                key: reader.text(key) ?? "", title: reader.text(title) ?? "", version: number, partnershipType: type,
                publishedOn: day, source: reader.text(source), steps: parsed)
            errors += template.check().map {
                $0.field.hasPrefix("steps") ? FieldError("steps", "\($0.field): \($0.message)") : $0
            }
            return errors.isEmpty ? (template, []) : (nil, errors)
        }
    }

    var context: PageContext
    var input: Input
    var errors: [FieldError]
}
