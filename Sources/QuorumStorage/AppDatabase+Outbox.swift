import Foundation
import GRDB
import QuorumDomain

/// A webhook endpoint as the sweep sees it: where, and which events it wants.
public struct WebhookSubscription: Hashable, Sendable {
    public var url: String
    public var events: [String]

    public init(url: String, events: [String]) {
        self.url = url
        self.events = events
    }
}

/// What started a sweep.
public enum SweepTrigger: String, Sendable, Hashable {
    case daily
    case catchUp = "catch-up"
    case manual
}

/// What a sweep found and what it added to the outbox.
public struct SweepOutcome: Sendable {
    public var sweepID: Int64?
    public var asOf: Date
    /// The notices found, each with whether this sweep enqueued it (false: an earlier one had).
    public var notices: [(notice: Notice, enqueued: Bool)]
    /// Outbox rows added (emails and webhook events).
    public var enqueuedRows: Int
}

/// What an outbox row sends: a notice (its email, or its webhook event), or a webhook event
/// that no email goes with.
public enum OutboxMessage: Sendable, Hashable {
    case notice(Notice)
    case event(GovernanceEvent)
}

extension OutboxEntry {
    /// The notice the row sends, nil for an event's row.
    public var notice: Notice? {
        if case .notice(let notice) = message { notice } else { nil }
    }
}

/// One row of the outbox, for OUTBOX LIST and the deliverer.
public struct OutboxEntry: Sendable, Hashable {
    public var id: Int64
    public var key: String
    public var channel: DeliveryChannel
    public var kind: String
    public var destination: String
    public var message: OutboxMessage
    public var status: OutboxStatus
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
}

extension AppDatabase {
    /// Runs a sweep: `plan` is given the action listings already sent and returns the notices;
    /// the sweep, its outbox rows and the listings are written in one transaction, and the
    /// outbox's unique key drops any notice an earlier sweep already enqueued.
    public func runSweep(
        asOf: Date, trigger: SweepTrigger, webhooks: [WebhookSubscription], now: Date,
        plan: @escaping @Sendable (Set<String>) throws -> [Notice]
    ) async throws -> SweepOutcome {
        try await write { db in
            let listed = Set(try String.fetchAll(db, sql: "SELECT key FROM actionListing"))
            let notices = try plan(listed)
            let asOfSeconds = Int64(asOf.timeIntervalSince1970.rounded(.down))
            var sweep = SweepRecord(
                id: nil, asOf: asOf.storedInstant, asOfDate: EuropeLondon.localDateTime(at: asOfSeconds).date.description,
                trigger: trigger.rawValue, ranAt: now.storedInstant, enqueued: 0)
            try sweep.insert(db)
            let inserted = try AppDatabase.insert(notices, webhooks: webhooks, sweepID: sweep.id, now: now, db)
            let outcome = SweepOutcome(sweepID: sweep.id, asOf: asOf, notices: inserted.notices, enqueuedRows: inserted.rows)
            sweep.enqueued = outcome.enqueuedRows
            try sweep.update(db)
            return outcome
        }
    }

    /// Enqueues notices that no sweep found (a pack published), with the same exactly-once keys.
    /// - Returns: outbox rows added.
    @discardableResult
    public func enqueue(_ notices: [Notice], webhooks: [WebhookSubscription], now: Date) async throws -> Int {
        try await write { db in try AppDatabase.insert(notices, webhooks: webhooks, sweepID: nil, now: now, db).rows }
    }

