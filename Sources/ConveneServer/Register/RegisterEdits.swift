import ConveneDomain
import Fluent
import Foundation

/// Single-record writes from forms and the API. They go through the import path, so a form, the API
/// and a file share one set of checks and one transaction discipline.
enum RegisterEdits {
    enum Mode { case create, update }

    /// Writes one record (and, for a partnership, its stated reporting lines); returns field errors or nothing, and
    /// throws `KeyInUse` when a record to be created already exists.
    static func write(
        _ register: Register, relationsStatedFor: Set<String> = [], mode: Mode,
        origin: RecordOrigin, in scope: Scope
    ) async throws -> [FieldError] {
        var batch = ImportBatch()
        batch.register = register
        batch.origins[origin] = "request"
        batch.relationsStatedFor = relationsStatedFor
        if mode == .update, try await !exists(origin, in: scope) { throw Problem.notFound("'\(origin.key)'") }
        // A new record's key is checked inside the write's transaction; if it is taken, `KeyInUse` is thrown.
        switch try await RegisterImport.run(batch, in: scope, creating: mode == .create ? origin : nil) {
        case .rejected(let issues):
            return issues.map { FieldError($0.field ?? "key", $0.message) }
        case .applied:
            return []
        }
    }

    static func exists(_ origin: RecordOrigin, in scope: Scope) async throws -> Bool {
        switch origin.kind {
        case .area: try await AreaRecord.query(on: scope.db).filter(\.$code == origin.key).count() > 0
        case .organisation: try await OrganisationRecord.query(in: scope).filter(\.$key == origin.key).count() > 0
        case .person: try await PersonRecord.query(in: scope).filter(\.$key == origin.key).count() > 0
        case .partnership: try await PartnershipRecord.query(in: scope).filter(\.$key == origin.key).count() > 0
        case .membership: try await MembershipRecord.query(in: scope).filter(\.$key == origin.key).count() > 0
        case .meeting: try await MeetingRecord.query(in: scope).filter(\.$key == origin.key).count() > 0
        case .termsOfReference:
            // "partnership-key#version"
            try await {
                let parts = origin.key.split(separator: "#")
                guard parts.count == 2, let version = Int(parts[1]),
                    let partnership = try await PartnershipRecord.query(in: scope).filter(\.$key == String(parts[0]))
                        .first()
                else { return false }
                return try await TermsOfReferenceRecord.query(in: scope).filter(
                    \.$partnership.$id == partnership.requireID()
                )
                .filter(\.$version == version).count() > 0
            }()
        case .relation: false
        }
    }

    /// The partnership's stored relations, as domain values.
    static func relations(of key: String, in scope: Scope) async throws -> [PartnershipRelation] {
        guard let record = try await PartnershipRecord.query(in: scope).filter(\.$key == key).first() else { return [] }
        let rows = try await RelationRecord.query(in: scope).filter(\.$from.$id == record.id!).with(\.$to).all()
        return rows.map { PartnershipRelation(key, RelationKind(rawValue: $0.kind) ?? .reportsTo, $0.to.key) }
    }
}
