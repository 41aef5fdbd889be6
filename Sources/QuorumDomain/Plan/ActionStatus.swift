/// Whether an action is still being worked on: the status a lead or the import records.
///
/// What an action *is* on a given day (overdue, due…) is its ``ActionState``, which
/// ``PlanAction/state(on:)`` works out from the status, the review date and the updates.
public enum ActionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Being worked on.
    case open
    /// Done: the seed's `Completed` review date, or an update that completes it.
    case complete
}
