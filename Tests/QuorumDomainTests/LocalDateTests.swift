import Testing

@testable import QuorumDomain

@Suite("Local dates")
struct LocalDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thursday), ("2017-11-14", 17484, .tuesday), ("2018-12-12", 17877, .wednesday),
        ("2000-02-29", 11016, .tuesday), ("1969-12-31", -1, .wednesday),
    ])
    func dayNumbersAndWeekdaysAreRight(text: String, dayNumber: Int, weekday: Weekday) throws {
        let date = try #require(LocalDate(iso: text))
        #expect(date.dayNumber == dayNumber)
        #expect(LocalDate(dayNumber: dayNumber) == date)
        #expect(date.weekday == weekday)
        #expect(date.description == text)
    }

    @Test(arguments: ["2017-02-29", "2017-13-01", "2017-00-10", "2017-1-01", "17-01-01", "2017/01/01", "2017-01-01x", "",
        "2017-01-01 ", " 2017-01-01", "2017-01-1a", "2017-0a-01", "2017--01-01", "2017-01--1", "+017-01-01",
        "2017-01-0\u{FF11}", "2017-01-0\u{0661}", "2017-01-01\u{0301}", "20170-1-01",
    ])
    func impossibleOrMalformedDatesAreRefused(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func addingMonthsClampsToTheMonthEnd() {
        #expect(LocalDate(iso: "2018-01-31")!.adding(months: 1).description == "2018-02-28")
        #expect(LocalDate(iso: "2020-01-31")!.adding(months: 1).description == "2020-02-29")
        #expect(LocalDate(iso: "2017-11-14")!.adding(months: -14).description == "2016-09-14")
    }

    @Test func yearMonthsStepAcrossYearEnds() {
        #expect(YearMonth(year: 2017, month: 11).adding(months: 6).description == "2018-05")
        #expect(YearMonth(year: 2018, month: 1).adding(months: -1).description == "2017-12")
        #expect(YearMonth(year: 2017, month: 11).months(until: YearMonth(year: 2018, month: 5)) == 6)
        #expect(YearMonth(iso: "2017-13") == nil)
    }

    @Test func timesAreTwentyFourHour() {
        #expect(LocalTime(iso: "18:30")?.minutesSinceMidnight == 1110)
        #expect(LocalTime(iso: "24:00") == nil)
        #expect(LocalTime(iso: "6:30") == nil)
    }
}
