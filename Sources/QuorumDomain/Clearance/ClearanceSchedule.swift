/// When each clearance step is due, in working days before the pack's publication date.
///
/// Defaults (a council sets its own):
/// - **draft due 5** working days before publication: the day the reminder sweep already chases
///   report owners for (`reminders.draft_days_before`), so an owner has one date, not two;
/// - **clearance due 3**: finance and legal get two working days after the draft, the turnaround
///   councils commonly promise for a report that notes rather than spends;
/// - **approval due 1**: the responsible officer signs off the working day before publication,
///   which leaves the publication day itself to build and check the pack.
///
/// ```swift
/// let schedule = ClearanceSchedule()
/// schedule.deadlines(publishBy: LocalDate(year: 2017, month: 11, day: 6)!, calendar: WorkingDayCalendar())
/// // draft 2017-10-30, clearance 2017-11-01, approval 2017-11-03, pack 2017-11-06
/// ```
public struct ClearanceSchedule: Hashable, Sendable, Codable {
    public var draftDueWorkingDays: Int
    public var clearanceDueWorkingDays: Int
    public var approvalDueWorkingDays: Int

    public init(draftDueWorkingDays: Int = 5, clearanceDueWorkingDays: Int = 3, approvalDueWorkingDays: Int = 1) {
        self.draftDueWorkingDays = draftDueWorkingDays
        self.clearanceDueWorkingDays = clearanceDueWorkingDays
        self.approvalDueWorkingDays = approvalDueWorkingDays
    }

    /// Why a schedule cannot be used, or nil: the days must not be negative and must fall in
    /// the order of the steps (draft before clearance before approval).
    public var problem: String? {
        if min(draftDueWorkingDays, clearanceDueWorkingDays, approvalDueWorkingDays) < 0 {
            return "clearance deadlines are working days before publication and cannot be negative"
        }
        if !(draftDueWorkingDays >= clearanceDueWorkingDays && clearanceDueWorkingDays >= approvalDueWorkingDays) {
            return "draft_due (\(draftDueWorkingDays)) ≥ clearance_due (\(clearanceDueWorkingDays)) ≥ approval_due "
                + "(\(approvalDueWorkingDays)) working days before publication, in the order the steps are taken"
        }
        return nil
    }

    /// The due dates for a pack published by `publishBy`.
    public struct Deadlines: Hashable, Sendable, Codable {
        public var draft: LocalDate
        public var clearance: LocalDate
        public var approval: LocalDate
        /// The publication deadline itself: the report must be in the pack by then.
        public var pack: LocalDate

        /// The day the step that leaves `stage` is due (nil in the pack).
        public func due(leaving stage: ClearanceStage) -> LocalDate? {
            switch stage {
            case .draft: draft
            case .submitted, .financeCleared: clearance
            case .legalCleared: approval
            case .approved: pack
            case .inPack: nil
            }
        }
    }

    public func deadlines(publishBy: LocalDate, calendar: WorkingDayCalendar) -> Deadlines {
        Deadlines(
            draft: calendar.adding(workingDays: -draftDueWorkingDays, to: publishBy),
            clearance: calendar.adding(workingDays: -clearanceDueWorkingDays, to: publishBy),
            approval: calendar.adding(workingDays: -approvalDueWorkingDays, to: publishBy),
            pack: publishBy)
    }
}
