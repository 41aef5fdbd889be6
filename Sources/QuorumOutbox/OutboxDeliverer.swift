import Crypto
import Foundation
import Logging
import QuorumDelivery
import QuorumDomain
import QuorumStorage
import ServiceLifecycle

/// Sends what the outbox holds: email over SMTP, signed webhooks over HTTP. A row is marked sent
/// only after the server accepted it; failures retry on the policy's schedule, permanent ones
/// (SMTP 5xx, HTTP 4xx but 408 and 429) go straight to `dead`.
public struct OutboxDeliverer: Service {
    let database: AppDatabase
    let transport: CurlTransport
    let templates: NotificationTemplates
    let configuration: DeliveryConfiguration
    let logger: Logger
    /// The source of "now" for attempts, retry times and message dates; tests drive it.
    let clock: @Sendable () -> Date

    public init(
        database: AppDatabase, transport: CurlTransport, templates: NotificationTemplates, configuration: DeliveryConfiguration,
        logger: Logger, clock: @escaping @Sendable () -> Date
    ) {
        self.database = database
        self.transport = transport
        self.templates = templates
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
    }

    public func run() async throws {
        let interrupted = try await database.resetInterruptedSends(now: clock())
        if interrupted > 0 { logger.info("resending notices interrupted by a stop", metadata: ["rows": "\(interrupted)"]) }
        while !Task.isShuttingDownGracefully {
            do {
                while try await deliverDue(now: clock()) > 0, !Task.isShuttingDownGracefully {}
            } catch {
                logger.error("outbox delivery failed", metadata: ["error": "\(error)"])
            }
            // Rows added wake it at once; the poll catches rows whose retry time has come.
            await cancelWhenGracefulShutdown { await database.outboxArrivals.wait(upTo: configuration.pollInterval) }
            // A cancelled wait returns at once: without this the loop would spin.
            if Task.isCancelled { return }
        }
    }

    /// Sends one batch of due rows. - Returns: how many were taken.
    @discardableResult
    public func deliverDue(now: Date) async throws -> Int {
        var channels = [DeliveryChannel.webhook]
        if configuration.smtp != nil { channels.append(.email) }
        let rows = try await database.claimDueOutbox(channels: channels, now: now)
        // One destination's rows go in order, one at a time, so that a 410 stops the rest;
        // different destinations go side by side.
        let byDestination = Dictionary(grouping: rows, by: \.destination)
        // Sends to one destination follow each other, and a slow receiver makes each take up to
        // its timeout: every attempt is dated when it ends (by the clock, never before the batch's
        // time), so a retry waits its full delay after the failure, not after the batch began.
        let clock = self.clock
        let attemptTime = { @Sendable in max(now, clock()) }
        await withTaskGroup(of: Void.self) { group in
            for (_, queue) in byDestination {
                group.addTask {
                    for row in queue.sorted(by: { $0.id < $1.id }) { await deliver(row, now: attemptTime) }
                }
            }
        }
        return rows.count
    }

    private func deliver(_ row: OutboxEntry, now currentTime: @Sendable () -> Date) async {
        let now = currentTime()
        do {
            switch row.channel {
            case .email: try await sendEmail(row, now: now)
            case .webhook:
                guard try await !database.disabledEndpoints().contains(row.destination) else {
                    try await database.markFailed(id: row.id, error: "endpoint disabled", retryAt: nil)
                    return
                }
                try await sendWebhook(row, now: now)
            }
            try await database.markSent(id: row.id, now: currentTime())
            logger.info("sent", metadata: ["outbox": "\(row.id)", "channel": "\(row.channel)", "to": "\(row.destination)"])
        } catch let error as DeliveryError {
            await recordFailure(row, error, now: currentTime())
        } catch {
            // A template or configuration problem: retrying cannot help.
            try? await database.markFailed(id: row.id, error: "\(error)", retryAt: nil)
            logger.error("notice cannot be sent", metadata: ["outbox": "\(row.id)", "error": "\(error)"])
        }
    }

    private func recordFailure(_ row: OutboxEntry, _ error: DeliveryError, now: Date) async {
        var retryAt: Date?
        if error.isTemporary {
            retryAt = configuration.retry.nextAttempt(after: row.attempts, now: now, retryAfter: error.retryAfter)
        }
        do {
            try await database.markFailed(id: row.id, error: error.description, retryAt: retryAt)
            if error.disablesEndpoint {
                try await database.disableEndpoint(url: row.destination, reason: error.description, now: now)
            }
        } catch {
            logger.error("cannot record a delivery failure", metadata: ["outbox": "\(row.id)", "error": "\(error)"])
        }
        logger.warning(
            retryAt == nil ? "notice dead" : "notice will be retried",
            metadata: ["outbox": "\(row.id)", "attempts": "\(row.attempts)", "error": "\(error)", "retry_at": "\(retryAt.map { "\($0)" } ?? "-")"])
    }

