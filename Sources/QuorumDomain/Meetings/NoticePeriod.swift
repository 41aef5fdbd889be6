/// A statutory notice period: so many clear days before a meeting or decision.
///
/// "Clear" days leave out both the day the notice is given and the day of the meeting. The
/// 2012 Executive Arrangements regulations (SI 2012/2089) count their periods (28 clear days in
/// regs 5 and 9, 5 clear days in regs 5 and 10) in **calendar** days: they say "clear days", not
/// working days, and have no rule leaving weekends or holidays out. The five clear days before
/// an agenda is published (Local Government Act 1972 s100B) are working days, as
/// ``WorkingDayCalendar/publicationDeadline(forMeetingOn:clearWorkingDays:)`` counts them.
///
/// ```swift
/// let calendar = WorkingDayCalendar()
/// NoticePeriod.keyDecision.deadline(before: LocalDate(year: 2017, month: 11, day: 14)!, calendar: calendar)
/// // 2017-10-16
/// ```
public struct NoticePeriod: Hashable, Sendable, Codable {
    /// How the days are counted.
    public enum Counting: String, Hashable, Sendable, Codable {
        /// Every day counts, weekends and bank holidays included.
        case calendarDays = "calendar_days"
        /// Only weekdays that are not bank holidays count.
        case workingDays = "working_days"
    }

    /// Clear days the notice must leave.
    public var clearDays: Int
    public var counting: Counting

    public init(clearDays: Int, counting: Counting) {
        self.clearDays = max(0, clearDays)
        self.counting = counting
    }

    /// Notice of a key decision in the Forward Plan: 28 clear days (reg 9).
    public static let keyDecision = NoticePeriod(clearDays: WorkingDayCalendar.noticeClearDays, counting: .calendarDays)
    /// The general exception's notice to the public: 5 clear days (reg 10(1)(c)).
    public static let generalException = NoticePeriod(clearDays: 5, counting: .calendarDays)
    /// The first notice of a private meeting: 28 clear days (reg 5(2)).
    public static let privateMeetingFirst = NoticePeriod(clearDays: WorkingDayCalendar.noticeClearDays, counting: .calendarDays)
    /// The second notice of a private meeting: 5 clear days (reg 5(4)).
    public static let privateMeetingSecond = NoticePeriod(clearDays: 5, counting: .calendarDays)
    /// Publication of the agenda and reports: 5 clear working days (LGA 1972 s100B).
    public static let publication = NoticePeriod(
        clearDays: WorkingDayCalendar.publicationClearWorkingDays, counting: .workingDays)

    /// The last day a notice for an event on `event` may be given and still leave the period.
    ///
    /// For calendar days, any day (a notice can go on the website on a Saturday); for working
    /// days, the latest working day, as councils publish on working days.
    public func deadline(before event: LocalDate, calendar: WorkingDayCalendar) -> LocalDate {
        switch counting {
        case .calendarDays: calendar.noticeDeadline(before: event, clearDays: clearDays)
        case .workingDays: calendar.publicationDeadline(forMeetingOn: event, clearWorkingDays: clearDays)
        }
    }

    /// The clear days between a notice given on `given` and the event on `event` (0 when the
    /// notice is on or after the event's day).
    public func clearDays(from given: LocalDate, to event: LocalDate, calendar: WorkingDayCalendar) -> Int {
        guard given < event else { return 0 }
        switch counting {
        case .calendarDays: return given.days(until: event) - 1
        case .workingDays: return calendar.clearWorkingDays(between: given, and: event)
        }
    }

    /// Whether a notice given on `given` leaves the period before `event`.
    public func isMet(givenOn given: LocalDate, before event: LocalDate, calendar: WorkingDayCalendar) -> Bool {
        clearDays(from: given, to: event, calendar: calendar) >= clearDays
    }
}
