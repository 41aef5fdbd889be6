import Testing

@testable import QuorumDomain

@Suite("YearMonth weekdays")
struct YearMonthWeekdaysTests {
    @Test(
        "the first and last of a weekday in a month",
        arguments: [
            (2017, 3, Weekday.sunday, "2017-03-05", "2017-03-26"),
            (2018, 5, .monday, "2018-05-07", "2018-05-28"),
            (2017, 5, .monday, "2017-05-01", "2017-05-29"),
            (2018, 12, .monday, "2018-12-03", "2018-12-31"),
            (2016, 2, .monday, "2016-02-01", "2016-02-29"),
        ])
    func firstAndLast(year: Int, month: Int, weekday: Weekday, first: String, last: String) {
        let yearMonth = YearMonth(year: year, month: month)
        #expect(yearMonth.first(weekday).description == first)
        #expect(yearMonth.last(weekday).description == last)
    }

    @Test("a month knows how many days it has")
    func dayCount() {
        #expect(YearMonth(year: 2016, month: 2).dayCount == 29)
        #expect(YearMonth(year: 2017, month: 2).dayCount == 28)
        #expect(YearMonth(year: 2017, month: 9).dayCount == 30)
    }
}
