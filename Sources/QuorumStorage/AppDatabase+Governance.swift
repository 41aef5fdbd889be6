import Foundation
import GRDB
import QuorumDomain

/// What a synchronisation of the board files changed, for the start-up log.
public struct GovernanceSyncSummary: Sendable, Hashable {
    public var boards = 0
    public var retiredBoards: [String] = []
    public var meetingsAdded = 0
    public var meetingsRemoved = 0
    public var meetingsUpdated = 0
}

extension AppDatabase {
    /// Makes the database match the board files: files are the source of truth for structure.
    ///
    /// Calendar meetings follow the files (new dates added, dropped or cancelled dates removed,
    /// time and venue updated); meetings added over the wire are kept. A board whose file is gone
    /// is retired rather than deleted, so that its meetings keep their history.
    /// - Parameters:
    ///   - governance: the validated boards.
    ///   - horizon: the last date to which open-ended calendar rules are expanded.
    ///   - now: the instant recorded as the sync time.
    @discardableResult
    public func synchronise(
        _ governance: Governance, through horizon: LocalDate, now: Date
    ) async throws -> GovernanceSyncSummary {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stamp = now.storedInstant
        return try await write { db in
            var summary = GovernanceSyncSummary()
            let fileCodes = Set(governance.boards.map(\.code))
            for board in governance.boards {
                let document = String(decoding: try encoder.encode(board), as: UTF8.self)
                try BoardRecord(
                    code: board.code, name: board.name, meetsInPublic: board.meetsInPublic,
                    isActive: true, document: document, syncedAt: stamp
                ).upsert(db)
                try synchroniseMembers(of: board, db)
                try synchroniseMeetings(of: board, through: horizon, stamp: stamp, db, &summary)
                try AppDatabase.bindWaitingReportRequests(of: board.code, by: "board files", stamp: stamp, db)
                summary.boards += 1
            }
            let retired = try BoardRecord
                .filter(!fileCodes.contains(BoardRecord.Columns.code) && BoardRecord.Columns.isActive == true)
                .fetchAll(db)
            for var record in retired {
                record.isActive = false
                try record.update(db)
                try BoardMemberRecord.filter(BoardMemberRecord.Columns.boardCode == record.code).deleteAll(db)
                summary.retiredBoards.append(record.code)
            }
            return summary
        }
    }

    private func synchroniseMembers(of board: Board, _ db: Database) throws {
        try BoardMemberRecord.filter(BoardMemberRecord.Columns.boardCode == board.code).deleteAll(db)
        let seats = [(board.chair, "chair"), (board.secretary, "secretary")] + board.members.map { ($0, "member") }
        for (person, position) in seats {
            try BoardMemberRecord(boardCode: board.code, email: person.email, role: person.role, position: position)
                .insert(db, onConflict: .ignore)
        }
    }

    private func synchroniseMeetings(
        of board: Board, through horizon: LocalDate, stamp: Date, _ db: Database,
        _ summary: inout GovernanceSyncSummary
    ) throws {
        let calendar = board.calendar
        let wanted = Set(calendar.meetingDates(through: horizon))
        let existing = try MeetingRecord.all().filter(board: board.code).fetchAll(db)
        let existingDates = Set(existing.map(\.date))
        for var record in existing where record.origin == .calendar {
            if !wanted.contains(record.date) {
                try record.delete(db)
                summary.meetingsRemoved += 1
            } else if record.time != calendar.defaultTime || record.venue != calendar.defaultVenue {
                record.time = calendar.defaultTime
                record.venue = calendar.defaultVenue
                try record.update(db)
                summary.meetingsUpdated += 1
            }
        }
        for date in wanted.subtracting(existingDates).sorted() {
            let meeting = Meeting(
                boardCode: board.code, date: date, time: calendar.defaultTime,
                venue: calendar.defaultVenue, origin: .calendar)
            try MeetingRecord(meeting, addedBy: nil, createdAt: stamp).insert(db)
            summary.meetingsAdded += 1
        }
    }

    /// The boards as last synchronised from their files (active boards only), by code.
    public func boards() async throws -> [Board] {
        try await writer.read { db in
            try BoardRecord.filter(BoardRecord.Columns.isActive == true).order(BoardRecord.Columns.code)
                .fetchAll(db).map { try $0.decodeBoard() }
        }
    }

    /// Codes of the active boards on which `email` sits, in any seat.
    public func boardCodes(seating email: String) async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT m.boardCode FROM boardMember m JOIN board b ON b.code = m.boardCode
                    WHERE m.email = ? AND b.isActive ORDER BY m.boardCode
                    """, arguments: [email])
        }
    }
}
