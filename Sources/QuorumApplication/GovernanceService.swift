import Foundation
import QuorumDomain
import QuorumStorage
import QuorumWire

/// Boards, meetings, reporting cycles and agendas.
public struct GovernanceService: Sendable {
    let database: AppDatabase
    let schedule: ReportingSchedule
    /// The last date to which open-ended meeting rules were expanded.
    public let horizon: LocalDate
    let clock: WallClock
    let authorizer: Authorizer
    /// The active boards, decoded once per change of the board table (a start-up sync).
    let activeBoards: ReadModel<[Board]>
    /// Every board's cycle occurrences bound to its meetings, by board code: recomputed only
    /// when boards or meetings change.
    let boardOccurrences: ReadModel<[String: [(occurrence: CycleOccurrence, cycle: ReportingCycle)]]>

    /// The webhooks that the meeting's events (clearance, the Forward Plan, minutes, decisions) go to.
    public let webhooks: [WebhookSubscription]

    public init(
        database: AppDatabase, schedule: ReportingSchedule, horizon: LocalDate, clock: WallClock, webhooks: [WebhookSubscription] = []
    ) {
        self.webhooks = webhooks
        self.database = database
        self.schedule = schedule
        self.horizon = horizon
        self.clock = clock
        self.authorizer = Authorizer(database: database)
        let boards = ReadModel(database, tables: ["board"]) { try await database.boards() }
        activeBoards = boards
        boardOccurrences = ReadModel(database, tables: ["board", "meeting"]) {
            let dates = try await database.allMeetingDates()
            var occurrences: [String: [(occurrence: CycleOccurrence, cycle: ReportingCycle)]] = [:]
            for board in try await boards.value() {
                occurrences[board.code] = schedule.occurrences(of: board, meetingDates: dates[board.code] ?? [], through: horizon.yearMonth)
            }
            return occurrences
        }
    }

    public var workingDays: WorkingDayCalendar { schedule.workingDays }

    // MARK: Boards

    public func boards(as user: User?) async throws -> [BoardSummaryDocument] {
        try await authorizer.authorize(.boardList, user)
        return try await activeBoards.value().map(BoardSummaryDocument.init)
    }

    public func board(_ code: String, as user: User?) async throws -> BoardDocument {
        try await authorizer.authorize(.boardGet, user)
        let boards = try await activeBoards.value()
        let board = try find(code, in: boards)
        let next = try await database.meetings(of: board.code, from: clock.today).first
        return BoardDocument(board, allBoards: boards, nextMeeting: next?.id)
    }

    // MARK: Meetings

    public func meetings(of code: String, from: LocalDate?, to: LocalDate?, as user: User?) async throws -> [MeetingDocument] {
        try await authorizer.authorize(.meetingList, user)
        let board = try await board(code)
        if let from, let to, to < from {
            throw ApplicationError(.badArgument, "to \(to) is before from \(from)")
        }
        return try await database.meetings(of: board.code, from: from, to: to).map(document)
    }

    public func meeting(_ id: String, as user: User?) async throws -> MeetingDocument {
        try await authorizer.authorize(.meetingGet, user)
        let agenda = try await agenda(of: try await meeting(id))
        let submitted = try await database.latestReports(meetingID: agenda.meeting.id)
        // Items a resolution asked for show it.
        let origins = try await database.resolutionsCreating(
            agendaItems: agenda.entries.compactMap { $0.key.hasPrefix("item:") ? Int64($0.key.dropFirst(5)) : nil })
        let keyDecisions = try await visibleKeyDecisions(of: agenda.meeting, as: user)
        return MeetingDocument(
            agenda.meeting, publishBy: PackRules.publishBy(agenda.meeting, workingDays: workingDays),
            items: agenda.entries.map { entry in
                var item = AgendaItemDocument(entry, submitted: submitted[entry.key] != nil)
                item.resolution = entry.key.hasPrefix("item:") ? Int64(entry.key.dropFirst(5)).flatMap { origins[$0] } : nil
                item.forwardPlan = keyDecisions[entry.key]
                return item
            },
            reports: agenda.entries.compactMap { entry in
                guard let occurrence = entry.occurrence, let cycle = entry.cycle else { return nil }
                return OccurrenceDocument(occurrence, cycle: cycle, submitted: submitted[entry.key] != nil)
            })
    }

    /// The Forward Plan entry each item of `meeting` carries, by item key, of the entries `user`
    /// may see: a published one, or any to its decision maker's secretary and admins (as
    /// FORWARD GET).
    func visibleKeyDecisions(of meeting: Meeting, as user: User?) async throws -> [String: String] {
        let links = try await database.forwardPlanLinks(meetingID: meeting.id)
        guard !links.isEmpty else { return [:] }
        let entries = Dictionary(uniqueKeysWithValues: try await database.forwardPlanEntries(meetingID: meeting.id).map { ($0.entry.reference, $0.entry) })
        let secretary = try await authorizer.allows(Operation.forwardSet.access, user, scope: AccessScope(boardCode: meeting.boardCode))
        return links.filter { _, reference in secretary || entries[reference]?.isPublic(on: clock.today) == true }
    }

