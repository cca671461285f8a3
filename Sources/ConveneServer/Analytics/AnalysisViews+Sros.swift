import ConveneDomain
import Foundation
import Plot

extension CDPViews {
    static func sros(_ model: SROsPageModel) -> Layout {
        let r = model.report
        let title = "CDP Senior Responsible Owners"
        let governance = r.groups.filter(\.group.isPolicingGovernance)
        let seats = governance.reduce(0) { $0 + $1.seats }
        return Layout(
            context: model.context, title: title, breadcrumbs: AnalysisViews.crumbs(),
            content: .group(
                header(.sros, title, caption: "On \(r.day.longDescription)"),
                .p(
                    .class("lead"),
                    .text(
                        "\(r.cdps.count - r.withoutSRO.count) of \(r.cdps.count) Combating Drugs Partnerships (CDPs) "
                            + "record a Senior Responsible Owner (SRO): \(r.sros.count) SRO seats, \(seats) of them "
                            + "held by the PCC, a deputy or a Deputy Mayor.")),
                Charts.bars(
                    id: "sros-chart", title: "SRO seats by role",
                    description:
                        "Each bar is a group of role titles; its length is the group's share of the SRO seats.",
                    r.groups.map {
                        Charts.Bar(
                            label: $0.group.label, value: $0.share ?? 0,
                            text: "\($0.seats) (\(AnalysisViews.percent($0.share)))")
                    }),
                Components.table(
                    caption: "SROs by role",
                    headers: [.text("Role"), .text("SRO seats"), .text("CDPs"), .text("People"), .text("Share")],
                    rows: r.groups.map { g in
                        [
                            g.seats == 0
                                ? .text(g.group.label) : .a(.href("#group-\(g.group.rawValue)"), .text(g.group.label)),
                            .text("\(g.seats)"),
                            .text("\(g.cdps)"), .text("\(g.holders)"), .text(AnalysisViews.percent(g.share))
                        ]
                    }),
                .forEach(r.groups.filter { $0.seats > 0 }) { g in groupSection(g, r) },
                .h2(.class("heading-m"), .text("CDPs with no SRO recorded (\(r.withoutSRO.count))")),
                r.withoutSRO.isEmpty
                    ? .p(.text("Every CDP records its SRO."))
                    : .ul(.class("list"), .forEach(r.withoutSRO) { .li(partnership($0)) })))
    }

    /// The SROs of one group.
    private static func groupSection(
        _ g: SeniorResponsibleOwners.GroupCount, _ r: SeniorResponsibleOwners.Report
    ) -> Node<HTML.BodyContext> {
        let rows: [[Node<HTML.BodyContext>]] = r.sros.filter { $0.group == g.group }.map(row)
        return .section(
            .id("group-\(g.group.rawValue)"),
            .attribute(named: "aria-labelledby", value: "group-heading-\(g.group.rawValue)"),
            .h2(.class("heading-m"), .id("group-heading-\(g.group.rawValue)"), .text(g.group.label)),
            Components.table(
                caption: "The CDPs whose SRO is in the group \(g.group.label)",
                headers: [.text("CDP"), .text("SRO"), .text("Role title"), .text("Membership")],
                rows: rows, captionVisible: false))
    }

    private static func row(_ s: SeniorResponsibleOwners.SRO) -> [Node<HTML.BodyContext>] {
        let holder: Node<HTML.BodyContext> =
            if let person = s.personKey {
                .a(.href(RegisterPath.person(person).href), .text(s.name))
            } else if let organisation = s.organisationKey {
                .a(.href(RegisterPath.organisation(organisation).href), .text(s.name))
            } else {
                .text(s.name)
            }
        return [
            partnership(NamedPartnership(key: s.partnershipKey, name: s.partnershipName)),
            holder,
            Components.text(s.roleTitle),
            .a(
                .href(RegisterPath.partnership(s.partnershipKey).href(fragment: "members")),
                .text("Membership"), .span(.class("visually-hidden"), .text(" of \(s.name) in \(s.partnershipName)")))
        ]
    }
}
