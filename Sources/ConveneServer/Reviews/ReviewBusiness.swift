import ConveneDomain
import Fluent
import Foundation

/// Writes of reviews, each with its audit entry in one transaction: a review made (its figures gathered and its
/// recommendations proposed by the rules, kept as they were), the reviewer's decision on each, and its steps from
/// draft to published.
enum ReviewBusiness {
    /// A review as the audit log keeps it.
    struct Audited: Codable, Sendable {
        var title: String
        var period: String
        var partnerships: [String]?
        var survey: String?
        var status: String
    }

    /// A decision as the audit log keeps it.
    struct Decision: Codable, Sendable {
        var partnership: String
        var decided: String
        var with: String?
        var rationale: String
    }

    static func find(_ key: String, in scope: Scope) async throws -> ReviewRecord {
        guard let record = try await ReviewRecord.query(in: scope).filter(\.$key == key).first() else {
            throw Problem.notFound("The review '\(key)'")
        }
        return record
    }

    /// What a new review asks for.
    struct Request: Sendable {
        var title: String
        var period: Period
        /// None: the whole landscape.
        var partnershipKeys: [String]
        var surveyKey: String?
    }

    /// The findings and proposals for a review as the register stands today.
    static func propose(_ request: Request, in scope: Scope) async throws -> [(ReviewMeasures, ReviewRecommendation)] {
        async let data = AnalyticsStore.load(in: scope, period: request.period, needs: .everything)
        async let settings = AnalyticsStore.settings(in: scope)
        async let alignment = AlignmentModel.report(in: scope)
        let findings = ReviewFindings.gather(
            from: try await data, period: request.period, settings: try await settings, today: scope.now.today,
            partnershipKeys: request.partnershipKeys.isEmpty ? nil : Set(request.partnershipKeys),
            alignment: try await alignment)
        let measures = Dictionary(
            findings.map { ($0.partnershipKey, ReviewMeasures($0)) }, uniquingKeysWith: { a, _ in a })
        return ReviewRules.recommend(findings).compactMap { r in measures[r.partnershipKey].map { ($0, r) } }
    }

    /// Makes a review, or says what is wrong with what was asked.
    static func create(_ request: Request, in scope: Scope) async throws -> Result<String, Refusal> {
        var errors: [FieldError] = []
        let title = request.title.trimmingCharacters(in: .whitespaces)
        if title.isEmpty { errors.append(FieldError("title", "Enter a title")) }
        if title.count > 200 { errors.append(FieldError("title", "The title must be 200 characters or fewer")) }
        if request.period.to < request.period.from {
            errors.append(FieldError("to", "The end of the period must be on or after its start"))
        }
        if !request.partnershipKeys.isEmpty {
            let found = try await PartnershipRecord.query(in: scope).all(\.$key, in: request.partnershipKeys).map(\.key)
            for key in Set(request.partnershipKeys).subtracting(found).sorted() {
                errors.append(FieldError("partnerships", "There is no partnership '\(key)'"))
            }
        }
        if let survey = request.surveyKey,
            try await SurveyRecord.query(in: scope).filter(\.$key == survey).first() == nil
        {
            errors.append(FieldError("survey", "There is no survey '\(survey)'"))
        }
        guard errors.isEmpty else { return .failure(Refusal(errors)) }
        let proposals = try await propose(request, in: scope)
        if proposals.isEmpty {
            return .failure(Refusal([FieldError("partnerships", "There are no running partnerships to review")]))
        }
        let key = try await scope.withUnusedKey(Key.slug(title), ReviewRecord.self, key: \.$key) { key in
            try await scope.audited { scope, audit in
                let record = ReviewRecord()
                scope.claim(record)
                record.key = key
                record.title = title
                record.periodFrom = request.period.from.description
                record.periodTo = request.period.to.description
                record.partnershipKeys =
                    request.partnershipKeys.isEmpty ? nil : StoredJSON.write(request.partnershipKeys.sorted())
                record.surveyKey = request.surveyKey
                record.status = ReviewStatus.draft.rawValue
                record.createdAt = scope.now()
                record.createdBy = scope.actor
                try await record.create(on: scope.db)
                for (position, (measures, proposal)) in proposals.enumerated() {
                    let item = ReviewRecommendationRecord()
                    scope.claim(item)
                    item.$review.id = try record.requireID()
                    item.partnershipKey = proposal.partnershipKey
                    item.position = position
                    let choice = ReviewChoice(proposal.proposal)
                    item.proposed = choice.identifier
                    item.proposedWith = choice.other
                    item.reasons = StoredJSON.write(
                        proposal.reasons.map { ReviewItem.Reason(sentence: $0.sentence, evidence: $0.evidence) })
                    item.measures = StoredJSON.write(measures)
                    try await item.create(on: scope.db)
                }
                audit.note("create", "review", key, before: nil as Audited?, after: audited(record))
                return key
            }
        }
        return .success(key)
    }

