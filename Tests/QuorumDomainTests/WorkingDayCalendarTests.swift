import Testing

@testable import QuorumDomain

private func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("WorkingDayCalendar")
struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar(bankHolidays: BankHolidays())

    @Test(
        "weekdays are working days unless they are bank holidays",
        arguments: [
            ("2018-12-12", true), ("2018-12-15", false), ("2018-12-16", false), ("2018-12-25", false),
            ("2019-04-19", false), ("2022-09-19", false),
            // The early May bank holiday of 2020 moved to Friday 8 May for VE Day.
            ("2020-05-04", true), ("2020-05-08", false),
        ])
    func workingDay(text: String, expected: Bool) {
        #expect(calendar.isWorkingDay(day(text)) == expected)
    }

    @Test("the next working day after Christmas 2018 is Thursday 27 December")
    func nextWorkingDay() {
        #expect(calendar.nextWorkingDay(onOrAfter: day("2018-12-25")) == day("2018-12-27"))
        #expect(calendar.nextWorkingDay(onOrAfter: day("2018-12-12")) == day("2018-12-12"))
        #expect(calendar.nextWorkingDay(onOrAfter: day("2019-04-19")) == day("2019-04-23"))
    }

    @Test("the working day on or before Easter Monday 2019 is the Thursday before Good Friday")
    func previousWorkingDay() {
        #expect(calendar.previousWorkingDay(onOrBefore: day("2019-04-22")) == day("2019-04-18"))
        #expect(calendar.previousWorkingDay(onOrBefore: day("2018-12-12")) == day("2018-12-12"))
    }

    @Test(
        "adding working days skips weekends and holidays, backwards when negative",
        arguments: [
            ("2018-12-14", 1, "2018-12-17"),  // Friday + 1 → Monday
            ("2018-12-15", 1, "2018-12-17"),  // Saturday + 1 → Monday
            ("2018-12-17", -1, "2018-12-14"),  // Monday − 1 → Friday
            ("2018-12-21", 3, "2018-12-28"),  // over Christmas and Boxing Day
            ("2019-01-02", -3, "2018-12-27"),  // back over New Year's Day
            ("2019-04-18", 1, "2019-04-23"),  // over Easter
            ("2018-12-15", 0, "2018-12-15"),  // zero changes nothing
            ("2017-11-06", -5, "2017-10-30"),
        ])
    func addingWorkingDays(from: String, count: Int, expected: String) {
        #expect(calendar.adding(workingDays: count, to: day(from)) == day(expected))
    }

    @Test("clear working days exclude both ends and may be asked in either order")
    func clearWorkingDays() {
        #expect(calendar.clearWorkingDays(between: day("2018-12-04"), and: day("2018-12-12")) == 5)
        #expect(calendar.clearWorkingDays(between: day("2018-12-12"), and: day("2018-12-04")) == 5)
        #expect(calendar.clearWorkingDays(between: day("2018-12-12"), and: day("2018-12-12")) == 0)
        #expect(calendar.clearWorkingDays(between: day("2018-12-12"), and: day("2018-12-13")) == 0)
        #expect(calendar.clearWorkingDays(between: day("2018-12-21"), and: day("2019-01-03")) == 5)
    }

    @Test(
        "papers are published by the latest working day that leaves five clear working days",
        arguments: [
            // DESIGN's example: a Wednesday meeting → the Tuesday of the week before.
            ("2018-12-12", "2018-12-04"),
            // A Monday meeting → the Friday of the week before last.
            ("2018-12-17", "2018-12-07"),
            // The Overview and Scrutiny Committee of 14 November 2017.
            ("2017-11-14", "2017-11-06"),
            // Over Christmas, Boxing Day and New Year's Day.
            ("2019-01-03", "2018-12-21"),
            ("2017-01-04", "2016-12-22"),
            // Over Good Friday and Easter Monday.
            ("2019-04-24", "2019-04-12"),
            ("2024-04-05", "2024-03-26"),
            // Monday 4 May 2020 was a working day: its holiday moved to Friday 8 May.
            ("2020-05-12", "2020-05-01"),
            // Spring bank holiday 2022 moved to Thursday 2 June, then the Platinum Jubilee on the 3rd.
            ("2022-06-08", "2022-05-27"),
            // The state funeral of 19 September 2022.
            ("2022-09-26", "2022-09-15"),
            // The coronation of 8 May 2023, after the early May bank holiday on the 1st.
            ("2023-05-15", "2023-05-04"),
        ])
    func publicationDeadline(meeting: String, expected: String) {
        let deadline = calendar.publicationDeadline(forMeetingOn: day(meeting))
        #expect(deadline == day(expected))
        #expect(calendar.clearWorkingDays(between: deadline, and: day(meeting)) == 5)
    }

    @Test("every publication deadline 2016–2024 is the latest working day with five clear working days")
    func publicationDeadlineIsLatest() {
        var meeting = day("2016-01-01")
        while meeting <= day("2024-12-31") {
            let deadline = calendar.publicationDeadline(forMeetingOn: meeting)
            #expect(calendar.isWorkingDay(deadline), "\(meeting)")
            #expect(calendar.clearWorkingDays(between: deadline, and: meeting) == 5, "\(meeting)")
            let later = calendar.nextWorkingDay(onOrAfter: deadline.adding(days: 1))
            #expect(calendar.clearWorkingDays(between: later, and: meeting) < 5, "\(meeting)")
            meeting = meeting.adding(days: 1)
        }
    }

    @Test("a different number of clear working days can be asked for")
    func otherClearDays() {
        #expect(calendar.publicationDeadline(forMeetingOn: day("2018-12-12"), clearWorkingDays: 3) == day("2018-12-06"))
        #expect(calendar.publicationDeadline(forMeetingOn: day("2018-12-12"), clearWorkingDays: 0) == day("2018-12-11"))
    }

    @Test(
        "28 clear days' notice excludes the notice day and the meeting day, and counts every day",
        arguments: [
            ("2017-11-14", "2017-10-16"),
            ("2018-03-01", "2018-01-31"),
            ("2019-01-03", "2018-12-05"),
        ])
    func noticeDeadline(meeting: String, expected: String) {
        let notice = calendar.noticeDeadline(before: day(meeting), clearDays: 28)
        #expect(notice == day(expected))
        #expect(notice.days(until: day(meeting)) - 1 == 28)
        #expect(calendar.noticeDeadline(before: day(meeting)) == notice)
    }
}
