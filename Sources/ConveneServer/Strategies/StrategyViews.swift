import ConveneDomain
import Foundation
import Plot

/// The strategy pages' HTML: the list, one strategy with its priorities, and the two forms.
enum StrategyViews {
    static let crumbs: [(String, String)] = [
        ("Overview", RegisterPath.overview.href), ("Strategies", StrategyPath.strategies.href)
    ]

    static func period(_ s: Strategy) -> String {
        switch (s.startsOn, s.endsOn) {
        case (let start?, let end?): "\(start.longDescription) to \(end.longDescription)"
        case (let start?, nil): "From \(start.longDescription)"
        case (nil, let end?): "To \(end.longDescription)"
        case (nil, nil): "Not recorded"
        }
    }

    static func statusTag(_ status: StrategyStatus) -> Node<HTML.BodyContext> {
        Components.tag(status.label, status == .active ? "green" : status == .draft ? "blue" : "grey")
    }

    static func list(_ page: StrategyListModel) -> Layout {
        let (context, model, mayEdit) = (page.context, page.landscape, page.context.mayEdit)
        let counts = Dictionary(grouping: model.priorities, by: \.strategyKey).mapValues(\.count)
        return Layout(
            context: context, title: "Strategies", breadcrumbs: [("Overview", RegisterPath.overview.href)],
            isDemo: context.isDemo,
            content: .group(
                .heading("Strategies"),
                .p(
                    .text(
                        "Every strategy in the force area with its priorities: the Police and Crime Plan, partnerships' strategies and partners' own. "
                    ),
                    .a(
                        .href(StrategyPath.alignment.href),
                        .text("See how they align with the plan and the national frameworks")), .text(".")),
                .if(mayEdit, .p(.a(.href(StrategyPath.newStrategy.href), .class("button"), .text("Add a strategy")))),
                model.strategies.isEmpty
                    ? .p(.text("No strategies are recorded yet."))
                    : Components.table(
                        caption: "\(model.strategies.count) strategies with \(model.priorities.count) priorities",
                        headers: [
                            .text("Strategy"), .text("Kind"), .text("Owner"), .text("Period"), .text("Status"),
                            .text("Priorities")
                        ],
                        rows: model.strategies.map { s in
                            [
                                .a(.href(StrategyPath.strategy(s.key).href), .text(s.name)), .text(s.kind.label),
                                model.ownerLink(s).map { .a(.href($0), .text(model.ownerName(s))) }
                                    ?? .text(model.ownerName(s)),
                                .text(period(s)), statusTag(s.status), .text("\(counts[s.key] ?? 0)")
                            ]
                        })))
    }

    static func show(_ page: StrategyPageModel) -> Layout {
        let (context, s, model, mayEdit) = (page.context, page.strategy, page.landscape, page.context.mayEdit)
        let priorities = model.priorities.filter { $0.strategyKey == s.key }.sorted {
            ($0.position, $0.key) < ($1.position, $1.key)
        }
        let planTitles = Dictionary(model.planPriorities.map { ($0.key, $0.title) }, uniquingKeysWith: { a, _ in a })
        func carries(_ p: Priority) -> Node<HTML.BodyContext> {
            let plan = p.planPriorityKeys.map { "Plan: " + (planTitles[$0] ?? $0) }
            let objectives = p.frameworkObjectiveKeys.map { key in
                NationalFrameworks.objective(key).map { $0.title } ?? key
            }
            let all = plan + objectives
            return all.isEmpty
                ? .span(.class("secondary-text"), .text("Nothing linked"))
                : .ul(.class("list"), .forEach(all) { .li(.text($0)) })
        }
        return Layout(
            context: context, title: s.name, breadcrumbs: crumbs, isDemo: context.isDemo,
            content: .group(
                .heading(s.name, caption: s.kind.label),
                Components.summaryList([
                    (
                        "Owner",
                        model.ownerLink(s).map { .a(.href($0), .text(model.ownerName(s))) } ?? .text(model.ownerName(s))
                    ),
                    ("Period", .text(period(s))),
                    ("Status", statusTag(s.status)),
                    ("Document", s.documentURL.map { .a(.href($0), .text($0)) } ?? Components.text(nil))
                ]),
                .if(
                    mayEdit,
                    .p(
                        .a(
                            .href(StrategyPath.editStrategy(s.key).href), .class("button button--secondary"),
                            .text("Change the strategy")))),
                .h2(.id("priorities"), .class("heading-l"), .text("Priorities")),
                priorities.isEmpty
                    ? .p(.text("No priorities are recorded for this strategy yet."))
                    : Components.table(
                        caption: "\(priorities.count) priorities",
                        headers: [.text("Priority"), .text("Theme"), .text("Measures"), .text("Carries")]
                            + (mayEdit ? [.span(.class("visually-hidden"), .text("Change"))] : []),
                        rows: priorities.map { p in
                            [
                                .group(
                                    .strong(.text(p.title)),
                                    .if(!p.description.isEmpty, .p(.class("body-s"), .text(p.description)))),
                                Components.text(p.theme, empty: "None"),
                                p.measures.isEmpty
                                    ? Components.text(nil)
                                    : .ul(.class("list"), .forEach(p.measures) { .li(.text($0)) }),
                                carries(p)
                            ]
                                + (mayEdit
                                    ? [
                                        .a(
                                            .href(StrategyPath.editPriority(s.key, priority: p.key).href),
                                            .text("Change"),
                                            .span(.class("visually-hidden"), .text(" \(p.title)")))
                                    ] : [])
                        }, captionVisible: false),
                .if(
                    mayEdit,
                    .p(.a(.href(StrategyPath.newPriority(s.key).href), .class("button"), .text("Add a priority"))))))
    }

