import Testing

@testable import QuorumDomain

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("Notice of a private meeting: 28 clear days, then 5 with representations and the response")
struct PrivateMeetingNoticesTests {
    let calendar = WorkingDayCalendar(bankHolidays: BankHolidays())
    static let reasons = "Schedule 12A paragraph 1: information relating to individual children"

    @Test("a meeting on Wednesday 12 December 2018 needs its notices by 13 November and 6 December")
    func dueDates() {
        let notices = PrivateMeetingNotices(meetingDate: d("2018-12-12"))
        #expect(notices.firstDue(calendar: calendar) == d("2018-11-13"))
        #expect(notices.secondDue(calendar: calendar) == d("2018-12-06"))
    }

    @Test("over Christmas: a meeting on Thursday 3 January 2019 needs them by 5 and 28 December 2018")
    func dueDatesOverChristmas() {
        let notices = PrivateMeetingNotices(meetingDate: d("2019-01-03"))
        #expect(notices.firstDue(calendar: calendar) == d("2018-12-05"))
        #expect(notices.secondDue(calendar: calendar) == d("2018-12-28"))
    }

    @Test(
        "each notice is due, given, late or missing",
        arguments: [
            (nil, "2018-11-13", NoticeStatus.due), (nil, "2018-11-14", .missing),
            ("2018-11-13", "2018-11-20", .given), ("2018-11-14", "2018-11-20", .late),
        ] as [(String?, String, NoticeStatus)])
    func firstNoticeStatus(given: String?, asOf: String, expected: NoticeStatus) {
        let notices = PrivateMeetingNotices(
            meetingDate: d("2018-12-12"), first: given.map { .init(givenOn: d($0), reasons: Self.reasons) })
        let checks = notices.checks(asOf: d(asOf), calendar: calendar)
        #expect(checks[0].kind == .privateFirstNotice)
        #expect(checks[0].status == expected)
        #expect(checks[0].needsWarning == (expected == .late || expected == .missing))
    }

    @Test("the second notice with representations needs the response to them")
    func representationsNeedAResponse() {
        var notices = PrivateMeetingNotices(
            meetingDate: d("2018-12-12"), first: .init(givenOn: d("2018-11-01"), reasons: Self.reasons),
            second: .init(
                givenOn: d("2018-12-06"), reasons: Self.reasons,
                representations: ["A parent asks that the item be heard in public"]))
        var checks = notices.checks(asOf: d("2018-12-07"), calendar: calendar)
        #expect(checks[1].status == .given)
        #expect(checks[1].problems == ["1 representation received but no response stated"])
        #expect(!checks[1].isSatisfied)
        #expect(checks[1].needsWarning)

        notices.second!.response = "The item concerns individual children and is heard in private."
        checks = notices.checks(asOf: d("2018-12-07"), calendar: calendar)
        #expect(checks.allSatisfy { $0.isSatisfied })
    }

    @Test("a notice without its reasons is not complete")
    func reasonsRequired() {
        let notices = PrivateMeetingNotices(meetingDate: d("2018-12-12"), first: .init(givenOn: d("2018-11-01"), reasons: ""))
        let checks = notices.checks(asOf: d("2018-11-02"), calendar: calendar)
        #expect(checks[0].problems == ["it does not state the reasons for meeting in private"])
        #expect(checks[1].status == .due)
    }

    @Test("the chair's urgency agreement excuses late notices once its reasons are published")
    func urgencyAgreement() {
        var notices = PrivateMeetingNotices(
            meetingDate: d("2018-12-12"),
            urgency: .init(agreedBy: "Chair of the Overview and Scrutiny Committee", agreedOn: d("2018-12-10")))
        var checks = notices.checks(asOf: d("2018-12-11"), calendar: calendar)
        #expect(checks.map(\.status) == [.missing, .missing])
        #expect(checks.allSatisfy { $0.excuse != nil && !$0.isSatisfied })

        notices.urgency!.reasonsPublishedOn = d("2018-12-10")
        checks = notices.checks(asOf: d("2018-12-11"), calendar: calendar)
        #expect(checks.allSatisfy { $0.isSatisfied })
        #expect(checks.allSatisfy { !$0.needsWarning })
    }
}
