import ConveneDomain
import Foundation
import Plot
import Vapor

/// The duplication analyses as pages: partnerships sharing members, duplicate discussions ("the same
/// people, the same discussion, a different meeting") and near-duplicate priorities. Each has its chart, its table
/// with links to the records, and the CSV of the table.
enum DuplicationPages {
    static func register(read: RoutesBuilder) {
        read.get(AnalysisPath.analysis(.overlap), use: overlap)
        read.get(AnalysisPath.analysis(.duplicates), use: duplicates)
        read.get(AnalysisPath.analysis(.priorities), use: priorities)
    }

    typealias Asked = AnalysisPages.Asked

    @Sendable static func overlap(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/overlap", req) { context in
            let asked = AnalysisPages.asked(req)
            let (data, settings) = try await AnalysisPages.data(req, asked, for: .overlap)
            if let csv = try AnalysisPages.download(
                .overlap, asked, AnalysisQuestion(period: asked.period), data, settings)
            {
                return .file(csv)
            }
            let report = MembershipOverlap.run(data, on: Analyses.overlapDay(asked.period, today: req.now.today))
            return .page(
                DuplicationViews.overlap(
                    OverlapPageModel(context: context, asked: asked, report: report, data: data)
                ))
        }
    }

    @Sendable static func duplicates(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/duplicates", req) { context in
            let asked = AnalysisPages.asked(req)
            let (data, settings) = try await AnalysisPages.data(req, asked, for: .duplicates)
            if let csv = try AnalysisPages.download(
                .duplicates, asked, AnalysisQuestion(period: asked.period), data, settings)
            {
                return .file(csv)
            }
            let report = DuplicateDiscussions.run(data, period: asked.period, settings: settings, today: req.now.today)
            return .page(
                DuplicationViews.duplicates(
                    DuplicateDiscussionsModel(context: context, asked: asked, report: report, data: data)
                ))
        }
    }

    @Sendable static func priorities(req: Request) async throws -> Response {
        try await KeptPages.page("analysis/priorities", req) { context in
            let asked = AnalysisPages.asked(req)
            let settings = try await AnalyticsStore.settings(in: req.scope)
            let texts = try await StrategyStore.priorityTexts(in: req.scope)
            if let csv = try AnalysisPages.download(
                .priorities, asked, AnalysisQuestion(period: asked.period), AnalyticsData(), settings,
                priorities: texts)
            {
                return .file(csv)
            }
            let (strategies, _) = try await StrategyStore.all(in: req.scope)
            let names = Dictionary(strategies.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
            return .page(
                DuplicationViews.priorities(
                    PriorityDuplicatesModel(
                        context: context, asked: asked, report: PriorityDuplicates.run(texts, settings: settings),
                        strategyNames: names)
                ))
        }
    }
}

enum DuplicationViews {
    typealias Asked = AnalysisPages.Asked
    static func percent(_ x: Double) -> String { AnalysisViews.percent(x) }

    static func names(_ keys: [String], _ data: AnalyticsData, limit: Int = 8) -> String {
        let named = keys.prefix(limit).map { data.personsByKey[$0]?.name ?? data.organisationsByKey[$0]?.name ?? $0 }
        return named.joined(separator: ", ") + (keys.count > limit ? " and \(keys.count - limit) more" : "")
    }

