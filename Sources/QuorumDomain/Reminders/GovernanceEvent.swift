/// A change in a meeting's life that a council's other systems hear of by webhook: a report
/// returned or approved in clearance, the Forward Plan published, minutes approved, an executive
/// decision published or called in (docs/meetings.md, "Webhook events").
///
/// It raises no email: it is enqueued as one outbox row per webhook that subscribes to its kind,
/// in the same transaction as the change that causes it. Its `id` is its identity, made from
/// what happened and never from the clock, so the outbox's unique key holds it once and the
/// `webhook-id` a receiver deduplicates on is the same on every attempt.
///
/// ```swift
/// let event = GovernanceEvent.decisionPublished(decision, callInEnds: end, by: "cabinet.secretary")
/// event.id // "decision.published|CAB-2018-05-03"
/// ```
public struct GovernanceEvent: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A report in clearance sent back to draft, with the comment of the step's holder.
        case reportReturned = "report.returned"
        /// A report approved by the officer it is "of": ready for the pack.
        case reportApproved = "report.approved"
        /// A Forward Plan entry on the published plan: added, or changed, while public.
        case forwardPlanPublished = "forward_plan.published"
        /// A meeting's minutes approved at the board's next meeting.
        case minutesApproved = "minutes.approved"
        /// An executive decision's record published: its call-in period starts.
        case decisionPublished = "decision.published"
        /// An executive decision called in by the scrutiny committee: its implementation waits.
        case decisionCalledIn = "decision.called_in"
    }

    /// The event's identity: its kind and what it is about (`report.approved|OSC-2017-11-14/4|5`).
    public var id: String
    public var kind: Kind
    /// The user whose change raised it.
    public var by: String
    public var report: ReportClearanceEvent?
    public var forwardPlan: ForwardPlanEntry?
    public var minutes: MinutesApproval?
    public var decision: ExecutiveDecision?
    /// The end of a published decision's call-in period (nil for an urgent decision).
    public var callInEnds: LocalDate?

    public init(
        id: String, kind: Kind, by: String, report: ReportClearanceEvent? = nil, forwardPlan: ForwardPlanEntry? = nil,
        minutes: MinutesApproval? = nil, decision: ExecutiveDecision? = nil, callInEnds: LocalDate? = nil
    ) {
        self.id = id
        self.kind = kind
        self.by = by
        self.report = report
        self.forwardPlan = forwardPlan
        self.minutes = minutes
        self.decision = decision
        self.callInEnds = callInEnds
    }
}

/// What a clearance event is about: the report, the step and what came of it.
public struct ReportClearanceEvent: Hashable, Sendable, Codable {
    public var meetingID: String
    public var boardCode: String
    public var itemKey: String
    public var title: String
    /// The stage the report is in after the step (`draft` after a return, `approved`).
    public var stage: ClearanceStage
    /// The step's number in the report's history: a report returned twice raises two events.
    public var step: Int
    /// The holder's comment on a return.
    public var comment: String?

    public init(meetingID: String, boardCode: String, itemKey: String, title: String, stage: ClearanceStage, step: Int, comment: String?) {
        self.meetingID = meetingID
        self.boardCode = boardCode
        self.itemKey = itemKey
        self.title = title
        self.stage = stage
        self.step = step
        self.comment = comment
    }
}

/// Minutes approved: which meeting's, at which meeting.
public struct MinutesApproval: Hashable, Sendable, Codable {
    public var meetingID: String
    public var boardCode: String
    public var meetingDate: LocalDate
    /// The meeting that approved them (the board's next).
    public var approvedAt: String

    public init(meetingID: String, boardCode: String, meetingDate: LocalDate, approvedAt: String) {
        self.meetingID = meetingID
        self.boardCode = boardCode
        self.meetingDate = meetingDate
        self.approvedAt = approvedAt
    }
}

extension GovernanceEvent {
    /// The event of the step last taken on `clearance` (the record after the step): a return to
    /// draft or an approval; nil for any other step.
    public static func clearance(
        _ clearance: ReportClearance, meetingID: String, itemKey: String, title: String, by: String
    ) -> GovernanceEvent? {
        guard let last = clearance.history.last else { return nil }
        let kind: Kind
        switch last.step {
        case .returnToDraft: kind = .reportReturned
        case .approve: kind = .reportApproved
        default: return nil
        }
        let step = clearance.history.count
        return GovernanceEvent(
            id: "\(kind.rawValue)|\(meetingID)/\(itemKey)|\(step)", kind: kind, by: by,
            report: ReportClearanceEvent(
                meetingID: meetingID, boardCode: clearance.boardCode, itemKey: itemKey, title: title, stage: last.to, step: step,
                comment: last.comment))
    }

    /// A Forward Plan entry as the published plan shows it after a change, or nil while it is
    /// not public on `day`: an entry nobody outside the council may see yet raises nothing.
    /// Its id names the entry and its content, so the same entry written again unchanged is one
    /// event, and each change that the public sees is another.
    public static func forwardPlan(_ entry: ForwardPlanEntry, publicOn day: LocalDate, by: String) -> GovernanceEvent? {
        guard entry.isPublic(on: day) else { return nil }
        // The entry as the public reads it: an exempt entry's report particulars withheld.
        let shown = entry.particulars(readsExemptPapers: false)
        return GovernanceEvent(
            id: "\(Kind.forwardPlanPublished.rawValue)|\(shown.reference)|\(shown.revision)", kind: .forwardPlanPublished, by: by,
            forwardPlan: shown)
    }

    /// Minutes approved: one event per meeting's minutes, which are approved once.
    public static func minutesApproved(_ approval: MinutesApproval, by: String) -> GovernanceEvent {
        GovernanceEvent(id: "\(Kind.minutesApproved.rawValue)|\(approval.meetingID)", kind: .minutesApproved, by: by, minutes: approval)
    }

    /// A decision's record published (once per decision).
    public static func decisionPublished(_ decision: ExecutiveDecision, callInEnds: LocalDate?, by: String) -> GovernanceEvent {
        GovernanceEvent(
            id: "\(Kind.decisionPublished.rawValue)|\(decision.reference)", kind: .decisionPublished, by: by, decision: decision,
            callInEnds: callInEnds)
    }

    /// A decision called in (once per decision: a second call-in is refused).
    public static func decisionCalledIn(_ decision: ExecutiveDecision, callInEnds: LocalDate?, by: String) -> GovernanceEvent {
        GovernanceEvent(
            id: "\(Kind.decisionCalledIn.rawValue)|\(decision.reference)", kind: .decisionCalledIn, by: by, decision: decision,
            callInEnds: callInEnds)
    }
}
