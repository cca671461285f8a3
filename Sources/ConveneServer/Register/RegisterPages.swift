import ConveneDomain
import Fluent
import Vapor

/// The register's pages. Each handler decodes the query, loads a page model, renders its view.
enum RegisterPages {
    /// `business` lets through the secretariat of the partnership the path names.
    static func register(read: RoutesBuilder, write: RoutesBuilder, business: RoutesBuilder) {
        read.get(RegisterPath.overview, use: overview)
        read.get(RegisterPath.partnerships, use: list)
        write.get(RegisterPath.newPartnership, use: newForm)
        write.post(RegisterPath.newPartnership, use: create)
        read.get(RegisterPath.partnership(":key"), use: show)
        business.get(RegisterPath.editPartnership(":key"), use: editForm)
        business.post(RegisterPath.editPartnership(":key"), use: update)
        read.get(RegisterPath.organisations, use: organisations)
        read.get(RegisterPath.organisation(":key"), use: organisation)
        read.get(RegisterPath.persons, use: persons)
        read.get(RegisterPath.person(":key"), use: person)
        read.get(RegisterPath.landscape, use: landscape)
    }

    // The register's pages are kept against the data version (`KeptPages`): they show the register as of the day.

    @Sendable static func overview(req: Request) async throws -> Response {
        try await KeptPages.page("overview", req) { context in
            .page(OverviewView.render(try await OverviewModel.load(context: context, in: req.scope)))
        }
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let filter = try req.query.decode(PartnershipFilter.self)
        return try await KeptPages.page("partnerships", req) { context in
            .page(
                PartnershipListView.render(try await PartnershipListModel.load(filter, context: context, in: req.scope))
            )
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let may = PartnershipPageView.Permissions(
            edit: try await PartnershipGrants.mayEdit(key, req), publish: req.pageContext.mayEdit)
        return try await KeptPages.page("partnership", req, varying: ["edit=\(may.edit)"]) { context in
            let model = try await PartnershipPageModel.load(key: key, context: context, in: req.scope)
            return .page(PartnershipPageView.render(model, isDemo: context.isDemo, may: may))
        }
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let choices = try await PartnershipFormChoices.load(in: req.scope, excluding: nil)
        var input = PartnershipFormInput()
        input.status = PartnershipStatus.active.rawValue
        return PartnershipFormView.render(
            PartnershipFormModel(
                context: req.pageContext, title: "Add a partnership", action: RegisterPath.newPartnership.href,
                cancel: RegisterPath.partnerships.href, input: input, errors: [], choices: choices)
        ).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(PartnershipFormInput.self)
        return try await req.scope.withUnusedKey(Key.slug(input.name ?? ""), PartnershipRecord.self, key: \.$key) {
            try await save(input, key: $0, mode: .create, req: req)
        }
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let record = try await RegisterQueries.partnership(key, in: req.scope)
        let organisations = try await OrganisationRecord.query(in: req.scope).all()
        let keys = KeyIndex(
            organisations: Dictionary(organisations.map { ($0.id!, $0.key) }, uniquingKeysWith: { a, _ in a }))
        let input = PartnershipFormInput(
            record.domain(keys), relations: try await RegisterEdits.relations(of: key, in: req.scope))
        let choices = try await PartnershipFormChoices.load(in: req.scope, excluding: key)
        return PartnershipFormView.render(
            PartnershipFormModel(
                context: req.pageContext, title: "Change \(record.name)",
                action: RegisterPath.editPartnership(key).href,
                cancel: RegisterPath.partnership(key).href, input: input, errors: [], choices: choices)
        ).response()
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        _ = try await RegisterQueries.partnership(key, in: req.scope)
        return try await save(try req.content.decode(PartnershipFormInput.self), key: key, mode: .update, req: req)
    }

    /// Saves the form, or shows it again with every error listed and linked.
    private static func save(_ input: PartnershipFormInput, key: String, mode: RegisterEdits.Mode, req: Request)
        async throws -> Response
    {
        var (partnership, relations, errors) = input.parse(key: key)
        if let partnership, errors.isEmpty {
            // The form states reporting lines; other kinds of relation are kept as they are.
            let kept = try await RegisterEdits.relations(of: key, in: req.scope).filter { !$0.kind.isHierarchical }
            errors = try await RegisterEdits.write(
                Register(partnerships: [partnership], relations: kept + relations), relationsStatedFor: [key],
                mode: mode, origin: RecordOrigin(.partnership, key), in: req.scope)
            if errors.isEmpty { return req.redirect(to: RegisterPath.partnership(key).href, redirectType: .normal) }
        }
        let choices = try await PartnershipFormChoices.load(in: req.scope, excluding: mode == .update ? key : nil)
        let title = mode == .create ? "Add a partnership" : "Change \(input.name ?? key)"
        let action = mode == .create ? RegisterPath.newPartnership.href : RegisterPath.editPartnership(key).href
        return PartnershipFormView.render(
            PartnershipFormModel(
                context: req.pageContext, title: title, action: action,
                cancel: mode == .create ? RegisterPath.partnerships.href : RegisterPath.partnership(key).href,
                input: input, errors: errors, choices: choices)
        )
        .response(status: .unprocessableEntity)
    }

    struct ListQuery: Content { var q: String?; var page: Int? }

    @Sendable static func organisations(req: Request) async throws -> Response {
        let context = req.pageContext
        let query = try req.query.decode(ListQuery.self)
        let window = PageWindow(clamping: query.page, perPage: 50)
        let page = window.page
        func base() -> QueryBuilder<OrganisationRecord> {
            let q = OrganisationRecord.query(in: req.scope)
            if let text = query.q, !text.isEmpty { q.filter(\.$name, .contains(inverse: false, .anywhere), text) }
            return q
        }
        struct Listed: Decodable { var key: String; var name: String; var sector: String }
        async let total = base().count()
        async let rows = base().sort(\.$name).window(window).plainRows(Listed.self, ["key", "name", "sector"])
        return PeopleViews.list(
            context: context, title: "Organisations", path: RegisterPath.organisations.href, add: "Add an organisation",
            q: query.q, page: page, total: try await total,
            rows: try await rows.map {
                (RegisterPath.organisation($0.key).href, $0.name, Sector(rawValue: $0.sector)?.label ?? $0.sector)
            },
            isDemo: context.isDemo
        ).response()
    }

    @Sendable static func persons(req: Request) async throws -> Response {
        let context = req.pageContext
        let query = try req.query.decode(ListQuery.self)
        let window = PageWindow(clamping: query.page, perPage: 50)
        let page = window.page
        func base() -> QueryBuilder<PersonRecord> {
            let q = PersonRecord.query(in: req.scope)
            if let text = query.q, !text.isEmpty { q.filter(\.$name, .contains(inverse: false, .anywhere), text) }
            return q
        }
        struct Listed: Decodable { var key: String; var name: String; var role_title: String? }
        async let total = base().count()
        async let rows = base().sort(\.$name).window(window).plainRows(Listed.self, ["key", "name", "role_title"])
        return PeopleViews.list(
            context: context, title: "People", path: RegisterPath.persons.href, add: "Add a person", q: query.q,
            page: page, total: try await total,
            rows: try await rows.map { (RegisterPath.person($0.key).href, $0.name, $0.role_title ?? "") },
            isDemo: context.isDemo
        ).response()
    }

    @Sendable static func organisation(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        return try await KeptPages.page("organisation", req) { context in
            .page(
                PeopleViews.organisation(
                    try await OrganisationPageModel.load(key: key, context: context, in: req.scope)))
        }
    }

    @Sendable static func person(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        return try await KeptPages.page("person", req) { context in
            .page(PeopleViews.person(try await PersonPageModel.load(key: key, context: context, in: req.scope)))
        }
    }

    @Sendable static func landscape(req: Request) async throws -> Response {
        struct Query: Content {
            var forceArea: String?; var overlay: String?;
            enum CodingKeys: String, CodingKey { case forceArea = "force_area", overlay }
        }
        let query = try req.query.decode(Query.self)
        let model = try await LandscapePictureModel.load(
            forceArea: query.forceArea, overlay: query.overlay == "overlap",
            dotPath: req.application.convene.dotPath,
            context: req.pageContext, in: req.scope, threadPool: req.application.threadPool)
        return LandscapePictureView.render(model).response()
    }
}