    static func strategyForm(_ page: StrategyFormModel) -> Layout {
        let (context, input, model, errors) = (page.context, page.input, page.landscape, page.errors)
        let (title, action, cancel) = (page.title, page.action, page.cancel)
        let form = Form(errors: errors)
        let owners =
            model.partnerships.map { ("partnership:\($0.key)", "Partnership: \($0.name)") }
            + model.organisations.map { ("organisation:\($0.key)", "Organisation: \($0.name)") }
        return RecordFormViews.page(
            context: context, title: title, action: action, cancel: cancel, errors: errors, breadcrumbs: crumbs,
            form.textInput("name", "Name", input.name, hint: "For example, Police and Crime Plan 2024 to 2028"),
            form.radios(
                "kind", "Kind of strategy", input.kind, StrategyKind.allCases.map { ($0.rawValue, $0.label) },
                hint: "The Police and Crime Plan is the PCC's own plan, owned by the OPCC"),
            form.select("owner", "Owner", input.owner, owners, blank: "Select the partnership or organisation"),
            form.select("status", "Status", input.status, StrategyStatus.allCases.map { ($0.rawValue, $0.label) }),
            form.textInput("starts_on", "Start date", input.startsOn, hint: "For example, 2024-04-01", short: true),
            form.textInput("ends_on", "End date", input.endsOn, hint: "For example, 2028-03-31", short: true),
            form.textInput(
                "document_url", "Web address of the document", input.documentURL, hint: "Starting with https://"))
    }

    static func priorityForm(_ page: PriorityFormModel) -> Layout {
        let (context, input, strategy, model) = (page.context, page.input, page.strategy, page.landscape)
        let (errors, title, action) = (page.errors, page.title, page.action)
        let form = Form(errors: errors)
        let plan = strategy.kind == .policeAndCrimePlan ? [] : model.planPriorities.map { ($0.key, $0.title) }
        let objectives = NationalFrameworks.all.flatMap { framework in
            framework.objectives.map { ($0.key, "\(framework.shortName): \($0.title)") }
        }
        return RecordFormViews.page(
            context: context, title: title, action: action,
            cancel: StrategyPath.strategy(strategy.key).href(fragment: "priorities"), errors: errors,
            breadcrumbs: crumbs + [(strategy.name, StrategyPath.strategy(strategy.key).href)],
            form.textInput("title", "Title", input.title, hint: "For example, Reduce drug-related deaths"),
            form.textArea("description", "Description", input.description),
            form.textInput("theme", "Theme", input.theme, hint: "For example, drugs and alcohol"),
            form.textArea(
                "measures", "Measures", input.measures,
                hint: "How the strategy will know it is delivered: one measure a line"),
            .if(
                !plan.isEmpty,
                form.checkboxes(
                    "plan_priority_keys", "Police and Crime Plan priorities it carries", input.planPriorityKeys ?? [],
                    plan)),
            form.checkboxes(
                "framework_objective_keys", "National framework objectives it carries",
                input.frameworkObjectiveKeys ?? [], objectives))
    }
}
