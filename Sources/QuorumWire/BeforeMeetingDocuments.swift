import Foundation
import QuorumDomain

// The JSON shapes of the Forward Plan, private-meeting notice, report clearance and meeting
// readiness replies.

/// One requirement of a notice, checked on a day (NoticeCheck).
public struct NoticeCheckDocument: Codable, Sendable, Hashable {
    /// `forward_plan`, `chair_informed`, `private_first_notice`…
    public let kind: String
    /// `reg 10(1)(a)`.
    public let regulation: String
    public let summary: String
    public let due: String
    @EncodedAsNull public var given: String?
    /// `due`, `given`, `late` or `missing`.
    public let status: String
    public let problems: [String]
    @EncodedAsNull public var excuse: String?
    /// Whether the secretary is warned about it.
    public let warning: Bool
    public let description: String

    public init(_ check: NoticeCheck) {
        kind = check.kind.rawValue
        regulation = check.kind.regulation
        summary = check.kind.summary
        due = check.due.description
        given = check.given?.description
        status = check.status.rawValue
        problems = check.problems
        excuse = check.excuse
        warning = check.needsWarning
        description = check.description
    }
}

/// A key decision on the Forward Plan with where its notice stands (FORWARD ADD, GET, LIST, SET).
public struct ForwardPlanEntryDocument: Codable, Sendable, Hashable {
    public let reference: String
    public let title: String
    public let decisionMaker: String
    @EncodedAsNull public var meeting: String?
    @EncodedAsNull public var meetingDate: String?
    @EncodedAsNull public var reportTitle: String?
    @EncodedAsNull public var reportOwner: String?
    @EncodedAsNull public var reportOwnerRole: String?
    /// True when the entry is exempt and this reader does not read its decision maker's
    /// exempt papers: the report's title and owner are withheld (null), not missing.
    public let reportWithheld: Bool
    @EncodedAsNull public var firstPublished: String?
    @EncodedAsNull public var exemptParagraph: Int?
    @EncodedAsNull public var generalException: GeneralException?
    @EncodedAsNull public var specialUrgency: SpecialUrgency?
    /// The agenda items that carry it: `OSC-2017-11-14 item:3`.
    public let items: [String]
    /// The day the notice was judged on.
    public let asOf: String
    /// `forward_plan`, `general_exception`, `special_urgency`; null while unscheduled.
    @EncodedAsNull public var route: String?
    /// `compliant`, `pending`, `breached` or `unscheduled`.
    public let status: String
    @EncodedAsNull public var forwardPlanDue: String?
    @EncodedAsNull public var generalExceptionDue: String?
    @EncodedAsNull public var clearDaysGiven: Int?
    public let checks: [NoticeCheckDocument]

    public struct GeneralException: Codable, Sendable, Hashable {
        @EncodedAsNull public var chairInformedOn: String?
        @EncodedAsNull public var noticePublishedOn: String?
        @EncodedAsNull public var reasonsPublishedOn: String?
    }

    public struct SpecialUrgency: Codable, Sendable, Hashable {
        @EncodedAsNull public var agreedBy: String?
        @EncodedAsNull public var agreedOn: String?
        @EncodedAsNull public var reasonsPublishedOn: String?
    }

    /// The document of `entry` as a reader sees it; `reportWithheld` when the report's
    /// particulars were withheld from them (``ForwardPlanEntry/particulars(readsExemptPapers:)``).
    public init(
        _ entry: ForwardPlanEntry, meeting: String?, items: [String], asOf: LocalDate, notice: ForwardPlanEntry.NoticeAssessment,
        reportWithheld: Bool = false
    ) {
        self.reportWithheld = reportWithheld
        reference = entry.reference
        title = entry.title
        decisionMaker = entry.decisionMaker
        self.meeting = meeting
        meetingDate = entry.meetingDate?.description
        reportTitle = entry.reportTitle
        reportOwner = entry.reportOwner?.email
        reportOwnerRole = entry.reportOwner?.role
        firstPublished = entry.firstPublished?.description
        exemptParagraph = entry.exemptParagraph
        generalException = entry.generalException.map {
            GeneralException(
                chairInformedOn: $0.chairInformedOn?.description, noticePublishedOn: $0.noticePublishedOn?.description,
                reasonsPublishedOn: $0.reasonsPublishedOn?.description)
        }
        specialUrgency = entry.specialUrgency.map {
            SpecialUrgency(agreedBy: $0.agreedBy, agreedOn: $0.agreedOn?.description, reasonsPublishedOn: $0.reasonsPublishedOn?.description)
        }
        self.items = items
        self.asOf = asOf.description
        route = notice.route?.rawValue
        status = notice.status.rawValue
        forwardPlanDue = notice.forwardPlanDue?.description
        generalExceptionDue = notice.generalExceptionDue?.description
        clearDaysGiven = notice.clearDaysGiven
        checks = notice.checks.map(NoticeCheckDocument.init)
    }
}