    /// Adds a meeting to a board's calendar (at the board's usual time and venue unless given).
    public func addMeeting(
        board code: String, on date: LocalDate, at time: LocalTime?, venue: String?, as user: User?
    ) async throws -> MeetingDocument {
        let board = try await board(code)
        try await authorizer.authorize(.meetingAdd, user, scope: AccessScope(boardCode: board.code))
        let venue = venue ?? board.calendar.defaultVenue
        guard !venue.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ApplicationError(.badArgument, "venue is empty")
        }
        let meeting = Meeting(boardCode: board.code, date: date, time: time ?? board.calendar.defaultTime, venue: venue, origin: .added)
        do {
            let details = ["board": board.code, "date": date.description, "time": meeting.time.description, "venue": venue]
            return document(
                try await audited(.meetingAdd, by: user, target: meeting.id, details) {
                    try await database.addMeeting(meeting, addedBy: user?.name ?? "", now: clock.now())
                })
        } catch MeetingStoreError.alreadyExists(let id) {
            throw ApplicationError(.conflict, "\(board.code) already meets on \(date) (\(id))")
        } catch MeetingStoreError.unknownBoard(let code) {
            throw ApplicationError(.notFound, "no board '\(code)'")
        }
    }

    // MARK: Reporting cycles

    /// Every cycle (of one board, or all) with its occurrences and the next report due on `asOf`.
    public func cycles(of code: String?, asOf: LocalDate?, as user: User?) async throws -> [CycleDocument] {
        try await authorizer.authorize(.cycleList, user)
        let asOf = asOf ?? clock.today
        let boards: [Board]
        if let code {
            boards = [try await board(code)]
        } else {
            boards = try await activeBoards.value()
        }
        let submitted = try await database.submittedOccurrences()
        var documents: [CycleDocument] = []
        for board in boards {
            let occurrences = try await occurrences(of: board)
            for cycle in board.cycles {
                let own = occurrences.filter { $0.cycle.key == cycle.key }.map(\.occurrence)
                // The next report is the first whose meeting (or month, when unbound) is not past.
                let next = own.first { ($0.meetingDate ?? $0.month.lastDay) >= asOf }
                documents.append(
                    CycleDocument(
                        board: board.code, cycle: CycleSummaryDocument(cycle), asOf: asOf.description,
                        next: next.map { OccurrenceDocument($0, cycle: cycle, submitted: submitted.contains($0.id)) },
                        occurrences: own.map { OccurrenceDocument($0, cycle: cycle, submitted: submitted.contains($0.id)) }))
            }
        }
        return documents
    }

    // MARK: For the other services

    /// The board with that code (any case), or `notFound`.
    public func board(_ code: String) async throws -> Board {
        try find(code, in: try await activeBoards.value())
    }

    /// The board that may call in the decisions of `decisionMaker`: the one whose board file
    /// says `scrutinises: [<decisionMaker>]`, or nil when none does.
    public func scrutinyBoard(of decisionMaker: String) async throws -> Board? {
        Board.scrutinising(decisionMaker, among: try await activeBoards.value())
    }

    /// The meeting with that id, or `notFound`.
    public func meeting(_ id: String) async throws -> Meeting {
        guard let meeting = try await database.meeting(id: id) else {
            throw ApplicationError(.notFound, "no meeting '\(id)' (ids look like OSC-2017-11-14)")
        }
        return meeting
    }

    /// The meeting's whole agenda, composed by the domain's rule.
    public func agenda(of meeting: Meeting) async throws -> Agenda {
        let board = try await board(meeting.boardCode)
        let added = try await database.agendaItems(meetingID: meeting.id).map {
            Agenda.AddedItem(
                key: $0.key, title: $0.title, ownerEmail: $0.ownerEmail, isKeyDecision: $0.isKeyDecision,
                exemptParagraph: $0.exemptParagraph, noticeGiven: $0.noticeGiven)
        }
        return Agenda(meeting: meeting, board: board, occurrences: try await occurrences(of: board), added: added)
    }

    /// Every occurrence of `board`'s cycles through the calendar horizon, bound to its meetings.
    func occurrences(of board: Board) async throws -> [(occurrence: CycleOccurrence, cycle: ReportingCycle)] {
        if let known = try await boardOccurrences.value()[board.code] { return known }
        let dates = try await database.meetings(of: board.code).map(\.date)
        return schedule.occurrences(of: board, meetingDates: dates, through: horizon.yearMonth)
    }

    /// Figures for INFO.
    public func counts() async throws -> (boards: Int, meetings: Int, users: Int) {
        try await database.counts()
    }

    private func document(_ meeting: Meeting) -> MeetingDocument {
        MeetingDocument(meeting, publishBy: PackRules.publishBy(meeting, workingDays: workingDays))
    }

    private func find(_ code: String, in boards: [Board]) throws -> Board {
        guard let board = boards.first(where: { $0.code == code.uppercased() }) else {
            throw ApplicationError(.notFound, "no board '\(code)'")
        }
        return board
    }
}
