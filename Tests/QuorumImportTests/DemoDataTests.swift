import Foundation
import QuorumDomain
import Testing

@testable import QuorumImport

@Suite("The shipped demo data imports cleanly and judges as the seed plan does")
struct DemoDataTests {
    private static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Demo")

    private func read(_ name: String) throws -> String {
        try String(contentsOf: Self.demo.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func everyDemoFileImports() throws {
        let recommendations = try PlanImport.recommendations(csv: try read("recommendations.csv"))
        let ids = Set(recommendations.map(\.recommendation.id))
        #expect(ids == ["1.1", "1.2", "1.3", "2", "3"])
        let actions = try PlanImport.actions(csv: try read("actions.csv"))
        #expect(actions.count >= 40)
        #expect(actions.allSatisfy { $0.action.lead.email.hasSuffix("@example.org") })
        let measures = try PlanImport.measures(csv: try read("measures.csv"))
        #expect(measures.count >= 40)
        let values = try PlanImport.values(csv: try read("values.csv"), measures: Set(measures.map(\.measure.id)))
        #expect(!values.isEmpty)
    }

    @Test func careLeaversInSuitableAccommodationAreJudgedFromTheSeedFigures() throws {
        let ids: Set<String> = ["1.1", "1.2", "1.3", "2", "3"]
        let measures = try PlanImport.measures(csv: try read("measures.csv")).map(\.measure)
        let values = try PlanImport.values(csv: try read("values.csv"), measures: Set(measures.map(\.id))).map(\.value)
        let rows = Scorecard.rows(measures: measures, values: values, period: try Period(parsing: "2017/18"))
        let careLeavers = try #require(rows.first { $0.value == 91.2 })
        #expect(careLeavers.previous?.value == 92.7)
        #expect(careLeavers.direction == .declining)
    }
}
