/// Which step of a report's clearance is late on a day, and whom to chase.
extension ReportClearance {
    /// A late step.
    public struct LateStep: Hashable, Sendable {
        /// The step that is waiting.
        public var step: ClearanceStep.Kind
        public var stage: ClearanceStage
        public var due: LocalDate
        /// Working days late: 1 on the first working day after the due date.
        public var workingDaysLate: Int
        /// Who is chased.
        public var chase: Holder
        /// The stable identity of this chase (`clearance|<report>|clear_finance|2017-11-01`): one
        /// chase per step and due date, however many sweeps see it.
        public func key(report: String) -> String { "clearance|\(report)|\(step.rawValue)|\(due)" }
    }

    /// The waiting step when it is past its due date on `today`, else nil (on time, or in the pack).
    ///
    /// A step is late from the day after its due date: due on Wednesday, it is chased on Thursday.
    public func lateStep(on today: LocalDate, deadlines: ClearanceSchedule.Deadlines, calendar: WorkingDayCalendar) -> LateStep? {
        guard let step = stage.nextStep, let due = deadlines.due(leaving: stage), today > due,
            let chase = holder(of: step)
        else { return nil }
        let late = calendar.clearWorkingDays(between: due, and: today) + (calendar.isWorkingDay(today) ? 1 : 0)
        return LateStep(step: step, stage: stage, due: due, workingDaysLate: late, chase: chase)
    }
}
