import NIOCore

/// Decodes a server's RESP2 replies into ``RESPValue``s: the client side of the protocol.
///
/// It reads every RESP2 type: `+simple`, `-CODE message`, `:integer`, `$bulk`, `*array` with
/// nested arrays, and the nulls `$-1` and `*-1` (both ``RESPValue/null``). An error's code is
/// its first word and its message the rest, the inverse of `ByteBuffer.writeRESPValue(_:)`.
/// Simple strings and errors are text for people: bytes in them that are not UTF-8 are shown as
/// U+FFFD rather than refused. Malformed input and input over a ``RESPDecoderConfiguration``
/// limit throw a ``RESPProtocolError``.
///
/// ```swift
/// try channel.pipeline.syncOperations.addHandlers(
///     ByteToMessageHandler(RESPValueDecoder(configuration: .init())),
///     MessageToByteHandler(RESPValueEncoder())
/// )
/// ```
public struct RESPValueDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = RESPValue

    /// The limits this decoder enforces.
    public let configuration: RESPDecoderConfiguration

    /// An array whose elements are still arriving.
    private struct OpenArray {
        var remaining: Int
        var elements: [RESPValue]
    }

    /// The arrays being read, outermost first. Nesting is kept here, not on the call stack, so a
    /// reply split anywhere resumes where it stopped and no input can recurse without bound.
    private var openArrays: [OpenArray] = []
    private var lineScanner = RESPLineScanner()

    private enum Step {
        case value(RESPValue)
        case openedArray
        case needMoreData
    }

    /// Creates a decoder.
    ///
    /// - Parameter configuration: The limits to enforce.
    public init(configuration: RESPDecoderConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Decodes the next whole reply, or returns `nil` until enough bytes have arrived.
    ///
    /// - Throws: ``RESPProtocolError`` when the input is malformed or over a limit.
    public mutating func decode(buffer: inout ByteBuffer) throws -> RESPValue? {
        while true {
            switch try self.readStep(from: &buffer) {
            case .needMoreData:
                return nil
            case .openedArray:
                continue
            case .value(var value):
                // Put the value in its array; an array that is now full is itself a value for
                // the array around it.
                while !self.openArrays.isEmpty {
                    let last = self.openArrays.count - 1
                    self.openArrays[last].elements.append(value)
                    self.openArrays[last].remaining -= 1
                    guard self.openArrays[last].remaining == 0 else { break }
                    value = .array(self.openArrays.removeLast().elements)
                }
                if self.openArrays.isEmpty {
                    return value
                }
            }
        }
    }

    /// Decodes what is left when the channel closes.
    ///
    /// - Throws: ``RESPProtocolError`` `truncated` when the input ended (`seenEOF`) in the middle
    ///   of a reply.
    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> RESPValue? {
        if let value = try self.decode(buffer: &buffer) {
            return value
        }
        if seenEOF, buffer.readableBytes > 0 || !self.openArrays.isEmpty {
            throw RESPProtocolError.truncated("reply")
        }
        return nil
    }

    /// Reads one value, or the header of an array whose elements follow.
    private mutating func readStep(from buffer: inout ByteBuffer) throws(RESPProtocolError) -> Step {
        guard let type = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else {
            return .needMoreData
        }
        switch type {
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let limit = self.configuration.maxInlineBytes
            switch self.lineScanner.scan(buffer, start: 1, limit: limit, requireCR: true) {
            case .needMoreData:
                return .needMoreData
            case .tooLong:
                throw .replyLineTooLong(limit: limit)
            case .line(let contentLength, let terminatorLength):
                buffer.moveReaderIndex(forwardBy: 1)
                let text = buffer.readString(length: contentLength)!
                buffer.moveReaderIndex(forwardBy: terminatorLength)
                if type == UInt8(ascii: "+") {
                    return .value(.simpleString(text))
                }
                guard let space = text.firstIndex(of: " ") else {
                    return .value(.error(code: text, message: ""))
                }
                return .value(
                    .error(code: String(text[..<space]), message: String(text[text.index(after: space)...]))
                )
            }

        case UInt8(ascii: ":"):
            switch buffer.peekRESPInteger(offset: 1) {
            case .needMoreData:
                return .needMoreData
            case .invalid:
                throw .invalidInteger
            case .value(let number, let length):
                buffer.moveReaderIndex(forwardBy: 1 + length)
                return .value(.integer(number))
            }

        case UInt8(ascii: "$"):
            switch buffer.peekRESPInteger(offset: 1) {
            case .needMoreData:
                return .needMoreData
            case .invalid:
                throw .invalidBulkLength
            case .value(-1, let length):
                buffer.moveReaderIndex(forwardBy: 1 + length)
                return .value(.null)
            case .value(let bulkLength, let length):
                guard bulkLength >= 0 else { throw .invalidBulkLength }
                guard bulkLength <= self.configuration.maxBulkBytes else {
                    throw .bulkTooLong(bulkLength, limit: self.configuration.maxBulkBytes)
                }
                let bodyStart = 1 + length
                let bodyLength = Int(bulkLength)
                guard buffer.readableBytes >= bodyStart + bodyLength + 2 else { return .needMoreData }
                guard buffer.hasCRLF(offset: bodyStart + bodyLength) else { throw .missingCRLFAfterBulk }
                buffer.moveReaderIndex(forwardBy: bodyStart)
                let body = buffer.readSlice(length: bodyLength)!
                buffer.moveReaderIndex(forwardBy: 2)
                return .value(.bulkString(body))
            }

        case UInt8(ascii: "*"):
            switch buffer.peekRESPInteger(offset: 1) {
            case .needMoreData:
                return .needMoreData
            case .invalid:
                throw .invalidMultibulkLength
            case .value(-1, let length):
                buffer.moveReaderIndex(forwardBy: 1 + length)
                return .value(.null)
            case .value(let count, let length):
                guard count >= 0 else { throw .invalidMultibulkLength }
                guard count <= self.configuration.maxArrayCount else {
                    throw .multibulkTooLong(count, limit: self.configuration.maxArrayCount)
                }
                guard self.openArrays.count < self.configuration.maxNestingDepth else {
                    throw .nestingTooDeep(limit: self.configuration.maxNestingDepth)
                }
                buffer.moveReaderIndex(forwardBy: 1 + length)
                if count == 0 {
                    return .value(.array([]))
                }
                var elements: [RESPValue] = []
                // Grow with the data that arrives, not with what the header promises.
                elements.reserveCapacity(min(Int(count), 16))
                self.openArrays.append(OpenArray(remaining: Int(count), elements: elements))
                return .openedArray
            }

        default:
            throw .unknownReplyType(type)
        }
    }
}

@available(*, unavailable)
extension RESPValueDecoder: Sendable {}
