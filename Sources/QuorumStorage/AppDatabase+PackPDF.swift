import Foundation
import GRDB
import QuorumDomain

extension PackPDFState: DatabaseValueConvertible {}

extension AppDatabase {
    /// Versions whose PDF is still to be made, oldest first: a restart makes them again.
    public func packsAwaitingPDF() async throws -> [StoredPack] {
        try await writer.read(AppDatabase.packsAwaitingPDF)
    }

    private static func packsAwaitingPDF(_ db: Database) throws -> [StoredPack] {
        let records = try PackRecord.filter(PackRecord.Columns.pdfState == PackPDFState.pending)
            .order(PackRecord.Columns.builtAt, PackRecord.Columns.id).fetchAll(db)
        return try records.map { try storedPack($0, db) }
    }

    /// Adds the PDF parts of a pending version (their files already stored) and marks it ready,
    /// in one transaction. A version that is no longer pending is left as it is.
    /// - Returns: whether the version was pending.
    @discardableResult
    public func completePackPDF(id: String, parts: [StoredPackPart]) async throws -> Bool {
        try await writer.write { db in try AppDatabase.settlePackPDF(id: id, parts: parts, error: nil, db) }
    }

    /// Marks a pending version's PDF failed, with the reason.
    @discardableResult
    public func failPackPDF(id: String, reason: String) async throws -> Bool {
        try await writer.write { db in try AppDatabase.settlePackPDF(id: id, parts: [], error: reason, db) }
    }

    private static func settlePackPDF(id: String, parts: [StoredPackPart], error: String?, _ db: Database) throws -> Bool {
        guard var record = try PackRecord.fetchOne(db, key: id), record.pdfState == .pending else {
            return false
        }
        for part in parts {
            try PackPartRecord(packId: id, part: part.part, format: part.format, sha256: part.sha256, size: part.size)
                .insert(db, onConflict: .replace)
        }
        record.pdfState = error == nil ? .ready : .failed
        record.pdfError = error
        try record.update(db)
        return true
    }
}
