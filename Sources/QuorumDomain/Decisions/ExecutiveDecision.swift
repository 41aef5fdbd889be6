/// A decision of the executive (Cabinet): when it was made, when published, the call-in period,
/// and when it may be implemented.
///
/// - **Publication** is due `publicationWorkingDays` working days after the decision.
/// - **Call-in** runs from publication to the end of the `callInWorkingDays`-th working day after
///   it: published Friday 4 May 2018, with the early May bank holiday on Monday 7 May, five
///   working days end on Monday 14 May 2018.
/// - **Implementation** follows on the next working day after the call-in period (15 May 2018
///   there); or at once, from the day of the decision, when it is urgent and the scrutiny chair
///   has agreed the call-in be waived (the seed's "With immediate effect … call-in period to be
///   waived"), with the reason recorded. An urgent decision cannot be called in.
/// - A **call-in** made within the period suspends implementation until scrutiny hears it; if it
///   takes no further action the decision may be implemented from the day after the hearing; if
///   it refers the decision back, implementation waits for the decision maker to reconsider.
public struct ExecutiveDecision: Hashable, Sendable, Codable {
    public var reference: String
    public var title: String
    /// The board that made it (`CABINET`).
    public var decisionMaker: String
    public var decidedOn: LocalDate
    public var publishedOn: LocalDate?
    /// Why it takes effect at once, when it does: the call-in is then waived.
    public var urgencyReason: String?
    public var callIn: CallIn?

    public init(
        reference: String, title: String, decisionMaker: String, decidedOn: LocalDate, publishedOn: LocalDate? = nil,
        urgencyReason: String? = nil, callIn: CallIn? = nil
    ) throws(MeetingRecordError) {
        guard ForwardPlanEntry.isValidReference(reference) else {
            throw MeetingRecordError(
                field: "reference", value: reference, reason: "a decision reference is 1 to 32 letters, digits, '-', '/' or '.'")
        }
        guard !title.trimmingWhitespace().isEmpty else {
            throw MeetingRecordError(field: "title", value: title, reason: "a decision needs its title")
        }
        guard Board.isValidCode(decisionMaker) else {
            throw MeetingRecordError(field: "decision_maker", value: decisionMaker, reason: "a board code, like CABINET")
        }
        if let publishedOn, publishedOn < decidedOn {
            throw MeetingRecordError(
                field: "published_on", value: "\(publishedOn)", reason: "a decision is published on or after \(decidedOn), when it was made")
        }
        if let reason = urgencyReason, reason.trimmingWhitespace().isEmpty {
            throw MeetingRecordError(field: "urgency_reason", value: reason, reason: "an urgent decision states why it is urgent")
        }
        self.reference = reference
        self.title = title.trimmingWhitespace()
        self.decisionMaker = decisionMaker
        self.decidedOn = decidedOn
        self.publishedOn = publishedOn
        self.urgencyReason = urgencyReason
        self.callIn = callIn
    }

    public var isUrgent: Bool { urgencyReason != nil }

    /// A call-in by the scrutiny committee.
    public struct CallIn: Hashable, Sendable, Codable {
        public enum Outcome: String, Hashable, Sendable, Codable {
            /// Not yet heard.
            case pending
            /// Scrutiny takes no further action: the decision stands.
            case noFurtherAction = "no_further_action"
            /// Referred back to the decision maker (or to full council) to reconsider.
            case referredBack = "referred_back"
        }

        public var requestedOn: LocalDate
        /// Who called it in (members, by role or email).
        public var by: [String]
        public var reason: String
        /// The scrutiny meeting that hears it, once fixed.
        public var hearingDate: LocalDate?
        public var outcome: Outcome

        public init(requestedOn: LocalDate, by: [String], reason: String, hearingDate: LocalDate? = nil, outcome: Outcome = .pending) {
            self.requestedOn = requestedOn
            self.by = by
            self.reason = reason
            self.hearingDate = hearingDate
            self.outcome = outcome
        }
    }

    /// The last day to publish the decision.
    public func publicationDue(policy: DecisionPolicy, calendar: WorkingDayCalendar) -> LocalDate {
        calendar.adding(workingDays: policy.publicationWorkingDays, to: decidedOn)
    }

    /// Whether the decision was, or is still to be, published in time on `today`.
    public func publicationStatus(asOf today: LocalDate, policy: DecisionPolicy, calendar: WorkingDayCalendar) -> NoticeStatus {
        NoticeStatus(due: publicationDue(policy: policy, calendar: calendar), given: publishedOn, asOf: today)
    }

    /// The last day of the call-in period; nil before publication and for an urgent decision.
    public func callInEnds(policy: DecisionPolicy, calendar: WorkingDayCalendar) -> LocalDate? {
        guard !isUrgent, let publishedOn else { return nil }
        return calendar.adding(workingDays: policy.callInWorkingDays, to: publishedOn)
    }

    /// Why `callIn` cannot be made, or nil when it can.
    public func callInRefusal(_ callIn: CallIn, policy: DecisionPolicy, calendar: WorkingDayCalendar) -> MeetingRecordError? {
        if isUrgent {
            return MeetingRecordError(
                field: "call_in", value: reference, reason: "the decision was urgent and the call-in was waived (\(urgencyReason!))")
        }
        guard let ends = callInEnds(policy: policy, calendar: calendar) else {
            return MeetingRecordError(field: "call_in", value: reference, reason: "the decision is not yet published")
        }
        guard callIn.requestedOn >= publishedOn!, callIn.requestedOn <= ends else {
            return MeetingRecordError(
                field: "requested_on", value: "\(callIn.requestedOn)",
                reason: "the call-in period runs from \(publishedOn!) to \(ends)")
        }
        if callIn.reason.trimmingWhitespace().isEmpty {
            return MeetingRecordError(field: "reason", value: callIn.reason, reason: "a call-in states its reason")
        }
        return nil
    }

    /// Where implementation stands.
    public enum Implementation: Hashable, Sendable, Codable {
        /// Not yet published: the call-in period has not begun.
        case awaitingPublication
        /// In the call-in period until `until`; implementable from `from`.
        case inCallInPeriod(until: LocalDate, from: LocalDate)
        /// Called in and suspended until heard (hearing date if fixed), or until reconsidered.
        case suspended(hearing: LocalDate?, referredBack: Bool)
        /// May be implemented from `from`; `immediately` for an urgent decision.
        case implementable(from: LocalDate, immediately: Bool)
    }

    /// Implementation on `today`.
    public func implementation(asOf today: LocalDate, policy: DecisionPolicy, calendar: WorkingDayCalendar) -> Implementation {
        if isUrgent { return .implementable(from: decidedOn, immediately: true) }
        guard let ends = callInEnds(policy: policy, calendar: calendar) else { return .awaitingPublication }
        let from = calendar.nextWorkingDay(onOrAfter: ends.adding(days: 1))
        if let callIn, callInRefusal(callIn, policy: policy, calendar: calendar) == nil {
            switch callIn.outcome {
            case .pending:
                return .suspended(hearing: callIn.hearingDate, referredBack: false)
            case .referredBack:
                return .suspended(hearing: callIn.hearingDate, referredBack: true)
            case .noFurtherAction:
                let heard = callIn.hearingDate ?? ends
                return .implementable(from: max(from, calendar.nextWorkingDay(onOrAfter: heard.adding(days: 1))), immediately: false)
            }
        }
        return today <= ends ? .inCallInPeriod(until: ends, from: from) : .implementable(from: from, immediately: false)
    }
}
