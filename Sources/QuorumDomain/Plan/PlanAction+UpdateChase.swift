/// The update-frequency chase: an action whose lead must report every so often is chased when no
/// update has come within that time, even when its review date is `Ongoing` (the review date
/// says when the work is judged; the frequency says how often the board hears of it).
extension PlanAction {
    /// The day the next update is due, as of `date`: one frequency after the latest update dated
    /// on or before `date`, or after `since` (when the frequency was set) when there is none.
    /// Nil without a frequency, for a complete action, or with neither an update nor `since`.
    public func nextUpdateDue(on date: LocalDate, since: LocalDate?) -> LocalDate? {
        guard let frequency = updateFrequency, !isComplete(on: date) else { return nil }
        guard let start = latestUpdate(on: date)?.date ?? since else { return nil }
        return frequency.nextDue(after: start)
    }

    /// Whether the lead is to be chased for an update on `date`: the next update was due before
    /// `date` (a monthly action last updated on 15 October is chased from 16 November).
    ///
    /// An action with a frequency but no update and no `since` has never reported and is chased.
    public func needsUpdateChase(on date: LocalDate, since: LocalDate?) -> Bool {
        guard updateFrequency != nil, !isComplete(on: date) else { return false }
        guard let due = nextUpdateDue(on: date, since: since) else { return true }
        return due < date
    }
}
