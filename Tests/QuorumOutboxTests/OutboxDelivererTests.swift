import Foundation
import Logging
import QuorumDelivery
import QuorumDomain
import QuorumStorage
import Synchronization
import Testing

@testable import QuorumOutbox

/// Set when a task has ended, for a test that must not wait on it unbounded.
final class StoppedFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}

/// The deliverer driven by a test clock: each `deliverDue(now:)` is one poll at that moment.
@Suite("The deliverer on a driven clock", .serialized)
struct OutboxDelivererTests {
    static let start = Date(timeIntervalSince1970: 1_541_498_400)  // 2018-11-06 10:00 UTC
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    /// A deliverer whose retries come 5 s and then 60 s after a failure, with no jitter.
    func deliverer(_ database: AppDatabase, secrets: [String], pollInterval: Duration = .seconds(1)) throws -> OutboxDeliverer {
        var hooks: [String: [WebhookSecret]] = [:]
        for url in secrets { hooks[url] = [try WebhookSecret(Self.secret)] }
        let configuration = DeliveryConfiguration(
            smtp: nil, from: EmailAddress(address: "quorum@example.org"), webhookSecrets: hooks,
            retry: RetryPolicy(delays: [0, 5, 60], jitter: 0.1, random: { 0.5 }), pollInterval: pollInterval, webhookTimeout: .seconds(5))
        return OutboxDeliverer(
            database: database, transport: CurlTransport(), templates: try NotificationTemplates(directory: Self.templates),
            configuration: configuration, logger: Logger(label: "test"), clock: { Self.start })
    }

    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Notifications").path

    func enqueueOverdueNotice(_ database: AppDatabase, to url: String, key: String = "action.digest|qa@example.org|2018-11-06") async throws {
        let notice = Notice(
            kind: .actionDigest, key: key, recipient: Person(role: "QA Manager", email: "qa@example.org"),
            dueDate: LocalDate(iso: "2018-11-06"), webhookEvent: "action.overdue")
        _ = try await database.enqueue([notice], webhooks: [WebhookSubscription(url: url, events: ["action.overdue"])], now: Self.start)
    }

    func webhookRow(_ database: AppDatabase) async throws -> OutboxEntry {
        try #require(try await database.outbox().first { $0.channel == .webhook })
    }

    @Test func aRunningDelivererSendsANewNoticeAtOnceNotAtItsNextPollAndStopsWhenCancelled() async throws {
        let receiver = try await WebhookReceiver()
        let database = try AppDatabase.makeInMemory()
        let deliverer = try deliverer(database, secrets: [receiver.url], pollInterval: .seconds(60))
        let running = Task { try await deliverer.run() }
        // The first look finds nothing, then the deliverer waits up to its 60 s poll.
        try await Task.sleep(for: .milliseconds(300))
        try await enqueueOverdueNotice(database, to: receiver.url)
        let clock = ContinuousClock()
        // Bounds well under the poll but loose: the whole suite shares two cores.
        let deadline = clock.now + .seconds(45)
        while try await webhookRow(database).status != .sent, clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(try await webhookRow(database).status == .sent, "sent on the commit, long before the next poll")
        #expect(receiver.received.count == 1)
        running.cancel()
        let stopped = StoppedFlag()
        Task {
            _ = try? await running.value
            stopped.set()
        }
        let stopDeadline = clock.now + .seconds(45)
        while !stopped.isSet, clock.now < stopDeadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(stopped.isSet, "cancelled, the deliverer stops instead of waiting out its poll")
    }