    private func sendEmail(_ row: OutboxEntry, now: Date) async throws {
        guard let smtp = configuration.smtp else { return }
        guard let notice = row.notice else {
            throw DeliveryError(kind: .permanent, detail: "a webhook event has no email", target: row.destination)
        }
        let rendered = try templates.render(kind: notice.kind, context: NoticeMessage.context(of: notice, sentOn: now.londonDate))
        let message = EmailMessage(
            from: configuration.from,
            to: [EmailAddress(address: notice.recipient.email, displayName: notice.recipient.role)],
            cc: notice.cc.map { EmailAddress(address: $0.email, displayName: $0.role) },
            subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html, date: now,
            messageID: messageID(for: row))
        _ = try await transport.send(message, configuration: smtp)
    }

    private func sendWebhook(_ row: OutboxEntry, now: Date) async throws {
        guard let secrets = configuration.webhookSecrets[row.destination], !secrets.isEmpty else {
            throw DeliveryError(kind: .permanent, detail: "no secret is configured for this endpoint", target: row.destination)
        }
        let body = NoticeMessage.webhookBody(of: row.message, event: row.kind, at: now)
        var headers = WebhookSignature.headers(
            id: webhookID(for: row), timestamp: Int64(now.timeIntervalSince1970), body: body, secrets: secrets)
        headers.append(HTTPHeaderField(name: "content-type", value: "application/json"))
        // The transport throws a DeliveryError for any answer but 2xx.
        _ = try await transport.post(url: row.destination, headers: headers, body: Array(body), timeout: configuration.webhookTimeout)
    }

    /// Stable across retries, so a receiver can tell a repeat from a new message.
    func messageID(for row: OutboxEntry) -> String {
        "<quorum-\(row.id)-\(digest(row.key).prefix(12))@\(configuration.hostName)>"
    }

    /// `webhook-id`: stable across retries (Standard Webhooks).
    func webhookID(for row: OutboxEntry) -> String {
        "msg_\(digest(row.key).prefix(24))"
    }

    private func digest(_ text: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(text.utf8)))
    }
}

extension OutboxDeliverer {
    /// Sends the `test` message through the real path, so an operator can check the settings.
    public func sendTestEmail(to address: String) async throws -> String {
        guard let smtp = configuration.smtp else {
            throw DeliveryError(kind: .permanent, detail: "no SMTP server is configured (smtp: in the configuration)", target: address)
        }
        let now = clock()
        let rendered = try templates.render(
            kind: .test,
            context: [
                "recipient_name": .string(address),
                "sent_at": .string(NoticeMessage.longDate(EuropeLondon.localDateTime(at: Int64(now.timeIntervalSince1970)).date)),
                "host_name": .string(configuration.hostName),
            ])
        let id = "<quorum-test-\(UUID().uuidString.lowercased())@\(configuration.hostName)>"
        let message = EmailMessage(
            from: configuration.from, to: [EmailAddress(address: address)], subject: rendered.subject, textBody: rendered.text,
            htmlBody: rendered.html, date: now, messageID: id)
        _ = try await transport.send(message, configuration: smtp)
        return id
    }

    /// Posts a signed `test` event to a configured endpoint.
    public func sendTestWebhook(to url: String) async throws -> String {
        guard let secrets = configuration.webhookSecrets[url], !secrets.isEmpty else {
            throw DeliveryError(kind: .permanent, detail: "no webhook with this URL is configured (webhooks: in the configuration)", target: url)
        }
        let now = clock()
        let id = "msg_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        let body = Data(#"{"type":"test","timestamp":"\#(ISO8601DateFormatter().string(from: now))","data":{}}"#.utf8)
        var headers = WebhookSignature.headers(id: id, timestamp: Int64(now.timeIntervalSince1970), body: body, secrets: secrets)
        headers.append(HTTPHeaderField(name: "content-type", value: "application/json"))
        _ = try await transport.post(url: url, headers: headers, body: Array(body), timeout: configuration.webhookTimeout)
        return id
    }
}

