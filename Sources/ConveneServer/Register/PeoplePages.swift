import ConveneDomain
import Fluent
import Plot
import SQLKit
import Vapor

/// A seat on a partnership, as the organisation and person pages list it (past seats included).
struct SeatRow {
    var partnershipKey: String
    var partnershipName: String
    var role: MembershipRole
    var how: String
    var startedOn: Day?
    var endedOn: Day?

    func isPast(_ today: Day) -> Bool { endedOn.map { $0 < today } ?? false }

    /// Current seats first, then by partnership name.
    static func sorted(_ rows: [SeatRow]) -> [SeatRow] {
        rows.sorted { a, b in
            let aEnded = a.endedOn != nil
            let bEnded = b.endedOn != nil
            return aEnded != bEnded ? !aEnded : a.partnershipName < b.partnershipName
        }
    }

    /// A membership as the seat tables need it: its partnership and the person who holds it.
    struct Stored: Decodable {
        var partnership_key: String; var partnership_name: String; var role: String
        var started_on: String?; var ended_on: String?; var person_id: UUID?; var person_name: String?
    }

    /// The memberships that `condition` (on `m`, the memberships) picks, with their partnerships: one statement.
    static func query(_ condition: SQLQueryString, in scope: Scope) async throws -> [Stored] {
        try await scope.sql.raw(
            """
            SELECT p.key AS partnership_key, p.name AS partnership_name, m.role, m.started_on, m.ended_on,
                m.person_id, pe.name AS person_name
            FROM memberships m
            JOIN partnerships p ON p.id = m.partnership_id
            LEFT JOIN persons pe ON pe.id = m.person_id
            WHERE m.workspace_id = \(bind: scope.workspaceID) AND (\(condition))
            """
        ).all(decoding: Stored.self)
    }

    static func table(_ rows: [SeatRow], caption: String, today: Day) -> Node<HTML.BodyContext> {
        rows.isEmpty
            ? .p(.text("None recorded."))
            : Components.table(
                caption: caption, headers: [.text("Partnership"), .text("Role"), .text("How"), .text("Dates")],
                rows: rows.map { r in
                    [
                        .a(.href(RegisterPath.partnership(r.partnershipKey).href), .text(r.partnershipName)),
                        .text(r.role.label), .text(r.how),
                        .group(
                            .text(
                                [
                                    r.startedOn.map { "from \($0.longDescription)" },
                                    r.endedOn.map { "to \($0.longDescription)" }
                                ]
                                .compactMap { $0 }.joined(separator: " ")),
                            .if(r.isPast(today), .group(.text(" "), Components.tag("Ended", "grey"))))
                    ]
                }, captionVisible: false)
    }
}

extension SeatRow {
    init(_ m: Stored, how: String) {
        self.init(
            partnershipKey: m.partnership_key, partnershipName: m.partnership_name,
            role: MembershipRole(rawValue: m.role) ?? .member, how: how,
            startedOn: Day(stored: m.started_on), endedOn: Day(stored: m.ended_on))
    }
}

