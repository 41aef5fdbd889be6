import Foundation
import Testing

@testable import QuorumDomain

private func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
private func period(_ text: String) -> Period { try! Period(parsing: text) }

@Suite("Period")
struct PeriodTests {
    static let fy2017 = FinancialYear(startYear: 2017)

    @Test(
        "years, quarters and months are read from their text and written back",
        arguments: [
            ("2017/18", Period.year(fy2017), Period.Kind.year),
            ("2017/18 Q2", .quarter(fy2017, 2), .quarter),
            ("2017-10", .month(YearMonth(year: 2017, month: 10)), .month),
            ("1999/00 Q4", .quarter(FinancialYear(startYear: 1999), 4), .quarter),
        ])
    func parse(text: String, expected: Period, kind: Period.Kind) throws {
        let parsed = try Period(parsing: text)
        #expect(parsed == expected)
        #expect(parsed.kind == kind)
        #expect(parsed.description == text)
        #expect(Period(text) == expected)
    }

    @Test(
        "malformed periods are refused, saying why",
        arguments: [
            "2017/19", "2017/18 Q5", "2017/18 Q0", "2017/18 q2", "2017/18  Q2", "2017/18Q2", "2017/18 Q2 x",
            "2017-13", "2017-00", "2017-1", "17-10", "+201-10", "2017-10-01", "", "2017", "Q2 2017/18",
        ])
    func refused(text: String) {
        #expect {
            try Period(parsing: text)
        } throws: { error in
            guard let error = error as? PeriodError else { return false }
            return error.text == text && error.description.hasPrefix("'\(text)' is not a period: ")
        }
        #expect(Period(text) == nil)
    }

    @Test("the wrong second year is explained")
    func wrongSecondYear() {
        #expect(throws: PeriodError(text: "2017/19", reason: "the financial year starting in 2017 is written 2017/18")) {
            try Period(parsing: "2017/19")
        }
    }

    @Test(
        "a period's first and last days",
        arguments: [
            ("2017/18", "2017-04-01", "2018-03-31"),
            ("2017/18 Q1", "2017-04-01", "2017-06-30"),
            ("2017/18 Q2", "2017-07-01", "2017-09-30"),
            ("2017/18 Q3", "2017-10-01", "2017-12-31"),
            ("2017/18 Q4", "2018-01-01", "2018-03-31"),
            ("2017-10", "2017-10-01", "2017-10-31"),
            ("2016-02", "2016-02-01", "2016-02-29"),
        ])
    func bounds(text: String, first: String, last: String) {
        let value = period(text)
        #expect(value.firstDay == day(first))
        #expect(value.lastDay == day(last))
        #expect(value.contains(day(first)) && value.contains(day(last)))
        #expect(!value.contains(day(last).adding(days: 1)))
    }

    @Test(
        "the previous period is of the same kind",
        arguments: [
            ("2017/18", "2016/17"), ("2017/18 Q1", "2016/17 Q4"), ("2017/18 Q3", "2017/18 Q2"),
            ("2018-01", "2017-12"), ("2000/01", "1999/00"),
        ])
    func previous(text: String, expected: String) {
        #expect(period(text).previous == period(expected))
        #expect(period(expected).next == period(text))
    }

    @Test("periods sort by first day, the longer first when they start together")
    func ordering() {
        let texts = ["2018-01", "2017-05", "2017/18 Q1", "2017/18", "2017-04", "2016/17 Q4", "2017/18 Q4"]
        #expect(texts.map(period).sorted().map(\.description) == [
            "2016/17 Q4", "2017/18", "2017/18 Q1", "2017-04", "2017-05", "2017/18 Q4", "2018-01",
        ])
    }

    @Test("the period of each kind containing a date")
    func containing() {
        let date = day("2017-11-14")
        #expect(Period.containing(date, kind: .year) == period("2017/18"))
        #expect(Period.containing(date, kind: .quarter) == period("2017/18 Q3"))
        #expect(Period.containing(date, kind: .month) == period("2017-11"))
        #expect(Period.containing(day("2018-02-01"), kind: .quarter) == period("2017/18 Q4"))
        #expect(period("2018-02").financialYear == Self.fy2017)
    }

    @Test("a period encodes as its text")
    func codable() throws {
        let periods = ["2017/18", "2017/18 Q2", "2017-10"].map(period)
        let data = try JSONEncoder().encode(periods)
        #expect(String(decoding: data, as: UTF8.self) == #"["2017\/18","2017\/18 Q2","2017-10"]"#)
        #expect(try JSONDecoder().decode([Period].self, from: data) == periods)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Period].self, from: Data(#"["2017/19"]"#.utf8))
        }
    }
}