    /// Writes one webhook row for each event and each webhook that subscribes to its kind; a key
    /// already present is skipped. - Returns: rows added.
    @discardableResult
    static func insert(_ events: [GovernanceEvent], webhooks: [WebhookSubscription], now: Date, _ db: Database) throws -> Int {
        guard !events.isEmpty else { return 0 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var count = 0
        for event in events {
            let json = String(decoding: try encoder.encode(event), as: UTF8.self)
            for hook in webhooks where hook.events.contains(event.kind.rawValue) {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO outbox
                          (key, noticeKey, channel, kind, destination, notice, sweepId, status, attempts, nextAttemptAt, createdAt)
                        VALUES (?, ?, 'webhook', ?, ?, ?, NULL, 'pending', 0, ?, ?)
                        """,
                    arguments: [event.id + "|webhook|" + hook.url, event.id, event.kind.rawValue, hook.url, json, now.storageText, now.storageText])
                count += db.changesCount
            }
        }
        return count
    }

    /// Writes each notice's email row and its webhook rows; a key already present is skipped.
    static func insert(
        _ notices: [Notice], webhooks: [WebhookSubscription], sweepID: Int64?, now: Date, _ db: Database
    ) throws -> (notices: [(notice: Notice, enqueued: Bool)], rows: Int) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var result: [(notice: Notice, enqueued: Bool)] = []
        var count = 0
        for notice in notices {
            let json = String(decoding: try encoder.encode(notice), as: UTF8.self)
            var rows = [(key: notice.key, channel: DeliveryChannel.email, kind: notice.kind.rawValue, destination: notice.recipient.email)]
            if let event = notice.webhookEvent {
                for hook in webhooks where hook.events.contains(event) {
                    rows.append((notice.key + "|webhook|" + hook.url, .webhook, event, hook.url))
                }
            }
            var enqueued = false
            for row in rows {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO outbox
                          (key, noticeKey, channel, kind, destination, notice, sweepId, status, attempts, nextAttemptAt, createdAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
                        """,
                    arguments: [row.key, notice.key, row.channel, row.kind, row.destination, json, sweepID, now.storageText, now.storageText])
                if db.changesCount > 0 {
                    count += 1
                    if row.channel == .email { enqueued = true }
                }
            }
            if enqueued {
                for item in notice.actions {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO actionListing (key, outboxKey, listedAt) VALUES (?, ?, ?)",
                        arguments: [item.key, notice.key, now.storageText])
                }
            }
            result.append((notice, enqueued))
        }
        return (result, count)
    }

    /// What a sweep would enqueue now, changing nothing: notices whose key is already in the
    /// outbox are left out.
    public func previewSweep(plan: @escaping @Sendable (Set<String>) throws -> [Notice]) async throws -> [Notice] {
        try await writer.read { db in
            let listed = Set(try String.fetchAll(db, sql: "SELECT key FROM actionListing"))
            let queued = Set(try String.fetchAll(db, sql: "SELECT key FROM outbox WHERE channel = 'email'"))
            return try plan(listed).filter { !queued.contains($0.key) }
        }
    }

    /// Outbox rows, newest first, optionally of one status.
    public func outbox(status: OutboxStatus? = nil, limit: Int = 500) async throws -> [OutboxEntry] {
        try await writer.read { db in
            var request = OutboxRecord.order(OutboxRecord.Columns.id.desc).limit(limit)
            if let status { request = request.filter(status: status) }
            return try request.fetchAll(db).map { try $0.entry() }
        }
    }

    /// How many outbox rows have `status`.
    public func outboxCount(status: OutboxStatus) async throws -> Int {
        try await writer.read { db in try OutboxRecord.all().filter(status: status).fetchCount(db) }
    }

    /// Puts a dead (or failed) row back in the queue to be sent at once.
    /// - Returns: false when there is no such row, it was already sent, or it is a dead sign-in
    ///   link, whose token is no longer kept (the user asks for a new link).
    public func retryOutbox(id: Int64, now: Date) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET status = 'pending', nextAttemptAt = ?
                    WHERE id = ? AND status IN ('dead', 'pending') AND (kind != ? OR json_type(notice, '$.signIn') IS NOT NULL)
                    """,
                arguments: [now.storageText, id, Notice.Kind.signInLink.rawValue])
            return db.changesCount > 0
        }
    }

    /// The instant of the last automatic sweep (daily or catch-up), or of the scheduler's first
    /// start, from which missed sweeps are counted.
    public func lastScheduledSweep() async throws -> Int64? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM schedulerState WHERE name = 'lastScheduledSweep'").flatMap { Int64($0) }
        }
    }

    public func setLastScheduledSweep(_ instant: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO schedulerState (name, value) VALUES ('lastScheduledSweep', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                arguments: [String(instant)])
        }
    }

    /// How many sweeps have run with each trigger: for tests and INFO.
    public func sweepCounts() async throws -> [String: Int] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT trigger, COUNT(*) AS n FROM sweep GROUP BY trigger")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["trigger"] as String, $0["n"] as Int) })
        }
    }
}

