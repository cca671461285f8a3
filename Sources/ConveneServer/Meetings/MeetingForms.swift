import ConveneDomain
import Foundation
import Vapor

// What the meeting forms post, parsed into domain values or field errors named as the form names its fields.

struct MeetingFormInput: Content {
    var name: String?
    var date: String?
    var start: String?
    var duration: String?
    var format: String?
    var place: String?
    var onlineURL: String?
    var status: String?
    var jointWith: [String]?

    enum CodingKeys: String, CodingKey {
        case name, date, start, duration, format, place, status
        case onlineURL = "online_url", jointWith = "joint_with"
    }

    init() { status = MeetingStatus.scheduled.rawValue; duration = "120"; format = MeetingFormat.inPerson.rawValue }

    init(_ m: Meeting) {
        let (day, time) = WallClock.parts(m.startsAt)
        name = m.name; date = day.description; start = time; duration = m.durationMinutes.map(String.init)
        format = m.format?.rawValue; place = m.place; onlineURL = m.onlineURL; status = m.status.rawValue;
        jointWith = m.jointWith
    }

    func parse(key: String, partnershipKey: String) -> (Meeting?, [FieldError]) {
        var reader = FormReader()
        let day = reader.day(date, "date", "The date")
        if reader.text(date) == nil { reader.errors.append(FieldError("date", "Enter the date of the meeting")) }
        let minute = WallClock.minutes(reader.text(start))
        if minute == nil {
            reader.errors.append(FieldError("start", "Enter the start time on the 24-hour clock, like 10:00"))
        }
        let length = reader.number(duration, "duration", "The length")
        let format: MeetingFormat? = reader.vocabulary(format, "format", "way of meeting", required: true)
        let status: MeetingStatus? = reader.vocabulary(status, "status", "status", required: true)
        guard let day, let minute, let format, let status else { return (nil, reader.errors) }
        let startsAt = WallClock.instant(day, minute: minute)
        let meeting = Meeting(
            key: key, partnershipKey: partnershipKey, name: reader.text(name) ?? "", startsAt: startsAt,
            endsAt: length.map { startsAt.addingTimeInterval(TimeInterval($0 * 60)) }, status: status, format: format,
            place: reader.text(place), onlineURL: reader.text(onlineURL),
            jointWith: (jointWith ?? []).filter { !$0.isEmpty && $0 != partnershipKey }.sorted())
        // The meeting's rules are the domain's; the form asks for a length where the rules speak of the end.
        let errors = meeting.validateAsScheduled().map {
            $0.field == "ends_at" ? FieldError("duration", $0.message) : $0
        }
        return (meeting, reader.errors + errors)
    }
}

struct SeriesFormInput: Content {
    var name: String?
    var firstDay: String?
    var start: String?
    var duration: String?
    var repeats: String?
    var count: String?
    var rule: String?
    var skipped: String?
    var format: String?
    var place: String?
    var onlineURL: String?

    enum CodingKeys: String, CodingKey {
        case name, start, duration, repeats, count, rule, skipped, format, place
        case firstDay = "first_day", onlineURL = "online_url"
    }

    init() { duration = "120"; repeats = "monthly-1"; count = "12"; format = MeetingFormat.inPerson.rawValue }

    static let repeatChoices: [(String, String)] = [
        ("weekly-1", "Every week"), ("weekly-2", "Every 2 weeks"), ("weekly-4", "Every 4 weeks"),
        ("weekly-6", "Every 6 weeks"),
        ("weekly-8", "Every 8 weeks"), ("monthly-1", "Every month, on the same weekday (like the first Tuesday)"),
        ("monthly-2", "Every 2 months, on the same weekday"), ("monthly-3", "Every 3 months, on the same weekday"),
        ("custom", "As the rule below says")
    ]

