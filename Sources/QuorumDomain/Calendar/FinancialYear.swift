/// A UK financial year, 1 April to 31 March: `2017/18` runs from April 2017 to March 2018.
///
/// Its quarters are Q1 April–June, Q2 July–September, Q3 October–December and Q4 January–March.
public struct FinancialYear: Hashable, Comparable, Sendable {
    /// The calendar year in which it starts: 2017 for `2017/18`.
    public let startYear: Int

    /// The financial year that starts on 1 April of `startYear`.
    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// Parses `2017/18`: four digits, a slash, and the last two digits of the next year.
    /// `2017/19` and `2017/2018` are refused.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let start = Int(parts[0]), let end = Int(parts[1]), end == (start + 1) % 100
        else { return nil }
        self.init(startYear: start)
    }

    /// The financial year that `date` falls in.
    public static func containing(_ date: LocalDate) -> FinancialYear {
        containing(date.yearMonth)
    }

    /// The financial year that `month` falls in.
    public static func containing(_ month: YearMonth) -> FinancialYear {
        FinancialYear(startYear: month.month >= 4 ? month.year : month.year - 1)
    }

    /// The calendar year in which it ends: 2018 for `2017/18`.
    public var endYear: Int { startYear + 1 }

    /// 1 April of ``startYear``.
    public var firstDay: LocalDate { firstMonth.firstDay }
    /// 31 March of ``endYear``.
    public var lastDay: LocalDate { lastMonth.lastDay }

    /// April of ``startYear``.
    public var firstMonth: YearMonth { YearMonth(year: startYear, month: 4) }
    /// March of ``endYear``.
    public var lastMonth: YearMonth { YearMonth(year: endYear, month: 3) }

    /// Its twelve months, April first.
    public var months: [YearMonth] { (0..<12).map { firstMonth.adding(months: $0) } }

    /// Its four quarters, in order.
    public var quarters: [Period] { (1...4).map { .quarter(self, $0) } }

    /// Whether `date` falls between 1 April and 31 March inclusive.
    public func contains(_ date: LocalDate) -> Bool {
        date >= firstDay && date <= lastDay
    }

    /// The three months of quarter `quarter` (1 to 4).
    public func months(inQuarter quarter: Int) -> [YearMonth] {
        precondition((1...4).contains(quarter), "quarter \(quarter) is not 1 to 4")
        return (0..<3).map { firstMonth.adding(months: (quarter - 1) * 3 + $0) }
    }

    /// The number (1 to 4) of the financial quarter `month` falls in: 1 for April to June.
    public static func quarter(of month: YearMonth) -> Int {
        (month.month - 4).floorMod(12) / 3 + 1
    }

    /// The year before: `2016/17` for `2017/18`.
    public var previous: FinancialYear { FinancialYear(startYear: startYear - 1) }
    /// The year after: `2018/19` for `2017/18`.
    public var next: FinancialYear { FinancialYear(startYear: startYear + 1) }

    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool {
        lhs.startYear < rhs.startYear
    }
}

extension FinancialYear: CustomStringConvertible, LosslessStringConvertible {
    /// `2017/18`; `1999/00` for the year that ends in 2000.
    public var description: String {
        "\(String(startYear).leftPadded(to: 4))/\(String(endYear.floorMod(100)).leftPadded(to: 2))"
    }

    /// Parses `2017/18`, as ``init(parsing:)`` does.
    public init?(_ description: String) {
        self.init(parsing: description)
    }
}

extension FinancialYear: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = FinancialYear(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a financial year of the form 2017/18")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
