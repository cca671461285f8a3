import ConveneDomain
import Foundation
import Plot

enum AttendanceFormView {
    typealias Body = Node<HTML.BodyContext>

    static let statusChoices: [(String, String)] = [
        ("present", "Present"), ("present-online", "Present online"), ("substitute", "Sent a substitute"),
        ("apologies", "Apologies"), ("absent", "Absent")
    ]

    static func render(_ model: AttendanceFormModel) -> Layout {
        let context = model.context
        let d = model.detail
        let persons = model.persons
        let form = Form(errors: model.errors)
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        let base = MeetingPath.meeting(pk, mk).href
        let everyone = (d.members + d.others).compactMap(\.attendance)
        func value(_ name: String, _ stored: String?) -> String? { model.posted.map { $0[name] } ?? stored }
        func minutes(_ n: Int?) -> String? { n.map(String.init) }
        let memberKeys = Set(d.members.map(\.person.key))
        let others = d.others.filter { $0.attendance?.status != .substitute }
        let whole = "Minutes there, if not the whole meeting"
        return Layout(
            context: context, title: Form(errors: model.errors).title("Record attendance"),
            breadcrumbs: MeetingParts.crumbs(d.partnership) + [(d.meeting.name, base)],
            content: .group(
                form.errorSummary(),
                .heading(
                    "Record attendance",
                    caption: "\(d.meeting.name), \(WallClock.describe(d.meeting.startsAt, d.meeting.endsAt))"),
                .p(
                    .text(
                        "Preparation and travel time, in minutes, are used to work out what the meeting cost; so "
                            + "is the time "
                            + "there of anyone who was there for part of the meeting only.")),
                .postForm(
                    action: MeetingPath.meeting(pk, mk, .attendance).href, context: context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    .forEach(d.members) { row in
                        let key = row.person.key
                        let stored = everyone.first { $0.personKey == key }
                        let substitute = everyone.first { $0.status == .substitute && $0.substituteForKey == key }
                        let status = stored.map { substitute != nil ? "substitute" : $0.status.rawValue }
                        let times = substitute ?? stored
                        let legend = row.person.name + (row.role.map { ", \($0)" } ?? "")
                        return .element(
                            named: "fieldset",
                            nodes: [
                                .class("fieldset"),
                                .element(named: "legend", nodes: [.class("heading-s"), .text(legend)] as [Body]),
                                form.select(
                                    "status-\(key)", "Attendance", value("status-\(key)", status), statusChoices,
                                    blank: "Not recorded"),
                                form.select(
                                    "substitute-\(key)", "Substitute (who attended in their place)",
                                    value("substitute-\(key)", substitute?.personKey ?? row.namedSubstitute?.key),
                                    persons.filter { !memberKeys.contains($0.0) || $0.0 != key }, blank: "Nobody",
                                    hint: row.namedSubstitute.map { "Named substitute: \($0.name)" }),
                                form.textInput(
                                    "preparation-\(key)", "Preparation (minutes)",
                                    value("preparation-\(key)", minutes(times?.preparationMinutes)), short: true),
                                form.textInput(
                                    "travel-\(key)", "Travel (minutes)",
                                    value("travel-\(key)", minutes(times?.travelMinutes)), short: true),
                                form.textInput(
                                    "attended-\(key)", whole,
                                    value("attended-\(key)", minutes(times?.attendedMinutes)), short: true)
                            ] as [Body])
                    },
                    .h2(.text("Others in attendance")),
                    .p(
                        .text(
                            "Officers, guests and anyone else who is not a member. They do not count towards the "
                                + "quorum.")),
                    .forEach(1...5) { n in
                        let stored = others.indices.contains(n - 1) ? others[n - 1] : nil
                        let a = stored?.attendance
                        return .element(
                            named: "fieldset",
                            nodes: [
                                .class("fieldset"),
                                .element(
                                    named: "legend", nodes: [.class("heading-s"), .text("Other person \(n)")] as [Body]),
                                form.select(
                                    "other-\(n)", "Person", value("other-\(n)", stored?.person.key), persons,
                                    blank: "Nobody"),
                                form.select(
                                    "other-status-\(n)", "Attendance", value("other-status-\(n)", a?.status.rawValue),
                                    Array(statusChoices.filter { $0.0 != "substitute" })),
                                form.textInput(
                                    "preparation-other-\(n)", "Preparation (minutes)",
                                    value("preparation-other-\(n)", minutes(a?.preparationMinutes)), short: true),
                                form.textInput(
                                    "travel-other-\(n)", "Travel (minutes)",
                                    value("travel-other-\(n)", minutes(a?.travelMinutes)), short: true),
                                form.textInput(
                                    "attended-other-\(n)", whole,
                                    value("attended-other-\(n)", minutes(a?.attendedMinutes)), short: true)
                            ] as [Body])
                    },
                    .button(.type(.submit), .class("button"), .text("Save attendance")),
                    .a(.href(base), .class("button button--secondary"), .text("Cancel")))))
    }
}

