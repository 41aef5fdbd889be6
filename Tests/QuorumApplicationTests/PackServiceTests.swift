import Foundation
import QuorumApplication
import QuorumDomain
import Testing

@Suite("Meeting packs through the application core", .serialized)
struct PackServiceTests {
    @Test func aPrivateBoardsPackIsNeverReadWithoutSigningIn() async throws {
        let fixture = try await ApplicationFixture()
        let packs = fixture.application.packs
        let meeting = try #require(try await fixture.application.governance.meetings(of: "LSCB", from: nil, to: nil, as: nil).first)
        let pack = try await packs.build(meeting.id, as: fixture.admin)
        _ = try await packs.publish(pack.id, reason: "a test of access", as: fixture.admin)
        let anonymous = await #expect(throws: ApplicationError.self) { try await packs.part(pack.id, .public, .html, as: nil) }
        #expect(anonymous?.code == .authenticationRequired)
        let outsider = User(name: "osc.member.1@example.org", role: .member, boardCode: "OSC")
        let refused = await #expect(throws: ApplicationError.self) { try await packs.part(pack.id, .public, .html, as: outsider) }
        #expect(refused?.code == .notPermitted)
        // Seated on the LSCB by its board file.
        let member = User(name: "police.public.protection@example.org", role: .lead)
        let html = try await packs.part(pack.id, .public, .html, as: member)
        #expect(String(decoding: html, as: UTF8.self).contains("Local Safeguarding Children Board"))
        #expect(try await packs.versions(of: meeting.id, as: nil).isEmpty)
    }

    @Test func publishingEnqueuesItsNoticesInTheSameStep() async throws {
        let fixture = try await ApplicationFixture()
        let packs = fixture.application.packs
        let pack = try await packs.build("OSC-2017-11-14", as: fixture.admin)
        let published = try await packs.publish(pack.id, reason: nil, as: fixture.admin)
        // The chair and six members, each once.
        #expect(published.notified == 7)
        let outbox = try await fixture.application.notifications.outbox(status: "pending", as: fixture.admin)
        #expect(outbox.filter { $0.kind == "pack.published" }.count == 7)
        let again = await #expect(throws: ApplicationError.self) { try await packs.publish(pack.id, reason: nil, as: fixture.admin) }
        #expect(again?.code == .conflict)
        #expect(try await fixture.application.notifications.outbox(status: "pending", as: fixture.admin).count == outbox.count)
    }

    @Test func lateWithoutAReasonIsRefusedAndNothingIsPublished() async throws {
        let fixture = try await ApplicationFixture(now: "2017-11-10T09:00:00Z")
        let packs = fixture.application.packs
        let pack = try await packs.build("OSC-2017-11-14", as: fixture.admin)
        let refusal = await #expect(throws: ApplicationError.self) { try await packs.publish(pack.id, reason: nil, as: fixture.admin) }
        #expect(refusal?.code == .badArgument)
        #expect(refusal?.message.contains("2017-11-06") == true)
        #expect(try await packs.versions(of: "OSC-2017-11-14", as: nil).isEmpty)
        #expect(try await fixture.application.notifications.outbox(status: nil, as: fixture.admin).isEmpty)
    }

    @Test func aPacksScorecardShowsOnlyPeriodsEndedByTheMeeting() async throws {
        let fixture = try await ApplicationFixture()
        let plan = fixture.application.plan
        _ = try await plan.importCSV("measures", csv: try ApplicationFixture.demo("measures.csv"), as: fixture.admin)
        let id = try #require(try await plan.measures(as: nil).first?.id)
        _ = try await plan.setValue(measure: id, period: "2017/18 Q2", value: "61.37", as: fixture.admin)
        _ = try await plan.setValue(measure: id, period: "2017/18", value: "99.73", as: fixture.admin)
        let pack = try await fixture.application.packs.build("OSC-2017-11-14", as: fixture.admin)
        let html = String(decoding: try await fixture.application.packs.part(pack.id, .public, .html, as: fixture.admin), as: UTF8.self)
        // The year's outturn (99.73) is not known at a meeting held within the year; Q2's 61.37 is.
        #expect(html.contains("61.37"))
        #expect(!html.contains("99.73"))
    }
}
