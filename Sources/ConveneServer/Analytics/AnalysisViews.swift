import ConveneDomain
import Foundation
import Plot

/// The analysis pages' views. Each page: the period form, a chart, then the table with the same figures and links to
/// the records behind them, and a CSV download.
enum AnalysisViews {
    typealias Asked = AnalysisPages.Asked

    static let pages: [(Analysis, String, String)] = [
        (.cost, "Cost", "What the partnerships' meetings cost in salaries, by partnership, organisation and theme."),
        (.load, "Load", "Meetings and hours per person and organisation, week by week, and who is over-committed."),
        (.attendance, "Attendance", "Members or substitutes, seniority present, the same person each time, quorate meetings."),
        (.delivery, "Delivery", "Decisions and actions per meeting, actions done and overdue, time spent on information."),
        (.triage, "Triage", "Which meetings to attend, delegate, read the papers of, or decline, to fit a capacity."),
        (.overlap, "Shared members", "Partnerships whose members are largely the same people or organisations."),
        (.duplicates, "Duplicate discussions", "The same people discussing the same thing at different partnerships' meetings."),
        (.priorities, "Priorities", "Strategies' priorities that say nearly the same, and a consolidated list."),
    ]

    static func crumbs() -> [(String, String)] { [("Overview", RegisterPath.overview.href), ("Analysis", AnalysisPath.index.href)] }

    static func percent(_ x: Double?) -> String { Analyses.percent(x).isEmpty ? "–" : Analyses.percent(x) }
    static func hours(_ minutes: Int) -> String { Analyses.number(Analyses.hours(minutes)) }

    /// The period form (unless the analysis has no period: then `caption` says what it covers) and the links to the
    /// other analyses and the CSV.
    static func header(_ analysis: Analysis?, _ title: String, _ asked: Asked, path: AnalysisPath, extra: Node<HTML.BodyContext> = .empty,
                       csv: Bool = true, caption: String? = nil) -> Node<HTML.BodyContext> {
        let form = Form(errors: asked.errors)
        return .group(
            form.errorSummary(),
            .heading(title, caption: caption ?? asked.period.description),
            .nav(.ariaLabel("Analyses"), .ul(.class("inline-list"), .forEach(pages) { page in
                .li(page.0 == analysis ? .strong(.text(page.1)) : .a(.href(AnalysisPath.analysis(page.0).href(asked.query)), .text(page.1)))
            })),
            .if(caption == nil, .getForm(action: path.href, .class("filters"),
                form.textInput("from", "From", asked.from ?? asked.period.from.description, hint: "For example, 2025-04-01", short: true),
                form.textInput("to", "To", asked.to ?? asked.period.to.description, hint: "For example, 2026-03-31", short: true),
                extra,
                .button(.type(.submit), .class("button button--secondary"), .text("Show")))),
            .if(csv && analysis != nil, .p(.a(.href(path.href(asked.query + [("format", "csv")])),
                                             .text("Download this table as CSV")))))
    }

    // MARK: Index

    static func index(context: PageContext, _ asked: Asked) -> Layout {
        Layout(context: context, title: "Analysis", breadcrumbs: [("Overview", RegisterPath.overview.href)], content: .group(
            .heading("Analysis"),
            .p(.class("lead"), .text("What nobody can see today, worked out from the meetings, attendance and actions recorded here. Every figure links to the records behind it.")),
            .ul(.class("list"), .forEach(pages) { page in
                .li(.h2(.class("heading-m"), .a(.href(AnalysisPath.analysis(page.0).href(asked.query)), .text(page.1))), .p(.text(page.2)))
            }),
            .p(.a(.href(AnalysisPath.settings.href), .text("Settings: working hours, salaries, preparation time and thresholds")))))
    }

    // MARK: Cost

