import ConveneDomain
import Fluent
import Foundation

/// The directory of each force area's partnership lead.
struct LeadsModel {
    var context: PageContext
    var rows: [LeadDirectory.Row]

    static func load(context: PageContext, on db: Database) async throws -> LeadsModel {
        LeadsModel(context: context, rows: try await NetworkShared.directory(on: db))
    }
}

/// The form that names the workspace's own lead.
struct LeadFormModel {
    struct Input: Codable, Sendable {
        var forceAreaCode: String?
        var office: String?
        var organisation: String?
        var holderKey: String?
        var contact: String?
        /// "yes" to name no lead.
        var remove: String?
        enum CodingKeys: String, CodingKey {
            case office, organisation, contact, remove
            case forceAreaCode = "force_area_code"
            case holderKey = "holder_key"
        }
    }

    var context: PageContext
    var input: Input
    /// The police force areas it may lead for: its workspace's own, or any when the workspace names none.
    var forceAreas: [(String, String)]
    /// The people in public office, who alone may be named.
    var holders: [(String, String)]
    /// Whether the workspace names a lead now, which it may stop doing.
    var hasLead: Bool
    var errors: [FieldError] = []

    static func load(input: Input?, errors: [FieldError] = [], context: PageContext, in scope: Scope) async throws
        -> LeadFormModel
    {
        let current = try await NetworkBusiness.lead(in: scope)
        let own = try await WorkspaceRecord.find(scope.workspaceID, on: scope.db)?.forceAreaCode
        let areas = PoliceForceAreas.all.filter { own == nil || $0.code == own }
            .map { ($0.code, PoliceForceAreas.displayName(of: $0)) }.sorted { $0.1 < $1.1 }
        let holders = try await PersonRecord.query(in: scope).filter(\.$publicOffice == true).sort(\.$name).all()
        return LeadFormModel(
            context: context,
            input: input
                ?? Input(
                    forceAreaCode: current?.forceAreaCode ?? own, office: current?.office,
                    organisation: current?.organisation, holderKey: current?.holderKey,
                    contact: current?.contact),
            forceAreas: areas, holders: holders.map { p in (p.key, p.roleTitle.map { "\(p.name), \($0)" } ?? p.name) },
            hasLead: current != nil, errors: errors)
    }
}

/// The library: what every workspace shares, and what this one may share.
struct LibraryModel {
    struct Input: Codable, Sendable {
        var source: String?
        var note: String?
    }

    var context: PageContext
    var items: [NetworkShared.Shared]
    var guidance: [(key: String, version: Int, title: String)]
    var surveyTemplates: [SurveyTemplates.Template]
    var sources: [(String, String)]
    var input = Input()
    var errors: [FieldError] = []

    static func load(
        input: Input = Input(), errors: [FieldError] = [], context: PageContext, in scope: Scope
    ) async throws -> LibraryModel {
        let guidance = try await GuidanceTemplateRecord.query(on: scope.db).sort(\.$title).sort(\.$version).all()
        return LibraryModel(
            context: context, items: try await NetworkShared.library(on: scope.db),
            guidance: guidance.map { ($0.key, $0.version, $0.title) }, surveyTemplates: SurveyTemplates.all,
            sources: context.mayEdit ? try await NetworkBusiness.sources(in: scope) : [], input: input, errors: errors)
    }
}

/// One shared template: what it holds, and the form that copies it.
struct LibraryItemModel {
    var context: PageContext
    var shared: NetworkShared.Shared
    var isOwn: Bool
    /// The workspace's partnerships, for terms of reference.
    var partnerships: [(String, String)]
    var partnershipKey: String?
    var errors: [FieldError] = []

    static func load(
        workspace: String, key: String, partnershipKey: String? = nil, errors: [FieldError] = [],
        context: PageContext, in scope: Scope
    ) async throws -> LibraryItemModel {
        let shared = try await NetworkShared.item(workspace: workspace, key: key, on: scope.db)
        let partnerships =
            shared.item.kind == .termsOfReference && context.mayEdit
            ? try await PartnershipRecord.query(in: scope).sort(\.$name).all().map { ($0.key, $0.name) } : []
        return LibraryItemModel(
            context: context, shared: shared, isOwn: shared.workspaceID == context.principal?.workspaceID,
            partnerships: partnerships, partnershipKey: partnershipKey, errors: errors)
    }
}
