import Foundation
import QuorumApplication
import QuorumDomain
import QuorumStorage
import Testing

/// The meeting's webhook events, enqueued by the services in the transaction of their change:
/// one outbox row per subscribing webhook, none for a webhook that does not list the event.
@Suite("Webhook events of the meeting's life, enqueued by the application core", .serialized)
struct GovernanceEventTests {
    static let all = WebhookSubscription(url: "http://127.0.0.1:9/all", events: GovernanceEvent.Kind.allCases.map(\.rawValue))
    static let approvals = WebhookSubscription(url: "http://127.0.0.1:9/approvals", events: ["report.approved"])

    static func fixture(now: String) async throws -> ApplicationFixture {
        try await ApplicationFixture(now: now, webhooks: [all, approvals])
    }

    /// The events in the outbox, oldest first, as (kind, destination, event).
    static func events(_ fixture: ApplicationFixture) async throws -> [(kind: String, to: String, event: GovernanceEvent)] {
        try await fixture.database.outbox().reversed().compactMap { row in
            guard case .event(let event) = row.message else { return nil }
            return (row.kind, row.destination, event)
        }
    }

    @Test func aReturnAndAnApprovalEachRaiseTheirEventAndOtherStepsNone() async throws {
        let fixture = try await Self.fixture(now: "2017-10-27T09:00:00Z")
        let clearance = fixture.application.clearance
        let (meeting, item) = (ClearanceServiceTests.meeting, ClearanceServiceTests.item)
        try await ClearanceServiceTests.submitted(fixture)
        _ = try await clearance.take(.submit(approver: nil), meeting: meeting, item: item, as: ClearanceServiceTests.owner)
        _ = try await clearance.take(
            .finance(reference: "FD 4914/17", title: "Head of Corporate Resources"), meeting: meeting, item: item,
            as: ClearanceServiceTests.finance)
        #expect(try await Self.events(fixture).isEmpty)
        _ = try await clearance.take(
            .returnToDraft(comment: "Section 3 needs the Q2 figures"), meeting: meeting, item: item, as: ClearanceServiceTests.legal)
        // A refused step raises nothing.
        _ = await #expect(throws: ApplicationError.self) {
            try await clearance.take(.approve, meeting: meeting, item: item, as: ClearanceServiceTests.director)
        }
        var events = try await Self.events(fixture)
        #expect(events.map(\.kind) == ["report.returned"])
        #expect(events.map(\.to) == [Self.all.url])
        let returned = try #require(events.first?.event)
        #expect(returned.id == "report.returned|OSC-2017-11-14/report:OSC/performance/2017-11|3")
        #expect(returned.by == ClearanceServiceTests.legal.name)
        #expect(returned.report?.comment == "Section 3 needs the Q2 figures" && returned.report?.stage == .draft)

