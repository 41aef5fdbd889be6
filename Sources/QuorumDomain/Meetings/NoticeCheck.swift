/// One thing the law requires before a meeting or decision, checked on a day: what it is, when
/// it is due, when it was done, and where it stands.
public struct NoticeCheck: Hashable, Sendable, Codable {
    /// The requirements Quorum tracks.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The key decision on the Forward Plan, 28 clear days before (reg 9).
        case forwardPlan = "forward_plan"
        /// General exception: the scrutiny chair told in writing (reg 10(1)(a)).
        case chairInformed = "chair_informed"
        /// General exception: the notice open to the public 5 clear days before (reg 10(1)(b), (c)).
        case generalExceptionNotice = "general_exception_notice"
        /// General exception: the notice of why the Forward Plan could not be met (reg 10(3)).
        case generalExceptionReasons = "general_exception_reasons"
        /// Special urgency: the scrutiny chair's agreement that the decision cannot wait (reg 11(1)).
        case chairAgreement = "chair_agreement"
        /// Special urgency: the notice of the reasons for the urgency (reg 11(2)).
        case specialUrgencyReasons = "special_urgency_reasons"
        /// A private meeting: the first notice of intention, 28 clear days before (reg 5(2)).
        case privateFirstNotice = "private_first_notice"
        /// A private meeting: the further notice, 5 clear days before (reg 5(4)).
        case privateSecondNotice = "private_second_notice"

        /// The regulation of SI 2012/2089 it comes from: `reg 10(1)(a)`.
        public var regulation: String {
            switch self {
            case .forwardPlan: "reg 9"
            case .chairInformed: "reg 10(1)(a)"
            case .generalExceptionNotice: "reg 10(1)(b), (c)"
            case .generalExceptionReasons: "reg 10(3)"
            case .chairAgreement: "reg 11(1)"
            case .specialUrgencyReasons: "reg 11(2)"
            case .privateFirstNotice: "reg 5(2)"
            case .privateSecondNotice: "reg 5(4)"
            }
        }

        /// What must be done, in a secretary's words.
        public var summary: String {
            switch self {
            case .forwardPlan: "publish the key decision on the Forward Plan (28 clear days)"
            case .chairInformed: "tell the chair of the scrutiny committee in writing"
            case .generalExceptionNotice: "publish the general exception notice (5 clear days)"
            case .generalExceptionReasons: "publish why the Forward Plan notice could not be given"
            case .chairAgreement: "obtain the scrutiny chair's agreement that the decision is urgent"
            case .specialUrgencyReasons: "publish the notice of the reasons for the urgency"
            case .privateFirstNotice: "publish the notice of intention to meet in private (28 clear days)"
            case .privateSecondNotice: "publish the further notice of the private meeting (5 clear days)"
            }
        }
    }

    public var kind: Kind
    /// The last day it may be done.
    public var due: LocalDate
    /// The day it was done, or nil.
    public var given: LocalDate?
    public var status: NoticeStatus
    /// What is wrong with it besides its date: a notice without its reasons, representations
    /// without a response. Empty when nothing is.
    public var problems: [String]
    /// Why a late or missing notice does not stop the meeting (an urgency agreement), or nil.
    public var excuse: String?

    public init(
        kind: Kind, due: LocalDate, given: LocalDate?, asOf today: LocalDate, problems: [String] = [], excuse: String? = nil
    ) {
        self.kind = kind
        self.due = due
        self.given = given
        self.status = NoticeStatus(due: due, given: given, asOf: today)
        self.problems = problems
        self.excuse = excuse
    }

    /// Done in time (or excused) and complete.
    public var isSatisfied: Bool { (status == .given || excuse != nil) && problems.isEmpty }

    /// Late or missing and not excused, or given with a problem: the secretary is warned.
    public var needsWarning: Bool { (status.needsWarning && excuse == nil) || (status != .due && !problems.isEmpty) }

    /// "tell the chair of the scrutiny committee in writing (reg 10(1)(a)): missing, due 2018-12-22".
    public var description: String {
        var text = "\(kind.summary) (\(kind.regulation)): \(status.rawValue)"
        switch status {
        case .due, .missing: text += ", due \(due)"
        case .given: text += " \(given!)"
        case .late: text += " \(given!), due \(due)"
        }
        for problem in problems { text += "; \(problem)" }
        if let excuse { text += "; \(excuse)" }
        return text
    }
}
