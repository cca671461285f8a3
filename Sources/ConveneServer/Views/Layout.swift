import ConveneDomain
import Foundation
import Plot
import Vapor

/// Convene's one page layout, in the manner of the GOV.UK Design System.
struct Layout {
    /// Who is asking: the header shows their workspace and account, and the navigation only to people signed in.
    var context: PageContext
    var title: String
    var breadcrumbs: [(label: String, href: String)] = []
    var isDemo = false
    var content: Node<HTML.BodyContext>

    func render() -> String {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) – Convene"),
                .link(.rel(.stylesheet), .href(StaticAssets.stylesheet))
            ),
            .body(
                .a(.href("#main-content"), .class("skip-link"), .text("Skip to main content")),
                .header(
                    .class("site-header"),
                    .div(
                        .class("width-container header-inner"),
                        .a(.href(RegisterPath.overview.href), .class("site-name"), .text("Convene")),
                        .unwrap(
                            context.principal,
                            { principal in
                                .postForm(
                                    action: AccountPath.signOut.href, context: context,
                                    .span(.class("signed-in"), .text(principal.workspaceName)),
                                    .if(
                                        principal.workspaceCount > 1,
                                        .a(
                                            .href(AccountPath.workspaces.href), .class("signed-in"),
                                            .text("Switch workspace"))),
                                    .a(.href(AccountPath.tokens.href), .class("signed-in"), .text(principal.email)),
                                    .button(.type(.submit), .class("link-button"), .text("Sign out")))
                            },
                            else: .nav(
                                .ariaLabel("Account"), .class("account-nav"),
                                .a(
                                    .href(RegisterPath.published.href), .class("signed-in"),
                                    .text("Published partnerships")),
                                .a(.href(AccountPath.signIn.href), .class("signed-in"), .text("Sign in")))),
                        // The register's own pages are for people signed in; the public see the public pages only.
                        .if(
                            context.principal != nil,
                            .nav(
                                .ariaLabel("Main"),
                                .ul(
                                    .class("site-nav"),
                                    .li(.a(.href(RegisterPath.overview.href), .text("Overview"))),
                                    .li(.a(.href(RegisterPath.partnerships.href), .text("Partnerships"))),
                                    .li(.a(.href(RegisterPath.organisations.href), .text("Organisations"))),
                                    .li(.a(.href(RegisterPath.persons.href), .text("People"))),
                                    .li(.a(.href(RegisterPath.landscape.href), .text("Landscape picture"))),
                                    .li(.a(.href(RegisterPath.network.href), .text("Network"))),
                                    .li(.a(.href(PersonalPath.myMeetings.href), .text("My meetings"))),
                                    .li(.a(.href(AlertPath.alerts.href), .text("Alerts"))),
                                    .li(.a(.href(StrategyPath.strategies.href), .text("Strategies"))),
                                    .li(.a(.href(AnalysisPath.index.href), .text("Analysis"))),
                                    .li(.a(.href(SurveyPath.surveys.href), .text("Surveys"))),
                                    .li(.a(.href(ReviewPath.reviews.href), .text("Reviews"))),
                                    .li(.a(.href(OutcomePath.outcomes.href), .text("Outcomes"))),
                                    .li(.a(.href(FundingPath.funding.href), .text("Funding"))),
                                    .li(.a(.href(SharingPath.agreements.href), .text("Data sharing"))),
                                    .if(context.mayEdit, .li(.a(.href(RegisterPath.importFile.href), .text("Import")))),
                                    .li(.a(.href(RegisterPath.history.href), .text("History")))
                                )
                            ))
                    )
                ),
                .div(
                    .class("width-container"),
                    .if(
                        isDemo,
                        .aside(
                            .class("phase-banner"), .ariaLabel("Demo data"),
                            .p(
                                .strong(.class("tag tag--blue"), .text("Demo")),
                                .text(
                                    " This register holds demo data from public reports, with role titles and no names. It is not any area's real register."
                                )))),
                    .if(
                        !breadcrumbs.isEmpty,
                        .nav(
                            .class("breadcrumbs"), .ariaLabel("Breadcrumb"),
                            .ol(.forEach(breadcrumbs) { crumb in .li(.a(.href(crumb.href), .text(crumb.label))) }))),
                    .main(.id("main-content"), .attribute(named: "tabindex", value: "-1"), content)
                ),
                .footer(
                    .class("site-footer"),
                    .div(
                        .class("width-container"),
                        .p(
                            .text("Convene keeps the register of a police force area's partnerships. "),
                            .a(.href(APIPath.openAPI.href), .text("API description (OpenAPI)")))))
            )
        ).render()
    }

    func response(status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: render()))
        response.headers.contentType = .html
        return response
    }
}

