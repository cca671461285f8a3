import ConveneDomain
import Plot

/// Declared interests on a meeting's page, and the form that records a declaration made at it.
enum MeetingInterestsView {
    typealias Body = Node<HTML.BodyContext>

    /// Under an agenda item: whose declared interest it touches and why, so the chair can ask for declarations.
    static func flags(_ flags: [MeetingInterests.Flag], item: String, title: String, record: SharingPath?) -> Body {
        guard !flags.isEmpty else { return .empty }
        return .div(
            .class("warning-text interest-flag"),
            .p(.strong(.text("Declared interests: this item may touch"))),
            .ul(
                .class("list list--bullet"),
                .forEach(flags) { f in
                    .li(
                        .text("\(f.person): \(f.matter) (the item \(f.reason))"),
                        .unwrap(record) { path in
                            .group(
                                .text(" · "),
                                .a(
                                    .href(path.href(["person_key": f.personKey, "item_key": item])),
                                    .text("Record a declaration"),
                                    .span(.class("visually-hidden"), .text(" by \(f.person) on \(title)"))))
                        })
                }))
    }

    /// In the minutes: the declarations made at the meeting.
    static func made(_ interests: MeetingInterests, record: SharingPath?) -> Body {
        .group(
            .h3(.id("declarations"), .class("heading-m"), .text("Declarations of interest")),
            interests.made.isEmpty
                ? .p(.text("No declarations of interest were recorded."))
                : .ul(
                    .class("list list--bullet"),
                    .forEach(interests.made) { m in
                        .li(
                            .text(
                                "\(m.person) declared \(m.declaration.matter)"
                                    + (m.item.map { " on the item \"\($0)\"" } ?? " at the start of the meeting")
                                    + ". \(m.declaration.action.label)."))
                    }),
            .unwrap(record) { path in
                .a(
                    .href(path.href), .class("button button--secondary"),
                    .text("Record a declaration made at the meeting"))
            })
    }

    static func form(_ model: MeetingDeclarationFormModel) -> Layout {
        let form = Form(errors: model.errors)
        let d = model.detail
        let (pk, mk) = (d.meeting.partnershipKey, d.meeting.key)
        let title = "Record a declaration of interest"
        return Layout(
            context: model.context, title: form.title(title),
            breadcrumbs: MeetingParts.crumbs(d.partnership) + [
                (d.meeting.name, MeetingPath.meeting(pk, mk).href)
            ],
            isDemo: d.partnership.isDemo,
            content: .group(
                form.errorSummary(),
                .heading(title, caption: "\(d.meeting.name), \(MeetingParts.day(d.meeting.startsAt))"),
                .p(.text("The declaration becomes part of the meeting's minutes.")),
                .postForm(
                    action: SharingPath.meetingDeclaration(pk, mk).href, context: model.context,
                    form.select("person_key", "Who declared it", model.input.personKey, model.people, blank: "Choose"),
                    form.select(
                        "item_key", "On the item", model.input.itemKey, model.items,
                        blank: "At the start of the meeting"),
                    form.textInput(
                        "matter", "The interest", model.input.matter,
                        hint: "Such as: a trustee of Turning Point, which the item names"),
                    form.radios(
                        "action", "What they did", model.input.action,
                        DeclarationAction.allCases.map { ($0.rawValue, $0.label) }),
                    .button(.type(.submit), .class("button"), .text("Record the declaration")))))
    }
}
