import Foundation
import GRDB
import QuorumDomain

/// A Forward Plan entry as stored: the domain's entry, the meeting it is expected at, the agenda
/// items that carry it, and who wrote it when.
public struct StoredForwardPlanEntry: Sendable, Hashable {
    public var entry: ForwardPlanEntry
    public var meetingID: String?
    /// The agenda items that carry the decision, as `meetingId` and item key.
    public var items: [ForwardPlanItemLink]
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
}

/// An agenda item that carries a key decision.
public struct ForwardPlanItemLink: Sendable, Hashable {
    public var meetingID: String
    public var itemKey: String
    public var reference: String
}

/// Why a Forward Plan change could not be stored.
public enum ForwardPlanStoreError: Error, Hashable, Sendable {
    case alreadyExists(String)
    case unknownEntry(String)
    case unknownMeeting(String)
    case unknownBoard(String)
    /// The item already carries another key decision.
    case itemTaken(itemKey: String, reference: String)
}

extension AppDatabase {
    /// Adds an entry. - Throws: `ForwardPlanStoreError` for a reference taken or a board or meeting unknown.
    public func addForwardPlanEntry(_ entry: ForwardPlanEntry, meetingID: String?, by: String, now: Date) async throws
        -> StoredForwardPlanEntry
    {
        try await write { db in
            guard try BoardRecord.fetchOne(db, key: entry.decisionMaker) != nil else {
                throw ForwardPlanStoreError.unknownBoard(entry.decisionMaker)
            }
            if let meetingID, try MeetingRecord.fetchOne(db, key: meetingID) == nil {
                throw ForwardPlanStoreError.unknownMeeting(meetingID)
            }
            guard try ForwardPlanEntryRecord.fetchOne(db, key: entry.reference) == nil else {
                throw ForwardPlanStoreError.alreadyExists(entry.reference)
            }
            let record = ForwardPlanEntryRecord(entry, meetingID: meetingID, createdBy: by, createdAt: now.storedInstant)
            try record.insert(db)
            return try AppDatabase.stored(record, db)
        }
    }

    /// Changes an entry in one transaction: `change` gets the entry and its meeting id and may
    /// throw to store nothing. The result is checked by the domain again before it is written.
    public func updateForwardPlanEntry(
        reference: String, now: Date,
        change: @escaping @Sendable (inout ForwardPlanEntry, inout String?) throws -> Void
    ) async throws -> StoredForwardPlanEntry {
        try await write { db in
            guard var record = try ForwardPlanEntryRecord.fetchOne(db, key: reference) else {
                throw ForwardPlanStoreError.unknownEntry(reference)
            }
            var entry = try record.entry()
            var meetingID = record.meetingId
            try change(&entry, &meetingID)
            if let meetingID, try MeetingRecord.fetchOne(db, key: meetingID) == nil {
                throw ForwardPlanStoreError.unknownMeeting(meetingID)
            }
            // Re-checked as a whole, so a change can never store an entry the domain refuses.
            entry = try ForwardPlanEntry(
                reference: entry.reference, title: entry.title, decisionMaker: entry.decisionMaker, meetingDate: entry.meetingDate,
                reportTitle: entry.reportTitle, reportOwner: entry.reportOwner, firstPublished: entry.firstPublished,
                exemptParagraph: entry.exemptParagraph, generalException: entry.generalException,
                specialUrgency: entry.specialUrgency)
            var updated = ForwardPlanEntryRecord(entry, meetingID: meetingID, createdBy: record.createdBy, createdAt: record.createdAt)
            updated.updatedAt = now.storedInstant
            record = updated
            try record.update(db)
            return try AppDatabase.stored(record, db)
        }
    }

    /// Every entry (of one decision maker, or all), by expected date.
    public func forwardPlanEntries(decisionMaker: String? = nil) async throws -> [StoredForwardPlanEntry] {
        try await writer.read { db in
            var request = ForwardPlanEntryRecord.all()
            if let decisionMaker { request = request.filter(decisionMaker: decisionMaker) }
            return try request.orderedByDecisionDate().fetchAll(db).map { try AppDatabase.stored($0, db) }
        }
    }

    public func forwardPlanEntry(reference: String) async throws -> StoredForwardPlanEntry? {
        try await writer.read { db in
            try ForwardPlanEntryRecord.fetchOne(db, key: reference).map { try AppDatabase.stored($0, db) }
        }
    }

