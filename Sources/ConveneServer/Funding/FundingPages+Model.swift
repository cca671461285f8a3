import ConveneDomain
import Fluent
import Foundation
import Vapor

/// The money in beside what meetings cost, for the force area's partnerships or one of them, with the flows from
/// funders through recipients to partnerships and the streams behind every figure.
struct FundingModel {
    var context: PageContext
    /// The partnership asked about, by key, or the force area by its ONS code; neither for every partnership of the
    /// workspace.
    var partnership: String?
    var forceArea: String?
    /// The partnerships the view is about; nil for all.
    var only: Set<String>?
    /// The force areas of the workspace's partnerships: code and name.
    var forceAreas: [(code: String, name: String)] = []
    var streams: [FundingStream]
    var report: FundingAnalysis.Report
    var organisations: [String: String]
    var partnerships: [String: String]

    func organisationName(_ key: String) -> String { organisations[key] ?? key }
    func partnershipName(_ key: String) -> String { partnerships[key] ?? key }
    func funderName(_ funder: Funder) -> String { funder.name ?? funder.organisationKey.map(organisationName) ?? "" }

    /// The flows, all years together: funder → recipient, recipient → partnership, each the partnership's share.
    var flows: [[Charts.Flow]] {
        var first: [String: Int] = [:]
        var second: [String: Int] = [:]
        var order: [String] = []
        var secondOrder: [String] = []
        for stream in streams {
            for share in FundingAnalysis.split(stream) where only?.contains(share.partnershipKey) ?? true {
                let a = "\(funderName(stream.funder))\u{1F}\(organisationName(stream.recipientKey))"
                let b = "\(organisationName(stream.recipientKey))\u{1F}\(partnershipName(share.partnershipKey))"
                if first[a] == nil { order.append(a) }
                if second[b] == nil { secondOrder.append(b) }
                first[a, default: 0] += share.pence
                second[b, default: 0] += share.pence
            }
        }
        func flow(_ key: String, _ pence: Int) -> Charts.Flow {
            let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            return Charts.Flow(from: parts[0], to: parts[1], pence: pence)
        }
        return [order.map { flow($0, first[$0]!) }, secondOrder.map { flow($0, second[$0]!) }]
    }

    static func load(partnership: String?, forceArea: String?, context: PageContext, in scope: Scope) async throws
        -> FundingModel
    {
        let only = try await FundingStore.focus(partnership: partnership, forceArea: forceArea, in: scope)
        async let streams = FundingStore.streams(servingAny: only, in: scope)
        async let report = FundingStore.analysis(only: only, in: scope)
        async let names = FundingStore.names(in: scope)
        let codes = Set(
            try await PartnershipRecord.query(in: scope).filter(\.$forceAreaCode != nil).all(\.$forceAreaCode)
                .compactMap { $0 })
        let areas = try await OutcomeStore.areaNames(Array(codes), on: scope.db)
        let (organisations, partnerships) = try await names
        return FundingModel(
            context: context, partnership: partnership, forceArea: partnership == nil ? forceArea : nil, only: only,
            forceAreas: codes.map { ($0, areas[$0] ?? $0) }.sorted { $0.name < $1.name },
            streams: try await streams, report: try await report, organisations: organisations,
            partnerships: partnerships)
    }
}

/// One stream, with its amounts and reporting dates.
struct FundingStreamModel {
    var context: PageContext
    var stream: FundingStream
    var organisations: [String: String]
    var partnerships: [String: String]

    static func load(key: String, context: PageContext, in scope: Scope) async throws -> FundingStreamModel {
        let record = try await FundingStore.find(key, in: scope)
        let (organisations, partnerships) = try await FundingStore.names(in: scope)
        return FundingStreamModel(
            context: context, stream: record.domain, organisations: organisations, partnerships: partnerships)
    }
}

/// The form of a stream, new or changed.
struct FundingFormModel {
    /// How many financial years the form offers.
    static let years = 4

    struct Input: Content {
        var funder: String?
        var funderName: String?
        var recipientKey: String?
        var partnershipKeys: [String]?
        var purpose: String?
        var conditions: String?
        var reportingDates: String?
        var year1, year2, year3, year4: String?
        var amount1, amount2, amount3, amount4: String?

        enum CodingKeys: String, CodingKey {
            case funder
            case funderName = "funder_name"
            case recipientKey = "recipient_key"
            case partnershipKeys = "partnership_keys"
            case purpose, conditions
            case reportingDates = "reporting_dates"
            case year1 = "year_1", year2 = "year_2", year3 = "year_3", year4 = "year_4"
            case amount1 = "amount_1", amount2 = "amount_2", amount3 = "amount_3", amount4 = "amount_4"
        }

