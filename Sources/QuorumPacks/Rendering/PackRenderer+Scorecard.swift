import QuorumDomain

// The scorecard appendix: a table per recommendation, then each measure's trend as a chart
// with the same figures in a table.
extension PackRenderer {
    func scorecardAppendix(_ scorecard: ScorecardAppendix, heading: Markup, anchor: String) -> Markup {
        let period: Markup = scorecard.period.map { ", \($0.description)" } ?? ""
        var html: Markup = """
            <h3 id="\(anchor)-heading">\(heading)\(period)</h3>
            <p class="key"><strong>Bands</strong> (a figure is judged against the thresholds the plan sets): \
            \(bandBadge(.outstanding)) \(bandBadge(.good)) \(bandBadge(.requiresImprovement)) \
            \(bandBadge(.inadequate)) \(bandBadge(.none)) (trend-only measure, or no figure). \
            <strong>Direction of travel</strong> compares a figure with the previous one of the same kind of period: \
            \(directionLabel(.improving)), \(directionLabel(.declining)), \(directionLabel(.stable)), \
            \(directionLabel(.new)) (nothing to compare with).</p>

            """
        if scorecard.groups.isEmpty {
            return html + "<p class=\"none-stated\">The plan has no measures yet.</p>\n"
        }
        for (groupIndex, group) in scorecard.groups.enumerated() {
            let groupAnchor = "\(anchor)-r\(groupIndex + 1)"
            let title: Markup = group.title.isEmpty ? "" : ": \(group.title)"
            html += """
                <section class="scorecard-group" aria-labelledby="\(groupAnchor)-heading">
                <h4 id="\(groupAnchor)-heading">Recommendation \(group.recommendationID)\(title)</h4>
                <table class="scorecard">
                <caption>Measures of recommendation \(group.recommendationID): the latest figure of each, against its thresholds</caption>
                <thead><tr><th scope="col">Measure</th><th scope="col">What it shows</th>\
                <th scope="col">Requires improvement</th><th scope="col">Good</th><th scope="col">Outstanding</th>\
                <th scope="col">Period</th><th scope="col">Figure</th><th scope="col">Band</th>\
                <th scope="col">Direction of travel</th></tr></thead>
                <tbody>

                """
            for measure in group.measures {
                html += scorecardRow(measure)
            }
            html += """
                </tbody>
                </table>
                <h5>Trends for recommendation \(group.recommendationID)</h5>
                <div class="trends">

                """
            for (measureIndex, measure) in group.measures.enumerated() {
                html += trendFigure(measure, id: "\(groupAnchor)-m\(measureIndex + 1)")
            }
            html += "</div>\n</section>\n"
        }
        return html
    }

    private func scorecardRow(_ measure: ScorecardAppendix.Measure) -> Markup {
        let thresholds: Markup
        if let written = measure.thresholds {
            thresholds = """
                <td class="threshold">\(written.requiresImprovement)</td><td class="threshold">\(written.good)</td>\
                <td class="threshold">\(written.outstanding)</td>
                """
        } else {
            thresholds = "<td class=\"threshold trend-only\" colspan=\"3\">Trend only: \(measure.polarity.label.lowercased()) is better</td>"
        }
        var figure: Markup = measure.value.map { value in Markup(text: measure.unit?.format(value) ?? PackFormat.number(value)) }
            ?? "<span class=\"no-figure\">No figure</span>"
        figure += targetAndComparators(measure)
        var direction = directionLabel(measure.direction)
        if let previous = measure.previous, measure.value != nil {
            direction += "<span class=\"previous\">from \(PackFormat.number(previous.value)) in \(previous.period.description)</span>"
        }
        let audit: Markup = measure.isAudit ? " <span class=\"audit\">(audit measure)</span>" : ""
        let polarity: Markup = measure.polarity.isTrendOnly ? "" : "<span class=\"polarity\">\(measure.polarity.label)</span>"
        return """
            <tr><th scope="row"><span class="measure-id">\(measure.id)</span> \(measure.name)\(audit)\(polarity)</th>\
            <td class="shows">\(measure.shows)</td>\(thresholds)<td class="period">\(measure.period.description)</td>\
            <td class="figure">\(figure)</td><td>\(bandBadge(measure.band))</td><td>\(direction)</td></tr>

            """
    }

