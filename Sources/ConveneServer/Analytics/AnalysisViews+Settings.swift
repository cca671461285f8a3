import ConveneDomain
import Foundation
import Plot

/// The settings page: the assumptions every analysis rests on.
extension AnalysisViews {
    static func settings(_ model: AnalysisSettingsModel) -> Layout {
        let (context, values, errors, saved) = (model.context, model.values, model.errors, model.saved)
        let mayEdit = context.mayEdit
        let form = Form(errors: errors)
        let defaults = AnalyticsSettings()
        return Layout(
            context: context, title: Form(errors: errors).title("Analysis settings"),
            breadcrumbs: crumbs(),
            content: .group(
                form.errorSummary(),
                .if(
                    saved,
                    .div(.class("panel"), .attribute(named: "role", value: "status"), .h2(.text("Settings saved")))),
                .heading("Analysis settings"),
                .p(
                    .text(
                        "The assumptions behind the cost and load figures. The defaults come from the reports; change them to your own. "
                    ),
                    .text("The command line does the same: convene settings set KEY VALUE.")),
                mayEdit
                    ? .postForm(
                        action: AnalysisPath.settings.href, context: context,
                        .attribute(named: "novalidate", value: "novalidate"),
                        .forEach(AnalyticsSettings.definitions) { d in
                            form.textInput(
                                d.key, d.label, values[d.key],
                                hint: "In \(d.unit); the default is \(defaults.value(d)). Key: \(d.key)", short: true)
                        },
                        .button(.type(.submit), .class("button"), .text("Save the settings")))
                    : Components.summaryList(
                        AnalyticsSettings.definitions.map { d in (d.label, .text("\(values[d.key] ?? "") \(d.unit)")) })
            ))
    }
}
