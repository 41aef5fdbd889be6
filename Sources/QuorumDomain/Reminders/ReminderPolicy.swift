/// When Quorum chases people (docs/reminders.md; `reminders:` in the configuration).
public struct ReminderPolicy: Hashable, Sendable {
    /// Working days before a report's draft deadline on which its owner is reminded; 0 is the day itself.
    public var reportReminderWorkingDays: [Int]
    /// An action is listed as due when its review date is within this many days.
    public var dueWithinDays: Int
    /// A still-overdue action is listed again after this many days.
    public var repeatDays: Int
    /// Overdue this many days: the digest is copied to the secretary of the board that owns the plan.
    public var escalateDays: Int
    /// How far ahead an occurrence with no meeting warns the secretary.
    public var unscheduledWarningDays: Int

    public init(
        reportReminderWorkingDays: [Int] = [10, 3, 0], dueWithinDays: Int = 7, repeatDays: Int = 7, escalateDays: Int = 14,
        unscheduledWarningDays: Int = 30
    ) {
        self.reportReminderWorkingDays = reportReminderWorkingDays.sorted(by: >)
        self.dueWithinDays = dueWithinDays
        self.repeatDays = max(1, repeatDays)
        self.escalateDays = escalateDays
        self.unscheduledWarningDays = unscheduledWarningDays
    }
}
