import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

struct ReviewListModel {
    var context: PageContext
    var reviews: [ReviewStore.Summary]
}

/// A new review: its title, period, the partnerships it covers (none: all) and the survey it draws on.
struct NewReviewModel {
    struct Input: Content {
        var title: String?
        var from: String?
        var to: String?
        var partnerships: [String]?
        var survey: String?

        init() {}
    }

    var context: PageContext
    var input: Input
    var errors: [FieldError]
    var partnerships: [(key: String, name: String)]
    var surveys: [(key: String, title: String)]

    static func load(context: PageContext, input: Input? = nil, errors: [FieldError] = [], in scope: Scope)
        async throws -> NewReviewModel
    {
        let today = scope.now.today
        var given = input ?? Input()
        if input == nil {
            // A year to yesterday, as most reviews look back.
            given.from = today.adding(days: -365).description
            given.to = today.adding(days: -1).description
        }
        async let partnerships = PartnershipRecord.query(in: scope).sort(\.$name).all()
        async let surveys = SurveyRecord.query(in: scope).sort(\.$title).all()
        return NewReviewModel(
            context: context, input: given, errors: errors,
            partnerships: try await partnerships.map { ($0.key, $0.name) },
            surveys: try await surveys.map { ($0.key, $0.title) })
    }
}

struct ReviewPageModel {
    var context: PageContext
    var review: ReviewStore.Review
    var errors: [FieldError] = []
    /// The workspace's key, for the published report's address.
    var workspaceKey = ""

    static func load(key: String, context: PageContext, errors: [FieldError] = [], in scope: Scope) async throws
        -> ReviewPageModel
    {
        async let review = ReviewStore.review(key, in: scope)
        async let workspace = WorkspaceRecord.find(scope.workspaceID, on: scope.db)
        return ReviewPageModel(
            context: context, review: try await review, errors: errors, workspaceKey: try await workspace?.key ?? "")
    }
}

/// The reviewer's decision on one partnership's recommendation.
struct DecisionModel {
    struct Input: Content {
        var decision: String?
        var mergeWith: String?
        var rationale: String?

        enum CodingKeys: String, CodingKey {
            case decision, rationale
            case mergeWith = "merge_with"
        }
    }

    var context: PageContext
    var review: ReviewStore.Review
    var item: ReviewItem
    var partnerships: [(key: String, name: String)]
    var input: Input
    var errors: [FieldError]
}

enum ReviewPagesView {
    static let crumbs: [(String, String)] = [
        ("Overview", RegisterPath.overview.href), ("Reviews", ReviewPath.reviews.href)
    ]

    static func statusTag(_ status: ReviewStatus) -> Node<HTML.BodyContext> {
        Components.tag(status.label, status == .published ? "green" : status == .draft ? "grey" : "blue")
    }

    static func list(_ model: ReviewListModel) -> Layout {
        Layout(
            context: model.context, title: "Reviews", breadcrumbs: [crumbs[0]],
            content: .group(
                .heading("Reviews of the partnership system"),
                .p(
                    .text(
                        "A review gathers each partnership's cost, time, attendance, delivery, overlap, duplication and alignment over a period, with what partners said in a survey, and proposes to continue, reform, merge or discontinue each. The reviewer decides, and the report can be published."
                    )),
                .if(
                    model.context.mayEdit,
                    .p(.a(.href(ReviewPath.newReview.href), .class("button"), .text("Start a review")))),
                model.reviews.isEmpty
                    ? .p(.text("There are no reviews yet."))
                    : Components.table(
                        caption: "Reviews, newest first",
                        headers: [.text("Review"), .text("Period"), .text("Status")],
                        rows: model.reviews.map { r in
                            [
                                .a(.href(ReviewPath.review(r.key).href), .text(r.title)),
                                .text("\(r.from.longDescription) to \(r.to.longDescription)"), statusTag(r.status)
                            ]
                        })))
    }

