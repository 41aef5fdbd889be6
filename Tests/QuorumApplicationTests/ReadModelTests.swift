import Foundation
import QuorumApplication
import QuorumDomain
import QuorumImport
import QuorumStorage
import Testing

/// The read models the services keep (boards, measures, values, the plan's actions) are read
/// again after any committed write to their tables, through a service or not.
@Suite("Cached read models follow every write")
struct ReadModelTests {
    /// An import straight into the store, as no service would be told of it.
    static func importStraight(_ kind: ImportKind, _ csv: String, into fixture: ApplicationFixture, now: Date) async throws -> ImportSummary {
        try await fixture.database.importPlan(actor: "test", now: now) { try PlanImportRows(kind, csv: csv, against: $0) }
    }

    @Test func aScorecardReadBeforeAndAfterAValueIsSetShowsTheNewValue() async throws {
        let fixture = try await ApplicationFixture()
        let plan = fixture.application.plan
        _ = try await plan.importCSV("measures", csv: try ApplicationFixture.demo("measures.csv"), as: fixture.admin)
        let id = try #require(try await plan.measures(as: nil).first?.id)
        let before = try #require(try await plan.scorecard(period: "2017/18 Q2", as: nil).first { $0.id == id })
        #expect(before.value == nil)
        _ = try await plan.setValue(measure: id, period: "2017/18 Q2", value: "61.37", as: fixture.admin)
        let after = try #require(try await plan.scorecard(period: "2017/18 Q2", as: nil).first { $0.id == id })
        #expect(after.value == 61.37)
    }

    @Test func writesThatBypassTheServicesAreSeenToo() async throws {
        let fixture = try await ApplicationFixture()
        let plan = fixture.application.plan
        let now = Date(timeIntervalSince1970: 1_509_526_800)
        _ = try await Self.importStraight(.measures, try ApplicationFixture.demo("measures.csv"), into: fixture, now: now)
        let measures = try await plan.measures(as: nil)
        #expect(measures.count == 47)
        let id = try #require(measures.first?.id)
        // Straight to the store: no service is told.
        try await fixture.database.setValue(
            MeasureValue(measureID: id, period: try Period(parsing: "2017/18 Q1"), value: 12), actor: "test", now: now)
        #expect(try await plan.measures(as: nil).first { $0.id == id }?.latest?.value == 12)
        let extra = "id,recommendation,name,shows,polarity,requires_improvement,good,outstanding,audit\n"
            + "M9.9.99,1.1,A measure added later,What it shows,higher,65-74,75-84,85+,no\n"
        _ = try await Self.importStraight(.measures, extra, into: fixture, now: now)
        #expect(try await plan.measures(as: nil).count == 48)
        #expect(try await plan.scorecard(period: "2017/18", as: nil).contains { $0.id == "M9.9.99" })

        #expect(try await plan.actions(.init(), as: fixture.admin).isEmpty)
        _ = try await Self.importStraight(.actions, try ApplicationFixture.demo("actions.csv"), into: fixture, now: now)
        #expect(try await plan.actions(.init(), as: fixture.admin).count == 48)
    }

    @Test func aRefusedImportChangesNothingAndTheCachedPlanStands() async throws {
        let fixture = try await ApplicationFixture()
        let plan = fixture.application.plan
        _ = try await plan.importCSV("actions", csv: try ApplicationFixture.demo("actions.csv"), as: fixture.admin)
        let before = try await plan.actions(.init(), as: fixture.admin)
        let bad = "ref,recommendation,action,review_date,lead_name,lead_email,status,update,updated_on\n"
            + "1.1.1,1.1,Changed text,2017-10-31,QA Manager,qa@example.org,,,\n"
            + "1.1.2,1.1,Another,not a date,QA Manager,qa@example.org,,,\n"
        await #expect(throws: ApplicationError.self) { try await plan.importCSV("actions", csv: bad, as: fixture.admin) }
        #expect(try await plan.actions(.init(), as: fixture.admin) == before)
    }

    @Test func anActionUpdateIsInTheNextList() async throws {
        let fixture = try await ApplicationFixture()
        let plan = fixture.application.plan
        _ = try await plan.importCSV("actions", csv: try ApplicationFixture.demo("actions.csv"), as: fixture.admin)
        let asOf = LocalDate(iso: "2017-11-01")!
        let overdue = try await plan.actions(.init(state: "overdue", asOf: asOf), as: fixture.admin)
        let ref = try #require(overdue.first?.ref)
        _ = try await plan.updateAction(ref, text: "Done at last", reviewDate: nil, completes: true, as: fixture.admin)
        let after = try await plan.actions(.init(state: "overdue", asOf: asOf), as: fixture.admin)
        #expect(!after.contains { $0.ref == ref })
        #expect(after.count == overdue.count - 1)
    }
}
