import ConveneDomain
import Foundation
import Plot

extension CDPViews {
    static func footprints(_ model: FootprintsPageModel) -> Layout {
        let r = model.report
        let title = "CDP footprints"
        let uncovered = r.forceAreas.flatMap(\.uncovered)
        let twice = r.forceAreas.flatMap(\.coveredMoreThanOnce)
        return Layout(
            context: model.context, title: title, breadcrumbs: AnalysisViews.crumbs(),
            content: .group(
                header(.footprints, title, caption: "Councils and ICBs"),
                .p(
                    .class("lead"),
                    .text(
                        "The national guidance asks for every upper-tier council to be covered by a Combating Drugs "
                            + "Partnership (CDP). Councils covered by no CDP: \(uncovered.count); by more than one: "
                            + "\(twice.count). Of \(r.cdps.count) CDPs' footprints, matching an Integrated Care Board "
                            + "(ICB): \(r.count("coterminous")); within one ICB: \(r.count("within-one-icb")); "
                            + "crossing ICB boundaries: \(r.count("crosses-icbs")); not known: \(r.count("unknown"))."
                    )),
                .p(
                    .text(
                        "Upper-tier councils and ICBs come from the ONS lookups imported into Convene; a CDP with no "
                            + "footprint recorded covers nothing here.")),
                Components.table(
                    caption: "Upper-tier councils by force area",
                    headers: [
                        .text("Force area"), .text("CDPs"), .text("Upper-tier councils"), .text("Covered by no CDP"),
                        .text("Covered by more than one"), .text("Partly covered"), .text("CDPs with no footprint")
                    ],
                    rows: r.forceAreas.map { f in
                        [
                            .a(
                                .href(RegisterPath.partnerships.href(["force_area": f.code])),
                                .text("\(f.name) (\(f.code))")),
                            partnerships(f.cdps), .text("\(f.authorities.count)"),
                            areas(f.uncovered.map(\.area)), authorities(f.coveredMoreThanOnce),
                            authorities(f.partlyCovered), partnerships(f.withoutFootprint)
                        ]
                    }),
                Components.table(
                    caption: "Each CDP's footprint against the ICBs",
                    headers: [.text("CDP"), .text("Footprint"), .text("Upper-tier councils"), .text("ICBs")],
                    rows: r.cdps.map { c in
                        [
                            partnership(c.partnership),
                            Components.text(c.footprint.joined(separator: ", "), empty: "None recorded"),
                            areas(c.upperTiers), .text(c.fit.sentence)
                        ]
                    })))
    }

    /// Councils with the CDPs that reach them.
    private static func authorities(_ list: [CDPFootprints.Authority]) -> Node<HTML.BodyContext> {
        list.isEmpty
            ? Components.text(nil, empty: "None")
            : .ul(
                .class("list"),
                .forEach(list) { a in .li(.text("\(a.area.name) (\(a.area.code)): "), partnerships(a.cdps)) })
    }
}
