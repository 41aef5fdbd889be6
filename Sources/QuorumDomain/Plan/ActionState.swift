/// What an action is on a given day, as docs/plan.md defines it and ``PlanAction/state(on:)``
/// works it out. Reminders go to the leads of `due` and `overdue` actions.
public enum ActionState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Completed on or before the day.
    case complete
    /// Its review date has passed and nothing was reported on or after it.
    case overdue
    /// Its review date is the day itself or one of the seven days after it.
    case due
    /// None of the above: an ongoing action, a later review date, or a review already reported.
    case open
}
