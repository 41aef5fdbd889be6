import QuorumApplication
import QuorumDomain
import Testing

@Suite("The plan and the scorecard through the application core")
struct PlanServiceTests {
    @Test func aFreshStoreTakesMeasuresValuesAndActionsWithoutARecommendationsFile() async throws {
        let fixture = try await ApplicationFixture()
        let plan = fixture.application.plan
        let measures = try await plan.importCSV("measures", csv: try ApplicationFixture.demo("measures.csv"), as: fixture.admin)
        #expect(measures.created == 47)
        #expect(measures.recommendationsCreated > 0)
        _ = try await plan.importCSV("values", csv: try ApplicationFixture.demo("values.csv"), as: fixture.admin)
        let actions = try await plan.importCSV("actions", csv: try ApplicationFixture.demo("actions.csv"), as: fixture.admin)
        #expect(actions.created == 48)
        let rows = try await plan.scorecard(period: "2017/18", as: nil)
        #expect(rows.count == 47)
        #expect(rows.contains { $0.value != nil && $0.band != "none" })
        // The recommendations file comes after, and only enriches.
        let enriched = try await plan.importCSV("recommendations", csv: try ApplicationFixture.demo("recommendations.csv"), as: fixture.admin)
        #expect(enriched.updated > 0)
    }

    @Test func importIsForAnalystsAndAdmins() async throws {
        let fixture = try await ApplicationFixture()
        let csv = "measure_id,period,value\n"
        await #expect(throws: ApplicationError(.authenticationRequired, "needs a signed-in user")) {
            try await fixture.application.plan.importCSV("values", csv: csv, as: nil)
        }
        let lead = User(name: "lead@example.org", role: .lead)
        let refusal = await #expect(throws: ApplicationError.self) {
            try await fixture.application.plan.importCSV("values", csv: csv, as: lead)
        }
        #expect(refusal?.code == .notPermitted)
    }

    @Test func onlyTheLeadOrAnAdminUpdatesAnAction() async throws {
        let fixture = try await ApplicationFixture()
        let plan = fixture.application.plan
        _ = try await plan.importCSV("actions", csv: try ApplicationFixture.demo("actions.csv"), as: fixture.admin)
        let other = User(name: "someone.else@example.org", role: .lead)
        let refusal = await #expect(throws: ApplicationError.self) {
            try await plan.updateAction("1.1.4", text: "done", reviewDate: nil, completes: false, as: other)
        }
        #expect(refusal?.code == .notPermitted)
        let lead = User(name: "Quality.Assurance.Manager@example.org", role: .lead)
        let updated = try await plan.updateAction("1.1.4", text: "Shared at the workshop", reviewDate: "Jan 2018", completes: false, as: lead)
        #expect(updated.updates?.last?.text == "Shared at the workshop")
        #expect(updated.effectiveReviewDate == "2018-01-31")
    }
}
