import Testing

@testable import QuorumDomain

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("RAG ratings and the update-frequency chase")
struct UpdateFrequencyTests {
    static let lead = Person(role: "Quality Assurance Manager", email: "qa.manager@example.org")

    static func action(review: ReviewDate = .ongoing, updates: [ActionUpdate] = [], frequency: UpdateFrequency? = .months(1)) -> PlanAction {
        PlanAction(
            ref: "1.1.4", recommendationID: "1.1", text: "Focus on Practice Week", reviewDate: review, lead: lead, status: .open,
            updates: updates, rag: .amber, updateFrequency: frequency)
    }

    @Test(
        "frequencies as plans write them", arguments: [
            ("weekly", UpdateFrequency.days(7)), ("Fortnightly", .days(14)), ("monthly", .months(1)), ("quarterly", .months(3)),
            ("every 10 days", .days(10)), ("every 3 weeks", .days(21)), ("every 2 months", .months(2)),
        ])
    func parsing(text: String, expected: UpdateFrequency) throws {
        let frequency = try UpdateFrequency(parsing: text)
        #expect(frequency == expected)
        #expect(try UpdateFrequency(parsing: frequency.description) == frequency)
    }

    @Test("bad frequencies are refused", arguments: ["", "sometimes", "every 0 days", "every two weeks", "every 3 fortnights"])
    func badFrequencies(text: String) {
        #expect(throws: MeetingRecordError.self) { try UpdateFrequency(parsing: text) }
    }

    @Test("an Ongoing monthly action last updated on 15 October 2017 is chased from 16 November, not before")
    func ongoingChased() {
        let action = Self.action(updates: [ActionUpdate(date: d("2017-10-15"), text: "Pilot planned", author: Self.lead.email)])
        #expect(action.state(on: d("2017-11-16")) == .open)  // Ongoing: never due or overdue by its review date
        #expect(action.nextUpdateDue(on: d("2017-11-16"), since: nil) == d("2017-11-15"))
        #expect(!action.needsUpdateChase(on: d("2017-11-15"), since: nil))
        #expect(action.needsUpdateChase(on: d("2017-11-16"), since: nil))
    }

    @Test("a newer update stops the chase; updates after the day are not counted")
    func updateStopsChase() {
        let action = Self.action(updates: [
            ActionUpdate(date: d("2017-10-15"), text: "Pilot planned", author: Self.lead.email),
            ActionUpdate(date: d("2017-11-20"), text: "Pilot held", author: Self.lead.email),
        ])
        #expect(!action.needsUpdateChase(on: d("2017-11-21"), since: nil))
        #expect(action.needsUpdateChase(on: d("2017-11-17"), since: nil))
    }

    @Test("with no update the count runs from when the frequency was set; never updated and no start is chased")
    func noUpdates() {
        let action = Self.action()
        #expect(!action.needsUpdateChase(on: d("2017-10-31"), since: d("2017-10-01")))
        #expect(action.needsUpdateChase(on: d("2017-11-02"), since: d("2017-10-01")))
        #expect(action.needsUpdateChase(on: d("2017-10-02"), since: nil))
    }

    @Test("no frequency, or a complete action: never chased for updates")
    func notChased() {
        #expect(!Self.action(frequency: nil).needsUpdateChase(on: d("2018-06-01"), since: nil))
        #expect(!Self.action(review: .completed).needsUpdateChase(on: d("2018-06-01"), since: nil))
    }

    @Test("RAG ratings read their names and letters")
    func rag() {
        #expect(RAGRating(parsing: " Amber ") == .amber)
        #expect(RAGRating(parsing: "g") == .green)
        #expect(RAGRating(parsing: "blue") == nil)
        #expect(RAGRating.red.label == "Red")
    }
}
