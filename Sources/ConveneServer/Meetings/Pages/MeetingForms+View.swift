import ConveneDomain
import Plot

enum MeetingFormView {
    static func render(_ model: MeetingFormModel) -> Layout {
        let context = model.context
        let p = model.partnership
        let input = model.input
        let title = model.title
        let form = Form(errors: model.errors)
        return Layout(
            context: context, title: Form(errors: model.errors).title(title),
            breadcrumbs: MeetingParts.crumbs(p),
            content: .group(
                form.errorSummary(),
                .heading(title, caption: p.name),
                .postForm(
                    action: model.action, context: context, .attribute(named: "novalidate", value: "novalidate"),
                    form.textInput("name", "Name", input.name, hint: "For example, Combating Drugs Partnership board"),
                    form.textInput("date", "Date", input.date, hint: "For example, 2026-03-03", short: true),
                    form.textInput(
                        "start", "Start time", input.start,
                        hint: "On the 24-hour clock, London time, like 10:00",
                        short: true),
                    form.textInput(
                        "duration", "Length in minutes", input.duration, hint: "For example, 120", short: true),
                    MeetingParts.meetingFields(
                        form, format: input.format, place: input.place, onlineURL: input.onlineURL),
                    form.radios(
                        "status", "Status", input.status, MeetingStatus.allCases.map { ($0.rawValue, $0.label) }),
                    .detailsElement(
                        "A joint meeting with other partnerships",
                        form.checkboxes("joint_with", "Also a meeting of", input.jointWith ?? [], model.others)),
                    .button(.type(.submit), .class("button"), .text("Save")),
                    .a(.href(MeetingPath.meetings(p.key).href), .class("button button--secondary"), .text("Cancel")))))
    }
}

enum SeriesFormView {
    static func render(_ model: SeriesFormModel) -> Layout {
        let context = model.context
        let p = model.partnership
        let input = model.input
        let form = Form(errors: model.errors)
        let title = "Schedule a series of meetings"
        return Layout(
            context: context, title: Form(errors: model.errors).title(title),
            breadcrumbs: MeetingParts.crumbs(p),
            content: .group(
                form.errorSummary(),
                .heading(title, caption: p.name),
                .p(
                    .text(
                        "Every meeting of the series is scheduled at once, at the same time on London's clock, summer or "
                            + "winter. Scheduling the same series again adds nothing.")),
                .postForm(
                    action: MeetingPath.newSeries(p.key).href, context: context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.textInput(
                        "name", "Name", input.name, hint: "Each meeting is called this. For example, CDP board"),
                    form.textInput(
                        "first_day", "Date of the first meeting", input.firstDay,
                        hint: "For example, 2026-01-06",
                        short: true),
                    form.textInput(
                        "start", "Start time", input.start,
                        hint: "On the 24-hour clock, London time, like 10:00",
                        short: true),
                    form.textInput("duration", "Length in minutes", input.duration, short: true),
                    form.select("repeats", "How often", input.repeats, SeriesFormInput.repeatChoices),
                    form.textInput(
                        "count", "How many meetings", input.count,
                        hint: "Up to \(MeetingSeries.maximumMeetings)",
                        short: true),
                    form.textInput(
                        "rule", "Rule (only for 'as the rule below says')", input.rule,
                        hint: "An iCalendar RRULE with COUNT or UNTIL, for example "
                            + "FREQ=WEEKLY;INTERVAL=6;COUNT=8"),
                    form.textInput(
                        "skipped", "Days without a meeting", input.skipped,
                        hint: "Dates separated by commas, for example 2026-12-22, 2027-04-06"),
                    MeetingParts.meetingFields(
                        form, format: input.format, place: input.place, onlineURL: input.onlineURL),
                    .button(.type(.submit), .class("button"), .text("Schedule the series")),
                    .a(.href(MeetingPath.meetings(p.key).href), .class("button button--secondary"), .text("Cancel")))))
    }
}