    static func cost(context: PageContext, _ r: CostAudit.Report, data: AnalyticsData, asked: Asked) -> Layout {
        let q = asked.query
        let title = "Cost of meetings"
        return Layout(context: context, title: asked.errors.isEmpty ? title : "Error: \(title)", breadcrumbs: crumbs(), content: .group(
            header(.cost, title, asked, path: AnalysisPath.analysis(.cost)),
            Components.summaryList([
                ("Held meetings", .a(.href(AnalysisPath.costMeetings.href(q)), .text("\(r.heldMeetings) meetings, \(hours(r.personMinutes)) person-hours, \(r.heldCost.description)"))),
                ("Planned meetings", .text(r.plannedCost == .zero ? "None priced" : "\(r.partnerships.map(\.plannedMeetings).reduce(0, +)) meetings, about \(r.plannedCost.description)")),
                ("Total", .strong(.text(r.total.description))),
                ("Assumptions", .group(.text("\(r.settings.hoursPerYear) working hours a year; \(r.settings.preparationMinutes) minutes of preparation and travel when none is recorded; "),
                                       .a(.href(AnalysisPath.settings.href), .text("change the settings")))),
            ]),
            Charts.bars(id: "cost-chart", title: "Cost by partnership", description: "The cost of each partnership's meetings in the period, held and planned, largest first.",
                        r.partnerships.filter { $0.total > .zero }.map {
                            Charts.Bar(label: $0.name, value: Double($0.total.pence), text: $0.total.wholePounds)
                        }),
            Components.table(caption: "Cost by partnership", headers: [.text("Partnership"), .text("Held meetings"), .text("Person-hours"), .text("Cost of held meetings"),
                                                                       .text("Planned meetings"), .text("Planned cost"), .text("Total")],
                rows: r.partnerships.map { p in
                    let evidence = AnalysisPath.costMeetings.href(q + [("partnership", p.key)])
                    return [.a(.href(evidence), .text(p.name)), .a(.href(evidence), .text("\(p.meetings)")), .text(hours(p.personMinutes)),
                            .text(p.cost.description), .text("\(p.plannedMeetings)"), .text(p.plannedCost.description), .strong(.text(p.total.description))]
                }),
            Components.table(caption: "Cost of held meetings by organisation", headers: [.text("Organisation"), .text("Meetings"), .text("Person-hours"), .text("Cost")],
                rows: r.organisations.map { o in
                    let evidence = AnalysisPath.costMeetings.href(q + [("organisation", o.key.isEmpty ? "none" : o.key)])
                    return [.a(.href(evidence), .text(data.organisationsByKey[o.key]?.name ?? "No organisation")), .text("\(o.meetings)"),
                            .text(hours(o.personMinutes)), .text(o.cost.description)]
                }),
            Components.table(caption: "Cost of held meetings by theme", headers: [.text("Theme"), .text("Meetings"), .text("Cost")],
                rows: r.themes.map { t in
                    [.a(.href(AnalysisPath.costMeetings.href(q + [("theme", t.key.isEmpty ? "none" : t.key)])),
                        .text(t.key.isEmpty ? "No theme" : t.key)), .text("\(t.meetings)"), .text(t.cost.description)]
                }),
            .p(.class("hint"), .text("A theme's share of a meeting follows its agenda time; an organisation's, its people's time. Planned meetings are priced as the partnership's typical meeting and are not split."))))
    }

    /// What was typed into the support form, shown again with its errors.
    struct SupportInput {
        var label: String?
        var minutes: String?
        var salary: String?
    }

