import Crypto
import Foundation

/// Signs and checks webhook requests as the Standard Webhooks specification does.
///
/// The signed content is `"<webhook-id>.<webhook-timestamp>.<body>"`; the signature is
/// `v1,` followed by the base64 of its HMAC-SHA256 under the secret's key. While secrets are
/// rotated a request carries one signature per secret, separated by spaces, and a receiver
/// accepts the request when any of them verifies.
///
/// ```swift
/// let secret = try WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
/// let signature = WebhookSignature.sign(
///     id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: #"{"test": 2432232314}"#, secret: secret)
/// // "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
/// ```
public enum WebhookSignature {
    /// The header names the specification fixes.
    public static let idHeader = "webhook-id"
    public static let timestampHeader = "webhook-timestamp"
    public static let signatureHeader = "webhook-signature"

    /// How far a timestamp may be from the receiver's clock (the specification's default).
    public static let defaultTolerance: TimeInterval = 5 * 60

    /// `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under one secret.
    public static func sign(id: String, timestamp: Int64, body: some DataProtocol, secret: WebhookSecret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: signedContent(id: id, timestamp: timestamp, body: body), using: secret.key)
        return "v1," + Data(mac).base64EncodedString()
    }

    /// Convenience for a text body (signed as its UTF-8 bytes).
    public static func sign(id: String, timestamp: Int64, body: String, secret: WebhookSecret) -> String {
        sign(id: id, timestamp: timestamp, body: Array(body.utf8), secret: secret)
    }

    /// One signature per secret, space-separated, for the `webhook-signature` header.
    public static func sign(id: String, timestamp: Int64, body: some DataProtocol, secrets: [WebhookSecret]) -> String {
        secrets.map { sign(id: id, timestamp: timestamp, body: body, secret: $0) }.joined(separator: " ")
    }

    /// The three headers of a signed request: `webhook-id` (stable across retries),
    /// `webhook-timestamp` (this attempt's time) and `webhook-signature`.
    public static func headers(
        id: String, timestamp: Int64, body: some DataProtocol, secrets: [WebhookSecret]
    ) -> [HTTPHeaderField] {
        [
            HTTPHeaderField(name: idHeader, value: id),
            HTTPHeaderField(name: timestampHeader, value: String(timestamp)),
            HTTPHeaderField(name: signatureHeader, value: sign(id: id, timestamp: timestamp, body: body, secrets: secrets)),
        ]
    }

    /// Whether a received request is authentic: some `v1` signature in `signatureHeader`
    /// verifies under some secret (compared in constant time) and the timestamp is within
    /// `tolerance` of `now`.
    public static func verify(
        id: String, timestamp: Int64, body: some DataProtocol, signatureHeader: String, secrets: [WebhookSecret],
        now: Date = Date(), tolerance: TimeInterval = defaultTolerance
    ) -> Bool {
        guard abs(now.timeIntervalSince1970 - TimeInterval(timestamp)) <= tolerance else { return false }
        let content = signedContent(id: id, timestamp: timestamp, body: body)
        for signature in signatureHeader.split(separator: " ") {
            let parts = signature.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, parts[0] == "v1", let mac = Data(base64Encoded: String(parts[1])) else { continue }
            for secret in secrets
            where HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: content, using: secret.key) {
                return true
            }
        }
        return false
    }

    static func signedContent(id: String, timestamp: Int64, body: some DataProtocol) -> [UInt8] {
        Array("\(id).\(timestamp).".utf8) + Array(body)
    }
}
