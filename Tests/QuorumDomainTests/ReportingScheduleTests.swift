import Testing

@testable import QuorumDomain

@Suite("Binding reporting-cycle occurrences to meetings")
struct ReportingScheduleTests {
    private let schedule = ReportingSchedule(workingDays: WorkingDayCalendar(bankHolidays: BankHolidays()))

    private func cycle(every months: Int, first: String, last: String? = nil) -> ReportingCycle {
        ReportingCycle(
            key: "performance", title: "Performance report", reportOf: "Director of Social Care and Health",
            owner: Person(role: "Head of Children's Social Care", email: "head@example.org"), cadenceMonths: months,
            firstMonth: YearMonth(iso: first)!, lastMonth: last.flatMap { YearMonth(iso: $0) }, appendices: [.scorecard])
    }

    private func dates(_ texts: String...) -> [LocalDate] { texts.map { LocalDate(iso: $0)! } }

    @Test func theScrutinyReportOfNovember2017BindsToThe14thWithItsDeadlines() throws {
        let occurrences = schedule.occurrences(
            of: cycle(every: 6, first: "2017-11"), board: "OSC",
            meetingDates: dates("2017-09-26", "2017-11-14", "2018-01-09", "2018-05-08"), through: YearMonth(year: 2018, month: 6))
        #expect(occurrences.count == 2)
        let november = occurrences[0]
        #expect(november.id == "OSC/performance/2017-11")
        #expect(november.meetingID == "OSC-2017-11-14")
        // Five clear working days before Tuesday 14 November: publish by Monday 6 November;
        // the draft is due five working days before that, Monday 30 October.
        #expect(november.publishBy == LocalDate(iso: "2017-11-06"))
        #expect(november.draftDue == LocalDate(iso: "2017-10-30"))
        #expect(occurrences[1].meetingID == "OSC-2018-05-08")
    }

    @Test func anOccurrenceBindsToTheFirstMeetingOnOrAfterItsMonthNotBefore() {
        let occurrences = schedule.occurrences(
            of: cycle(every: 12, first: "2018-12"), board: "HWBB",
            meetingDates: dates("2018-11-28", "2018-12-12", "2018-12-19"), through: YearMonth(year: 2018, month: 12))
        #expect(occurrences.map(\.meetingDate) == [LocalDate(iso: "2018-12-12")])
        #expect(occurrences[0].publishBy == LocalDate(iso: "2018-12-04"))
    }

    @Test func withNoMeetingBeforeTheNextOccurrenceTheReportIsUnbound() {
        // A quarterly report due in January, but the board next meets in April: the April
        // meeting belongs to April's report, so January's has nowhere to go.
        let occurrences = schedule.occurrences(
            of: cycle(every: 3, first: "2018-01"), board: "LSCB", meetingDates: dates("2018-04-19"),
            through: YearMonth(year: 2018, month: 4))
        #expect(occurrences.map(\.month.description) == ["2018-01", "2018-04"])
        #expect(occurrences[0].meetingDate == nil && occurrences[0].publishBy == nil && occurrences[0].draftDue == nil)
        #expect(occurrences[1].meetingID == "LSCB-2018-04-19")
    }

    @Test func draftDeadlinesSkipBankHolidays() {
        // Meeting Wednesday 4 April 2018: the five clear working days are 3 April and 26-29 March
        // (Good Friday 30 March and Easter Monday 2 April are not working days), so papers go out
        // on Friday 23 March; the draft is due five working days before, Friday 16 March.
        let occurrences = schedule.occurrences(
            of: cycle(every: 12, first: "2018-04"), board: "CPB", meetingDates: dates("2018-04-04"),
            through: YearMonth(year: 2018, month: 4))
        #expect(occurrences[0].publishBy == LocalDate(iso: "2018-03-23"))
        #expect(occurrences[0].draftDue == LocalDate(iso: "2018-03-16"))
    }
}