    static func costMeetings(context: PageContext, _ r: CostAudit.Report, data: AnalyticsData, asked: Asked, filter: AnalysisPages.CostFilter, mayEdit: Bool,
                             errors: [FieldError] = [], input: SupportInput = SupportInput()) -> Layout {
        var meetings = r.meetings
        var what = "All held meetings"
        if let key = filter.partnership {
            meetings = meetings.filter { $0.partnershipKey == key }
            what = data.partnershipsByKey[key]?.name ?? key
        }
        if let key = filter.organisation {
            let organisation = key == "none" ? nil : key
            meetings = meetings.compactMap { m in
                var m = m
                m.attendees = m.attendees.filter { $0.organisationKey == organisation }
                m.support = []
                return m.attendees.isEmpty ? nil : m
            }
            what = organisation.flatMap { data.organisationsByKey[$0]?.name } ?? "People with no organisation"
        }
        if let theme = filter.theme {
            let wanted = theme == "none" ? "" : theme
            meetings = meetings.filter { m in
                let items = data.itemsByMeeting[m.meetingKey] ?? []
                let fallback = data.partnershipsByKey[m.partnershipKey]?.themes ?? []
                return items.contains { ($0.themes.isEmpty ? (fallback.isEmpty ? [""] : fallback) : $0.themes).contains(wanted) }
                    || (items.isEmpty && (fallback.isEmpty ? [""] : fallback).contains(wanted))
            }
            what = "Meetings with the theme \(wanted.isEmpty ? "none" : wanted)"
        }
        let partnership = filter.partnership.flatMap { key in r.partnerships.first { $0.key == key } }
        let support = filter.partnership.map { key in data.supportCosts.filter { $0.partnershipKey == key } } ?? []
        let total = meetings.map(\.cost).reduce(.zero, +)
        let form = Form(errors: errors)
        return Layout(context: context, title: (errors.isEmpty ? "" : "Error: ") + "Cost: \(what)", breadcrumbs: crumbs() + [("Cost", AnalysisPath.analysis(.cost).href(asked.query))], content: .group(
            form.errorSummary(),
            .heading(what, caption: "Cost of meetings, \(asked.period.description)"),
            .p(.text("\(meetings.count) held meetings, \(hours(meetings.map(\.personMinutes).reduce(0, +))) person-hours, \(total.description)."),
               .unwrap(partnership) { p in .text(p.plannedMeetings > 0 ? " Also \(p.plannedMeetings) planned meetings at about \(p.typicalMeeting.description) each (the typical meeting): \(p.plannedCost.description)." : "") }),
            .forEach(meetings.reversed().prefix(200)) { m in
                .group(
                    .h2(.class("heading-m"), .a(.href(MeetingPath.meeting(m.partnershipKey, m.meetingKey).href), .text("\(m.name), \(m.day.longDescription)"))),
                    Components.table(caption: "\(m.name), \(m.day.longDescription): \(m.cost.description)", headers: [.text("Who"), .text("How"), .text("Minutes"), .text("An hour"), .text("Cost")],
                        rows: m.attendees.map { a in
                            [.a(.href(RegisterPath.person(a.personKey).href), .text(data.personsByKey[a.personKey]?.name ?? a.personKey)),
                             .text(a.status.label + (a.substituteForKey.map { " for \(data.personsByKey[$0]?.name ?? $0)" } ?? "")),
                             .text("\(a.personMinutes)"), .text(Money.format(pence: a.hourlyPence)), .text(a.cost.description)]
                        } + m.support.map { s in [.text(s.label), .text("Support"), .text("\(s.minutes)"), .text(Money.format(pence: s.hourlyPence)), .text(s.cost.description)] },
                        captionVisible: false))
            },
            .if(meetings.count > 200, .p(.text("The latest 200 meetings are shown; the CSV of the cost page has every partnership's totals."))),
            .unwrap(filter.partnership) { key in
                .group(
                    .h2(.id("support"), .text("Support costs")),
                    support.isEmpty ? .p(.text("No support is recorded for this partnership's meetings.")) :
                        Components.table(caption: "Support each meeting needs", headers: [.text("Support"), .text("Minutes a meeting"), .text("Salary")],
                                         rows: support.map { [.text($0.label), .text("\($0.minutesPerMeeting)"), .text($0.salary.map { Money.format(pence: $0 * 100) } ?? "The default salary")] }),
                    .if(mayEdit, .element(named: "details", nodes: [
                        .if(!errors.isEmpty, .attribute(named: "open", value: "open")),
                        .element(named: "summary", nodes: [.text("Add support a meeting needs")]),
                        .postForm(action: AnalysisPath.supportCosts.href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                            .input(.type(.hidden), .name("partnership"), .value(key)),
                            form.textInput("label", "What the support is", input.label, hint: "For example, Secretariat or Analyst"),
                            form.textInput("minutes_per_meeting", "Minutes each meeting takes", input.minutes, hint: "Preparing papers, minuting and follow-up, for example 240", short: true),
                            form.textInput("salary", "Salary, in pounds a year", input.salary, hint: "Leave empty for the default salary", short: true),
                            .button(.type(.submit), .class("button"), .text("Add the support"))),
                    ] as [Node<HTML.BodyContext>])))
            }))
    }

