import ConveneDomain
import Fluent
import Foundation

/// Reads of reviews: the list, and one review with its recommendations, the partnerships' names and what the
/// register has done since.
enum ReviewStore {
    struct Summary: Codable, Hashable, Sendable {
        var key: String
        var title: String
        var status: ReviewStatus
        var from: Day
        var to: Day
        var partnerships: [String]?
        var survey: String?
        var createdAt: Date
        var createdBy: String
        var publishedAt: Date?
    }

    static func summary(_ r: ReviewRecord) -> Summary {
        Summary(
            key: r.key, title: r.title, status: r.reviewStatus,
            from: Day(r.periodFrom) ?? Day(year: 2000, month: 1, day: 1)!,
            to: Day(r.periodTo) ?? Day(year: 2000, month: 1, day: 1)!,
            partnerships: r.partnershipKeys.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) },
            survey: r.surveyKey, createdAt: r.createdAt, createdBy: r.createdBy, publishedAt: r.publishedAt)
    }

    static func list(in scope: Scope) async throws -> [Summary] {
        try await ReviewRecord.query(in: scope).sort(\.$createdAt, .descending).all().map(summary)
    }

    /// A review whole.
    struct Review: Sendable {
        var summary: Summary
        var items: [ReviewItem]
        /// The register's names of the partnerships the review names (merge partners too), by key.
        var names: [String: String]
        /// For a merge or discontinuation carried out in the register since the review was made: the change in the
        /// register's history, by partnership key.
        var changes: [String: String]
        /// The survey the review draws on, with its results.
        var survey: SurveyResults?
        /// The page of each record a reason names, by kind and key.
        var links: [ReviewEvidence: String] = [:]
    }

    static func review(_ key: String, in scope: Scope) async throws -> Review {
        let record = try await ReviewBusiness.find(key, in: scope)
        let items = try await ReviewRecommendationRecord.query(in: scope).filter(\.$review.$id == record.requireID())
            .sort(\.$position).all().map(\.recommendation)
        let keys = Set(items.flatMap { [$0.partnershipKey] + [$0.proposed.other, $0.decided?.other].compactMap { $0 } })
        let partnerships = try await PartnershipRecord.query(in: scope).all(\.$key, in: keys)
        let names = Dictionary(partnerships.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        // A partnership merged or discontinued since: its history shows the change.
        let ended = partnerships.filter {
            [PartnershipStatus.merged.rawValue, PartnershipStatus.discontinued.rawValue].contains($0.status)
        }.map(\.key)
        var changes: [String: String] = [:]
        if !ended.isEmpty {
            let events = try await AuditEventRecord.query(in: scope).filter(\.$kind == "partnership")
                .filter(\.$at >= record.createdAt).all(\.$recordKey, in: ended)
            for event in events where (event.after ?? "").contains("\"status\"") {
                changes[event.recordKey] = RegisterPath.history.href(["kind": "partnership", "key": event.recordKey])
            }
        }
        var survey: SurveyResults?
        if let surveyKey = record.surveyKey {
            survey = try? await SurveyStore.results(of: surveyKey, in: scope)
        }
        return Review(
            summary: summary(record), items: items, names: names, changes: changes, survey: survey,
            links: try await links(items.flatMap { $0.reasons.flatMap(\.evidence) }, in: scope))
    }

    /// The pages of the records behind the reasons. Meetings, items and actions live under their partnership, so
    /// their partnerships are read, three statements in all.
    static func links(_ evidence: [ReviewEvidence], in scope: Scope) async throws -> [ReviewEvidence: String] {
        func keys(_ kind: ReviewEvidence.Kind) -> Set<String> { Set(evidence.filter { $0.kind == kind }.map(\.key)) }
        async let meetings = MeetingRecord.query(in: scope).with(\.$partnership).all(\.$key, in: keys(.meeting))
        async let actions = ActionRecord.query(in: scope).with(\.$partnership).all(\.$key, in: keys(.action))
        async let items = AgendaItemRecord.query(in: scope).with(\.$partnership).with(\.$meeting)
            .all(\.$key, in: keys(.agendaItem))
        let meetingPages = Dictionary(
            try await meetings.map { ($0.key, MeetingPath.meeting($0.partnership.key, $0.key).href) },
            uniquingKeysWith: { a, _ in a })
        let actionPages = Dictionary(
            try await actions.map { ($0.key, MeetingPath.action($0.partnership.key, $0.key).href) },
            uniquingKeysWith: { a, _ in a })
        let itemPages = Dictionary(
            try await items.compactMap { item in
                item.meeting.map {
                    (item.key, MeetingPath.meeting(item.partnership.key, $0.key).href(fragment: item.key))
                }
            }, uniquingKeysWith: { a, _ in a })
        var links: [ReviewEvidence: String] = [:]
        for e in evidence {
            let href: String? =
                switch e.kind {
                case .partnership: RegisterPath.partnership(e.key).href
                case .meeting: meetingPages[e.key]
                case .action: actionPages[e.key]
                case .agendaItem: itemPages[e.key]
                case .strategy: StrategyPath.strategy(e.key).href
                case .priority,
                    .analysis where e.key == "alignment":
                    StrategyPath.alignment.href
                case .termsOfReference:
                    RegisterPath.partnership(String(e.key.split(separator: "#").first ?? "")).href(
                        fragment: "terms-of-reference")
                case .analysis: Analysis(rawValue: e.key).map { AnalysisPath.analysis($0).href }
                case .survey: SurveyPath.results(e.key).href
                }
            if let href { links[e] = href }
        }
        return links
    }
}
