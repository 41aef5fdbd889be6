import Foundation
import GRDB
import QuorumDomain

/// A row of `sweep`.
struct SweepRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "sweep"
    var id: Int64?
    var asOf: String
    var asOfDate: String
    var trigger: String
    var ranAt: String
    var enqueued: Int

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `outbox`.
struct OutboxRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "outbox"
    var id: Int64?
    var key: String
    var noticeKey: String
    var channel: DeliveryChannel
    var kind: String
    var destination: String
    var notice: String
    var sweepId: Int64?
    var status: OutboxStatus
    var attempts: Int
    var nextAttemptAt: String
    var lastError: String?
    var createdAt: String
    var sentAt: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let channel = Column(CodingKeys.channel)
        static let status = Column(CodingKeys.status)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
    }

    func entry() throws -> OutboxEntry {
        OutboxEntry(
            id: id ?? 0, key: key, channel: channel, kind: kind, destination: destination,
            notice: try JSONDecoder().decode(Notice.self, from: Data(notice.utf8)), status: status, attempts: attempts,
            nextAttemptAt: nextAttemptAt, lastError: lastError, createdAt: createdAt, sentAt: sentAt)
    }
}

extension OutboxStatus: DatabaseValueConvertible {}
extension DeliveryChannel: DatabaseValueConvertible {}

extension DerivableRequest<OutboxRecord> {
    /// Rows of one status.
    func filter(status: OutboxStatus) -> Self { filter(OutboxRecord.Columns.status == status) }
}