struct OrganisationPageModel {
    /// Who is asking, and the form token of the page's forms.
    var context: PageContext
    var organisation: Organisation
    var people: [(key: String, name: String, roleTitle: String?)]
    var seats: [SeatRow]
    var secretariatOf: [(key: String, name: String)]
    var isDemo: Bool
    /// Seats that ended before this day are past.
    var today: Day
    /// The data-sharing agreements it is party to.
    var agreements: [DataSharingAgreement] = []

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> OrganisationPageModel {
        let record = try await RegisterQueries.organisation(key, in: scope)
        let id = try record.requireID()
        // Its people and the partnerships it is secretariat of, in one statement; its seats in another.
        // `list` is 0 for a person, 1 for a partnership.
        struct Listed: Decodable { var list: Int; var key: String; var name: String; var role_title: String? }
        async let listed = scope.sql.raw(
            """
            SELECT 0 AS list, key, name, role_title FROM persons
            WHERE workspace_id = \(bind: scope.workspaceID) AND organisation_id = \(bind: id)
            UNION ALL
            SELECT 1 AS list, key, name, NULL FROM partnerships
            WHERE workspace_id = \(bind: scope.workspaceID) AND secretariat_id = \(bind: id)
            ORDER BY list, name
            """
        ).all(decoding: Listed.self)
        async let memberships = SeatRow.query(
            "m.organisation_id = \(bind: id) OR m.represents_id = \(bind: id)", in: scope)
        let seats = SeatRow.sorted(
            try await memberships.map { m in
                SeatRow(m, how: m.person_name.map { "Represented by \($0)" } ?? "As an organisation")
            })
        let rows = try await listed
        return OrganisationPageModel(
            context: context, organisation: record.domain,
            people: rows.filter { $0.list == 0 }.map { ($0.key, $0.name, $0.role_title) },
            seats: seats, secretariatOf: rows.filter { $0.list == 1 }.map { ($0.key, $0.name) },
            isDemo: context.isDemo, today: scope.now.today,
            agreements: try await SharingStore.agreements(party: key, in: scope))
    }
}

struct PersonPageModel {
    /// Who is asking, and the form token of the page's forms.
    var context: PageContext
    var person: Person
    var organisation: (key: String, name: String)?
    var seats: [SeatRow]
    var isDemo: Bool
    /// Seats that ended before this day are past.
    var today: Day
    /// Their declarations of interest, and the organisations one may name.
    var interests: [InterestDeclaration] = []
    var organisations: [(String, String)] = []
    /// Whether they hold a public office, so that their declarations may be published.
    var publicOffice = false
    /// A declaration refused, as it was given, and why.
    var declaring = SharingPages.DeclarationInput()
    var errors: [FieldError] = []

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> PersonPageModel {
        let record = try await RegisterQueries.person(key, in: scope)
        let id = try record.requireID()
        async let organisation = record.$organisation.get(on: scope.db)
        async let memberships = SeatRow.query("m.person_id = \(bind: id) OR m.substitute_id = \(bind: id)", in: scope)
        let seats = SeatRow.sorted(
            try await memberships.map { m in
                SeatRow(m, how: m.person_id == id ? "Member" : "Named substitute for \(m.person_name ?? "a member")")
            })
        let org = try await organisation
        let keys = KeyIndex(organisations: org.map { [$0.id!: $0.key] } ?? [:])
        return PersonPageModel(
            context: context, person: record.domain(keys), organisation: org.map { ($0.key, $0.name) }, seats: seats,
            isDemo: context.isDemo, today: scope.now.today,
            interests: try await SharingStore.declarations(of: [id], in: scope)[id] ?? [],
            organisations: context.mayEdit ? try await SharingNames.load(in: scope).organisationChoices : [],
            publicOffice: record.publicOffice == true)
    }
}

enum PeopleViews {
    static func organisation(_ model: OrganisationPageModel) -> Layout {
        let context = model.context
        let today = model.today
        let o = model.organisation
        let current = model.seats.filter { !$0.isPast(today) }
        let past = model.seats.filter { $0.isPast(today) }
        return Layout(
            context: context, title: o.name,
            breadcrumbs: [("Overview", RegisterPath.overview.href), ("Organisations", RegisterPath.organisations.href)],
            isDemo: model.isDemo,
            content: .group(
                .heading(o.name, caption: o.sector.label),
                .a(
                    .href(RegisterPath.editOrganisation(o.key).href), .class("button button--secondary"),
                    .text("Change this organisation")),
                .a(
                    .href(RegisterPath.history.href(["kind": "organisation", "key": o.key])),
                    .class("button button--secondary"), .text("History")),
                Components.summaryList([("Sector", .text(o.sector.label)), ("Identifier", .code(.text(o.key)))]),
                .h2(.text("Member of")), SeatRow.table(current, caption: "Current seats", today: today),
                .h2(.text("Past memberships")), SeatRow.table(past, caption: "Past seats", today: today),
                SharingPagesView.section(model.agreements, on: today),
                .h2(.text("Secretariat for")),
                model.secretariatOf.isEmpty
                    ? .p(.text("None recorded."))
                    : .ul(
                        .forEach(model.secretariatOf) {
                            .li(.a(.href(RegisterPath.partnership($0.key).href), .text($0.name)))
                        }),
                .h2(.text("People")),
                model.people.isEmpty
                    ? .p(.text("None recorded."))
                    : .ul(
                        .forEach(model.people) { p in
                            .li(
                                .a(.href(RegisterPath.person(p.key).href), .text(p.name)),
                                .unwrap(p.roleTitle) { $0 == p.name ? .empty : .text(", \($0)") })
                        })
            ))
    }

