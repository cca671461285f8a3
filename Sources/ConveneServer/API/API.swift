import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The JSON API under /api/v1. Every route here is described in `OpenAPIDocument`; a test holds the two together.
enum API {
    static func register(on app: Application) {
        let api: RoutesBuilder = app
        api.get(APIPath.openAPI) { _ in try OpenAPIDocument.response() }
        let read = api.grouped(Require(role: .viewer))
        let write = api.grouped(Require(role: .editor))
        ResourceRoutes<AreasResource>.register(read: read, write: write)
        ResourceRoutes<OrganisationsResource>.register(read: read, write: write)
        ResourceRoutes<PersonsResource>.register(read: read, write: write)
        // A partnership's record, members and terms of reference are its business: its secretariat may change them.
        func business(_ partnership: PartnershipOf) -> RoutesBuilder {
            api.grouped(Require(role: .editor, secretariatOf: partnership))
        }
        ResourceRoutes<PartnershipsResource>.register(read: read, create: write, update: business(.path), delete: write)
        ResourceRoutes<MembershipsResource>.register(
            read: read, create: business(.body), update: business(.membershipPathAndBody),
            delete: business(.membershipPath))
        write.post(APIPath.endPartnership(":key"), use: endPartnership)
        business(.membershipPath).post(APIPath.endMembership(":key"), use: endMembership)
        read.get(APIPath.relations, use: listRelations)
        write.post(APIPath.relations, use: createRelation)
        write.delete(APIPath.relation(from: ":from", kind: ":kind", to: ":to"), use: deleteRelation)
        TermsOfReferenceRoutes.register(read: read, write: business(.path))
        MeetingAPI.register(read: read, business: business(.path))
        AnalysisAPI.register(read: read)
        GuidanceAPI.register(read: read, business: business(.path), admin: api.grouped(Require(role: .admin)))
        SurveyAPI.register(read: read, write: write)
        ReviewAPI.register(read: read)
        OutcomeAPI.register(
            read: read, write: write, business: business(.path), admin: api.grouped(Require(role: .admin)))
        FundingAPI.register(read: read, write: write)
        SharingAPI.register(read: read, write: write, business: business(.path))
        NetworkAPI.register(read: read, write: write)
    }

    /// Ends a partnership: discontinued by default, or merged into another (which records the relation).
    @Sendable static func endPartnership(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let body = try JSONDecoder.api.decode(
            EndPartnershipRequest.self, from: Data(buffer: req.body.data ?? ByteBuffer()))
        guard var partnership = try await PartnershipsResource.find(key, in: req.scope) else {
            throw Problem.notFound("'\(key)'")
        }
        let status = body.status ?? (body.mergedInto == nil ? .discontinued : .merged)
        guard status.hasEnded else {
            throw Problem.invalid([FieldError("status", "A partnership ends as merged or discontinued")])
        }
        if status == .merged && body.mergedInto == nil {
            throw Problem.invalid([FieldError("merged_into", "Say which partnership it merged into")])
        }
        partnership.status = status
        partnership.endedOn = body.endedOn ?? req.now.today
        let relations = body.mergedInto.map { [PartnershipRelation(key, .mergedInto, $0)] } ?? []
        let errors = try await RegisterEdits.write(
            Register(partnerships: [partnership], relations: relations), mode: .update,
            origin: RecordOrigin(.partnership, key), in: req.scope)
        if !errors.isEmpty { throw Problem.invalid(errors) }
        return try APIResponse.json(try await ResourceRoutes<PartnershipsResource>.stored(key, in: req.scope))
    }

    @Sendable static func endMembership(req: Request) async throws -> Response {
        let key = try req.parameters.require("key")
        let body = try JSONDecoder.api.decode(
            EndMembershipRequest.self, from: Data(buffer: req.body.data ?? ByteBuffer()))
        guard var membership = try await MembershipsResource.find(key, in: req.scope) else {
            throw Problem.notFound("'\(key)'")
        }
        membership.endedOn = body.endedOn ?? req.now.today
        let errors = try await RegisterEdits.write(
            Register(memberships: [membership]), mode: .update,
            origin: RecordOrigin(.membership, key), in: req.scope)
        if !errors.isEmpty { throw Problem.invalid(errors) }
        return try APIResponse.json(try await ResourceRoutes<MembershipsResource>.stored(key, in: req.scope))
    }

    struct RelationFilter: Content { var partnership: String?; var kind: String? }

    @Sendable static func listRelations(req: Request) async throws -> Response {
        let filter = try req.query.decode(RelationFilter.self)
        let query = RelationRecord.query(in: req.scope).with(\.$from).with(\.$to)
        if let key = filter.partnership {
            let id = try await RegisterQueries.partnership(key, in: req.scope).requireID()
            query.group(.or) { $0.filter(\.$from.$id == id).filter(\.$to.$id == id) }
        }
        if let kind: RelationKind = try vocabularyParameter(filter.kind, "kind") {
            query.filter(\.$kind == kind.rawValue)
        }
        let items = try await query.all()
            .map { PartnershipRelation($0.from.key, RelationKind(rawValue: $0.kind) ?? .reportsTo, $0.to.key) }
            .sorted { ($0.fromKey, $0.kind.rawValue, $0.toKey) < ($1.fromKey, $1.kind.rawValue, $1.toKey) }
        return try APIResponse.json(
            Page(
                items: items.map(PartnershipRelationResponse.init), page: 1,
                perPage: max(items.count, 1), total: items.count))
    }