/// The notices of intention to hold a meeting in private (NOTICE GIVE, URGENCY, LIST).
public struct PrivateNoticesDocument: Codable, Sendable, Hashable {
    public let meeting: String
    public let meetingDate: String
    public let asOf: String
    /// The exempt items that make the meeting private: "3. Exempt item (paragraph 1)".
    public let exemptItems: [String]
    /// Whether any notice is needed: the meeting has an exempt item.
    public let required: Bool
    @EncodedAsNull public var first: Notice?
    @EncodedAsNull public var second: Notice?
    @EncodedAsNull public var urgency: Urgency?
    /// First, then second; empty when no notice is needed.
    public let checks: [NoticeCheckDocument]

    public struct Notice: Codable, Sendable, Hashable {
        public let givenOn: String
        public let reasons: String
        public let representations: [String]
        @EncodedAsNull public var response: String?
    }

    public struct Urgency: Codable, Sendable, Hashable {
        public let agreedBy: String
        public let agreedOn: String
        @EncodedAsNull public var reasonsPublishedOn: String?
    }

    public init(meeting: String, notices: PrivateMeetingNotices, exemptItems: [String], asOf: LocalDate, checks: [NoticeCheck]) {
        self.meeting = meeting
        meetingDate = notices.meetingDate.description
        self.asOf = asOf.description
        self.exemptItems = exemptItems
        required = !exemptItems.isEmpty
        func document(_ notice: PrivateMeetingNotices.Notice?) -> Notice? {
            notice.map {
                Notice(givenOn: $0.givenOn.description, reasons: $0.reasons, representations: $0.representations, response: $0.response)
            }
        }
        first = document(notices.first)
        second = document(notices.second)
        urgency = notices.urgency.map {
            Urgency(agreedBy: $0.agreedBy, agreedOn: $0.agreedOn.description, reasonsPublishedOn: $0.reasonsPublishedOn?.description)
        }
        self.checks = checks.map(NoticeCheckDocument.init)
    }
}

/// A report's clearance record (CLEARANCE GET and every step).
public struct ClearanceDocument: Codable, Sendable, Hashable {
    public let meeting: String
    public let item: String
    public let title: String
    /// `draft`, `submitted`, `finance_cleared`, `legal_cleared`, `approved`, `in_pack`.
    public let stage: String
    public let stageLabel: String
    public let owner: String
    public let ownerRole: String
    public let reportOf: String
    public let reportOfRole: String
    @EncodedAsNull public var finance: Clearance?
    @EncodedAsNull public var legal: Clearance?
    /// The next step (`clear_finance`…), its due date and who holds it; null in the pack.
    @EncodedAsNull public var waitingFor: String?
    @EncodedAsNull public var due: String?
    @EncodedAsNull public var holder: String?
    public let late: Bool
    /// The latest return's comment while the report is back in draft.
    @EncodedAsNull public var returnComment: String?
    /// The cover's Internal Consultations, as the record writes them; null before any clearance.
    @EncodedAsNull public var internalConsultations: String?
    public let history: [Event]

    public struct Clearance: Codable, Sendable, Hashable {
        public let reference: String
        public let title: String
        public let by: String
        public let at: String
    }

    public struct Event: Codable, Sendable, Hashable {
        public let step: String
        public let from: String
        public let to: String
        public let by: String
        public let at: String
        @EncodedAsNull public var reference: String?
        @EncodedAsNull public var comment: String?
    }

