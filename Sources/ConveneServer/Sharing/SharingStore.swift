import ConveneDomain
import Fluent
import Foundation

/// Reads of data sharing: agreements (all, a party's, a partnership's) and requests, with the request figures.
enum SharingStore {
    static func agreements(in scope: Scope) async throws -> [DataSharingAgreement] {
        try await AgreementRecord.query(in: scope).sort(\.$key).all().compactMap(\.domain)
    }

    /// The agreements an organisation is party to.
    static func agreements(party key: String, in scope: Scope) async throws -> [DataSharingAgreement] {
        try await AgreementRecord.query(in: scope).filter(\.$parties ~~ "|\(key)|").sort(\.$key).all()
            .compactMap(\.domain)
    }

    /// The agreements that serve a partnership.
    static func agreements(serving key: String, in scope: Scope) async throws -> [DataSharingAgreement] {
        try await AgreementRecord.query(in: scope).filter(\.$partnerships ~~ "|\(key)|").sort(\.$key).all()
            .compactMap(\.domain)
    }

    static func agreement(_ key: String, in scope: Scope) async throws -> AgreementRecord {
        guard let record = try await AgreementRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The data-sharing agreement '\(key)'")
        }
        return record
    }

    /// Every request, newest asked first.
    static func requests(in scope: Scope) async throws -> [DataRequest] {
        try await DataRequestRecord.query(in: scope).all().compactMap(\.domain)
            .sorted { ($0.askedOn, $0.key) > ($1.askedOn, $1.key) }
    }

    static func request(_ key: String, in scope: Scope) async throws -> DataRequestRecord {
        guard let record = try await DataRequestRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The data request '\(key)'")
        }
        return record
    }

    /// The request figures on the day, partners named as the register names them, a request under an agreement
    /// counted under the agreement's gateway.
    static func analysis(in scope: Scope) async throws -> RequestAnalysis.Report {
        async let requests = requests(in: scope)
        async let agreements = agreements(in: scope)
        async let names = FundingStore.names(in: scope)
        return RequestAnalysis.run(
            try await requests, on: scope.now.today, names: try await names.organisations,
            gateways: Dictionary(
                try await agreements.map { ($0.key, $0.legalGateway) }, uniquingKeysWith: { a, _ in a }))
    }
}

/// Declarations of interest.
extension SharingStore {
    /// The declarations of these people, by person id, oldest first.
    static func declarations(of people: [UUID], in scope: Scope) async throws -> [UUID: [InterestDeclaration]] {
        guard !people.isEmpty else { return [:] }
        let rows = try await InterestRecord.query(in: scope).filter(\.$person.$id ~~ people).sort(\.$createdAt).all()
        return Dictionary(grouping: rows, by: \.$person.id).mapValues { $0.compactMap(\.domain) }
    }
}

/// Writes of data sharing, each audited in one transaction.
enum SharingBusiness {
    /// Records a person's declaration of interest; its key is made from the person and the matter.
    static func declare(_ d: InterestDeclaration, in scope: Scope) async throws -> Result<String, Refusal> {
        var errors = d.validate().filter { $0.field != "key" }
        let person = try await PersonRecord.query(in: scope).filter(\.$key == d.personKey).first()
        if person == nil { errors.append(FieldError("person_key", "There is no person '\(d.personKey)'")) }
        if let organisation = d.organisationKey,
            try await OrganisationRecord.query(in: scope).filter(\.$key == organisation).count() == 0
        {
            errors.append(FieldError("organisation_key", "There is no organisation '\(organisation)' in the register"))
        }
        if d.published, person?.publicOffice != true {
            errors.append(
                FieldError(
                    "published",
                    "Only the declarations of a person in public office can be published; this person's stay private"))
        }
        guard errors.isEmpty, let personID = person?.id else { return .failure(Refusal(errors)) }
        return .success(
            try await scope.withUnusedKey(Key.slug("\(d.personKey) \(d.matter)"), InterestRecord.self, key: \.$key) {
                key in
                try await scope.audited { scope, audit in
                    var kept = d
                    kept.key = key
                    let record = InterestRecord()
                    scope.claim(record)
                    record.key = key
                    record.$person.id = personID
                    record.declaration = StoredJSON.write(kept)
                    record.createdAt = scope.now()
                    try await record.create(on: scope.db)
                    audit.note("create", "interest", key, before: nil as InterestDeclaration?, after: kept)
                    return key
                }
            })
    }

