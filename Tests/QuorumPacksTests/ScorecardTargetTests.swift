import QuorumDomain
import Testing

@testable import QuorumPacks

@Suite("The pack's scorecard shows a measure's target and comparators")
struct ScorecardTargetTests {
    /// The sample pack with a target and a national figure on re-referrals (17.1, lower is better).
    func rendered() throws -> String {
        var content = try SamplePack.content()
        var measures = try SamplePack.measures()
        let index = try #require(measures.firstIndex { $0.id == "M1.1.12" })
        measures[index].target = 18
        measures[index].unit = .per10000
        measures[index].comparators = [
            Comparator(kind: .national, value: 21.9, period: try Period(parsing: "2016/17"), source: "DfE children in need 2017"),
            Comparator(kind: .statisticalNeighbours, value: 15.0, period: try Period(parsing: "2016/17"), source: "LAIT 2017"),
        ]
        content.scorecard = ScorecardAppendix(
            recommendations: SamplePack.recommendations(), measures: measures, values: try SamplePack.values(),
            period: try Period(parsing: "2017/18"), historyLength: 4)
        return PackRenderer().renderHTML(content, part: .public)
    }

    @Test func theTargetAndEachComparatorAreShownWithHowTheFigureStands() throws {
        let html = try rendered()
        #expect(html.contains("17.1 per 10,000"))
        #expect(html.contains("<span class=\"target\">Target 18 per 10,000: met</span>"))
        #expect(html.contains("National 21.9 per 10,000 (2016/17, DfE children in need 2017): better"))
        #expect(html.contains("Statistical neighbours 15 per 10,000 (2016/17, LAIT 2017): worse"))
    }

    @Test func aMonthsFigureIsComparedWithTheMonthBeforeAndTheSameMonthAYearBefore() throws {
        // Average caseload (lower is better): 22 in September 2017, 20 in October, 18 in October 2016.
        var content = try SamplePack.content()
        let values = try SamplePack.values() + [MeasureValue(measureID: "M3.03", period: try Period(parsing: "2016-10"), value: 18)]
        content.scorecard = ScorecardAppendix(
            recommendations: SamplePack.recommendations(), measures: try SamplePack.measures(), values: values,
            period: try Period(parsing: "2017/18"), historyLength: 4)
        let measure = try #require(content.scorecard?.groups.flatMap(\.measures).first { $0.id == "M3.03" })
        #expect(measure.value == 20)
        #expect(measure.direction == .improving)
        #expect(measure.yearAgo?.value == 18)
        #expect(measure.directionSinceYearAgo == .declining)
        let html = PackRenderer().renderHTML(content, part: .public)
        #expect(html.contains(
            "<span class=\"year-ago\">Against 2016-10 (18): <span class=\"direction direction-declining\"><span class=\"symbol\" aria-hidden=\"true\">↓</span> Declining</span></span>"))
        // Without the figure of a year before, no such line.
        #expect(!PackRenderer().renderHTML(try SamplePack.content(), part: .public).contains("class=\"year-ago\""))
    }

    @Test func aMeasureWithoutThemShowsNeither() throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        #expect(!html.contains("class=\"target\""))
        #expect(!html.contains("class=\"comparator\""))
    }
}
