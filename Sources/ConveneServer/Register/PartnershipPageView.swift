import ConveneDomain
import Plot
import Vapor

enum PartnershipPageView {
    /// What the reader may do here: an editor everything; the partnership's secretariat change it, not publish it.
    struct Permissions { var edit: Bool; var publish: Bool }

    static func render(_ model: PartnershipPageModel, isDemo: Bool, may: Permissions) -> Layout {
        let context = model.context
        let p = model.partnership
        let dates: String = {
            switch (p.startedOn, p.endedOn) {
            case (let start?, let end?): "\(start.longDescription) to \(end.longDescription)"
            case (let start?, nil): "Since \(start.longDescription)"
            case (nil, let end?): "Until \(end.longDescription)"
            case (nil, nil): ""
            }
        }()
        return Layout(
            context: context, title: p.name,
            breadcrumbs: [("Overview", RegisterPath.overview.href), ("Partnerships", RegisterPath.partnerships.href)],
            isDemo: isDemo,
            content: .group(
                .heading(p.name, caption: p.type.label),
                .p(
                    PartnershipListView.statusTag(p.status),
                    .if(p.isDemo, .group(.text(" "), Components.tag("Demo data", "blue"))),
                    .text(" "),
                    model.isPublished ? Components.tag("Published", "purple") : Components.tag("Private", "grey")),
                .if(
                    may.edit,
                    .a(
                        .href(RegisterPath.editPartnership(p.key).href), .class("button button--secondary"),
                        .text("Change this partnership"))),
                .a(.href(MeetingPath.meetings(p.key).href), .class("button button--secondary"), .text("Meetings")),
                .a(.href(MeetingPath.actions(p.key).href), .class("button button--secondary"), .text("Action log")),
                .a(
                    .href(ReportPath.reports(p.key).href), .class("button button--secondary"),
                    .text("Progress reports")),
                .a(
                    .href(RegisterPath.history.href(["kind": "partnership", "key": p.key])),
                    .class("button button--secondary"), .text("History")),
                .if(
                    may.publish,
                    .postForm(
                        action: (model.isPublished ? RegisterPath.unpublish(p.key) : RegisterPath.publish(p.key)).href,
                        context: context,
                        .button(
                            .type(.submit), .class("button button--secondary"),
                            .text(
                                model.isPublished
                                    ? "Unpublish (take off the public pages)"
                                    : "Publish (show its public fields to anyone)")))),
                Components.summaryList([
                    ("Type", .text(p.type.label)),
                    ("Status", .group(.text(p.status.label), .if(!dates.isEmpty, .text(" – \(dates)")))),
                    ("Police force area", Components.text(model.forceArea)),
                    ("Purpose", Components.text(p.purpose)),
                    ("Statutory basis", Components.text(p.statutoryBasis, empty: "Not statutory, or not recorded")),
                    ("Themes", Components.text(p.themes.joined(separator: ", "), empty: "None recorded")),
                    ("PCC's role", Components.text(p.pccRoles.map(\.label).joined(separator: ", "), empty: "None")),
                    ("Meets", Components.text(p.meetingFrequency?.label)),
                    (
                        "Secretariat",
                        model.secretariat.map { Components.link($0.name, $0.href) } ?? Components.text(nil)
                    ),
                    ("Identifier", .code(.text(p.key)))
                ]),
                .if(
                    model.hasGuidance,
                    .p(
                        .a(
                            .href(GuidancePath.milestones(p.key).href),
                            .text("Guidance milestones for this partnership")))),
                members(model, edit: may.edit),
                structure(model),
                footprint(model),
                terms(model, edit: may.edit),
                SharingPagesView.section(model.agreements, on: model.today),
                .section(
                    .h2(.id("interests"), .text("Declared interests of its members (\(model.interests.count))")),
                    SharingPagesView.interestList(model.interests, names: [:], on: model.today))
            ))
    }

    private static func memberRows(
        _ members: [PartnershipPageModel.Member], partnership: String, past: Bool,
        edit: Bool
    ) -> [[Node<HTML.BodyContext>]] {
        members.map { m in
            [
                .group(
                    .a(.href(m.href), .text(m.name)),
                    .unwrap(m.roleTitle) { title in
                        title == m.name ? .empty : .group(.br(), .span(.class("body-s"), .text(title)))
                    }),
                .text(m.role.label + (m.voting ? " (voting)" : "")),
                m.represents.map { Components.link($0.name, $0.href) } ?? Components.text(nil, empty: "–"),
                m.substitute.map { Components.link($0.name, $0.href) } ?? Components.text(nil, empty: "None named"),
                .text(
                    past
                        ? "\(m.startedOn?.longDescription ?? "?") to \(m.endedOn?.longDescription ?? "?")"
                        : m.startedOn.map { "Since \($0.longDescription)" } ?? ""),
                edit
                    ? .a(
                        .href(RegisterPath.editMember(partnership, member: m.key).href),
                        .text("Change"), .span(.class("visually-hidden"), .text(" the membership of \(m.name)")))
                    : .empty
            ]
        }
    }

    private static func members(_ model: PartnershipPageModel, edit: Bool) -> Node<HTML.BodyContext> {
        let headers: [Node<HTML.BodyContext>] = [
            .text("Member"), .text("Role"), .text("Represents"), .text("Named substitute"), .text("Dates"),
            .span(.class("visually-hidden"), .text("Actions"))
        ]
        let key = model.partnership.key
        return .section(
            .attribute(named: "aria-labelledby", value: "members"),
            .h2(.id("members"), .text("Members (\(model.current.count))")),
            .if(
                edit,
                .a(.href(RegisterPath.newMember(key).href), .class("button button--secondary"), .text("Add a member"))),
            model.current.isEmpty
                ? .p(.text("No current members are recorded."))
                : Components.table(
                    caption: "Current members", headers: headers,
                    rows: memberRows(model.current, partnership: key, past: false, edit: edit), captionVisible: false),
            .if(
                !model.past.isEmpty,
                .detailsElement(
                    "Past members (\(model.past.count))",
                    Components.table(
                        caption: "Past members", headers: headers,
                        rows: memberRows(model.past, partnership: key, past: true, edit: edit), captionVisible: false)))
        )
    }

