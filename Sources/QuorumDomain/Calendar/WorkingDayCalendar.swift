/// Working days in England and Wales, and the statutory deadlines counted in them.
///
/// A working day is a weekday (Monday to Friday) that is not a bank holiday.
///
/// ```swift
/// let calendar = WorkingDayCalendar(bankHolidays: BankHolidays())
/// calendar.publicationDeadline(forMeetingOn: LocalDate(year: 2018, month: 12, day: 12)!)
/// // 2018-12-04: Wednesday's papers are out by the Tuesday of the week before
/// ```
public struct WorkingDayCalendar: Hashable, Sendable {
    /// Clear working days the agenda and reports must be open to inspection before a meeting
    /// (Local Government Act 1972 s100B).
    public static let publicationClearWorkingDays = 5

    /// Clear days' notice of a key decision in the Forward Plan, or of an intention to meet in
    /// private (Local Authorities (Executive Arrangements) (Meetings and Access to Information)
    /// (England) Regulations 2012, regs 9 and 5).
    public static let noticeClearDays = 28

    /// The holidays that, with weekends, are not working days.
    public let bankHolidays: BankHolidays

    /// A calendar whose non-working days are weekends and `bankHolidays`.
    public init(bankHolidays: BankHolidays = BankHolidays()) {
        self.bankHolidays = bankHolidays
    }

    /// Whether `date` is a weekday and not a bank holiday.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        !date.weekday.isWeekend && !bankHolidays.isBankHoliday(date)
    }

    /// `date` when it is a working day, else the first working day after it.
    public func nextWorkingDay(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// `date` when it is a working day, else the last working day before it.
    public func previousWorkingDay(onOrBefore date: LocalDate) -> LocalDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// The working day `workingDays` working days after `date` (before it when negative).
    ///
    /// Counting starts from the day after `date` (the day before, going back), so `date` need
    /// not be a working day: one working day after a Saturday is the Monday. Adding zero
    /// returns `date` unchanged.
    public func adding(workingDays: Int, to date: LocalDate) -> LocalDate {
        let step = workingDays < 0 ? -1 : 1
        var remaining = abs(workingDays)
        var day = date
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The working days strictly between two dates, excluding both: the "clear" working days.
    /// The dates may come in either order.
    public func clearWorkingDays(between first: LocalDate, and second: LocalDate) -> Int {
        let (from, to) = first <= second ? (first, second) : (second, first)
        var count = 0
        var day = from.adding(days: 1)
        while day < to {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The last day the agenda and reports of a meeting on `meeting` may be published: the
    /// latest working day that leaves `clearWorkingDays` clear working days (the day of
    /// publication and the day of the meeting both excluded) before the meeting.
    ///
    /// Meeting on Wednesday 12 December 2018 → publish by Tuesday 4 December 2018; a Monday
    /// meeting → the Friday of the week before last.
    public func publicationDeadline(
        forMeetingOn meeting: LocalDate, clearWorkingDays: Int = publicationClearWorkingDays
    ) -> LocalDate {
        // The clear days are the next `clearWorkingDays` working days back from the meeting;
        // the publication day is the working day before them.
        adding(workingDays: -(max(clearWorkingDays, 0) + 1), to: meeting)
    }

    /// The last day to give notice of a decision or private meeting on `meeting` that needs
    /// `clearDays` clear calendar days: neither the day of notice nor the meeting day counts,
    /// and weekends and holidays do. Meeting on 14 November 2017 → notice by 16 October 2017.
    public func noticeDeadline(before meeting: LocalDate, clearDays: Int = noticeClearDays) -> LocalDate {
        meeting.adding(days: -(max(clearDays, 0) + 1))
    }
}
