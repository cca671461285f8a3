import ConveneDomain
import Plot

/// Form fields in the GOV.UK manner: label, hint, error message, and an error summary that links to each field.
struct Form {
    var errors: [FieldError]

    private func error(_ name: String) -> String? {
        let messages = errors.filter { $0.field == name }.map(\.message)
        return messages.isEmpty ? nil : messages.joined(separator: ". ")
    }

    func errorSummary() -> Node<HTML.BodyContext> {
        guard !errors.isEmpty else { return .empty }
        return .div(
            .class("error-summary"), .attribute(named: "role", value: "alert"),
            .attribute(named: "aria-labelledby", value: "error-summary-title"),
            .attribute(named: "tabindex", value: "-1"),
            .h2(.id("error-summary-title"), .text("There is a problem")),
            .ul(.forEach(errors) { e in .li(.a(.href("#\(e.field)"), .text(e.message))) }))
    }

    private func group(_ name: String, _ content: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .div(.class(error(name) == nil ? "form-group" : "form-group form-group--error"), .group(content))
    }

    /// The page's title, "Error: " first when the form has errors, as GOV.UK pages say it.
    func title(_ title: String) -> String { errors.isEmpty ? title : "Error: \(title)" }

    /// The ids of a field's hint and error message, for its `aria-describedby`.
    private func describedBy(_ name: String, hint: String?) -> String {
        [hint.map { _ in "\(name)-hint" }, error(name).map { _ in "\(name)-error" }].compactMap { $0 }
            .joined(separator: " ")
    }

    private func described<Context>(_ name: String, hint: String?) -> Attribute<Context> {
        Attribute(name: "aria-describedby", value: describedBy(name, hint: hint), ignoreIfValueIsEmpty: true)
    }

    private func hintAndError(_ name: String, _ hint: String?) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(hint) { .div(.id("\(name)-hint"), .class("hint"), .text($0)) },
            .unwrap(error(name)) {
                .p(
                    .id("\(name)-error"), .class("error-message"),
                    .span(.class("visually-hidden"), .text("Error: ")), .text($0))
            })
    }

    func textInput(
        _ name: String, _ label: String, _ value: String?, hint: String? = nil, short: Bool = false,
        type: HTMLInputType = .text, autocomplete: String? = nil
    ) -> Node<HTML.BodyContext> {
        group(
            name,
            .label(.for(name), .class("label"), .text(label)),
            hintAndError(name, hint),
            .input(
                .type(type), .id(name), .name(name), .value(value ?? ""),
                Attribute(name: "autocomplete", value: autocomplete ?? "", ignoreIfValueIsEmpty: true),
                .class("input\(short ? " input--short" : "")\(error(name) == nil ? "" : " input--error")"),
                described(name, hint: hint)))
    }

    func textArea(_ name: String, _ label: String, _ value: String?, hint: String? = nil) -> Node<HTML.BodyContext> {
        group(
            name,
            .label(.for(name), .class("label"), .text(label)),
            hintAndError(name, hint),
            .textarea(
                .id(name), .name(name), .class("textarea"), .rows(4), .attribute(described(name, hint: hint)),
                .text(value ?? "")))
    }

    func select(
        _ name: String, _ label: String, _ value: String?, _ options: [(String, String)],
        blank: String? = nil, hint: String? = nil
    ) -> Node<HTML.BodyContext> {
        group(
            name,
            .label(.for(name), .class("label"), .text(label)),
            hintAndError(name, hint),
            .select(
                .id(name), .attribute(named: "name", value: name),
                .class(error(name) == nil ? "select" : "select input--error"),
                .attribute(described(name, hint: hint)),
                .unwrap(blank) { .choice("", $0, selected: value == nil) },
                .forEach(options) { .choice($0.0, $0.1, selected: $0.0 == value) }))
    }

    func multiSelect(
        _ name: String, _ label: String, _ values: [String],
        _ groups: [(group: String, areas: [(code: String, name: String)])], hint: String?
    ) -> Node<HTML.BodyContext> {
        let chosen = Set(values)
        return group(
            name,
            .label(.for(name), .class("label"), .text(label)),
            hintAndError(name, hint),
            .select(
                .id(name), .attribute(named: "name", value: "\(name)[]"),
                .class(error(name) == nil ? "select" : "select input--error"),
                .attribute(named: "multiple", value: "multiple"), .attribute(described(name, hint: hint)),
                .forEach(groups) { g in
                    .choiceGroup(g.group, g.areas.map { .choice($0.code, $0.name, selected: chosen.contains($0.code)) })
                }))
    }

    /// One choice of several, as radios; the first radio carries the id the error summary links to.
    func radios(_ name: String, _ legend: String, _ value: String?, _ options: [(String, String)], hint: String? = nil)
        -> Node<HTML.BodyContext>
    {
        group(
            name,
            .element(
                named: "fieldset",
                nodes: [
                    .attribute(
                        named: "aria-describedby", value: describedBy(name, hint: hint), ignoreIfValueIsEmpty: true),
                    .element(named: "legend", nodes: [.class("label"), .text(legend)] as [Node<HTML.BodyContext>]),
                    hintAndError(name, hint),
                    .ul(
                        .class("checkboxes"),
                        .forEach(Array(options.enumerated())) { index, option in
                            .li(
                                .input(
                                    .type(.radio), .id(index == 0 ? name : "\(name)-\(index)"), .name(name),
                                    .value(option.0), .checked(option.0 == value)),
                                .label(.for(index == 0 ? name : "\(name)-\(index)"), .text(option.1)))
                        })
                ] as [Node<HTML.BodyContext>]))
    }

    func fileInput(_ name: String, _ label: String, hint: String? = nil, accept: String) -> Node<HTML.BodyContext> {
        group(
            name,
            .label(.for(name), .class("label"), .text(label)),
            hintAndError(name, hint),
            .input(
                .type(.file), .id(name), .name(name), .attribute(named: "accept", value: accept),
                .class("file-upload\(error(name) == nil ? "" : " input--error")"), described(name, hint: hint)))
    }

    /// A group of checkboxes posting `name[]`, or with `single` one checkbox posting `name`.
    func checkboxes(
        _ name: String, _ legend: String, _ values: [String], _ options: [(String, String)],
        single: Bool = false
    ) -> Node<HTML.BodyContext> {
        let chosen = Set(values)
        let postedName = single ? name : "\(name)[]"
        return group(
            name,
            .element(
                named: "fieldset",
                nodes: [
                    .attribute(
                        named: "aria-describedby", value: describedBy(name, hint: nil), ignoreIfValueIsEmpty: true),
                    .element(named: "legend", nodes: [.class("label"), .text(legend)] as [Node<HTML.BodyContext>]),
                    hintAndError(name, nil),
                    .ul(
                        .class("checkboxes"),
                        .forEach(Array(options.enumerated())) { index, option in
                            .li(
                                .input(
                                    .type(.checkbox), .id(index == 0 ? name : "\(name)-\(index)"), .name(postedName),
                                    .value(option.0), .checked(chosen.contains(option.0))),
                                .label(.for(index == 0 ? name : "\(name)-\(index)"), .text(option.1)))
                        })
                ] as [Node<HTML.BodyContext>]))
    }
}
