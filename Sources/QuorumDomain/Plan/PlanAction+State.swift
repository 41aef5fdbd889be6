/// An action's state on a day (docs/plan.md), and the dates it rests on.
///
/// The rules, including the points §3 leaves open:
/// - **As of the day.** Only updates dated on or before the day count: asking about
///   1 December 2017 ignores an update written in 2018, so `ACTION LIST asof=…` shows the plan as
///   it stood then.
/// - **Complete** when the review date says `Completed`, when an update dated on or before the day
///   completes it, or when its status is `complete` and no update records when (an undated
///   completion counts on every day). A status of `complete` whose completing updates are all
///   later than the day is not yet complete on that day.
/// - **Effective review date.** The most recent update that sets a new review date decides it
///   (latest by the update's date; of two on one day, the one recorded later); with none, the
///   plan's review date. An update can bring a review date forward as well as put it back.
/// - **Overdue** when the effective review date is before the day and no update is dated on or
///   after that review date (and on or before the day). Overdue by one day on the day after.
/// - **Due** when the effective review date is the day itself or up to seven days after it
///   (D…D+7), unless an update dated on the review date itself has already reported. A review
///   date on the day is therefore due, not overdue: the lead has until the end of the day.
/// - **Open** otherwise: `Ongoing`, a review date more than seven days ahead, or a passed review
///   date on or after which an update was posted (it stays open until a new review date is set).
extension PlanAction {
    /// Its state on `date`: complete, overdue, due or open.
    public func state(on date: LocalDate) -> ActionState {
        if isComplete(on: date) { return .complete }
        guard let review = effectiveReviewDate(on: date) else { return .open }
        let reported = updates.contains { $0.date >= review && $0.date <= date }
        if reported { return .open }
        if review < date { return .overdue }
        if review <= date.adding(days: 7) { return .due }
        return .open
    }

    /// Whether it is complete on `date` (see the rules above).
    public func isComplete(on date: LocalDate) -> Bool {
        if reviewDate == .completed { return true }
        let completions = updates.filter(\.completes)
        if completions.contains(where: { $0.date <= date }) { return true }
        return status == .complete && completions.isEmpty
    }

    /// The review date in force once every update is taken into account: the one set by the most
    /// recent update that sets one, else the plan's. Nil for an `Ongoing` or `Completed` action
    /// that no update has given a date.
    public var effectiveReviewDate: LocalDate? {
        latest(of: updates.filter { $0.newReviewDate != nil })?.newReviewDate ?? reviewDate.date
    }

    /// The review date in force on `date`, counting only updates dated on or before it.
    public func effectiveReviewDate(on date: LocalDate) -> LocalDate? {
        latest(of: updates.filter { $0.newReviewDate != nil && $0.date <= date })?.newReviewDate ?? reviewDate.date
    }

    /// Whole days since the effective review date when it is overdue on `date`
    /// (1 on the day after the review date), otherwise 0.
    public func daysOverdue(on date: LocalDate) -> Int {
        guard state(on: date) == .overdue, let review = effectiveReviewDate(on: date) else { return 0 }
        return review.days(until: date)
    }

    /// The most recent update: latest by date, the one recorded later of two on one day.
    public var latestUpdate: ActionUpdate? { latest(of: updates) }

    /// The most recent update dated on or before `date`.
    public func latestUpdate(on date: LocalDate) -> ActionUpdate? {
        latest(of: updates.filter { $0.date <= date })
    }

    /// The last of the latest-dated, so that of two updates on one day the later recorded wins.
    private func latest(of updates: [ActionUpdate]) -> ActionUpdate? {
        updates.reduce(nil) { best, update in
            guard let best else { return update }
            return update.date >= best.date ? update : best
        }
    }
}