    // MARK: Load

    static func load(context: PageContext, _ r: Load.Report, data: AnalyticsData, asked: Asked) -> Layout {
        let q = asked.query
        let title = "Meeting load"
        let weeks = max(1, r.weeks.count)
        let opcc = data.opccKeys
        let opccPeople = r.persons.filter { $0.organisationKey.map(opcc.contains) == true }.prefix(25)
        return Layout(context: context, title: asked.errors.isEmpty ? title : "Error: \(title)", breadcrumbs: crumbs(), content: .group(
            header(.load, title, asked, path: AnalysisPath.analysis(.load)),
            .p(.text("A person's meetings are those of every partnership they are a member of, and any other they attended. Over-committed means a week with \(r.meetingsThreshold) meetings or more, or \(r.hoursThreshold) hours or more with preparation and travel.")),
            .unwrap(data.pcc) { pcc in
                .p(.a(.href(AnalysisPath.personLoad(pcc.key).href(q)), .text("The PCC's weeks: \(pcc.name)")))
            },
            .if(!opccPeople.isEmpty, .group(
                Charts.heatMap(id: "opcc-heat", title: "The OPCC's weeks", description: "Meetings a week for each person in the PCC's office.",
                               rows: opccPeople.map(\.name), columns: r.weeks.map(shortDay),
                               values: opccPeople.map { p in r.weeks.map { p.weeks[$0]?.meetings ?? 0 } }),
                Components.table(caption: "The OPCC's meetings a week", headers: [.text("Person"), .text("Meetings"), .text("Busiest week"), .text("Over-committed weeks")],
                    rows: opccPeople.map { p in
                        [.a(.href(AnalysisPath.personLoad(p.personKey).href(q)), .text(p.name)), .text("\(p.total.meetings)"),
                         .text(p.busiestWeek.map { "\($0.tally.meetings) in the week of \($0.start.longDescription)" } ?? "–"), .text("\(p.overcommittedWeeks.count)")]
                    }))),
            Charts.bars(id: "load-chart", title: "Meetings a week, the busiest people", description: "Average meetings a week over the period, for the 15 people with the most.",
                        r.persons.prefix(15).map { p in
                            Charts.Bar(label: p.name, value: Double(p.total.meetings) / Double(weeks),
                                       text: Analyses.number(Analyses.rounded(Double(p.total.meetings) / Double(weeks))) + " a week")
                        }),
            Components.table(caption: "People by meetings (\(r.overcommitted.count) over-committed at least once)",
                             headers: [.text("Person"), .text("Organisation"), .text("Meetings"), .text("Attended"), .text("Hours"), .text("A week"), .text("Over-committed weeks")],
                rows: r.persons.prefix(100).map { p in
                    [.a(.href(AnalysisPath.personLoad(p.personKey).href(q)), .text(p.name)),
                     .text(p.organisationKey.flatMap { data.organisationsByKey[$0]?.name } ?? "–"), .text("\(p.total.meetings)"), .text("\(p.total.attended)"),
                     .text(hours(p.total.minutes)), .text(Analyses.number(Analyses.rounded(Double(p.total.meetings) / Double(weeks)))),
                     p.overcommittedWeeks.isEmpty ? .text("0") : .strong(.text("\(p.overcommittedWeeks.count)"))]
                }),
            .if(r.persons.count > 100, .p(.text("The 100 busiest of \(r.persons.count) people are listed; the CSV has everyone."))),
            Components.table(caption: "Organisations", headers: [.text("Organisation"), .text("People"), .text("Meetings"), .text("Hours"), .text("Over-committed people")],
                rows: r.organisations.map { o in
                    [o.key.isEmpty ? .text(o.name) : .a(.href(RegisterPath.organisation(o.key).href), .text(o.name)), .text("\(o.people)"), .text("\(o.total.meetings)"),
                     .text(hours(o.total.minutes)), .text("\(o.overcommittedPeople)")]
                })))
    }

