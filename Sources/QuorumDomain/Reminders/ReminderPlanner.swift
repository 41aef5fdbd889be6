/// Finds the notices a sweep on a given day should send. Pure: the caller supplies what the
/// store knows (occurrences, actions, what was already listed) and stores what comes back.
public struct ReminderPlanner: Sendable {
    public var policy: ReminderPolicy
    public var workingDays: WorkingDayCalendar

    public init(policy: ReminderPolicy, workingDays: WorkingDayCalendar) {
        self.policy = policy
        self.workingDays = workingDays
    }

    /// A reporting-cycle occurrence with what the notices name.
    public struct Report: Sendable {
        public var occurrence: CycleOccurrence
        public var cycle: ReportingCycle
        public var board: Board

        public init(occurrence: CycleOccurrence, cycle: ReportingCycle, board: Board) {
            self.occurrence = occurrence
            self.cycle = cycle
            self.board = board
        }
    }

    /// The notices for a sweep on `date`.
    /// - Parameters:
    ///   - reports: every occurrence of every cycle (those far from `date` are ignored).
    ///   - submitted: ids of occurrences whose report is in: they are not chased.
    ///   - actions: the plan's actions.
    ///   - listed: keys of action listings already sent (`ActionReminder.key`).
    ///   - planBoard: the board that owns the plan; its secretary is copied on escalations.
    public func notices(
        on date: LocalDate, reports: [Report], submitted: Set<String>, actions: [PlanAction], listed: Set<String>,
        planBoard: Board?
    ) -> [Notice] {
        reports.compactMap { reportNotice(on: date, $0, submitted: submitted) }
            + actionDigests(on: date, actions: actions, listed: listed, planBoard: planBoard)
    }

    func reportNotice(on date: LocalDate, _ report: Report, submitted: Set<String>) -> Notice? {
        let occurrence = report.occurrence
        guard !submitted.contains(occurrence.id) else { return nil }
        var details = ReportReminder(
            occurrenceID: occurrence.id, boardCode: report.board.code, boardName: report.board.name,
            title: report.cycle.title, month: occurrence.month, meetingDate: occurrence.meetingDate,
            draftDue: occurrence.draftDue, publishBy: occurrence.publishBy, workingDaysLeft: nil)
        guard let draftDue = occurrence.draftDue, let meetingDate = occurrence.meetingDate else {
            // No meeting to take the report: warn the secretary once, from a month before its month.
            let windowStart = occurrence.month.firstDay.adding(days: -policy.unscheduledWarningDays)
            guard date >= windowStart, date <= occurrence.month.lastDay else { return nil }
            let secretary = report.board.secretary
            return Notice(
                kind: .reportUnscheduled, key: "report.unscheduled|\(secretary.email.lowercased())|\(occurrence.id)",
                recipient: secretary, dueDate: occurrence.month.firstDay, report: details, webhookEvent: nil)
        }
        let owner = report.cycle.owner
        if date <= draftDue {
            // The latest stage reached: after an outage the owner gets one reminder, not several.
            let stages = policy.reportReminderWorkingDays.filter {
                workingDays.adding(workingDays: -$0, to: draftDue) <= date
            }
            guard let stage = stages.last else { return nil }
            details.workingDaysLeft = workingDays.clearWorkingDays(between: date, and: draftDue) + (date == draftDue ? 0 : 1)
            return Notice(
                kind: .reportDue, key: "report.due|\(owner.email.lowercased())|\(occurrence.id)|\(draftDue)|\(stage)",
                recipient: owner, dueDate: draftDue, round: stage, report: details, webhookEvent: "report.due")
        }
        // Late: chased once, while the meeting it is for is still to come.
        guard date <= meetingDate else { return nil }
        details.workingDaysLeft = -(workingDays.clearWorkingDays(between: draftDue, and: date) + 1)
        return Notice(
            kind: .reportLate, key: "report.late|\(owner.email.lowercased())|\(occurrence.id)|\(draftDue)",
            recipient: owner, cc: [report.board.secretary], dueDate: draftDue, report: details, webhookEvent: "report.late")
    }

    func actionDigests(on date: LocalDate, actions: [PlanAction], listed: Set<String>, planBoard: Board?) -> [Notice] {
        var byLead: [String: (lead: Person, items: [ActionReminder])] = [:]
        for action in actions {
            guard let item = listing(of: action, on: date), !listed.contains(item.key) else { continue }
            byLead[action.lead.email.lowercased(), default: (action.lead, [])].items.append(item)
        }
        return byLead.keys.sorted().map { email in
            let (lead, items) = byLead[email]!
            let escalated = items.contains { $0.state == .overdue && $0.daysOverdue >= policy.escalateDays }
            let cc = escalated ? planBoard.map { [$0.secretary] } ?? [] : []
            let overdue = items.contains { $0.state == .overdue }
            return Notice(
                kind: .actionDigest, key: "action.digest|\(email)|\(date)", recipient: lead, cc: cc, dueDate: date,
                round: escalated ? 1 : 0, actions: items.sorted { PlanAction.refPrecedes($0.ref, $1.ref) },
                webhookEvent: overdue ? "action.overdue" : "action.due")
        }
    }

    /// How `action` would be listed on `date`, or nil when it is neither due nor overdue nor
    /// chased for an update under its update frequency.
    func listing(of action: PlanAction, on date: LocalDate) -> ActionReminder? {
        let state = action.state(on: date)
        let chased = action.needsUpdateChase(on: date, since: action.frequencySetOn)
        guard state == .due || state == .overdue, let review = action.effectiveReviewDate(on: date) else {
            guard chased else { return nil }
            // Chased for its update, whatever its review date (Ongoing included): listed once for
            // each update that falls due and does not come.
            let due = action.nextUpdateDue(on: date, since: action.frequencySetOn)
            return ActionReminder(
                key: "action|\(action.ref)|update|\(due?.description ?? "never")", ref: action.ref, text: action.text,
                reviewDate: action.effectiveReviewDate(on: date), state: state, daysOverdue: 0, round: 0,
                latestUpdate: action.latestUpdate(on: date), updateDue: due ?? date)
        }
        let days = state == .overdue ? action.daysOverdue(on: date) : 0
        // Overdue days 1…repeat are round 0, the next `repeat` days round 1, and so on.
        let round = state == .overdue ? (days - 1) / policy.repeatDays : 0
        return ActionReminder(
            key: "action|\(action.ref)|\(review)|\(state.rawValue)|\(round)", ref: action.ref, text: action.text,
            reviewDate: review, state: state, daysOverdue: days, round: round, latestUpdate: action.latestUpdate(on: date),
            updateDue: chased ? action.nextUpdateDue(on: date, since: action.frequencySetOn) : nil)
    }
}
