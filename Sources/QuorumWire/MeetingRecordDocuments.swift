import QuorumDomain

// The JSON shapes of what happens at and after a meeting: attendance, declarations, minutes,
// resolutions and executive decisions.

/// Who attended a meeting and whether it was quorate (ATTENDANCE GET).
public struct AttendanceDocument: Codable, Sendable, Hashable {
    public struct Substitute: Codable, Sendable, Hashable {
        public let person: PersonDocument
        /// The email of the member they sat for.
        public let forMember: String

        public init(person: PersonDocument, forMember: String) {
            self.person = person
            self.forMember = forMember
        }
    }

    public let meeting: String
    public let board: String
    /// The board's quorum as its file writes it (`1/4 min 3`).
    public let quorum: String
    /// The chair and members the quorum is counted of.
    public let membership: Int
    /// Voting members needed present.
    public let required: Int
    /// Members present plus substitutes.
    public let votingPresent: Int
    public let quorate: Bool
    public let present: [PersonDocument]
    public let apologies: [PersonDocument]
    public let absent: [PersonDocument]
    public let substitutes: [Substitute]
    public let declarations: [DeclarationDocument]
    /// Declarations to look at again (a pecuniary interest whose member stayed).
    public let warnings: [String]

    public init(
        meeting: String, board: String, quorum: QuorumRule, attendance: Attendance, declarations: [DeclarationOfInterest]
    ) {
        self.meeting = meeting
        self.board = board
        self.quorum = quorum.description
        membership = attendance.membership
        required = quorum.required(membership: attendance.membership)
        votingPresent = attendance.votingPresent
        quorate = attendance.isQuorate(under: quorum)
        present = attendance.present.map(PersonDocument.init)
        apologies = attendance.apologies.map(PersonDocument.init)
        absent = attendance.absent.map(PersonDocument.init)
        substitutes = attendance.substitutes.map { Substitute(person: PersonDocument($0.person), forMember: $0.forMember) }
        self.declarations = declarations.map(DeclarationDocument.init)
        warnings = declarations.compactMap(\.warning)
    }
}

public struct DeclarationDocument: Codable, Sendable, Hashable {
    public let member: String
    public let item: Int
    /// `disclosable_pecuniary`, `other_registrable` or `non_registrable`.
    public let kind: String
    public let nature: String
    public let leftRoom: Bool
    public let dispensation: Bool
    @EncodedAsNull public var warning: String?

    public init(_ declaration: DeclarationOfInterest) {
        member = declaration.member
        item = declaration.item
        kind = declaration.kind.rawValue
        nature = declaration.nature
        leftRoom = declaration.leftRoom
        dispensation = declaration.dispensation
        warning = declaration.warning
    }
}

/// A recorded vote.
public struct VoteDocument: Codable, Sendable, Hashable {
    public let inFavour: Int
    public let against: Int
    public let abstentions: Int
    /// `for` or `against`: the chair's casting vote on a tie; null when none was given.
    @EncodedAsNull public var castingVote: String?

    public init(_ vote: Resolution.Vote) {
        inFavour = vote.inFavour
        against = vote.against
        abstentions = vote.abstentions
        castingVote = vote.castingVoteInFavour.map { $0 ? "for" : "against" }
    }
}

/// Something a resolution set in motion.
public struct ResolutionEffectDocument: Codable, Sendable, Hashable {
    /// `new_action`, `update_action` or `report`.
    public let kind: String
    @EncodedAsNull public var action: String?
    /// For a requested report: the board, the month, the title, the owner and the meeting it is
    /// on (null when the board has no meeting that month; `warning` says so).
    @EncodedAsNull public var board: String?
    @EncodedAsNull public var month: String?
    @EncodedAsNull public var title: String?
    @EncodedAsNull public var owner: String?
    @EncodedAsNull public var meeting: String?
    @EncodedAsNull public var item: Int?
    @EncodedAsNull public var warning: String?

    public init(
        kind: String, action: String? = nil, board: String? = nil, month: String? = nil, title: String? = nil, owner: String? = nil,
        meeting: String? = nil, item: Int? = nil, warning: String? = nil
    ) {
        self.kind = kind
        self.action = action
        self.board = board
        self.month = month
        self.title = title
        self.owner = owner
        self.meeting = meeting
        self.item = item
        self.warning = warning
    }
}

public struct ResolutionDocument: Codable, Sendable, Hashable {
    /// `OSC-2017-11-14/5.1`: the meeting, the item and the resolution's number.
    public let id: String
    public let item: Int
    public let number: Int
    public let wording: String
    @EncodedAsNull public var vote: VoteDocument?
    public let carried: Bool
    public var effects: [ResolutionEffectDocument]

    public init(id: String, item: Int, resolution: Resolution, effects: [ResolutionEffectDocument]) {
        self.id = id
        self.item = item
        number = resolution.number
        wording = resolution.wording
        vote = resolution.vote.map(VoteDocument.init)
        carried = resolution.isCarried
        self.effects = effects
    }
}

