/// Whether a key decision had its notice, and by which route (SI 2012/2089 regs 9 to 11).
///
/// The rules, as Quorum applies them on a day D to a decision expected on M:
/// - **Forward Plan (reg 9)** when the entry was first published at least 28 clear days before M
///   (calendar days, the day of publication and M both left out: by M − 29). While that day has
///   not passed and the entry is not published, this is still the route, and its notice is due.
/// - **Special urgency (reg 11)** when an agreement under it is recorded, or when neither the
///   Forward Plan nor the general exception can be met any more.
/// - **General exception (reg 10)** otherwise: when its notice was published at least 5 clear days
///   before M (by M − 6), or is not yet published and D is on or before M − 6.
///
/// What each route needs (``NoticeCheck``): reg 9 the entry published by M − 29; reg 10 the
/// scrutiny chair told in writing and the notice published, both by M − 6 (the notice made public
/// is a copy of the one given to the chair), and the notice of reasons, which the regulation wants
/// "as soon as reasonably practicable" and Quorum expects by M; reg 11 the chair's agreement by M
/// and the notice of reasons, again expected by M.
extension ForwardPlanEntry {
    /// How the decision's notice was, or must be, given.
    public enum Route: String, Hashable, Sendable, Codable, CaseIterable {
        case forwardPlan = "forward_plan"
        case generalException = "general_exception"
        case specialUrgency = "special_urgency"
    }

    /// Where the entry's notice stands on a day.
    public struct NoticeAssessment: Hashable, Sendable, Codable {
        /// Everything is done, in time.
        public enum Status: String, Hashable, Sendable, Codable {
            /// Every requirement of the route is met.
            case compliant
            /// Some requirement is still to do, and its day has not passed.
            case pending
            /// A requirement is late or missing: the decision cannot lawfully be taken on the day.
            case breached
            /// No meeting date: nothing can be counted yet.
            case unscheduled
        }

        /// The route; nil when unscheduled.
        public var route: Route?
        public var status: Status
        /// The last day for the Forward Plan notice (M − 29); nil when unscheduled.
        public var forwardPlanDue: LocalDate?
        /// The last day for the general exception's notice (M − 6); nil when unscheduled.
        public var generalExceptionDue: LocalDate?
        /// Clear days between first publication and the meeting; nil when either is unknown.
        public var clearDaysGiven: Int?
        /// The route's requirements, in the order they are done.
        public var checks: [NoticeCheck]

        /// The requirements not yet met (due, late, missing, or with a problem).
        public var outstanding: [NoticeCheck] { checks.filter { !$0.isSatisfied } }
    }

    /// The entry's notice on `today`, counted with `calendar`.
    public func notice(asOf today: LocalDate, calendar: WorkingDayCalendar) -> NoticeAssessment {
        guard let meeting = meetingDate else {
            return NoticeAssessment(
                route: nil, status: .unscheduled, forwardPlanDue: nil, generalExceptionDue: nil, clearDaysGiven: nil,
                checks: [])
        }
        let forwardPlanDue = NoticePeriod.keyDecision.deadline(before: meeting, calendar: calendar)
        let exceptionDue = NoticePeriod.generalException.deadline(before: meeting, calendar: calendar)
        let clearDays = firstPublished.map { NoticePeriod.keyDecision.clearDays(from: $0, to: meeting, calendar: calendar) }

        let route: Route
        var checks: [NoticeCheck] = []
        if let published = firstPublished, published <= forwardPlanDue {
            route = .forwardPlan
        } else if firstPublished == nil, today <= forwardPlanDue, specialUrgency == nil, generalException == nil {
            route = .forwardPlan
        } else if specialUrgency != nil {
            route = .specialUrgency
        } else if let notice = generalException?.noticePublishedOn {
            route = notice <= exceptionDue ? .generalException : .specialUrgency
        } else {
            route = today <= exceptionDue ? .generalException : .specialUrgency
        }

        switch route {
        case .forwardPlan:
            checks.append(NoticeCheck(kind: .forwardPlan, due: forwardPlanDue, given: firstPublished, asOf: today))
        case .generalException:
            let exception = generalException ?? GeneralException()
            checks.append(NoticeCheck(kind: .chairInformed, due: exceptionDue, given: exception.chairInformedOn, asOf: today))
            checks.append(
                NoticeCheck(kind: .generalExceptionNotice, due: exceptionDue, given: exception.noticePublishedOn, asOf: today))
            checks.append(
                NoticeCheck(kind: .generalExceptionReasons, due: meeting, given: exception.reasonsPublishedOn, asOf: today))
        case .specialUrgency:
            let urgency = specialUrgency ?? SpecialUrgency()
            var problems: [String] = []
            if urgency.agreedOn != nil, (urgency.agreedBy ?? "").trimmingWhitespace().isEmpty {
                problems.append("the agreement does not say who gave it")
            }
            checks.append(
                NoticeCheck(kind: .chairAgreement, due: meeting, given: urgency.agreedOn, asOf: today, problems: problems))
            checks.append(
                NoticeCheck(kind: .specialUrgencyReasons, due: meeting, given: urgency.reasonsPublishedOn, asOf: today))
        }

        let status: NoticeAssessment.Status =
            if checks.contains(where: { $0.status.needsWarning }) {
                .breached
            } else if checks.allSatisfy(\.isSatisfied) {
                .compliant
            } else {
                .pending
            }
        return NoticeAssessment(
            route: route, status: status, forwardPlanDue: forwardPlanDue, generalExceptionDue: exceptionDue,
            clearDaysGiven: clearDays, checks: checks)
    }
}