    func parse(key: String, partnershipKey: String) -> (MeetingSeries?, Meeting, [FieldError]) {
        var reader = FormReader()
        let day = reader.day(firstDay, "first_day", "The first date")
        if reader.text(firstDay) == nil {
            reader.errors.append(FieldError("first_day", "Enter the date of the first meeting"))
        }
        let minute = WallClock.minutes(reader.text(start))
        if minute == nil {
            reader.errors.append(FieldError("start", "Enter the start time on the 24-hour clock, like 10:00"))
        }
        let length = reader.number(duration, "duration", "The length")
        let format: MeetingFormat? = reader.vocabulary(format, "format", "way of meeting", required: true)
        var skippedDays: [Day] = []
        for text in (reader.text(skipped) ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }) {
            if let d = Day(String(text)) {
                skippedDays.append(d)
            } else {
                reader.errors.append(FieldError("skipped", "'\(text)' is not a date like 2026-12-22"))
            }
        }
        var ruleText = ""
        let choice = reader.text(repeats) ?? ""
        if choice == "custom" {
            ruleText = (reader.text(rule) ?? "").replacingOccurrences(of: "RRULE:", with: "")
            if ruleText.isEmpty {
                reader.errors.append(FieldError("rule", "Write the rule, like FREQ=WEEKLY;INTERVAL=6;COUNT=8"))
            }
        } else if let dash = choice.lastIndex(of: "-"), let interval = Int(choice[choice.index(after: dash)...]) {
            let n = reader.number(count, "count", "The number of meetings")
            if n == nil { reader.errors.append(FieldError("count", "Enter how many meetings the series has")) }
            if let n, !(1...MeetingSeries.maximumMeetings).contains(n) {
                reader.errors.append(
                    FieldError("count", "A series has between 1 and \(MeetingSeries.maximumMeetings) meetings"))
            }
            if choice.hasPrefix("weekly") {
                ruleText = "FREQ=WEEKLY;INTERVAL=\(interval);COUNT=\(n ?? 1)"
            } else if let day {
                let weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][
                    Calendar(identifier: .gregorian)
                        .component(.weekday, from: WallClock.instant(day, minute: 720)) - 1]
                let ordinal = (day.day - 1) / 7 + 1
                ruleText =
                    "FREQ=MONTHLY;INTERVAL=\(interval);BYDAY=\(ordinal == 5 ? -1 : ordinal)\(weekday);COUNT=\(n ?? 1)"
            }
        } else {
            reader.errors.append(FieldError("repeats", "Select how often the series meets"))
        }
        // The template carries the series' format and place, which `MeetingBusiness.scheduleSeries` checks by the
        // meeting rules; its start is never read.
        let template = Meeting(
            key: key, partnershipKey: partnershipKey, name: reader.text(name) ?? "",
            startsAt: Date(timeIntervalSince1970: 0),
            status: .scheduled, format: format, place: reader.text(place), onlineURL: reader.text(onlineURL))
        // Shown with the form's own errors; `MeetingBusiness.scheduleSeries` holds the API to the same rules.
        reader.errors += Meeting.venueErrors(format: format, place: template.place, onlineURL: template.onlineURL)
        guard let day, let minute else { return (nil, template, reader.errors) }
        let series = MeetingSeries(
            key: key, partnershipKey: partnershipKey, name: reader.text(name) ?? "", firstDay: day,
            startMinute: minute, durationMinutes: length ?? 0, rule: ruleText, skippedDays: skippedDays)
        return (series, template, reader.errors)
    }
}

struct ItemFormInput: Content {
    var title: String?
    var kind: String?
    var duration: String?
    var presenterKey: String?
    var themes: [String]?

    enum CodingKeys: String, CodingKey { case title, kind, duration, themes, presenterKey = "presenter_key" }

    init() { kind = AgendaItemKind.discussion.rawValue }

    init(_ item: AgendaItem) {
        title = item.title; kind = item.kind.rawValue; duration = item.durationMinutes.map(String.init)
        presenterKey = item.presenterKey; themes = item.themes
    }

    func parse() -> (MeetingBusiness.ItemInput?, [FieldError]) {
        var reader = FormReader()
        let kind: AgendaItemKind? = reader.vocabulary(kind, "kind", "kind of item", required: true)
        let minutes = reader.number(duration, "duration", "The duration")
        guard let title = reader.text(title) else {
            return (nil, reader.errors + [FieldError("title", "Enter the item's title")])
        }
        guard let kind, reader.errors.isEmpty else { return (nil, reader.errors) }
        return (
            MeetingBusiness.ItemInput(
                title: title, kind: kind, durationMinutes: minutes, presenterKey: reader.text(presenterKey),
                themes: (themes ?? []).filter { !$0.isEmpty }), []
        )
    }
}

struct ActionFormInput: Content {
    var title: String?
    var owner: String?
    var dueOn: String?
    var itemKey: String?
    var meeting: String?

    enum CodingKeys: String, CodingKey { case title, owner, meeting, dueOn = "due_on", itemKey = "item_key" }

    /// `owner` is `person:KEY` or `organisation:KEY`.
    func parse(partnershipKey: String, today: Day) -> (ActionItem, [FieldError]) {
        var reader = FormReader()
        let due = reader.day(dueOn, "due_on", "The due date")
        let owner = reader.text(owner) ?? ""
        let person = owner.hasPrefix("person:") ? String(owner.dropFirst(7)) : nil
        let organisation = owner.hasPrefix("organisation:") ? String(owner.dropFirst(13)) : nil
        let action = ActionItem(
            key: "pending", partnershipKey: partnershipKey, meetingKey: reader.text(meeting),
            itemKey: reader.text(itemKey),
            title: reader.text(title) ?? "", ownerPersonKey: person, ownerOrganisationKey: organisation,
            raisedOn: today, dueOn: due)
        return (action, reader.errors + action.validate())
    }
}
