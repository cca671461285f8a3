import ConveneDomain
import Foundation
import Plot

/// The load analysis's pages.
extension AnalysisViews {
    static func load(_ model: LoadPageModel) -> Layout {
        let (context, asked, r, data) = (model.context, model.asked, model.report, model.data)
        let q = asked.query
        let title = "Meeting load"
        let weeks = max(1, r.weeks.count)
        let opcc = data.opccKeys
        let opccPeople = r.persons.filter { $0.organisationKey.map(opcc.contains) == true }.prefix(25)
        return Layout(
            context: context, title: Form(errors: asked.errors).title(title), breadcrumbs: crumbs(),
            content: .group(
                header(.load, title, asked, path: AnalysisPath.analysis(.load)),
                .p(
                    .text(
                        "A person's meetings are those of every partnership they are a member of, and any other they attended. Over-committed means a week with \(r.meetingsThreshold) meetings or more, or \(r.hoursThreshold) hours or more with preparation and travel."
                    )),
                .unwrap(data.pcc) { pcc in
                    .p(.a(.href(AnalysisPath.personLoad(pcc.key).href(q)), .text("The PCC's weeks: \(pcc.name)")))
                },
                .if(
                    !opccPeople.isEmpty,
                    .group(
                        Charts.heatMap(
                            id: "opcc-heat", title: "The OPCC's weeks",
                            description: "Meetings a week for each person in the PCC's office.",
                            rows: opccPeople.map(\.name), columns: r.weeks.map(shortDay),
                            values: opccPeople.map { p in r.weeks.map { p.weeks[$0]?.meetings ?? 0 } }),
                        Components.table(
                            caption: "The OPCC's meetings a week",
                            headers: [
                                .text("Person"), .text("Meetings"), .text("Busiest week"), .text("Over-committed weeks")
                            ],
                            rows: opccPeople.map { p in
                                [
                                    .a(.href(AnalysisPath.personLoad(p.personKey).href(q)), .text(p.name)),
                                    .text("\(p.total.meetings)"),
                                    .text(
                                        p.busiestWeek.map {
                                            "\($0.tally.meetings) in the week of \($0.start.longDescription)"
                                        } ?? "–"), .text("\(p.overcommittedWeeks.count)")
                                ]
                            }))),
                Charts.bars(
                    id: "load-chart", title: "Meetings a week, the busiest people",
                    description: "Average meetings a week over the period, for the 15 people with the most.",
                    r.persons.prefix(15).map { p in
                        Charts.Bar(
                            label: p.name, value: Double(p.total.meetings) / Double(weeks),
                            text: Analyses.number(Analyses.rounded(Double(p.total.meetings) / Double(weeks)))
                                + " a week")
                    }),
                Components.table(
                    caption: "People by meetings (\(r.overcommitted.count) over-committed at least once)",
                    headers: [
                        .text("Person"), .text("Organisation"), .text("Meetings"), .text("Attended"), .text("Hours"),
                        .text("A week"), .text("Over-committed weeks")
                    ],
                    rows: r.persons.prefix(100).map { p in
                        [
                            .a(.href(AnalysisPath.personLoad(p.personKey).href(q)), .text(p.name)),
                            .text(p.organisationKey.flatMap { data.organisationsByKey[$0]?.name } ?? "–"),
                            .text("\(p.total.meetings)"), .text("\(p.total.attended)"),
                            .text(hours(p.total.minutes)),
                            .text(Analyses.number(Analyses.rounded(Double(p.total.meetings) / Double(weeks)))),
                            p.overcommittedWeeks.isEmpty ? .text("0") : .strong(.text("\(p.overcommittedWeeks.count)"))
                        ]
                    }),
                .if(
                    r.persons.count > 100,
                    .p(.text("The 100 busiest of \(r.persons.count) people are listed; the CSV has everyone."))),
                Components.table(
                    caption: "Organisations",
                    headers: [
                        .text("Organisation"), .text("People"), .text("Meetings"), .text("Hours"),
                        .text("Over-committed people")
                    ],
                    rows: r.organisations.map { o in
                        [
                            o.key.isEmpty
                                ? .text(o.name) : .a(.href(RegisterPath.organisation(o.key).href), .text(o.name)),
                            .text("\(o.people)"), .text("\(o.total.meetings)"),
                            .text(hours(o.total.minutes)), .text("\(o.overcommittedPeople)")
                        ]
                    })))
    }

    static func shortDay(_ day: Day) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day.day) \(months[day.month - 1])"
    }

    static func personLoad(_ model: PersonLoadModel) -> Layout {
        let (context, asked, person, load) = (model.context, model.asked, model.person, model.load)
        let (report, data) = (model.report, model.data)
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let weekdays = (load?.days.keys.contains { $0.weekday >= 5 } ?? false) ? 7 : 5
        let meetings = Set(load?.meetingKeys ?? [])
        let rows = data.meetings.filter { meetings.contains($0.key) }
        return Layout(
            context: context, title: "Load: \(person.name)",
            breadcrumbs: crumbs() + [("Load", AnalysisPath.analysis(.load).href(asked.query))],
            content: .group(
                header(nil, person.name, asked, path: AnalysisPath.personLoad(person.key), csv: false),
                .p(
                    .text(
                        load.map {
                            "\($0.total.meetings) meetings (\($0.total.attended) attended), \(hours($0.total.minutes)) hours with preparation and travel; over-committed in \($0.overcommittedWeeks.count) of \(report.weeks.count) weeks."
                        }
                            ?? "No meetings in the period.")),
                Charts.heatMap(
                    id: "person-heat", title: "\(person.name)'s weeks",
                    description: "Meetings each day, one column a week, Monday at the top.",
                    rows: Array(days.prefix(weekdays)), columns: report.weeks.map(shortDay),
                    values: (0..<weekdays).map { d in report.weeks.map { load?.days[$0.adding(days: d)]?.meetings ?? 0 }
                    }),
                Components.table(
                    caption: "Weeks", headers: [.text("Week of"), .text("Meetings"), .text("Hours")],
                    rows: report.weeks.compactMap { week in
                        guard let tally = load?.weeks[week] else { return nil }
                        let over = load?.overcommittedWeeks.contains(week) == true
                        return [
                            .text(week.longDescription + (over ? " (over-committed)" : "")), .text("\(tally.meetings)"),
                            .text(hours(tally.minutes))
                        ]
                    }),
                Components.table(
                    caption: "The meetings",
                    headers: [.text("When"), .text("Meeting"), .text("Partnership"), .text("Attended")],
                    rows: rows.map { m in
                        let attended = m.attendance.first { $0.personKey == person.key }
                        return [
                            .text(data.day(of: m).longDescription),
                            .a(.href(MeetingPath.meeting(m.partnershipKey, m.key).href), .text(m.name)),
                            .text(data.partnershipsByKey[m.partnershipKey]?.name ?? m.partnershipKey),
                            .text(attended?.status.label ?? "Not recorded")
                        ]
                    })))
    }
}