    static func overlap(_ model: OverlapPageModel) -> Layout {
        let (context, asked, r, data) = (model.context, model.asked, model.report, model.data)
        let title = "Shared members"
        let close = r.pairs.filter { $0.people.overlap >= 0.5 }
        return Layout(
            context: context, title: Form(errors: asked.errors).title(title),
            breadcrumbs: AnalysisViews.crumbs(),
            content: .group(
                AnalysisViews.header(.overlap, title, asked, path: AnalysisPath.analysis(.overlap)),
                .p(
                    .class("lead"),
                    .text(
                        "On \(r.day.longDescription), \(r.pairs.count) pairs of partnerships share members; in \(close.count) of them at least half of the smaller partnership's people sit on the other too."
                    )),
                .p(
                    .text(
                        "Overlap is the people both have as a share of the smaller partnership's; Jaccard is the people both have as a share of everyone on either. "
                    ),
                    .a(
                        .href(RegisterPath.landscape.href(["overlay": "overlap"])),
                        .text("See the overlap on the landscape picture")), .text(".")),
                Charts.bars(
                    id: "overlap-chart", title: "The pairs of partnerships sharing most of their members",
                    description:
                        "Each bar is a pair of partnerships; its length is the share of the smaller one's people who also sit on the other.",
                    r.pairs.map {
                        Charts.Bar(
                            label: "\($0.aName) and \($0.bName)", value: $0.people.overlap,
                            text: percent($0.people.overlap))
                    }),
                Components.table(
                    caption: "Pairs of partnerships by the members they share",
                    headers: [
                        .text("Partnerships"), .text("People shared"), .text("Overlap"), .text("Jaccard"),
                        .text("Organisations shared"),
                        .text("Organisations overlap"), .text("Who")
                    ],
                    rows: r.pairs.prefix(300).map { p in
                        [
                            .group(
                                .a(.href(RegisterPath.partnership(p.aKey).href), .text(p.aName)), .text(" and "),
                                .a(.href(RegisterPath.partnership(p.bKey).href), .text(p.bName))),
                            .text("\(p.people.shared.count) of \(p.people.aCount) and \(p.people.bCount)"),
                            .text(percent(p.people.overlap)),
                            .text(percent(p.people.jaccard)), .text("\(p.organisations.shared.count)"),
                            .text(percent(p.organisations.overlap)),
                            .span(.class("body-s"), .text(names(p.people.shared, data)))
                        ]
                    }),
                .if(
                    r.pairs.count > 300,
                    .p(.text("The 300 pairs sharing most are shown; the CSV has all \(r.pairs.count).")))))
    }

    static func duplicates(_ model: DuplicateDiscussionsModel) -> Layout {
        let (context, asked, r, data) = (model.context, model.asked, model.report, model.data)
        let title = "Duplicate discussions"
        let affected = r.partnerships.filter { $0.duplicated > 0 }
        func side(_ s: DuplicateDiscussions.Side) -> Node<HTML.BodyContext> {
            .group(
                .a(.href(MeetingPath.meeting(s.partnershipKey, s.meetingKey).href), .text(s.title)),
                .br(), .span(.class("body-s secondary-text"), .text("\(s.partnershipName), \(s.day.longDescription)")))
        }
        return Layout(
            context: context, title: Form(errors: asked.errors).title(title),
            breadcrumbs: AnalysisViews.crumbs(),
            content: .group(
                AnalysisViews.header(.duplicates, title, asked, path: AnalysisPath.analysis(.duplicates)),
                .p(
                    .class("lead"),
                    .text(
                        "\(r.findings.count) times the same people discussed the same thing at meetings of different partnerships: items whose titles are at least \(percent(r.textThreshold)) alike, at meetings no more than \(r.windowDays) days apart where at least \(percent(r.attendeeThreshold)) of the smaller meeting's attendees were at both."
                    )),
                .p(
                    .text(
                        "Welcome, apologies, minutes, the action log and other standing items are left out. The thresholds are "
                    ),
                    .a(.href(AnalysisPath.settings.href), .text("settings")), .text(".")),
                .if(
                    r.findings.isEmpty,
                    .div(
                        .class("inset"),
                        .p(.text("No duplicate discussions were found in this period at these settings.")))),
                .if(
                    !r.findings.isEmpty,
                    Charts.bars(
                        id: "duplicates-chart", title: "Partnerships whose items were also discussed elsewhere",
                        description:
                            "Each bar is a partnership; its length is the share of its items in the period that were also discussed at another partnership with the same people.",
                        affected.map {
                            Charts.Bar(
                                label: $0.name, value: $0.share,
                                text: "\(percent($0.share)) (\($0.duplicated) of \($0.items))")
                        })),
                .if(
                    !r.findings.isEmpty,
                    Components.table(
                        caption: "By partnership",
                        headers: [
                            .text("Partnership"), .text("Items"), .text("Also discussed elsewhere"), .text("Share"),
                            .text("Where")
                        ],
                        rows: affected.map { row in
                            [
                                .a(.href(RegisterPath.partnership(row.key).href), .text(row.name)),
                                .text("\(row.items)"), .text("\(row.duplicated)"), .text(percent(row.share)),
                                .text(row.elsewhere.map { "\($0.name) (\($0.items))" }.joined(separator: ", "))
                            ]
                        })),
                .if(
                    !r.findings.isEmpty,
                    Components.table(
                        caption: "The duplicate discussions",
                        headers: [
                            .text("One item"), .text("The other"), .text("Days apart"), .text("Titles alike"),
                            .text("Attendees shared"), .text("Shared people")
                        ],
                        rows: r.findings.prefix(500).map { f in
                            [
                                side(f.a), side(f.b), .text("\(f.daysApart)"), .text(percent(f.cosine)),
                                .text(percent(f.attendeeOverlap)),
                                .span(.class("body-s"), .text(names(f.sharedPersonKeys, data)))
                            ]
                        })),
                .if(r.findings.count > 500, .p(.text("The first 500 are shown; the CSV has all \(r.findings.count)."))))
        )
    }

