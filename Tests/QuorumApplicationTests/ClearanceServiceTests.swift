import Foundation
import QuorumApplication
import QuorumDomain
import QuorumStorage
import Testing

/// The 14 November 2017 Scrutiny report's way through clearance, on the application core.
@Suite("Report clearance through the application core", .serialized)
struct ClearanceServiceTests {
    static let meeting = "OSC-2017-11-14"
    static let item = "report:OSC/performance/2017-11"
    static let owner = User(name: "head.childrens.social.care@example.org", role: .lead)
    static let finance = User(name: "corporate.resources@example.org", role: .finance)
    static let legal = User(name: "regulation.compliance@example.org", role: .legal)
    static let director = User(name: "director.social.care.health@example.org", role: .member)
    static let secretary = User(name: "scrutiny.secretary@example.org", role: .secretary, boardCode: "OSC")

    /// The demo report with its own Internal Consultations replaced, so that what the cover says
    /// can only have come from the clearance record.
    static func report() throws -> String {
        try ApplicationFixture.demo("reports/OSC-2017-11-14.md").replacingOccurrences(
            of: "The Head of Corporate Resources (FD 4914/17) and Head of Regulation and Compliance (LD 4108/17) have been consulted and any comments have been incorporated into the report.",
            with: "To be written from the clearance record.")
    }

    static func submitted(_ fixture: ApplicationFixture) async throws {
        _ = try await fixture.application.packs.submitReport(try report(), item: item, meeting: meeting, as: owner)
    }