    /// The problems of an agreement: its own, and the organisations and partnerships it names that the register
    /// does not have.
    static func check(_ a: DataSharingAgreement, in scope: Scope) async throws -> [FieldError] {
        var errors = a.validate().filter { $0.field != "key" }
        let known = Set(try await OrganisationRecord.query(in: scope).all(\.$key, in: a.partyKeys).map(\.key))
        for party in a.partyKeys where !known.contains(party) {
            errors.append(FieldError("party_keys", "There is no organisation '\(party)' in the register"))
        }
        let partnerships = Set(
            try await PartnershipRecord.query(in: scope).all(\.$key, in: a.partnershipKeys).map(\.key))
        for key in a.partnershipKeys where !partnerships.contains(key) {
            errors.append(FieldError("partnership_keys", "There is no partnership '\(key)' in the register"))
        }
        return errors
    }

    /// Adds an agreement; its key is made from its title.
    static func createAgreement(_ a: DataSharingAgreement, in scope: Scope) async throws -> Result<String, Refusal> {
        let errors = try await check(a, in: scope)
        guard errors.isEmpty else { return .failure(Refusal(errors)) }
        let key = try await scope.withUnusedKey(Key.slug(a.title), AgreementRecord.self, key: \.$key) { key in
            try await scope.audited { scope, audit in
                var kept = a
                kept.key = key
                let record = AgreementRecord()
                scope.claim(record)
                record.key = key
                record.set(kept)
                record.createdAt = scope.now()
                try await record.create(on: scope.db)
                audit.note("create", "agreement", key, before: nil as DataSharingAgreement?, after: kept)
                return key
            }
        }
        return .success(key)
    }

    /// Replaces an agreement's values (its key stays).
    static func updateAgreement(_ key: String, with a: DataSharingAgreement, in scope: Scope) async throws
        -> [FieldError]
    {
        var changed = a
        changed.key = key
        let errors = try await check(changed, in: scope)
        guard errors.isEmpty else { return errors }
        let after = changed
        return try await scope.auditedChecking { scope, audit in
            let record = try await SharingStore.agreement(key, in: scope)
            try await scope.lock(AgreementRecord.self, ids: [try record.requireID()])
            let before = record.domain
            if before == after { return }
            record.set(after)
            try await record.save(on: scope.db)
            audit.note("update", "agreement", key, before: before, after: after)
        }
    }

    /// The problems of a request, its own and the records it names.
    static func check(_ r: DataRequest, in scope: Scope) async throws -> [FieldError] {
        var errors = r.validate().filter { $0.field != "key" }
        let organisations = [r.partnerKey] + (r.requesterOrganisationKey.map { [$0] } ?? [])
        let known = Set(try await OrganisationRecord.query(in: scope).all(\.$key, in: organisations).map(\.key))
        if !r.partnerKey.isEmpty, !known.contains(r.partnerKey) {
            errors.append(FieldError("partner_key", "There is no organisation '\(r.partnerKey)' in the register"))
        }
        if let requester = r.requesterOrganisationKey, !known.contains(requester) {
            errors.append(FieldError("requester", "There is no organisation '\(requester)' in the register"))
        }
        if let partnership = r.requesterPartnershipKey,
            try await PartnershipRecord.query(in: scope).filter(\.$key == partnership).count() == 0
        {
            errors.append(FieldError("requester", "There is no partnership '\(partnership)' in the register"))
        }
        if let agreement = r.agreementKey,
            try await AgreementRecord.query(in: scope).filter(\.$key == agreement).count() == 0
        {
            errors.append(FieldError("agreement_key", "There is no agreement '\(agreement)'"))
        }
        return errors
    }

    /// Logs a request; its key is made from what is asked for.
    static func createRequest(_ r: DataRequest, in scope: Scope) async throws -> Result<String, Refusal> {
        let errors = try await check(r, in: scope)
        guard errors.isEmpty else { return .failure(Refusal(errors)) }
        let key = try await scope.withUnusedKey(Key.slug(r.what), DataRequestRecord.self, key: \.$key) { key in
            try await scope.audited { scope, audit in
                var kept = r
                kept.key = key
                let record = DataRequestRecord()
                scope.claim(record)
                record.key = key
                record.set(kept)
                record.createdAt = scope.now()
                try await record.create(on: scope.db)
                audit.note("create", "data-request", key, before: nil as DataRequest?, after: kept)
                return key
            }
        }
        return .success(key)
    }

    /// Replaces a request's values: its answer, most often.
    static func updateRequest(_ key: String, with r: DataRequest, in scope: Scope) async throws -> [FieldError] {
        var changed = r
        changed.key = key
        let errors = try await check(changed, in: scope)
        guard errors.isEmpty else { return errors }
        let after = changed
        return try await scope.auditedChecking { scope, audit in
            let record = try await SharingStore.request(key, in: scope)
            try await scope.lock(DataRequestRecord.self, ids: [try record.requireID()])
            let before = record.domain
            if before == after { return }
            record.set(after)
            try await record.save(on: scope.db)
            audit.note("update", "data-request", key, before: before, after: after)
        }
    }
}