enum MinutesFormView {
    static func render(_ model: MinutesFormModel) -> Layout {
        let context = model.context
        let d = model.detail
        let text = model.text
        let form = Form(errors: model.errors)
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        let base = MeetingPath.meeting(pk, mk).href
        let state = d.minutes?.state ?? .draft
        let later = model.laterMeetings
        return Layout(
            context: context, title: Form(errors: model.errors).title("Minutes"),
            breadcrumbs: MeetingParts.crumbs(d.partnership) + [(d.meeting.name, base)],
            content: .group(
                form.errorSummary(),
                .heading(
                    "Minutes",
                    caption: "\(d.meeting.name), \(WallClock.describe(d.meeting.startsAt, d.meeting.endsAt))"),
                .p(MeetingParts.minutesTag(d.minutes?.state)),
                .p(
                    .text(
                        "Minutes are written as a draft, approved (normally at the next meeting), then locked. "
                            + "Locked minutes "
                            + "cannot be changed; a correction is added as a dated addendum.")),
                .if(
                    state == .draft,
                    .group(
                        .postForm(
                            action: MeetingPath.meeting(pk, mk, .minutes).href, context: context,
                            .attribute(named: "novalidate", value: "novalidate"),
                            form.textArea(
                                "text", "Minutes", text ?? d.minutes?.text,
                                hint: "Decisions and attendance are recorded on the meeting page and are part "
                                    + "of the minutes"),
                            .button(.type(.submit), .class("button"), .text("Save the draft"))),
                        .if(
                            d.minutes != nil,
                            .postForm(
                                action: MeetingPath.meeting(pk, mk, .approveMinutes).href,
                                context: context,
                                form.select(
                                    "at_meeting", "Approved at", later.dropFirst().first?.key,
                                    later.map { ($0.key, "\($0.name), \(MeetingParts.day($0.startsAt))") },
                                    blank: "Not at a meeting"),
                                .button(
                                    .type(.submit), .class("button button--secondary"), .text("Approve the minutes")))))
                ),
                .if(
                    state != .draft,
                    .div(
                        .class("minutes-text"),
                        .forEach((d.minutes?.text ?? "").components(separatedBy: "\n\n")) { .p(.text($0)) })),
                .if(
                    state == .approved,
                    .postForm(
                        action: MeetingPath.meeting(pk, mk, .lockMinutes).href, context: context,
                        .p(.text("Locking makes the minutes final.")),
                        .button(.type(.submit), .class("button button--warning"), .text("Lock the minutes")))),
                .if(
                    state == .locked,
                    .group(
                        .forEach(d.minutes?.addenda ?? []) { a in
                            .div(
                                .class("inset-text"), .p(.strong(.text("Addendum, \(a.on.longDescription)"))),
                                .p(.text(a.text)))
                        },
                        .postForm(
                            action: MeetingPath.meeting(pk, mk, .addenda).href, context: context,
                            .attribute(named: "novalidate", value: "novalidate"),
                            form.textArea(
                                "text", "Add an addendum, dated \(model.today.longDescription)", text,
                                hint: "A correction to the locked minutes"),
                            .button(.type(.submit), .class("button button--secondary"), .text("Add the addendum"))))),
                .p(.a(.href(base), .text("Back to the meeting")))))
    }
}
