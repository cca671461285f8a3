import ConveneDomain
import Foundation
import Plot

/// The sharing pages: the agreements, one agreement, its form; the log of requests with its figures, a request and
/// its answer.
enum SharingPagesView {
    static let crumbs: [(String, String)] = [
        ("Overview", RegisterPath.overview.href), ("Data sharing", SharingPath.agreements.href)
    ]

    static func stateTag(_ a: DataSharingAgreement, on day: Day) -> Node<HTML.BodyContext> {
        let state = a.state(on: day)
        let tag: Node<HTML.BodyContext> =
            switch state {
            case .draft: Components.tag("Draft", "grey")
            case .active: Components.tag("In force", "green")
            case .expired: Components.tag("Expired", "red")
            case .withdrawn: Components.tag("Withdrawn", "grey")
            }
        return .group(
            tag, .if(a.isPastReview(on: day), .group(.text(" "), Components.tag("Past its review date", "red"))))
    }

    static func agreements(_ model: AgreementsModel) -> Layout {
        Layout(
            context: model.context, title: "Data sharing", breadcrumbs: [crumbs[0]],
            content: .group(
                .heading("Data sharing"),
                .p(
                    .text(
                        "The agreements partners share data under, with their legal gateways and review dates, and the log of requests for data. Whether an agreement has expired or is past its review is worked out each day."
                    )),
                .p(
                    .if(
                        model.context.mayEdit,
                        .group(
                            .a(.href(SharingPath.newAgreement.href), .class("button"), .text("Add an agreement")),
                            .text(" "))),
                    .a(.href(SharingPath.requests.href), .class("button button--secondary"), .text("Requests for data"))
                ),
                model.agreements.isEmpty
                    ? .p(.text("There are no agreements yet."))
                    : Components.table(
                        caption: "Data-sharing agreements",
                        headers: [
                            .text("Agreement"), .text("Parties"), .text("Legal gateway"), .text("Review date"),
                            .text("Status")
                        ],
                        rows: model.agreements.map { a in
                            [
                                .a(.href(SharingPath.agreement(a.key).href), .text(a.title)),
                                .text(a.partyKeys.map(model.names.organisation).joined(separator: "; ")),
                                .text(a.legalGateway), Components.text(a.reviewOn?.longDescription, empty: "None set"),
                                stateTag(a, on: model.today)
                            ]
                        })))
    }

    static func agreement(_ model: AgreementModel) -> Layout {
        let a = model.agreement
        return Layout(
            context: model.context, title: a.title, breadcrumbs: crumbs,
            content: .group(
                .heading(a.title, caption: "Data-sharing agreement"),
                .p(stateTag(a, on: model.today)),
                Components.summaryList([
                    (
                        "Parties",
                        .ul(
                            .class("list"),
                            .forEach(a.partyKeys) { key in
                                .li(
                                    .a(.href(RegisterPath.organisation(key).href), .text(model.names.organisation(key)))
                                )
                            })
                    ),
                    (
                        "Serves",
                        a.partnershipKeys.isEmpty
                            ? Components.text(nil, empty: "No partnership named")
                            : .ul(
                                .class("list"),
                                .forEach(a.partnershipKeys) { key in
                                    .li(
                                        .a(
                                            .href(RegisterPath.partnership(key).href),
                                            .text(model.names.partnership(key))))
                                })
                    ),
                    ("Purpose", .text(a.purpose)),
                    ("Data", .text(a.dataCategories.map(\.label).joined(separator: "; "))),
                    ("Lawful basis", .text(LegalGateway.lawfulBasisLabel(a.lawfulBasis))),
                    ("Legal gateway", .text(a.legalGateway)),
                    ("DPIA", Components.text(a.dpiaOn.map { "Done \($0.longDescription)" }, empty: "Not done")),
                    ("Signed", Components.text(a.signedOn?.longDescription, empty: "Not signed")),
                    ("Review date", Components.text(a.reviewOn?.longDescription, empty: "None set")),
                    ("Ends", Components.text(a.endsOn?.longDescription, empty: "No end date")),
                    (
                        "Documents",
                        a.documents.isEmpty
                            ? Components.text(nil, empty: "None linked")
                            : .ul(.class("list"), .forEach(a.documents) { .li(.a(.href($0), .text($0))) })
                    )
                ]),
                .if(
                    model.context.mayEdit,
                    .p(.a(.href(SharingPath.editAgreement(a.key).href), .text("Change the agreement"))))))
    }

