import Foundation
import QuorumDomain
import Testing

@testable import QuorumStorage

@Suite("The plan comes back in reference order")
struct PlanStoreTests {
    static let recommendations = """
        id,priority,priority_title,title,ambition
        1.1,1,Practice,Assessment,
        1.2,1,Practice,Planning,
        2,2,Leadership,Oversight,
        """

    @Test func actionsAreListedNumberByNumberWhateverTheOrderOfTheFile() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.importCSV(.recommendations, csv: Self.recommendations, actor: "admin", now: testNow)
        let refs = ["1.1.10", "2.3", "1.2.1", "1.1.2", "2.10", "1.1.1", "2.1"]
        let actions = "ref,recommendation,action,review_date,lead_name,lead_email,status,update,updated_on\n"
            + refs.map { ref in
                "\(ref),\(PlanAction.recommendationID(ofRef: ref)!),Action \(ref),Oct 2017,Lead,lead@example.org,open,,"
            }.joined(separator: "\n")
        _ = try await database.importCSV(.actions, csv: actions, actor: "admin", now: testNow)
        let listed = try await database.planActions().map(\.ref)
        #expect(listed == ["1.1.1", "1.1.2", "1.1.10", "1.2.1", "2.1", "2.3", "2.10"])
    }
}
