import ConveneDomain
import Foundation
import Plot

extension Charts {
    /// The five points' colours, from strongly disagree to strongly agree, and the legend's order.
    static let likertColours: [LikertPoint: String] = [
        .stronglyDisagree: "#942514", .disagree: "#d4351c", .neither: "#b1b4b6", .agree: "#5694ca",
        .stronglyAgree: "#1d70b8"
    ]

    /// A diverging stacked bar for each statement: disagreement to the left of the centre line, agreement to the
    /// right, "neither" across it, each row as wide as those who answered. The agree and disagree shares are written
    /// at the ends, so the picture reads without colour; the table beside it holds every count.
    static func diverging(
        id: String, title: String, description: String, _ rows: [(label: String, counts: LikertCounts)]
    )
        -> Node<HTML.BodyContext>
    {
        let row = 34
        let labelWidth = 290
        let top = 34
        // Room beside the bars for the disagree and agree shares.
        let margin = 52
        let plot = Double(width - labelWidth - 2 * margin)
        let centre = Double(labelWidth + margin) + plot / 2
        let height = top + max(1, rows.count) * row + 6
        var body = ""
        // The legend, left to right as the bars run.
        var x = 10
        for point in LikertPoint.allCases.reversed() {
            body +=
                #"<rect x="\#(x)" y="6" width="12" height="12" fill="\#(likertColours[point]!)"/><text x="\#(x + 16)" y="16" class="chart-value">\#(escape(point.label))</text>"#
            // 13px text runs about 7px a character.
            x += 16 + point.label.count * 7 + 18
        }
        for (i, r) in rows.enumerated() {
            let y = top + i * row
            body +=
                #"<text x="\#(labelWidth - 8)" y="\#(y + row / 2 + 4)" text-anchor="end" class="chart-label">\#(escape(shortened(r.label, 38)))</text>"#
            let answered = Double(max(1, r.counts.answered))
            func width(_ point: LikertPoint) -> Double { plot / 2 * Double(r.counts[point]) / answered }
            var start = centre - width(.neither) / 2 - width(.disagree) - width(.stronglyDisagree)
            for point in LikertPoint.allCases.reversed() {
                let w = width(point)
                if w > 0 {
                    body +=
                        #"<rect x="\#(format(start))" y="\#(y + 6)" width="\#(format(w))" height="\#(row - 14)" fill="\#(likertColours[point]!)"/>"#
                }
                start += w
            }
            if r.counts.answered > 0 {
                let left = centre - width(.neither) / 2 - width(.disagree) - width(.stronglyDisagree)
                body +=
                    #"<text x="\#(format(left - 4))" y="\#(y + row / 2 + 4)" text-anchor="end" class="chart-value">\#(r.counts.disagreeShare?.percentText ?? "")</text>"#
                body +=
                    #"<text x="\#(format(start + 4))" y="\#(y + row / 2 + 4)" class="chart-value">\#(r.counts.agreeShare?.percentText ?? "")</text>"#
            } else {
                body +=
                    #"<text x="\#(format(centre))" y="\#(y + row / 2 + 4)" text-anchor="middle" class="chart-value">No answers</text>"#
            }
        }
        body +=
            ##"<line x1="\##(format(centre))" y1="\##(top)" x2="\##(format(centre))" y2="\##(height - 4)" stroke="#0b0c0c" stroke-width="1"/>"##
        return figure(
            id: id, title: title, description: description, width: width, height: height, body: body, note: nil)
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
