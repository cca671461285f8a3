import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The organisations and partnerships the sharing pages name and offer: key and name.
struct SharingNames {
    var organisations: [String: String]
    var partnerships: [String: String]

    func organisation(_ key: String) -> String { organisations[key] ?? key }
    func partnership(_ key: String) -> String { partnerships[key] ?? key }
    var organisationChoices: [(String, String)] { organisations.map { ($0.key, $0.value) }.sorted { $0.1 < $1.1 } }
    var partnershipChoices: [(String, String)] { partnerships.map { ($0.key, $0.value) }.sorted { $0.1 < $1.1 } }

    static func load(in scope: Scope) async throws -> SharingNames {
        let (organisations, partnerships) = try await FundingStore.names(in: scope)
        return SharingNames(organisations: organisations, partnerships: partnerships)
    }
}

/// The agreements, with where each stands today.
struct AgreementsModel {
    var context: PageContext
    var agreements: [DataSharingAgreement]
    var names: SharingNames
    var today: Day

    static func load(context: PageContext, in scope: Scope) async throws -> AgreementsModel {
        AgreementsModel(
            context: context, agreements: try await SharingStore.agreements(in: scope),
            names: try await SharingNames.load(in: scope), today: scope.now.today)
    }
}

/// One agreement.
struct AgreementModel {
    var context: PageContext
    var agreement: DataSharingAgreement
    var names: SharingNames
    var today: Day

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> AgreementModel {
        guard let agreement = try await SharingStore.agreement(key, in: scope).domain else {
            throw Problem.notFound("The data-sharing agreement '\(key)'")
        }
        return AgreementModel(
            context: context, agreement: agreement, names: try await SharingNames.load(in: scope),
            today: scope.now.today)
    }
}

/// The form of an agreement, new or changed.
struct AgreementFormModel {
    struct Input: Content {
        var title: String?
        var partyKeys: [String]?
        var partnershipKeys: [String]?
        var purpose: String?
        var dataCategories: [String]?
        var lawfulBasis: String?
        var legalGateway: String?
        var otherGateway: String?
        var dpiaOn: String?
        var signedOn: String?
        var reviewOn: String?
        var endsOn: String?
        var status: String?
        var documents: String?

        enum CodingKeys: String, CodingKey {
            case title
            case partyKeys = "party_keys"
            case partnershipKeys = "partnership_keys"
            case purpose
            case dataCategories = "data_categories"
            case lawfulBasis = "lawful_basis"
            case legalGateway = "legal_gateway"
            case otherGateway = "other_gateway"
            case dpiaOn = "dpia_on"
            case signedOn = "signed_on"
            case reviewOn = "review_on"
            case endsOn = "ends_on"
            case status, documents
        }

        init(_ a: DataSharingAgreement? = nil) {
            guard let a else { return }
            title = a.title
            partyKeys = a.partyKeys
            partnershipKeys = a.partnershipKeys
            purpose = a.purpose
            dataCategories = a.dataCategories.map(\.rawValue)
            lawfulBasis = a.lawfulBasis
            if LegalGateway.known.contains(a.legalGateway) {
                legalGateway = a.legalGateway
            } else {
                otherGateway = a.legalGateway
            }
            dpiaOn = a.dpiaOn?.description
            signedOn = a.signedOn?.description
            reviewOn = a.reviewOn?.description
            endsOn = a.endsOn?.description
            status = a.status.rawValue
            documents = a.documents.joined(separator: "\n")
        }

