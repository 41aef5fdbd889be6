import QuorumDomain

// The JSON shapes of replies. They are the wire contract: change them with care.

struct PersonDocument: Encodable {
    let role: String
    let email: String
    init(_ person: Person) {
        role = person.role
        email = person.email
    }
}

struct BoardSummaryDocument: Encodable {
    let code: String
    let name: String
    let reportsTo: [String]
    let meetsInPublic: Bool
    let chair: PersonDocument
    let secretary: PersonDocument
    let cycles: Int
    init(_ board: Board) {
        code = board.code
        name = board.name
        reportsTo = board.reportsTo
        meetsInPublic = board.meetsInPublic
        chair = PersonDocument(board.chair)
        secretary = PersonDocument(board.secretary)
        cycles = board.cycles.count
    }
}

struct BoardDocument: Encodable {
    let code: String
    let name: String
    let chair: PersonDocument
    let secretary: PersonDocument
    let members: [PersonDocument]
    let reportsTo: [String]
    let receivesReportsFrom: [String]
    let meetsInPublic: Bool
    let calendar: CalendarDocument
    let cycles: [CycleSummaryDocument]
    @EncodedAsNull var nextMeeting: String?

    struct CalendarDocument: Encodable {
        @EncodedAsNull var rule: String?
        @EncodedAsNull var start: String?
        let dates: [String]
        let cancelled: [String]
        let defaultTime: String
        let defaultVenue: String
    }
}

struct CycleSummaryDocument: Encodable {
    let key: String
    let title: String
    let reportOf: String
    let owner: PersonDocument
    let cadenceMonths: Int
    let firstMonth: String
    @EncodedAsNull var lastMonth: String?
    let appendices: [String]
    init(_ cycle: ReportingCycle) {
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

struct OccurrenceDocument: Encodable {
    let id: String
    let board: String
    let cycle: String
    let title: String
    let owner: PersonDocument
    let month: String
    @EncodedAsNull var meetingId: String?
    @EncodedAsNull var meetingDate: String?
    @EncodedAsNull var draftDue: String?
    @EncodedAsNull var publishBy: String?
    /// Whether its report has been submitted (which stops its reminders).
    let submitted: Bool
    @EncodedAsNull var warning: String?

    init(_ occurrence: CycleOccurrence, cycle: ReportingCycle, submitted: Bool = false) {
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

struct MeetingDocument: Encodable {
    let id: String
    let board: String
    let date: String
    let weekday: String
    let time: String
    let venue: String
    let origin: String
    let publishBy: String
    let items: [AgendaItemDocument]?
    let reports: [OccurrenceDocument]?

    init(_ meeting: Meeting, publishBy: LocalDate, items: [AgendaItemDocument]? = nil, reports: [OccurrenceDocument]? = nil) {
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

struct AgendaItemDocument: Encodable {
    let number: Int
    let key: String
    let title: String
    let kind: String
    @EncodedAsNull var owner: String?
    let keyDecision: Bool
    @EncodedAsNull var exemptParagraph: Int?
    @EncodedAsNull var occurrence: String?
    let submitted: Bool
}
