import QuorumDomain
import Testing

@testable import QuorumPacks

@Suite struct ScorecardAppendixTests {
    let scorecard: ScorecardAppendix

    init() throws {
        scorecard = try #require(try SamplePack.content().scorecard)
    }

    private func measure(_ id: String) throws -> ScorecardAppendix.Measure {
        try #require(scorecard.groups.flatMap(\.measures).first { $0.id == id })
    }

    @Test func measuresAreGroupedUnderTheirRecommendationsInThePlansOrder() {
        #expect(scorecard.groups.map(\.recommendationID) == ["1.1", "2", "3"])
        #expect(scorecard.groups[0].title == "Assessment and Planning")
        #expect(scorecard.groups[0].measures.map(\.id) == ["M1.1.04", "M1.1.12", "M1.1.13", "M1.1.15"])
    }

    @Test func eachMeasureIsJudgedByItsThresholdsWithItsLastFewPeriods() throws {
        let assessments = try measure("M1.1.04")
        #expect(assessments.value == 76.4)
        #expect(assessments.band == .requiresImprovement)
        #expect(assessments.direction == .improving)
        #expect(assessments.history.map(\.period.description) == ["2014/15", "2015/16", "2016/17", "2017/18"])
        #expect(assessments.history.map(\.band) == [.inadequate, .inadequate, .inadequate, .requiresImprovement])
        #expect(assessments.thresholds == .init(requiresImprovement: "75-80", good: "81-89", outstanding: "90+"))

        let rereferrals = try measure("M1.1.12")
        #expect(rereferrals.band == .good)
        #expect(rereferrals.previous?.value == 21.6)

        let supervision = try measure("M2.02")
        #expect(supervision.period.description == "2017/18 Q2")
        #expect(supervision.band == .outstanding)

        let caseloads = try measure("M3.03")
        #expect(caseloads.period.description == "2017-10")
        #expect(caseloads.history.count == 3)
        #expect(caseloads.band == .good)

        let homeless = try measure("M1.1.15")
        #expect(homeless.thresholds == nil)
        #expect(homeless.band == .none)
        #expect(homeless.direction == .improving)
    }

    @Test func theAppendixShowsEachBandAsTextAndSymbolAsWellAsColour() throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        let appendix = try #require(HTMLAudit(html).element(id: "item-4-appendix-a"))
        #expect(appendix.contains(
            "<span class=\"band band-requires-improvement\"><span class=\"symbol\" aria-hidden=\"true\">!</span> Requires improvement</span>"))
        #expect(appendix.contains("<span class=\"band band-good\"><span class=\"symbol\" aria-hidden=\"true\">✓</span> Good</span>"))
        #expect(appendix.contains("<span class=\"band band-outstanding\"><span class=\"symbol\" aria-hidden=\"true\">★</span> Outstanding</span>"))
        #expect(appendix.contains("<span class=\"band band-inadequate\"><span class=\"symbol\" aria-hidden=\"true\">✗</span> Inadequate</span>"))
        #expect(appendix.contains("<span class=\"symbol\" aria-hidden=\"true\">↑</span> Improving"))
        #expect(appendix.contains("Trend only: increase is better"))
        #expect(appendix.contains("<td class=\"threshold\">75-80</td><td class=\"threshold\">81-89</td><td class=\"threshold\">90+</td>"))
        #expect(appendix.contains("What it shows"))
        #expect(appendix.contains("The amount of assessments that are completed within the national standard for timeliness."))
    }

    @Test func eachMeasureHasAnAccessibleTrendChartAndTheSameFiguresInATable() throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        let appendix = try #require(HTMLAudit(html).element(id: "item-4-appendix-a"))
        let audit = HTMLAudit(appendix)
        let charts = audit.tags.filter { $0.name == "svg" && !$0.isClosing }
        #expect(charts.count == 6)
        for chart in charts {
            #expect(chart.attributes["role"] == "img")
            #expect(chart.attributes["aria-label"]?.hasPrefix("Trend of ") == true)
            let id = try #require(chart.attributes["id"])
            #expect(chart.attributes["aria-labelledby"] == "\(id)-title \(id)-desc")
            #expect(appendix.contains("<title id=\"\(id)-title\">"))
        }
        #expect(appendix.contains("<desc id=\"item-4-appendix-a-r1-m1-chart-desc\">2014/15: 68; 2015/16: 70.2; 2016/17: 72.4; 2017/18: 76.4. Higher is better.</desc>"))
        #expect(appendix.contains("<caption>Figures for M1.1.04 by period</caption>"))
        #expect(appendix.contains("<tr><th scope=\"row\">2017/18</th><td class=\"figure\">76.4</td>"))
        let tables = audit.tags.filter { $0.name == "table" && !$0.isClosing }.count
        let captions = audit.tags.filter { $0.name == "caption" && !$0.isClosing }.count
        #expect(tables == captions)
        #expect(tables == 3 + 6)
    }

    @Test func aMeasureWithoutFiguresSaysSoRatherThanDrawingNothing() throws {
        var content = try SamplePack.content()
        content.scorecard!.groups[0].measures[0].history = []
        content.scorecard!.groups[0].measures[0].value = nil
        let html = PackRenderer().renderHTML(content, part: .public)
        let appendix = try #require(HTMLAudit(html).element(id: "item-4-appendix-a"))
        #expect(appendix.contains("No figures recorded yet."))
        #expect(appendix.contains("<span class=\"no-figure\">No figure</span>"))
    }

    @Test func anItemAskingForAScorecardWithoutDataSaysNoneWasAvailable() throws {
        var content = try SamplePack.content()
        content.scorecard = nil
        let html = PackRenderer().renderHTML(content, part: .public)
        #expect(html.contains("No scorecard data was available when this version was built."))
    }

    @Test(arguments: [(76.4, "76.4"), (85, "85"), (17.125, "17.13"), (0.05, "0.05"), (-3.5, "-3.5"), (100.0, "100")])
    func figuresAreWrittenAsPeopleWriteThem(_ value: Double, _ written: String) {
        #expect(PackFormat.number(value) == written)
    }
}
