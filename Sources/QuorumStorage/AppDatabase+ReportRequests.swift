import Foundation
import GRDB
import QuorumDomain

/// A report a resolution requested for a month in which its board had no meeting: it waits,
/// and its board's secretary is warned, until a meeting of that month is added.
public struct WaitingReportRequest: Sendable, Hashable {
    public var effectID: Int64
    public var request: ReportRequest
    /// The resolution that asked for it (`OSC-2017-11-14/4.1`).
    public var resolution: String
}

extension AppDatabase {
    /// Every requested report still waiting for a meeting, oldest first.
    public func waitingReportRequests() async throws -> [WaitingReportRequest] {
        try await writer.read { db in
            try AppDatabase.waitingRequests(board: nil, db).map(\.waiting)
        }
    }

    /// Binds each report `boardCode`'s resolutions requested and that still waits, to the
    /// board's first meeting of its month after the resolution's meeting, when there now is one
    /// (``ReportRequest/binding(meetingDates:after:)``): it becomes an agenda item of that
    /// meeting with its owner, linked to its resolution. Runs in the transaction that added the
    /// meetings (MEETING ADD, or the board files' calendar at start-up), so a meeting is never
    /// stored without the requested reports it takes.
    /// - Returns: how many requests were bound.
    @discardableResult
    static func bindWaitingReportRequests(of boardCode: String, by: String, stamp: Date, _ db: Database) throws -> Int {
        let waiting = try waitingRequests(board: boardCode, db)
        guard !waiting.isEmpty else { return 0 }
        let dates = try MeetingRecord.all().filter(board: boardCode).fetchAll(db).map(\.date)
        var bound = 0
        for (request, resolvedOn) in waiting {
            guard let date = request.request.binding(meetingDates: dates, after: resolvedOn).meetingDate else { continue }
            var item = AgendaItemRecord(
                id: nil, meetingId: Meeting.id(board: boardCode, date: date), title: request.request.title,
                ownerEmail: request.request.owner.email, isKeyDecision: false, exemptParagraph: nil, noticeGiven: nil, addedBy: by,
                addedAt: stamp)
            try item.insert(db)
            try db.execute(sql: "UPDATE resolutionEffect SET agendaItemId = ? WHERE id = ?", arguments: [item.id, request.effectID])
            bound += 1
        }
        return bound
    }

    private static func waitingRequests(board: String?, _ db: Database) throws -> [(waiting: WaitingReportRequest, resolvedOn: LocalDate)] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.boardCode, e.month, e.title, e.ownerEmail, e.ownerRole, m.date, r.meetingId, r.itemNumber, r.number
                FROM resolutionEffect e
                JOIN resolution r ON r.id = e.resolutionId
                JOIN meeting m ON m.id = r.meetingId
                WHERE e.kind = 'report' AND e.agendaItemId IS NULL AND (? IS NULL OR e.boardCode = ?)
                ORDER BY e.id
                """,
            arguments: [board, board])
        return rows.compactMap { row in
            guard let month = YearMonth(iso: row["month"] as String? ?? ""), let resolvedOn = row["date"] as LocalDate?,
                let code = row["boardCode"] as String?, let title = row["title"] as String?, let email = row["ownerEmail"] as String?
            else { return nil }
            let request = ReportRequest(
                boardCode: code, month: month, title: title, owner: Person(role: row["ownerRole"] ?? "Report owner", email: email))
            let resolution = StoredResolution.reference(meetingID: row["meetingId"], item: row["itemNumber"], number: row["number"])
            return (WaitingReportRequest(effectID: row["id"], request: request, resolution: resolution), resolvedOn)
        }
    }
}