        var yearTexts: [String?] { [year1, year2, year3, year4] }
        var amountTexts: [String?] { [amount1, amount2, amount3, amount4] }

        /// The form as it shows a stream held.
        init(_ stream: FundingStream? = nil) {
            guard let stream else { return }
            funder = stream.funder.organisationKey
            funderName = stream.funder.organisationKey == nil ? stream.funder.name : nil
            recipientKey = stream.recipientKey
            partnershipKeys = stream.partnershipKeys
            purpose = stream.purpose
            conditions = stream.conditions
            reportingDates = stream.reportingDates.map(\.description).joined(separator: "\n")
            let amounts = stream.amounts.map { ($0.financialYear.description, Money.format(pence: $0.pence)) }
            func at(_ i: Int) -> (String, String)? { i < amounts.count ? amounts[i] : nil }
            (year1, amount1) = (at(0)?.0, at(0)?.1)
            (year2, amount2) = (at(1)?.0, at(1)?.1)
            (year3, amount3) = (at(2)?.0, at(2)?.1)
            (year4, amount4) = (at(3)?.0, at(3)?.1)
        }

        /// The stream the form gives, with the errors of the fields that could not be read.
        func stream(key: String) -> (FundingStream, [FieldError]) {
            let reader = FormReader()
            var errors: [FieldError] = []
            var amounts: [FundingAmount] = []
            for (index, (year, amount)) in zip(yearTexts, amountTexts).enumerated() {
                let y = reader.text(year)
                let a = reader.text(amount)
                if y == nil && a == nil { continue }
                let field = "year_\(index + 1)"
                guard let y, let period = ReportingPeriod(y), period.kind == .financialYear else {
                    errors.append(FieldError(field, "Enter the financial year like 2024-25"))
                    continue
                }
                guard let a, let pence = Money.pence(reading: a) else {
                    errors.append(
                        FieldError(
                            "amount_\(index + 1)", "Enter the amount for \(period.label) in pounds, like £100,000"))
                    continue
                }
                amounts.append(FundingAmount(financialYear: period, pence: pence))
            }
            if amounts.isEmpty && errors.isEmpty {
                errors.append(FieldError("year_1", "Enter the amount for at least one financial year"))
            }
            var dates: [Day] = []
            for line in (reportingDates ?? "").split(whereSeparator: \.isNewline) {
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                if let day = Day(text) {
                    dates.append(day)
                } else {
                    errors.append(FieldError("reporting_dates", "'\(text)' is not a date; write each like 2025-03-31"))
                }
            }
            let funderKey = reader.text(funder)
            let stream = FundingStream(
                key: key,
                funder: Funder(organisationKey: funderKey, name: funderKey == nil ? reader.text(funderName) : nil),
                recipientKey: reader.text(recipientKey) ?? "", partnershipKeys: partnershipKeys ?? [],
                purpose: reader.text(purpose) ?? "", amounts: amounts, conditions: reader.text(conditions),
                reportingDates: dates)
            return (stream, errors)
        }
    }

    /// The form's fields in the order they come on the page: the error summary lists them so.
    static let fieldOrder =
        ["funder", "funder_name", "recipient_key", "partnership_keys", "purpose"]
        + (1...years).flatMap { ["year_\($0)", "amount_\($0)"] } + ["conditions", "reporting_dates"]

    /// The errors in the order of their fields on the page; an error of no field of the form comes last.
    static func inPageOrder(_ errors: [FieldError]) -> [FieldError] {
        func place(_ error: FieldError) -> Int { fieldOrder.firstIndex(of: error.field) ?? fieldOrder.count }
        return errors.enumerated().sorted { (place($0.element), $0.offset) < (place($1.element), $1.offset) }
            .map(\.element)
    }

    var context: PageContext
    /// The stream changed, by key; nil for a new one.
    var key: String?
    var input: Input
    var errors: [FieldError] = []
    var organisations: [(key: String, name: String)] = []
    var partnerships: [(key: String, name: String)] = []

    static func load(
        key: String?, input: Input? = nil, errors: [FieldError] = [], context: PageContext, in scope: Scope
    ) async throws -> FundingFormModel {
        var given = input
        if given == nil, let key { given = Input(try await FundingStore.find(key, in: scope).domain) }
        let (organisations, partnerships) = try await FundingStore.names(in: scope)
        return FundingFormModel(
            context: context, key: key, input: given ?? Input(), errors: inPageOrder(errors),
            organisations: organisations.map { ($0.key, $0.value) }.sorted { $0.name < $1.name },
            partnerships: partnerships.map { ($0.key, $0.value) }.sorted { $0.name < $1.name })
    }
}
