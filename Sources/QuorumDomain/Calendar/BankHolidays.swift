/// The bank holidays of England and Wales: the days, besides weekends, that are not working days.
///
/// The regular holidays come from their rules, as they stand since 1978 (when the early May
/// bank holiday began): New Year's Day, Good Friday, Easter Monday, the early May bank holiday
/// (first Monday in May), the spring bank holiday (last Monday in May), the summer bank holiday
/// (last Monday in August), Christmas Day and Boxing Day, with substitute days when New Year,
/// Christmas or Boxing Day falls at a weekend. Years before 1978 get the same rules, which
/// they did not have. One-off and moved days are ``BankHolidayAdjustment`` values: the shipped
/// list plus whatever the council's configuration adds.
///
/// ```swift
/// let holidays = BankHolidays()
/// holidays.holiday(on: LocalDate(year: 2022, month: 9, day: 19)!)?.name
/// // "Bank Holiday for the State Funeral of Queen Elizabeth II"
/// ```
public struct BankHolidays: Hashable, Sendable {
    /// The first year whose holidays the rules describe as they were.
    public static let firstRuleYear = 1978

    /// Every one-off or moved bank holiday in England and Wales since 1978, from the
    /// proclamations (gov.uk's names where it lists them).
    public static let shippedAdjustments: [BankHolidayAdjustment] = [
        .moved(from: day(1995, 5, 1), to: day(1995, 5, 8), name: "Early May bank holiday (VE Day)"),
        .added(day(1999, 12, 31), name: "Millennium bank holiday"),
        .moved(from: day(2002, 5, 27), to: day(2002, 6, 4), name: "Spring bank holiday"),
        .added(day(2002, 6, 3), name: "Golden Jubilee bank holiday"),
        .added(day(2011, 4, 29), name: "Royal wedding bank holiday"),
        .moved(from: day(2012, 5, 28), to: day(2012, 6, 4), name: "Spring bank holiday"),
        .added(day(2012, 6, 5), name: "Queen's Diamond Jubilee"),
        .moved(from: day(2020, 5, 4), to: day(2020, 5, 8), name: "Early May bank holiday (VE Day)"),
        .moved(from: day(2022, 5, 30), to: day(2022, 6, 2), name: "Spring bank holiday"),
        .added(day(2022, 6, 3), name: "Platinum Jubilee bank holiday"),
        .added(day(2022, 9, 19), name: "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        .added(day(2023, 5, 8), name: "Bank holiday for the coronation of King Charles III"),
    ]

    /// The shipped adjustments followed by the extra ones, applied in that order.
    public let adjustments: [BankHolidayAdjustment]

    /// The years whose holidays are worked out once, when the value is made: every working-day
    /// count asks about one day at a time, and a pack build's clearance deadlines ask thousands
    /// of times. A date outside them is worked out when asked.
    static let tabulatedYears = firstRuleYear...2100

    /// The holidays of ``tabulatedYears`` by date.
    private let tabulated: [LocalDate: BankHoliday]

    /// The holidays by rule, with the shipped adjustments and then `additionalAdjustments`
    /// (the council's, from its configuration) applied.
    public init(additionalAdjustments: [BankHolidayAdjustment] = []) {
        let adjustments = Self.shippedAdjustments + additionalAdjustments
        self.adjustments = adjustments
        var tabulated: [LocalDate: BankHoliday] = [:]
        for year in Self.tabulatedYears {
            for holiday in Self.holidays(in: year, adjustments: adjustments) { tabulated[holiday.date] = holiday }
        }
        self.tabulated = tabulated
    }

    // The table follows from the adjustments: two values with the same adjustments are equal.
    public static func == (lhs: BankHolidays, rhs: BankHolidays) -> Bool { lhs.adjustments == rhs.adjustments }
    public func hash(into hasher: inout Hasher) { hasher.combine(adjustments) }

    /// The year's bank holidays in date order, one for each date.
    public func holidays(in year: Int) -> [BankHoliday] {
        Self.holidays(in: year, adjustments: adjustments)
    }

    private static func holidays(in year: Int, adjustments: [BankHolidayAdjustment]) -> [BankHoliday] {
        var holidays = ruleHolidays(in: year)
        for adjustment in adjustments {
            if case .moved(let from, _, _) = adjustment, from.year == year {
                // A holiday moved away is an ordinary day on its usual date.
                holidays.removeAll { $0.date == from }
            }
            if adjustment.date.year == year {
                // A later adjustment for the same date replaces an earlier one, or the rule's.
                holidays.removeAll { $0.date == adjustment.date }
                holidays.append(BankHoliday(date: adjustment.date, name: adjustment.name))
            }
        }
        return holidays.sorted()
    }

    /// Whether `date` is a bank holiday (weekends are not, unless a holiday falls on one).
    public func isBankHoliday(_ date: LocalDate) -> Bool {
        holiday(on: date) != nil
    }

    /// The bank holiday on `date`, or nil when it is not one.
    public func holiday(on date: LocalDate) -> BankHoliday? {
        guard Self.tabulatedYears.contains(date.year) else { return holidays(in: date.year).first { $0.date == date } }
        return tabulated[date]
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus), for years
    /// from 1583 on.
    public static func easterSunday(in year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: dayOfMonth)!
    }

    /// The holidays the rules give for `year`, before any adjustment.
    static func ruleHolidays(in year: Int) -> [BankHoliday] {
        let easter = easterSunday(in: year)
        var holidays = [
            BankHoliday(date: easter.adding(days: -2), name: "Good Friday"),
            BankHoliday(date: easter.adding(days: 1), name: "Easter Monday"),
            BankHoliday(date: YearMonth(year: year, month: 5).first(.monday), name: "Early May bank holiday"),
            BankHoliday(date: YearMonth(year: year, month: 5).last(.monday), name: "Spring bank holiday"),
            BankHoliday(date: YearMonth(year: year, month: 8).last(.monday), name: "Summer bank holiday"),
        ]

        let newYear = day(year, 1, 1)
        switch newYear.weekday {
        case .saturday, .sunday:
            let monday = YearMonth(year: year, month: 1).first(.monday)
            holidays.append(BankHoliday(date: monday, name: "New Year's Day", isSubstitute: true))
        default:
            holidays.append(BankHoliday(date: newYear, name: "New Year's Day"))
        }

        let christmas = day(year, 12, 25)
        let boxingDay = day(year, 12, 26)
        switch christmas.weekday {
        case .friday:
            // Boxing Day on Saturday: its substitute is the Monday.
            holidays.append(BankHoliday(date: christmas, name: "Christmas Day"))
            holidays.append(BankHoliday(date: day(year, 12, 28), name: "Boxing Day", isSubstitute: true))
        case .saturday:
            holidays.append(BankHoliday(date: day(year, 12, 27), name: "Christmas Day", isSubstitute: true))
            holidays.append(BankHoliday(date: day(year, 12, 28), name: "Boxing Day", isSubstitute: true))
        case .sunday:
            // Boxing Day keeps its Monday; Christmas takes the Tuesday.
            holidays.append(BankHoliday(date: boxingDay, name: "Boxing Day"))
            holidays.append(BankHoliday(date: day(year, 12, 27), name: "Christmas Day", isSubstitute: true))
        default:
            holidays.append(BankHoliday(date: christmas, name: "Christmas Day"))
            holidays.append(BankHoliday(date: boxingDay, name: "Boxing Day"))
        }
        return holidays.sorted()
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }
}
