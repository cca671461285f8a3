/// Guidance: the templates, and each partnership's task list with the evidence for its steps.
enum GuidancePath: SitePath {
    case templates, newTemplate, importTemplates, exportTemplates
    case milestones(String)
    /// One occurrence of one step of a template, for a partnership: its evidence form.
    case evidence(String, template: String, step: String, occurrence: String)
    case evidenceFile(String, evidence: String)

    var segments: [String] {
        switch self {
        case .templates: ["guidance"]
        case .newTemplate: ["guidance", "new"]
        case .importTemplates: ["guidance", "import"]
        case .exportTemplates: ["guidance", "export"]
        case .milestones(let p): ["partnerships", p, "milestones"]
        case .evidence(let p, let template, let step, let occurrence):
            ["partnerships", p, "milestones", template, step, occurrence, "evidence"]
        case .evidenceFile(let p, let evidence): ["partnerships", p, "milestones", "files", evidence]
        }
    }
}
