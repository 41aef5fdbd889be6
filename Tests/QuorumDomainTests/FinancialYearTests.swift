import Foundation
import Testing

@testable import QuorumDomain

private func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("FinancialYear")
struct FinancialYearTests {
    @Test(
        "a financial year is written with the last two digits of its second year",
        arguments: [(2017, "2017/18"), (1999, "1999/00"), (2000, "2000/01"), (2009, "2009/10")])
    func description(startYear: Int, text: String) {
        #expect(FinancialYear(startYear: startYear).description == text)
        #expect(FinancialYear(parsing: text) == FinancialYear(startYear: startYear))
    }

    @Test(
        "texts that are not a financial year are refused",
        arguments: ["2017/19", "2017/17", "2017/2018", "17/18", "2017-18", "2017/18 ", " 2017/18", "abcd/ef", "2017/1", "1999/100", "2017/+8"])
    func refused(text: String) {
        #expect(FinancialYear(parsing: text) == nil)
    }

    @Test(
        "a date belongs to the financial year that starts in the April on or before it",
        arguments: [
            ("2017-04-01", 2017), ("2018-03-31", 2017), ("2018-04-01", 2018), ("2017-01-15", 2016),
            ("2017-12-31", 2017),
        ])
    func containing(text: String, startYear: Int) {
        #expect(FinancialYear.containing(day(text)) == FinancialYear(startYear: startYear))
        #expect(FinancialYear(startYear: startYear).contains(day(text)))
    }

    @Test("2017/18 runs from 1 April 2017 to 31 March 2018, twelve months")
    func bounds() {
        let year = FinancialYear(startYear: 2017)
        #expect(year.firstDay == day("2017-04-01"))
        #expect(year.lastDay == day("2018-03-31"))
        #expect(year.months.count == 12)
        #expect(year.months.first == YearMonth(year: 2017, month: 4))
        #expect(year.months.last == YearMonth(year: 2018, month: 3))
        #expect(!year.contains(day("2018-04-01")))
        #expect(year.previous.description == "2016/17")
        #expect(year.next.description == "2018/19")
    }

    @Test(
        "quarters run April–June, July–September, October–December and January–March",
        arguments: [
            (1, ["2017-04", "2017-05", "2017-06"]), (2, ["2017-07", "2017-08", "2017-09"]),
            (3, ["2017-10", "2017-11", "2017-12"]), (4, ["2018-01", "2018-02", "2018-03"]),
        ])
    func quarters(quarter: Int, months: [String]) {
        let year = FinancialYear(startYear: 2017)
        #expect(year.months(inQuarter: quarter).map(\.description) == months)
        for month in months {
            #expect(FinancialYear.quarter(of: YearMonth(iso: month)!) == quarter)
        }
        #expect(year.quarters[quarter - 1] == .quarter(year, quarter))
    }

    @Test("a financial year encodes as its text")
    func codable() throws {
        let data = try JSONEncoder().encode([FinancialYear(startYear: 1999)])
        #expect(String(decoding: data, as: UTF8.self) == #"["1999\/00"]"#)
        #expect(try JSONDecoder().decode([FinancialYear].self, from: data) == [FinancialYear(startYear: 1999)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([FinancialYear].self, from: Data(#"["2017/19"]"#.utf8))
        }
    }
}
