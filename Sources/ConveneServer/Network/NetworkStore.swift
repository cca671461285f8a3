import ConveneDomain
import Fluent
import Foundation

/// What workspaces share with the network, read across workspaces through `PublicRegister`: the partnership lead
/// each names and the templates each puts in the library. Both are shared by the workspace's own choice, for every
/// signed-in user of any workspace.
enum NetworkShared {
    /// A template in the library, with the workspace that shared it.
    struct Shared: Sendable {
        var workspaceID: UUID
        var workspace: String
        var workspaceName: String
        var item: LibraryItem
        var sharedAt: Date
    }

    /// Every police force area, each with its lead or none. A holder is named only while the register says they hold
    /// a public office.
    static func directory(on db: Database) async throws -> [LeadDirectory.Row] {
        LeadDirectory.rows(
            forceAreas: PoliceForceAreas.all.map { ($0.code, PoliceForceAreas.displayName(of: $0)) },
            leads: try await PublicRegister.leads(on: db))
    }

    /// The library, newest first.
    static func library(on db: Database) async throws -> [Shared] {
        let workspaces = Dictionary(
            uniqueKeysWithValues: try await WorkspaceRecord.query(on: db).all().compactMap { w in
                w.id.map { ($0, w) }
            })
        return try await PublicRegister.library(on: db).compactMap { r in
            guard let item = r.domain, let w = workspaces[r.$workspace.id] else { return nil }
            return Shared(
                workspaceID: r.$workspace.id, workspace: w.key, workspaceName: w.name, item: item,
                sharedAt: r.sharedAt)
        }
    }

    static func item(workspace: String, key: String, on db: Database) async throws -> Shared {
        guard let shared = try await library(on: db).first(where: { $0.workspace == workspace && $0.item.key == key })
        else { throw Problem.notFound("The library's '\(key)' of '\(workspace)'") }
        return shared
    }
}

/// Writes of what a workspace shares with the network, each audited.
enum NetworkBusiness {
    static func lead(in scope: Scope) async throws -> PartnershipLead? {
        try await NetworkLeadRecord.query(in: scope).first()?.domain
    }

    /// Names the workspace's lead, or with nil names none. A workspace of a police force area names its own area's;
    /// a holder must be a person in public office.
    static func setLead(_ lead: PartnershipLead?, in scope: Scope) async throws -> [FieldError] {
        var errors = lead?.validate() ?? []
        if let lead, let own = try await WorkspaceRecord.find(scope.workspaceID, on: scope.db)?.forceAreaCode,
            own != lead.forceAreaCode
        {
            errors.append(
                FieldError(
                    "force_area_code",
                    "This workspace is for \(PoliceForceAreas.area(code: own).map(PoliceForceAreas.displayName) ?? own)"
                ))
        }
        if let key = lead?.holderKey {
            let person = try await PersonRecord.query(in: scope).filter(\.$key == key).first()
            if person?.publicOffice != true {
                errors.append(
                    FieldError(
                        "holder_key",
                        person == nil
                            ? "There is no person '\(key)'"
                            : "Only a person in public office may be named; give the office or role title alone"))
            }
        }
        guard errors.isEmpty else { return errors }
        let before = try await Self.lead(in: scope)
        guard before != lead else { return [] }
        return try await scope.audited { scope, audit in
            try await NetworkLeadRecord.query(in: scope).delete()
            if let lead {
                let record = NetworkLeadRecord()
                scope.claim(record)
                record.lead = StoredJSON.write(lead)
                record.updatedAt = scope.now()
                try await record.create(on: scope.db)
            }
            audit.note("update", "network-lead", "lead", before: before, after: lead)
            return []
        }
    }

    /// What a workspace may share: `survey:KEY` for one of its surveys, `terms:KEY` for a partnership's current terms
    /// of reference.
    static func sources(in scope: Scope) async throws -> [(String, String)] {
        let surveys = try await SurveyRecord.query(in: scope).sort(\.$title).all()
        let partnerships = try await TermsOfReferenceRecord.query(in: scope).with(\.$partnership).all()
            .map(\.partnership)
        var seen: Set<String> = []
        return surveys.map { ("survey:\($0.key)", "Survey: \($0.title)") }
            + partnerships.filter { seen.insert($0.key).inserted }.sorted { $0.name < $1.name }
            .map { ("terms:\($0.key)", "Terms of reference of the \($0.name)") }
    }

