import ConveneDomain
import Fluent
import Foundation
import Plot
import Vapor

/// The reporting lines of the register as a picture laid out by Graphviz, with the same structure as a list.
struct LandscapePictureModel {
    /// Who is asking, and the form token of the page's forms.
    var context: PageContext
    var graph: LandscapeGraph
    var svg: String?
    var dotMissing: Bool
    /// Graphviz ran but drew nothing (it failed, or gave up after 20 seconds): the list still shows the structure.
    var dotFailed = false
    var forceArea: String?
    var forceAreas: [(code: String, name: String)]
    var isDemo: Bool
    /// Whether shared members are drawn over the structure (`?overlay=overlap`).
    var overlay: Bool
    /// For one force area with CDPs: the councils its CDPs leave uncovered or cover twice, and their ICB fit.
    var cdpFootprints: CDPFootprints.ForceArea? = nil
    var cdpFits: [CDPFootprints.CDP] = []

    /// Pairs of partnerships sharing at least this share of the smaller one's people are drawn; fewer would crowd the picture.
    static let overlayThreshold = 0.5

    static func load(
        forceArea: String?, overlay: Bool = false, dotPath: String?, context: PageContext, in scope: Scope,
        threadPool: NIOThreadPool, only: Set<String>? = nil
    ) async throws -> LandscapePictureModel {
        var query = PartnershipRecord.query(in: scope).field(\.$id).field(\.$key).field(\.$name).field(\.$type)
            .field(\.$forceAreaCode)
        if let forceArea, !forceArea.isEmpty { query = query.filter(\.$forceAreaCode == forceArea) }
        if let only { query = query.filter(\.$key ~~ Array(only)) }
        let records = try await query.all()
        let keys = Dictionary(records.map { ($0.id!, $0.key) }, uniquingKeysWith: { a, _ in a })
        let relations = try await RelationRecord.query(in: scope).all().compactMap { r -> PartnershipRelation? in
            guard let from = keys[r.$from.id], let to = keys[r.$to.id], let kind = RelationKind(rawValue: r.kind) else {
                return nil
            }
            return PartnershipRelation(from, kind, to)
        }
        let areas = try await AreaRecord.query(on: scope.db).filter(\.$kind == AreaKind.policeForceArea.rawValue).sort(
            \.$name
        ).all()
        // Each force area is drawn as its own box of partnerships.
        let areaNames = Dictionary(areas.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let nodes = records.map { record in
            LandscapeGraph.Node(
                key: record.key, name: record.name, type: PartnershipType(rawValue: record.type) ?? .forum,
                group: record.forceAreaCode.map { areaNames[$0] ?? $0 } ?? "No force area")
        }
        var graph = LandscapeGraph(nodes: nodes, relations: relations)
        if overlay {
            let today = scope.now.today
            let data = try await AnalyticsStore.load(in: scope, period: Period(from: today, to: today), needs: [])
            let shown = Set(keys.values)
            graph.sharedMembers = MembershipOverlap.run(data, on: today).pairs.filter {
                $0.people.overlap >= overlayThreshold && shown.contains($0.aKey) && shown.contains($0.bKey)
            }.map {
                LandscapeGraph.SharedMembers(
                    aKey: $0.aKey, bKey: $0.bKey, shared: $0.people.shared.count, overlap: $0.people.overlap)
            }
        }
        // A configured path that is not there counts as missing, like no dot on the PATH.
        let dot = (dotPath ?? Graphviz.find()).flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
        var svg: String?
        if let dot, !graph.nodes.isEmpty {
            svg = try await Graphviz.svg(
                graph.dot { RegisterPath.partnership($0).href }, dot: dot, threadPool: threadPool)
        }
        var cdpFootprints: CDPFootprints.ForceArea?
        var cdpFits: [CDPFootprints.CDP] = []
        if let forceArea, !forceArea.isEmpty, graph.nodes.contains(where: { $0.type == .combatingDrugsPartnership }) {
            let report = CDPFootprints.run(try await CDPStore.load(in: scope))
            cdpFootprints = report.forceAreas.first { $0.code == forceArea }
            cdpFits = report.cdps.filter { $0.forceAreaCode == forceArea }
        }
        return LandscapePictureModel(
            context: context, graph: graph, svg: svg, dotMissing: dot == nil,
            dotFailed: dot != nil && !graph.nodes.isEmpty && svg == nil, forceArea: forceArea,
            forceAreas: areas.map { ($0.code, $0.name) },
            isDemo: context.isDemo, overlay: overlay, cdpFootprints: cdpFootprints,
            cdpFits: cdpFits)
    }
}

enum Graphviz {
    /// `dot` on the PATH, if installed.
    static func find(path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") -> String? {
        path.split(separator: ":").map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `dot -Tsvg` off the event loop; gives up after 20 seconds so a huge graph cannot hang a request. Nil when
    /// it fails or gives up. The graph goes in as a file: a `dot` that exits without reading a pipe would break it
    /// under the writer (a broken pipe stopped the whole test process once).
    static func svg(_ source: String, dot: String, threadPool: NIOThreadPool) async throws -> String? {
        try await threadPool.runIfActive {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("convene-graph-\(UUID()).gv")
            try Data(source.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: dot)
            process.arguments = ["-Tsvg", file.path]
            let output = Pipe()
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: timer)
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            timer.cancel()
            guard process.terminationStatus == 0, var svg = String(data: data, encoding: .utf8) else { return nil }
            // Inline SVG needs no XML prolog or DOCTYPE.
            if let start = svg.range(of: "<svg") { svg = String(svg[start.lowerBound...]) }
            return svg
        }
    }
}

enum LandscapePictureView {
    /// The force area's CDP footprints: councils covered by no CDP or by several, and each CDP against the ICBs.
    static func cdpFootprints(_ area: CDPFootprints.ForceArea, _ cdps: [CDPFootprints.CDP]) -> Node<HTML.BodyContext> {
        let named = { (a: CDPFootprints.Authority) in "\(a.area.name) (\(a.area.code))" }
        let councils = { (list: [CDPFootprints.Authority]) in
            list.isEmpty ? "None" : list.map(named).joined(separator: "; ")
        }
        return .group(
            .h2(.id("cdp-footprints"), .text("CDP footprints")),
            Components.summaryList([
                ("Upper-tier councils covered by no CDP", .text(councils(area.uncovered))),
                ("Covered by more than one CDP", .text(councils(area.coveredMoreThanOnce))),
                (
                    "CDPs with no footprint recorded",
                    .text(
                        area.withoutFootprint.isEmpty
                            ? "None" : area.withoutFootprint.map(\.name).joined(separator: "; "))
                )
            ]),
            .ul(
                .class("list"),
                .forEach(cdps) { cdp in
                    .li(
                        .a(.href(RegisterPath.partnership(cdp.partnership.key).href), .text(cdp.partnership.name)),
                        .text(": \(cdp.fit.sentence)."))
                }),
            .p(.a(.href(AnalysisPath.analysis(.footprints).href), .text("Every force area's CDP footprints"))))
    }

