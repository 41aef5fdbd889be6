import QuorumDomain

// The JSON shapes of governance replies. They are the wire contract: change them with care.

public struct PersonDocument: Codable, Sendable, Hashable {
    public let role: String
    public let email: String
    public init(_ person: Person) {
        role = person.role
        email = person.email
    }
}

public struct BoardSummaryDocument: Codable, Sendable, Hashable {
    public let code: String
    public let name: String
    public let reportsTo: [String]
    public let meetsInPublic: Bool
    public let chair: PersonDocument
    public let secretary: PersonDocument
    public let cycles: Int
    public init(_ board: Board) {
        code = board.code
        name = board.name
        reportsTo = board.reportsTo
        meetsInPublic = board.meetsInPublic
        chair = PersonDocument(board.chair)
        secretary = PersonDocument(board.secretary)
        cycles = board.cycles.count
    }
}

public struct BoardDocument: Codable, Sendable, Hashable {
    public let code: String
    public let name: String
    public let chair: PersonDocument
    public let secretary: PersonDocument
    public let members: [PersonDocument]
    public let reportsTo: [String]
    public let receivesReportsFrom: [String]
    public let meetsInPublic: Bool
    public let calendar: CalendarDocument
    public let cycles: [CycleSummaryDocument]
    @EncodedAsNull public var nextMeeting: String?

    public init(_ board: Board, allBoards: [Board], nextMeeting: String?) {
        code = board.code
        name = board.name
        chair = PersonDocument(board.chair)
        secretary = PersonDocument(board.secretary)
        members = board.members.map(PersonDocument.init)
        reportsTo = board.reportsTo
        receivesReportsFrom = allBoards.filter { $0.reportsTo.contains(board.code) }.map(\.code)
        meetsInPublic = board.meetsInPublic
        calendar = CalendarDocument(
            rule: board.calendar.rule?.description, start: board.calendar.start?.description,
            dates: board.calendar.dates.map(\.description), cancelled: board.calendar.cancellations.map(\.description),
            defaultTime: board.calendar.defaultTime.description, defaultVenue: board.calendar.defaultVenue)
        cycles = board.cycles.map(CycleSummaryDocument.init)
        self.nextMeeting = nextMeeting
    }

    public struct CalendarDocument: Codable, Sendable, Hashable {
        @EncodedAsNull public var rule: String?
        @EncodedAsNull public var start: String?
        public let dates: [String]
        public let cancelled: [String]
        public let defaultTime: String
        public let defaultVenue: String
    }
}

public struct CycleSummaryDocument: Codable, Sendable, Hashable {
    public let key: String
    public let title: String
    public let reportOf: String
    public let owner: PersonDocument
    public let cadenceMonths: Int
    public let firstMonth: String
    @EncodedAsNull public var lastMonth: String?
    public let appendices: [String]
    public init(_ cycle: ReportingCycle) {
        key = cycle.key
        title = cycle.title
        reportOf = cycle.reportOf
        owner = PersonDocument(cycle.owner)
        cadenceMonths = cycle.cadenceMonths
        firstMonth = cycle.firstMonth.description
        lastMonth = cycle.lastMonth?.description
        appendices = cycle.appendices.map(\.rawValue)
    }
}

public struct OccurrenceDocument: Codable, Sendable, Hashable {
    public let id: String
    public let board: String
    public let cycle: String
    public let title: String
    public let owner: PersonDocument
    public let month: String
    @EncodedAsNull public var meetingId: String?
    @EncodedAsNull public var meetingDate: String?
    @EncodedAsNull public var draftDue: String?
    @EncodedAsNull public var publishBy: String?
    /// Whether its report has been submitted (which stops its reminders).
    public let submitted: Bool
    @EncodedAsNull public var warning: String?

    public init(_ occurrence: CycleOccurrence, cycle: ReportingCycle, submitted: Bool = false) {
        id = occurrence.id
        board = occurrence.boardCode
        self.cycle = cycle.key
        title = cycle.title
        owner = PersonDocument(cycle.owner)
        month = occurrence.month.description
        meetingId = occurrence.meetingID
        meetingDate = occurrence.meetingDate?.description
        draftDue = occurrence.draftDue?.description
        publishBy = occurrence.publishBy?.description
        self.submitted = submitted
        warning = occurrence.meetingDate == nil
            ? "no meeting of \(occurrence.boardCode) is scheduled for the \(occurrence.month) report: the secretary should add one"
            : nil
    }
}

public struct MeetingDocument: Codable, Sendable, Hashable {
    public let id: String
    public let board: String
    public let date: String
    public let weekday: String
    public let time: String
    public let venue: String
    public let origin: String
    public let publishBy: String
    public var items: [AgendaItemDocument]?
    public let reports: [OccurrenceDocument]?

    public init(_ meeting: Meeting, publishBy: LocalDate, items: [AgendaItemDocument]? = nil, reports: [OccurrenceDocument]? = nil) {
        id = meeting.id
        board = meeting.boardCode
        date = meeting.date.description
        weekday = meeting.date.weekday.name
        time = meeting.time.description
        venue = meeting.venue
        origin = meeting.origin.rawValue
        self.publishBy = publishBy.description
        self.items = items
        self.reports = reports
    }
}

public struct AgendaItemDocument: Codable, Sendable, Hashable {
    public let number: Int
    public let key: String
    public let title: String
    public let kind: String
    @EncodedAsNull public var owner: String?
    public let keyDecision: Bool
    @EncodedAsNull public var exemptParagraph: Int?
    @EncodedAsNull public var occurrence: String?
    public let submitted: Bool
    /// The resolution that asked for this item (`OSC-2017-11-14/5.1`), when one did.
    @EncodedAsNull public var resolution: String? = nil
    /// The owner as a meeting's page shows them (the browsing view fills it): their role title
    /// where the board files, the Forward Plan or the improvement plan know the address, else
    /// the address; null when the item has no owner.
    @EncodedAsNull public var ownerTitle: String? = nil
    /// The Forward Plan entry (`FP-2018-07`) the item carries, when it is linked to one the
    /// reader may see; null otherwise.
    @EncodedAsNull public var forwardPlan: String? = nil

    public init(_ entry: Agenda.Entry, submitted: Bool) {
        number = entry.number
        key = entry.key
        title = entry.title
        kind = entry.kind.rawValue
        owner = entry.ownerEmail
        keyDecision = entry.isKeyDecision
        exemptParagraph = entry.exemptParagraph
        occurrence = entry.occurrence?.id
        self.submitted = submitted
    }
}

/// A reporting cycle of a board with its occurrences and the next report due (CYCLE LIST).
public struct CycleDocument: Codable, Sendable, Hashable {
    public let board: String
    public let cycle: CycleSummaryDocument
    public let asOf: String
    @EncodedAsNull public var next: OccurrenceDocument?
    public let occurrences: [OccurrenceDocument]

    public init(board: String, cycle: CycleSummaryDocument, asOf: String, next: OccurrenceDocument?, occurrences: [OccurrenceDocument]) {
        self.board = board
        self.cycle = cycle
        self.asOf = asOf
        self.next = next
        self.occurrences = occurrences
    }
}

/// Who a connection or session is signed in as (WHOAMI).
public struct WhoAmIDocument: Codable, Sendable, Hashable {
    @EncodedAsNull public var user: String?
    public let role: String
    @EncodedAsNull public var board: String?
    /// The boards whose files seat this user.
    public let seats: [String]

    public init(user: User?, seats: [String]) {
        self.user = user?.name
        role = user?.role.rawValue ?? "public"
        board = user?.boardCode
        self.seats = seats
    }
}
