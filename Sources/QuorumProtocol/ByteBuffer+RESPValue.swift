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
            self.writeInteger(UInt8(ascii: "+"))
            self.writeRESPLine(text)
        case .error(let code, let message):
            self.writeInteger(UInt8(ascii: "-"))
            if code.isEmpty || message.isEmpty {
                self.writeRESPLine(code + message)
            } else {
                self.writeRESPLine(code + " " + message)
            }
        case .integer(let number):
            self.writeInteger(UInt8(ascii: ":"))
            self.writeRESPLine(String(number))
        case .bulkString(let bytes):
            self.writeInteger(UInt8(ascii: "$"))
            self.writeRESPLine(String(bytes.readableBytes))
            self.writeImmutableBuffer(bytes)
            self.writeCRLF()
        case .null:
            switch version {
            case .resp2: self.writeStaticString("$-1\r\n")
            case .resp3: self.writeStaticString("_\r\n")
            }
        case .array(let elements):
            self.writeInteger(UInt8(ascii: "*"))
            self.writeRESPLine(String(elements.count))
            for element in elements {
                self.writeRESPValue(element, version: version)
            }
        case .map(let entries):
            switch version {
            case .resp2:
                self.writeInteger(UInt8(ascii: "*"))
                self.writeRESPLine(String(entries.count * 2))
            case .resp3:
                self.writeInteger(UInt8(ascii: "%"))
                self.writeRESPLine(String(entries.count))
            }
            for entry in entries {
                self.writeRESPValue(entry.key, version: version)
                self.writeRESPValue(entry.value, version: version)
            }
        }
        return self.writerIndex - start
    }

    /// Writes `text` and `\r\n`, with every CR or LF in `text` written as a space.
    private mutating func writeRESPLine(_ text: String) {
        let breaksLine = text.utf8.contains { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
        if breaksLine {
            self.writeBytes(
                text.utf8.lazy.map { byte in
                    byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte
                }
            )
        } else {
            self.writeString(text)
        }
        self.writeCRLF()
    }

    private mutating func writeCRLF() {
        self.writeInteger(UInt16(0x0D0A))
    }
}
