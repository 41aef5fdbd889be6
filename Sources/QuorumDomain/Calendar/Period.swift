/// A reporting period of the scorecard: a UK financial year, one of its quarters, or a month.
///
/// Written `2017/18` (April 2017 to March 2018), `2017/18 Q2` (July to September 2017) or
/// `2017-10` (October 2017). Periods sort chronologically by their first day, the longer first
/// when two start together (`2017/18`, `2017/18 Q1`, `2017-04`).
///
/// ```swift
/// let period = try Period(parsing: "2017/18 Q3")
/// period.firstDay  // 2017-10-01
/// period.previous  // 2017/18 Q2
/// ```
public enum Period: Hashable, Sendable {
    case year(FinancialYear)
    /// Quarter 1 to 4 of the financial year; other numbers are a programming error.
    case quarter(FinancialYear, Int)
    case month(YearMonth)

    /// What length of period it is.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        case year, quarter, month
    }

    /// Parses `2017/18`, `2017/18 Q2` or `2017-10`, strictly: digits as shown, the second year of
    /// a financial year the one after the first, one space and a capital Q before the quarter.
    ///
    /// - Throws: ``PeriodError`` saying what is wrong with `text`.
    public init(parsing text: String) throws(PeriodError) {
        let asciiDigits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        if text.contains("-") {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy(asciiDigits) else {
                throw PeriodError(text: text, reason: "a month is written YYYY-MM, like 2017-10")
            }
            guard let month = YearMonth(iso: text) else {
                throw PeriodError(text: text, reason: "month \(parts[1]) is not 01 to 12")
            }
            self = .month(month)
            return
        }

        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == 1 || words.count == 2 else {
            throw PeriodError(text: text, reason: "expected a year like 2017/18, a quarter like 2017/18 Q2 or a month like 2017-10")
        }
        let yearParts = words[0].split(separator: "/", omittingEmptySubsequences: false)
        guard yearParts.count == 2, yearParts[0].count == 4, yearParts[1].count == 2, yearParts.allSatisfy(asciiDigits)
        else {
            throw PeriodError(text: text, reason: "a financial year is written like 2017/18")
        }
        guard let year = FinancialYear(parsing: words[0]) else {
            let start = Int(yearParts[0])!
            let expected = String((start + 1).floorMod(100)).leftPadded(to: 2)
            throw PeriodError(
                text: text, reason: "the financial year starting in \(yearParts[0]) is written \(yearParts[0])/\(expected)")
        }
        guard words.count == 2 else {
            self = .year(year)
            return
        }
        let quarter = words[1]
        guard quarter.count == 2, quarter.first == "Q", let number = Int(quarter.dropFirst()), (1...4).contains(number)
        else {
            throw PeriodError(text: text, reason: "a quarter is written Q1, Q2, Q3 or Q4 after the year, like 2017/18 Q2")
        }
        self = .quarter(year, number)
    }

    /// The period of `kind` that `date` falls in.
    public static func containing(_ date: LocalDate, kind: Kind) -> Period {
        let year = FinancialYear.containing(date)
        switch kind {
        case .year: return .year(year)
        case .quarter: return .quarter(year, FinancialYear.quarter(of: date.yearMonth))
        case .month: return .month(date.yearMonth)
        }
    }

    /// Whether it is a year, a quarter or a month.
    public var kind: Kind {
        switch self {
        case .year: .year
        case .quarter: .quarter
        case .month: .month
        }
    }

    /// The financial year the period is, or falls in.
    public var financialYear: FinancialYear {
        switch self {
        case .year(let year), .quarter(let year, _): year
        case .month(let month): FinancialYear.containing(month)
        }
    }

    /// Its months, in order.
    public var months: [YearMonth] {
        switch self {
        case .year(let year): year.months
        case .quarter(let year, let quarter): year.months(inQuarter: quarter)
        case .month(let month): [month]
        }
    }

    /// Its first day: 1 July 2017 for `2017/18 Q2`.
    public var firstDay: LocalDate { months.first!.firstDay }
    /// Its last day: 30 September 2017 for `2017/18 Q2`.
    public var lastDay: LocalDate { months.last!.lastDay }

    /// Whether `date` falls within the period, both ends included.
    public func contains(_ date: LocalDate) -> Bool {
        date >= firstDay && date <= lastDay
    }

    /// The period of the same kind just before: `2017/18 Q1` → `2016/17 Q4`.
    public var previous: Period { advanced(by: -1) }

    /// The period of the same kind just after: `2017/18 Q4` → `2018/19 Q1`.
    public var next: Period { advanced(by: 1) }

    /// The same period a year before: `2016/17 Q2` for `2017/18 Q2`, `2016-10` for `2017-10`,
    /// `2016/17` for `2017/18`.
    public var sameOneYearBefore: Period {
        switch kind {
        case .year: advanced(by: -1)
        case .quarter: advanced(by: -4)
        case .month: advanced(by: -12)
        }
    }

    /// The period of the same kind `count` periods later (earlier when negative).
    public func advanced(by count: Int) -> Period {
        switch self {
        case .year(let year):
            return .year(FinancialYear(startYear: year.startYear + count))
        case .quarter(let year, let quarter):
            let index = year.startYear * 4 + (quarter - 1) + count
            return .quarter(FinancialYear(startYear: index.floorDiv(4)), index.floorMod(4) + 1)
        case .month(let month):
            return .month(month.adding(months: count))
        }
    }
}

extension Period: Comparable {
    /// By first day; of two that start together, the longer first.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.firstDay != rhs.firstDay { return lhs.firstDay < rhs.firstDay }
        return lhs.lastDay > rhs.lastDay
    }
}

extension Period: CustomStringConvertible, LosslessStringConvertible {
    /// `2017/18`, `2017/18 Q2` or `2017-10`.
    public var description: String {
        switch self {
        case .year(let year): "\(year)"
        case .quarter(let year, let quarter): "\(year) Q\(quarter)"
        case .month(let month): "\(month)"
        }
    }

    /// Parses the forms ``init(parsing:)`` accepts, or gives nil.
    public init?(_ description: String) {
        try? self.init(parsing: description)
    }
}

extension Period: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Period(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