    /// The target and comparators under a figure, each with how the figure stands against it;
    /// nothing for a measure that has neither.
    private func targetAndComparators(_ measure: ScorecardAppendix.Measure) -> Markup {
        var html: Markup = .empty
        let show = { (value: Double) in measure.unit?.format(value) ?? PackFormat.number(value) }
        if let target = measure.target {
            var met: Markup = ""
            if let value = measure.value {
                met = Standing(value: value, reference: target, polarity: measure.polarity) == .worse ? ": not met" : ": met"
            }
            html += "<br><span class=\"target\">Target \(show(target))\(met)</span>"
        }
        for comparator in measure.comparators {
            var standing: Markup = ""
            if let value = measure.value {
                standing = ": \(Standing(value: value, reference: comparator.value, polarity: measure.polarity).rawValue)"
            }
            html += """
                <br><span class="comparator">\(comparator.kind.label) \(show(comparator.value)) \
                (\(comparator.period.description), \(comparator.source))\(standing)</span>
                """
        }
        // A year's figure is compared with the year before already; a quarter's or a month's
        // also with the same one a year before.
        if let yearAgo = measure.yearAgo, measure.value != nil, yearAgo.period != measure.previous?.period {
            html += """
                <br><span class="year-ago">Against \(yearAgo.period.description) (\(show(yearAgo.value))): \
                \(directionLabel(measure.directionSinceYearAgo))</span>
                """
        }
        return html
    }

    /// A measure's chart and the table of the same figures.
    private func trendFigure(_ measure: ScorecardAppendix.Measure, id: String) -> Markup {
        var html: Markup = """
            <figure class="trend" aria-labelledby="\(id)-caption">
            <figcaption id="\(id)-caption"><span class="measure-id">\(measure.id)</span> \(measure.name)</figcaption>

            """
        guard !measure.history.isEmpty else {
            return html + "<p class=\"none-stated\">No figures recorded yet.</p>\n</figure>\n"
        }
        let points = measure.history.map { TrendChart.Point(label: $0.period.description, value: $0.value) }
        let chart = TrendChart(
            id: "\(id)-chart", points: points,
            title: "Trend of \(measure.name)",
            summary: TrendChart.summary(of: points, polarity: measure.polarity))
        html += "<div class=\"trend-chart\">\(chart.svg)</div>\n"
        html += """
            <table class="trend-data">
            <caption>Figures for \(measure.id) by period</caption>
            <thead><tr><th scope="col">Period</th><th scope="col">Figure</th><th scope="col">Band</th></tr></thead>
            <tbody>

            """
        for point in measure.history {
            html += """
                <tr><th scope="row">\(point.period.description)</th><td class="figure">\(PackFormat.number(point.value))</td>\
                <td>\(bandBadge(point.band))</td></tr>

                """
        }
        return html + "</tbody>\n</table>\n</figure>\n"
    }

    /// The band as colour, symbol and words together.
    func bandBadge(_ band: Band) -> Markup {
        let style = band.rawValue.replacing("_", with: "-")
        return "<span class=\"band band-\(style)\"><span class=\"symbol\" aria-hidden=\"true\">\(band.symbol)</span> \(band.label)</span>"
    }

    private func directionLabel(_ direction: Direction) -> Markup {
        "<span class=\"direction direction-\(direction.rawValue)\"><span class=\"symbol\" aria-hidden=\"true\">\(direction.arrow)</span> \(direction.label)</span>"
    }
}
