import ConveneDomain
import Foundation
import Plot

/// The cost analysis's pages.
extension AnalysisViews {
    static func cost(_ model: CostPageModel) -> Layout {
        let (context, asked, r, data) = (model.context, model.asked, model.report, model.data)
        let q = asked.query
        let title = "Cost of meetings"
        return Layout(
            context: context, title: Form(errors: asked.errors).title(title), breadcrumbs: crumbs(),
            content: .group(
                header(.cost, title, asked, path: AnalysisPath.analysis(.cost)),
                Components.summaryList([
                    (
                        "Held meetings",
                        .a(
                            .href(AnalysisPath.costMeetings.href(q)),
                            .text(
                                "\(r.heldMeetings) meetings, \(hours(r.personMinutes)) person-hours, \(r.heldCost.description)"
                            ))
                    ),
                    (
                        "Planned meetings",
                        .text(
                            r.plannedCost == .zero
                                ? "None priced"
                                : "\(r.partnerships.map(\.plannedMeetings).reduce(0, +)) meetings, about \(r.plannedCost.description)"
                        )
                    ),
                    ("Total", .strong(.text(r.total.description))),
                    (
                        "Assumptions",
                        .group(
                            .text(
                                "\(r.settings.hoursPerYear) working hours a year; \(r.settings.preparationMinutes) minutes of preparation and travel when none is recorded; "
                            ),
                            .a(.href(AnalysisPath.settings.href), .text("change the settings")))
                    )
                ]),
                Charts.bars(
                    id: "cost-chart", title: "Cost by partnership",
                    description:
                        "The cost of each partnership's meetings in the period, held and planned, largest first.",
                    r.partnerships.filter { $0.total > .zero }.map {
                        Charts.Bar(label: $0.name, value: Double($0.total.pence), text: $0.total.wholePounds)
                    }),
                Components.table(
                    caption: "Cost by partnership",
                    headers: [
                        .text("Partnership"), .text("Held meetings"), .text("Person-hours"),
                        .text("Cost of held meetings"),
                        .text("Planned meetings"), .text("Planned cost"), .text("Total")
                    ],
                    rows: r.partnerships.map { p in
                        let evidence = AnalysisPath.costMeetings.href(q + [("partnership", p.key)])
                        return [
                            .a(.href(evidence), .text(p.name)), .a(.href(evidence), .text("\(p.meetings)")),
                            .text(hours(p.personMinutes)),
                            .text(p.cost.description), .text("\(p.plannedMeetings)"), .text(p.plannedCost.description),
                            .strong(.text(p.total.description))
                        ]
                    }),
                Components.table(
                    caption: "Cost of held meetings by organisation",
                    headers: [.text("Organisation"), .text("Meetings"), .text("Person-hours"), .text("Cost")],
                    rows: r.organisations.map { o in
                        let evidence = AnalysisPath.costMeetings.href(
                            q + [("organisation", o.key.isEmpty ? "none" : o.key)])
                        return [
                            .a(.href(evidence), .text(data.organisationsByKey[o.key]?.name ?? "No organisation")),
                            .text("\(o.meetings)"),
                            .text(hours(o.personMinutes)), .text(o.cost.description)
                        ]
                    }),
                Components.table(
                    caption: "Cost of held meetings by theme",
                    headers: [.text("Theme"), .text("Meetings"), .text("Cost")],
                    rows: r.themes.map { t in
                        [
                            .a(
                                .href(AnalysisPath.costMeetings.href(q + [("theme", t.key.isEmpty ? "none" : t.key)])),
                                .text(t.key.isEmpty ? "No theme" : t.key)), .text("\(t.meetings)"),
                            .text(t.cost.description)
                        ]
                    }),
                .p(
                    .class("hint"),
                    .text(
                        "A theme's share of a meeting follows its agenda time; an organisation's, its people's time. Planned meetings are priced as the partnership's typical meeting and are not split."
                    ))))
    }

    /// What was typed into the support form, shown again with its errors.
    struct SupportInput {
        var label: String?
        var minutes: String?
        var salary: String?
    }

