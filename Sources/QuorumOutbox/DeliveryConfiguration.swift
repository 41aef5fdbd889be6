import Foundation
import QuorumDelivery

/// Where and how the deliverer sends.
public struct DeliveryConfiguration: Sendable {
    /// Nil: no mail server configured; email rows wait in the outbox.
    public var smtp: SMTPConfiguration?
    public var from: EmailAddress
    /// Secrets by endpoint URL; an endpoint not listed has its rows dead-lettered.
    public var webhookSecrets: [String: [WebhookSecret]]
    public var retry: RetryPolicy
    /// How often the outbox is looked at.
    public var pollInterval: Duration
    /// The domain of Message-IDs.
    public var hostName: String
    public var webhookTimeout: Duration

    public init(
        smtp: SMTPConfiguration?, from: EmailAddress, webhookSecrets: [String: [WebhookSecret]], retry: RetryPolicy = RetryPolicy(),
        pollInterval: Duration = .seconds(1), hostName: String = "quorum.example.org", webhookTimeout: Duration = .seconds(15)
    ) {
        self.smtp = smtp
        self.from = from
        self.webhookSecrets = webhookSecrets
        self.retry = retry
        self.pollInterval = pollInterval
        self.hostName = hostName
        self.webhookTimeout = webhookTimeout
    }
}