    /// The entries a meeting's agenda carries or that are expected at it.
    public func forwardPlanEntries(meetingID: String) async throws -> [StoredForwardPlanEntry] {
        try await writer.read { db in
            let linked = try ForwardPlanItemRecord.all().filter(meeting: meetingID)
                .fetchAll(db).map(\.reference)
            let expected = try ForwardPlanEntryRecord.all().filter(meeting: meetingID).fetchAll(db).map(\.reference)
            var seen = Set<String>()
            return try (expected + linked).filter { seen.insert($0).inserted }.compactMap {
                try ForwardPlanEntryRecord.fetchOne(db, key: $0).map { try AppDatabase.stored($0, db) }
            }
        }
    }

    /// Links an agenda item to the entry it carries.
    /// - Throws: `ForwardPlanStoreError.itemTaken` when the item carries another entry.
    public func linkForwardPlan(reference: String, meetingID: String, itemKey: String) async throws -> StoredForwardPlanEntry {
        try await write { db in
            guard let record = try ForwardPlanEntryRecord.fetchOne(db, key: reference) else {
                throw ForwardPlanStoreError.unknownEntry(reference)
            }
            try AppDatabase.link(reference: reference, meetingID: meetingID, itemKey: itemKey, db)
            return try AppDatabase.stored(record, db)
        }
    }

    /// Adds an agenda item that carries a key decision, and its link, in one transaction.
    public func addKeyDecisionItem(
        meetingID: String, title: String, ownerEmail: String?, reference: String, exemptParagraph: Int?, addedBy: String,
        now: Date
    ) async throws -> StoredAgendaItem {
        try await write { db in
            guard try MeetingRecord.fetchOne(db, key: meetingID) != nil else { throw ForwardPlanStoreError.unknownMeeting(meetingID) }
            guard let entry = try ForwardPlanEntryRecord.fetchOne(db, key: reference) else {
                throw ForwardPlanStoreError.unknownEntry(reference)
            }
            var record = AgendaItemRecord(
                id: nil, meetingId: meetingID, title: title, ownerEmail: ownerEmail, isKeyDecision: true,
                exemptParagraph: exemptParagraph ?? entry.exemptParagraph, noticeGiven: entry.firstPublished, addedBy: addedBy,
                addedAt: now.storedInstant)
            try record.insert(db)
            let item = record.item
            try AppDatabase.link(reference: reference, meetingID: meetingID, itemKey: item.key, db)
            if entry.meetingId == nil, let meeting = try MeetingRecord.fetchOne(db, key: meetingID) {
                // The item fixes when the decision is expected.
                var expected = entry
                expected.meetingId = meetingID
                expected.meetingDate = meeting.date
                expected.updatedAt = now.storedInstant
                try expected.update(db)
            }
            return item
        }
    }

    /// The key decisions a meeting's items carry, by item key.
    public func forwardPlanLinks(meetingID: String) async throws -> [String: String] {
        try await writer.read { db in
            let links = try ForwardPlanItemRecord.all().filter(meeting: meetingID).fetchAll(db)
            return Dictionary(links.map { ($0.itemKey, $0.reference) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private static func link(reference: String, meetingID: String, itemKey: String, _ db: Database) throws {
        if let existing = try ForwardPlanItemRecord.fetchOne(db, key: ["meetingId": meetingID, "itemKey": itemKey]) {
            guard existing.reference == reference else {
                throw ForwardPlanStoreError.itemTaken(itemKey: itemKey, reference: existing.reference)
            }
            return
        }
        try ForwardPlanItemRecord(meetingId: meetingID, itemKey: itemKey, reference: reference).insert(db)
    }

    private static func stored(_ record: ForwardPlanEntryRecord, _ db: Database) throws -> StoredForwardPlanEntry {
        let links = try ForwardPlanItemRecord.all().filter(reference: record.reference)
            .order(ForwardPlanItemRecord.Columns.meetingId, ForwardPlanItemRecord.Columns.itemKey).fetchAll(db)
        return StoredForwardPlanEntry(
            entry: try record.entry(), meetingID: record.meetingId,
            items: links.map { ForwardPlanItemLink(meetingID: $0.meetingId, itemKey: $0.itemKey, reference: $0.reference) },
            createdBy: record.createdBy, createdAt: record.createdAt, updatedAt: record.updatedAt)
    }
}
