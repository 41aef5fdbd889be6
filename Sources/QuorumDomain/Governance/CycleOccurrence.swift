/// One occurrence of a reporting cycle: the report due in a given month, bound to a meeting.
public struct CycleOccurrence: Hashable, Sendable {
    public var boardCode: String
    public var cycleKey: String
    public var month: YearMonth
    /// The board's first meeting on or after the start of `month` (and before the next
    /// occurrence), or nil when there is none: the secretary is warned.
    public var meetingDate: LocalDate?
    /// The statutory publication deadline of that meeting.
    public var publishBy: LocalDate?
    /// When the owner's draft is due: working days before `publishBy`.
    public var draftDue: LocalDate?

    /// `OSC/performance/2017-11`: stable across restarts, used in reminder keys.
    public var id: String { "\(boardCode)/\(cycleKey)/\(month)" }
    public var meetingID: String? { meetingDate.map { Meeting.id(board: boardCode, date: $0) } }
}

/// Binds reporting-cycle occurrences to meetings and computes their deadlines.
public struct ReportingSchedule: Sendable {
    public var workingDays: WorkingDayCalendar
    /// Working days between the draft deadline and the publication deadline.
    public var draftWorkingDays: Int

    public init(workingDays: WorkingDayCalendar, draftWorkingDays: Int = 5) {
        self.workingDays = workingDays
        self.draftWorkingDays = draftWorkingDays
    }

    /// The cycle's occurrences through `horizon`, each bound to the first of `meetingDates` on
    /// or after its month's first day and before the next occurrence's month.
    public func occurrences(
        of cycle: ReportingCycle, board: String, meetingDates: [LocalDate], through horizon: YearMonth
    ) -> [CycleOccurrence] {
        let sorted = meetingDates.sorted()
        return cycle.occurrenceMonths(through: horizon).map { month in
            let windowEnd = month.adding(months: cycle.cadenceMonths).firstDay
            let meeting = sorted.first { $0 >= month.firstDay && $0 < windowEnd }
            let publishBy = meeting.map { workingDays.publicationDeadline(forMeetingOn: $0) }
            return CycleOccurrence(
                boardCode: board, cycleKey: cycle.key, month: month, meetingDate: meeting,
                publishBy: publishBy,
                draftDue: publishBy.map { workingDays.adding(workingDays: -draftWorkingDays, to: $0) })
        }
    }

    /// Every occurrence of every cycle of `board`, bound to its meetings.
    public func occurrences(
        of board: Board, meetingDates: [LocalDate], through horizon: YearMonth
    ) -> [(occurrence: CycleOccurrence, cycle: ReportingCycle)] {
        board.cycles.flatMap { cycle in
            occurrences(of: cycle, board: board.code, meetingDates: meetingDates, through: horizon).map { ($0, cycle) }
        }
    }
}
