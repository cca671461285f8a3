import ConveneDomain
import Foundation
import Plot

/// The network's directory of partnership leads and its library of templates.
enum NetworkViews {
    typealias Body = Node<HTML.BodyContext>

    static let crumbs: [(label: String, href: String)] = [
        ("Overview", RegisterPath.overview.href), ("The network", RegisterPath.network.href)
    ]

    static func leads(_ model: LeadsModel) -> Layout {
        let named = model.rows.filter { $0.lead != nil }.count
        return Layout(
            context: model.context, title: "Partnership leads", breadcrumbs: crumbs,
            content: .group(
                .heading("Partnership leads", caption: "The network"),
                .p(
                    .class("lead"),
                    .text(
                        "Who leads on partnerships in each force area: an office or a role title, and the organisation it sits in. A person is named only when they hold a public office."
                    )),
                .p(
                    .attribute(named: "role", value: "status"),
                    .text("\(named) of \(model.rows.count) force areas name a lead.")),
                .if(
                    model.context.mayEdit,
                    .a(
                        .href(NetworkPath.ourLead.href), .class("button button--secondary"),
                        .text("Name our partnership lead"))),
                Components.table(
                    caption: "Partnership leads by force area",
                    headers: [.text("Force area"), .text("Lead"), .text("Organisation"), .text("Contact")],
                    rows: model.rows.map { row in
                        guard let lead = row.lead else {
                            return [
                                .text(row.forceArea), Components.text(nil, empty: "None named"), .text(""), .text("")
                            ]
                        }
                        return [
                            .text(row.forceArea),
                            .text(row.holder.map { "\(lead.office) (\($0))" } ?? lead.office),
                            .text(lead.organisation),
                            lead.contact.map { contact in
                                contact.hasPrefix("https://")
                                    ? Components.link(contact, contact) : Components.link(contact, "mailto:\(contact)")
                            } ?? Components.text(nil, empty: "None given")
                        ]
                    }, captionVisible: false)))
    }

    static func leadForm(_ model: LeadFormModel) -> Layout {
        let form = Form(errors: model.errors)
        let title = "Name our partnership lead"
        return Layout(
            context: model.context, title: form.title(title),
            breadcrumbs: crumbs + [("Partnership leads", NetworkPath.leads.href)],
            content: .group(
                form.errorSummary(),
                .heading(title),
                .p(
                    .text(
                        "The directory shows this to every workspace in the network. Give an office or a role title; a person is named only when they hold a public office."
                    )),
                .postForm(
                    action: NetworkPath.ourLead.href, context: model.context,
                    form.select(
                        "force_area_code", "Police force area", model.input.forceAreaCode, model.forceAreas,
                        blank: model.forceAreas.count == 1 ? nil : "Choose"),
                    form.textInput(
                        "office", "Office or role title", model.input.office,
                        hint: "Such as: Head of Partnerships and Commissioning"),
                    form.textInput(
                        "organisation", "Organisation", model.input.organisation,
                        hint: "Such as: Office of the Police and Crime Commissioner for Kent"),
                    form.select(
                        "holder_key", "Held by (a person in public office only)", model.input.holderKey,
                        model.holders, blank: "Nobody named"),
                    form.textInput(
                        "contact", "Contact", model.input.contact,
                        hint: "A team's shared mailbox or a web page, not a person's own address"),
                    .button(.type(.submit), .class("button"), .text("Save"))),
                .if(
                    model.hasLead,
                    .postForm(
                        action: NetworkPath.ourLead.href, context: model.context,
                        .input(.type(.hidden), .name("remove"), .value("yes")),
                        .button(
                            .type(.submit), .class("button button--secondary"),
                            .text("Name no lead: take ours out of the directory"))))))
    }

