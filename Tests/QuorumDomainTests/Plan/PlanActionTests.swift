import QuorumDomain
import Testing

@Suite("Action states on a day")
struct PlanActionTests {
    static func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// 1.1.2 of the seed: review date Oct 2017, that is 31 October 2017.
    static func action(
        review: ReviewDate = .date(d("2017-10-31")), status: ActionStatus = .open, updates: [ActionUpdate] = []
    ) -> PlanAction {
        PlanAction(
            ref: "1.1.2", recommendationID: "1.1",
            text: "We assess impact of learning through quality audit, supervision audit and a bi annual staff survey",
            reviewDate: review, lead: Person(role: "Quality Assurance Manager", email: "qa.manager@example.org"),
            status: status, updates: updates)
    }

    static func update(_ iso: String, review: String? = nil, completes: Bool = false) -> ActionUpdate {
        ActionUpdate(
            date: d(iso), text: "Progress on \(iso)", author: "qa.manager@example.org",
            newReviewDate: review.map(d), completes: completes)
    }

    @Test(
        "without updates: open, then due from seven days before the review date, overdue the day after",
        arguments: [
            ("2017-10-01", ActionState.open, 0),
            ("2017-10-23", .open, 0),
            ("2017-10-24", .due, 0),
            ("2017-10-30", .due, 0),
            ("2017-10-31", .due, 0),
            ("2017-11-01", .overdue, 1),
            ("2017-11-14", .overdue, 14),
            ("2018-10-31", .overdue, 365),
        ])
    func noUpdates(on day: String, expected: ActionState, daysOverdue: Int) {
        let action = Self.action()
        #expect(action.state(on: Self.d(day)) == expected)
        #expect(action.daysOverdue(on: Self.d(day)) == daysOverdue)
    }

    @Test(
        "an update on or after the review date keeps it from being overdue; one before it does not",
        arguments: [
            // (update dated, asked on, state)
            ("2017-10-30", "2017-11-01", ActionState.overdue),
            ("2017-10-31", "2017-11-01", .open),
            ("2017-10-31", "2017-10-31", .open),
            ("2017-10-30", "2017-10-31", .due),
            ("2017-11-03", "2017-11-02", .overdue),
            ("2017-11-03", "2017-11-03", .open),
            ("2017-11-03", "2018-03-01", .open),
        ])
    func updatesAroundReviewDate(updated: String, on day: String, expected: ActionState) {
        let action = Self.action(updates: [Self.update(updated)])
        #expect(action.state(on: Self.d(day)) == expected)
    }

    @Test(
        "an update that sets a new review date moves the review date from its own date on",
        arguments: [
            ("2017-11-04", ActionState.overdue),  // before the update: the old review date stands
            ("2017-11-05", .open),
            ("2017-12-23", .open),
            ("2017-12-24", .due),
            ("2017-12-31", .due),
            ("2018-01-01", .overdue),
        ])
    func newReviewDate(on day: String, expected: ActionState) {
        let action = Self.action(updates: [Self.update("2017-11-05", review: "2017-12-31")])
        #expect(action.state(on: Self.d(day)) == expected)
        #expect(action.effectiveReviewDate == Self.d("2017-12-31"))
    }

    @Test("the review date set most recently wins, even when it is earlier")
    func latestSetReviewDate() {
        let action = Self.action(updates: [
            Self.update("2017-11-20", review: "2017-11-30"),
            Self.update("2017-11-05", review: "2017-12-31"),
        ])
        #expect(action.effectiveReviewDate == Self.d("2017-11-30"))
        #expect(action.effectiveReviewDate(on: Self.d("2017-11-10")) == Self.d("2017-12-31"))
        #expect(action.effectiveReviewDate(on: Self.d("2017-11-01")) == Self.d("2017-10-31"))
        #expect(action.state(on: Self.d("2017-12-01")) == .overdue)
        #expect(action.daysOverdue(on: Self.d("2017-12-01")) == 1)
        #expect(action.state(on: Self.d("2017-11-10")) == .open)
    }

    @Test("of two updates on one day that set review dates, the one recorded later wins")
    func sameDayReviewDates() {
        let action = Self.action(updates: [
            Self.update("2017-11-05", review: "2017-12-31"),
            Self.update("2017-11-05", review: "2018-01-31"),
        ])
        #expect(action.effectiveReviewDate == Self.d("2018-01-31"))
        #expect(action.latestUpdate?.newReviewDate == Self.d("2018-01-31"))
    }