    public init(
        meeting: String, item: String, title: String, clearance: ReportClearance, due: LocalDate?, late: Bool
    ) {
        self.meeting = meeting
        self.item = item
        self.title = title
        stage = clearance.stage.rawValue
        stageLabel = clearance.stage.label
        owner = clearance.owner.email
        ownerRole = clearance.owner.role
        reportOf = clearance.reportOf.email
        reportOfRole = clearance.reportOf.role
        func document(_ given: ReportClearance.Clearance?) -> Clearance? {
            given.map { Clearance(reference: $0.reference.description, title: $0.title, by: $0.by, at: Self.instant($0.at)) }
        }
        finance = document(clearance.finance)
        legal = document(clearance.legal)
        let step = clearance.stage.nextStep
        waitingFor = step?.rawValue
        self.due = step == nil ? nil : due?.description
        holder = step.flatMap { clearance.holder(of: $0)?.label }
        self.late = late
        returnComment = clearance.returnComment
        internalConsultations = clearance.internalConsultations
        history = clearance.history.map {
            Event(
                step: $0.step.rawValue, from: $0.from.rawValue, to: $0.to.rawValue, by: $0.by, at: Self.instant($0.at),
                reference: $0.reference?.description, comment: $0.comment)
        }
    }

    /// London wall-clock time as an instant with its offset.
    static func instant(_ local: LocalDateTime) -> String {
        Date(timeIntervalSince1970: TimeInterval(EuropeLondon.unixSeconds(for: local))).londonISOText
    }
}

/// What stands between a meeting and a lawful, complete pack (MEETING READINESS): the
/// secretary's dashboard.
public struct ReadinessDocument: Codable, Sendable, Hashable {
    public let meeting: String
    public let meetingDate: String
    public let publishBy: String
    public let asOf: String
    public let deadlines: Deadlines
    public let keyDecisions: [KeyDecision]
    public let privateNotices: [NoticeCheckDocument]
    public let reports: [Report]
    /// Reports in the pack that are not yet approved: publishing needs a reason.
    public let unapproved: [String]
    /// One line per problem: key decisions, private notices, then reports.
    public let warnings: [String]

    public struct Deadlines: Codable, Sendable, Hashable {
        public let draft: String
        public let clearance: String
        public let approval: String
        public let pack: String
    }

    public struct KeyDecision: Codable, Sendable, Hashable {
        public let reference: String
        public let status: String
        @EncodedAsNull public var route: String?
        public let checks: [NoticeCheckDocument]
    }

    public struct Report: Codable, Sendable, Hashable {
        public let item: String
        public let title: String
        public let stage: String
        @EncodedAsNull public var waitingFor: String?
        @EncodedAsNull public var due: String?
        @EncodedAsNull public var holder: String?
        public let late: Bool
        @EncodedAsNull public var workingDaysLate: Int?
    }

    public init(meeting: String, publishBy: LocalDate, asOf: LocalDate, readiness: MeetingReadiness, itemKeys: [String]) {
        self.meeting = meeting
        meetingDate = readiness.meetingDate.description
        self.publishBy = publishBy.description
        self.asOf = asOf.description
        let d = readiness.deadlines
        deadlines = Deadlines(
            draft: d.draft.description, clearance: d.clearance.description, approval: d.approval.description, pack: d.pack.description)
        keyDecisions = readiness.keyDecisions.map {
            KeyDecision(
                reference: $0.reference, status: $0.notice.status.rawValue, route: $0.notice.route?.rawValue,
                checks: $0.notice.checks.map(NoticeCheckDocument.init))
        }
        privateNotices = readiness.privateNotices.map(NoticeCheckDocument.init)
        reports = zip(itemKeys, readiness.reports).map { key, report in
            Report(
                item: key, title: report.title, stage: report.stage.rawValue, waitingFor: report.waitingFor?.rawValue,
                due: report.due?.description, holder: report.holder?.label, late: report.late != nil,
                workingDaysLate: report.late?.workingDaysLate)
        }
        unapproved = readiness.unapprovedReports.map(\.title)
        warnings = readiness.warnings
    }
}
