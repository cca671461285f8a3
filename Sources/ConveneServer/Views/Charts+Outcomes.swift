import ConveneDomain
import Foundation
import Plot

extension Charts {
    /// A line of an indicator's values over its periods.
    struct Line {
        enum Style: String { case main, comparison, target }
        var name: String
        var style: Style
        /// One value a period, in the chart's period order; nil leaves a gap.
        var values: [Double?]
    }

    /// An indicator's time series: the area's values (a solid line), the comparison area's (dashed) and the targets
    /// (dotted, each marked), periods evenly spaced, a gap where a period has no value. The legend names each line in
    /// words, so the picture does not rely on colour; the table below it holds every figure.
    static func indicator(
        id: String, title: String, description: String, periods: [String], lines given: [Line],
        format: (Double) -> String, axis: (Double) -> String
    ) -> Node<HTML.BodyContext> {
        // A line with no value in any period is left out, from the legend too.
        let lines = given.filter { $0.values.contains { $0 != nil } }
        let left = 70
        let right = 30
        let top = 44
        let bottom = 40
        let height = 280
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let values = lines.flatMap { $0.values.compactMap { $0 } }
        let low = min(0, values.min() ?? 0)
        let high = max(values.max() ?? 1, low + 0.0001)
        let step = periods.count > 1 ? Double(plotWidth) / Double(periods.count - 1) : 0
        func x(_ i: Int) -> Int { left + (periods.count > 1 ? Int(Double(i) * step) : plotWidth / 2) }
        func y(_ v: Double) -> Int { top + plotHeight - Int(Double(plotHeight) * (v - low) / (high - low)) }
        var body =
            #"<line x1="\#(left)" y1="\#(top + plotHeight)" x2="\#(width - right)" y2="\#(top + plotHeight)" class="chart-axis-line"/>"#
        body +=
            #"<line x1="\#(left)" y1="\#(top)" x2="\#(left)" y2="\#(top + plotHeight)" class="chart-axis-line"/>"#
        for v in [low, high] {
            body +=
                #"<text x="\#(left - 8)" y="\#(y(v) + 4)" text-anchor="end" class="chart-axis">\#(escape(axis(v)))</text>"#
        }
        // The legend, a sample of each line's stroke beside its name.
        var legendX = left
        for line in lines {
            body +=
                #"<line x1="\#(legendX)" y1="16" x2="\#(legendX + 28)" y2="16" class="chart-line chart-line--\#(line.style.rawValue)"/>"#
            body +=
                #"<text x="\#(legendX + 34)" y="20" class="chart-label">\#(escape(shortened(line.name, 40)))</text>"#
            legendX += 44 + min(40, line.name.count) * 7
        }
        for line in lines {
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    body +=
                        #"<polyline class="chart-line chart-line--\#(line.style.rawValue)" points="\#(run.joined(separator: " "))"/>"#
                }
                run = []
            }
            for (i, value) in line.values.enumerated() {
                if let value { run.append("\(x(i)),\(y(value))") } else { flush() }
            }
            flush()
            for (i, value) in line.values.enumerated() {
                guard let value else { continue }
                let label = escape("\(line.name), \(periods[i]): \(format(value))")
                body +=
                    line.style == .target
                    ? #"<rect x="\#(x(i) - 4)" y="\#(y(value) - 4)" width="8" height="8" class="chart-target"><title>\#(label)</title></rect>"#
                    : #"<circle cx="\#(x(i))" cy="\#(y(value))" r="4" class="chart-point chart-point--\#(line.style.rawValue)"><title>\#(label)</title></circle>"#
            }
        }
        let every = max(1, (periods.count + 9) / 10)
        for (i, period) in periods.enumerated() where i % every == 0 || i == periods.count - 1 {
            body +=
                #"<text x="\#(x(i))" y="\#(height - 14)" text-anchor="middle" class="chart-axis">\#(escape(period))</text>"#
        }
        return figure(
            id: id, title: title, description: description, width: width, height: height, body: body, note: nil)
    }

    /// One band of money from a source to a destination, for the flows picture.
    struct Flow {
        var from: String
        var to: String
        var pence: Int
    }

    /// Money flowing through columns (funders → recipients → partnerships): each node a bar as tall as the money
    /// through it, largest first, each flow a band as wide as its money, bands leaving and entering each node in the
    /// order of the nodes at their other ends so that they cross as little as they can. Every node is labelled with
    /// its name and amount; the table below it holds every flow.
    static func flows(
        id: String, title: String, description: String, columns: [String], _ flows: [[Flow]]
    ) -> Node<HTML.BodyContext> {
        let chartWidth = 1040
        let labelRoom = 270
        let top = 36
        let gap = 16
        let nodeWidth = 14
        let plotHeight = 440
        // The money through each node: what leaves it, or for the last column what arrives.
        var totals: [[String: Int]] = Array(repeating: [:], count: columns.count)
        for (stage, bands) in flows.enumerated() {
            for band in bands {
                totals[stage][band.from, default: 0] += band.pence
                if stage == flows.count - 1 { totals[stage + 1][band.to, default: 0] += band.pence }
            }
        }
        let nodes = totals.map { column in
            column.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (name: $0.key, pence: $0.value) }
        }
        let most = max(1, totals.map { $0.values.reduce(0, +) }.max() ?? 1)
        let scale = Double(plotHeight - gap * max(0, (nodes.map(\.count).max() ?? 1) - 1)) / Double(most)
        let columnX = columns.indices.map { i in
            columns.count > 1 ? 10 + i * (chartWidth - labelRoom - 20) / (columns.count - 1) : chartWidth / 2
        }
        // Each label is its name in lines of at most 34 characters, then the amount; a node leaves room for it.
        func label(_ node: (name: String, pence: Int)) -> [String] {
            var lines: [String] = []
            for word in node.name.split(separator: " ").map(String.init) {
                if let last = lines.last, last.count + 1 + word.count <= 34 {
                    lines[lines.count - 1] = last + " " + word
                } else {
                    lines.append(word)
                }
            }
            return lines + [pounds(node.pence)]
        }
        let lineHeight = 15.0
        var place: [[String: (y: Double, height: Double, index: Int)]] = Array(repeating: [:], count: columns.count)
        for (c, column) in nodes.enumerated() {
            var y = Double(top)
            for (index, node) in column.enumerated() {
                let h = max(2, Double(node.pence) * scale)
                place[c][node.name] = (y, h, index)
                y += max(h + Double(gap), Double(label(node).count) * lineHeight + 8)
            }
        }
        var body = ""
        for (c, name) in columns.enumerated() {
            body +=
                #"<text x="\#(columnX[c])" y="18" class="chart-label chart-heading">\#(escape(name))</text>"#
        }
        // Bands, leaving each source in the order of their destinations and entering each destination in the
        // order of their sources.
        var bandsBody = ""
        for (stage, bands) in flows.enumerated() {
            func position(_ column: Int, _ name: String) -> Int { place[column][name]?.index ?? 0 }
            var outOffset: [String: Double] = [:]
            var starts: [Int: Double] = [:]
            for (i, band) in bands.enumerated().sorted(by: {
                (position(stage, $0.1.from), position(stage + 1, $0.1.to))
                    < (position(stage, $1.1.from), position(stage + 1, $1.1.to))
            }) {
                starts[i] = (place[stage][band.from]?.y ?? 0) + outOffset[band.from, default: 0]
                outOffset[band.from, default: 0] += Double(band.pence) * scale
            }
            var inOffset: [String: Double] = [:]
            for (i, band) in bands.enumerated().sorted(by: {
                (position(stage + 1, $0.1.to), position(stage, $0.1.from))
                    < (position(stage + 1, $1.1.to), position(stage, $1.1.from))
            }) {
                guard let from = starts[i], let to = place[stage + 1][band.to] else { continue }
                let h = Double(band.pence) * scale
                let y0 = from
                let y1 = to.y + inOffset[band.to, default: 0]
                inOffset[band.to, default: 0] += h
                let x0 = Double(columnX[stage] + nodeWidth)
                let x1 = Double(columnX[stage + 1])
                let mid = (x0 + x1) / 2
                let d =
                    "M\(f(x0)),\(f(y0)) C\(f(mid)),\(f(y0)) \(f(mid)),\(f(y1)) \(f(x1)),\(f(y1)) "
                    + "L\(f(x1)),\(f(y1 + h)) C\(f(mid)),\(f(y1 + h)) \(f(mid)),\(f(y0 + h)) \(f(x0)),\(f(y0 + h)) Z"
                bandsBody +=
                    #"<path d="\#(d)" class="chart-flow"><title>\#(escape("\(band.from) to \(band.to): \(pounds(band.pence))"))</title></path>"#
            }
        }
        body += bandsBody
        for (c, column) in nodes.enumerated() {
            for node in column {
                guard let p = place[c][node.name] else { continue }
                body +=
                    #"<rect x="\#(columnX[c])" y="\#(f(p.y))" width="\#(nodeWidth)" height="\#(f(p.height))" class="chart-bar"/>"#
                let x = columnX[c] + nodeWidth + 6
                let lines = label(node).enumerated().map { i, line in
                    #"<tspan x="\#(x)" dy="\#(i == 0 ? 0 : lineHeight)">\#(escape(line))</tspan>"#
                }
                body +=
                    #"<text x="\#(x)" y="\#(f(p.y + 11))" class="chart-label chart-flow-label">\#(lines.joined())</text>"#
            }
        }
        let bottoms = nodes.enumerated().flatMap { c, column in
            column.compactMap { node in
                place[c][node.name].map { max($0.y + $0.height, $0.y + Double(label(node).count) * lineHeight) }
            }
        }
        let height = Int((bottoms.max() ?? Double(top)) + 10)
        return figure(
            id: id, title: title, description: description, width: chartWidth, height: max(height, 80), body: body,
            note: "Each band is as wide as the money it carries.")
    }

    /// Pounds, with pence only where there are some.
    static func pounds(_ pence: Int) -> String {
        pence % 100 == 0 ? Money(pence: pence).wholePounds : Money.format(pence: pence)
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
