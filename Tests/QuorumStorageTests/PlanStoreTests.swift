import Foundation
import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("The plan comes back in reference order")
struct PlanStoreTests {
    static func action(_ ref: String) -> PlanAction {
        PlanAction(
            ref: ref, recommendationID: PlanAction.recommendationID(ofRef: ref)!, text: "Action \(ref)",
            reviewDate: .date(LocalDate(year: 2017, month: 10, day: 31)!), lead: Person(role: "Lead", email: "lead@example.org"),
            status: .open, updates: [])
    }

    @Test func actionsAreListedNumberByNumberWhateverTheOrderOfTheRows() async throws {
        let database = try AppDatabase.makeInMemory()
        let refs = ["1.1.10", "2.3", "1.2.1", "1.1.2", "2.10", "1.1.1", "2.1"]
        let summary = try await database.importPlan(actor: "admin", now: testNow) { _ in
            .actions(refs.map { PlanImportRows.ActionRow(action: Self.action($0), update: nil) })
        }
        #expect(summary.created == 7)
        #expect(summary.recommendationsCreated == 3)
        let listed = try await database.planActions().map(\.ref)
        #expect(listed == ["1.1.1", "1.1.2", "1.1.10", "1.2.1", "2.1", "2.3", "2.10"])
    }

    @Test func aRowRefusedByTheCheckStoresNothing() async throws {
        struct Refused: Error {}
        let database = try AppDatabase.makeInMemory()
        await #expect(throws: Refused.self) {
            _ = try await database.importPlan(actor: "admin", now: testNow) { stored in
                #expect(stored.measureIDs.isEmpty)
                throw Refused()
            }
        }
        #expect(try await database.planActions().isEmpty)
    }

    @Test func theCheckSeesTheStoredMeasures() async throws {
        let database = try AppDatabase.makeInMemory()
        let measure = try Measure(
            id: "M1", recommendationID: "1.1", name: "Assessments on time", shows: "timeliness", polarity: .higher,
            requiresImprovement: "65-74", good: "75-84", outstanding: "85+", isAudit: false)
        _ = try await database.importPlan(actor: "analyst", now: testNow) { _ in .measures([measure]) }
        let seen = try await database.importPlan(actor: "analyst", now: testNow) { stored in
            #expect(stored.measureIDs == ["M1"])
            return .values([MeasureValue(measureID: "M1", period: try Period(parsing: "2017/18"), value: 82)])
        }
        #expect(seen.created == 1)
    }
}
