import Foundation
import GRDB
import QuorumDomain
import Synchronization

/// One write operation as AUDIT shows it: who ran it, when, what it touched, and its arguments
/// with secrets left out.
public struct AuditLogEntry: Hashable, Sendable {
    public var id: Int64
    public var at: Date
    public var actor: String
    /// The operation's name: `meeting.add`, `user.rotate`.
    public var operation: String
    public var target: String
    public var details: [String: String]
}

/// The audit entry of the write operation in hand, waiting for its transaction.
///
/// The application core makes one for each write operation and runs the operation inside
/// ``AuditLog/recording(_:_:)``; the first write transaction the operation makes through this
/// store writes the entry too, so the entry and the change commit or roll back together.
public final class PendingAuditEntry: Sendable {
    let record: AuditLogRecord
    /// The webhook events the change raises, enqueued with the entry, and where they go.
    let events: [GovernanceEvent]
    let webhooks: [WebhookSubscription]
    let at: Date
    private let written = Mutex(false)

    /// - Parameters:
    ///   - details: the operation's arguments; the caller leaves out anything secret.
    ///   - events: the webhook events the change raises: they commit or roll back with it.
    public init(
        at: Date, actor: String, operation: String, target: String, details: [String: String], events: [GovernanceEvent] = [],
        webhooks: [WebhookSubscription] = []
    ) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        record = AuditLogRecord(id: nil, at: at.storedInstant, actor: actor, operation: operation, target: target, details: json)
        self.events = events
        self.webhooks = webhooks
        self.at = at
    }

    /// Whether a transaction has written (or is writing) the entry.
    public var isWritten: Bool { written.withLock { $0 } }

    /// Takes the entry for one transaction; false when another has it.
    fileprivate func claim() -> Bool {
        written.withLock { taken in
            defer { taken = true }
            return !taken
        }
    }

    /// Gives the entry back after the transaction that claimed it rolled back.
    fileprivate func release() {
        written.withLock { $0 = false }
    }

    fileprivate func insert(_ db: Database) throws {
        var record = record
        try record.insert(db)
        try AppDatabase.insert(events, webhooks: webhooks, now: at, db)
    }
}

/// The task-local audit entry of the write operation in hand.
public enum AuditLog {
    @TaskLocal static var pending: PendingAuditEntry?

    /// Runs `operation` so that its first write transaction also writes `entry`.
    public static func recording<T>(_ entry: PendingAuditEntry, _ operation: () async throws -> T) async throws -> T {
        try await $pending.withValue(entry) { try await operation() }
    }
}

extension AppDatabase {
    /// Every write transaction of the store goes through here: the audit entry of the operation
    /// in hand, if there is one and no earlier transaction took it, is written in the same
    /// transaction as the change it records.
    /// A full disk or a read-only file system is thrown as a ``StorageFailure``.
    func write<T: Sendable>(_ updates: @Sendable (Database) throws -> T) async throws -> T {
        guard let entry = AuditLog.pending, entry.claim() else {
            return try await StorageFailure.translating { try await writer.write(updates) }
        }
        do {
            return try await StorageFailure.translating {
                try await writer.write { db in
                    let result = try updates(db)
                    try entry.insert(db)
                    return result
                }
            }
        } catch {
            entry.release()
            throw error
        }
    }

    /// Writes `entry` on its own, for an operation that changed nothing in the store (a sweep
    /// that found nothing new); does nothing when a transaction has written it already.
    public func recordAudit(_ entry: PendingAuditEntry) async throws {
        guard entry.claim() else { return }
        do {
            try await StorageFailure.translating { try await writer.write { db in try entry.insert(db) } }
        } catch {
            entry.release()
            throw error
        }
    }

    /// Audit entries, newest first: at or after `since`, by `actor`, of operations named `kind`
    /// or in its area (`user` matches `user.add`).
    public func auditLog(since: Date?, actor: String?, kind: String?, limit: Int) async throws -> [AuditLogEntry] {
        try await writer.read { db in
            try AuditLogRecord.all().matching(since: since?.storageText, actor: actor, kind: kind).limit(limit).fetchAll(db).map { record in
                let details = (try? JSONDecoder().decode([String: String].self, from: Data(record.details.utf8))) ?? [:]
                return AuditLogEntry(
                    id: record.id ?? 0, at: record.at, actor: record.actor, operation: record.operation, target: record.target, details: details)
            }
        }
    }
}
