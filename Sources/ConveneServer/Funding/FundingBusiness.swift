import ConveneDomain
import Fluent
import Foundation

/// Writes of funding streams, each with its audit entry in one transaction: a stream made, and changed.
enum FundingBusiness {
    /// The stream's problems, its own and the keys it names that are not in the register.
    static func check(_ stream: FundingStream, in scope: Scope) async throws -> [FieldError] {
        var errors = stream.validate().filter { $0.field != "key" }
        let organisations = [stream.recipientKey] + (stream.funder.organisationKey.map { [$0] } ?? [])
        let known = Set(try await OrganisationRecord.query(in: scope).all(\.$key, in: organisations).map(\.key))
        if let funder = stream.funder.organisationKey, !funder.isEmpty, !known.contains(funder) {
            errors.append(FieldError("funder", "There is no organisation '\(funder)' in the register"))
        }
        if !stream.recipientKey.isEmpty, !known.contains(stream.recipientKey) {
            errors.append(
                FieldError("recipient_key", "There is no organisation '\(stream.recipientKey)' in the register"))
        }
        let partnerships = Set(
            try await PartnershipRecord.query(in: scope).all(\.$key, in: stream.partnershipKeys).map(\.key))
        for key in stream.partnershipKeys where !partnerships.contains(key) {
            errors.append(FieldError("partnership_keys", "There is no partnership '\(key)' in the register"))
        }
        return errors
    }

    /// Makes a stream; its key is made from its purpose.
    static func create(_ stream: FundingStream, in scope: Scope) async throws -> Result<String, Refusal> {
        let errors = try await check(stream, in: scope)
        guard errors.isEmpty else { return .failure(Refusal(errors)) }
        let key = try await scope.withUnusedKey(Key.slug(stream.purpose), FundingStreamRecord.self, key: \.$key) {
            key in
            try await scope.audited { scope, audit in
                let record = FundingStreamRecord()
                scope.claim(record)
                record.key = key
                record.set(stream)
                record.createdAt = scope.now()
                try await record.create(on: scope.db)
                audit.note("create", "funding-stream", key, before: nil as FundingStream?, after: record.domain)
                return key
            }
        }
        return .success(key)
    }

    /// Replaces a stream's values (its key stays).
    static func update(_ key: String, with stream: FundingStream, in scope: Scope) async throws -> [FieldError] {
        let errors = try await check(stream, in: scope)
        guard errors.isEmpty else { return errors }
        return try await scope.auditedChecking { scope, audit in
            let record = try await FundingStore.find(key, in: scope)
            try await scope.lock(FundingStreamRecord.self, ids: [try record.requireID()])
            let before = record.domain
            record.set(stream)
            if record.domain == before { return }
            try await record.save(on: scope.db)
            audit.note("update", "funding-stream", key, before: before, after: record.domain)
        }
    }
}