    static func costMeetings(_ model: CostMeetingsModel) -> Layout {
        let (context, asked, r, data) = (model.context, model.asked, model.report, model.data)
        let (filter, mayEdit, errors, input) = (model.filter, model.mayEdit, model.errors, model.input)
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
                return items.contains {
                    ($0.themes.isEmpty ? (fallback.isEmpty ? [""] : fallback) : $0.themes).contains(wanted)
                }
                    || (items.isEmpty && (fallback.isEmpty ? [""] : fallback).contains(wanted))
            }
            what = "Meetings with the theme \(wanted.isEmpty ? "none" : wanted)"
        }
        let partnership = filter.partnership.flatMap { key in r.partnerships.first { $0.key == key } }
        let support = filter.partnership.map { key in data.supportCosts.filter { $0.partnershipKey == key } } ?? []
        let total = meetings.map(\.cost).reduce(.zero, +)
        let form = Form(errors: errors)
        return Layout(
            context: context, title: Form(errors: errors).title("Cost: \(what)"),
            breadcrumbs: crumbs() + [("Cost", AnalysisPath.analysis(.cost).href(asked.query))],
            content: .group(
                form.errorSummary(),
                .heading(what, caption: "Cost of meetings, \(asked.period.description)"),
                .p(
                    .text(
                        "\(meetings.count) held meetings, \(hours(meetings.map(\.personMinutes).reduce(0, +))) person-hours, \(total.description)."
                    ),
                    .unwrap(partnership) { p in
                        .text(
                            p.plannedMeetings > 0
                                ? " Also \(p.plannedMeetings) planned meetings at about \(p.typicalMeeting.description) each (the typical meeting): \(p.plannedCost.description)."
                                : "")
                    }),
                .forEach(meetings.reversed().prefix(200)) { m in
                    .group(
                        .h2(
                            .class("heading-m"),
                            .a(
                                .href(MeetingPath.meeting(m.partnershipKey, m.meetingKey).href),
                                .text("\(m.name), \(m.day.longDescription)"))),
                        Components.table(
                            caption: "\(m.name), \(m.day.longDescription): \(m.cost.description)",
                            headers: [.text("Who"), .text("How"), .text("Minutes"), .text("An hour"), .text("Cost")],
                            rows: m.attendees.map { a in
                                [
                                    .a(
                                        .href(RegisterPath.person(a.personKey).href),
                                        .text(data.personsByKey[a.personKey]?.name ?? a.personKey)),
                                    .text(
                                        a.status.label
                                            + (a.substituteForKey.map { " for \(data.personsByKey[$0]?.name ?? $0)" }
                                                ?? "")),
                                    .text("\(a.personMinutes)"), .text(Money.format(pence: a.hourlyPence)),
                                    .text(a.cost.description)
                                ]
                            }
                                + m.support.map { s in
                                    [
                                        .text(s.label), .text("Support"), .text("\(s.minutes)"),
                                        .text(Money.format(pence: s.hourlyPence)), .text(s.cost.description)
                                    ]
                                },
                            captionVisible: false))
                },
                .if(
                    meetings.count > 200,
                    .p(
                        .text(
                            "The latest 200 meetings are shown; the CSV of the cost page has every partnership's totals."
                        ))),
                .unwrap(filter.partnership) { key in
                    .group(
                        .h2(.id("support"), .text("Support costs")),
                        support.isEmpty
                            ? .p(.text("No support is recorded for this partnership's meetings."))
                            : Components.table(
                                caption: "Support each meeting needs",
                                headers: [.text("Support"), .text("Minutes a meeting"), .text("Salary")],
                                rows: support.map {
                                    [
                                        .text($0.label), .text("\($0.minutesPerMeeting)"),
                                        .text($0.salary.map { Money.format(pence: $0 * 100) } ?? "The default salary")
                                    ]
                                }),
                        .if(
                            mayEdit,
                            .element(
                                named: "details",
                                nodes: [
                                    .if(!errors.isEmpty, .attribute(named: "open", value: "open")),
                                    .element(named: "summary", nodes: [.text("Add support a meeting needs")]),
                                    .postForm(
                                        action: AnalysisPath.supportCosts.href, context: context,
                                        .attribute(named: "novalidate", value: "novalidate"),
                                        .input(.type(.hidden), .name("partnership"), .value(key)),
                                        form.textInput(
                                            "label", "What the support is", input.label,
                                            hint: "For example, Secretariat or Analyst"),
                                        form.textInput(
                                            "minutes_per_meeting", "Minutes each meeting takes", input.minutes,
                                            hint: "Preparing papers, minuting and follow-up, for example 240",
                                            short: true),
                                        form.textInput(
                                            "salary", "Salary, in pounds a year", input.salary,
                                            hint: "Leave empty for the default salary", short: true),
                                        .button(.type(.submit), .class("button"), .text("Add the support")))
                                ] as [Node<HTML.BodyContext>])))
                }))
    }
}