        _ = try await clearance.take(.submit(approver: nil), meeting: meeting, item: item, as: ClearanceServiceTests.owner)
        _ = try await clearance.take(
            .finance(reference: "FD 4914/17", title: "Head of Corporate Resources"), meeting: meeting, item: item,
            as: ClearanceServiceTests.finance)
        _ = try await clearance.take(
            .legal(reference: "LD 4108/17", title: "Head of Regulation and Compliance"), meeting: meeting, item: item,
            as: ClearanceServiceTests.legal)
        _ = try await clearance.take(.approve, meeting: meeting, item: item, as: ClearanceServiceTests.director)
        events = try await Self.events(fixture)
        // The approval goes to both webhooks; the return only to the one that lists it.
        #expect(events.map(\.kind) == ["report.returned", "report.approved", "report.approved"])
        #expect(Set(events.dropFirst().map(\.to)) == [Self.all.url, Self.approvals.url])
        #expect(events.last?.event.id == "report.approved|OSC-2017-11-14/report:OSC/performance/2017-11|7")
        #expect(events.last?.event.report?.stage == .approved && events.last?.event.report?.boardCode == "OSC")
    }

    @Test func aForwardPlanEntryRaisesItsEventOnlyWhenPublicAndOncePerContent() async throws {
        let fixture = try await Self.fixture(now: "2018-11-02T09:00:00Z")
        let plan = fixture.application.forwardPlan
        let secretary = ForwardPlanServiceTests.secretary
        _ = try await plan.add(ForwardPlanServiceTests.entry("FP-2018-10", published: nil), as: secretary)
        // Not public yet: the plan's readers do not know it, and neither do the webhooks.
        #expect(try await Self.events(fixture).isEmpty)
        var change = ForwardPlanService.Change()
        change.firstPublished = LocalDate(iso: "2018-11-02")
        _ = try await plan.update("FP-2018-10", change, as: secretary)
        _ = try await plan.update("FP-2018-10", change, as: secretary)
        var events = try await Self.events(fixture)
        #expect(events.map(\.kind) == ["forward_plan.published"])
        #expect(events.first?.event.forwardPlan?.firstPublished == LocalDate(iso: "2018-11-02"))
        #expect(events.first?.event.id.hasPrefix("forward_plan.published|FP-2018-10|") == true)
        var retitled = ForwardPlanService.Change()
        retitled.title = "Sufficiency strategy 2019 to 2022"
        _ = try await plan.update("FP-2018-10", retitled, as: secretary)
        _ = try await plan.add(ForwardPlanServiceTests.entry("FP-2018-11", published: "2018-11-01"), as: secretary)
        events = try await Self.events(fixture)
        try #require(events.count == 3)
        #expect(events.map { $0.event.forwardPlan?.reference } == ["FP-2018-10", "FP-2018-10", "FP-2018-11"])
        #expect(events[1].event.forwardPlan?.title == "Sufficiency strategy 2019 to 2022")
        #expect(Set(events.map(\.event.id)).count == 3)
    }

    @Test func approvedMinutesRaiseOneEvent() async throws {
        let fixture = try await ApplicationFixture(now: "2018-01-09T10:00:00Z", webhooks: [Self.all])
        _ = try await fixture.application.packs.submitReport(
            try ApplicationFixture.demo("reports/OSC-2017-11-14.md"), item: "4", meeting: "OSC-2017-11-14", as: fixture.admin)
        let records = fixture.application.meetingRecords
        _ = try await records.recordMinute("OSC-2017-11-14", item: "4", text: "Considered.", as: MeetingRecordServiceTests.secretary)
        #expect(try await Self.events(fixture).isEmpty)
        _ = try await records.approveMinutes(at: "OSC-2018-01-09", as: MeetingRecordServiceTests.secretary)
        let events = try await Self.events(fixture)
        #expect(events.map(\.kind) == ["minutes.approved"])
        #expect(events.first?.event.id == "minutes.approved|OSC-2017-11-14")
        #expect(events.first?.event.minutes == MinutesApproval(
            meetingID: "OSC-2017-11-14", boardCode: "OSC", meetingDate: LocalDate(iso: "2017-11-14")!, approvedAt: "OSC-2018-01-09"))
    }

    @Test func aPublishedDecisionAndItsCallInEachRaiseTheirEvent() async throws {
        let fixture = try await ApplicationFixture(now: "2018-05-08T09:00:00Z", webhooks: [Self.all])
        let decisions = fixture.application.decisions
        let day = { (text: String) in LocalDate(iso: text)! }
        _ = try await decisions.record(
            "CAB-2018-05-02-1", board: "CABINET", decidedOn: day("2018-05-02"), title: "Close the respite unit", urgencyReason: nil,
            as: DecisionServiceTests.cabinet)
        #expect(try await Self.events(fixture).isEmpty)
        _ = try await decisions.publish("CAB-2018-05-02-1", on: day("2018-05-04"), as: DecisionServiceTests.cabinet)
        // Published twice is refused, and raises nothing more.
        _ = await #expect(throws: ApplicationError.self) {
            try await decisions.publish("CAB-2018-05-02-1", on: nil, as: DecisionServiceTests.cabinet)
        }
        _ = try await decisions.callIn(
            "CAB-2018-05-02-1", reason: "Inadequate consultation with families", by: ["osc.member.1@example.org"], on: nil,
            as: DecisionServiceTests.scrutiny)
        let events = try await Self.events(fixture)
        try #require(events.count == 2)
        #expect(events.map(\.kind) == ["decision.published", "decision.called_in"])
        #expect(events.map(\.event.id) == ["decision.published|CAB-2018-05-02-1", "decision.called_in|CAB-2018-05-02-1"])
        #expect(events[0].event.decision?.publishedOn == day("2018-05-04"))
        #expect(events[0].event.callInEnds == day("2018-05-14"))
        #expect(events[1].event.decision?.callIn?.reason == "Inadequate consultation with families")
        #expect(events[1].event.by == DecisionServiceTests.scrutiny.name)
    }
}
