import Foundation
import Plot

/// Charts drawn by the server as SVG: horizontal bars, a heat map and a time series. Each is an image with a title
/// and a description for screen readers, prints its values as text (so it reads without colour), and sits above the
/// table that carries the same figures, which is the accessible alternative and the one with the links.
enum Charts {
    struct Bar {
        var label: String
        var value: Double
        /// The value as people read it: "£4,082", "12 meetings".
        var text: String
    }

    static let width = 760

    /// Bars from largest to smallest, as given; the top `limit` only, the table holds the rest (and the links: a
    /// picture holds nothing to focus).
    static func bars(id: String, title: String, description: String, _ bars: [Bar], limit: Int = 15) -> Node<
        HTML.BodyContext
    > {
        let shown = Array(bars.prefix(limit))
        let row = 28
        let labelWidth = 270
        let valueWidth = 160
        let height = max(1, shown.count) * row + 10
        let most = shown.map(\.value).max().map { $0 > 0 ? $0 : 1 } ?? 1
        let plot = Double(width - labelWidth - valueWidth)
        var body = ""
        for (i, bar) in shown.enumerated() {
            let y = i * row + 5
            let length = max(bar.value > 0 ? 2 : 0, Int(plot * bar.value / most))
            body +=
                #"<text x="\#(labelWidth - 8)" y="\#(y + row / 2 + 4)" text-anchor="end" class="chart-label">\#(escape(shortened(bar.label, 34)))</text>"#
            body +=
                #"<rect x="\#(labelWidth)" y="\#(y + 4)" width="\#(length)" height="\#(row - 10)" class="chart-bar"/>"#
            body +=
                #"<text x="\#(labelWidth + length + 6)" y="\#(y + row / 2 + 4)" class="chart-value">\#(escape(bar.text))</text>"#
        }
        return figure(
            id: id, title: title, description: description, width: width, height: height, body: body,
            note: bars.count > limit ? "The \(limit) largest of \(bars.count); the table below has them all." : nil)
    }

    /// Rows × columns of counts, shaded from light to dark in five steps, with each count written in its square. The
    /// picture is as wide as its columns need, and scales to the page.
    static func heatMap(
        id: String, title: String, description: String, rows: [String], columns: [String],
        values: [[Int]]
    ) -> Node<HTML.BodyContext> {
        let longest = rows.map { min($0.count, 28) }.max() ?? 10
        let labelWidth = max(90, longest * 8 + 16)
        let top = 40
        let cell = 20
        let chartWidth = labelWidth + columns.count * cell + 10
        let height = top + rows.count * cell + 10
        // A column label about every 56 points, so the labels never overlap.
        let every = max(1, (56 + cell - 1) / cell)
        let most = max(1, values.flatMap { $0 }.max() ?? 1)
        var body = ""
        for (c, label) in columns.enumerated() where c % every == 0 {
            body +=
                #"<text x="\#(labelWidth + c * cell + 2)" y="\#(top - 8)" class="chart-axis">\#(escape(label))</text>"#
        }
        for (r, label) in rows.enumerated() {
            let y = top + r * cell
            body +=
                #"<text x="\#(labelWidth - 8)" y="\#(y + cell / 2 + 4)" text-anchor="end" class="chart-label">\#(escape(shortened(label, 28)))</text>"#
            for (c, value) in values[r].enumerated() {
                let step = value == 0 ? 0 : 1 + (value * 4 - 1) / most
                body +=
                    #"<rect x="\#(labelWidth + c * cell)" y="\#(y)" width="\#(cell - 1)" height="\#(cell - 1)" class="heat-\#(step)"><title>\#(escape("\(label), \(columns[c]): \(value)"))</title></rect>"#
                if value > 0 {
                    body +=
                        #"<text x="\#(labelWidth + c * cell + cell / 2)" y="\#(y + cell / 2 + 4)" text-anchor="middle" class="\#(step >= 3 ? "heat-text-light" : "heat-text")">\#(value)</text>"#
                }
            }
        }
        return figure(
            id: id, title: title, description: description, width: chartWidth, height: height, body: body,
            note: "Darker squares are busier; each square shows its number.")
    }

    /// Points in order, evenly spaced (one a period, such as a month), each marked and labelled with its value; a
    /// period with no value leaves a gap in the line.
    static func timeSeries(
        id: String, title: String, description: String, _ points: [(label: String, value: Double?, text: String)]
    ) -> Node<HTML.BodyContext> {
        let left = 50
        let right = 50
        let top = 24
        let bottom = 40
        let height = 240
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let most = max(points.compactMap(\.value).max() ?? 1, 0.0001)
        let step = points.count > 1 ? Double(plotWidth) / Double(points.count - 1) : 0
        func x(_ i: Int) -> Int { left + Int(Double(i) * step) }
        func y(_ v: Double) -> Int { top + plotHeight - Int(Double(plotHeight) * v / most) }
        var body =
            #"<line x1="\#(left)" y1="\#(top + plotHeight)" x2="\#(width - right)" y2="\#(top + plotHeight)" class="chart-axis-line"/>"#
        var run: [String] = []
        func flush() {
            if run.count > 1 { body += #"<polyline class="chart-line" points="\#(run.joined(separator: " "))"/>"# }
            run = []
        }
        for (i, p) in points.enumerated() {
            if let v = p.value { run.append("\(x(i)),\(y(v))") } else { flush() }
        }
        flush()
        let every = max(1, (points.count + 11) / 12)
        for (i, p) in points.enumerated() {
            if let v = p.value {
                body +=
                    #"<circle cx="\#(x(i))" cy="\#(y(v))" r="4" class="chart-point"><title>\#(escape("\(p.label): \(p.text)"))</title></circle>"#
            }
            if i % every == 0 {
                body +=
                    #"<text x="\#(x(i))" y="\#(height - 18)" text-anchor="middle" class="chart-axis">\#(escape(p.label))</text>"#
                if let v = p.value {
                    body +=
                        #"<text x="\#(x(i))" y="\#(y(v) - 8)" text-anchor="middle" class="chart-value">\#(escape(p.text))</text>"#
                }
            }
        }
        return figure(
            id: id, title: title, description: description, width: width, height: height, body: body, note: nil)
    }

    static func figure(
        id: String, title: String, description: String, width: Int, height: Int, body: String,
        note: String?
    ) -> Node<HTML.BodyContext> {
        let svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(width) \#(height)" width="100%" role="img" aria-labelledby="\#(id)-title \#(id)-desc" class="chart"><title id="\#(id)-title">\#(escape(title))</title><desc id="\#(id)-desc">\#(escape(description))</desc>\#(body)</svg>"#
        return .element(
            named: "figure",
            nodes: [
                .class("chart-figure"), .raw(svg),
                .element(
                    named: "figcaption", nodes: [.class("hint"), .text(description + (note.map { " " + $0 } ?? ""))])
            ])
    }

    static func shortened(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
