import ConveneDomain
import Fluent
import Plot
import SQLKit
import Vapor

/// The landscape at a glance: counts by type, status and PCC role; the force areas; who owns each CDP.
struct OverviewModel {
    /// Who is asking, and the form token of the page's forms.
    var context: PageContext
    struct ForceAreaRow {
        var code: String; var name: String; var partnerships: Int; var cdps: Int; var pccRoles: [PCCRole]
    }
    struct SRORow {
        var partnershipKey: String; var partnershipName: String; var forceArea: String?; var sro: String;
        var sroKey: String
    }

    var total: Int
    var byType: [(PartnershipType, Int)]
    var byStatus: [(PartnershipStatus, Int)]
    var byPCCRole: [(PCCRole, Int)]
    var forceAreas: [ForceAreaRow]
    var senior: [SRORow]
    var isDemo: Bool

    static func load(context: PageContext, in scope: Scope) async throws -> OverviewModel {
        // Two statements, run together. One grouped query: a large register collapses into a few hundred distinct
        // combinations, each with its force area's name.
        struct Group: Decodable {
            var type: String; var status: String; var pcc_roles: String; var force_area_code: String?;
            var force_area_name: String?; var is_demo: Bool; var n: Int
        }
        // The Senior Responsible Owners of CDPs: the SRO memberships that are current, with who holds them.
        struct SRO: Decodable {
            var partnership_key: String; var partnership_name: String; var force_area_name: String?
            var person_key: String?; var person_name: String?; var role_title: String?
            var organisation_key: String?; var organisation_name: String?
        }
        // Raw SQL, so it names its workspace itself.
        async let grouped = scope.sql.raw(
            """
            SELECT p.type, p.status, p.pcc_roles, p.force_area_code, a.name AS force_area_name, p.is_demo,
                COUNT(*) AS n
            FROM partnerships p LEFT JOIN areas a ON a.code = p.force_area_code
            WHERE p.workspace_id = \(bind: scope.workspaceID)
            GROUP BY p.type, p.status, p.pcc_roles, p.force_area_code, a.name, p.is_demo
            """
        ).all(decoding: Group.self)
        async let owners = scope.sql.raw(
            """
            SELECT p.key AS partnership_key, p.name AS partnership_name, a.name AS force_area_name,
                pe.key AS person_key, pe.name AS person_name, pe.role_title, o.key AS organisation_key,
                o.name AS organisation_name
            FROM memberships m
            JOIN partnerships p ON p.id = m.partnership_id
            LEFT JOIN areas a ON a.code = p.force_area_code
            LEFT JOIN persons pe ON pe.id = m.person_id
            LEFT JOIN organisations o ON o.id = m.organisation_id
            WHERE m.workspace_id = \(bind: scope.workspaceID) AND m.role = \(bind: MembershipRole.sro.rawValue)
                AND (m.ended_on IS NULL OR m.ended_on >= \(bind: scope.now.today.description))
                AND p.type = \(bind: PartnershipType.combatingDrugsPartnership.rawValue)
            """
        ).all(decoding: SRO.self)
        let groups = try await grouped
        var types: [PartnershipType: Int] = [:]
        var statuses: [PartnershipStatus: Int] = [:]
        var roles: [PCCRole: Int] = [:]
        var areas: [String: ForceAreaRow] = [:]
        for group in groups {
            let type = PartnershipType(rawValue: group.type) ?? .forum
            types[type, default: 0] += group.n
            statuses[PartnershipStatus(rawValue: group.status) ?? .active, default: 0] += group.n
            let pcc = ListColumn.decode(group.pcc_roles).compactMap(PCCRole.init(rawValue:))
            for role in pcc { roles[role, default: 0] += group.n }
            if let code = group.force_area_code {
                var area =
                    areas[code]
                    ?? ForceAreaRow(
                        code: code, name: group.force_area_name ?? code, partnerships: 0, cdps: 0, pccRoles: [])
                area.partnerships += group.n
                if type == .combatingDrugsPartnership { area.cdps += group.n }
                area.pccRoles = PCCRole.allCases.filter { area.pccRoles.contains($0) || pcc.contains($0) }
                areas[code] = area
            }
        }
        let senior = try await owners.map { sro in
            SRORow(
                partnershipKey: sro.partnership_key, partnershipName: sro.partnership_name,
                forceArea: sro.force_area_name,
                sro: sro.person_key != nil
                    ? sro.role_title ?? sro.person_name ?? "" : sro.organisation_name ?? "Unknown",
                sroKey: sro.person_key.map { RegisterPath.person($0).href } ?? sro.organisation_key.map {
                    RegisterPath.organisation($0).href
                } ?? "#")
        }
        return OverviewModel(
            context: context, total: groups.reduce(0) { $0 + $1.n },
            byType: PartnershipType.allCases.compactMap { t in types[t].map { (t, $0) } },
            byStatus: PartnershipStatus.allCases.compactMap { s in statuses[s].map { (s, $0) } },
            byPCCRole: PCCRole.allCases.compactMap { r in roles[r].map { (r, $0) } },
            forceAreas: areas.values.sorted { $0.name < $1.name },
            senior: senior.sorted {
                ($0.forceArea ?? "", $0.partnershipName) < ($1.forceArea ?? "", $1.partnershipName)
            },
            isDemo: groups.contains { $0.is_demo })
    }
}