    static func shortDay(_ day: Day) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day.day) \(months[day.month - 1])"
    }

    static func personLoad(context: PageContext, _ person: Person, _ load: Load.PersonLoad?, report: Load.Report, data: AnalyticsData, asked: Asked) -> Layout {
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let weekdays = (load?.days.keys.contains { $0.weekday >= 5 } ?? false) ? 7 : 5
        let meetings = Set(load?.meetingKeys ?? [])
        let rows = data.meetings.filter { meetings.contains($0.key) }
        return Layout(context: context, title: "Load: \(person.name)", breadcrumbs: crumbs() + [("Load", AnalysisPath.analysis(.load).href(asked.query))], content: .group(
            header(nil, person.name, asked, path: AnalysisPath.personLoad(person.key), csv: false),
            .p(.text(load.map { "\($0.total.meetings) meetings (\($0.total.attended) attended), \(hours($0.total.minutes)) hours with preparation and travel; over-committed in \($0.overcommittedWeeks.count) of \(report.weeks.count) weeks." }
                     ?? "No meetings in the period.")),
            Charts.heatMap(id: "person-heat", title: "\(person.name)'s weeks", description: "Meetings each day, one column a week, Monday at the top.",
                           rows: Array(days.prefix(weekdays)), columns: report.weeks.map(shortDay),
                           values: (0..<weekdays).map { d in report.weeks.map { load?.days[$0.adding(days: d)]?.meetings ?? 0 } }),
            Components.table(caption: "Weeks", headers: [.text("Week of"), .text("Meetings"), .text("Hours")],
                rows: report.weeks.compactMap { week in
                    guard let tally = load?.weeks[week] else { return nil }
                    let over = load?.overcommittedWeeks.contains(week) == true
                    return [.text(week.longDescription + (over ? " (over-committed)" : "")), .text("\(tally.meetings)"), .text(hours(tally.minutes))]
                }),
            Components.table(caption: "The meetings", headers: [.text("When"), .text("Meeting"), .text("Partnership"), .text("Attended")],
                rows: rows.map { m in
                    let attended = m.attendance.first { $0.personKey == person.key }
                    return [.text(data.day(of: m).longDescription), .a(.href(MeetingPath.meeting(m.partnershipKey, m.key).href), .text(m.name)),
                            .text(data.partnershipsByKey[m.partnershipKey]?.name ?? m.partnershipKey),
                            .text(attended?.status.label ?? "Not recorded")]
                })))
    }

    // MARK: Attendance

    static func attendance(context: PageContext, _ r: AttendanceQuality.Report, asked: Asked) -> Layout {
        let title = "Attendance quality"
        return Layout(context: context, title: asked.errors.isEmpty ? title : "Error: \(title)", breadcrumbs: crumbs(), content: .group(
            header(.attendance, title, asked, path: AnalysisPath.analysis(.attendance)),
            Components.summaryList([
                ("Held meetings", .text("\(r.overall.meetings)")),
                ("Members' seats", .text("\(r.overall.seats): the member \(percent(r.overall.memberShare)), a substitute \(percent(r.overall.substituteShare)), missed \(percent(r.overall.missedShare))")),
                ("Director or above present", .text(percent(r.overall.seniorShare) + " of meetings")),
                ("Same person as last time", .text(percent(r.overall.consistency) + " of an organisation's consecutive meetings")),
                ("Quorate", .text(percent(r.overall.quorateShare) + " of the meetings with a quorum in their terms of reference")),
            ]),
            Charts.bars(id: "missed-chart", title: "Members' seats missed, by partnership", description: "The share of members' seats neither the member nor a substitute filled, highest first.",
                        r.partnerships.map { p in Charts.Bar(label: p.name, value: p.figures.missedShare ?? 0, text: percent(p.figures.missedShare)) }),
            table(r.partnerships, caption: "By partnership", link: { MeetingPath.meetings($0).href }),
            table(r.organisations, caption: "By organisation", link: { $0.isEmpty ? nil : RegisterPath.organisation($0).href })))
    }

    static func table(_ rows: [AttendanceQuality.Row], caption: String, link: (String) -> String?) -> Node<HTML.BodyContext> {
        Components.table(caption: caption, headers: [.text("Name"), .text("Meetings"), .text("Seats"), .text("Member"), .text("Substitute"), .text("Missed"),
                                                     .text("Director or above"), .text("Same person"), .text("Quorate")],
            rows: rows.map { row in
                let f = row.figures
                return [link(row.key).map { .a(.href($0), .text(row.name)) } ?? .text(row.name), .text("\(f.meetings)"), .text("\(f.seats)"),
                        .text(percent(f.memberShare)), .text(percent(f.substituteShare)), .text(percent(f.missedShare)),
                        .text(percent(f.seniorShare)), .text(percent(f.consistency)), .text(percent(f.quorateShare))]
            })
    }

    // MARK: Delivery

    static func delivery(context: PageContext, _ r: Delivery.Report, data: AnalyticsData, asked: Asked) -> Layout {
        let title = "Delivery"
        // Decisions a month across the landscape.
        var months: [String: (decisions: Int, meetings: Int)] = [:]
        let decided = data.decidedItems
        for meeting in data.meetings where asked.period.contains(data.day(of: meeting)) && data.isHeld(meeting, asOf: min(asked.period.to, asked.today)) {
            let day = data.day(of: meeting)
            let month = String(format: "%04d-%02d", day.year, day.month)
            months[month, default: (0, 0)].meetings += 1
            months[month]!.decisions += (data.itemsByMeeting[meeting.key] ?? []).filter { decided.contains($0.key) }.count
        }
        let series = everyMonth(months)
        let itemMeetings = Dictionary(data.items.map { ($0.key, $0.meetingKey) }, uniquingKeysWith: { a, _ in a })
        return Layout(context: context, title: asked.errors.isEmpty ? title : "Error: \(title)", breadcrumbs: crumbs(), content: .group(
            header(.delivery, title, asked, path: AnalysisPath.analysis(.delivery)),
            Components.summaryList([
                ("Held meetings", .text("\(r.overall.meetings), with \(r.overall.decisions) decisions and \(r.overall.actions) actions raised")),
                ("Actions", .text("\(percent(r.overall.completion)) done, \(percent(r.overall.overdueShare)) overdue (of those not dropped)")),
                ("Agenda time for information", .text(percent(r.overall.informationShare))),
                ("Items that keep coming back undecided", .text("\(r.recurring.count)")),
            ]),
            .if(!series.isEmpty, .group(
                Charts.timeSeries(id: "decisions-chart", title: "Decisions per meeting, month by month",
                                  description: "Decisions recorded per held meeting in each month; a gap is a month with no meetings.",
                                  series.map { month in (AnalysisViews.monthLabel(month.key), month.perMeeting, month.perMeeting.map { Analyses.number(Analyses.rounded($0)) } ?? "no meetings") }),
                Components.table(caption: "Decisions per meeting, month by month", headers: [.text("Month"), .text("Meetings"), .text("Decisions"), .text("Per meeting")],
                                 rows: series.map { month in [.text(AnalysisViews.monthLabel(month.key)), .text("\(month.meetings)"), .text("\(month.decisions)"),
                                                              .text(month.perMeeting.map { Analyses.number(Analyses.rounded($0)) } ?? "–")] }))),
            Components.table(caption: "By partnership, most time for information first", headers: [.text("Partnership"), .text("Meetings"), .text("Decisions a meeting"),
                .text("Actions a meeting"), .text("Actions done"), .text("Overdue"), .text("For information")],
                rows: r.partnerships.map { p in
                    let f = p.figures
                    return [.a(.href(MeetingPath.meetings(p.key).href), .text(p.name)), .text("\(f.meetings)"),
                            .text(f.decisionsPerMeeting.map { Analyses.number(Analyses.rounded($0)) } ?? "–"),
                            .text(f.actionsPerMeeting.map { Analyses.number(Analyses.rounded($0)) } ?? "–"),
                            .a(.href(MeetingPath.actions(p.key).href(["status": "all"])), .text(percent(f.completion))),
                            .a(.href(MeetingPath.actions(p.key).href), .text(percent(f.overdueShare))), .text(percent(f.informationShare))]
                }),
            .h2(.text("Items that come back without a decision")),
            r.recurring.isEmpty ? .p(.text("None: no item came back to half a partnership's meetings without being decided.")) :
                Components.table(caption: "Items at half or more of a partnership's meetings, never decided", headers: [.text("Item"), .text("Partnership"), .text("Meetings")],
                    rows: r.recurring.prefix(200).map { item in
                        let meetings = Set(item.itemKeys.compactMap { itemMeetings[$0] ?? nil })
                        let latest = data.meetings.last { meetings.contains($0.key) }
                        return [latest.map { .a(.href(MeetingPath.meeting(item.partnershipKey, $0.key).href), .text(item.title)) } ?? .text(item.title),
                                .text(data.partnershipsByKey[item.partnershipKey]?.name ?? item.partnershipKey), .text("\(item.meetings) of \(item.of)")]
                    })))
    }

    /// Every month from the first to the last that has meetings, with its decisions per meeting (nil when none met).
    static func everyMonth(_ months: [String: (decisions: Int, meetings: Int)]) -> [(key: String, meetings: Int, decisions: Int, perMeeting: Double?)] {
        guard let first = months.keys.min(), let last = months.keys.max(),
              var year = Int(first.prefix(4)), var month = Int(first.suffix(2)) else { return [] }
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

    // MARK: Triage

    static func triage(context: PageContext, _ r: Triage.Report?, person: Person?, people: [(String, String)], capacity: String, plan: AnalysisPages.SavedPlan?,
                       saved: Bool, mayEdit: Bool, asked: Asked) -> Layout {
        let title = "Triage of invitations"
        let form = Form(errors: asked.errors)
        let extra: Node<HTML.BodyContext> = .group(
            form.select("person", "Whose invitations", person?.key, people),
            form.textInput("capacity", "Meetings a year they can attend", capacity, hint: "For example, 150", short: true))
        return Layout(context: context, title: asked.errors.isEmpty ? title : "Error: \(title)", breadcrumbs: crumbs(), content: .group(
            .if(saved, .div(.class("panel"), .attribute(named: "role", value: "status"), .h2(.text("Plan saved")),
                            .p(.text("The choices below are now the plan of \(person?.name ?? "this person").")))),
            header(.triage, title, asked, path: AnalysisPath.analysis(.triage), extra: extra, csv: false),
            .unwrap(r) { r in
                .group(
                    .p(.a(.href(AnalysisPath.analysis(.triage).href(asked.query + [("person", r.personKey), ("capacity", String(r.capacity)), ("format", "csv")])), .text("Download this table as CSV"))),
                    Components.summaryList([
                        ("Invited to", .text("about \(r.invitedMeetings) meetings a year, of \(r.entries.count) partnerships")),
                        ("Recommended to attend", .text("\(r.attendMeetings) meetings a year, for a capacity of \(r.capacity)" + (r.fits ? "" : ": over capacity, because the meetings chaired or led come first"))),
                    ] + Triage.Recommendation.allCases.map { rec in
                        (rec.label, .text(count(r.entries.filter { $0.recommendation == rec }.count, "partnership")))
                    }),
                    Charts.bars(id: "triage-chart", title: "Meetings a year by recommendation", description: "How many meetings a year each recommendation covers.",
                                Triage.Recommendation.allCases.map { rec in
                                    let n = r.entries.filter { $0.recommendation == rec }.map(\.meetingsPerYear).reduce(0, +)
                                    return Charts.Bar(label: rec.label, value: Double(n), text: "\(n) meetings a year")
                                }),
                    mayEdit
                        ? .postForm(action: AnalysisPath.analysis(.triage).href, context: context, .id("plan"),
                            .input(.type(.hidden), .name("person"), .value(r.personKey)),
                            .input(.type(.hidden), .name("capacity"), .value(String(r.capacity))),
                            .input(.type(.hidden), .name("from"), .value(asked.period.from.description)),
                            .input(.type(.hidden), .name("to"), .value(asked.period.to.description)),
                            recommendations(r, plan: plan, mayEdit: true),
                            .button(.type(.submit), .class("button"), .text("Save as the plan of \(person?.name ?? "this person")")))
                        : .div(.id("plan"), recommendations(r, plan: plan, mayEdit: false)),
                    .unwrap(plan) { plan in
                        .p(.class("hint"), .text("A plan was saved\(plan.updatedAt.map { " on " + WallClock.parts($0).day.longDescription } ?? "") for a capacity of \(plan.capacity); \(overrides(plan))."))
                    })
            }))
    }

    static func recommendations(_ r: Triage.Report, plan: AnalysisPages.SavedPlan?, mayEdit: Bool) -> Node<HTML.BodyContext> {
        Components.table(caption: "Recommendations", headers: [.text("Partnership"), .text("Role"), .text("Meetings a year"), .text("Recommendation"),
                                                              .text("Why"), .text(mayEdit ? "Your choice" : "Plan")],
            rows: r.entries.map { e in
                let chosen = plan?.choices[e.partnershipKey]?.choice ?? e.recommendation
                return [.a(.href(RegisterPath.partnership(e.partnershipKey).href), .text(e.name)), .text(e.roles.joined(separator: ", ")),
                        .text("\(e.meetingsPerYear)"), .strong(.text(e.recommendation.label)),
                        .ul(.class("list"), .forEach(e.reasons) { .li(.text($0)) }),
                        mayEdit ? .select(.id("choice-\(e.partnershipKey)"), .attribute(named: "name", value: "choice-\(e.partnershipKey)"), .class("select"),
                                          .attribute(named: "aria-label", value: "Your choice for \(e.name)"),
                                          .forEach(Triage.Recommendation.allCases) { .choice($0.rawValue, $0.label, selected: $0 == chosen) })
                                : .text(plan?.choices[e.partnershipKey].map { $0.choice.label } ?? "No plan saved")]
            })
    }

    // MARK: Settings

    static func settings(context: PageContext, _ values: [String: String], errors: [FieldError], saved: Bool, mayEdit: Bool) -> Layout {
        let form = Form(errors: errors)
        let defaults = AnalyticsSettings()
        return Layout(context: context, title: errors.isEmpty ? "Analysis settings" : "Error: Analysis settings", breadcrumbs: crumbs(), content: .group(
            form.errorSummary(),
            .if(saved, .div(.class("panel"), .attribute(named: "role", value: "status"), .h2(.text("Settings saved")))),
            .heading("Analysis settings"),
            .p(.text("The assumptions behind the cost and load figures. The defaults come from the reports; change them to your own. "),
               .text("The command line does the same: convene settings set KEY VALUE.")),
            mayEdit ? .postForm(action: AnalysisPath.settings.href, context: context, .attribute(named: "novalidate", value: "novalidate"),
                .forEach(AnalyticsSettings.definitions) { d in
                    form.textInput(d.key, d.label, values[d.key], hint: "In \(d.unit); the default is \(defaults.value(d)). Key: \(d.key)", short: true)
                },
                .button(.type(.submit), .class("button"), .text("Save the settings")))
            : Components.summaryList(AnalyticsSettings.definitions.map { d in (d.label, .text("\(values[d.key] ?? "") \(d.unit)")) })))
    }
}
