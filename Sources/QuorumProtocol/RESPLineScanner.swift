import NIOCore

/// The byte-level reading that both decoders share: bounded lines and `[-]digits\r\n` headers.
///
/// Everything here peeks and never moves the reader index, so a decoder that finds too few bytes
/// can return and be called again with more, as `ByteToMessageDecoder` asks.
struct RESPLineScanner {
    enum Line: Equatable {
        /// A line whose content is `contentLength` bytes, followed by a `terminatorLength`-byte
        /// line ending (`\n` or `\r\n`).
        case line(contentLength: Int, terminatorLength: Int)
        case needMoreData
        /// No line ending within the limit: refuse now rather than buffer without end.
        case tooLong
    }

    /// Bytes after the line's start already known to hold no line ending, so that a long line
    /// arriving one byte at a time is scanned once, not once per byte (as NIO's
    /// `LineBasedFrameDecoder` keeps `lastScanOffset`).
    private var scanned = 0

    /// Finds the line that starts `start` bytes into `buffer`'s readable bytes.
    ///
    /// - Parameters:
    ///   - limit: The longest content allowed, in bytes.
    ///   - requireCR: `true` for RESP lines, which end only at `\r\n` (a bare `\n` is content);
    ///     `false` for inline requests, which end at `\n` with an optional `\r` before it.
    mutating func scan(_ buffer: ByteBuffer, start: Int, limit: Int, requireCR: Bool) -> Line {
        let view = buffer.readableBytesView
        let base = view.startIndex + start
        // The longest acceptable line is the content plus "\r\n".
        let window = limit > Int.max - 2 ? Int.max : limit + 2
        let available = view.count - start
        let end = base + min(available, window)
        var index = base + self.scanned
        while index < end, let newline = view[index..<end].firstIndex(of: UInt8(ascii: "\n")) {
            let hasCR = newline > base && view[newline - 1] == UInt8(ascii: "\r")
            if hasCR || !requireCR {
                self.scanned = 0
                let contentLength = newline - base - (hasCR ? 1 : 0)
                guard contentLength <= limit else { return .tooLong }
                return .line(contentLength: contentLength, terminatorLength: hasCR ? 2 : 1)
            }
            index = newline + 1
        }
        // Refuse as soon as the content is longer than the limit: once `limit` bytes have come
        // without a line ending, the next byte must begin one.
        if available >= window || (available > limit && view[base + limit] != UInt8(ascii: "\r")) {
            self.scanned = 0
            return .tooLong
        }
        self.scanned = end - base
        return .needMoreData
    }
}

/// A `[-]digits\r\n` header after a type byte: a `*` count, a `$` length, a `:` integer.
enum RESPIntegerLine: Equatable {
    /// The value and the header's length in bytes, its CRLF included.
    case value(Int64, length: Int)
    case needMoreData
    case invalid
}

extension ByteBuffer {
    /// Reads the integer header that starts `offset` bytes into the readable bytes.
    ///
    /// It is as strict as Redis's `string2ll`: an optional `-`, then `0` alone or digits with no
    /// leading zero, within Int64, then `\r\n`. It fails at the first byte that cannot belong,
    /// so a header can never be longer than 22 bytes and a hostile peer cannot make the decoder
    /// wait for one.
    func peekRESPInteger(offset: Int) -> RESPIntegerLine {
        // One look at the bytes for the whole header: each subscript of a ByteBufferView is a
        // checked access to the buffer's storage, and a pipelined batch reads two headers a request.
        self.withUnsafeReadableBytes { bytes in Self.parseRESPInteger(bytes, from: offset) }
    }

    private static func parseRESPInteger(_ view: UnsafeRawBufferPointer, from offset: Int) -> RESPIntegerLine {
        var index = offset
        var negative = false
        if index < view.count, view[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let firstDigit = index
        let bound = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        var magnitude: UInt64 = 0
        while index < view.count {
            let byte = view[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if index > firstDigit, view[firstDigit] == UInt8(ascii: "0") {
                    return .invalid  // a leading zero
                }
                let (times10, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
                let next = times10 &+ UInt64(byte - UInt8(ascii: "0"))
                guard !overflowed, next >= times10, next <= bound else { return .invalid }
                magnitude = next
                index += 1
            case UInt8(ascii: "\r"):
                guard index > firstDigit, !(negative && magnitude == 0) else { return .invalid }
                guard index + 1 < view.count else { return .needMoreData }
                guard view[index + 1] == UInt8(ascii: "\n") else { return .invalid }
                let value = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
                return .value(value, length: index + 2 - offset)
            default:
                return .invalid
            }
        }
        return .needMoreData
    }

    /// Whether the two bytes `offset` bytes into the readable bytes are `\r\n`.
    func hasCRLF(offset: Int) -> Bool {
        self.getInteger(at: self.readerIndex + offset, as: UInt16.self) == 0x0D0A
    }
}
