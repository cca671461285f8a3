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

/// The form for one template: its fields, and a fieldset per step. "Add another step" posts the form back with one
/// more empty step (no script needed); a step left wholly blank is not part of the template.
struct TemplateFormModel {
    /// One step as the form posts it: `steps[0][title]` and so on.
    struct StepInput: Codable, Equatable {
        var key: String?
        var title: String?
        var evidence: String?
        var dueMonths: String?
        var dueDays: String?
        var dueEndOfMonth: String?
        var dueOn: String?
        var repeatsEveryMonths: String?
        var after: String?
        var rule: String?

        /// In the order the fieldset shows them.
        enum CodingKeys: String, CodingKey, CaseIterable {
            case title, key, evidence
            case dueMonths = "due_months"
            case dueDays = "due_days"
            case dueEndOfMonth = "due_end_of_month"
            case dueOn = "due_on"
            case repeatsEveryMonths = "repeats_every_months"
            case after, rule
        }

        init() {}

        var isBlank: Bool {
            let reader = FormReader()
            return [key, title, evidence, dueMonths, dueDays, dueOn, repeatsEveryMonths, after, rule]
                .allSatisfy { reader.text($0) == nil }
        }
    }

    struct Input: Content {
        var key: String?
        var title: String?
        var version: String?
        var partnershipType: String?
        var publishedOn: String?
        var source: String?
        /// By the step's place in the form ("0", "1", …): a form posts them as `steps[0][title]`.
        var steps: [String: StepInput]?
        /// "add-step" when the person asked for another step rather than to add the template.
        var action: String?

        enum CodingKeys: String, CodingKey {
            case key, title, version, source, steps, action
            case partnershipType = "partnership_type"
            case publishedOn = "published_on"
        }

        init() {}

        /// The steps in the form's order, at least one, and one more when the person asked for it.
        var rows: [StepInput] {
            let posted = (steps ?? [:]).compactMap { key, step in Int(key).map { ($0, step) } }
                .filter { (0..<Self.maximumSteps).contains($0.0) }
            var rows = Array(repeating: StepInput(), count: (posted.map(\.0).max() ?? -1) + 1)
            for (index, step) in posted { rows[index] = step }
            if rows.isEmpty || (addsStep && rows.count < Self.maximumSteps) { rows.append(StepInput()) }
            return rows
        }

        var addsStep: Bool { action == "add-step" }

        static let maximumSteps = 60

        /// The form field of a step's field as `GuidanceTemplate.check` names it: `steps[2].due.months` is the third
        /// fieldset's `steps[2][due_months]`.
        static func field(_ name: String, row: Int) -> String { "steps[\(row)][\(name)]" }

        /// The template, or the errors of the form's fields; a step's error names its field in its fieldset.
        func parse() -> (GuidanceTemplate?, [FieldError]) {
            var reader = FormReader()
            var errors: [FieldError] = []
            let type = reader.text(partnershipType).flatMap(PartnershipType.parse)
            if type == nil { errors.append(FieldError("partnership_type", "Choose the type of partnership")) }
            let day = reader.text(publishedOn).flatMap(Day.init)
            if day == nil { errors.append(FieldError("published_on", "Enter the publication date as yyyy-mm-dd")) }
            let number = reader.text(version).flatMap { Int($0) }
            if number == nil { errors.append(FieldError("version", "Enter the version as a whole number")) }
            let filled = rows.enumerated().filter { !$0.element.isBlank }
            var parsed: [GuidanceStep] = []
            for (row, step) in filled {
                let field = { (name: String) in Self.field(name, row: row) }
                let months = reader.number(step.dueMonths, field("due_months"), "Months after the start")
                let days = reader.number(step.dueDays, field("due_days"), "Days after the start")
                let on = reader.day(step.dueOn, field("due_on"), "The due date")
                let due: StepDue
                if let on {
                    if months != nil || days != nil {
                        reader.errors.append(
                            FieldError(field("due_on"), "Give a due date or months and days after the start, not both"))
                    }
                    due = .on(on)
                } else {
                    if [step.dueMonths, step.dueDays, step.dueOn].allSatisfy({ reader.text($0) == nil }) {
                        reader.errors.append(
                            FieldError(field("due_months"), "Give the months (or days) after the start, or a due date"))
                    }
                    due = .after(months: months ?? 0, days: days ?? 0, endOfMonth: step.dueEndOfMonth != nil)
                }
                let every = reader.number(step.repeatsEveryMonths, field("repeats_every_months"), "Repeats every")
                let rule: StepRule? = reader.vocabulary(step.rule, field("rule"), "rule", required: false)
                let title = reader.text(step.title) ?? ""
                parsed.append(
                    GuidanceStep(
                        key: reader.text(step.key) ?? Key.slug(title), title: title,
                        evidence: reader.text(step.evidence) ?? "", due: due, repeatsEveryMonths: every,
                        after: (step.after ?? "").split(separator: ",").map {
                            $0.trimmingCharacters(in: .whitespaces)
                        }
                        .filter { !$0.isEmpty }, rule: rule))
            }
            errors += reader.errors
            // Checked whole even when a field above is wrong, so that one post names every mistake.
            let template = GuidanceTemplate(
                key: reader.text(key) ?? "", title: reader.text(title) ?? "", version: number ?? 1,
                partnershipType: type ?? .combatingDrugsPartnership,
                publishedOn: day ?? Day(year: 2000, month: 1, day: 1)!,
                source: reader.text(source), steps: parsed)
            errors += template.check().map { error in
                FieldError(Self.formField(error.field, rows: filled.map(\.offset)), error.message)
            }
            return errors.isEmpty ? (template, []) : (nil, Self.inFormOrder(errors))
        }

        /// The errors in the order their fields stand on the page, as the error summary lists them.
        static func inFormOrder(_ errors: [FieldError]) -> [FieldError] {
            let fields = ["title", "key", "version", "partnership_type", "published_on", "source"]
            let stepFields = StepInput.CodingKeys.allCases.map(\.rawValue)
            func rank(_ field: String) -> (Int, Int) {
                if let at = fields.firstIndex(of: field) { return (-1, at) }
                let parts = field.split(whereSeparator: { "[]".contains($0) })
                guard parts.count == 3, let row = Int(parts[1]) else { return (Int.max, 0) }
                return (row, stepFields.firstIndex(of: String(parts[2])) ?? stepFields.count)
            }
            return errors.enumerated().sorted { a, b in
                let (ra, rb) = (rank(a.element.field), rank(b.element.field))
                return (ra.0, ra.1, a.offset) < (rb.0, rb.1, b.offset)
            }
            .map(\.element)
        }

        /// `steps[1].due.months` (the second step given) as the form field it came from.
        static func formField(_ field: String, rows: [Int]) -> String {
            guard field.hasPrefix("steps") else { return field }
            guard field.hasPrefix("steps["), let close = field.firstIndex(of: "]"),
                let index = Int(field[field.index(field.startIndex, offsetBy: 6)..<close]), rows.indices.contains(index)
            else { return Self.field("title", row: 0) }
            let rest = field[field.index(after: close)...].dropFirst()
            return Self.field(rest.replacingOccurrences(of: ".", with: "_"), row: rows[index])
        }
    }

    var context: PageContext
    var input: Input
    var errors: [FieldError]
}
