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
/// size has been checked.
///
/// A server reads with ``next(from:)`` instead, which treats a well-framed request that is only
/// too large (a bulk string, an argument count or the arguments' total over its limit, by at
/// most ``oversizeFactor`` times) as the client's mistake rather than lost framing: it reads the
/// request to its end, drops its bytes as they come, and returns
/// ``Next/tooLarge(_:)`` so the server can answer `-TOOBIG` and carry on. Bulk strings are binary-safe: they reach the request as slices of the
/// received bytes, CR, LF and invalid UTF-8 included.
///
/// ```swift
/// try channel.pipeline.syncOperations.addHandler(
///     ByteToMessageHandler(RESPRequestDecoder(configuration: .init()))
/// )
/// ```
public struct RESPRequestDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = RESPRequest

    /// What ``next(from:)`` read.
    public enum Next: Sendable, Hashable {
        /// A whole request.
        case request(RESPRequest)
        /// A well-framed request over a size limit, read to its end and dropped.
        case tooLarge(RESPRequestTooLarge)
    }

    /// How far over a limit a declared size may be and still be read and dropped by
    /// ``next(from:)``; beyond it the size is taken as garbage and the framing as lost.
    public static let oversizeFactor = 16

    /// The limits this decoder enforces.
    public let configuration: RESPDecoderConfiguration

    /// Elements still to come of the array being read; 0 between requests.
    private var remainingArguments = 0
    /// The elements declared by the array being read.
    private var declaredArguments = 0
    /// The elements of the array being read that have arrived so far.
    private var arguments: [ByteBuffer] = []
    /// The bytes of the bodies in ``arguments``.
    private var requestBytes = 0
    /// Set once the request being read has broken a limit: the rest of it is read and dropped.
    private var refusal: RESPRequestTooLarge?
    /// Bytes of a dropped bulk string still to come, its CRLF included.
    private var discardBytes = 0
    private var lineScanner = RESPLineScanner()

    /// Creates a decoder.
    ///
    /// - Parameter configuration: The limits to enforce.
    public init(configuration: RESPDecoderConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Whether the bytes read so far end in the middle of a RESP request (an array whose
    /// elements have not all come, or a dropped bulk string not yet read to its end).
    ///
    /// Bytes still in the buffer also mean an unfinished request; this tells of the ones the
    /// decoder has already taken.
    public var isInsideRequest: Bool {
        self.remainingArguments > 0 || self.discardBytes > 0
    }

    /// Decodes the next request, or returns `nil` until enough bytes have arrived.
    ///
    /// - Throws: ``RESPProtocolError`` when the input is malformed or over any limit.
    public mutating func decode(buffer: inout ByteBuffer) throws -> RESPRequest? {
        switch try self.step(from: &buffer, dropsOversized: false) {
        case .request(let request): return request
        case .tooLarge(let refusal): throw refusal  // not reached: nothing is dropped here
        case nil: return nil
        }
    }

    /// Reads the next request, or returns `nil` until enough bytes have arrived; a well-framed
    /// request over a size limit is read to its end, dropped, and returned as
    /// ``Next/tooLarge(_:)``.
    ///
    /// - Throws: ``RESPProtocolError`` when the input is malformed, an inline line is too long,
    ///   or a declared size is more than ``oversizeFactor`` times its limit.
    public mutating func next(from buffer: inout ByteBuffer) throws(RESPProtocolError) -> Next? {
        try self.step(from: &buffer, dropsOversized: true)
    }

    /// Consumes the bare `PING`s at the head of `buffer`, each the array `*1\r\n$4\r\nPING\r\n`
    /// or the inline `PING\r\n` (the name in any case), when the decoder is between requests.
    ///
    /// The commonest request there is, known by its bytes: a server answers these without a
    /// ``RESPRequest`` made for each. Any other form of it (`PING` with a message, spaces, a
    /// bare `\n`) comes from ``next(from:)`` as any request does.
    ///
    /// - Parameter limit: The most to consume.
    /// - Returns: how many were consumed; the bytes after them are left as they were.
    public func takeBarePings(from buffer: inout ByteBuffer, atMost limit: Int) -> Int {
        guard !self.isInsideRequest else { return 0 }
        let (count, length) = buffer.withUnsafeReadableBytes { bytes -> (Int, Int) in
            // Setting bit 5 lower-cases ASCII letters and maps nothing else onto them.
            func isPingLine(at start: Int) -> Bool {
                bytes.count - start >= 6 && bytes[start] | 0x20 == UInt8(ascii: "p") && bytes[start + 1] | 0x20 == UInt8(ascii: "i")
                    && bytes[start + 2] | 0x20 == UInt8(ascii: "n") && bytes[start + 3] | 0x20 == UInt8(ascii: "g")
                    && bytes[start + 4] == UInt8(ascii: "\r") && bytes[start + 5] == UInt8(ascii: "\n")
            }
            func isArrayOfFour(at start: Int) -> Bool {
                bytes.count - start >= 14 && bytes[start] == UInt8(ascii: "*") && bytes[start + 1] == UInt8(ascii: "1")
                    && bytes[start + 2] == UInt8(ascii: "\r") && bytes[start + 3] == UInt8(ascii: "\n")
                    && bytes[start + 4] == UInt8(ascii: "$") && bytes[start + 5] == UInt8(ascii: "4")
                    && bytes[start + 6] == UInt8(ascii: "\r") && bytes[start + 7] == UInt8(ascii: "\n")
            }
            var count = 0
            var offset = 0
            while count < limit {
                if isArrayOfFour(at: offset), isPingLine(at: offset + 8) {
                    offset += 14
                } else if isPingLine(at: offset) {
                    offset += 6
                } else {
                    break
                }
                count += 1
            }
            return (count, offset)
        }
        buffer.moveReaderIndex(forwardBy: length)
        return count
    }

    private mutating func step(from buffer: inout ByteBuffer, dropsOversized: Bool) throws(RESPProtocolError) -> Next? {
        // Elements are consumed as they complete, so a large request arriving in many reads is
        // parsed once, not again from its start at every read.
        while true {
            if self.discardBytes > 0 {
                let dropped = min(self.discardBytes, buffer.readableBytes)
                buffer.moveReaderIndex(forwardBy: dropped)
                self.discardBytes -= dropped
                guard self.discardBytes == 0 else { return nil }
                if self.remainingArguments == 0 {
                    return self.finishRequest()
                }
                continue
            }
            if self.remainingArguments > 0 {
                guard try self.readArgument(from: &buffer, dropsOversized: dropsOversized) else { return nil }
                if self.remainingArguments == 0, self.discardBytes == 0 {
                    return self.finishRequest()
                }
                continue
            }

            guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else {
                return nil
            }
            if first == UInt8(ascii: "*") {
                guard try self.readArrayHeader(from: &buffer, dropsOversized: dropsOversized) else { return nil }
                if self.remainingArguments == 0, self.refusal != nil {
                    return self.finishRequest()
                }
            } else {
                guard let words = try self.readInlineLine(from: &buffer) else { return nil }
                if !words.isEmpty {
                    return .request(RESPRequest(arguments: words))
                }
            }
        }
    }

    /// The request just completed, or its refusal; resets for the next request.
    private mutating func finishRequest() -> Next {
        defer {
            self.arguments = []
            self.requestBytes = 0
            self.refusal = nil
            self.declaredArguments = 0
        }
        if let refusal = self.refusal {
            return .tooLarge(refusal)
        }
        return .request(RESPRequest(arguments: self.arguments))
    }

    /// Decodes what is left when the channel closes.
    ///
    /// - Throws: ``RESPProtocolError`` `truncated` when the input ended (`seenEOF`) in the middle
    ///   of a request; bytes left when the decoder is only removed from the pipeline are dropped.
    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> RESPRequest? {
        if let request = try self.decode(buffer: &buffer) {
            return request
        }
        if seenEOF, buffer.readableBytes > 0 || self.isInsideRequest {
            throw RESPProtocolError.truncated("request")
        }
        return nil
    }

    /// Whether `size` is over `limit` by no more than ``oversizeFactor``.
    private static func isDroppable(_ size: Int64, limit: Int) -> Bool {
        let (ceiling, overflowed) = Int64(limit).multipliedReportingOverflow(by: Int64(Self.oversizeFactor))
        return overflowed || size <= ceiling
    }

    /// The command name, when it has arrived and been kept.
    private var commandName: String? {
        guard let first = self.arguments.first else { return nil }
        return RESPRequest(arguments: [first]).name
    }

    /// Reads `*<count>\r\n`; returns `false` when more bytes are needed.
    private mutating func readArrayHeader(from buffer: inout ByteBuffer, dropsOversized: Bool) throws(RESPProtocolError) -> Bool {
        switch buffer.peekRESPInteger(offset: 1) {
        case .needMoreData:
            return false
        case .invalid:
            throw .invalidMultibulkLength
        case .value(let count, let length):
            let limit = self.configuration.maxArrayCount
            if count > limit {
                guard dropsOversized, Self.isDroppable(count, limit: limit) else {
                    throw .multibulkTooLong(count, limit: limit)
                }
                self.refusal = RESPRequestTooLarge(limit: .arrayCount, command: nil, index: nil, size: count, maximum: limit)
            }
            buffer.moveReaderIndex(forwardBy: 1 + length)
            // Redis ignores `*0` and negative counts (its "Negative multibulk length" test).
            if count > 0 {
                self.remainingArguments = Int(count)
                self.declaredArguments = Int(count)
                if self.refusal == nil {
                    // Grow with the data that arrives, not with what the header promises.
                    self.arguments.reserveCapacity(min(Int(count), 16))
                }
            }
            return true
        }
    }

    /// Reads one `$<length>\r\n<bytes>\r\n` element; returns `false` when more bytes are
    /// needed. In a refused request the element's header is read and its body left to drop.
    private mutating func readArgument(from buffer: inout ByteBuffer, dropsOversized: Bool) throws(RESPProtocolError) -> Bool {
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
            let bulkLimit = self.configuration.maxBulkBytes
            if length > bulkLimit {
                guard dropsOversized, Self.isDroppable(length, limit: bulkLimit) else {
                    throw .bulkTooLong(length, limit: bulkLimit)
                }
                if self.refusal == nil {
                    self.refusal = RESPRequestTooLarge(
                        limit: .bulkBytes, command: self.commandName,
                        index: self.declaredArguments - self.remainingArguments, size: length, maximum: bulkLimit)
                }
            }
            let requestLimit = max(self.configuration.maxRequestBytes, bulkLimit)
            if self.refusal == nil, Int64(self.requestBytes) + length > Int64(requestLimit) {
                guard dropsOversized else { throw .requestTooLong(limit: requestLimit) }
                self.refusal = RESPRequestTooLarge(
                    limit: .requestBytes, command: self.commandName, index: nil,
                    size: Int64(self.requestBytes) + length, maximum: requestLimit)
            }
            let bodyStart = 1 + headerLength
            let bodyLength = Int(length)
            if self.refusal != nil {
                // Drop the body as it arrives; its closing CRLF is dropped unchecked.
                self.arguments = []
                buffer.moveReaderIndex(forwardBy: bodyStart)
                self.discardBytes = bodyLength + 2
                self.remainingArguments -= 1
                return true
            }
            guard buffer.readableBytes >= bodyStart + bodyLength + 2 else { return false }
            guard buffer.hasCRLF(offset: bodyStart + bodyLength) else { throw .missingCRLFAfterBulk }
            buffer.moveReaderIndex(forwardBy: bodyStart)
            self.arguments.append(buffer.readSlice(length: bodyLength)!)
            buffer.moveReaderIndex(forwardBy: 2)
            self.requestBytes += bodyLength
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
