extension YearMonth {
    /// The month's first `weekday`: `first(.monday)` of May is the early May bank holiday.
    public func first(_ weekday: Weekday) -> LocalDate {
        let day1 = firstDay
        let offset = (weekday.rawValue - day1.weekday.rawValue).floorMod(7)
        return day1.adding(days: offset)
    }

    /// The month's last `weekday`: `last(.sunday)` of March is the start of British Summer Time.
    public func last(_ weekday: Weekday) -> LocalDate {
        let end = lastDay
        let offset = (end.weekday.rawValue - weekday.rawValue).floorMod(7)
        return end.adding(days: -offset)
    }

    /// How many days the month has.
    public var dayCount: Int { LocalDate.daysIn(month: month, year: year) }
}
