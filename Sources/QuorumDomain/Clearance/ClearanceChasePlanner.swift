/// What a clearance chase is about: the report, the late step and its due date.
public struct ClearanceReminder: Hashable, Sendable, Codable {
    public var meetingID: String
    /// The agenda item's key (`item:7`, `report:OSC/performance/2017-11`).
    public var itemKey: String
    public var title: String
    public var boardCode: String
    public var boardName: String
    public var meetingDate: LocalDate
    public var publishBy: LocalDate
    public var step: ClearanceStep.Kind
    public var due: LocalDate
    public var workingDaysLate: Int
    /// The role that owns the late step when nobody holds it: the board's secretary is chased
    /// instead, and told so; nil when the step's own holder is chased.
    public var unheldRole: Role?

    public init(
        meetingID: String, itemKey: String, title: String, boardCode: String, boardName: String, meetingDate: LocalDate,
        publishBy: LocalDate, step: ClearanceStep.Kind, due: LocalDate, workingDaysLate: Int, unheldRole: Role? = nil
    ) {
        self.unheldRole = unheldRole
        self.meetingID = meetingID
        self.itemKey = itemKey
        self.title = title
        self.boardCode = boardCode
        self.boardName = boardName
        self.meetingDate = meetingDate
        self.publishBy = publishBy
        self.step = step
        self.due = due
        self.workingDaysLate = workingDaysLate
    }
}

/// Whom a sweep chases for report clearance: the holder of each step past its due date, once per
/// step and due date (`clearance|OSC-2017-11-14/item:3|clear_finance|2017-11-01|<email>`), so
/// that however many sweeps see a late step, each holder hears of it once; a step that becomes
/// due again (a returned report, a new due date) is chased again under its new key.
public struct ClearanceChasePlanner: Sendable {
    /// One report on its way into a pack.
    public struct Report: Hashable, Sendable {
        public var meetingID: String
        public var itemKey: String
        public var title: String
        public var board: Board
        public var meetingDate: LocalDate
        public var publishBy: LocalDate
        public var clearance: ReportClearance

        public init(
            meetingID: String, itemKey: String, title: String, board: Board, meetingDate: LocalDate, publishBy: LocalDate,
            clearance: ReportClearance
        ) {
            self.meetingID = meetingID
            self.itemKey = itemKey
            self.title = title
            self.board = board
            self.meetingDate = meetingDate
            self.publishBy = publishBy
            self.clearance = clearance
        }
    }

    public var schedule: ClearanceSchedule
    public var workingDays: WorkingDayCalendar

    public init(schedule: ClearanceSchedule, workingDays: WorkingDayCalendar) {
        self.schedule = schedule
        self.workingDays = workingDays
    }

    /// The chases on `today`. `officers` are the people holding each role (every finance officer
    /// is chased for a late finance clearance; when there is none, the board's secretary is,
    /// told that nobody holds the role); a report whose meeting has passed is not chased.
    public func notices(on today: LocalDate, reports: [Report], officers: [Role: [Person]]) -> [Notice] {
        var notices: [Notice] = []
        for report in reports where today <= report.meetingDate {
            let deadlines = schedule.deadlines(publishBy: report.publishBy, calendar: workingDays)
            guard let late = report.clearance.lateStep(on: today, deadlines: deadlines, calendar: workingDays) else { continue }
            var recipients: [Person]
            var unheld: Role?
            switch late.chase {
            case .person(let person): recipients = [person]
            case .role(let role):
                recipients = officers[role] ?? []
                // Nobody holds the role: the step would wait silently, so the board's secretary,
                // who answers for the pack, hears of it instead.
                if recipients.isEmpty {
                    recipients = [report.board.secretary]
                    unheld = role
                }
            case .secretary: recipients = [report.board.secretary]
            }
            let about = ClearanceReminder(
                meetingID: report.meetingID, itemKey: report.itemKey, title: report.title, boardCode: report.board.code,
                boardName: report.board.name, meetingDate: report.meetingDate, publishBy: report.publishBy, step: late.step,
                due: late.due, workingDaysLate: late.workingDaysLate, unheldRole: unheld)
            var seen = Set<String>()
            for person in recipients where seen.insert(person.email.lowercased()).inserted {
                notices.append(
                    Notice(
                        kind: .clearanceLate, key: late.key(report: "\(report.meetingID)/\(report.itemKey)") + "|\(person.email.lowercased())",
                        recipient: person, dueDate: late.due, clearance: about, webhookEvent: "clearance.late"))
            }
        }
        return notices
    }
}
