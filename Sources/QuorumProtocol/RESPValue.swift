import NIOCore

/// A RESP2 value: what a reply is made of, and (as an array of bulk strings) what a request is.
public enum RESPValue: Sendable, Hashable {
    /// `+text`: a short status line such as `OK` or `PONG`.
    case simpleString(String)
    /// `-CODE message`. The code is the first word, as Redis clients expect.
    case error(code: String, message: String)
    /// `:n`: a signed 64-bit integer.
    case integer(Int64)
    /// `$len`: binary-safe bytes (JSON, CSV, HTML, PDF…).
    case bulkString(ByteBuffer)
    /// `$-1`: the null bulk string.
    case null
    /// `*n`: values of any type, arrays included.
    case array([RESPValue])
    /// A map: RESP3's `%`, written as a flat key-value array to a RESP2 client, as Redis does.
    case map([Entry])

    /// One key and value of a map.
    public struct Entry: Sendable, Hashable {
        public var key: RESPValue
        public var value: RESPValue

        public init(_ key: RESPValue, _ value: RESPValue) {
            self.key = key
            self.value = value
        }
    }

    /// A bulk string holding UTF-8 text.
    public static func bulk(_ text: String) -> RESPValue {
        .bulkString(ByteBuffer(string: text))
    }

    /// `+OK`.
    public static let ok = RESPValue.simpleString("OK")
}
