import NIOCore

/// A RESP2 value: what a reply is made of, and (as an array of bulk strings) what a request is.
public enum RESPValue: Sendable, Hashable {
    case simpleString(String)
    /// `-CODE message`. The code is the first word, as Redis clients expect.
    case error(code: String, message: String)
    case integer(Int64)
    case bulkString(ByteBuffer)
    /// `$-1`: the null bulk string.
    case null
    case array([RESPValue])

    /// A bulk string holding UTF-8 text.
    public static func bulk(_ text: String) -> RESPValue {
        .bulkString(ByteBuffer(string: text))
    }

    public static let ok = RESPValue.simpleString("OK")
}
