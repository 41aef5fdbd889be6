import Foundation
import GRDB
import QuorumDomain

extension AppDatabase {
    /// Takes up to `limit` due rows of the given channels and marks them `sending` with one more
    /// attempt, in one transaction, so that no two senders take the same row.
    public func claimDueOutbox(channels: [DeliveryChannel], now: Date, limit: Int = 20) async throws -> [OutboxEntry] {
        guard !channels.isEmpty else { return [] }
        return try await write { db in
            let records = try OutboxRecord.all()
                .filter(status: .pending)
                .filter(OutboxRecord.Columns.nextAttemptAt <= now.storageText && channels.contains(OutboxRecord.Columns.channel))
                .order(OutboxRecord.Columns.id).limit(limit).fetchAll(db)
            guard !records.isEmpty else { return [] }
            // One statement for the batch: writing each row back whole would rewrite its notice too.
            try OutboxRecord.filter(keys: records.compactMap(\.id))
                .updateAll(db, OutboxRecord.Columns.status.set(to: OutboxStatus.sending), OutboxRecord.Columns.attempts += 1)
            return try records.map { record in
                var claimed = record
                claimed.status = .sending
                claimed.attempts += 1
                return try claimed.entry()
            }
        }
    }

    /// Marks a row sent: only after the server accepted it. A sign-in link's token goes in the
    /// same transaction (``forgetSignInLink(ofOutboxRow:_:)``).
    public func markSent(id: Int64, now: Date) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE outbox SET status = 'sent', sentAt = ?, lastError = NULL WHERE id = ?", arguments: [now.storageText, id])
            try AppDatabase.forgetSignInLink(ofOutboxRow: id, db)
        }
    }

    /// Records a failed attempt: back to `pending` for `retryAt`, or `dead` when nil (a dead
    /// sign-in link's token goes in the same transaction).
    public func markFailed(id: Int64, error: String, retryAt: Date?) async throws {
        try await write { db in
            if let retryAt {
                // Instants are stored to the second: round up, so a retry never comes early.
                let due = Date(timeIntervalSince1970: retryAt.timeIntervalSince1970.rounded(.up))
                try db.execute(
                    sql: "UPDATE outbox SET status = 'pending', nextAttemptAt = ?, lastError = ? WHERE id = ?",
                    arguments: [due.storageText, error, id])
            } else {
                try db.execute(sql: "UPDATE outbox SET status = 'dead', lastError = ? WHERE id = ?", arguments: [error, id])
                try AppDatabase.forgetSignInLink(ofOutboxRow: id, db)
            }
        }
    }

    /// A sign-in link's token is a secret needed only until its message is sent: once the row is
    /// sent or dead, its stored notice no longer holds the link (the link itself is kept only as
    /// its hash, in `signInLink`). Such a row cannot be sent again (``retryOutbox(id:now:)``).
    static func forgetSignInLink(ofOutboxRow id: Int64, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE outbox SET notice = json_remove(notice, '$.signIn') WHERE id = ? AND kind = ? AND status IN ('sent', 'dead')",
            arguments: [id, Notice.Kind.signInLink.rawValue])
    }

    /// Rows left `sending` by a process that died: their outcome is unknown, so they are sent
    /// again (at least once); the receiver's Message-ID or webhook-id tells a repeat apart.
    @discardableResult
    public func resetInterruptedSends(now: Date) async throws -> Int {
        try await write { db in
            try db.execute(
                sql: "UPDATE outbox SET status = 'pending', nextAttemptAt = ? WHERE status = 'sending'", arguments: [now.storageText])
            return db.changesCount
        }
    }

    /// Disables a webhook endpoint (it answered 410 Gone) and ends its queued rows.
    public func disableEndpoint(url: String, reason: String, now: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO webhookEndpoint (url, disabledAt, reason) VALUES (?, ?, ?)",
                arguments: [url, now.storageText, reason])
            try db.execute(
                sql: "UPDATE outbox SET status = 'dead', lastError = ? WHERE channel = 'webhook' AND destination = ? AND status = 'pending'",
                arguments: ["endpoint disabled: \(reason)", url])
        }
    }

    public func disabledEndpoints() async throws -> Set<String> {
        try await writer.read { db in Set(try String.fetchAll(db, sql: "SELECT url FROM webhookEndpoint")) }
    }
}
