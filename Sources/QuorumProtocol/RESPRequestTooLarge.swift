/// A request that is well framed but breaks a size limit: a bulk string longer than
/// ``RESPDecoderConfiguration/maxBulkBytes``, more arguments than
/// ``RESPDecoderConfiguration/maxArrayCount``, or arguments that add up to more than
/// ``RESPDecoderConfiguration/maxRequestBytes``.
///
/// ``RESPRequestDecoder/next(from:)`` reads such a request to its end without keeping its bytes
/// and then returns this instead of the request, so the connection stays in step: the server
/// answers ``reply`` and goes on reading.
///
/// ```swift
/// case .tooLarge(let refusal):
///     reply(refusal.reply)   // -TOOBIG argument 3 of IMPORT is 70000000 bytes; the limit is 67108864
/// ```
public struct RESPRequestTooLarge: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which limit the request broke. More kinds may be added.
    public struct Limit: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case bulkBytes
            case arrayCount
            case requestBytes
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        public var description: String { self.base.rawValue }

        /// ``RESPDecoderConfiguration/maxBulkBytes``.
        public static let bulkBytes = Limit(.bulkBytes)
        /// ``RESPDecoderConfiguration/maxArrayCount``.
        public static let arrayCount = Limit(.arrayCount)
        /// ``RESPDecoderConfiguration/maxRequestBytes``.
        public static let requestBytes = Limit(.requestBytes)
    }

    /// The limit broken.
    public let limit: Limit
    /// The command name (upper-cased) when it had arrived before the limit was broken.
    public let command: String?
    /// The position of the argument at fault (0 is the command name), for ``Limit/bulkBytes``.
    public let index: Int?
    /// The size the request declared: the bulk string's length, the number of arguments, or the
    /// arguments' bytes so far.
    public let size: Int64
    /// The limit's value.
    public let maximum: Int

    /// Creates a refusal.
    public init(limit: Limit, command: String?, index: Int?, size: Int64, maximum: Int) {
        self.limit = limit
        self.command = command
        self.index = index
        self.size = size
        self.maximum = maximum
    }

    /// E.g. `argument 3 of IMPORT is 70000000 bytes; the limit is 67108864`. Words are counted
    /// from 1, the command name first, as ``RESPArgumentError`` counts them.
    public var description: String {
        let of = self.command.map { " of \($0)" } ?? ""
        switch self.limit {
        case .bulkBytes:
            let position = (self.index ?? 0) + 1
            return "argument \(position)\(of) is \(self.size) bytes; the limit is \(self.maximum)"
        case .arrayCount:
            return "the request has \(self.size) arguments; the limit is \(self.maximum)"
        default:
            return "the arguments\(of) add up to more than \(self.maximum) bytes, the limit"
        }
    }

    /// `-TOOBIG <description>`.
    public var reply: RESPValue {
        .error(code: "TOOBIG", message: self.description)
    }
}
