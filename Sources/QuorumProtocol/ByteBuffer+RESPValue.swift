import NIOCore

extension ByteBuffer {
    /// Writes `value` in RESP2, the form ``RESPValueEncoder`` sends and ``RESPValueDecoder``
    /// reads.
    ///
    /// | value | bytes |
    /// | --- | --- |
    /// | `.simpleString("OK")` | `+OK\r\n` |
    /// | `.error(code: "ERR", message: "no such board")` | `-ERR no such board\r\n` |
    /// | `.integer(42)` | `:42\r\n` |
    /// | `.bulk("hi")` | `$2\r\nhi\r\n` |
    /// | `.null` | `$-1\r\n` |
    /// | `.array([.integer(1)])` | `*1\r\n:1\r\n` |
    ///
    /// A simple string or error is one line on the wire, so any CR or LF in it is written as a
    /// space: no text can end the line early and be read as a reply of its own. Bulk strings are
    /// written as they are.
    ///
    /// - Parameter value: The value to write.
    /// - Returns: The number of bytes written.
    @discardableResult
    public mutating func writeRESPValue(_ value: RESPValue, version: RESPProtocolVersion = .resp2) -> Int {
        let start = self.writerIndex
        switch value {
        case .simpleString(let text):
            self.writeRESPLine(prefix: UInt8(ascii: "+"), text)
        case .error(let code, let message):
            self.writeRESPLine(prefix: UInt8(ascii: "-"), code.isEmpty || message.isEmpty ? code + message : code + " " + message)
        case .integer(let number):
            self.writeRESPLine(prefix: UInt8(ascii: ":"), number)
        case .bulkString(let bytes):
            self.writeRESPBulk(bytes)
        case .null:
            switch version {
            case .resp2: self.writeStaticString("$-1\r\n")
            case .resp3: self.writeStaticString("_\r\n")
            }
        case .array(let elements):
            self.writeRESPLine(prefix: UInt8(ascii: "*"), Int64(elements.count))
            for element in elements {
                self.writeRESPValue(element, version: version)
            }
        case .map(let entries):
            switch version {
            case .resp2: self.writeRESPLine(prefix: UInt8(ascii: "*"), Int64(entries.count * 2))
            case .resp3: self.writeRESPLine(prefix: UInt8(ascii: "%"), Int64(entries.count))
            }
            for entry in entries {
                self.writeRESPValue(entry.key, version: version)
                self.writeRESPValue(entry.value, version: version)
            }
        }
        return self.writerIndex - start
    }

    // Each line is written through one look at the buffer's capacity: a reply's parts written
    // one by one (the type byte, the text, CR LF) cost a capacity, uniqueness and exclusivity
    // check each, which for a pipelined PONG was more than the bytes.

    /// Writes `prefix`, `text` and `\r\n`, with every CR or LF in `text` written as a space.
    private mutating func writeRESPLine(prefix: UInt8, _ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            _ = self.writeWithUnsafeMutableBytes(minimumWritableBytes: utf8.count + 3) { line in
                line[0] = prefix
                var end = 1
                for byte in utf8 {
                    line[end] = byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte
                    end += 1
                }
                return end + Self.setCRLF(line, at: end)
            }
        }
    }

    /// Writes `prefix`, `number` in decimal and `\r\n`.
    private mutating func writeRESPLine(prefix: UInt8, _ number: Int64) {
        // The type byte, a sign, 20 digits at most (UInt64.max), CR LF.
        _ = self.writeWithUnsafeMutableBytes(minimumWritableBytes: 24) { line in
            line[0] = prefix
            var end = 1
            if number < 0 {
                line[end] = UInt8(ascii: "-")
                end += 1
            }
            end += Self.setDigits(of: number.magnitude, line, at: end)
            return end + Self.setCRLF(line, at: end)
        }
    }

    /// Writes a bulk string, `$<length>\r\n<bytes>\r\n`, in one piece.
    private mutating func writeRESPBulk(_ bytes: ByteBuffer) {
        let count = bytes.readableBytes
        _ = self.writeWithUnsafeMutableBytes(minimumWritableBytes: count + 25) { out in
            out[0] = UInt8(ascii: "$")
            var end = 1 + Self.setDigits(of: UInt64(count), out, at: 1)
            end += Self.setCRLF(out, at: end)
            bytes.withUnsafeReadableBytes { body in
                UnsafeMutableRawBufferPointer(rebasing: out[end..<(end + count)]).copyMemory(from: body)
            }
            end += count
            return end + Self.setCRLF(out, at: end)
        }
    }

    /// Sets the decimal digits of `value` from `start`. - Returns: how many.
    private static func setDigits(of value: UInt64, _ out: UnsafeMutableRawBufferPointer, at start: Int) -> Int {
        var remaining = value
        var end = start
        repeat {
            out[end] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            end += 1
        } while remaining > 0
        // Written least significant first: put them in order.
        var (low, high) = (start, end - 1)
        while low < high {
            out.swapAt(low, high)
            low += 1
            high -= 1
        }
        return end - start
    }

    private static func setCRLF(_ out: UnsafeMutableRawBufferPointer, at index: Int) -> Int {
        out[index] = UInt8(ascii: "\r")
        out[index + 1] = UInt8(ascii: "\n")
        return 2
    }
}
