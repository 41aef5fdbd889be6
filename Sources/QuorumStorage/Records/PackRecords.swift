import Foundation
import GRDB
import QuorumDomain

/// A row of `agendaItem`.
struct AgendaItemRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "agendaItem"
    var id: Int64?
    var meetingId: String
    var title: String
    var ownerEmail: String?
    var isKeyDecision: Bool
    var exemptParagraph: Int?
    var noticeGiven: LocalDate?
    var addedBy: String
    var addedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var item: StoredAgendaItem {
        StoredAgendaItem(
            id: id ?? 0, meetingID: meetingId, title: title, ownerEmail: ownerEmail, isKeyDecision: isKeyDecision,
            exemptParagraph: exemptParagraph, noticeGiven: noticeGiven, addedBy: addedBy, addedAt: addedAt)
    }
}

/// A row of `report`.
struct ReportRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "report"
    var id: Int64?
    var meetingId: String
    var itemKey: String
    var occurrenceId: String?
    var markdown: String
    var subject: String
    var submittedBy: String
    var submittedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var report: SubmittedReport {
        SubmittedReport(
            id: id ?? 0, meetingID: meetingId, itemKey: itemKey, occurrenceID: occurrenceId, markdown: markdown,
            subject: subject, submittedBy: submittedBy, submittedAt: submittedAt)
    }
}

/// A row of `pack`.
struct PackRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "pack"
    var id: String
    var meetingId: String
    var version: Int
    var builtAt: String
    var builtBy: String
    var warnings: String
    var manifest: String
    var changes: String
    var publishedAt: String?
    var publishedBy: String?
    var isLate: Bool?
    var lateReason: String?
}

/// A row of `packPart`.
struct PackPartRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "packPart"
    var packId: String
    var part: String
    var format: String
    var sha256: String
    var size: Int
}
