/// Settings of a ``CurlTransport`` that are not per destination.
public struct CurlTransportConfiguration: Hashable, Sendable {
    /// Idle handles (open connections) kept per SMTP server or webhook host.
    public var maximumIdleHandlesPerHost: Int
    /// Idle handles kept in all.
    public var maximumIdleHandles: Int
    /// The `User-Agent` of webhook requests.
    public var userAgent: String
    /// How much of a webhook response body is kept (for error details); the rest is dropped.
    public var maximumResponseBytes: Int

    public init(
        maximumIdleHandlesPerHost: Int = 2, maximumIdleHandles: Int = 16, userAgent: String = "Quorum-Webhooks/1.0",
        maximumResponseBytes: Int = 64 * 1024
    ) {
        self.maximumIdleHandlesPerHost = maximumIdleHandlesPerHost
        self.maximumIdleHandles = maximumIdleHandles
        self.userAgent = userAgent
        self.maximumResponseBytes = maximumResponseBytes
    }
}