    private static func structure(_ model: PartnershipPageModel) -> Node<HTML.BodyContext> {
        let below = model.incoming.filter {
            $0.kind == .reportsTo || $0.kind == .subGroupOf || $0.kind == .deliveryArmOf
        }
        let others =
            model.outgoing.filter { !$0.kind.isHierarchical }
            + model.incoming.filter { $0.kind == .mergedInto || $0.kind == .replacedBy }
        return .section(
            .attribute(named: "aria-labelledby", value: "structure"),
            .h2(.id("structure"), .text("Where it sits")),
            .h3(.text("Reports up to")),
            model.chain.isEmpty
                ? .p(.text("It does not report to another partnership in the register."))
                : .ol(
                    .class("list"),
                    .forEach(model.chain) { link in
                        .li(
                            .text("\(link.kind.label): "),
                            .a(.href(RegisterPath.partnership(link.key).href), .text(link.name)))
                    }),
            .h3(.text("Below it")),
            below.isEmpty
                ? .p(.text("No partnerships report to it."))
                : .ul(
                    .forEach(below.sorted { $0.name < $1.name }) { link in
                        .li(
                            .a(.href(RegisterPath.partnership(link.key).href), .text(link.name)),
                            .text(" (\(link.kind.label.lowercased()) this partnership)"))
                    }),
            .if(
                !others.isEmpty,
                .group(
                    .h3(.text("Other relations")),
                    .ul(
                        .forEach(model.outgoing.filter { !$0.kind.isHierarchical }) { link in
                            .li(
                                .text("\(link.kind.label) "),
                                .a(.href(RegisterPath.partnership(link.key).href), .text(link.name)))
                        },
                        .forEach(model.incoming.filter { $0.kind == .mergedInto || $0.kind == .replacedBy }) { link in
                            .li(
                                .a(.href(RegisterPath.partnership(link.key).href), .text(link.name)),
                                .text(" was \(link.kind.label.lowercased()) this partnership"))
                        }))))
    }

    private static func footprint(_ model: PartnershipPageModel) -> Node<HTML.BodyContext> {
        let f = model.footprint
        func names(_ areas: [Area]) -> Node<HTML.BodyContext> {
            areas.isEmpty
                ? Components.text(nil, empty: "None found")
                : .text(areas.map { "\($0.name) (\($0.code))" }.joined(separator: "; "))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "footprint"),
            .h2(.id("footprint"), .text("Footprint")),
            model.footprintNames.isEmpty
                ? .p(.text("No footprint is recorded."))
                : Components.summaryList(
                    [
                        ("Chosen areas", .text(model.footprintNames.joined(separator: "; "))),
                        ("Police force areas", names(f.policeForceAreas)),
                        ("Upper-tier councils", names(f.upperTierAuthorities)),
                        ("Integrated care boards (ICBs)", names(f.integratedCareBoards)),
                        ("Districts", .text("\(f.districts.count)"))
                    ] + (model.icbFit.map { [("Against the ICB boundaries", icbFitNode($0))] } ?? [])))
    }

    /// A CDP's footprint against the ICBs, in words and as a tag, with the analysis of every CDP a link away.
    private static func icbFitNode(_ fit: ICBFit) -> Node<HTML.BodyContext> {
        let colour =
            switch fit {
            case .coterminous: "green"
            case .within: "blue"
            case .crossing: "yellow"
            case .unknown: "grey"
            }
        return .group(
            Components.tag(fit.label, colour),
            .text(" \(fit.sentence). "),
            .a(.href(AnalysisPath.analysis(.footprints).href), .text("Every CDP's footprint")))
    }

    private static func terms(_ model: PartnershipPageModel, edit: Bool) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "terms"),
            .h2(.id("terms"), .text("Terms of reference")),
            .if(
                edit,
                .a(
                    .href(RegisterPath.newTermsOfReference(model.partnership.key).href),
                    .class("button button--secondary"),
                    .text("Add a version of the terms of reference"))),
            model.terms.isEmpty
                ? .p(.text("No terms of reference are recorded."))
                : Components.table(
                    caption: "Versions of the terms of reference",
                    headers: [
                        .text("Version"), .text("Approved"), .text("Review"), .text("Quorum"), .text("Meets"),
                        .text("Purpose")
                    ],
                    rows: model.terms.map { t in
                        let review: Node<HTML.BodyContext> =
                            switch t.reviewState(on: model.today) {
                            case .due:
                                .group(.text(t.reviewDue!.longDescription + " "), Components.tag("Review due", "red"))
                            case .dueSoon:
                                .group(
                                    .text(t.reviewDue!.longDescription + " "),
                                    Components.tag("Review due soon", "yellow"))
                            case .notDue: .text(t.reviewDue!.longDescription)
                            case .notSet: Components.text(nil, empty: "No review date")
                            }
                        return [
                            .text("\(t.version)"), Components.text(t.approvedOn?.longDescription), review,
                            Components.text(t.quorum.map(String.init)), Components.text(t.meetingFrequency?.label),
                            Components.text(t.purpose)
                        ]
                    }, captionVisible: false))
    }
}
