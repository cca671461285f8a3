import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// The published register, for anyone: partnerships an editor has published, their public fields only,
/// and people only when they hold a public office and the record says so.
struct PublicPartnership: Content {
    struct Member: Content {
        var role: String
        /// Only for a person in public office, or an organisation that is itself the member.
        var name: String?
        var roleTitle: String?
        var organisation: String?
        /// A person in public office's declarations of interest that the workspace publishes.
        var declaredInterests: [String]?
    }

    var workspace: String
    var key: String
    var name: String
    var type: PartnershipType
    var status: PartnershipStatus
    var startedOn: Day?
    var endedOn: Day?
    var statutoryBasis: String?
    var purpose: String?
    var themes: [String]
    var pccRoles: [PCCRole]
    var meetingFrequency: MeetingFrequency?
    var forceAreaCode: String?
    var members: [Member]?

    init(
        _ record: PartnershipRecord, workspace: String, members: [MembershipRecord]?,
        interests: [UUID: [InterestDeclaration]] = [:], today: Day
    ) {
        let p = record.domain(KeyIndex())
        self.workspace = workspace
        key = p.key; name = p.name; type = p.type; status = p.status; startedOn = p.startedOn; endedOn = p.endedOn
        statutoryBasis = p.statutoryBasis; purpose = p.purpose; themes = p.themes; pccRoles = p.pccRoles
        meetingFrequency = p.meetingFrequency; forceAreaCode = p.forceAreaCode
        self.members = members?.filter { $0.endedOn.map { $0 >= today.description } ?? true }.map { m in
            let inOffice = m.person?.publicOffice == true
            return Member(
                role: MembershipRole(rawValue: m.role)?.label ?? m.role,
                name: inOffice ? m.person?.name : (m.person == nil ? m.organisation?.name : nil),
                roleTitle: inOffice ? m.person?.roleTitle : nil,
                organisation: (m.represents ?? m.organisation)?.name,
                declaredInterests: inOffice
                    ? m.$person.id.flatMap { interests[$0] }.flatMap { list in
                        list.isEmpty ? nil : list.map { "\($0.kind.label): \($0.matter)" }
                    } : nil)
        }
    }
}

enum PublicPages {
    static func register(on app: Application) {
        app.get(RegisterPath.published, use: list)
        app.get(RegisterPath.publishedPartnership(workspace: ":workspace", ":key"), use: show)
        app.get(APIPath.publicPartnerships, use: apiList)
        app.get(APIPath.publicPartnership(workspace: ":workspace", ":key"), use: apiShow)
    }

    private static func workspaces(on db: Database) async throws -> [UUID: String] {
        Dictionary(
            try await WorkspaceRecord.query(on: db).all().map { ($0.id!, $0.key) }, uniquingKeysWith: { a, _ in a })
    }

    static func published(_ req: Request) async throws -> [PublicPartnership] {
        let names = try await workspaces(on: req.db)
        return try await PublicRegister.partnerships(on: req.db).sort(\.$name).all().map {
            PublicPartnership($0, workspace: names[$0.$workspace.id] ?? "", members: nil, today: req.now.today)
        }
    }

    static func one(_ req: Request) async throws -> PublicPartnership {
        let workspace = try req.parameters.require("workspace")
        let key = try req.parameters.require("key")
        guard let space = try await WorkspaceRecord.query(on: req.db).filter(\.$key == workspace).first(),
            let record = try await PublicRegister.partnerships(on: req.db).filter(\.$workspace.$id == space.requireID())
                .filter(\.$key == key).first()
        else {
            // The same answer for unpublished and missing, so the public cannot tell which.
            throw Problem.notFound("The partnership '\(key)'")
        }
        let members = try await PublicRegister.memberships(of: record, on: req.db)
        return PublicPartnership(
            record, workspace: workspace, members: members,
            interests: try await PublicRegister.declarations(
                of: members.compactMap(\.person), on: req.now.today, on: req.db),
            today: req.now.today)
    }

    @Sendable static func apiList(req: Request) async throws -> Response {
        let items = try await published(req)
        return try APIResponse.json(Page(items: items, page: 1, perPage: max(items.count, 1), total: items.count))
    }

    @Sendable static func apiShow(req: Request) async throws -> Response {
        try APIResponse.json(try await one(req))
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let context = req.pageContext
        let items = try await published(req)
        let reviews = try await PublicRegister.reviews(on: req.db)
        return Layout(
            context: context, title: "Published partnerships",
            content: .group(
                .heading("Published partnerships"),
                .p(.text("The partnerships that Police and Crime Commissioners' offices have chosen to publish.")),
                items.isEmpty
                    ? .p(.text("Nothing has been published yet."))
                    : Components.table(
                        caption: "Published partnerships", headers: [.text("Name"), .text("Type"), .text("Status")],
                        rows: items.map { p in
                            [
                                .a(
                                    .href(RegisterPath.publishedPartnership(workspace: p.workspace, p.key).href),
                                    .text(p.name)), .text(p.type.label), .text(p.status.label)
                            ]
                        }, captionVisible: false),
                .h2(.class("heading-l"), .text("Published reviews of the partnership system")),
                reviews.isEmpty
                    ? .p(.text("No review has been published yet."))
                    : .ul(
                        .class("list list--bullet"),
                        .forEach(reviews) { r in
                            .li(
                                .a(
                                    .href(ReviewPath.published(workspace: r.workspace, r.review.key).href),
                                    .text(r.review.title)))
                        })
            )
        ).response()
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let context = req.pageContext
        let p = try await one(req)
        return Layout(
            context: context, title: p.name, breadcrumbs: [("Published partnerships", RegisterPath.published.href)],
            content: .group(
                .heading(p.name, caption: p.type.label),
                Components.summaryList([
                    ("Status", .text(p.status.label)),
                    ("Purpose", Components.text(p.purpose)),
                    ("Statutory basis", Components.text(p.statutoryBasis, empty: "Not statutory, or not recorded")),
                    ("Themes", Components.text(p.themes.joined(separator: ", "), empty: "None recorded")),
                    (
                        "Police and Crime Commissioner's role",
                        Components.text(p.pccRoles.map(\.label).joined(separator: ", "), empty: "None")
                    ),
                    ("Meets", Components.text(p.meetingFrequency?.label))
                ]),
                .h2(.text("Members")),
                (p.members ?? []).isEmpty
                    ? .p(.text("No members are published."))
                    : Components.table(
                        caption: "Members", headers: [.text("Role"), .text("Member"), .text("Organisation")],
                        rows: (p.members ?? []).map { m in
                            [
                                .text(m.role),
                                Components.text(
                                    m.name.map { n in m.roleTitle.map { "\(n), \($0)" } ?? n }, empty: "A member"),
                                Components.text(m.organisation, empty: "–")
                            ]
                        }, captionVisible: false),
                .h2(.text("Declared interests")),
                .p(.text("The interests that members in public office have declared and the office publishes.")),
                (p.members ?? []).allSatisfy({ $0.declaredInterests == nil })
                    ? .p(.text("None published."))
                    : .ul(
                        .class("list list--bullet"),
                        .forEach((p.members ?? []).filter { $0.declaredInterests != nil }) { m in
                            .li(
                                .text("\(m.name ?? "A member"): "),
                                .text((m.declaredInterests ?? []).joined(separator: "; ")))
                        })
            )
        ).response()
    }
}