enum ErrorPage {
    static func response(_ problem: Problem, context: PageContext) -> Response {
        let title = problem.status == 404 ? "Page not found" : problem.title
        let layout = Layout(
            context: context, title: title,
            content: .group(
                .h1(.class("heading-xl"), .text(title)),
                .p(.text(problem.detail ?? "")),
                .p(.a(.href(RegisterPath.overview.href), .text("Go to the overview")))
            ))
        return layout.response(status: HTTPResponseStatus(statusCode: problem.status))
    }
}

/// Small building blocks shared by the pages.
enum Components {
    static func tag(_ text: String, _ colour: String = "grey") -> Node<HTML.BodyContext> {
        .strong(.class("tag tag--\(colour)"), .text(text))
    }

    /// A GOV.UK summary list: one record's fields as key–value rows.
    static func summaryList(_ rows: [(String, Node<HTML.BodyContext>)]) -> Node<HTML.BodyContext> {
        .dl(
            .class("summary-list"),
            .forEach(rows) { row in
                .div(
                    .class("summary-list__row"),
                    .dt(.class("summary-list__key"), .text(row.0)),
                    .dd(.class("summary-list__value"), row.1))
            })
    }

    static func text(_ value: String?, empty: String = "Not recorded") -> Node<HTML.BodyContext> {
        if let value, !value.isEmpty { return .text(value) }
        return .span(.class("secondary-text"), .text(empty))
    }

    static func link(_ label: String, _ href: String) -> Node<HTML.BodyContext> {
        .a(.href(href), .text(label))
    }

    /// A table whose header cells can carry sort links (GOV.UK "sortable headers").
    static func table(
        caption: String, headers: [Node<HTML.BodyContext>], rows: [[Node<HTML.BodyContext>]],
        captionVisible: Bool = true
    ) -> Node<HTML.BodyContext> {
        .table(
            .class("table"),
            .caption(.class(captionVisible ? "table__caption" : "visually-hidden"), .text(caption)),
            .thead(.tr(.forEach(headers) { header in .th(.attribute(named: "scope", value: "col"), header) })),
            .tbody(.forEach(rows) { cells in .tr(.forEach(cells) { cell in .td(cell) }) })
        )
    }

    static func pagination(page: Int, pages: Int, link: (Int) -> String) -> Node<HTML.BodyContext> {
        guard pages > 1 else { return .empty }
        return .nav(
            .class("pagination"), .ariaLabel("Pages"),
            .if(page > 1, .a(.href(link(page - 1)), .attribute(named: "rel", value: "prev"), .text("Previous page"))),
            .span(.text(" Page \(page) of \(pages) ")),
            .if(page < pages, .a(.href(link(page + 1)), .attribute(named: "rel", value: "next"), .text("Next page"))))
    }
}

extension Node where Context == HTML.BodyContext {
    static func heading(_ text: String, caption: String? = nil) -> Node {
        .group(
            .unwrap(caption) { .span(.class("caption-l"), .text($0)) },
            .h1(.class("heading-xl"), .text(text))
        )
    }
}

extension Node where Context: HTMLOptionListContext {
    /// An `<option>` with visible text; Plot's own option takes attributes only.
    static func choice(_ value: String, _ label: String, selected: Bool = false) -> Node {
        .element(
            named: "option",
            nodes: [
                // Kept when empty: without it a browser posts the option's text ("Not set") as its value.
                .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                selected ? .attribute(named: "selected", value: "selected") : .empty,
                .text(label)
            ] as [Node<HTML.BodyContext>])
    }

    /// An `<optgroup>` of choices.
    static func choiceGroup(_ label: String, _ choices: [Node]) -> Node {
        .element(named: "optgroup", nodes: [.attribute(named: "label", value: label)] + choices)
    }
}

extension Node where Context == HTML.BodyContext {
    /// A `<form method="post">` whose children are ordinary body nodes (Plot's form context would not accept them).
    /// It cannot be made without the page's context, and carries its CSRF token, so no form can forget it.
    static func postForm(action: String, context: PageContext, _ nodes: Node...) -> Node {
        let token: Node = .input(.type(.hidden), .name(CSRFMiddleware.field), .value(context.csrfToken ?? ""))
        return .element(
            named: "form",
            nodes: [
                .attribute(named: "action", value: action),
                .attribute(named: "method", value: "post"), token
            ] + nodes)
    }

    /// A `<form method="get">`: a search or a filter, which changes nothing and needs no token.
    static func getForm(action: String, _ nodes: Node...) -> Node {
        .element(
            named: "form",
            nodes: [
                .attribute(named: "action", value: action),
                .attribute(named: "method", value: "get")
            ] + nodes)
    }

    static func detailsElement(_ summary: String, _ nodes: Node...) -> Node {
        .element(named: "details", nodes: [.element(named: "summary", nodes: [.text(summary)] as [Node])] + nodes)
    }
}
