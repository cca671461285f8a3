import ConveneDomain
import Foundation
import Plot

/// The delivery analysis's page.
extension AnalysisViews {
    static func delivery(_ model: DeliveryPageModel) -> Layout {
        let (context, asked, r, data) = (model.context, model.asked, model.report, model.data)
        let title = "Delivery"
        // Decisions a month across the landscape.
        var months: [String: (decisions: Int, meetings: Int)] = [:]
        let decided = data.decidedItems
        for meeting in data.meetings
        where asked.period.contains(data.day(of: meeting))
            && data.isHeld(meeting, asOf: min(asked.period.to, asked.today))
        {
            let day = data.day(of: meeting)
            let month = String(format: "%04d-%02d", day.year, day.month)
            months[month, default: (0, 0)].meetings += 1
            months[month]!.decisions +=
                (data.itemsByMeeting[meeting.key] ?? []).filter { decided.contains($0.key) }.count
        }
        let series = everyMonth(months)
        let itemMeetings = Dictionary(data.items.map { ($0.key, $0.meetingKey) }, uniquingKeysWith: { a, _ in a })
        return Layout(
            context: context, title: Form(errors: asked.errors).title(title), breadcrumbs: crumbs(),
            content: .group(
                header(.delivery, title, asked, path: AnalysisPath.analysis(.delivery)),
                Components.summaryList([
                    (
                        "Held meetings",
                        .text(
                            "\(r.overall.meetings), with \(r.overall.decisions) decisions and \(r.overall.actions) actions raised"
                        )
                    ),
                    (
                        "Actions",
                        .text(
                            "\(percent(r.overall.completion)) done, \(percent(r.overall.overdueShare)) overdue (of those not dropped)"
                        )
                    ),
                    ("Agenda time for information", .text(percent(r.overall.informationShare))),
                    ("Items that keep coming back undecided", .text("\(r.recurring.count)"))
                ]),
                .if(
                    !series.isEmpty,
                    .group(
                        Charts.timeSeries(
                            id: "decisions-chart", title: "Decisions per meeting, month by month",
                            description:
                                "Decisions recorded per held meeting in each month; a gap is a month with no meetings.",
                            series.map { month in
                                (
                                    AnalysisViews.monthLabel(month.key), month.perMeeting,
                                    month.perMeeting.map { Analyses.number(Analyses.rounded($0)) } ?? "no meetings"
                                )
                            }),
                        Components.table(
                            caption: "Decisions per meeting, month by month",
                            headers: [.text("Month"), .text("Meetings"), .text("Decisions"), .text("Per meeting")],
                            rows: series.map { month in
                                [
                                    .text(AnalysisViews.monthLabel(month.key)), .text("\(month.meetings)"),
                                    .text("\(month.decisions)"),
                                    .text(month.perMeeting.map { Analyses.number(Analyses.rounded($0)) } ?? "–")
                                ]
                            }))),
                Components.table(
                    caption: "By partnership, most time for information first",
                    headers: [
                        .text("Partnership"), .text("Meetings"), .text("Decisions a meeting"),
                        .text("Actions a meeting"), .text("Actions done"), .text("Overdue"), .text("For information")
                    ],
                    rows: r.partnerships.map { p in
                        let f = p.figures
                        return [
                            .a(.href(MeetingPath.meetings(p.key).href), .text(p.name)), .text("\(f.meetings)"),
                            .text(f.decisionsPerMeeting.map { Analyses.number(Analyses.rounded($0)) } ?? "–"),
                            .text(f.actionsPerMeeting.map { Analyses.number(Analyses.rounded($0)) } ?? "–"),
                            .a(.href(MeetingPath.actions(p.key).href(["status": "all"])), .text(percent(f.completion))),
                            .a(.href(MeetingPath.actions(p.key).href), .text(percent(f.overdueShare))),
                            .text(percent(f.informationShare))
                        ]
                    }),
                .h2(.text("Items that come back without a decision")),
                r.recurring.isEmpty
                    ? .p(.text("None: no item came back to half a partnership's meetings without being decided."))
                    : Components.table(
                        caption: "Items at half or more of a partnership's meetings, never decided",
                        headers: [.text("Item"), .text("Partnership"), .text("Meetings")],
                        rows: r.recurring.prefix(200).map { item in
                            let meetings = Set(item.itemKeys.compactMap { itemMeetings[$0] ?? nil })
                            let latest = data.meetings.last { meetings.contains($0.key) }
                            return [
                                latest.map {
                                    .a(.href(MeetingPath.meeting(item.partnershipKey, $0.key).href), .text(item.title))
                                } ?? .text(item.title),
                                .text(data.partnershipsByKey[item.partnershipKey]?.name ?? item.partnershipKey),
                                .text("\(item.meetings) of \(item.of)")
                            ]
                        })))
    }

    /// Every month from the first to the last that has meetings, with its decisions per meeting (nil when none met).
    static func everyMonth(_ months: [String: (decisions: Int, meetings: Int)]) -> [(
        key: String, meetings: Int, decisions: Int, perMeeting: Double?
    )] {
        guard let first = months.keys.min(), let last = months.keys.max(),
            var year = Int(first.prefix(4)), var month = Int(first.suffix(2))
        else { return [] }
        var out: [(key: String, meetings: Int, decisions: Int, perMeeting: Double?)] = []
        while true {
            let key = String(format: "%04d-%02d", year, month)
            let m = months[key] ?? (0, 0)
            out.append((key, m.meetings, m.decisions, m.meetings > 0 ? Double(m.decisions) / Double(m.meetings) : nil))
            if key >= last || out.count > 130 { break }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return out
    }

    /// "1 of its choices overrides the recommendation", "none of its choices overrides the recommendation".
    static func overrides(_ plan: AnalysisPages.SavedPlan) -> String {
        let n = plan.choices.values.filter { $0.choice != $0.recommended }.count
        return "\(n == 0 ? "none" : String(n)) of its choices \(n > 1 ? "override" : "overrides") the recommendation"
    }

    /// "1 partnership", "3 partnerships".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func monthLabel(_ month: String) -> String {
        let parts = month.split(separator: "-")
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return month }
        return "\(names[m - 1]) \(parts[0])"
    }
}
