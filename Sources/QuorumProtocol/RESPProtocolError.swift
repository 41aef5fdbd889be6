/// Input that is not RESP2, or that breaks a ``RESPDecoderConfiguration`` limit.
///
/// The decoders throw it; after that the byte stream cannot be trusted to be in step with the
/// framing, so the connection should get ``reply`` and be closed, as Redis does with its
/// `-ERR Protocol error: …` replies.
///
/// ```swift
/// catch let error as RESPProtocolError {
///     try await outbound.write(error.reply)   // -ERR Protocol error: invalid bulk length
/// }
/// ```
///
/// Compare ``code`` to tell kinds apart; ``description`` says what was wrong, with the limit or
/// the offending byte.
public struct RESPProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of protocol error. More kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case lineTooLong
            case unbalancedQuotes
            case invalidMultibulkLength
            case invalidBulkLength
            case invalidInteger
            case unexpectedByte
            case missingCRLF
            case nestingTooDeep
            case truncated
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        public var description: String { self.base.rawValue }

        /// An inline request, or a simple string or error reply, longer than
        /// ``RESPDecoderConfiguration/maxInlineBytes``.
        public static let lineTooLong = Code(.lineTooLong)
        /// An inline request with an unclosed quote, or a closing quote not followed by a space.
        public static let unbalancedQuotes = Code(.unbalancedQuotes)
        /// A `*` count that is not a number, or more than
        /// ``RESPDecoderConfiguration/maxArrayCount``.
        public static let invalidMultibulkLength = Code(.invalidMultibulkLength)
        /// A `$` length that is not a number, is negative in a request, or is more than
        /// ``RESPDecoderConfiguration/maxBulkBytes``.
        public static let invalidBulkLength = Code(.invalidBulkLength)
        /// A `:` integer reply that is not a 64-bit integer.
        public static let invalidInteger = Code(.invalidInteger)
        /// A byte that is not allowed where it is: a request element that does not start with
        /// `$`, a reply type byte that is unknown, a NUL in an inline request.
        public static let unexpectedByte = Code(.unexpectedByte)
        /// A bulk string not followed by `\r\n`.
        public static let missingCRLF = Code(.missingCRLF)
        /// A reply whose arrays nest deeper than ``RESPDecoderConfiguration/maxNestingDepth``.
        public static let nestingTooDeep = Code(.nestingTooDeep)
        /// The input ended in the middle of a request or reply.
        public static let truncated = Code(.truncated)
    }

    /// The kind of error.
    public let code: Code

    /// What was wrong, in the words of Redis's own protocol errors where it has them, e.g.
    /// `expected '$', got '+'` or `inline request longer than 65536 bytes`.
    public let description: String

    private init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    /// The reply that tells the client: `-ERR Protocol error: <description>`.
    public var reply: RESPValue {
        .error(code: "ERR", message: "Protocol error: \(self.description)")
    }
}

// The decoders build errors only through these, so every message is written in one place.
extension RESPProtocolError {
    static func inlineTooLong(limit: Int) -> Self {
        Self(.lineTooLong, "inline request longer than \(limit) bytes")
    }

    static func replyLineTooLong(limit: Int) -> Self {
        Self(.lineTooLong, "reply line longer than \(limit) bytes")
    }

    static let unbalancedQuotes = Self(.unbalancedQuotes, "unbalanced quotes in request")

    static let invalidMultibulkLength = Self(.invalidMultibulkLength, "invalid multibulk length")

    static func multibulkTooLong(_ count: Int64, limit: Int) -> Self {
        Self(.invalidMultibulkLength, "invalid multibulk length \(count): more than \(limit) elements")
    }

    static let invalidBulkLength = Self(.invalidBulkLength, "invalid bulk length")

    static func requestTooLong(limit: Int) -> Self {
        Self(.invalidBulkLength, "request arguments add up to more than \(limit) bytes")
    }

    static func bulkTooLong(_ length: Int64, limit: Int) -> Self {
        Self(.invalidBulkLength, "invalid bulk length \(length): more than \(limit) bytes")
    }

    static let invalidInteger = Self(.invalidInteger, "invalid integer")

    static func unexpectedByte(expected: Character, got byte: UInt8) -> Self {
        Self(.unexpectedByte, "expected '\(expected)', got '\(Self.render(byte))'")
    }

    static func unknownReplyType(_ byte: UInt8) -> Self {
        Self(.unexpectedByte, "unknown reply type '\(Self.render(byte))'")
    }

    static let nulInInlineRequest = Self(.unexpectedByte, "NUL byte in inline request")

    static let missingCRLFAfterBulk = Self(.missingCRLF, "expected CRLF after bulk string")

    static func nestingTooDeep(limit: Int) -> Self {
        Self(.nestingTooDeep, "arrays nested more than \(limit) deep")
    }

    static func truncated(_ what: String) -> Self {
        Self(.truncated, "input ended in the middle of a \(what)")
    }

    /// A byte as it would be typed: itself when printable ASCII, else an escape.
    private static func render(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\t"): return "\\t"
        case UInt8(ascii: "'"), UInt8(ascii: "\\"): return "\\" + String(UnicodeScalar(byte))
        case 0x20...0x7E: return String(UnicodeScalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: false)
            return "\\x" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
}
