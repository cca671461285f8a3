import ConveneDomain
import Fluent
import Plot
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

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> OrganisationPageModel {
        let record = try await RegisterQueries.organisation(key, in: scope)
        let id = try record.requireID()
        async let people = PersonRecord.query(in: scope).filter(\.$organisation.$id == id).sort(\.$name).all()
        async let memberships = MembershipRecord.query(in: scope)
            .group(.or) { $0.filter(\.$organisation.$id == id).filter(\.$represents.$id == id) }
            .with(\.$partnership).with(\.$person).all()
        async let secretariat = PartnershipRecord.query(in: scope).filter(\.$secretariat.$id == id).sort(\.$name).all()
        let seats = SeatRow.sorted(
            try await memberships.map { m in
                let how = m.person.map { "Represented by \($0.name)" } ?? "As an organisation"
                return SeatRow(
                    partnershipKey: m.partnership.key, partnershipName: m.partnership.name,
                    role: MembershipRole(rawValue: m.role) ?? .member, how: how,
                    startedOn: Day(stored: m.startedOn), endedOn: Day(stored: m.endedOn))
            })
        return OrganisationPageModel(
            context: context, organisation: record.domain,
            people: try await people.map { ($0.key, $0.name, $0.roleTitle) },
            seats: seats, secretariatOf: try await secretariat.map { ($0.key, $0.name) },
            isDemo: context.isDemo, today: scope.now.today)
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

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> PersonPageModel {
        let record = try await RegisterQueries.person(key, in: scope)
        let id = try record.requireID()
        async let organisation = record.$organisation.get(on: scope.db)
        async let memberships = MembershipRecord.query(in: scope)
            .group(.or) { $0.filter(\.$person.$id == id).filter(\.$substitute.$id == id) }
            .with(\.$partnership).with(\.$person).all()
        let seats = SeatRow.sorted(
            try await memberships.map { m in
                let how: String = m.$person.id == id ? "Member" : "Named substitute for \(m.person?.name ?? "a member")"
                return SeatRow(
                    partnershipKey: m.partnership.key, partnershipName: m.partnership.name,
                    role: MembershipRole(rawValue: m.role) ?? .member, how: how,
                    startedOn: Day(stored: m.startedOn), endedOn: Day(stored: m.endedOn))
            })
        let org = try await organisation
        let keys = KeyIndex(organisations: org.map { [$0.id!: $0.key] } ?? [:])
        return PersonPageModel(
            context: context, person: record.domain(keys), organisation: org.map { ($0.key, $0.name) }, seats: seats,
            isDemo: context.isDemo, today: scope.now.today)
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
        return Layout(
            context: context, title: p.name,
            breadcrumbs: [("Overview", RegisterPath.overview.href), ("People", RegisterPath.persons.href)],
            isDemo: model.isDemo,
            content: .group(
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
                .h2(.text("Past memberships")), SeatRow.table(past, caption: "Past seats", today: today)
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
