/// When a board meets: a recurrence rule and/or explicit dates, less cancellations.
public struct MeetingCalendar: Hashable, Sendable, Codable {
    /// The first date of the rule (RFC 5545's DTSTART); required when `rule` is set.
    public var start: LocalDate?
    public var rule: RecurrenceRule?
    /// Extra meetings outside the rule (RFC 5545's RDATE).
    public var dates: [LocalDate]
    /// Meetings of the rule that will not take place (RFC 5545's EXDATE).
    public var cancellations: [LocalDate]
    public var defaultTime: LocalTime
    public var defaultVenue: String

    public init(
        start: LocalDate? = nil, rule: RecurrenceRule? = nil, dates: [LocalDate] = [],
        cancellations: [LocalDate] = [], defaultTime: LocalTime, defaultVenue: String
    ) {
        self.start = start
        self.rule = rule
        self.dates = dates
        self.cancellations = cancellations
        self.defaultTime = defaultTime
        self.defaultVenue = defaultVenue
    }

    /// The meeting dates on or before `horizon`, in order, without duplicates or cancellations.
    ///
    /// A rule without COUNT or UNTIL never ends, so the caller bounds it.
    public func meetingDates(through horizon: LocalDate) -> [LocalDate] {
        var all = Set(dates.filter { $0 <= horizon })
        if let rule, let start {
            all.formUnion(rule.occurrences(startingOn: start, through: horizon))
        }
        all.subtract(cancellations)
        return all.sorted()
    }
}
