import Foundation
import GRDB
import QuorumDomain

/// An agenda item a secretary added.
public struct StoredAgendaItem: Sendable, Hashable {
    public var id: Int64
    public var meetingID: String
    public var title: String
    public var ownerEmail: String?
    public var isKeyDecision: Bool
    /// Schedule 12A paragraph when exempt.
    public var exemptParagraph: Int?
    /// When the Forward Plan (key decision) or private-meeting (exempt) notice was given.
    public var noticeGiven: LocalDate?
    public var addedBy: String
    public var addedAt: Date

    /// The key the pack and reports use for it.
    public var key: String { "item:\(id)" }
}

/// A report as submitted (the latest for an item goes in the pack).
public struct SubmittedReport: Sendable, Hashable {
    public var id: Int64
    public var meetingID: String
    public var itemKey: String
    public var occurrenceID: String?
    public var markdown: String
    public var subject: String
    public var submittedBy: String
    public var submittedAt: Date
}

/// One rendered file of a pack version.
public struct StoredPackPart: Sendable, Hashable, Codable {
    public var part: PackPart
    public var format: PackFormat
    public var sha256: String
    public var size: Int

    public init(part: PackPart, format: PackFormat, sha256: String, size: Int) {
        self.part = part
        self.format = format
        self.sha256 = sha256
        self.size = size
    }
}

/// One item of a pack version as the next version compares it.
public struct PackManifestEntry: Sendable, Hashable, Codable {
    public var key: String
    public var number: Int
    public var title: String
    public var contentHash: String
    public var isExempt: Bool

    public init(key: String, number: Int, title: String, contentHash: String, isExempt: Bool) {
        self.key = key
        self.number = number
        self.title = title
        self.contentHash = contentHash
        self.isExempt = isExempt
    }
}

/// What changed since the previous version: the supplementary pack.
public struct PackChanges: Sendable, Hashable, Codable {
    public var added: [PackManifestEntry]
    public var replaced: [PackManifestEntry]
    public var removed: [PackManifestEntry]

    public init(added: [PackManifestEntry] = [], replaced: [PackManifestEntry] = [], removed: [PackManifestEntry] = []) {
        self.added = added
        self.replaced = replaced
        self.removed = removed
    }
}

/// One immutable version of a meeting's pack.
public struct StoredPack: Sendable, Hashable {
    public var id: String
    public var meetingID: String
    public var version: Int
    public var builtAt: Date
    public var builtBy: String
    public var warnings: [String]
    public var manifest: [PackManifestEntry]
    public var changes: PackChanges
    public var parts: [StoredPackPart]
    public var publishedAt: Date?
    public var publishedBy: String?
    public var isLate: Bool?
    /// Why the pack was published late (only when it was).
    public var lateReason: String?
    /// The secretary's reason for publishing with reports not yet approved, and those reports
    /// ("3. Title"); nil and empty when every report was approved.
    public var unapprovedReason: String? = nil
    public var unapprovedReports: [String] = []
    /// Whether the PDF parts are made yet; they join `parts` when they are.
    public var pdfState: PackPDFState
    /// Why the PDF could not be made, when it failed.
    public var pdfError: String?
}

public enum PackStoreError: Error, Hashable, Sendable {
    case unknownMeeting(String)
    case alreadyPublished(String)
    case unknownPack(String)
    /// Another build of the same meeting saved this version number first.
    case versionTaken(meetingID: String, version: Int)
    /// The version's PDF is not made (pending or failed): it cannot be published yet.
    case pdfNotReady(String, PackPDFState)
}

extension AppDatabase {
    public func addAgendaItem(
        meetingID: String, title: String, ownerEmail: String?, isKeyDecision: Bool, exemptParagraph: Int?,
        noticeGiven: LocalDate?, addedBy: String, now: Date
    ) async throws -> StoredAgendaItem {
        try await write { db in
            guard try MeetingRecord.fetchOne(db, key: meetingID) != nil else { throw PackStoreError.unknownMeeting(meetingID) }
            var record = AgendaItemRecord(
                id: nil, meetingId: meetingID, title: title, ownerEmail: ownerEmail, isKeyDecision: isKeyDecision,
                exemptParagraph: exemptParagraph, noticeGiven: noticeGiven, addedBy: addedBy, addedAt: now.storedInstant)
            try record.insert(db)
            return record.item
        }
    }

    public func agendaItems(meetingID: String) async throws -> [StoredAgendaItem] {
        try await writer.read { db in
            try AgendaItemRecord.filter(AgendaItemRecord.Columns.meetingId == meetingID).order(AgendaItemRecord.Columns.id).fetchAll(db).map(\.item)
        }
    }

    public func submitReport(
        meetingID: String, itemKey: String, occurrenceID: String?, markdown: String, subject: String, by: String,
        now: Date
    ) async throws -> SubmittedReport {
        try await write { db in
            var record = ReportRecord(
                id: nil, meetingId: meetingID, itemKey: itemKey, occurrenceId: occurrenceID, markdown: markdown,
                subject: subject, submittedBy: by, submittedAt: now.storedInstant)
            try record.insert(db)
            return record.report
        }
    }

    /// The latest submission for each item of a meeting, by item key.
    public func latestReports(meetingID: String) async throws -> [String: SubmittedReport] {
        try await writer.read { db in
            let records = try ReportRecord.filter(ReportRecord.Columns.meetingId == meetingID).order(ReportRecord.Columns.id).fetchAll(db)
            return Dictionary(records.map { ($0.itemKey, $0.report) }, uniquingKeysWith: { _, later in later })
        }
    }