    static func library(_ model: LibraryModel) -> Layout {
        let form = Form(errors: model.errors)
        return Layout(
            context: model.context, title: form.title("The library"), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading("The library", caption: "The network"),
                .p(
                    .class("lead"),
                    .text(
                        "Terms of reference and surveys that workspaces share, for any workspace to copy into its own, and the guidance task lists every workspace follows."
                    )),
                .h2(.class("heading-l"), .text("Shared by workspaces (\(model.items.count))")),
                model.items.isEmpty
                    ? .p(.text("Nothing has been shared yet."))
                    : Components.table(
                        caption: "Shared by workspaces",
                        headers: [.text("Template"), .text("Kind"), .text("Shared by"), .text("Shared on")],
                        rows: model.items.map { s in
                            [
                                .a(
                                    .href(NetworkPath.libraryItem(workspace: s.workspace, s.item.key).href),
                                    .text(s.item.title)),
                                .text(s.item.kind.label), .text(s.workspaceName),
                                .text(WallClock.day(of: s.sharedAt).longDescription)
                            ]
                        }, captionVisible: false),
                .h2(.class("heading-l"), .text("Guidance task lists")),
                .p(
                    .text(
                        "Every workspace's partnerships follow these; a partnership's task list is on its page. Administrators add versions on the guidance page."
                    )),
                .ul(
                    .class("list list--bullet"),
                    .forEach(model.guidance) { g in .li(.text("\(g.title), version \(g.version)")) }),
                .p(.a(.href(GuidancePath.templates.href), .text("The guidance templates"))),
                .h2(.class("heading-l"), .text("Surveys that come with Convene")),
                .ul(
                    .class("list list--bullet"),
                    .forEach(model.surveyTemplates) { t in
                        .li(.text("\(t.title) (\(t.questions.count) questions)"))
                    }),
                .p(.a(.href(SurveyPath.newSurvey.href), .text("Start a survey from one"))),
                .if(
                    model.context.mayEdit,
                    .postForm(
                        action: NetworkPath.share.href, context: model.context,
                        .h2(.class("heading-l"), .text("Share one of ours")),
                        model.sources.isEmpty
                            ? .p(.text("This workspace has no survey and no terms of reference to share yet."))
                            : .group(
                                form.select(
                                    "source", "What to share", model.input.source, model.sources, blank: "Choose"),
                                form.textArea(
                                    "note", "A note for other workspaces (optional)", model.input.note,
                                    hint: "What it is for, and how it has worked for you"),
                                .button(
                                    .type(.submit), .class("button button--secondary"), .text("Share with the network"))
                            )
                    ))))
    }

    static func item(_ model: LibraryItemModel) -> Layout {
        let form = Form(errors: model.errors)
        let s = model.shared
        let item = s.item
        return Layout(
            context: model.context, title: form.title(item.title),
            breadcrumbs: crumbs + [("The library", NetworkPath.library.href)],
            content: .group(
                form.errorSummary(),
                .heading(item.title, caption: item.kind.label),
                Components.summaryList([
                    ("Shared by", .text(s.workspaceName)),
                    ("Shared on", .text(WallClock.day(of: s.sharedAt).longDescription)),
                    ("Note", Components.text(item.note, empty: "None"))
                ]),
                .unwrap(item.terms) { t in
                    .group(
                        .h2(.class("heading-m"), .text("The terms")),
                        Components.summaryList([
                            ("Purpose", Components.text(t.purpose)),
                            ("Quorum", Components.text(t.quorum.map { "\($0) members" })),
                            ("Meets", Components.text(t.meetingFrequency?.label))
                        ]))
                },
                .unwrap(item.survey) { survey in
                    .group(
                        .h2(.class("heading-m"), .text("The questions (\(survey.questions.count))")),
                        .unwrap(survey.introduction) { .p(.text($0)) },
                        .ol(.class("list list--number"), .forEach(survey.questions) { q in .li(.text(q.text)) }))
                },
                .if(
                    model.context.mayEdit,
                    .postForm(
                        action: NetworkPath.copy(workspace: s.workspace, item.key).href, context: model.context,
                        .h2(.class("heading-m"), .text("Copy it into our workspace")),
                        item.kind == .termsOfReference
                            ? .group(
                                form.select(
                                    "partnership_key", "The partnership they are for", model.partnershipKey,
                                    model.partnerships, blank: "Choose"),
                                .p(.text("They become its next version of terms of reference, not yet approved.")))
                            : .p(.text("It becomes a new draft survey of ours, to change before it is sent.")),
                        .button(.type(.submit), .class("button"), .text("Copy")))),
                .if(
                    model.context.mayEdit && model.isOwn,
                    .postForm(
                        action: NetworkPath.withdraw(item.key).href, context: model.context,
                        .button(
                            .type(.submit), .class("button button--secondary"),
                            .text("Take it out of the library"))))))
    }
}
