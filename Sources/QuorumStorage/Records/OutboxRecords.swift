import Foundation
import GRDB
import QuorumDomain

/// A row of `sweep`.
struct SweepRecord: Codable, Sendable, StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "sweep"
    var id: Int64?
    var asOf: Date
    var asOfDate: String
    var trigger: String
    var ranAt: Date
    var enqueued: Int

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let asOf = Column(CodingKeys.asOf)
        static let asOfDate = Column(CodingKeys.asOfDate)
        static let trigger = Column(CodingKeys.trigger)
        static let ranAt = Column(CodingKeys.ranAt)
        static let enqueued = Column(CodingKeys.enqueued)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `outbox`.
struct OutboxRecord: Codable, Sendable, StoresInstantsAsText, FetchableRecord, MutablePersistableRecord {
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
    var nextAttemptAt: Date
    var lastError: String?
    var createdAt: Date
    var sentAt: Date?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let key = Column(CodingKeys.key)
        static let noticeKey = Column(CodingKeys.noticeKey)
        static let channel = Column(CodingKeys.channel)
        static let kind = Column(CodingKeys.kind)
        static let destination = Column(CodingKeys.destination)
        static let notice = Column(CodingKeys.notice)
        static let sweepId = Column(CodingKeys.sweepId)
        static let status = Column(CodingKeys.status)
        static let attempts = Column(CodingKeys.attempts)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        static let lastError = Column(CodingKeys.lastError)
        static let createdAt = Column(CodingKeys.createdAt)
        static let sentAt = Column(CodingKeys.sentAt)
    }

    func entry() throws -> OutboxEntry {
        // A row of an event kind holds the event; any other, the notice.
        let message: OutboxMessage =
            if channel == .webhook, GovernanceEvent.Kind(rawValue: kind) != nil {
                .event(try JSONDecoder().decode(GovernanceEvent.self, from: Data(notice.utf8)))
            } else {
                .notice(try JSONDecoder().decode(Notice.self, from: Data(notice.utf8)))
            }
        return OutboxEntry(
            id: id ?? 0, key: key, channel: channel, kind: kind, destination: destination,
            message: message, status: status, attempts: attempts,
            nextAttemptAt: nextAttemptAt, lastError: lastError, createdAt: createdAt, sentAt: sentAt)
    }
}

extension OutboxStatus: DatabaseValueConvertible {}
extension DeliveryChannel: DatabaseValueConvertible {}

extension DerivableRequest<OutboxRecord> {
    /// Rows of one status.
    func filter(status: OutboxStatus) -> Self { filter(OutboxRecord.Columns.status == status) }
}
