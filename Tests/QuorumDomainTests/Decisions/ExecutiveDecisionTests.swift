import Testing

@testable import QuorumDomain

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("Executive decisions: publication, call-in and implementation")
struct ExecutiveDecisionTests {
    let calendar = WorkingDayCalendar(bankHolidays: BankHolidays())
    let policy = DecisionPolicy()

    static func decision(
        decided: String = "2018-05-03", published: String? = "2018-05-04", urgency: String? = nil,
        callIn: ExecutiveDecision.CallIn? = nil
    ) -> ExecutiveDecision {
        try! ExecutiveDecision(
            reference: "CAB-2018-05-03/6", title: "Over-recruitment of social workers", decisionMaker: "CABINET",
            decidedOn: d(decided), publishedOn: published.map(d), urgencyReason: urgency, callIn: callIn)
    }

    @Test("decided Thursday 3 May 2018: published by Tuesday 8 May, over the early May bank holiday")
    func publicationDue() {
        let decision = Self.decision(published: nil)
        #expect(decision.publicationDue(policy: policy, calendar: calendar) == d("2018-05-08"))
        #expect(decision.publicationStatus(asOf: d("2018-05-08"), policy: policy, calendar: calendar) == .due)
        #expect(decision.publicationStatus(asOf: d("2018-05-09"), policy: policy, calendar: calendar) == .missing)
        #expect(Self.decision(published: "2018-05-09").publicationStatus(asOf: d("2018-05-09"), policy: policy, calendar: calendar) == .late)
        #expect(decision.implementation(asOf: d("2018-05-08"), policy: policy, calendar: calendar) == .awaitingPublication)
    }

    @Test("published Friday 4 May 2018: call-in ends Monday 14 May (7 May is a bank holiday), implementation 15 May")
    func callInAcrossABankHoliday() {
        let decision = Self.decision()
        #expect(decision.callInEnds(policy: policy, calendar: calendar) == d("2018-05-14"))
        #expect(
            decision.implementation(asOf: d("2018-05-14"), policy: policy, calendar: calendar)
                == .inCallInPeriod(until: d("2018-05-14"), from: d("2018-05-15")))
        #expect(
            decision.implementation(asOf: d("2018-05-15"), policy: policy, calendar: calendar)
                == .implementable(from: d("2018-05-15"), immediately: false))
    }

    @Test("published Friday 21 December 2018: call-in ends Wednesday 2 January 2019")
    func callInOverChristmas() {
        let decision = Self.decision(decided: "2018-12-20", published: "2018-12-21")
        #expect(decision.callInEnds(policy: policy, calendar: calendar) == d("2019-01-02"))
        #expect(DecisionPolicy(callInWorkingDays: 3).callInWorkingDays == 3)
        #expect(decision.callInEnds(policy: DecisionPolicy(callInWorkingDays: 3), calendar: calendar) == d("2018-12-28"))
    }

    @Test("a call-in within the period suspends implementation until it is heard")
    func callInSuspends() {
        var callIn = ExecutiveDecision.CallIn(
            requestedOn: d("2018-05-10"), by: ["osc.member.1@example.org", "osc.member.2@example.org"],
            reason: "The costs were not before Cabinet", hearingDate: d("2018-05-22"))
        var decision = Self.decision(callIn: callIn)
        #expect(decision.callInRefusal(callIn, policy: policy, calendar: calendar) == nil)
        #expect(
            decision.implementation(asOf: d("2018-05-16"), policy: policy, calendar: calendar)
                == .suspended(hearing: d("2018-05-22"), referredBack: false))

        callIn.outcome = .noFurtherAction
        decision.callIn = callIn
        #expect(
            decision.implementation(asOf: d("2018-05-23"), policy: policy, calendar: calendar)
                == .implementable(from: d("2018-05-23"), immediately: false))

        callIn.outcome = .referredBack
        decision.callIn = callIn
        #expect(
            decision.implementation(asOf: d("2018-06-01"), policy: policy, calendar: calendar)
                == .suspended(hearing: d("2018-05-22"), referredBack: true))
    }

    @Test("a call-in after the period, before publication, or of an urgent decision is refused")
    func callInRefused() {
        let late = ExecutiveDecision.CallIn(requestedOn: d("2018-05-15"), by: ["osc.member.1@example.org"], reason: "Costs")
        #expect(Self.decision().callInRefusal(late, policy: policy, calendar: calendar)?.field == "requested_on")
        // A refused call-in does not suspend anything.
        #expect(
            Self.decision(callIn: late).implementation(asOf: d("2018-05-16"), policy: policy, calendar: calendar)
                == .implementable(from: d("2018-05-15"), immediately: false))
        let early = ExecutiveDecision.CallIn(requestedOn: d("2018-05-04"), by: ["osc.member.1@example.org"], reason: "Costs")
        #expect(Self.decision(published: nil).callInRefusal(early, policy: policy, calendar: calendar) != nil)

        let urgent = Self.decision(urgency: "Recruitment must start before the summer")
        #expect(urgent.callInRefusal(early, policy: policy, calendar: calendar)?.field == "call_in")
        #expect(urgent.callInEnds(policy: policy, calendar: calendar) == nil)
        #expect(
            urgent.implementation(asOf: d("2018-05-03"), policy: policy, calendar: calendar)
                == .implementable(from: d("2018-05-03"), immediately: true))
    }

    @Test("a decision refuses publication before it was made, and an empty urgency reason")
    func refusals() {
        #expect(throws: MeetingRecordError.self) {
            try ExecutiveDecision(reference: "C1", title: "x", decisionMaker: "CABINET", decidedOn: d("2018-05-03"), publishedOn: d("2018-05-02"))
        }
        #expect(throws: MeetingRecordError.self) {
            try ExecutiveDecision(reference: "C1", title: "x", decisionMaker: "CABINET", decidedOn: d("2018-05-03"), urgencyReason: " ")
        }
    }
}
