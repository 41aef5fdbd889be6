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

    @Test func aMeasureWithoutThemShowsNeither() throws {
        let html = PackRenderer().renderHTML(try SamplePack.content(), part: .public)
        #expect(!html.contains("class=\"target\""))
        #expect(!html.contains("class=\"comparator\""))
    }
}