    @Test func aDeliveredWebhookIsSignedAndStampedWithTheDrivenTime() async throws {
        let receiver = try await WebhookReceiver()
        let database = try AppDatabase.makeInMemory()
        try await enqueueOverdueNotice(database, to: receiver.url)
        let deliverer = try deliverer(database, secrets: [receiver.url])

        #expect(try await deliverer.deliverDue(now: Self.start) == 1)
        let request = try #require(receiver.received.first)
        #expect(request.headers["webhook-timestamp"] == "1541498400")
        let id = try #require(request.headers["webhook-id"])
        let expected = WebhookSignature.headers(
            id: id, timestamp: 1_541_498_400, body: Data(request.body.utf8), secrets: [try WebhookSecret(Self.secret)])
        #expect(request.headers["webhook-signature"] == expected.first { $0.name == "webhook-signature" }?.value)
        let row = try await webhookRow(database)
        #expect(row.status == .sent)
        #expect(row.sentAt?.utcISOText == "2018-11-06T10:00:00Z")
        // The email row waits: no mail server is configured.
        #expect(try await database.outbox(status: .pending).map(\.channel) == [.email])
        #expect(try await deliverer.deliverDue(now: Self.start.addingTimeInterval(3600)) == 0)
        try await receiver.close()
    }

    @Test func aFailedWebhookWaitsForItsRetryTimeAndThenDies() async throws {
        let receiver = try await WebhookReceiver()
        receiver.answer(.serviceUnavailable)
        let database = try AppDatabase.makeInMemory()
        try await enqueueOverdueNotice(database, to: receiver.url)
        let deliverer = try deliverer(database, secrets: [receiver.url])

        #expect(try await deliverer.deliverDue(now: Self.start) == 1)
        var row = try await webhookRow(database)
        #expect(row.attempts == 1)
        #expect(row.status == .pending)
        #expect(row.nextAttemptAt.utcISOText == "2018-11-06T10:00:05Z")

        // Not yet due a second before the retry time; due at it.
        #expect(try await deliverer.deliverDue(now: Self.start.addingTimeInterval(4)) == 0)
        #expect(try await deliverer.deliverDue(now: Self.start.addingTimeInterval(5)) == 1)
        row = try await webhookRow(database)
        #expect(row.attempts == 2)
        #expect(row.nextAttemptAt.utcISOText == "2018-11-06T10:01:05Z")

        // The third and last attempt fails too: dead, and never tried again.
        #expect(try await deliverer.deliverDue(now: Self.start.addingTimeInterval(65)) == 1)
        row = try await webhookRow(database)
        #expect(row.status == .dead)
        #expect(row.lastError?.contains("503") == true)
        #expect(try await deliverer.deliverDue(now: Self.start.addingTimeInterval(86_400)) == 0)
        #expect(receiver.received.count == 3)
        try await receiver.close()
    }

    @Test func aGoneEndpointIsDisabledAndItsNextNoticeIsNotSent() async throws {
        let receiver = try await WebhookReceiver()
        receiver.answer(.gone)
        let database = try AppDatabase.makeInMemory()
        try await enqueueOverdueNotice(database, to: receiver.url)
        let deliverer = try deliverer(database, secrets: [receiver.url])
        #expect(try await deliverer.deliverDue(now: Self.start) == 1)
        #expect(try await webhookRow(database).status == .dead)
        #expect(try await database.disabledEndpoints() == [receiver.url])

        try await enqueueOverdueNotice(database, to: receiver.url, key: "action.digest|qa@example.org|2018-11-13")
        #expect(try await deliverer.deliverDue(now: Self.start.addingTimeInterval(60)) == 1)
        #expect(receiver.received.count == 1)
        #expect(try await database.outbox(status: .dead).filter { $0.channel == .webhook }.count == 2)
        try await receiver.close()
    }

    @Test func anEndpointWithNoSecretIsDeadAtOnce() async throws {
        let receiver = try await WebhookReceiver()
        let database = try AppDatabase.makeInMemory()
        try await enqueueOverdueNotice(database, to: receiver.url)
        let deliverer = try deliverer(database, secrets: [])
        #expect(try await deliverer.deliverDue(now: Self.start) == 1)
        let row = try await webhookRow(database)
        #expect(row.status == .dead)
        #expect(row.lastError?.contains("no secret") == true)
        #expect(receiver.received.isEmpty)
        try await receiver.close()
    }
}