        /// The agreement the form gives, with the errors of the fields that could not be read.
        func agreement(key: String) -> (DataSharingAgreement, [FieldError]) {
            var reader = FormReader()
            let categories = (dataCategories ?? []).compactMap(DataCategory.init(rawValue:))
            let status = reader.text(status).flatMap(AgreementStatus.init(rawValue:))
            if status == nil { reader.errors.append(FieldError("status", "Choose where the agreement stands")) }
            let agreement = DataSharingAgreement(
                key: key, title: reader.text(title) ?? "", partyKeys: partyKeys ?? [],
                partnershipKeys: partnershipKeys ?? [], purpose: reader.text(purpose) ?? "",
                dataCategories: categories, lawfulBasis: reader.text(lawfulBasis) ?? "",
                legalGateway: reader.text(otherGateway) ?? reader.text(legalGateway) ?? "",
                dpiaOn: reader.day(dpiaOn, "dpia_on", "The day of the DPIA"),
                signedOn: reader.day(signedOn, "signed_on", "The day it was signed"),
                reviewOn: reader.day(reviewOn, "review_on", "The review date"),
                endsOn: reader.day(endsOn, "ends_on", "The end date"), status: status ?? .draft,
                documents: (documents ?? "").split(whereSeparator: \.isNewline).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty })
            return (agreement, reader.errors)
        }
    }

    /// The form's fields in page order, for the error summary.
    static let fieldOrder = [
        "title", "party_keys", "partnership_keys", "purpose", "data_categories", "lawful_basis", "legal_gateway",
        "other_gateway", "dpia_on", "signed_on", "review_on", "ends_on", "status", "documents"
    ]

    var context: PageContext
    var key: String?
    var input: Input
    var errors: [FieldError]
    var names: SharingNames

    static func load(
        key: String?, input: Input? = nil, errors: [FieldError] = [], context: PageContext, in scope: Scope
    ) async throws -> AgreementFormModel {
        var given = input
        if given == nil, let key { given = Input(try await SharingStore.agreement(key, in: scope).domain) }
        func place(_ e: FieldError) -> Int { fieldOrder.firstIndex(of: e.field) ?? fieldOrder.count }
        return AgreementFormModel(
            context: context, key: key, input: given ?? Input(),
            errors: errors.enumerated().sorted { (place($0.element), $0.offset) < (place($1.element), $1.offset) }
                .map(\.element),
            names: try await SharingNames.load(in: scope))
    }
}

/// The log of requests, with the figures per partner and gateway.
struct RequestsModel {
    var context: PageContext
    var requests: [DataRequest]
    var report: RequestAnalysis.Report
    var names: SharingNames
    var today: Day

    static func load(context: PageContext, in scope: Scope) async throws -> RequestsModel {
        async let requests = SharingStore.requests(in: scope)
        async let report = SharingStore.analysis(in: scope)
        return RequestsModel(
            context: context, requests: try await requests, report: try await report,
            names: try await SharingNames.load(in: scope), today: scope.now.today)
    }
}

/// A new request, or one request with its answer form.
struct RequestFormModel {
    struct Input: Content {
        var requester: String?
        var partnerKey: String?
        var what: String?
        var purpose: String?
        var agreementKey: String?
        var gateway: String?
        var askedOn: String?
        var dueBy: String?

        enum CodingKeys: String, CodingKey {
            case requester
            case partnerKey = "partner_key"
            case what, purpose
            case agreementKey = "agreement_key"
            case gateway
            case askedOn = "asked_on"
            case dueBy = "due_by"
        }

        func request() -> (DataRequest, [FieldError]) {
            var reader = FormReader()
            let requester = reader.text(requester) ?? ""
            let asked = reader.day(askedOn, "asked_on", "The day it was asked")
            let due = reader.day(dueBy, "due_by", "The day it is due")
            if reader.text(askedOn) == nil {
                reader.errors.append(FieldError("asked_on", "Enter the day it was asked"))
            }
            if reader.text(dueBy) == nil { reader.errors.append(FieldError("due_by", "Enter the day it is due")) }
            let request = DataRequest(
                key: "",
                requesterOrganisationKey: requester.hasPrefix("organisation:") ? String(requester.dropFirst(13)) : nil,
                requesterPartnershipKey: requester.hasPrefix("partnership:") ? String(requester.dropFirst(12)) : nil,
                partnerKey: reader.text(partnerKey) ?? "", what: reader.text(what) ?? "",
                purpose: reader.text(purpose) ?? "", agreementKey: reader.text(agreementKey),
                gateway: reader.text(gateway), askedOn: asked ?? Day(year: 2000, month: 1, day: 1)!,
                dueBy: due ?? asked ?? Day(year: 2000, month: 1, day: 1)!)
            return (request, reader.errors)
        }
    }

    struct Answer: Content {
        var answeredOn: String?
        var outcome: String?
        var refusalReason: String?

        enum CodingKeys: String, CodingKey {
            case answeredOn = "answered_on"
            case outcome
            case refusalReason = "refusal_reason"
        }
    }

    var context: PageContext
    var request: DataRequest?
    var input = Input()
    var answer = Answer()
    var errors: [FieldError] = []
    var names: SharingNames
    var agreements: [DataSharingAgreement]
    var today: Day

    static func load(
        key: String?, context: PageContext, input: Input = Input(), answer: Answer = Answer(),
        errors: [FieldError] = [], in scope: Scope
    ) async throws -> RequestFormModel {
        let request = try await key.asyncMap { try await SharingStore.request($0, in: scope).domain }
        return RequestFormModel(
            context: context, request: request ?? nil, input: input, answer: answer, errors: errors,
            names: try await SharingNames.load(in: scope), agreements: try await SharingStore.agreements(in: scope),
            today: scope.now.today)
    }
}