public struct MinuteDocument: Codable, Sendable, Hashable {
    public let item: Int
    public let key: String
    public let title: String
    public let text: String
    /// Schedule 12A paragraph when the item was exempt: its minute is in Part II.
    @EncodedAsNull public var exemptParagraph: Int?
    public let resolutions: [ResolutionDocument]

    public init(item: Int, key: String, title: String, text: String, exemptParagraph: Int?, resolutions: [ResolutionDocument]) {
        self.item = item
        self.key = key
        self.title = title
        self.text = text
        self.exemptParagraph = exemptParagraph
        self.resolutions = resolutions
    }
}

/// A meeting's minutes (MINUTES GET).
public struct MinutesDocument: Codable, Sendable, Hashable {
    public let meeting: String
    public let board: String
    public let date: String
    /// `draft` or `approved`.
    public let status: String
    /// The meeting that approved them, who and when.
    @EncodedAsNull public var approvedAt: String?
    @EncodedAsNull public var approvedBy: String?
    /// The meeting whose "Minutes of the previous meeting" item takes them: the board's next.
    @EncodedAsNull public var nextMeeting: String?
    public let items: [MinuteDocument]

    public init(
        meeting: String, board: String, date: String, status: String, approvedAt: String?, approvedBy: String?, nextMeeting: String?,
        items: [MinuteDocument]
    ) {
        self.meeting = meeting
        self.board = board
        self.date = date
        self.status = status
        self.approvedAt = approvedAt
        self.approvedBy = approvedBy
        self.nextMeeting = nextMeeting
        self.items = items
    }
}

/// An executive decision with its deadlines and where implementation stands (DECISION GET).
public struct DecisionDocument: Codable, Sendable, Hashable {
    public struct CallInDocument: Codable, Sendable, Hashable {
        public let requestedOn: String
        public let by: [String]
        public let reason: String
        @EncodedAsNull public var hearingDate: String?
        /// `pending`, `no_further_action` or `referred_back`.
        public let outcome: String

        public init(_ callIn: ExecutiveDecision.CallIn) {
            requestedOn = callIn.requestedOn.description
            by = callIn.by
            reason = callIn.reason
            hearingDate = callIn.hearingDate?.description
            outcome = callIn.outcome.rawValue
        }
    }

    public struct ImplementationDocument: Codable, Sendable, Hashable {
        /// `awaiting_publication`, `in_call_in_period`, `suspended` or `implementable`.
        public let state: String
        /// The first day it may be implemented, once known.
        @EncodedAsNull public var from: String?
        /// The last day of the call-in period while it runs.
        @EncodedAsNull public var until: String?
        public let immediately: Bool
        public let referredBack: Bool

        public init(_ implementation: ExecutiveDecision.Implementation) {
            var from: LocalDate?
            var until: LocalDate?
            var immediately = false
            var referredBack = false
            switch implementation {
            case .awaitingPublication:
                state = "awaiting_publication"
            case .inCallInPeriod(let end, let start):
                state = "in_call_in_period"
                (from, until) = (start, end)
            case .suspended(let hearing, let referred):
                state = "suspended"
                until = hearing
                referredBack = referred
            case .implementable(let start, let now):
                state = "implementable"
                from = start
                immediately = now
            }
            self.from = from?.description
            self.until = until?.description
            self.immediately = immediately
            self.referredBack = referredBack
        }
    }

    public let reference: String
    public let title: String
    public let decisionMaker: String
    public let decidedOn: String
    @EncodedAsNull public var publishedOn: String?
    /// The last day to publish it.
    public let publicationDue: String
    /// `due`, `given`, `late` or `missing`.
    public let publication: String
    public let urgent: Bool
    @EncodedAsNull public var urgencyReason: String?
    /// The last day of the call-in period; null before publication and for an urgent decision.
    @EncodedAsNull public var callInEnds: String?
    @EncodedAsNull public var callIn: CallInDocument?
    /// The code of the board that may call it in, the one whose board file scrutinises its
    /// decision maker; null when none does.
    @EncodedAsNull public var callInBy: String?
    public let implementation: ImplementationDocument
    public let asOf: String

    public init(_ decision: ExecutiveDecision, callInBy: String?, asOf: LocalDate, policy: DecisionPolicy, calendar: WorkingDayCalendar) {
        reference = decision.reference
        title = decision.title
        decisionMaker = decision.decisionMaker
        decidedOn = decision.decidedOn.description
        publishedOn = decision.publishedOn?.description
        publicationDue = decision.publicationDue(policy: policy, calendar: calendar).description
        publication = decision.publicationStatus(asOf: asOf, policy: policy, calendar: calendar).rawValue
        urgent = decision.isUrgent
        urgencyReason = decision.urgencyReason
        callInEnds = decision.callInEnds(policy: policy, calendar: calendar)?.description
        callIn = decision.callIn.map(CallInDocument.init)
        self.callInBy = callInBy
        implementation = ImplementationDocument(decision.implementation(asOf: asOf, policy: policy, calendar: calendar))
        self.asOf = asOf.description
    }
}
