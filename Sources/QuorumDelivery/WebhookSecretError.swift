/// A webhook secret that cannot be used. It does not repeat the secret.
public struct WebhookSecretError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with it.
    public var reason: String

    public var description: String { "invalid webhook secret: \(reason)" }
}
