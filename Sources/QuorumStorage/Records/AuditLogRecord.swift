import Foundation
import GRDB

/// A row of `auditLog`: one write operation, who ran it and when.
struct AuditLogRecord: Codable, Sendable {
    var id: Int64?
    var at: Date
    var actor: String
    var operation: String
    var target: String
    var details: String
}

extension AuditLogRecord: StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "auditLog"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let at = Column(CodingKeys.at)
        static let actor = Column(CodingKeys.actor)
        static let operation = Column(CodingKeys.operation)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension DerivableRequest<AuditLogRecord> {
    /// Entries at or after `instant` (storage text), by `actor`, of operations named `kind` or
    /// starting `kind.`; newest first.
    func matching(since instant: String?, actor: String?, kind: String?) -> Self {
        var request = self
        if let instant { request = request.filter(AuditLogRecord.Columns.at >= instant) }
        if let actor { request = request.filter(AuditLogRecord.Columns.actor == actor) }
        if let kind {
            request = request.filter(AuditLogRecord.Columns.operation == kind || AuditLogRecord.Columns.operation.like("\(kind).%"))
        }
        return request.order(AuditLogRecord.Columns.id.desc)
    }
}
