import Foundation
import QuorumDomain
import QuorumPacks
import QuorumStorage
import QuorumWire

/// A meeting's record as a visitor may read it: its minutes with their attendance and
/// declarations of interest.
public struct MeetingRecordView: Sendable {
    /// The minutes; an exempt item's minute comes without its text and resolutions unless
    /// `readsExempt`.
    public let minutes: MinutesDocument
    public let attendance: AttendanceDocument
    /// The declarations of interest; those on exempt items only when `readsExempt`, since what an
    /// interest is may tell what the item is about.
    public let declarations: [DeclarationDocument]
    public let isDraft: Bool
    /// Whether the visitor reads the minutes of exempt items (Part II).
    public let readsExempt: Bool
}

extension MeetingRecordService {
    /// The minutes of `meetingID` as `user` may read them: approved minutes to whoever may see
    /// the meeting, drafts to the board's members, its secretary and admins only. Nil when no
    /// minutes are recorded, or only a draft the user may not read.
    /// - Throws: `notFound` for an unknown meeting and for one of a board the user may not see alike.
    public func publishedRecord(meeting meetingID: String, as user: User?) async throws -> MeetingRecordView? {
        try await authorizer.authorize(.minutesView, user)
        let (meeting, board) = try await visibleMeeting(meetingID, as: user)
        let stored = try await database.minutes(meetingID: meeting.id)
        guard !stored.items.isEmpty, try await mayRead(stored, board, user) else { return nil }
        let readsExempt = try await readsExemptMinutes(board, user)
        let full = try await minutesDocument(meeting, stored)
        let items = full.items.map { minute in
            guard minute.exemptParagraph != nil, !readsExempt else { return minute }
            return MinuteDocument(
                item: minute.item, key: minute.key, title: minute.title, text: "", exemptParagraph: minute.exemptParagraph, resolutions: [])
        }
        let minutes = MinutesDocument(
            meeting: full.meeting, board: full.board, date: full.date, status: full.status, approvedAt: full.approvedAt,
            approvedBy: full.approvedBy, nextMeeting: full.nextMeeting, items: items)
        let attendance = try await attendanceDocument(meeting, board, rows: try await database.attendance(meetingID: meeting.id))
        let agenda = try await governance.agenda(of: meeting).entries
        let exemptItems = Set(full.items.filter { $0.exemptParagraph != nil }.map(\.item) + agenda.filter { $0.exemptParagraph != nil }.map(\.number))
        return MeetingRecordView(
            minutes: minutes, attendance: attendance,
            declarations: attendance.declarations.filter { readsExempt || !exemptItems.contains($0.item) },
            isDraft: stored.approval == nil, readsExempt: readsExempt)
    }

    /// The minutes rendered, Part I or Part II, as HTML or PDF, under `publishedRecord`'s rules;
    /// Part II as the exempt part of a pack.
    /// - Throws: `notFound` when there are no minutes the user may read; `authenticationRequired`
    ///   or `notPermitted` for Part II of minutes the user reads Part I of.
    public func minutesFile(meeting meetingID: String, part: PackPart, format: PackFormat, as user: User?) async throws -> Data {
        try await authorizer.authorize(.minutesView, user)
        let (meeting, board) = try await visibleMeeting(meetingID, as: user)
        let stored = try await database.minutes(meetingID: meeting.id)
        guard !stored.items.isEmpty, try await mayRead(stored, board, user) else {
            throw ApplicationError(.notFound, "\(meeting.id) has no minutes you may read")
        }
        if part == .exempt {
            try await authorizer.check(exemptReaders(board), for: .minutesView, user, scope: AccessScope(boardCode: board.code))
        }
        return try await minutesData(meeting, part: part, format: format)
    }

    private func visibleMeeting(_ meetingID: String, as user: User?) async throws -> (Meeting, Board) {
        let meeting = try await governance.meeting(meetingID)
        let board = try await governance.board(meeting.boardCode)
        guard try await governance.sees(board, user) else { throw ApplicationError(.notFound, "no meeting '\(meetingID)'") }
        return (meeting, board)
    }

    /// Approved minutes are the meeting's public record; a draft is its board's.
    private func mayRead(_ minutes: StoredMinutes, _ board: Board, _ user: User?) async throws -> Bool {
        guard minutes.approval == nil else { return true }
        return try await authorizer.allows(Operation.minutesGet.access, user, scope: AccessScope(boardCode: board.code))
    }

    private func readsExemptMinutes(_ board: Board, _ user: User?) async throws -> Bool {
        try await authorizer.allows(exemptReaders(board), user, scope: AccessScope(boardCode: board.code))
    }

    /// The minutes of exempt items are read as the exempt part of a published pack is.
    private func exemptReaders(_ board: Board) -> AccessRule {
        PackRules.readers(of: .exempt, published: true, boardMeetsInPublic: board.meetsInPublic)
    }
}
