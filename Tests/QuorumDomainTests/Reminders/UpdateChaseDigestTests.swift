import Testing

@testable import QuorumDomain

@Suite("An action's update frequency brings it to the lead's digest, whatever its review date")
struct UpdateChaseDigestTests {
    static func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static let lead = Person(role: "Head of Service", email: "head@example.org")
    let planner = ReminderPlanner(policy: ReminderPolicy(), workingDays: WorkingDayCalendar(bankHolidays: BankHolidays()))

    /// Ongoing, monthly, last updated on 15 October 2017.
    static let ongoing = PlanAction(
        ref: "1.1.3", recommendationID: "1.1", text: "Practice workshops", reviewDate: .ongoing, lead: lead, status: .open,
        updates: [ActionUpdate(date: d("2017-10-15"), text: "Held quarterly", author: "head@example.org", newReviewDate: nil, completes: false)],
        updateFrequency: .months(1))

    func digest(on date: String, _ actions: [PlanAction], listed: Set<String> = []) -> Notice? {
        planner.notices(on: Self.d(date), reports: [], submitted: [], actions: actions, listed: listed, planBoard: nil)
            .first { $0.kind == .actionDigest }
    }

    @Test func anOngoingMonthlyActionIsChasedFromTheSixteenthOfNovember() throws {
        #expect(digest(on: "2017-11-15", [Self.ongoing]) == nil)
        let notice = try #require(digest(on: "2017-11-16", [Self.ongoing]))
        let item = try #require(notice.actions.first)
        #expect(item.ref == "1.1.3")
        #expect(item.updateDue == Self.d("2017-11-15"))
        #expect(item.reviewDate == nil)
        #expect(item.key == "action|1.1.3|update|2017-11-15")
        // Listed once for that due update: the next sweep sends nothing new.
        #expect(digest(on: "2017-11-17", [Self.ongoing], listed: [item.key]) == nil)
    }

    @Test func withoutAFrequencyOrWhenCompleteItIsNotChased() {
        var plain = Self.ongoing
        plain.updateFrequency = nil
        #expect(digest(on: "2017-12-20", [plain]) == nil)
        var done = Self.ongoing
        done.status = .complete
        #expect(digest(on: "2017-12-20", [done]) == nil)
    }

    @Test func anActionWithNoUpdateIsChasedOneFrequencyAfterItWasSet() {
        var fresh = Self.ongoing
        fresh.updates = []
        fresh.frequencySetOn = Self.d("2017-11-01")
        fresh.updateFrequency = .days(14)
        #expect(digest(on: "2017-11-15", [fresh]) == nil)
        #expect(digest(on: "2017-11-16", [fresh])?.actions.first?.updateDue == Self.d("2017-11-15"))
    }
}