    static func render(_ model: LandscapePictureModel) -> Layout {
        let context = model.context
        func tree(_ trees: [LandscapeGraph.Tree]) -> Node<HTML.BodyContext> {
            .ul(
                .class("tree"),
                .forEach(trees) { t in
                    .li(
                        .a(.href(RegisterPath.partnership(t.node.key).href), .text(t.node.name)),
                        .unwrap(t.relation) { r in
                            r == .reportsTo ? .empty : .span(.class("body-s"), .text(" (\(r.label.lowercased()))"))
                        },
                        .if(!t.children.isEmpty, tree(t.children)))
                })
        }
        return Layout(
            context: context, title: "Landscape picture", breadcrumbs: [("Overview", RegisterPath.overview.href)],
            isDemo: model.isDemo,
            content: .group(
                .heading("Landscape picture"),
                .p(
                    .text(
                        "Each box is a partnership, drawn within its police force area; arrows point up to the partnership it reports to. Dashed arrows are sub-groups and delivery arms. Select a box to open its page."
                    )),
                .getForm(
                    action: RegisterPath.landscape.href, .class("filters"),
                    .div(
                        .class("form-group"),
                        .label(.for("force_area"), .class("label"), .text("Police force area")),
                        .select(
                            .id("force_area"), .attribute(named: "name", value: "force_area"), .class("select"),
                            .choice("", "All"),
                            .forEach(model.forceAreas) {
                                .choice($0.code, $0.name, selected: $0.code == model.forceArea)
                            })),
                    Form(errors: []).checkboxes(
                        "overlay", "Overlay", model.overlay ? ["overlap"] : [],
                        [("overlap", "Show partnerships sharing at least half of their members")], single: true),
                    .div(
                        .class("form-group"), .button(.type(.submit), .class("button button--secondary"), .text("Show"))
                    )),
                .if(
                    model.dotMissing,
                    .div(
                        .class("inset"),
                        .p(
                            .text(
                                "The picture needs Graphviz, which is not installed on this server. Install it (on Debian or Ubuntu: "
                            ),
                            .code(.text("apt-get install graphviz")),
                            .text(") and reload this page. The structure is shown as a list below.")))),
                .if(
                    model.dotFailed,
                    .div(
                        .class("inset"),
                        .p(
                            .text(
                                "Graphviz could not lay out this picture (it failed, or gave up after 20 seconds). "
                                    + "The structure is shown as a list below; choose one police force area for a "
                                    + "smaller picture.")))),
                .unwrap(model.svg) { svg in
                    .element(
                        named: "figure",
                        nodes: [
                            .class("picture"), .attribute(named: "aria-labelledby", value: "picture-caption"),
                            .raw(svg),
                            .element(
                                named: "figcaption",
                                nodes: [
                                    .id("picture-caption"), .class("body-s"),
                                    .text(
                                        "Reporting lines of \(model.graph.nodes.count) partnerships. The list below gives the same structure as text."
                                    )
                                ] as [Node<HTML.BodyContext>])
                        ] as [Node<HTML.BodyContext>])
                },
                .if(
                    model.overlay,
                    .group(
                        .h2(.id("shared-members"), .text("Shared members")),
                        model.graph.sharedMembers.isEmpty
                            ? .p(.text("No two partnerships share half of their members."))
                            : Components.table(
                                caption:
                                    "Partnerships sharing at least half of the smaller one's people (the red lines)",
                                headers: [.text("Partnerships"), .text("People shared"), .text("Overlap")],
                                rows: model.graph.sharedMembers.map { pair in
                                    let name = { (key: String) in model.graph.nodes.first { $0.key == key }?.name ?? key
                                    }
                                    return [
                                        .group(
                                            .a(.href(RegisterPath.partnership(pair.aKey).href), .text(name(pair.aKey))),
                                            .text(" and "),
                                            .a(.href(RegisterPath.partnership(pair.bKey).href), .text(name(pair.bKey)))),
                                        .text("\(pair.shared)"), .text("\(Int((pair.overlap * 100).rounded()))%")
                                    ]
                                }),
                        .p(
                            .a(
                                .href(AnalysisPath.analysis(.overlap).href),
                                .text("Every pair sharing members, with who they are"))))),
                .unwrap(model.cdpFootprints) { area in cdpFootprints(area, model.cdpFits) },
                .h2(.id("structure"), .text("Reporting structure")),
                model.graph.nodes.isEmpty ? .p(.text("No partnerships to show.")) : tree(model.graph.forest())
            ))
    }
}
