/// A key decision on the Forward Plan (the "notice of key decisions" of SI 2012/2089 reg 9):
/// what will be decided, by whom, when, on which report, and since when the public knows.
///
/// ```swift
/// let entry = try ForwardPlanEntry(
///     reference: "FP-2018-07", title: "Children's social care sufficiency strategy",
///     decisionMaker: "CABINET", meetingDate: LocalDate(year: 2018, month: 12, day: 6)!,
///     reportTitle: "Sufficiency strategy 2019-2022",
///     reportOwner: Person(role: "Head of Children's Social Care", email: "head.csc@example.org"),
///     firstPublished: LocalDate(year: 2018, month: 11, day: 1)!)
/// entry.notice(asOf: LocalDate(year: 2018, month: 11, day: 2)!, calendar: WorkingDayCalendar()).route
/// // .forwardPlan: 34 clear days
/// ```
public struct ForwardPlanEntry: Hashable, Sendable, Codable {
    /// The plan's own reference for the entry: letters, digits, `-`, `/` and `.`, up to 32.
    public var reference: String
    /// The matter to be decided.
    public var title: String
    /// The board that takes the decision (`CABINET`).
    public var decisionMaker: String
    /// The meeting at which the decision is expected; nil while it is not fixed.
    public var meetingDate: LocalDate?
    /// The report the decision will be taken on, and its owner.
    public var reportTitle: String?
    public var reportOwner: Person?
    /// The day the entry was first published on the plan; nil while it is not.
    public var firstPublished: LocalDate?
    /// The paragraph of Schedule 12A (1 to 7) under which the decision's papers are exempt, or nil.
    public var exemptParagraph: Int?
    /// What was done under the general exception (reg 10), if the Forward Plan could not be met.
    public var generalException: GeneralException?
    /// What was done under special urgency (reg 11), if even the general exception could not be met.
    public var specialUrgency: SpecialUrgency?

    /// The general exception's steps, each with the day it was done.
    public struct GeneralException: Hashable, Sendable, Codable {
        /// The day the chair of the scrutiny committee was told in writing.
        public var chairInformedOn: LocalDate?
        /// The day the notice was made open to the public and put on the website.
        public var noticePublishedOn: LocalDate?
        /// The day the notice of why reg 9 could not be complied with was published.
        public var reasonsPublishedOn: LocalDate?

        public init(chairInformedOn: LocalDate? = nil, noticePublishedOn: LocalDate? = nil, reasonsPublishedOn: LocalDate? = nil) {
            self.chairInformedOn = chairInformedOn
            self.noticePublishedOn = noticePublishedOn
            self.reasonsPublishedOn = reasonsPublishedOn
        }
    }

    /// Special urgency's steps.
    public struct SpecialUrgency: Hashable, Sendable, Codable {
        /// Who agreed the decision is urgent and cannot reasonably be deferred: the scrutiny
        /// chair, or failing that the chair or vice-chair of the council (a role).
        public var agreedBy: String?
        /// The day they agreed.
        public var agreedOn: LocalDate?
        /// The day the notice of the reasons was published.
        public var reasonsPublishedOn: LocalDate?

        public init(agreedBy: String? = nil, agreedOn: LocalDate? = nil, reasonsPublishedOn: LocalDate? = nil) {
            self.agreedBy = agreedBy
            self.agreedOn = agreedOn
            self.reasonsPublishedOn = reasonsPublishedOn
        }
    }

    /// An entry, checked.
    /// - Throws: ``MeetingRecordError`` naming the field at fault.
    public init(
        reference: String, title: String, decisionMaker: String, meetingDate: LocalDate?, reportTitle: String? = nil,
        reportOwner: Person? = nil, firstPublished: LocalDate?, exemptParagraph: Int? = nil,
        generalException: GeneralException? = nil, specialUrgency: SpecialUrgency? = nil
    ) throws(MeetingRecordError) {
        guard Self.isValidReference(reference) else {
            throw MeetingRecordError(
                field: "reference", value: reference,
                reason: "a Forward Plan reference is 1 to 32 letters, digits, '-', '/' or '.', like FP-2018-07")
        }
        let trimmedTitle = title.trimmingWhitespace()
        guard !trimmedTitle.isEmpty else {
            throw MeetingRecordError(field: "title", value: title, reason: "a key decision needs its title")
        }
        guard Board.isValidCode(decisionMaker) else {
            throw MeetingRecordError(
                field: "decision_maker", value: decisionMaker,
                reason: "the decision maker is a board code of capital letters and digits, like CABINET")
        }
        if let exemptParagraph, !ScheduleTwelveA.paragraphs.contains(exemptParagraph) {
            throw MeetingRecordError(
                field: "exempt_paragraph", value: String(exemptParagraph),
                reason: "Schedule 12A has paragraphs 1 to 7")
        }
        self.reference = reference
        self.title = trimmedTitle
        self.decisionMaker = decisionMaker
        self.meetingDate = meetingDate
        self.reportTitle = reportTitle
        self.reportOwner = reportOwner
        self.firstPublished = firstPublished
        self.exemptParagraph = exemptParagraph
        self.generalException = generalException
        self.specialUrgency = specialUrgency
    }

    /// Whether the decision's papers are exempt (and the meeting, for that item, private).
    public var isExempt: Bool { exemptParagraph != nil }

    static func isValidReference(_ text: String) -> Bool {
        (1...32).contains(text.count)
            && text.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-/.".unicodeScalars.contains($0)
            }
    }
}
