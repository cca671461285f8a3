import ConveneDomain
import Foundation

// The duplication analyses as the CLI and the API give them: membership overlap, duplicate discussions
// and near-duplicate priorities, each as JSON (documented in the README), CSV and text.
extension Analyses {
    /// The day an overlap is measured on: the period's end, or today when that is sooner.
    static func overlapDay(_ period: Period, today: Day) -> Day { min(period.to, today) }

    /// Triage as the CLI, the API and the page give it: with the duplication evidence (shared members and duplicated
    /// discussions together) as one of its reasons, worked out for the partnerships the person is invited to.
    static func triage(
        _ data: AnalyticsData, personKey: String, capacity: Int, period: Period, settings: AnalyticsSettings,
        today: Day
    ) -> Triage.Report {
        let invited = Triage.invited(data, personKey: personKey, asOf: min(period.to, today))
        let evidence = DuplicationEvidence(
            overlap: MembershipOverlap.run(data, on: overlapDay(period, today: today)),
            discussions: DuplicateDiscussions.run(data, period: period, settings: settings, today: today, only: invited)
        )
        return Triage.run(
            data, personKey: personKey, capacity: capacity, period: period, settings: settings, today: today,
            duplication: evidence)
    }

    static func duplicationOutput(
        _ analysis: Analysis, _ question: AnalysisQuestion, data: AnalyticsData, settings: AnalyticsSettings,
        today: Day, priorities: [PriorityText]
    ) throws -> AnalysisOutput {
        let period = question.period
        switch analysis {
        case .overlap:
            let r = MembershipOverlap.run(data, on: overlapDay(period, today: today))
            func measure(_ m: MembershipOverlap.Measure) -> OverlapJSON.Measure {
                .init(
                    shared: m.shared.count, overlap: rounded(m.overlap), jaccard: rounded(m.jaccard),
                    sharedIds: m.shared)
            }
            let json = OverlapJSON(
                on: r.day.description,
                pairs: r.pairs.map {
                    .init(
                        a: .init(id: $0.aKey, name: $0.aName), b: .init(id: $0.bKey, name: $0.bName),
                        people: measure($0.people),
                        organisations: measure($0.organisations))
                })
            return AnalysisOutput(
                json: try encode(json),
                header: [
                    "a_id", "a_name", "b_id", "b_name", "shared_people", "people_overlap", "people_jaccard",
                    "shared_organisations",
                    "organisations_overlap", "organisations_jaccard"
                ],
                rows: r.pairs.map { p in
                    [
                        p.aKey, p.aName, p.bKey, p.bName, "\(p.people.shared.count)", number(rounded(p.people.overlap)),
                        number(rounded(p.people.jaccard)), "\(p.organisations.shared.count)",
                        number(rounded(p.organisations.overlap)), number(rounded(p.organisations.jaccard))
                    ]
                },
                summary: "On \(r.day.longDescription): \(r.pairs.count) pairs of partnerships share members; "
                    + "\(r.pairs.filter { $0.people.overlap >= 0.5 }.count) share at least half of the smaller one's people"
            )
        case .duplicates:
            let r = DuplicateDiscussions.run(data, period: period, settings: settings, today: today)
            func side(_ s: DuplicateDiscussions.Side) -> DuplicatesJSON.Side {
                .init(
                    itemId: s.itemKey, title: s.title, meetingId: s.meetingKey, meetingName: s.meetingName,
                    day: s.day.description,
                    partnershipId: s.partnershipKey, partnershipName: s.partnershipName)
            }
            let json = DuplicatesJSON(
                from: period.from.description, to: period.to.description, windowDays: r.windowDays,
                textThreshold: rounded(r.textThreshold),
                attendeeThreshold: rounded(r.attendeeThreshold),
                findings: r.findings.map {
                    .init(
                        a: side($0.a), b: side($0.b), cosine: rounded($0.cosine),
                        attendeeOverlap: rounded($0.attendeeOverlap),
                        sharedPeople: $0.sharedPersonKeys, daysApart: $0.daysApart)
                },
                partnerships: r.partnerships.map {
                    .init(
                        id: $0.key, name: $0.name, items: $0.items, duplicated: $0.duplicated, share: rounded($0.share),
                        elsewhere: $0.elsewhere.map { .init(id: $0.partnershipKey, name: $0.name, items: $0.items) })
                })
            return AnalysisOutput(
                json: try encode(json),
                header: [
                    "a_item_id", "a_title", "a_partnership", "a_day", "b_item_id", "b_title", "b_partnership", "b_day",
                    "cosine",
                    "attendee_overlap", "shared_people"
                ],
                rows: r.findings.map { f in
                    [
                        f.a.itemKey, f.a.title, f.a.partnershipName, f.a.day.description, f.b.itemKey, f.b.title,
                        f.b.partnershipName, f.b.day.description, number(rounded(f.cosine)),
                        number(rounded(f.attendeeOverlap)),
                        f.sharedPersonKeys.joined(separator: "; ")
                    ]
                },
                summary:
                    "\(period): \(r.findings.count) duplicate discussions (titles at least \(percent(r.textThreshold)) alike, "
                    + "at least \(percent(r.attendeeThreshold)) of attendees shared, within \(r.windowDays) days)")
        case .priorities:
            let r = PriorityDuplicates.run(priorities, settings: settings)
            func text(_ p: PriorityText) -> PrioritiesJSON.Priority {
                .init(id: p.key, title: p.title, strategy: p.strategyKey)
            }
            let json = PrioritiesJSON(
                threshold: rounded(r.threshold), priorities: r.priorities, distinct: r.distinct, summary: r.summary,
                clusters: r.clusters.map {
                    .init(
                        representative: text($0.representative), members: $0.members.map(text),
                        strategies: $0.strategyKeys)
                },
                consolidated: r.consolidated.map {
                    .init(title: $0.title, strategies: $0.strategyKeys, priorities: $0.priorityKeys)
                })
            return AnalysisOutput(
                json: try encode(json),
                header: ["title", "strategies", "priorities", "merged"],
                rows: r.consolidated.map {
                    [
                        $0.title, $0.strategyKeys.joined(separator: "; "), $0.priorityKeys.joined(separator: "; "),
                        $0.isMerged ? "yes" : "no"
                    ]
                },
                summary: r.summary)
        case .cost, .load, .attendance, .delivery, .triage, .involvement, .sros, .footprints:
            preconditionFailure("\(analysis) is not a duplication analysis")
        }
    }

