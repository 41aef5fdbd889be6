import Testing

@testable import QuorumDomain

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("Key decisions: the Forward Plan's 28 clear days, the general exception, special urgency")
struct ForwardPlanTests {
    let calendar = WorkingDayCalendar(bankHolidays: BankHolidays())
    static let owner = Person(role: "Head of Children's Social Care", email: "head.childrens.social.care@example.org")

    static func entry(
        meeting: String?, published: String?, exception: ForwardPlanEntry.GeneralException? = nil,
        urgency: ForwardPlanEntry.SpecialUrgency? = nil
    ) -> ForwardPlanEntry {
        try! ForwardPlanEntry(
            reference: "FP-2018-07", title: "Children's social care sufficiency strategy", decisionMaker: "CABINET",
            meetingDate: meeting.map(d), reportTitle: "Sufficiency strategy", reportOwner: owner,
            firstPublished: published.map(d), generalException: exception, specialUrgency: urgency)
    }

    @Test(
        "28 clear days are calendar days with both ends left out",
        arguments: [
            // Tuesday 14 November 2017: notice by Monday 16 October.
            ("2017-11-14", "2017-10-16", 28, "2017-10-16", ForwardPlanEntry.Route.forwardPlan),
            // A day short, and on the day of the decision nothing else done: only special urgency
            // is left (the general exception's 5 clear days have gone).
            ("2017-11-14", "2017-10-17", 27, "2017-10-16", .specialUrgency),
            // Across Christmas: Christmas Day, Boxing Day and New Year's Day all count.
            ("2019-01-10", "2018-12-12", 28, "2018-12-12", .forwardPlan), ("2019-01-10", "2018-12-13", 27, "2018-12-12", .specialUrgency),
            // Across Easter 2019 (Good Friday 19 April, Easter Monday 22 April).
            ("2019-04-25", "2019-03-27", 28, "2019-03-27", .forwardPlan), ("2019-04-25", "2019-03-28", 27, "2019-03-27", .specialUrgency),
        ])
    func twentyEightClearDays(meeting: String, published: String, clearDays: Int, due: String, route: ForwardPlanEntry.Route) {
        let notice = Self.entry(meeting: meeting, published: published).notice(asOf: d(meeting), calendar: calendar)
        #expect(notice.clearDaysGiven == clearDays)
        #expect(notice.forwardPlanDue == d(due))
        #expect(notice.route == route)
        // On the day itself special urgency can still be agreed: pending, not yet breached.
        #expect(notice.status == (route == .forwardPlan ? .compliant : .pending))
    }

    @Test("an exempt entry shows its decision, date and paragraph to all, its report only to readers of exempt papers")
    func exemptParticulars() throws {
        var entry = Self.entry(meeting: "2018-12-06", published: "2018-11-01")
        #expect(entry.particulars(readsExemptPapers: false) == entry && !entry.withholdsReport(from: false))
        entry.exemptParagraph = 3
        let shown = entry.particulars(readsExemptPapers: false)
        #expect(entry.withholdsReport(from: false) && !entry.withholdsReport(from: true))
        #expect(shown.reportTitle == nil && shown.reportOwner == nil)
        #expect(shown.title == entry.title && shown.meetingDate == d("2018-12-06") && shown.exemptParagraph == 3)
        #expect(shown.firstPublished == d("2018-11-01") && shown.decisionMaker == "CABINET")
        #expect(entry.particulars(readsExemptPapers: true) == entry)
        // The webhook carries the plan as the public reads it.
        let event = try #require(GovernanceEvent.forwardPlan(entry, publicOn: d("2018-11-02"), by: "secretary"))
        #expect(event.forwardPlan == shown && event.id.hasSuffix(shown.revision))
    }

    @Test("the Forward Plan deadline of a decision on 10 January 2019 is 12 December 2018, before Christmas")
    func deadlineAcrossChristmas() {
        let notice = Self.entry(meeting: "2019-01-10", published: nil).notice(asOf: d("2018-12-01"), calendar: calendar)
        #expect(notice.forwardPlanDue == d("2018-12-12"))
        #expect(notice.generalExceptionDue == d("2019-01-04"))
        #expect(notice.route == .forwardPlan)
        #expect(notice.status == .pending)
        #expect(notice.outstanding.map(\.kind) == [.forwardPlan])
        #expect(notice.outstanding[0].status == .due)
    }

    @Test("too late for the Forward Plan: the general exception applies and says what it still needs")
    func generalExceptionPending() {
        let notice = Self.entry(meeting: "2019-01-10", published: "2018-12-20").notice(asOf: d("2018-12-21"), calendar: calendar)
        #expect(notice.clearDaysGiven == 20)
        #expect(notice.route == .generalException)
        #expect(notice.status == .pending)
        #expect(notice.checks.map(\.kind) == [.chairInformed, .generalExceptionNotice, .generalExceptionReasons])
        #expect(notice.checks.map(\.due) == [d("2019-01-04"), d("2019-01-04"), d("2019-01-10")])
        #expect(notice.checks.allSatisfy { $0.status == .due })
    }

    @Test("a general exception done in time is compliant")
    func generalExceptionCompliant() {
        let exception = ForwardPlanEntry.GeneralException(
            chairInformedOn: d("2019-01-03"), noticePublishedOn: d("2019-01-04"), reasonsPublishedOn: d("2019-01-07"))
        let notice = Self.entry(meeting: "2019-01-10", published: nil, exception: exception)
            .notice(asOf: d("2019-01-08"), calendar: calendar)
        #expect(notice.route == .generalException)
        #expect(notice.status == .compliant)
        #expect(notice.outstanding.isEmpty)
    }