    /// Ids of the reporting-cycle occurrences whose report has been submitted: their owners are
    /// no longer chased.
    public func submittedOccurrences() async throws -> Set<String> {
        try await writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT occurrenceId FROM report WHERE occurrenceId IS NOT NULL"))
        }
    }

    /// The latest version of a meeting's pack, or nil before the first build.
    public func latestPack(meetingID: String) async throws -> StoredPack? {
        try await writer.read { db in
            try PackRecord.filter(PackRecord.Columns.meetingId == meetingID).order(PackRecord.Columns.version.desc).fetchOne(db)
                .map { try AppDatabase.storedPack($0, db) }
        }
    }

    /// Saves pack version `version` with its rendered parts (whose files are already stored).
    /// `pdfState` is `.pending` when the PDF parts are still to be made (`completePackPDF`).
    /// - Throws: `PackStoreError.versionTaken` when a concurrent build saved that version first.
    public func savePack(
        meetingID: String, version: Int, builtBy: String, warnings: [String], manifest: [PackManifestEntry],
        changes: PackChanges, parts: [StoredPackPart], pdfState: PackPDFState = .ready, now: Date
    ) async throws -> StoredPack {
        try await write { db in
            let latest = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM pack WHERE meetingId = ?", arguments: [meetingID]) ?? 0
            guard version == latest + 1 else { throw PackStoreError.versionTaken(meetingID: meetingID, version: version) }
            let record = PackRecord(
                id: "\(meetingID)-v\(version)", meetingId: meetingID, version: version, builtAt: now.storedInstant,
                builtBy: builtBy, warnings: warnings, manifest: manifest,
                changes: changes, publishedAt: nil, publishedBy: nil, isLate: nil, lateReason: nil,
                unapprovedReason: nil, unapprovedReports: nil, pdfState: pdfState, pdfError: nil)
            try record.insert(db)
            for part in parts {
                try PackPartRecord(packId: record.id, part: part.part, format: part.format, sha256: part.sha256, size: part.size).insert(db)
            }
            return try AppDatabase.storedPack(record, db)
        }
    }

    public func packs(meetingID: String) async throws -> [StoredPack] {
        try await writer.read { db in
            try PackRecord.filter(PackRecord.Columns.meetingId == meetingID).order(PackRecord.Columns.version).fetchAll(db)
                .map { try AppDatabase.storedPack($0, db) }
        }
    }

    public func pack(id: String) async throws -> StoredPack? {
        try await writer.read { db in try PackRecord.fetchOne(db, key: id).map { try AppDatabase.storedPack($0, db) } }
    }

    /// Records publication and enqueues the notices it sends, in one transaction: a crash can
    /// never leave a published pack that told nobody. A version is published once.
    /// - Parameter notices: the notices for the published version (they may name its fields).
    /// - Returns: the published version and how many outbox rows were enqueued.
    /// - Parameter searchText: the text of the version's public part, written to the search index
    ///   in the same transaction (nil: nothing of it is public, and it is recorded as such).
    public func publishPack(
        id: String, by: String, late: Bool, reason: String?, unapproved: (reason: String, reports: [String])? = nil,
        webhooks: [WebhookSubscription], now: Date, searchText: (title: String, body: String)? = nil,
        notices: @escaping @Sendable (StoredPack) -> [Notice]
    ) async throws -> (pack: StoredPack, enqueued: Int) {
        try await write { db in
            guard var record = try PackRecord.fetchOne(db, key: id) else { throw PackStoreError.unknownPack(id) }
            guard record.publishedAt == nil else { throw PackStoreError.alreadyPublished(id) }
            // A published version has every file it names: its PDF too.
            guard record.pdfState == .ready else { throw PackStoreError.pdfNotReady(id, record.pdfState) }
            record.publishedAt = now.storedInstant
            record.publishedBy = by
            record.isLate = late
            record.lateReason = reason
            record.unapprovedReason = unapproved?.reason
            record.unapprovedReports = unapproved?.reports
            try record.update(db)
            let pack = try AppDatabase.storedPack(record, db)
            try AppDatabase.index(packID: pack.id, meetingID: record.meetingId, title: searchText?.title ?? "", body: searchText?.body ?? "", db)
            let enqueued = try AppDatabase.insert(notices(pack), webhooks: webhooks, sweepID: nil, now: now, db).rows
            return (pack, enqueued)
        }
    }

    static func storedPack(_ record: PackRecord, _ db: Database) throws -> StoredPack {
        let parts = try PackPartRecord.filter(PackPartRecord.Columns.packId == record.id)
            .order(PackPartRecord.Columns.part, PackPartRecord.Columns.format).fetchAll(db)
        return StoredPack(
            id: record.id, meetingID: record.meetingId, version: record.version, builtAt: record.builtAt, builtBy: record.builtBy,
            warnings: record.warnings, manifest: record.manifest, changes: record.changes,
            parts: parts.map { StoredPackPart(part: $0.part, format: $0.format, sha256: $0.sha256, size: $0.size) },
            publishedAt: record.publishedAt, publishedBy: record.publishedBy, isLate: record.isLate, lateReason: record.lateReason,
            unapprovedReason: record.unapprovedReason, unapprovedReports: record.unapprovedReports ?? [], pdfState: record.pdfState,
            pdfError: record.pdfError)
    }
}