    struct Named: Encodable { var id: String; var name: String }

    struct OverlapJSON: Encodable {
        struct Measure: Encodable { var shared: Int; var overlap: Double; var jaccard: Double; var sharedIds: [String] }
        struct Pair: Encodable { var a: Named; var b: Named; var people: Measure; var organisations: Measure }
        var analysis = "overlap"
        var on: String, pairs: [Pair]
    }

    struct DuplicatesJSON: Encodable {
        struct Side: Encodable {
            var itemId: String; var title: String; var meetingId: String; var meetingName: String; var day: String
            var partnershipId: String; var partnershipName: String
        }
        struct Finding: Encodable {
            var a: Side; var b: Side; var cosine: Double; var attendeeOverlap: Double; var sharedPeople: [String];
            var daysApart: Int
        }
        struct Row: Encodable {
            var id: String; var name: String; var items: Int; var duplicated: Int; var share: Double
            var elsewhere: [Elsewhere]
        }
        struct Elsewhere: Encodable { var id: String; var name: String; var items: Int }
        var analysis = "duplicates"
        var from: String, to: String, windowDays: Int, textThreshold: Double, attendeeThreshold: Double
        var findings: [Finding], partnerships: [Row]
    }

    struct PrioritiesJSON: Encodable {
        struct Priority: Encodable { var id: String; var title: String; var strategy: String }
        struct Cluster: Encodable { var representative: Priority; var members: [Priority]; var strategies: [String] }
        struct Line: Encodable { var title: String; var strategies: [String]; var priorities: [String] }
        var analysis = "priorities"
        var threshold: Double, priorities: Int, distinct: Int, summary: String, clusters: [Cluster],
            consolidated: [Line]
    }
}