    static func person(_ model: PersonPageModel) -> Layout {
        let context = model.context
        let today = model.today
        let p = model.person
        let current = model.seats.filter { !$0.isPast(today) }
        let past = model.seats.filter { $0.isPast(today) }
        let form = Form(errors: model.errors)
        return Layout(
            context: context, title: form.title(p.name),
            breadcrumbs: [("Overview", RegisterPath.overview.href), ("People", RegisterPath.persons.href)],
            isDemo: model.isDemo,
            content: .group(
                form.errorSummary(),
                .heading(p.name, caption: p.roleTitle),
                .a(
                    .href(RegisterPath.editPerson(p.key).href), .class("button button--secondary"),
                    .text("Change this person")),
                .a(
                    .href(RegisterPath.history.href(["kind": "person", "key": p.key])),
                    .class("button button--secondary"), .text("History")),
                Components.summaryList([
                    ("Role title", Components.text(p.roleTitle)),
                    (
                        "Organisation",
                        model.organisation.map { Components.link($0.name, RegisterPath.organisation($0.key).href) }
                            ?? Components.text(nil)
                    ),
                    ("Seniority", Components.text(p.seniority?.label)),
                    ("Identifier", .code(.text(p.key)))
                ]),
                .h2(.text("Member of")), SeatRow.table(current, caption: "Current seats", today: today),
                .h2(.text("Past memberships")), SeatRow.table(past, caption: "Past seats", today: today),
                SharingPagesView.interests(model)
            ))
    }

    /// The organisation and people lists: a name search and pages of 50.
    static func list(
        context: PageContext, title: String, path: String, add: String, q: String?, page: Int, total: Int,
        rows: [(href: String, name: String, detail: String)], isDemo: Bool
    ) -> Layout {
        let pages = max(1, (total + 49) / 50)
        let query = { (p: Int) -> String in
            var c = URLComponents()
            c.queryItems = [
                q.map { URLQueryItem(name: "q", value: $0) }, p > 1 ? URLQueryItem(name: "page", value: String(p)) : nil
            ].compactMap { $0 }
            return path + (c.percentEncodedQuery.map { "?" + $0 } ?? "")
        }
        return Layout(
            context: context, title: title, breadcrumbs: [("Overview", RegisterPath.overview.href)], isDemo: isDemo,
            content: .group(
                .heading(title),
                .if(context.mayEdit, .a(.href("\(path)/new"), .class("button"), .text(add))),
                .getForm(
                    action: path, .class("filters"),
                    .div(
                        .class("form-group"), .label(.for("q"), .class("label"), .text("Name contains")),
                        .input(.type(.search), .id("q"), .name("q"), .class("input"), .value(q ?? ""))),
                    .div(
                        .class("form-group"),
                        .button(.type(.submit), .class("button button--secondary"), .text("Search")))),
                .p(.attribute(named: "role", value: "status"), .text("\(total) found")),
                .if(
                    !rows.isEmpty,
                    Components.table(
                        caption: title, headers: [.text("Name"), .text("Details")],
                        rows: rows.map { [.a(.href($0.href), .text($0.name)), .text($0.detail)] }, captionVisible: false
                    )),
                Components.pagination(page: page, pages: pages, link: query)
            ))
    }
}
