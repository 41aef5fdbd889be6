import Foundation

/// A webhook receiver's answer.
public struct HTTPResult: Hashable, Sendable {
    /// The status code.
    public var status: Int
    /// The response's header fields, in order.
    public var headers: [HTTPHeaderField]
    /// The response body (at most the first 64 KiB).
    public var body: [UInt8]
    /// True when the request went over a connection kept open from an earlier one.
    public var reusedConnection: Bool

    public init(status: Int, headers: [HTTPHeaderField], body: [UInt8], reusedConnection: Bool) {
        self.status = status
        self.headers = headers
        self.body = body
        self.reusedConnection = reusedConnection
    }

    /// The first field called `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The seconds that `Retry-After` asks for (delta-seconds or an HTTP-date), from `now`.
    public func retryAfter(now: Date = Date()) -> TimeInterval? {
        header("Retry-After").flatMap { RetryAfter.seconds(from: $0, now: now) }
    }

    /// The body as text, for logs and error details.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