    static func newReview(_ model: NewReviewModel) -> Layout {
        let form = Form(errors: model.errors)
        let input = model.input
        return Layout(
            context: model.context, title: form.title("Start a review"), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading("Start a review"),
                .postForm(
                    action: ReviewPath.newReview.href, context: model.context,
                    .attribute(named: "novalidate", value: "novalidate"),
                    form.textInput(
                        "title", "Title", input.title, hint: "For example, Review of the partnership system 2026"),
                    form.textInput("from", "Start of the period", input.from, hint: "yyyy-mm-dd", short: true),
                    form.textInput("to", "End of the period", input.to, hint: "yyyy-mm-dd", short: true),
                    form.checkboxes(
                        "partnerships", "Partnerships", input.partnerships ?? [],
                        model.partnerships.map { ($0.key, $0.name) }),
                    .p(.class("hint"), .text("Choose none to review the whole landscape.")),
                    .if(
                        !model.surveys.isEmpty,
                        form.select(
                            "survey", "Survey of partners", input.survey, model.surveys.map { ($0.key, $0.title) },
                            blank: "None")),
                    .button(.type(.submit), .class("button"), .text("Make the review")))))
    }

    static func choiceText(_ choice: ReviewChoice, _ review: ReviewStore.Review) -> String {
        switch choice {
        case .merge(let other): "Merge with \(review.names[other] ?? other)"
        default: choice.label
        }
    }

    static func show(_ model: ReviewPageModel) -> Layout {
        let r = model.review
        let s = r.summary
        let form = Form(errors: model.errors)
        let mayDecide = model.context.mayEdit && [.draft, .consultation].contains(s.status)
        let undecided = r.items.filter { $0.decided == nil }.count
        return Layout(
            context: model.context, title: form.title(s.title), breadcrumbs: crumbs,
            content: .group(
                form.errorSummary(),
                .heading(s.title, caption: "Review"),
                Components.summaryList([
                    ("Status", statusTag(s.status)),
                    ("Period", .text("\(s.from.longDescription) to \(s.to.longDescription)")),
                    (
                        "Partnerships",
                        .text(
                            s.partnerships == nil ? "The whole landscape (\(r.items.count))" : "\(r.items.count) chosen"
                        )
                    ),
                    (
                        "Survey",
                        s.survey.map { .a(.href(SurveyPath.results($0).href), .text(r.survey?.survey.title ?? $0)) }
                            ?? .text("None")
                    ),
                    ("Decided", .text("\(r.items.count - undecided) of \(r.items.count) recommendations")),
                    (
                        "Report",
                        .group(
                            .a(.href(ReviewPath.report(s.key).href), .text("The report")), .text(" · "),
                            .a(.href(ReviewPath.reportPDF(s.key).href), .text("PDF")),
                            .if(
                                s.status == .published,
                                .group(
                                    .text(" · "),
                                    .a(
                                        .href(ReviewPath.published(workspace: model.workspaceKey, s.key).href),
                                        .text("On the public site")))))
                    )
                ]),
                .unwrap(s.status.next) { next in
                    .if(
                        model.context.mayEdit,
                        .postForm(
                            action: ReviewPath.status(s.key).href, context: model.context,
                            .input(.type(.hidden), .name("status"), .value(next.rawValue)),
                            .button(.type(.submit), .class("button"), .id("status"), .text(advanceLabel(next)))))
                },
                .h2(.class("heading-l"), .text("Recommendations")),
                .forEach(r.items) { item in recommendation(item, r, mayDecide: mayDecide) }))
    }

    static func advanceLabel(_ status: ReviewStatus) -> String {
        switch status {
        case .draft: "Back to draft"
        case .consultation: "Put the review out to consultation"
        case .final: "Make the review final"
        case .published: "Publish the report"
        }
    }

    static func recommendation(_ item: ReviewItem, _ r: ReviewStore.Review, mayDecide: Bool) -> Node<HTML.BodyContext> {
        let name = r.names[item.partnershipKey] ?? item.partnershipKey
        return .section(
            .id("p-\(item.partnershipKey)"), .class("review-item"),
            .h3(.class("heading-m"), .a(.href(RegisterPath.partnership(item.partnershipKey).href), .text(name))),
            Components.summaryList([
                ("Proposed", .text(choiceText(item.proposed, r))),
                (
                    "Decision",
                    item.decided.map { d in
                        .group(
                            Components.tag(
                                d == item.proposed ? "Confirmed" : "Changed", d == item.proposed ? "green" : "yellow"),
                            .text(" \(choiceText(d, r))"))
                    } ?? Components.tag("Not decided", "grey")
                ),
                ("Rationale", Components.text(item.rationale, empty: "None yet")),
                (
                    "In the register",
                    r.changes[item.partnershipKey].map { .a(.href($0), .text("Carried out: see the change")) }
                        ?? .text("Not carried out")
                )
            ]),
            .ul(
                .class("list list--bullet"),
                .forEach(item.reasons) { reason in
                    .li(
                        .text(reason.sentence), .text(" "),
                        .span(
                            .class("secondary-text"), .text("Evidence: "),
                            .forEach(Array(reason.evidence.enumerated())) { index, e in
                                .group(
                                    .if(index > 0, .text("; ")),
                                    r.links[e].map { .a(.href($0), .text(e.label)) } ?? .text(e.label))
                            }))
                }),
            .if(
                mayDecide,
                .p(
                    .a(
                        .href(ReviewPath.decision(r.summary.key, partnership: item.partnershipKey).href),
                        .class("button button--secondary"),
                        .text(item.decided == nil ? "Confirm or change" : "Change the decision"),
                        .span(.class("visually-hidden"), .text(" for \(name)"))))))
    }

    static func decision(_ model: DecisionModel) -> Layout {
        let form = Form(errors: model.errors)
        let r = model.review
        let name = r.names[model.item.partnershipKey] ?? model.item.partnershipKey
        return Layout(
            context: model.context, title: form.title("Decide: \(name)"),
            breadcrumbs: crumbs + [(r.summary.title, ReviewPath.review(r.summary.key).href)],
            content: .group(
                form.errorSummary(),
                .heading("Confirm or change the recommendation", caption: name),
                .p(.text("Proposed by the rules: "), .strong(.text(choiceText(model.item.proposed, r)))),
                .ul(.class("list list--bullet"), .forEach(model.item.reasons) { .li(.text($0.sentence)) }),
                .postForm(
                    action: ReviewPath.decision(r.summary.key, partnership: model.item.partnershipKey).href,
                    context: model.context, .attribute(named: "novalidate", value: "novalidate"),
                    form.radios(
                        "decision", "Decision", model.input.decision,
                        [
                            ("continue", "Continue"), ("reform", "Reform"), ("merge", "Merge with another partnership"),
                            ("discontinue", "Discontinue")
                        ]),
                    form.select(
                        "merge_with", "Merge with", model.input.mergeWith, model.partnerships.map { ($0.key, $0.name) },
                        blank: "Choose a partnership", hint: "Only for a merge"),
                    form.textArea(
                        "rationale", "Rationale", model.input.rationale,
                        hint: "Why, in a sentence or two: it is kept with the decision and published in the report"),
                    .button(.type(.submit), .class("button"), .text("Save the decision")),
                    .p(.a(.href(ReviewPath.review(r.summary.key).href), .text("Cancel"))))))
    }
}
