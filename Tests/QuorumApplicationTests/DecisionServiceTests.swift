import Foundation
import QuorumApplication
import QuorumDomain
import QuorumWire
import Testing

@Suite("Executive decisions: publication, call-in and implementation, through the application core")
struct DecisionServiceTests {
    static let cabinet = User(name: "cabinet.secretary@example.org", role: .secretary, boardCode: "CABINET")
    static let scrutiny = User(name: "scrutiny.secretary@example.org", role: .secretary, boardCode: "OSC")
    static func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func publishedOnFridayFourthMayTheCallInEndsOnMondayFourteenth() async throws {
        let decisions = try await ApplicationFixture(now: "2018-05-08T09:00:00Z").application.decisions
        _ = try await decisions.record(
            "CAB-2018-05-02-1", board: "CABINET", decidedOn: Self.d("2018-05-02"), title: "Adopt the sufficiency strategy",
            urgencyReason: nil, as: Self.cabinet)
        let published = try await decisions.publish("CAB-2018-05-02-1", on: Self.d("2018-05-04"), as: Self.cabinet)
        // Two working days after Wednesday 2 May: Friday 4 May, in time.
        #expect(published.publicationDue == "2018-05-04")
        #expect(published.publication == "given")
        // Monday 7 May is the early May bank holiday: five working days end on Monday 14 May.
        #expect(published.callInEnds == "2018-05-14")
        #expect(published.implementation.state == "in_call_in_period")
        #expect(published.implementation.from == "2018-05-15")
        let later = try await decisions.decision("CAB-2018-05-02-1", asOf: Self.d("2018-05-15"), as: nil)
        #expect(later.implementation.state == "implementable")
    }

    @Test func aCallInWithinThePeriodSuspendsImplementationUntilHeard() async throws {
        let decisions = try await ApplicationFixture(now: "2018-05-08T09:00:00Z").application.decisions
        _ = try await decisions.record(
            "CAB-2018-05-02-1", board: "CABINET", decidedOn: Self.d("2018-05-02"), title: "Close the respite unit", urgencyReason: nil,
            as: Self.cabinet)
        _ = try await decisions.publish("CAB-2018-05-02-1", on: Self.d("2018-05-04"), as: Self.cabinet)
        // Only the scrutiny committee's secretary calls a decision in.
        let refusal = await #expect(throws: ApplicationError.self) {
            try await decisions.callIn("CAB-2018-05-02-1", reason: "Consultation", by: [], on: nil, as: Self.cabinet)
        }
        #expect(refusal?.code == .notPermitted)
        let called = try await decisions.callIn(
            "CAB-2018-05-02-1", reason: "Inadequate consultation with families", by: ["osc.member.1@example.org"], on: nil,
            as: Self.scrutiny)
        #expect(called.implementation.state == "suspended")
        let heard = try await decisions.hear("CAB-2018-05-02-1", on: Self.d("2018-05-22"), outcome: "no_further_action", as: Self.scrutiny)
        #expect(heard.implementation.state == "implementable")
        #expect(heard.implementation.from == "2018-05-23")
    }

    @Test func theBoardThatMayCallInADecisionIsTheOneWhoseFileScrutinisesItsMaker() async throws {
        // The Health and Wellbeing Board's file, not OSC's, says it scrutinises the Cabinet.
        let fixture = try await ApplicationFixture(
            now: "2018-05-08T09:00:00Z",
            boards: [
                "OSC.yaml": { $0.replacingOccurrences(of: "scrutinises: [CABINET]\n", with: "") },
                "HWBB.yaml": { $0.replacingOccurrences(of: "\npublic:", with: "\nscrutinises: [CABINET]\npublic:") },
            ])
        let decisions = fixture.application.decisions
        _ = try await decisions.record(
            "CAB-1", board: "CABINET", decidedOn: Self.d("2018-05-02"), title: "A decision", urgencyReason: nil, as: Self.cabinet)
        _ = try await decisions.publish("CAB-1", on: Self.d("2018-05-04"), as: Self.cabinet)
        let refused = await #expect(throws: ApplicationError.self) {
            try await decisions.callIn("CAB-1", reason: "Consultation", by: [], on: nil, as: Self.scrutiny)
        }
        #expect(refused?.code == .notPermitted)
        let health = User(name: "hwbb.secretary@example.org", role: .secretary, boardCode: "HWBB")
        let called = try await decisions.callIn("CAB-1", reason: "Consultation", by: [], on: nil, as: health)
        #expect(called.implementation.state == "suspended")
        #expect(try await decisions.hear("CAB-1", on: Self.d("2018-05-22"), outcome: nil, as: health).callIn?.hearingDate == "2018-05-22")
    }

    @Test func aDecisionThatNoBoardScrutinisesCannotBeCalledIn() async throws {
        let fixture = try await ApplicationFixture(
            now: "2018-05-08T09:00:00Z", boards: ["OSC.yaml": { $0.replacingOccurrences(of: "scrutinises: [CABINET]\n", with: "") }])
        let decisions = fixture.application.decisions
        _ = try await decisions.record(
            "CAB-1", board: "CABINET", decidedOn: Self.d("2018-05-02"), title: "A decision", urgencyReason: nil, as: Self.cabinet)
        _ = try await decisions.publish("CAB-1", on: Self.d("2018-05-04"), as: Self.cabinet)
        #expect(await #expect(throws: ApplicationError.self) {
            try await decisions.callIn("CAB-1", reason: "Consultation", by: [], on: nil, as: Self.scrutiny)
        }?.code == .notPermitted)
        let admin = await #expect(throws: ApplicationError.self) {
            try await decisions.callIn("CAB-1", reason: "Consultation", by: [], on: nil, as: fixture.admin)
        }
        #expect(admin?.code == .badArgument && admin?.message.contains("scrutinises:") == true)
        #expect(try await decisions.decision("CAB-1", asOf: nil, as: nil).callIn == nil)
    }

    @Test func aLateCallInAndACallInOfAnUrgentDecisionAreRefused() async throws {
        let decisions = try await ApplicationFixture(now: "2018-05-20T09:00:00Z").application.decisions
        _ = try await decisions.record(
            "CAB-1", board: "CABINET", decidedOn: Self.d("2018-05-02"), title: "A decision", urgencyReason: nil, as: Self.cabinet)
        _ = try await decisions.publish("CAB-1", on: Self.d("2018-05-04"), as: Self.cabinet)
        let late = await #expect(throws: ApplicationError.self) {
            try await decisions.callIn("CAB-1", reason: "Too late", by: [], on: Self.d("2018-05-15"), as: Self.scrutiny)
        }
        #expect(late?.message.contains("2018-05-14") == true)
        #expect(try await decisions.decision("CAB-1", asOf: nil, as: nil).callIn == nil)
        let urgent = try await decisions.record(
            "CAB-2", board: "CABINET", decidedOn: Self.d("2018-05-18"), title: "Emergency placement contract",
            urgencyReason: "Placements needed before the next Cabinet", as: Self.cabinet)
        #expect(urgent.implementation.state == "implementable")
        #expect(urgent.implementation.immediately)
        #expect(urgent.implementation.from == "2018-05-18")
        _ = try await decisions.publish("CAB-2", on: Self.d("2018-05-18"), as: Self.cabinet)
        await #expect(throws: ApplicationError.self) {
            try await decisions.callIn("CAB-2", reason: "x", by: [], on: Self.d("2018-05-18"), as: Self.scrutiny)
        }
    }
}
