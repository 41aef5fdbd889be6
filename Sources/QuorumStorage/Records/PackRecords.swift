import Foundation
import GRDB
import QuorumDomain

/// A row of `agendaItem`.
struct AgendaItemRecord: Codable, Sendable, StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "agendaItem"
    var id: Int64?
    var meetingId: String
    var title: String
    var ownerEmail: String?
    var isKeyDecision: Bool
    var exemptParagraph: Int?
    var noticeGiven: LocalDate?
    var addedBy: String
    var addedAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingId = Column(CodingKeys.meetingId)
        static let title = Column(CodingKeys.title)
        static let ownerEmail = Column(CodingKeys.ownerEmail)
        static let isKeyDecision = Column(CodingKeys.isKeyDecision)
        static let exemptParagraph = Column(CodingKeys.exemptParagraph)
        static let noticeGiven = Column(CodingKeys.noticeGiven)
        static let addedBy = Column(CodingKeys.addedBy)
        static let addedAt = Column(CodingKeys.addedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var item: StoredAgendaItem {
        StoredAgendaItem(
            id: id ?? 0, meetingID: meetingId, title: title, ownerEmail: ownerEmail, isKeyDecision: isKeyDecision,
            exemptParagraph: exemptParagraph, noticeGiven: noticeGiven, addedBy: addedBy, addedAt: addedAt)
    }
}

/// A row of `report`.
struct ReportRecord: Codable, Sendable, StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "report"
    var id: Int64?
    var meetingId: String
    var itemKey: String
    var occurrenceId: String?
    var markdown: String
    var subject: String
    var submittedBy: String
    var submittedAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingId = Column(CodingKeys.meetingId)
        static let itemKey = Column(CodingKeys.itemKey)
        static let occurrenceId = Column(CodingKeys.occurrenceId)
        static let markdown = Column(CodingKeys.markdown)
        static let subject = Column(CodingKeys.subject)
        static let submittedBy = Column(CodingKeys.submittedBy)
        static let submittedAt = Column(CodingKeys.submittedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var report: SubmittedReport {
        SubmittedReport(
            id: id ?? 0, meetingID: meetingId, itemKey: itemKey, occurrenceID: occurrenceId, markdown: markdown,
            subject: subject, submittedBy: submittedBy, submittedAt: submittedAt)
    }
}

/// A row of `pack`.
struct PackRecord: Codable, Sendable, StoresInstantsAsText, FetchableRecord, PersistableRecord {
    static let databaseTableName = "pack"
    var id: String
    var meetingId: String
    var version: Int
    var builtAt: Date
    var builtBy: String
    var warnings: [String]
    var manifest: [PackManifestEntry]
    var changes: PackChanges
    var publishedAt: Date?
    var publishedBy: String?
    var isLate: Bool?
    var lateReason: String?
    var unapprovedReason: String?
    var unapprovedReports: [String]?
    /// Whether the PDF parts are made yet (`PackPDFState`).
    var pdfState: PackPDFState
    var pdfError: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let meetingId = Column(CodingKeys.meetingId)
        static let version = Column(CodingKeys.version)
        static let builtAt = Column(CodingKeys.builtAt)
        static let builtBy = Column(CodingKeys.builtBy)
        static let warnings = Column(CodingKeys.warnings)
        static let manifest = Column(CodingKeys.manifest)
        static let changes = Column(CodingKeys.changes)
        static let publishedAt = Column(CodingKeys.publishedAt)
        static let publishedBy = Column(CodingKeys.publishedBy)
        static let isLate = Column(CodingKeys.isLate)
        static let lateReason = Column(CodingKeys.lateReason)
        static let unapprovedReason = Column(CodingKeys.unapprovedReason)
        static let unapprovedReports = Column(CodingKeys.unapprovedReports)
        static let pdfState = Column(CodingKeys.pdfState)
        static let pdfError = Column(CodingKeys.pdfError)
    }
}

/// A row of `packPart`.
struct PackPartRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "packPart"
    var packId: String
    var part: PackPart
    var format: PackFormat
    var sha256: String
    var size: Int

    enum Columns {
        static let packId = Column(CodingKeys.packId)
        static let part = Column(CodingKeys.part)
        static let format = Column(CodingKeys.format)
        static let sha256 = Column(CodingKeys.sha256)
        static let size = Column(CodingKeys.size)
    }
}