    static func audited(_ r: ReviewRecord) -> Audited {
        Audited(
            title: r.title, period: "\(r.periodFrom) to \(r.periodTo)",
            partnerships: r.partnershipKeys.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) },
            survey: r.surveyKey, status: r.status)
    }

    /// The reviewer confirms or changes a partnership's recommendation, always with a rationale.
    static func decide(
        _ review: String, partnership: String, choice: String?, with other: String?, rationale: String?,
        in scope: Scope
    ) async throws -> [FieldError] {
        try await scope.auditedChecking { scope, audit in
            let record = try await find(review, in: scope)
            try await scope.lock(ReviewRecord.self, ids: [try record.requireID()])
            guard
                let item = try await ReviewRecommendationRecord.query(in: scope)
                    .filter(\.$review.$id == record.requireID()).filter(\.$partnershipKey == partnership).first()
            else { throw Problem.notFound("The partnership '\(partnership)' in this review") }
            var errors: [FieldError] = []
            if [.final, .published].contains(record.reviewStatus) {
                errors.append(
                    FieldError(
                        "decision",
                        "The review is \(record.reviewStatus.label.lowercased()): its recommendations are settled"))
            }
            let decided = choice.flatMap { ReviewChoice($0, with: other) }
            if choice == nil || (choice != "merge" && decided == nil) {
                errors.append(FieldError("decision", "Choose continue, reform, merge or discontinue"))
            } else if choice == "merge" {
                if other == nil || other == partnership {
                    errors.append(FieldError("merge_with", "Choose the partnership to merge with"))
                } else if let other,
                    try await PartnershipRecord.query(in: scope).filter(\.$key == other).first() == nil
                {
                    errors.append(FieldError("merge_with", "There is no partnership '\(other)'"))
                }
            }
            let text = rationale?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if text.isEmpty {
                errors.append(
                    FieldError("rationale", "Say why: the rationale is kept with the decision and published with it"))
            }
            if text.count > 4000 {
                errors.append(FieldError("rationale", "The rationale must be 4,000 characters or fewer"))
            }
            if !errors.isEmpty { throw Refusal(errors) }
            guard let decided else { throw Refusal([FieldError("decision", "Choose a decision")]) }
            let before = item.decided.map {
                Decision(partnership: partnership, decided: $0, with: item.decidedWith, rationale: item.rationale ?? "")
            }
            item.decided = decided.identifier
            item.decidedWith = decided.other
            item.rationale = text
            item.decidedBy = scope.actor
            item.decidedAt = scope.now()
            try await item.save(on: scope.db)
            audit.note(
                "decide", "review-recommendation", "\(review)/\(partnership)", before: before,
                after: Decision(
                    partnership: partnership, decided: decided.identifier, with: decided.other, rationale: text))
        }
    }

    /// Moves a review on a step: draft → in consultation → final (every recommendation decided) → published.
    static func advance(_ review: String, to status: ReviewStatus, in scope: Scope) async throws -> [FieldError] {
        try await scope.auditedChecking { scope, audit in
            let record = try await find(review, in: scope)
            try await scope.lock(ReviewRecord.self, ids: [try record.requireID()])
            let current = record.reviewStatus
            guard current.next == status else {
                throw Refusal([
                    FieldError(
                        "status",
                        "A review that is \(current.label.lowercased()) cannot become \(status.label.lowercased())")
                ])
            }
            if status == .final {
                let open = try await ReviewRecommendationRecord.query(in: scope)
                    .filter(\.$review.$id == record.requireID()).filter(\.$decided == nil).count()
                if open > 0 {
                    throw Refusal([
                        FieldError(
                            "status",
                            "\(open) \(open == 1 ? "recommendation has" : "recommendations have") no decision yet: confirm or change each first"
                        )
                    ])
                }
            }
            let before = audited(record)
            record.status = status.rawValue
            if status == .published { record.publishedAt = scope.now() }
            try await record.save(on: scope.db)
            audit.note("update", "review", review, before: before, after: audited(record))
        }
    }
}