    @Test("completion: by status, by the Completed review date, or by a completing update from its date")
    func completion() {
        #expect(Self.action(status: .complete).state(on: Self.d("2017-11-20")) == .complete)
        #expect(Self.action(status: .complete).state(on: Self.d("2017-01-01")) == .complete)
        #expect(Self.action(review: .completed, status: .complete).state(on: Self.d("2017-11-20")) == .complete)
        #expect(Self.action(review: .completed).state(on: Self.d("2017-11-20")) == .complete)

        let done = Self.action(updates: [Self.update("2017-11-10", completes: true)])
        #expect(done.state(on: Self.d("2017-11-09")) == .overdue)
        #expect(done.state(on: Self.d("2017-11-10")) == .complete)
        #expect(done.daysOverdue(on: Self.d("2017-11-10")) == 0)

        // The status says complete, but the update says when: not complete before it.
        let recorded = Self.action(status: .complete, updates: [Self.update("2017-11-10", completes: true)])
        #expect(recorded.state(on: Self.d("2017-11-09")) == .overdue)
        #expect(recorded.state(on: Self.d("2017-11-10")) == .complete)
        #expect(recorded.isComplete(on: Self.d("2017-12-01")))
    }

    @Test("an ongoing action is open until an update gives it a review date")
    func ongoing() {
        let ongoing = Self.action(review: .ongoing)
        #expect(ongoing.state(on: Self.d("2017-11-20")) == .open)
        #expect(ongoing.effectiveReviewDate == nil)
        #expect(ongoing.daysOverdue(on: Self.d("2030-01-01")) == 0)

        let dated = Self.action(review: .ongoing, updates: [Self.update("2017-11-01", review: "2017-11-30")])
        #expect(dated.state(on: Self.d("2017-11-23")) == .due)
        #expect(dated.state(on: Self.d("2017-12-01")) == .overdue)
    }

    @Test("the latest update is the latest dated, the later recorded of two on one day")
    func latestUpdate() {
        let first = Self.update("2017-09-20")
        let second = Self.update("2017-10-15")
        let sameDay = ActionUpdate(date: Self.d("2017-10-15"), text: "later the same day", author: "lead@example.org")
        #expect(Self.action().latestUpdate == nil)
        #expect(Self.action(updates: [second, first]).latestUpdate == second)
        #expect(Self.action(updates: [first, second, sameDay]).latestUpdate == sameDay)
        #expect(Self.action(updates: [first, second]).latestUpdate(on: Self.d("2017-10-01")) == first)
        #expect(Self.action(updates: [second]).latestUpdate(on: Self.d("2017-10-01")) == nil)
    }

    @Test(
        "action references",
        arguments: [
            ("1.1.4", true), ("1.1.18", true), ("1.3.12", true), ("2.6", true), ("3.1", true),
            ("", false), ("1", false), ("1.", false), ("1.1.", false), (".1", false), ("1..1", false),
            ("01.1", false), ("1.0", false), ("1.1.2017", false), ("1.1.4.1", false), ("a.b", false),
            ("1.1 ", false), (" 1.1", false), ("1,1", false), ("1.1.x", false),
            ("1.10.100", true), ("999.999.999", true), ("1.1.1000", false), ("1.1.10", true), ("1.1.0", false),
            ("1.1.\u{0663}", false), ("1.1.\u{FF11}", false), ("1.1.1\u{0301}", false),
        ])
    func references(ref: String, valid: Bool) {
        #expect(PlanAction.isValidRef(ref) == valid)
    }

    @Test("an action reference names its recommendation")
    func recommendationOfRef() {
        #expect(PlanAction.recommendationID(ofRef: "1.1.4") == "1.1")
        #expect(PlanAction.recommendationID(ofRef: "2.6") == "2")
        #expect(PlanAction.recommendationID(ofRef: "1.1.2017") == nil)
        #expect(Recommendation.isValidID("1.1"))
        #expect(Recommendation.isValidID("3"))
        #expect(!Recommendation.isValidID("2.0"))
        #expect(!Recommendation.isValidID("1.1.4"))
    }
}