    static func priorities(_ model: PriorityDuplicatesModel) -> Layout {
        let (context, asked, r, strategyNames) = (model.context, model.asked, model.report, model.strategyNames)
        let title = "Near-duplicate priorities"
        func strategies(_ keys: [String]) -> Node<HTML.BodyContext> {
            .group(
                .forEach(Array(keys.enumerated())) { i, key in
                    .group(
                        .if(i > 0, .text(", ")),
                        .a(.href(StrategyPath.strategy(key).href), .text(strategyNames[key] ?? key)))
                })
        }
        return Layout(
            context: context, title: title, breadcrumbs: AnalysisViews.crumbs(),
            content: .group(
                AnalysisViews.header(
                    .priorities, title, asked, path: AnalysisPath.analysis(.priorities), csv: false,
                    caption: "The workspace's active strategies"),
                .p(.class("lead"), .text(r.summary + ".")),
                .p(
                    .text(
                        "Priorities of different strategies whose titles and descriptions are at least \(percent(r.threshold)) alike are grouped; each group is proposed as one priority, under the title that is most like the others. "
                    ),
                    .a(
                        .href(AnalysisPath.analysis(.priorities).href(["format": "csv"])),
                        .text("Download the consolidated list as CSV"))),
                Charts.bars(
                    id: "priorities-chart", title: "The largest groups of near-duplicate priorities",
                    description:
                        "Each bar is a group of priorities from different strategies that say nearly the same; its length is how many.",
                    r.clusters.map {
                        Charts.Bar(
                            label: $0.representative.title, value: Double($0.members.count),
                            text: "\($0.members.count) priorities")
                    }),
                Components.table(
                    caption: "The proposed consolidated list",
                    headers: [.text("Priority"), .text("Stands for"), .text("Strategies")],
                    rows: r.consolidated.map { line in
                        [
                            .text(line.title),
                            .text(line.isMerged ? "\(line.priorityKeys.count) priorities" : "Itself"),
                            strategies(line.strategyKeys)
                        ]
                    }),
                .h2(.class("heading-l"), .text("The groups")),
                r.clusters.isEmpty
                    ? .p(.text("No two priorities of different strategies are alike enough to group."))
                    : .forEach(r.clusters) { cluster in
                        Components.table(
                            caption: cluster.representative.title,
                            headers: [.text("Priority"), .text("Strategy")],
                            rows: cluster.members.map {
                                [
                                    .text($0.title),
                                    .a(
                                        .href(StrategyPath.strategy($0.strategyKey).href(fragment: "priorities")),
                                        .text(strategyNames[$0.strategyKey] ?? $0.strategyKey))
                                ]
                            })
                    }))
    }
}
