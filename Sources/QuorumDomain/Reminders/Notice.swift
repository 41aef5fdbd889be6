/// Something a sweep found that someone must be told: one email (and its webhook events).
///
/// Its `key` is its identity — kind, recipient, subject, due date and repeat round — so that the
/// outbox's unique key makes a second sweep, or a sweep re-run after a crash, enqueue nothing new.
public struct Notice: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A report owner, before the draft deadline.
        case reportDue = "report.due"
        /// A report owner after the draft deadline, copied to the secretary.
        case reportLate = "report.late"
        /// A secretary: a report falls due but the board has no meeting to take it.
        case reportUnscheduled = "report.unscheduled"
        /// An action lead: their actions due soon or overdue, in one message.
        case actionDigest = "action.digest"
        /// A board member: the meeting's pack is published.
        case packPublished = "pack.published"
        /// A user who asked the portal for a sign-in link by email.
        case signInLink = "signin.link"
        /// Whoever holds a report's clearance step after its due date (docs/meetings.md).
        case clearanceLate = "clearance.late"
        /// `quorum notify test`: proves the mail settings work. No sweep finds one.
        case test = "test"
    }

    public var kind: Kind
    public var key: String
    public var recipient: Person
    public var cc: [Person]
    public var dueDate: LocalDate?
    /// The repeat round or reminder stage that distinguishes notices about the same thing.
    public var round: Int
    public var report: ReportReminder?
    public var actions: [ActionReminder]
    public var pack: PackPublication?
    /// The link of a sign-in link notice.
    public var signIn: SignInLinkMessage?
    /// What a clearance chase is about.
    public var clearance: ClearanceReminder?
    /// The webhook event this notice raises, if any (`report.due`, `report.late`, `action.overdue`, `action.due`).
    public var webhookEvent: String?

    public init(
        kind: Kind, key: String, recipient: Person, cc: [Person] = [], dueDate: LocalDate?, round: Int = 0,
        report: ReportReminder? = nil, actions: [ActionReminder] = [], pack: PackPublication? = nil,
        clearance: ClearanceReminder? = nil, webhookEvent: String?, signIn: SignInLinkMessage? = nil
    ) {
        self.kind = kind
        self.key = key
        self.recipient = recipient
        self.cc = cc
        self.dueDate = dueDate
        self.round = round
        self.report = report
        self.actions = actions
        self.pack = pack
        self.clearance = clearance
        self.webhookEvent = webhookEvent
        self.signIn = signIn
    }
}

/// What a report notice is about.
public struct ReportReminder: Hashable, Sendable, Codable {
    public var occurrenceID: String
    public var boardCode: String
    public var boardName: String
    public var title: String
    public var month: YearMonth
    public var meetingDate: LocalDate?
    public var draftDue: LocalDate?
    public var publishBy: LocalDate?
    /// Working days from the sweep's date to the draft deadline (negative when late).
    public var workingDaysLeft: Int?

    public init(
        occurrenceID: String, boardCode: String, boardName: String, title: String, month: YearMonth,
        meetingDate: LocalDate?, draftDue: LocalDate?, publishBy: LocalDate?, workingDaysLeft: Int?
    ) {
        self.occurrenceID = occurrenceID
        self.boardCode = boardCode
        self.boardName = boardName
        self.title = title
        self.month = month
        self.meetingDate = meetingDate
        self.draftDue = draftDue
        self.publishBy = publishBy
        self.workingDaysLeft = workingDaysLeft
    }
}

/// One action in a lead's digest.
public struct ActionReminder: Hashable, Sendable, Codable {
    /// The identity of this listing (`action|1.1.4|2017-10-31|overdue|1`): an action is listed
    /// again only under a new key, that is, in a later repeat round or for a new review date.
    public var key: String
    public var ref: String
    public var text: String
    /// The review date; nil for an `Ongoing` action listed only for its update.
    public var reviewDate: LocalDate?
    public var state: ActionState
    public var daysOverdue: Int
    public var round: Int
    public var latestUpdate: ActionUpdate?
    /// When the lead's next update fell due under the action's update frequency, if it has
    /// passed with no update: the action is chased for an update whatever its review date.
    public var updateDue: LocalDate? = nil

    public init(
        key: String, ref: String, text: String, reviewDate: LocalDate?, state: ActionState, daysOverdue: Int, round: Int,
        latestUpdate: ActionUpdate?, updateDue: LocalDate? = nil
    ) {
        self.key = key
        self.ref = ref
        self.text = text
        self.reviewDate = reviewDate
        self.state = state
        self.daysOverdue = daysOverdue
        self.round = round
        self.latestUpdate = latestUpdate
        self.updateDue = updateDue
    }
}

/// What a pack-published notice is about.
public struct PackPublication: Hashable, Sendable, Codable {
    public var packID: String
    public var boardCode: String
    public var boardName: String
    public var meetingDate: LocalDate
    public var meetingTime: LocalTime
    public var venue: String
    public var publishBy: LocalDate
    public var isLate: Bool
    public var lateReason: String?
    public var hasExemptPart: Bool

    public init(
        packID: String, boardCode: String, boardName: String, meetingDate: LocalDate, meetingTime: LocalTime, venue: String,
        publishBy: LocalDate, isLate: Bool, lateReason: String?, hasExemptPart: Bool
    ) {
        self.packID = packID
        self.boardCode = boardCode
        self.boardName = boardName
        self.meetingDate = meetingDate
        self.meetingTime = meetingTime
        self.venue = venue
        self.publishBy = publishBy
        self.isLate = isLate
        self.lateReason = lateReason
        self.hasExemptPart = hasExemptPart
    }
}

/// What a sign-in link notice carries: the single-use link and how long it works.
public struct SignInLinkMessage: Hashable, Sendable, Codable {
    public var url: String
    public var minutes: Int

    public init(url: String, minutes: Int) {
        self.url = url
        self.minutes = minutes
    }
}
