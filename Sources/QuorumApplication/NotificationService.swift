import Foundation
import QuorumDelivery
import QuorumDomain
import QuorumOutbox
import QuorumScheduler
import QuorumStorage
import QuorumWire

/// Reminder sweeps, the outbox, and test messages.
public struct NotificationService: Sendable {
    let database: AppDatabase
    let reminders: ReminderService
    /// The deliverer, for test messages; nil when the daemon delivers nothing (tests).
    let deliverer: OutboxDeliverer?
    let clock: WallClock
    let authorizer: Authorizer
    /// The plan's actions as the plan service keeps them, for previews.
    let planActions: ReadModel<[PlanAction]>?

    public init(database: AppDatabase, reminders: ReminderService, deliverer: OutboxDeliverer?, clock: WallClock) {
        self.init(database: database, reminders: reminders, deliverer: deliverer, clock: clock, planActions: nil)
    }

    init(
        database: AppDatabase, reminders: ReminderService, deliverer: OutboxDeliverer?, clock: WallClock,
        planActions: ReadModel<[PlanAction]>?
    ) {
        self.database = database
        self.reminders = reminders
        self.deliverer = deliverer
        self.clock = clock
        self.authorizer = Authorizer(database: database)
        self.planActions = planActions
    }

    /// The webhooks that notices raise events on.
    public var webhooks: [WebhookSubscription] { reminders.configuration.webhooks }

    /// What a sweep at `instant` (nil: now) would enqueue; changes nothing.
    public func preview(asOf instant: Date?, as user: User?) async throws -> SweepDocument {
        try await authorizer.authorize(.remindPreview, user)
        let asOf = instant ?? clock.now()
        let notices = try await reminders.preview(asOf: asOf, actions: try await planActions?.value())
        return SweepDocument(asOf: asOf.londonISOText, enqueued: nil, notices: notices.map { NoticeDocument($0) })
    }

    /// Runs a sweep as of `instant` (nil: now); running it again at the same instant enqueues nothing.
    public func run(asOf instant: Date?, as user: User?) async throws -> SweepDocument {
        try await authorizer.authorize(.remindRun, user)
        let asOf = instant ?? clock.now()
        let outcome = try await audited(.remindRun, by: user, target: asOf.londonISOText) {
            try await reminders.run(asOf: asOf, trigger: .manual, now: clock.now())
        }
        return SweepDocument(
            asOf: asOf.londonISOText, enqueued: outcome.enqueuedRows,
            notices: outcome.notices.map { NoticeDocument($0.notice, enqueued: $0.enqueued) })
    }

    /// The outbox, optionally of one status (`pending`, `sending`, `sent`, `dead`).
    public func outbox(status text: String?, as user: User?) async throws -> [OutboxDocument] {
        try await authorizer.authorize(.outboxList, user)
        var status: OutboxStatus?
        if let text {
            guard let parsed = OutboxStatus(rawValue: text.lowercased()) else {
                throw ApplicationError(.badArgument, "'\(text)' is not pending, sending, sent or dead")
            }
            status = parsed
        }
        return try await database.outbox(status: status).map(OutboxDocument.init)
    }

    /// Sends a dead notice again.
    public func retry(_ id: Int64, as user: User?) async throws {
        try await authorizer.authorize(.outboxRetry, user)
        let retried = try await audited(.outboxRetry, by: user, target: String(id)) {
            try await database.retryOutbox(id: id, now: clock.now())
        }
        guard retried else {
            throw ApplicationError(
                .notFound, "no dead or pending notice \(id) (a sign-in link that was not delivered is not sent again: ask for a new one)")
        }
    }

    /// What a test message reached.
    public enum TestTarget: Sendable {
        case email(String)
        case webhook(String)
    }

    /// Sends a test message through the real path now; returns what the peer acknowledged.
    public func sendTest(_ target: TestTarget, as user: User?) async throws -> String {
        try await authorizer.authorize(.notifyTest, user)
        guard let deliverer else { throw ApplicationError(.unavailable, "delivery is not configured") }
        do {
            switch target {
            case .email(let address):
                guard EmailAddressRule.isPlausible(address) else {
                    throw ApplicationError(.badArgument, "'\(address)' is not an email address")
                }
                return "sent to \(address), Message-ID \(try await deliverer.sendTestEmail(to: address))"
            case .webhook(let url):
                return "delivered to \(url), webhook-id \(try await deliverer.sendTestWebhook(to: url))"
            }
        } catch let error as DeliveryError {
            throw ApplicationError(.deliveryFailed, "failed: \(error)")
        }
    }

    /// Sweep and outbox figures for INFO.
    public func statistics() async throws -> (sweeps: [String: Int], pending: Int) {
        (try await database.sweepCounts(), try await database.outboxCount(status: .pending))
    }
}

extension OutboxDocument {
    init(_ entry: OutboxEntry) {
        self.init(
            id: entry.id, channel: entry.channel.rawValue, kind: entry.kind, to: entry.destination, status: entry.status.rawValue,
            attempts: entry.attempts, nextAttemptAt: entry.nextAttemptAt.utcISOText, lastError: entry.lastError,
            createdAt: entry.createdAt.utcISOText, sentAt: entry.sentAt?.utcISOText, key: entry.key)
    }
}
