import QuorumDomain

/// A small line chart of a measure's last few figures, as inline SVG: an image with a title
/// and a description that say what it shows, for readers who cannot see it (the figures are
/// also in a table beside it).
struct TrendChart {
    struct Point {
        var label: String
        var value: Double
    }

    /// The `id` of the `svg`; its title and description get ids from it.
    var id: String
    var points: [Point]
    /// "Trend of Percentage of assessments completed within 45 days".
    var title: String
    /// The figures in words.
    var summary: String

    private let width = 200.0
    private let height = 96.0
    private let plotLeft = 14.0
    private let plotRight = 186.0
    private let plotTop = 18.0
    private let plotBottom = 70.0

    /// "2016/17: 72.4; 2017/18: 76.4. Higher is better."
    static func summary(of points: [Point], polarity: Polarity) -> String {
        let figures = points.map { "\($0.label): \(PackFormat.number($0.value))" }.joined(separator: "; ")
        return "\(figures). \(polarity.label)."
    }

    var svg: Markup {
        let values = points.map(\.value)
        var low = values.min() ?? 0
        var high = values.max() ?? 0
        if high - low < 1e-9 {
            let pad = max(abs(high) * 0.1, 1)
            low -= pad
            high += pad
        }
        func x(_ index: Int) -> Double {
            points.count == 1
                ? (plotLeft + plotRight) / 2
                : plotLeft + Double(index) * (plotRight - plotLeft) / Double(points.count - 1)
        }
        func y(_ value: Double) -> Double {
            plotBottom - (value - low) / (high - low) * (plotBottom - plotTop)
        }
        func n(_ value: Double) -> String { PackFormat.number(value) }

        var html: Markup = """
            <svg id="\(id)" role="img" aria-labelledby="\(id)-title \(id)-desc" aria-label="\(title)" \
            xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))">
            <title id="\(id)-title">\(title)</title>
            <desc id="\(id)-desc">\(summary)</desc>
            <line x1="\(n(plotLeft))" y1="\(n(plotBottom + 6))" x2="\(n(plotRight))" y2="\(n(plotBottom + 6))" stroke="#6f777b" stroke-width="1"/>

            """
        if points.count > 1 {
            let path = points.indices.map { "\(n(x($0))),\(n(y(points[$0].value)))" }.joined(separator: " ")
            html += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n"
        }
        for (index, point) in points.enumerated() {
            let isLast = index == points.count - 1
            html += """
                <circle cx="\(n(x(index)))" cy="\(n(y(point.value)))" r="\(isLast ? "4" : "3")" \
                fill="\(isLast ? "#1d4f91" : "#ffffff")" stroke="#1d4f91" stroke-width="2"/>
                <text x="\(n(x(index)))" y="\(n(y(point.value) - 8))" text-anchor="middle" font-size="10" \
                font-family="DejaVu Sans, Arial, sans-serif" fill="#0b0c0c"\(isLast ? " font-weight=\"bold\"" : "")>\(n(point.value))</text>

                """
        }
        // Period labels: all when they fit, else the first and the last.
        let labelled = points.count <= 3 ? Array(points.indices) : [0, points.count - 1]
        for index in labelled {
            let anchor = points.count == 1 ? "middle" : index == 0 ? "start" : index == points.count - 1 ? "end" : "middle"
            let labelX = points.count == 1 ? x(index) : index == 0 ? plotLeft - 4 : index == points.count - 1 ? plotRight + 4 : x(index)
            html += """
                <text x="\(n(labelX))" y="\(n(plotBottom + 20))" text-anchor="\(anchor)" font-size="9.5" \
                font-family="DejaVu Sans, Arial, sans-serif" fill="#0b0c0c">\(points[index].label)</text>

                """
        }
        return html + "</svg>"
    }
}
