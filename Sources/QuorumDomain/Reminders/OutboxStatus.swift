/// Where a notice's outbox row stands.
public enum OutboxStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Waiting for its next attempt.
    case pending
    /// Taken by the deliverer; a row left here by a stop is reset to `pending` at start-up.
    case sending
    case sent
    /// Failed for good, or out of retries; `OUTBOX RETRY` sends it again.
    case dead
}

/// How a notice travels.
public enum DeliveryChannel: String, Hashable, Sendable, Codable, CaseIterable {
    case email
    case webhook
}
