import QuorumDomain

extension ServerContext {
    /// Every occurrence of `board`'s cycles through the calendar horizon, bound to its meetings.
    func occurrences(of board: Board) async throws -> [(occurrence: CycleOccurrence, cycle: ReportingCycle)] {
        let dates = try await database.meetings(of: board.code).map(\.date)
        return schedule.occurrences(of: board, meetingDates: dates, through: horizon.yearMonth)
    }

    func board(_ code: String, for command: String) async throws -> Board {
        guard let board = try await database.boards().first(where: { $0.code == code.uppercased() }) else {
            throw CommandError(.notfound, "\(command): no board '\(code)'")
        }
        return board
    }
}