    @Sendable static func createRelation(req: Request) async throws -> Response {
        let relation = try JSONDecoder.api.decode(
            NewPartnershipRelation.self,
            from: Data(buffer: req.body.data ?? ByteBuffer())
        ).value
        var batch = ImportBatch()
        batch.register.relations = [relation]
        batch.origins[RecordOrigin(.partnership, relation.fromKey)] = "request"
        if case .rejected(let issues) = try await RegisterImport.run(batch, in: req.scope) {
            // The check names a relation's target by its kind, as the CSV columns do; the API calls it to_key.
            throw Problem.invalid(
                issues.map { issue in
                    let field =
                        issue.field.flatMap { f in RelationKind.allCases.contains { $0.field == f } ? "to_key" : f }
                        ?? "kind"
                    return FieldError(field, issue.message)
                })
        }
        return try APIResponse.json(PartnershipRelationResponse(relation), status: .created)
    }

    @Sendable static func deleteRelation(req: Request) async throws -> Response {
        let from = try await RegisterQueries.partnership(try req.parameters.require("from"), in: req.scope).requireID()
        let to = try await RegisterQueries.partnership(try req.parameters.require("to"), in: req.scope).requireID()
        let kind = try req.parameters.require("kind")
        guard
            let record = try await RelationRecord.query(in: req.scope)
                .filter(\.$from.$id == from).filter(\.$to.$id == to).filter(\.$kind == kind).first()
        else {
            throw Problem.notFound("That relation")
        }
        let fromKey = try req.parameters.require("from")
        let toKey = try req.parameters.require("to")
        try await AuditLog.delete(
            record, kind: "relation", key: "\(fromKey) \(kind) \(toKey)",
            before: PartnershipRelation(fromKey, RelationKind(rawValue: kind) ?? .reportsTo, toKey), in: req.scope)
        return Response(status: .noContent)
    }
}

/// Versions of a partnership's terms of reference, under the partnership.
enum TermsOfReferenceRoutes {
    static func register(read: RoutesBuilder, write: RoutesBuilder) {
        read.get(APIPath.termsOfReference(":key"), use: list)
        write.post(APIPath.termsOfReference(":key"), use: create)
        read.get(APIPath.termsOfReferenceVersion(":key", version: ":version"), use: show)
        write.patch(APIPath.termsOfReferenceVersion(":key", version: ":version"), use: update)
        write.delete(APIPath.termsOfReferenceVersion(":key", version: ":version"), use: remove)
    }

    private static func all(_ req: Request) async throws -> (PartnershipRecord, [TermsOfReference]) {
        let key = try req.parameters.require("key")
        let partnership = try await RegisterQueries.partnership(key, in: req.scope)
        let records = try await TermsOfReferenceRecord.query(in: req.scope).filter(
            \.$partnership.$id == partnership.requireID()
        )
        .sort(\.$version).all()
        return (partnership, records.map { $0.domain(KeyIndex(partnerships: [partnership.id!: key])) })
    }

    private static func version(_ req: Request) throws -> Int {
        guard let version = req.parameters.get("version", as: Int.self) else { throw Problem.notFound("That version") }
        return version
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let (_, items) = try await all(req)
        return try APIResponse.json(
            Page(
                items: items.map(TermsOfReferenceResponse.init), page: 1,
                perPage: max(items.count, 1), total: items.count))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (_, items) = try await all(req)
        let wanted = try version(req)
        guard let terms = items.first(where: { $0.version == wanted }) else {
            throw Problem.notFound("Version \(wanted)")
        }
        return try APIResponse.json(TermsOfReferenceResponse(terms))
    }

    /// A new version; it takes the next number unless the body gives one.
    @Sendable static func create(req: Request) async throws -> Response {
        let (partnership, items) = try await all(req)
        let terms = try APIRequest.decode(NewTermsOfReference.self, req)
            .value(partnershipKey: partnership.key, next: (items.map(\.version).max() ?? 0) + 1)
        if items.contains(where: { $0.version == terms.version }) {
            throw Problem.invalid([
                FieldError("version", "Version \(terms.version) already exists; change it or add the next version")
            ])
        }
        try await write(terms, req: req)
        let response = try APIResponse.json(TermsOfReferenceResponse(terms), status: .created)
        response.headers.replaceOrAdd(
            name: .location, value: APIPath.termsOfReferenceVersion(partnership.key, version: "\(terms.version)").href)
        return response
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (_, items) = try await all(req)
        let wanted = try version(req)
        guard let stored = items.first(where: { $0.version == wanted }) else {
            throw Problem.notFound("Version \(wanted)")
        }
        let terms = try APIRequest.decode(TermsOfReferencePatch.self, req).applied(to: stored)
        try await write(terms, req: req)
        return try APIResponse.json(TermsOfReferenceResponse(terms))
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let (partnership, _) = try await all(req)
        let wanted = try version(req)
        guard
            let record = try await TermsOfReferenceRecord.query(in: req.scope)
                .filter(\.$partnership.$id == partnership.requireID()).filter(\.$version == wanted).first()
        else {
            throw Problem.notFound("Version \(wanted)")
        }
        try await AuditLog.delete(
            record, kind: "terms of reference", key: "\(partnership.key)#\(wanted)",
            before: record.domain(KeyIndex(partnerships: [try partnership.requireID(): partnership.key])), in: req.scope
        )
        return Response(status: .noContent)
    }

    private static func write(_ terms: TermsOfReference, req: Request) async throws {
        var batch = ImportBatch()
        batch.register.termsOfReference = [terms]
        batch.origins[RecordOrigin(.termsOfReference, "\(terms.partnershipKey)#\(terms.version)")] = "request"
        if case .rejected(let issues) = try await RegisterImport.run(batch, in: req.scope) {
            throw Problem.invalid(issues.map { FieldError($0.field ?? "version", $0.message) })
        }
    }
}
