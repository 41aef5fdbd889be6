import NIOCore

/// Decodes the bytes a client sends into ``RESPRequest``s.
///
/// It takes both forms a Redis server takes, and tells them apart by the first byte:
/// - a RESP array of bulk strings, as redis-cli, redis-py and every client library send:
///   `*2\r\n$4\r\nPING\r\n$2\r\nhi\r\n`;
/// - an inline command, as a person types into `nc` or `telnet`: a line ended by `\n` or
///   `\r\n`, split into words as Redis's `sdssplitargs` splits it (quotes and escapes included):
///   `PING "hello world"\r\n`.
///
/// Empty lines, and arrays that declare zero or fewer elements, are skipped as Redis skips them.
/// Malformed input and input over a ``RESPDecoderConfiguration`` limit throw a
/// ``RESPProtocolError``; nothing is allocated for a bulk string or array before its declared
/// size has been checked. Bulk strings are binary-safe: they reach the request as slices of the
/// received bytes, CR, LF and invalid UTF-8 included.
///
/// ```swift
/// try channel.pipeline.syncOperations.addHandler(
///     ByteToMessageHandler(RESPRequestDecoder(configuration: .init()))
/// )
/// ```
public struct RESPRequestDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = RESPRequest

    /// The limits this decoder enforces.
    public let configuration: RESPDecoderConfiguration

    /// Elements still to come of the array being read; 0 between requests.
    private var remainingArguments = 0
    /// The elements of the array being read that have arrived so far.
    private var arguments: [ByteBuffer] = []
    private var lineScanner = RESPLineScanner()

    /// Creates a decoder.
    ///
    /// - Parameter configuration: The limits to enforce.
    public init(configuration: RESPDecoderConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Decodes the next request, or returns `nil` until enough bytes have arrived.
    ///
    /// - Throws: ``RESPProtocolError`` when the input is malformed or over a limit.
    public mutating func decode(buffer: inout ByteBuffer) throws -> RESPRequest? {
        // Elements are consumed as they complete, so a large request arriving in many reads is
        // parsed once, not again from its start at every read.
        while true {
            if self.remainingArguments > 0 {
                guard try self.readArgument(from: &buffer) else { return nil }
                if self.remainingArguments == 0 {
                    let request = RESPRequest(arguments: self.arguments)
                    self.arguments = []
                    return request
                }
                continue
            }

            guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else {
                return nil
            }
            if first == UInt8(ascii: "*") {
                guard try self.readArrayHeader(from: &buffer) else { return nil }
            } else {
                guard let words = try self.readInlineLine(from: &buffer) else { return nil }
                if !words.isEmpty {
                    return RESPRequest(arguments: words)
                }
            }
        }
    }

    /// Decodes what is left when the channel closes.
    ///
    /// - Throws: ``RESPProtocolError`` `truncated` when the input ended (`seenEOF`) in the middle
    ///   of a request; bytes left when the decoder is only removed from the pipeline are dropped.
    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> RESPRequest? {
        if let request = try self.decode(buffer: &buffer) {
            return request
        }
        if seenEOF, buffer.readableBytes > 0 || self.remainingArguments > 0 {
            throw RESPProtocolError.truncated("request")
        }
        return nil
    }

    /// Reads `*<count>\r\n`; returns `false` when more bytes are needed.
    private mutating func readArrayHeader(from buffer: inout ByteBuffer) throws(RESPProtocolError) -> Bool {
        switch buffer.peekRESPInteger(offset: 1) {
        case .needMoreData:
            return false
        case .invalid:
            throw .invalidMultibulkLength
        case .value(let count, let length):
            guard count <= self.configuration.maxArrayCount else {
                throw .multibulkTooLong(count, limit: self.configuration.maxArrayCount)
            }
            buffer.moveReaderIndex(forwardBy: 1 + length)
            // Redis ignores `*0` and negative counts (its "Negative multibulk length" test).
            if count > 0 {
                self.remainingArguments = Int(count)
                // Grow with the data that arrives, not with what the header promises.
                self.arguments.reserveCapacity(min(Int(count), 16))
            }
            return true
        }
    }

    /// Reads one `$<length>\r\n<bytes>\r\n` element; returns `false` when more bytes are needed.
    private mutating func readArgument(from buffer: inout ByteBuffer) throws(RESPProtocolError) -> Bool {
        guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else {
            return false
        }
        guard first == UInt8(ascii: "$") else {
            throw .unexpectedByte(expected: "$", got: first)
        }
        switch buffer.peekRESPInteger(offset: 1) {
        case .needMoreData:
            return false
        case .invalid:
            throw .invalidBulkLength
        case .value(let length, let headerLength):
            guard length >= 0 else { throw .invalidBulkLength }
            guard length <= self.configuration.maxBulkBytes else {
                throw .bulkTooLong(length, limit: self.configuration.maxBulkBytes)
            }
            let bodyStart = 1 + headerLength
            let bodyLength = Int(length)
            guard buffer.readableBytes >= bodyStart + bodyLength + 2 else { return false }
            guard buffer.hasCRLF(offset: bodyStart + bodyLength) else { throw .missingCRLFAfterBulk }
            buffer.moveReaderIndex(forwardBy: bodyStart)
            self.arguments.append(buffer.readSlice(length: bodyLength)!)
            buffer.moveReaderIndex(forwardBy: 2)
            self.remainingArguments -= 1
            return true
        }
    }

    /// Reads one inline line and splits it; `nil` when its end has not arrived.
    private mutating func readInlineLine(from buffer: inout ByteBuffer) throws(RESPProtocolError) -> [ByteBuffer]? {
        let limit = self.configuration.maxInlineBytes
        switch self.lineScanner.scan(buffer, start: 0, limit: limit, requireCR: false) {
        case .needMoreData:
            return nil
        case .tooLong:
            throw .inlineTooLong(limit: limit)
        case .line(let contentLength, let terminatorLength):
            let line = buffer.readSlice(length: contentLength)!
            buffer.moveReaderIndex(forwardBy: terminatorLength)
            return try InlineCommandSplitter.split(line)
        }
    }
}

@available(*, unavailable)
extension RESPRequestDecoder: Sendable {}