    /// The agreements a party's or a partnership's page lists.
    static func section(_ agreements: [DataSharingAgreement], on day: Day) -> Node<HTML.BodyContext> {
        .section(
            .h2(.id("data-sharing"), .text("Data-sharing agreements (\(agreements.count))")),
            agreements.isEmpty
                ? .p(.text("None recorded."))
                : .ul(
                    .class("list"),
                    .forEach(agreements) { a in
                        .li(
                            .a(.href(SharingPath.agreement(a.key).href), .text(a.title)), .text(" "),
                            stateTag(a, on: day))
                    }))
    }

    static func form(_ model: AgreementFormModel) -> Layout {
        let form = Form(errors: model.errors)
        let input = model.input
        let title = model.key == nil ? "Add a data-sharing agreement" : "Change a data-sharing agreement"
        return Layout(
            context: model.context, title: form.title(title), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading(title),
                .postForm(
                    action: model.key.map { SharingPath.editAgreement($0).href } ?? SharingPath.newAgreement.href,
                    context: model.context,
                    form.textInput("title", "Title", input.title),
                    form.checkboxes(
                        "party_keys", "The organisations party to it", input.partyKeys ?? [],
                        model.names.organisationChoices),
                    form.checkboxes(
                        "partnership_keys", "The partnerships it serves", input.partnershipKeys ?? [],
                        model.names.partnershipChoices),
                    form.textArea("purpose", "What the data is shared for", input.purpose),
                    form.checkboxes(
                        "data_categories", "The data shared", input.dataCategories ?? [],
                        DataCategory.allCases.map { ($0.rawValue, $0.label) }),
                    form.select(
                        "lawful_basis", "Lawful basis", input.lawfulBasis,
                        LegalGateway.lawfulBases.map { ($0, LegalGateway.lawfulBasisLabel($0)) }, blank: "Choose"),
                    form.select(
                        "legal_gateway", "Legal gateway", input.legalGateway, LegalGateway.known.map { ($0, $0) },
                        blank: "Another, named below"),
                    form.textInput("other_gateway", "Another legal gateway", input.otherGateway),
                    form.textInput(
                        "dpia_on", "Day of the data protection impact assessment", input.dpiaOn,
                        hint: "For example, 2024-01-31", short: true),
                    form.textInput(
                        "signed_on", "Day signed", input.signedOn, hint: "For example, 2024-02-01", short: true),
                    form.textInput(
                        "review_on", "Review date", input.reviewOn, hint: "For example, 2026-02-01", short: true),
                    form.textInput("ends_on", "End date, if it has one", input.endsOn, short: true),
                    form.radios(
                        "status", "Where it stands", input.status ?? AgreementStatus.draft.rawValue,
                        AgreementStatus.allCases.map { ($0.rawValue, $0.label) }),
                    form.textArea(
                        "documents", "Documents", input.documents,
                        hint: "The addresses of the signed agreement and the DPIA, one a line"),
                    .button(.type(.submit), .class("button"), .text("Save the agreement")))))
    }

    static func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "None yet" }

    static func days(_ value: Double?) -> String {
        value.map { $0 == $0.rounded() ? "\(Int($0))" : String(format: "%.1f", $0) } ?? "None answered"
    }

    static func figures(_ caption: String, _ rows: [RequestAnalysis.Row]) -> Node<HTML.BodyContext> {
        Components.table(
            caption: caption,
            headers: [
                .text("Name"), .text("Requests"), .text("Answered"), .text("Overdue"), .text("Median days to answer"),
                .text("On time"), .text("Refused")
            ],
            rows: rows.map { r in
                [
                    .text(r.name), .text("\(r.requests)"), .text("\(r.answered)"), .text("\(r.overdue)"),
                    .text(days(r.medianDays)), .text(percent(r.onTimeShare)), .text(percent(r.refusedShare))
                ]
            })
    }

    static func requests(_ model: RequestsModel) -> Layout {
        Layout(
            context: model.context, title: "Requests for data", breadcrumbs: crumbs,
            content: .group(
                .heading("Requests for data"),
                .p(
                    .text(
                        "What has been asked of partners, why, under which gateway, and what came of it; below, how each partner and each gateway answers. On time means answered by the day it was due."
                    )),
                .if(
                    model.context.mayEdit,
                    .p(.a(.href(SharingPath.newRequest.href), .class("button"), .text("Log a request")))),
                model.requests.isEmpty
                    ? .p(.text("No requests logged yet."))
                    : .group(
                        figures("By partner", model.report.partners),
                        figures("By legal gateway", model.report.gateways),
                        Components.table(
                            caption: "The log, newest first",
                            headers: [
                                .text("Asked of"), .text("What"), .text("Asked"), .text("Due"), .text("Answer")
                            ],
                            rows: model.requests.map { r in
                                [
                                    .text(model.names.organisation(r.partnerKey)),
                                    .a(.href(SharingPath.request(r.key).href), .text(r.what)),
                                    .text(r.askedOn.longDescription), .text(r.dueBy.longDescription),
                                    r.isOverdue(on: model.today)
                                        ? Components.tag("Overdue", "red")
                                        : Components.text(
                                            r.answeredOn.map {
                                                "\(r.outcome?.label ?? "Answered") \($0.longDescription)"
                                            }, empty: "Not yet due")
                                ]
                            }))))
    }

    static func newRequest(_ model: RequestFormModel) -> Layout {
        let form = Form(errors: model.errors)
        let input = model.input
        let requesters =
            model.names.organisationChoices.map { ("organisation:\($0.0)", $0.1) }
            + model.names.partnershipChoices.map { ("partnership:\($0.0)", "\($0.1) (partnership)") }
        return Layout(
            context: model.context, title: form.title("Log a request for data"), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading("Log a request for data"),
                .postForm(
                    action: SharingPath.newRequest.href, context: model.context,
                    form.select("requester", "Who asks", input.requester, requesters, blank: "Choose"),
                    form.select(
                        "partner_key", "The partner asked", input.partnerKey, model.names.organisationChoices,
                        blank: "Choose"),
                    form.textArea("what", "The data asked for", input.what),
                    form.textArea("purpose", "Why it is wanted", input.purpose, hint: "The partner is shown this"),
                    form.select(
                        "agreement_key", "Under the agreement", input.agreementKey,
                        model.agreements.map { ($0.key, $0.title) }, blank: "No agreement"),
                    form.textInput(
                        "gateway", "Or the legal gateway", input.gateway,
                        hint: "Such as Crime and Disorder Act 1998, section 115"),
                    form.textInput("asked_on", "Asked on", input.askedOn, hint: "For example, 2026-11-02", short: true),
                    form.textInput("due_by", "Due by", input.dueBy, hint: "For example, 2026-11-30", short: true),
                    .button(.type(.submit), .class("button"), .text("Log the request")))))
    }

    static func request(_ model: RequestFormModel) -> Layout {
        let form = Form(errors: model.errors)
        guard let r = model.request else { return newRequest(model) }
        return Layout(
            context: model.context, title: form.title(r.what), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading(r.what, caption: "Request for data"),
                .if(r.isOverdue(on: model.today), .p(Components.tag("Overdue", "red"))),
                Components.summaryList([
                    (
                        "Asked by",
                        .text(
                            r.requesterOrganisationKey.map(model.names.organisation)
                                ?? r.requesterPartnershipKey.map(model.names.partnership) ?? "")
                    ),
                    (
                        "Asked of",
                        .a(
                            .href(RegisterPath.organisation(r.partnerKey).href),
                            .text(model.names.organisation(r.partnerKey)))
                    ),
                    ("Why", .text(r.purpose)),
                    (
                        "Under",
                        .text(
                            r.agreementKey.map { key in model.agreements.first { $0.key == key }?.title ?? key }
                                ?? r.gateway ?? "")
                    ),
                    ("Asked", .text(r.askedOn.longDescription)),
                    ("Due", .text(r.dueBy.longDescription)),
                    (
                        "Answer",
                        Components.text(
                            r.answeredOn.map {
                                "\(r.outcome?.label ?? "Answered"), \($0.longDescription)"
                                    + (r.refusalReason.map { ": \($0)" } ?? "")
                            }, empty: "None yet")
                    )
                ]),
                .if(
                    model.context.mayEdit,
                    .postForm(
                        action: SharingPath.answerRequest(r.key).href, context: model.context,
                        .h2(.class("heading-m"), .text("Record the answer")),
                        form.textInput(
                            "answered_on", "Answered on", model.answer.answeredOn ?? r.answeredOn?.description,
                            hint: "For example, 2026-11-20", short: true),
                        form.radios(
                            "outcome", "What came of it", model.answer.outcome ?? r.outcome?.rawValue,
                            RequestOutcome.allCases.map { ($0.rawValue, $0.label) }),
                        form.textArea(
                            "refusal_reason", "Why it was refused", model.answer.refusalReason ?? r.refusalReason),
                        .button(.type(.submit), .class("button"), .text("Save the answer"))))))
    }

    /// A person's declarations of interest, kept once and shown on every partnership they sit on, and the form
    /// that records another.
    static func interests(_ model: PersonPageModel) -> Node<HTML.BodyContext> {
        let form = Form(errors: model.errors)
        let given = model.declaring
        return .section(
            .h2(.id("interests"), .text("Declared interests (\(model.interests.count))")),
            interestList(
                model.interests.map { (nil, $0) }, names: Dictionary(uniqueKeysWithValues: model.organisations),
                on: model.today),
            .if(
                model.context.mayEdit,
                .postForm(
                    action: SharingPath.declare(model.person.key).href, context: model.context,
                    .h3(.class("heading-m"), .text("Record a declaration")),
                    form.select(
                        "kind", "Kind of interest", given.kind, InterestKind.allCases.map { ($0.rawValue, $0.label) },
                        blank: "Choose"),
                    form.select(
                        "organisation_key", "The organisation it is in (if any)", given.organisationKey,
                        model.organisations, blank: "No organisation in the register"),
                    form.textInput(
                        "matter", "The interest", given.matter,
                        hint: "Such as: Trustee of a local drug and alcohol charity"),
                    form.textInput("from", "From", given.from, hint: "For example, 2025-04-01", short: true),
                    form.textInput("to", "To (if it has ended)", given.to, short: true),
                    .if(
                        model.publicOffice,
                        form.checkboxes(
                            "published", "Publishing", given.published == "yes" ? ["yes"] : [],
                            [("yes", "Publish it on the public pages of the partnerships they sit on")], single: true)),
                    .button(.type(.submit), .class("button button--secondary"), .text("Record the declaration")))))
    }

    /// Declarations, each with its person when given, current ones marked.
    static func interestList(
        _ rows: [((name: String, href: String)?, InterestDeclaration)], names: [String: String], on day: Day
    ) -> Node<HTML.BodyContext> {
        rows.isEmpty
            ? .p(.text("None declared."))
            : .ul(
                .class("list"),
                .forEach(rows) { person, d in
                    .li(
                        .unwrap(person) { .group(.a(.href($0.href), .text($0.name)), .text(": ")) },
                        .text("\(d.kind.label): \(d.matter)"),
                        .unwrap(d.organisationKey) { .text(" (\(names[$0] ?? $0))") },
                        .text(", from \(d.from.longDescription)"),
                        .unwrap(d.to) { .text(" to \($0.longDescription)") },
                        .if(!d.isCurrent(on: day), .group(.text(" "), Components.tag("Ended", "grey"))),
                        .if(d.published, .group(.text(" "), Components.tag("Published", "blue"))))
                })
    }
}