enum OverviewView {
    static func render(_ model: OverviewModel) -> Layout {
        let context = model.context
        func countTable(_ caption: String, _ rows: [(String, Int, (String, String?))]) -> Node<HTML.BodyContext> {
            Components.table(
                caption: caption, headers: [.text("Kind"), .text("Partnerships")],
                rows: rows.map { [.a(.href(RegisterPath.partnerships.href([$0.2])), .text($0.0)), .text(String($0.1))] }
            )
        }
        return Layout(
            context: context, title: "Partnership landscape", isDemo: model.isDemo,
            content: .group(
                .heading("Partnership landscape"),
                .getForm(
                    action: RegisterPath.partnerships.href, .class("filters"),
                    .attribute(named: "role", value: "search"),
                    .div(
                        .class("form-group"),
                        .label(.for("q"), .class("label"), .text("Search partnerships")),
                        .input(.type(.search), .id("q"), .name("q"), .class("input"))),
                    .div(.class("form-group"), .button(.type(.submit), .class("button"), .text("Search")))),
                .div(
                    .class("grid"),
                    .div(
                        .class("card"), .span(.class("count"), .text(String(model.total))),
                        .text("partnerships in the register")),
                    .div(
                        .class("card"), .span(.class("count"), .text(String(model.forceAreas.count))),
                        .text("police force areas")),
                    .div(
                        .class("card"), .span(.class("count"), .text(String(model.senior.count))),
                        .text("Senior Responsible Owners (SROs) of Combating Drugs Partnerships (CDPs)"))),
                .if(
                    model.total == 0,
                    .div(
                        .class("inset"),
                        context.mayEdit
                            ? .p(
                                .text("The register is empty. "),
                                .a(.href(RegisterPath.newPartnership.href), .text("Add a partnership")), .text(", or "),
                                .a(.href(RegisterPath.importFile.href), .text("import a register file")), .text("."))
                            : .p(.text("The register is empty.")))),
                .div(
                    .class("grid"),
                    .div(countTable("By type", model.byType.map { ($0.0.label, $0.1, ("type", $0.0.rawValue)) })),
                    .div(
                        countTable("By status", model.byStatus.map { ($0.0.label, $0.1, ("status", $0.0.rawValue)) }),
                        countTable(
                            "By the Police and Crime Commissioner's (PCC's) role",
                            model.byPCCRole.map { ($0.0.label, $0.1, ("pcc_role", $0.0.rawValue)) }))),
                .h2(.id("force-areas"), .text("Police force areas")),
                Components.table(
                    caption: "Partnerships by police force area",
                    headers: [
                        .text("Police force area"), .text("Partnerships"), .text("CDPs"), .text("PCC's roles")
                    ],
                    rows: model.forceAreas.map { row in
                        [
                            .a(.href(RegisterPath.partnerships.href(["force_area": row.code])), .text(row.name)),
                            .text(String(row.partnerships)), .text(String(row.cdps)),
                            .text(row.pccRoles.map(\.label).joined(separator: ", "))
                        ]
                    }, captionVisible: false),
                .h2(.id("sros"), .text("Senior Responsible Owners of Combating Drugs Partnerships")),
                Components.table(
                    caption: "CDPs and their Senior Responsible Owners",
                    headers: [
                        .text("Combating Drugs Partnership"), .text("Police force area"),
                        .text("Senior Responsible Owner")
                    ],
                    rows: model.senior.map { row in
                        [
                            .a(.href(RegisterPath.partnership(row.partnershipKey).href), .text(row.partnershipName)),
                            Components.text(row.forceArea), .a(.href(row.sroKey), .text(row.sro))
                        ]
                    }, captionVisible: false)
            ))
    }
}
