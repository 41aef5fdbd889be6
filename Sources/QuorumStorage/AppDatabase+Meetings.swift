import Foundation
import GRDB
import QuorumDomain

/// Why a meeting could not be stored.
public enum MeetingStoreError: Error, Hashable, Sendable {
    case unknownBoard(String)
    case alreadyExists(id: String)
}

extension AppDatabase {
    /// Meetings of `board` between `from` and `to` inclusive (either open), by date.
    public func meetings(of board: String, from: LocalDate? = nil, to: LocalDate? = nil) async throws -> [Meeting] {
        try await writer.read { db in
            var request = MeetingRecord.all().filter(board: board)
            if let from { request = request.filter(MeetingRecord.Columns.date >= from) }
            if let to { request = request.filter(MeetingRecord.Columns.date <= to) }
            return try request.orderedByDate().fetchAll(db).map(\.meeting)
        }
    }

    /// Every meeting of every board, by date: what binding reporting cycles needs.
    public func allMeetingDates() async throws -> [String: [LocalDate]] {
        try await writer.read { db in
            let rows = try MeetingRecord.all().orderedByDate().fetchAll(db)
            return Dictionary(grouping: rows, by: \.boardCode).mapValues { $0.map(\.date) }
        }
    }

    public func meeting(id: String) async throws -> Meeting? {
        try await writer.read { db in try MeetingRecord.fetchOne(db, key: id)?.meeting }
    }

    /// Adds a meeting over the wire; it is kept when the board files change.
    /// - Throws: `MeetingStoreError` for an unknown or retired board or a date already taken.
    public func addMeeting(_ meeting: Meeting, addedBy: String, now: Date) async throws -> Meeting {
        try await write { db in
            guard let board = try BoardRecord.fetchOne(db, key: meeting.boardCode), board.isActive else {
                throw MeetingStoreError.unknownBoard(meeting.boardCode)
            }
            if try MeetingRecord.all().filter(board: meeting.boardCode)
                .filter(MeetingRecord.Columns.date == meeting.date).fetchCount(db) > 0
            {
                throw MeetingStoreError.alreadyExists(id: meeting.id)
            }
            var added = meeting
            added.origin = .added
            try MeetingRecord(added, addedBy: addedBy, createdAt: now.storedInstant).insert(db)
            try AppDatabase.bindWaitingReportRequests(of: added.boardCode, by: addedBy, stamp: now.storedInstant, db)
            return added
        }
    }

    /// Counts for INFO.
    public func counts() async throws -> (boards: Int, meetings: Int, users: Int) {
        try await writer.read { db in
            (
                try BoardRecord.filter(BoardRecord.Columns.isActive == true).fetchCount(db),
                try MeetingRecord.fetchCount(db),
                try UserRecord.fetchCount(db)
            )
        }
    }
}