    @Test("the general exception's 5 clear days over Christmas are calendar days: notice on Friday 21 December for Thursday 27")
    func generalExceptionOverChristmas() {
        // 22 to 26 December are five clear days, though only Monday 24 is a working day.
        let exception = ForwardPlanEntry.GeneralException(
            chairInformedOn: d("2018-12-21"), noticePublishedOn: d("2018-12-21"), reasonsPublishedOn: d("2018-12-21"))
        let notice = Self.entry(meeting: "2018-12-27", published: nil, exception: exception)
            .notice(asOf: d("2018-12-27"), calendar: calendar)
        #expect(notice.generalExceptionDue == d("2018-12-21"))
        #expect(notice.route == .generalException)
        #expect(notice.status == .compliant)

        // A day later leaves four clear days: only special urgency remains.
        let late = ForwardPlanEntry.GeneralException(chairInformedOn: d("2018-12-22"), noticePublishedOn: d("2018-12-22"))
        let lateNotice = Self.entry(meeting: "2018-12-27", published: nil, exception: late)
            .notice(asOf: d("2018-12-23"), calendar: calendar)
        #expect(lateNotice.route == .specialUrgency)
        #expect(lateNotice.checks.map(\.kind) == [.chairAgreement, .specialUrgencyReasons])
        #expect(lateNotice.status == .pending)
    }

    @Test("the general exception's notice on Good Friday leaves 5 clear days over Easter for Thursday 25 April 2019")
    func generalExceptionOverEaster() {
        let notice = Self.entry(meeting: "2019-04-25", published: nil).notice(asOf: d("2019-04-19"), calendar: calendar)
        #expect(notice.generalExceptionDue == d("2019-04-19"))
        #expect(notice.route == .generalException)
        // Easter Monday: too late for the general exception; special urgency is what applies.
        let monday = Self.entry(meeting: "2019-04-25", published: nil).notice(asOf: d("2019-04-22"), calendar: calendar)
        #expect(monday.route == .specialUrgency)
        #expect(monday.status == .pending)
        #expect(monday.outstanding.map(\.kind) == [.chairAgreement, .specialUrgencyReasons])
    }

    @Test("special urgency with nothing recorded is breached once the decision day has passed")
    func specialUrgencyBreached() {
        let notice = Self.entry(meeting: "2019-04-25", published: nil).notice(asOf: d("2019-04-26"), calendar: calendar)
        #expect(notice.route == .specialUrgency)
        #expect(notice.status == .breached)
        #expect(notice.checks.map(\.status) == [.missing, .missing])
    }

    @Test("special urgency with the chair's agreement and the notice of reasons is compliant")
    func specialUrgencyCompliant() {
        let urgency = ForwardPlanEntry.SpecialUrgency(
            agreedBy: "Chair of the Overview and Scrutiny Committee", agreedOn: d("2019-04-23"),
            reasonsPublishedOn: d("2019-04-23"))
        let notice = Self.entry(meeting: "2019-04-25", published: nil, urgency: urgency)
            .notice(asOf: d("2019-04-24"), calendar: calendar)
        #expect(notice.route == .specialUrgency)
        #expect(notice.status == .compliant)

        // An agreement that does not say who gave it is not enough.
        let anonymous = ForwardPlanEntry.SpecialUrgency(agreedBy: " ", agreedOn: d("2019-04-23"), reasonsPublishedOn: d("2019-04-23"))
        let incomplete = Self.entry(meeting: "2019-04-25", published: nil, urgency: anonymous)
            .notice(asOf: d("2019-04-24"), calendar: calendar)
        #expect(incomplete.status == .pending)
        #expect(incomplete.outstanding.map(\.kind) == [.chairAgreement])
    }

    @Test("a general exception given in time but with the chair told late is breached")
    func chairToldLate() {
        let exception = ForwardPlanEntry.GeneralException(chairInformedOn: d("2019-01-05"), noticePublishedOn: d("2019-01-04"))
        let notice = Self.entry(meeting: "2019-01-10", published: nil, exception: exception)
            .notice(asOf: d("2019-01-06"), calendar: calendar)
        #expect(notice.route == .generalException)
        #expect(notice.status == .breached)
        #expect(notice.checks[0].status == .late)
        #expect(notice.checks[0].description.contains("late 2019-01-05, due 2019-01-04"))
    }

    @Test("an entry without a meeting date cannot be counted yet")
    func unscheduled() {
        let notice = Self.entry(meeting: nil, published: "2018-11-01").notice(asOf: d("2018-11-02"), calendar: calendar)
        #expect(notice.status == .unscheduled)
        #expect(notice.route == nil)
    }

    @Test("entries refuse a bad decision maker, an empty title and a paragraph outside Schedule 12A")
    func refusals() {
        #expect(throws: MeetingRecordError.self) {
            try ForwardPlanEntry(reference: "FP-1", title: "x", decisionMaker: "cabinet", meetingDate: nil, firstPublished: nil)
        }
        #expect(throws: MeetingRecordError.self) {
            try ForwardPlanEntry(reference: "FP-1", title: "  ", decisionMaker: "CABINET", meetingDate: nil, firstPublished: nil)
        }
        do {
            _ = try ForwardPlanEntry(
                reference: "FP-1", title: "x", decisionMaker: "CABINET", meetingDate: nil, firstPublished: nil, exemptParagraph: 8)
            Issue.record("paragraph 8 was accepted")
        } catch {
            #expect(error.field == "exempt_paragraph")
            #expect(error.description == "exempt_paragraph '8': Schedule 12A has paragraphs 1 to 7")
        }
        let exempt = try? ForwardPlanEntry(
            reference: "FP-1", title: "x", decisionMaker: "CABINET", meetingDate: nil, firstPublished: nil, exemptParagraph: 3)
        #expect(exempt?.isExempt == true)
    }
}
