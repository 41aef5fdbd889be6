/// What stands between a meeting and a lawful, complete pack on a day: the notices that are due
/// or late and the reports still waiting on someone. The secretary's dashboard and the warnings
/// on the pack's cover both read it.
///
/// ```swift
/// let readiness = MeetingReadiness(
///     meetingDate: d("2017-11-14"), publishBy: d("2017-11-06"), asOf: d("2017-11-02"),
///     keyDecisions: [], privateNotices: nil, reports: [("Bi-annual progress report", clearance)],
///     schedule: ClearanceSchedule(), calendar: WorkingDayCalendar())
/// readiness.warnings  // ["Bi-annual progress report: clear the report for finance is late (due 2017-11-01); chase a finance officer"]
/// ```
public struct MeetingReadiness: Hashable, Sendable {
    /// A report on the agenda and where its clearance stands.
    public struct ReportStatus: Hashable, Sendable {
        public var title: String
        public var stage: ClearanceStage
        /// The step it waits for, with its due date; nil in the pack.
        public var waitingFor: ClearanceStep.Kind?
        public var due: LocalDate?
        /// The late step, when it is late, else nil.
        public var late: ReportClearance.LateStep?
        /// Who holds the waiting step (chased when it is late).
        public var holder: ReportClearance.Holder?
    }

    /// A key decision expected at the meeting, by its Forward Plan reference.
    public struct KeyDecision: Hashable, Sendable {
        public var reference: String
        public var notice: ForwardPlanEntry.NoticeAssessment
    }

    public var meetingDate: LocalDate
    public var deadlines: ClearanceSchedule.Deadlines
    public var keyDecisions: [KeyDecision]
    /// The private-meeting notices, when the meeting has an exempt item.
    public var privateNotices: [NoticeCheck]
    public var reports: [ReportStatus]

    public init(
        meetingDate: LocalDate, publishBy: LocalDate, asOf today: LocalDate, keyDecisions: [ForwardPlanEntry],
        privateNotices: PrivateMeetingNotices?, reports: [(title: String, clearance: ReportClearance)],
        schedule: ClearanceSchedule, calendar: WorkingDayCalendar
    ) {
        self.meetingDate = meetingDate
        self.deadlines = schedule.deadlines(publishBy: publishBy, calendar: calendar)
        self.keyDecisions = keyDecisions.map { KeyDecision(reference: $0.reference, notice: $0.notice(asOf: today, calendar: calendar)) }
        self.privateNotices = privateNotices?.checks(asOf: today, calendar: calendar) ?? []
        let deadlines = self.deadlines
        self.reports = reports.map { report in
            let step = report.clearance.stage.nextStep
            return ReportStatus(
                title: report.title, stage: report.clearance.stage, waitingFor: step,
                due: deadlines.due(leaving: report.clearance.stage),
                late: report.clearance.lateStep(on: today, deadlines: deadlines, calendar: calendar),
                holder: step.flatMap { report.clearance.holder(of: $0) })
        }
    }

    /// Reports not yet approved: a pack that includes one needs the secretary's reason to publish.
    public var unapprovedReports: [ReportStatus] { reports.filter { $0.stage < .approved } }

    /// One line per problem, in the order a secretary deals with them: key decisions, private
    /// notices, then reports.
    public var warnings: [String] {
        var lines: [String] = []
        for decision in keyDecisions where decision.notice.status == .breached || decision.notice.status == .unscheduled {
            if decision.notice.status == .unscheduled {
                lines.append("key decision \(decision.reference): no meeting date, so its notice cannot be counted")
                continue
            }
            for check in decision.notice.checks where check.status.needsWarning {
                lines.append("key decision \(decision.reference): \(check.description)")
            }
        }
        for check in privateNotices where check.needsWarning {
            lines.append("private meeting: \(check.description)")
        }
        for report in reports {
            if let late = report.late {
                lines.append(
                    "\(report.title): \(late.step.label) is late (due \(late.due)); chase \(late.chase.label)")
            } else if report.stage < .approved {
                lines.append("\(report.title): not yet approved (\(report.stage.label))")
            }
        }
        return lines
    }
}
