import Foundation

/// Why an email or a webhook was not delivered, and whether trying again can help.
///
/// The deliverer reads ``kind``: a ``Kind/temporary`` failure is retried on the
/// ``RetryPolicy`` schedule (no sooner than ``retryAfter``), a ``Kind/permanent`` one goes
/// straight to `dead`. ``description`` is what OUTBOX LIST shows as the row's last error.
///
/// | failure | kind |
/// | --- | --- |
/// | SMTP 5xx reply (recipient, sender or message refused) | permanent |
/// | SMTP 4xx reply, connection refused, DNS, TLS, time-out, AUTH refused | temporary |
/// | HTTP 2xx | not an error |
/// | HTTP 408, 429, 5xx, 3xx, time-out, connection failure | temporary (with `Retry-After`) |
/// | HTTP 410 Gone | permanent, ``disablesEndpoint`` |
/// | HTTP other 4xx | permanent |
/// | a URL that is malformed or not http(s)/smtp(s) | permanent |
public struct DeliveryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whether a later attempt may succeed.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case temporary
            case permanent
        }

        private let code: Code

        /// The same send may succeed later: retry with backoff.
        public static let temporary = Kind(code: .temporary)
        /// The same send will fail again: mark the row dead now.
        public static let permanent = Kind(code: .permanent)

        public var description: String {
            switch code {
            case .temporary: "temporary"
            case .permanent: "permanent"
            }
        }
    }

    /// Temporary or permanent.
    public var kind: Kind
    /// What happened, in words: libcurl's error text and, for SMTP, the server's last reply.
    public var detail: String
    /// Where the send was going: scheme, host and port only (never credentials or a path,
    /// which for some webhook providers is itself a secret).
    public var target: String
    /// libcurl's `CURLcode`, when the transfer itself failed.
    public var curlCode: Int?
    /// The SMTP server's reply code (`CURLINFO_RESPONSE_CODE`), when it gave one.
    public var smtpCode: Int?
    /// The HTTP status, when the receiver answered.
    public var httpStatus: Int?
    /// Seconds the receiver asked us to wait (`Retry-After`), already relative to the attempt.
    public var retryAfter: TimeInterval?
    /// The receiver answered 410 Gone: stop sending anything to this endpoint.
    public var disablesEndpoint: Bool
    /// The transfer ran out of time (`CURLE_OPERATION_TIMEDOUT`).
    public var timedOut: Bool

    /// Creates an error; transports fill in the codes they know.
    public init(
        kind: Kind, detail: String, target: String, curlCode: Int? = nil, smtpCode: Int? = nil, httpStatus: Int? = nil,
        retryAfter: TimeInterval? = nil, disablesEndpoint: Bool = false, timedOut: Bool = false
    ) {
        self.kind = kind
        self.detail = detail
        self.target = target
        self.curlCode = curlCode
        self.smtpCode = smtpCode
        self.httpStatus = httpStatus
        self.retryAfter = retryAfter
        self.disablesEndpoint = disablesEndpoint
        self.timedOut = timedOut
    }

    /// True when a later attempt may succeed.
    public var isTemporary: Bool { kind == .temporary }

    /// One line for logs and the outbox, e.g.
    /// `permanent: SMTP 550: RCPT failed: 550 (server said: 550 5.1.1 unknown user) [smtp://127.0.0.1:2525]`.
    public var description: String {
        var parts: [String] = []
        if let smtpCode { parts.append("SMTP \(smtpCode)") }
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        var text = "\(kind): " + (parts.isEmpty ? "" : parts.joined(separator: " ") + ": ") + detail
        if let retryAfter { text += " (retry after \(Int(retryAfter.rounded(.up))) s)" }
        if disablesEndpoint { text += " (endpoint disabled)" }
        return text + " [\(target)]"
    }
}