    @Test func theScrutinyReportGoesFromDraftThroughFinanceAndLegalAndApprovalIntoAPublishedPack() async throws {
        let fixture = try await ApplicationFixture(now: "2017-10-27T09:00:00Z")
        let clearance = fixture.application.clearance
        try await Self.submitted(fixture)
        #expect(try await clearance.record(meeting: Self.meeting, item: Self.item, as: Self.secretary).stage == "draft")

        let submitted = try await clearance.take(.submit(approver: nil), meeting: Self.meeting, item: Self.item, as: Self.owner)
        #expect(submitted.stage == "submitted")
        #expect(submitted.reportOf == "director.social.care.health@example.org")
        #expect(submitted.waitingFor == "clear_finance" && submitted.due == "2017-11-01")
        _ = try await clearance.take(
            .finance(reference: "FD 4914/17", title: "Head of Corporate Resources"), meeting: Self.meeting, item: Self.item,
            as: Self.finance)
        _ = try await clearance.take(
            .legal(reference: "LD 4108/17", title: "Head of Regulation and Compliance"), meeting: Self.meeting, item: Self.item,
            as: Self.legal)
        let approved = try await clearance.take(.approve, meeting: Self.meeting, item: Self.item, as: Self.director)
        #expect(approved.stage == "approved")
        #expect(approved.history.map(\.by) == [Self.owner.name, Self.finance.name, Self.legal.name, Self.director.name])
        #expect(approved.finance?.reference == "FD 4914/17" && approved.legal?.by == Self.legal.name)

        let pack = try await fixture.application.packs.build(Self.meeting, as: Self.secretary)
        #expect(!pack.warnings.contains { $0.contains("not yet approved") })
        let html = String(decoding: try await fixture.application.packs.part(pack.id, .public, .html, as: Self.secretary), as: UTF8.self)
        #expect(
            html.contains(
                "The Head of Corporate Resources (FD 4914/17) and the Head of Regulation and Compliance (LD 4108/17) have been consulted and any comments have been incorporated into the report."
            ))
        #expect(!html.contains("To be written from the clearance record."))
        // A build is not yet the pack: the report stays approved until the pack is published.
        #expect(try await clearance.record(meeting: Self.meeting, item: Self.item, as: Self.secretary).stage == "approved")
        // Approved, before the deadline: no reason is needed.
        let published = try await fixture.application.packs.publish(pack.id, reason: nil, as: Self.secretary)
        #expect(published.publishedAt != nil && published.lateReason == nil)
        let inPack = try await clearance.record(meeting: Self.meeting, item: Self.item, as: Self.secretary)
        #expect(inPack.stage == "in_pack" && inPack.history.last?.by == Self.secretary.name)
    }

    @Test func afterATrialBuildACorrectedReportStillGoesThroughClearance() async throws {
        let fixture = try await ApplicationFixture(now: "2017-10-27T09:00:00Z")
        let clearance = fixture.application.clearance
        try await Self.submitted(fixture)
        func clear() async throws {
            _ = try await clearance.take(.submit(approver: nil), meeting: Self.meeting, item: Self.item, as: Self.owner)
            _ = try await clearance.take(
                .finance(reference: "FD 4914/17", title: "Head of Corporate Resources"), meeting: Self.meeting, item: Self.item, as: Self.finance)
            _ = try await clearance.take(
                .legal(reference: "LD 4108/17", title: "Head of Regulation and Compliance"), meeting: Self.meeting, item: Self.item, as: Self.legal)
            _ = try await clearance.take(.approve, meeting: Self.meeting, item: Self.item, as: Self.director)
        }
        try await clear()
        _ = try await fixture.application.packs.build(Self.meeting, as: Self.secretary)
        // The trial build shows a mistake: the secretary (who holds the next step) sends it back,
        // the owner corrects it, and it is cleared again.
        let returned = try await clearance.take(
            .returnToDraft(comment: "The caseload table is a quarter out"), meeting: Self.meeting, item: Self.item, as: Self.secretary)
        #expect(returned.stage == "draft")
        let corrected = try Self.report().replacingOccurrences(of: "To be written from the clearance record.", with: "Corrected.")
        _ = try await fixture.application.packs.submitReport(corrected, item: Self.item, meeting: Self.meeting, as: Self.owner)
        try await clear()
        let pack = try await fixture.application.packs.build(Self.meeting, as: Self.secretary)
        #expect(!pack.warnings.contains { $0.contains("not yet approved") })
        _ = try await fixture.application.packs.publish(pack.id, reason: nil, as: Self.secretary)
        #expect(try await clearance.record(meeting: Self.meeting, item: Self.item, as: Self.secretary).stage == "in_pack")
    }

    @Test func eachStepIsRefusedToEveryoneButItsHolderAndTheRecordIsUnchanged() async throws {
        let fixture = try await ApplicationFixture(now: "2017-10-27T09:00:00Z")
        let clearance = fixture.application.clearance
        try await Self.submitted(fixture)
        func refusal(_ step: ClearanceService.Step, _ user: User?) async -> ApplicationError? {
            await #expect(throws: ApplicationError.self) {
                try await clearance.take(step, meeting: Self.meeting, item: Self.item, as: user)
            }
        }
        // Not even an admin submits for the owner, nor the secretary.
        #expect(await refusal(.submit(approver: nil), fixture.admin)?.code == .notPermitted)
        #expect(await refusal(.submit(approver: nil), Self.secretary)?.code == .notPermitted)
        #expect(await refusal(.submit(approver: nil), nil)?.code == .authenticationRequired)
        _ = try await clearance.take(.submit(approver: nil), meeting: Self.meeting, item: Self.item, as: Self.owner)
        let finance = ClearanceService.Step.finance(reference: "FD.5470/18", title: "Head of Corporate Resources")
        #expect(await refusal(finance, Self.legal)?.code == .notPermitted)
        #expect(await refusal(finance, fixture.admin)?.code == .notPermitted)
        #expect(await refusal(.legal(reference: "LD.4595/18", title: "Chief Legal and Democratic Officer"), Self.legal)?.code == .conflict)
        #expect(await refusal(.approve, Self.director)?.code == .conflict)
        let wrongPrefix = await refusal(.finance(reference: "LD.4595/18", title: "Head of Corporate Resources"), Self.finance)
        #expect(wrongPrefix?.code == .badArgument && wrongPrefix?.message.contains("starts FD") == true)
        // A return belongs to whoever holds the next step: here finance, not the owner.
        #expect(await refusal(.returnToDraft(comment: "wait"), Self.owner)?.code == .notPermitted)
        #expect(await refusal(.returnToDraft(comment: "  "), Self.finance)?.code == .badArgument)
        let record = try await clearance.record(meeting: Self.meeting, item: Self.item, as: Self.secretary)
        #expect(record.stage == "submitted" && record.history.count == 1)

        // While it is in clearance its text cannot change; returned, it can, and loses its clearances.
        _ = try await clearance.take(finance, meeting: Self.meeting, item: Self.item, as: Self.finance)
        let resubmit = await #expect(throws: ApplicationError.self) {
            try await fixture.application.packs.submitReport(try Self.report(), item: Self.item, meeting: Self.meeting, as: Self.owner)
        }
        #expect(resubmit?.code == .conflict)
        let returned = try await clearance.take(
            .returnToDraft(comment: "Section 3 needs the Q2 figures"), meeting: Self.meeting, item: Self.item, as: Self.legal)
        #expect(returned.stage == "draft" && returned.finance == nil && returned.returnComment == "Section 3 needs the Q2 figures")
        _ = try await fixture.application.packs.submitReport(try Self.report(), item: Self.item, meeting: Self.meeting, as: Self.owner)
    }

    @Test func aPackWithAnUnapprovedReportWarnsAndIsPublishedOnlyWithAReason() async throws {
        let fixture = try await ApplicationFixture(now: "2017-11-02T09:00:00Z")
        try await Self.submitted(fixture)
        _ = try await fixture.application.clearance.take(.submit(approver: nil), meeting: Self.meeting, item: Self.item, as: Self.owner)
        let pack = try await fixture.application.packs.build(Self.meeting, as: Self.secretary)
        // Due 1 November, on 2 November finance is late, and the cover says whom to chase.
        #expect(pack.warnings.contains { $0.contains("clear the report for finance is late (due 2017-11-01); chase a finance officer") })
        let html = String(decoding: try await fixture.application.packs.part(pack.id, .public, .html, as: Self.secretary), as: UTF8.self)
        #expect(html.contains("clear the report for finance is late"))
        let refused = await #expect(throws: ApplicationError.self) {
            try await fixture.application.packs.publish(pack.id, reason: nil, as: Self.secretary)
        }
        #expect(refused?.code == .badArgument && refused?.message.contains("not yet approved") == true)
        let published = try await fixture.application.packs.publish(
            pack.id, reason: "Finance clearance is in hand; the chair agreed", as: Self.secretary)
        // On time: the reason is the unapproved report's, not lateness's, and names the report.
        #expect(published.late == false && published.lateReason == nil)
        #expect(published.unapprovedReason == "Finance clearance is in hand; the chair agreed")
        let readiness = try await fixture.application.clearance.readiness(meeting: Self.meeting, asOf: nil, as: Self.secretary)
        let number = try #require(try await fixture.application.governance.meeting(Self.meeting, as: nil).items?.first { $0.key == Self.item }?.number)
        #expect(readiness.unapproved.count == 1)
        #expect(published.unapprovedReports == ["\(number). \(readiness.unapproved[0])"])
        let listed = try await fixture.application.packs.versions(of: Self.meeting, as: nil)
        #expect(listed.first?.unapprovedReason == "Finance clearance is in hand; the chair agreed" && listed.first?.lateReason == nil)
    }

    @Test func theSweepChasesTheLateStepsHolderOncePerStepAndDueDate() async throws {
        let fixture = try await ApplicationFixture(now: "2017-10-27T09:00:00Z")
        _ = try await fixture.database.addUser(email: Self.finance.name, role: .finance, boardCode: nil, now: Date())
        try await Self.submitted(fixture)
        _ = try await fixture.application.clearance.take(.submit(approver: nil), meeting: Self.meeting, item: Self.item, as: Self.owner)
        let notifications = fixture.application.notifications
        func chases(_ instant: String) async throws -> [String] {
            try await notifications.run(asOf: InstantText.parse(instant)!, as: fixture.admin).notices
                .filter { $0.kind == "clearance.late" && $0.enqueued == true }.map(\.to.email)
        }
        // Due Wednesday 1 November: on time that day, chased on the 2nd, never again for that step.
        #expect(try await chases("2017-11-01T08:00:00Z").isEmpty)
        #expect(try await chases("2017-11-02T08:00:00Z") == [Self.finance.name])
        #expect(try await chases("2017-11-02T08:00:00Z").isEmpty)
        #expect(try await chases("2017-11-03T08:00:00Z").isEmpty)
        // Cleared, the next step (legal, due the same day) is late at once: its holders are chased.
        _ = try await fixture.database.addUser(email: Self.legal.name, role: .legal, boardCode: nil, now: Date())
        _ = try await fixture.application.clearance.take(
            .finance(reference: "FD 4914/17", title: "Head of Corporate Resources"), meeting: Self.meeting, item: Self.item,
            as: Self.finance)
        #expect(try await chases("2017-11-03T08:00:00Z") == [Self.legal.name])
    }

    @Test func aLateStepWhoseRoleNobodyHoldsChasesTheBoardsSecretaryOnce() async throws {
        let fixture = try await ApplicationFixture(now: "2017-10-27T09:00:00Z")
        try await Self.submitted(fixture)
        _ = try await fixture.application.clearance.take(.submit(approver: nil), meeting: Self.meeting, item: Self.item, as: Self.owner)
        let notifications = fixture.application.notifications
        func chases(_ instant: String) async throws -> [String] {
            try await notifications.run(asOf: InstantText.parse(instant)!, as: fixture.admin).notices
                .filter { $0.kind == "clearance.late" && $0.enqueued == true }.map(\.to.email)
        }
        // No user has the finance role: the secretary hears of the late finance step, once.
        #expect(try await chases("2017-11-02T08:00:00Z") == ["scrutiny.secretary@example.org"])
        #expect(try await chases("2017-11-03T08:00:00Z").isEmpty)
        // Once someone holds the role, they are chased, and the secretary no more.
        _ = try await fixture.database.addUser(email: Self.finance.name, role: .finance, boardCode: nil, now: Date())
        #expect(try await chases("2017-11-03T08:00:00Z") == [Self.finance.name])
    }

    @Test func theDashboardSaysWhichReportWaitsOnWhom() async throws {
        let fixture = try await ApplicationFixture(now: "2017-11-02T09:00:00Z")
        try await Self.submitted(fixture)
        let board = await #expect(throws: ApplicationError.self) {
            try await fixture.application.clearance.readiness(meeting: Self.meeting, asOf: nil, as: Self.owner)
        }
        #expect(board?.code == .notPermitted)
        let readiness = try await fixture.application.clearance.readiness(meeting: Self.meeting, asOf: nil, as: Self.secretary)
        #expect(readiness.deadlines.draft == "2017-10-30" && readiness.deadlines.approval == "2017-11-03")
        let report = try #require(readiness.reports.first)
        #expect(report.item == Self.item && report.stage == "draft" && report.waitingFor == "submit" && report.late)
        #expect(report.holder == "Head of Children's Social Care (head.childrens.social.care@example.org)")
        #expect(readiness.unapproved.count == 1)
    }
}
