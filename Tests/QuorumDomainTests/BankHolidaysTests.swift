import Testing

@testable import QuorumDomain

private func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// gov.uk's England and Wales bank holidays for a whole year: date and title.
struct GovUKYear: Sendable, CustomTestStringConvertible {
    let year: Int
    let holidays: [(String, String)]

    var testDescription: String { String(year) }
}

let govUKYears: [GovUKYear] = [
    GovUKYear(year: 2016, holidays: [
        ("2016-01-01", "New Year's Day"), ("2016-03-25", "Good Friday"), ("2016-03-28", "Easter Monday"),
        ("2016-05-02", "Early May bank holiday"), ("2016-05-30", "Spring bank holiday"),
        ("2016-08-29", "Summer bank holiday"), ("2016-12-26", "Boxing Day"), ("2016-12-27", "Christmas Day"),
    ]),
    GovUKYear(year: 2017, holidays: [
        ("2017-01-02", "New Year's Day"), ("2017-04-14", "Good Friday"), ("2017-04-17", "Easter Monday"),
        ("2017-05-01", "Early May bank holiday"), ("2017-05-29", "Spring bank holiday"),
        ("2017-08-28", "Summer bank holiday"), ("2017-12-25", "Christmas Day"), ("2017-12-26", "Boxing Day"),
    ]),
    GovUKYear(year: 2018, holidays: [
        ("2018-01-01", "New Year's Day"), ("2018-03-30", "Good Friday"), ("2018-04-02", "Easter Monday"),
        ("2018-05-07", "Early May bank holiday"), ("2018-05-28", "Spring bank holiday"),
        ("2018-08-27", "Summer bank holiday"), ("2018-12-25", "Christmas Day"), ("2018-12-26", "Boxing Day"),
    ]),
    GovUKYear(year: 2019, holidays: [
        ("2019-01-01", "New Year's Day"), ("2019-04-19", "Good Friday"), ("2019-04-22", "Easter Monday"),
        ("2019-05-06", "Early May bank holiday"), ("2019-05-27", "Spring bank holiday"),
        ("2019-08-26", "Summer bank holiday"), ("2019-12-25", "Christmas Day"), ("2019-12-26", "Boxing Day"),
    ]),
    GovUKYear(year: 2020, holidays: [
        ("2020-01-01", "New Year's Day"), ("2020-04-10", "Good Friday"), ("2020-04-13", "Easter Monday"),
        ("2020-05-08", "Early May bank holiday (VE Day)"), ("2020-05-25", "Spring bank holiday"),
        ("2020-08-31", "Summer bank holiday"), ("2020-12-25", "Christmas Day"), ("2020-12-28", "Boxing Day"),
    ]),
    GovUKYear(year: 2021, holidays: [
        ("2021-01-01", "New Year's Day"), ("2021-04-02", "Good Friday"), ("2021-04-05", "Easter Monday"),
        ("2021-05-03", "Early May bank holiday"), ("2021-05-31", "Spring bank holiday"),
        ("2021-08-30", "Summer bank holiday"), ("2021-12-27", "Christmas Day"), ("2021-12-28", "Boxing Day"),
    ]),
    GovUKYear(year: 2022, holidays: [
        ("2022-01-03", "New Year's Day"), ("2022-04-15", "Good Friday"), ("2022-04-18", "Easter Monday"),
        ("2022-05-02", "Early May bank holiday"), ("2022-06-02", "Spring bank holiday"),
        ("2022-06-03", "Platinum Jubilee bank holiday"), ("2022-08-29", "Summer bank holiday"),
        ("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        ("2022-12-26", "Boxing Day"), ("2022-12-27", "Christmas Day"),
    ]),
    GovUKYear(year: 2023, holidays: [
        ("2023-01-02", "New Year's Day"), ("2023-04-07", "Good Friday"), ("2023-04-10", "Easter Monday"),
        ("2023-05-01", "Early May bank holiday"), ("2023-05-08", "Bank holiday for the coronation of King Charles III"),
        ("2023-05-29", "Spring bank holiday"), ("2023-08-28", "Summer bank holiday"),
        ("2023-12-25", "Christmas Day"), ("2023-12-26", "Boxing Day"),
    ]),
    GovUKYear(year: 2024, holidays: [
        ("2024-01-01", "New Year's Day"), ("2024-03-29", "Good Friday"), ("2024-04-01", "Easter Monday"),
        ("2024-05-06", "Early May bank holiday"), ("2024-05-27", "Spring bank holiday"),
        ("2024-08-26", "Summer bank holiday"), ("2024-12-25", "Christmas Day"), ("2024-12-26", "Boxing Day"),
    ]),
]

@Suite("BankHolidays")
struct BankHolidaysTests {
    let holidays = BankHolidays()

    @Test("each year 2016–2024 matches gov.uk's list", arguments: govUKYears)
    func govUKYear(_ expected: GovUKYear) {
        let actual = holidays.holidays(in: expected.year)
        #expect(actual.map(\.date) == expected.holidays.map { day($0.0) })
        #expect(actual.map(\.name) == expected.holidays.map(\.1))
    }

    @Test(
        "Easter Sunday follows the Gregorian computus",
        arguments: [
            "1978-03-26", "1995-04-16", "2000-04-23", "2008-03-23", "2011-04-24", "2016-03-27",
            "2017-04-16", "2018-04-01", "2019-04-21", "2024-03-31", "2025-04-20", "2038-04-25",
            "1818-03-22", "1943-04-25", "2285-03-22",
        ])
    func easter(_ text: String) {
        let easter = day(text)
        #expect(BankHolidays.easterSunday(in: easter.year) == easter)
        #expect(easter.weekday == .sunday)
    }

    @Test(
        "New Year, Christmas and Boxing Day at a weekend move to substitute weekdays",
        arguments: [
            // Christmas on Saturday: Monday 27 and Tuesday 28.
            (2010, ["2010-12-27", "2010-12-28"], ["2010-12-25", "2010-12-26"]),
            // New Year on Saturday; Christmas on Sunday, so Boxing Day keeps Monday 26 and
            // Christmas takes Tuesday 27.
            (2011, ["2011-01-03", "2011-12-27"], ["2011-01-01", "2011-12-25"]),
            (2016, ["2016-12-27"], ["2016-12-25"]),
            (2021, ["2021-12-27", "2021-12-28"], ["2021-12-25", "2021-12-26"]),
            (2022, ["2022-01-03", "2022-12-27"], ["2022-01-01", "2022-12-25"]),
        ])
    func substituteDays(year: Int, substitutes: [String], ordinaryDays: [String]) {
        #expect(holidays.holidays(in: year).filter(\.isSubstitute).map(\.date) == substitutes.map(day))
        for text in ordinaryDays {
            #expect(!holidays.isBankHoliday(day(text)), "\(text) should not be a bank holiday")
        }
    }

    @Test("Christmas on a Sunday: Boxing Day stays on Monday 26, Christmas Day is Tuesday 27")
    func christmasOnSunday() {
        #expect(holidays.holiday(on: day("2022-12-26")) == BankHoliday(date: day("2022-12-26"), name: "Boxing Day"))
        #expect(
            holidays.holiday(on: day("2022-12-27"))
                == BankHoliday(date: day("2022-12-27"), name: "Christmas Day", isSubstitute: true))
    }

    @Test("Christmas on a Friday: Boxing Day moves to Monday 28")
    func christmasOnFriday() {
        #expect(holidays.holiday(on: day("2020-12-28"))?.name == "Boxing Day")
        #expect(holidays.holiday(on: day("2020-12-28"))?.isSubstitute == true)
        #expect(!holidays.isBankHoliday(day("2020-12-26")))
    }

    @Test(
        "a holiday moved away is an ordinary day on its usual date",
        arguments: [
            ("1995-05-01", "1995-05-08"), ("2002-05-27", "2002-06-04"), ("2012-05-28", "2012-06-04"),
            ("2020-05-04", "2020-05-08"), ("2022-05-30", "2022-06-02"),
        ])
    func movedHoliday(usual: String, moved: String) {
        #expect(!holidays.isBankHoliday(day(usual)))
        #expect(holidays.isBankHoliday(day(moved)))
    }

    @Test(
        "the one-off holidays are shipped",
        arguments: ["1999-12-31", "2002-06-03", "2011-04-29", "2012-06-05", "2022-06-03", "2022-09-19", "2023-05-08"])
    func oneOffHoliday(_ text: String) {
        #expect(holidays.isBankHoliday(day(text)))
    }

    @Test("the rules hold from 1978, the first year of the early May bank holiday")
    func firstRuleYear() {
        #expect(holidays.holidays(in: 1978).map(\.date.description) == [
            "1978-01-02", "1978-03-24", "1978-03-27", "1978-05-01", "1978-05-29", "1978-08-28",
            "1978-12-25", "1978-12-26",
        ])
    }

    @Test("every year has at least eight holidays, all on weekdays, one per date, in order")
    func invariants() {
        for year in BankHolidays.firstRuleYear...2100 {
            let list = holidays.holidays(in: year)
            #expect(list.count >= 8, "\(year)")
            #expect(list.allSatisfy { !$0.date.weekday.isWeekend && $0.date.year == year }, "\(year)")
            #expect(zip(list, list.dropFirst()).allSatisfy { $0.date < $1.date }, "\(year)")
        }
    }

    @Test("a council's extra adjustments add and move holidays")
    func additionalAdjustments() {
        let council = BankHolidays(additionalAdjustments: [
            .added(day("2027-06-07"), name: "Borough centenary"),
            .moved(from: day("2027-08-30"), to: day("2027-09-06"), name: "Summer bank holiday"),
        ])
        #expect(council.holiday(on: day("2027-06-07"))?.name == "Borough centenary")
        #expect(!council.isBankHoliday(day("2027-08-30")))
        #expect(council.holiday(on: day("2027-09-06"))?.name == "Summer bank holiday")
        #expect(council.holidays(in: 2027).count == 9)
        // The shipped adjustments still apply.
        #expect(council.isBankHoliday(day("2022-09-19")))
        #expect(!holidays.isBankHoliday(day("2027-06-07")))
    }

    @Test("adding a day that is already a holiday keeps one holiday on it, with the later name")
    func addingExistingHoliday() {
        let council = BankHolidays(additionalAdjustments: [.added(day("2022-09-19"), name: "State funeral")])
        let september = council.holidays(in: 2022).filter { $0.date.month == 9 }
        #expect(september == [BankHoliday(date: day("2022-09-19"), name: "State funeral")])
    }

    @Test("an ordinary day is no holiday")
    func ordinaryDay() {
        #expect(holidays.holiday(on: day("2018-12-12")) == nil)
        #expect(!holidays.isBankHoliday(day("2018-12-12")))
    }

    @Test("each day's holiday is the one its year's list gives, inside the worked-out years and beyond them")
    func dayByDayAgreesWithTheYearsList() {
        let council = BankHolidays(additionalAdjustments: [
            .added(day("2101-06-07"), name: "A day beyond the table"),
            .moved(from: day("2100-05-31"), to: day("2100-06-07"), name: "Spring bank holiday"),
        ])
        var found = 0
        for year in [1978, 1995, 2012, 2022, 2023, 2027, 2100, 2101, 2150] {
            let listed = Dictionary(uniqueKeysWithValues: council.holidays(in: year).map { ($0.date, $0) })
            var date = day("\(year)-01-01")
            while date.year == year {
                #expect(council.holiday(on: date) == listed[date], "\(date)")
                if council.holiday(on: date) != nil { found += 1 }
                date = date.adding(days: 1)
            }
        }
        // Eight or more a year, so the loop above compared holidays and not only empty days.
        #expect(found >= 9 * 8)
        #expect(council.holiday(on: day("2101-06-07"))?.name == "A day beyond the table")
        #expect(council.holiday(on: day("2100-06-07"))?.name == "Spring bank holiday")
        #expect(council.holiday(on: day("2100-05-31")) == nil)
    }
}