    /// Shares a survey or a partnership's current terms of reference with the network, as they stand now.
    static func share(_ source: String, note: String?, in scope: Scope) async throws -> Result<String, Refusal> {
        let parts = source.split(separator: ":", maxSplits: 1).map(String.init)
        var item: LibraryItem?
        switch (parts.first, parts.count == 2 ? parts[1] : nil) {
        case ("survey", let key?):
            item = try await SurveyRecord.query(in: scope).filter(\.$key == key).first()
                .map { LibraryItem.survey($0.domain, note: note) }
        case ("terms", let key?):
            if let partnership = try await PartnershipRecord.query(in: scope).filter(\.$key == key).first(),
                let current = try await TermsOfReferenceRecord.query(in: scope)
                    .filter(\.$partnership.$id == partnership.requireID()).sort(\.$version, .descending).first()
            {
                let terms = current.domain(KeyIndex(partnerships: [try partnership.requireID(): partnership.key]))
                item = LibraryItem.terms(terms, partnershipName: partnership.name, note: note)
            }
        default: break
        }
        guard var item else {
            return .failure(Refusal([FieldError("source", "Choose a survey or terms of reference of yours to share")]))
        }
        item.key = "unset"
        let errors = item.validate()
        guard errors.isEmpty else { return .failure(Refusal(errors)) }
        let shared = item
        return .success(
            try await scope.withUnusedKey(Key.slug(item.title), LibraryItemRecord.self, key: \.$key) { key in
                try await scope.audited { scope, audit in
                    var kept = shared
                    kept.key = key
                    let record = LibraryItemRecord()
                    scope.claim(record)
                    record.key = key
                    record.kind = kept.kind.rawValue
                    record.title = kept.title
                    record.item = StoredJSON.write(kept)
                    record.sharedAt = scope.now()
                    try await record.create(on: scope.db)
                    audit.note("create", "library-item", key, before: nil as LibraryItem?, after: kept)
                    return key
                }
            })
    }

    /// Takes one of the workspace's own templates out of the library; copies already made stay.
    static func withdraw(_ key: String, in scope: Scope) async throws {
        guard let record = try await LibraryItemRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The library's '\(key)'")
        }
        try await scope.audited { scope, audit in
            try await record.delete(on: scope.db)
            audit.note("delete", "library-item", key, before: record.domain, after: nil as LibraryItem?)
        }
    }

    /// Copies a template from the library into the workspace: a survey as a new draft; terms of reference as the next,
    /// unapproved, version of one of its partnerships'. Answers the path of what was made.
    static func copy(_ item: LibraryItem, into partnershipKey: String?, in scope: Scope) async throws
        -> Result<String, Refusal>
    {
        switch item.kind {
        case .survey:
            guard var survey = item.survey else { return .failure(Refusal([FieldError("survey", "Nothing to copy")])) }
            survey.key = "unset"
            return try await SurveyBusiness.create(survey, in: scope).map { SurveyPath.survey($0).href }
        case .termsOfReference:
            guard let key = partnershipKey, !key.isEmpty,
                let partnership = try await PartnershipRecord.query(in: scope).filter(\.$key == key).first()
            else {
                return .failure(Refusal([FieldError("partnership_key", "Choose the partnership the terms are for")]))
            }
            let terms = item.terms
            let (_, errors) = try await RecordFormPages.addTerms(to: partnership, in: scope) { version in
                (
                    TermsOfReference(
                        partnershipKey: key, version: version, purpose: terms?.purpose, quorum: terms?.quorum,
                        meetingFrequency: terms?.meetingFrequency), []
                )
            }
            return errors.isEmpty
                ? .success(RegisterPath.partnership(key).href(fragment: "terms")) : .failure(Refusal(errors))
        }
    }
}
