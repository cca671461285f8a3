import ConveneDomain
import Fluent
import Plot
import Vapor

struct PartnershipListModel {
    /// Who is asking, and the form token of the page's forms.
    var context: PageContext
    struct Row {
        var key: String; var name: String; var type: PartnershipType; var status: PartnershipStatus;
        var forceArea: String?; var pccRoles: [PCCRole]
    }

    static let perPage = 50
    var filter: PartnershipFilter
    var rows: [Row]
    var total: Int
    var page: Int
    var forceAreas: [(code: String, name: String)]
    var isDemo: Bool

    var pages: Int { max(1, (total + Self.perPage - 1) / Self.perPage) }

    static func load(_ filter: PartnershipFilter, context: PageContext, in scope: Scope) async throws
        -> PartnershipListModel
    {
        let window = PageWindow(clamping: filter.page, perPage: perPage)
        let page = window.page
        struct Listed: Decodable {
            var key: String; var name: String; var type: String; var status: String; var force_area_code: String?
            var pcc_roles: String
        }
        struct Area: Decodable { var code: String; var name: String }
        async let total = filter.apply(to: PartnershipRecord.query(in: scope)).count()
        async let records = filter.apply(to: PartnershipRecord.query(in: scope)).window(window).plainRows(
            Listed.self, ["key", "name", "type", "status", "force_area_code", "pcc_roles"])
        async let areas = AreaRecord.query(on: scope.db).filter(\.$kind == AreaKind.policeForceArea.rawValue).sort(
            \.$name
        ).plainRows(Area.self, ["code", "name"])
        let forceAreas = try await areas.map { (code: $0.code, name: $0.name) }
        let names = Dictionary(forceAreas.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return try await PartnershipListModel(
            context: context, filter: filter,
            rows: records.map { r in
                Row(
                    key: r.key, name: r.name, type: PartnershipType(rawValue: r.type) ?? .forum,
                    status: PartnershipStatus(rawValue: r.status) ?? .active,
                    forceArea: r.force_area_code.map { names[$0] ?? $0 },
                    pccRoles: ListColumn.decode(r.pcc_roles).compactMap(PCCRole.init(rawValue:)))
            },
            total: total, page: page, forceAreas: forceAreas, isDemo: context.isDemo)
    }
}

enum PartnershipListView {
    static func statusTag(_ status: PartnershipStatus) -> Node<HTML.BodyContext> {
        let colour =
            switch status {
            case .active: "green"
            case .proposed: "blue"
            case .underReview: "yellow"
            case .merged: "purple"
            case .discontinued: "grey"
            }
        return Components.tag(status.label, colour)
    }

    static func render(_ model: PartnershipListModel) -> Layout {
        let context = model.context
        let filter = model.filter
        func select<V: Vocabulary>(_ name: String, _ label: String, _ type: V.Type, _ current: String?) -> Node<
            HTML.BodyContext
        > {
            .div(
                .class("form-group"),
                .label(.for(name), .class("label"), .text(label)),
                .select(
                    .id(name), .attribute(named: "name", value: name), .class("select"),
                    .choice("", "Any"),
                    .forEach(V.allCases) { v in .choice(v.rawValue, v.label, selected: current == v.rawValue) }))
        }
        func header(_ label: String, _ key: String) -> Node<HTML.BodyContext> {
            let active = filter.sortKey == key
            let next = active && !filter.isDescending ? "desc" : "asc"
            let state = active ? (filter.isDescending ? "descending" : "ascending") : "none"
            return .group(
                .a(.href(RegisterPath.partnerships.href + filter.query(sort: key, order: next)), .text(label)),
                .if(active, .span(.class("visually-hidden"), .text(" (sorted \(state))"))),
                .if(
                    active,
                    .span(.attribute(named: "aria-hidden", value: "true"), .text(filter.isDescending ? " ▼" : " ▲"))))
        }
        let shown =
            model.rows.isEmpty
            ? "No partnerships match"
            : "Showing \((model.page - 1) * PartnershipListModel.perPage + 1) to \((model.page - 1) * PartnershipListModel.perPage + model.rows.count) of \(model.total) partnerships"
        return Layout(
            context: context, title: "Partnerships", isDemo: model.isDemo,
            content: .group(
                .heading("Partnerships"),
                .if(
                    context.mayEdit,
                    .a(.href(RegisterPath.newPartnership.href), .class("button"), .text("Add a partnership"))),
                .getForm(
                    action: RegisterPath.partnerships.href, .class("filters"),
                    .div(
                        .class("form-group"),
                        .label(.for("q"), .class("label"), .text("Name contains")),
                        .input(.type(.search), .id("q"), .name("q"), .class("input"), .value(filter.q ?? ""))),
                    select("type", "Type", PartnershipType.self, filter.type),
                    select("status", "Status", PartnershipStatus.self, filter.status),
                    select("pcc_role", "PCC's role", PCCRole.self, filter.pccRole),
                    .div(
                        .class("form-group"),
                        .label(.for("force_area"), .class("label"), .text("Police force area")),
                        .select(
                            .id("force_area"), .attribute(named: "name", value: "force_area"), .class("select"),
                            .choice("", "Any"),
                            .forEach(model.forceAreas) { a in
                                .choice(a.code, a.name, selected: filter.forceArea == a.code)
                            })),
                    .input(.type(.hidden), .name("sort"), .value(filter.sortKey)),
                    .div(
                        .class("form-group"),
                        .button(.type(.submit), .class("button button--secondary"), .text("Apply filters")))),
                .p(.attribute(named: "role", value: "status"), .text(shown)),
                .if(
                    !model.rows.isEmpty,
                    Components.table(
                        caption: "Partnerships",
                        headers: [
                            header("Name", "name"), header("Type", "type"), header("Status", "status"),
                            header("Police force area", "force_area"), .text("PCC's role")
                        ],
                        rows: model.rows.map { row in
                            [
                                .a(.href(RegisterPath.partnership(row.key).href), .text(row.name)),
                                .text(row.type.label), statusTag(row.status),
                                Components.text(row.forceArea, empty: "–"),
                                .text(row.pccRoles.map(\.label).joined(separator: ", "))
                            ]
                        }, captionVisible: false)),
                Components.pagination(page: model.page, pages: model.pages) {
                    RegisterPath.partnerships.href + filter.query(page: $0)
                }
            ))
    }
}
