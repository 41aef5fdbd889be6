import NIOCore

/// Splits an inline request line into words exactly as Redis's `sdssplitargs` does, so a line
/// typed into `nc` or `telnet` means here what it means to a Redis server.
///
/// - Spaces, tabs (and between words any C `isspace` byte) separate words.
/// - `"double quotes"` group words and understand `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\a` and
///   `\xHH`; any other escaped byte stands for itself.
/// - `'single quotes'` group words and understand only `\'`.
/// - A quote may open in the middle of a word (`a"b c"` is the word `ab c`), but a closing
///   quote must be followed by a space or the end of the line, and every quote must close.
/// - A NUL byte is refused. Redis looks for the line's end with `strchr`, which stops at a NUL,
///   so a Redis connection that receives one waits until the line is too long and then fails
///   with a protocol error; this fails at once instead.
enum InlineCommandSplitter {
    /// The words of `line`; an empty array for a blank line.
    ///
    /// - Throws: ``RESPProtocolError`` `unbalancedQuotes`, or `unexpectedByte` for a NUL.
    static func split(_ line: ByteBuffer) throws(RESPProtocolError) -> [ByteBuffer] {
        if let words = splitUnquoted(line) { return words }
        return try splitQuoted(line)
    }

    /// The words of a line that holds no quote and no NUL (nearly every typed command, and
    /// every inline request redis-benchmark sends) as slices of the line: no byte copied.
    /// Nil for any other line. Outside quotes `sdssplitargs` ends a word at a space, tab, CR or
    /// LF only, and skips any `isspace` byte between words: the same here.
    static func splitUnquoted(_ line: ByteBuffer) -> [ByteBuffer]? {
        line.withUnsafeReadableBytes { bytes -> [ByteBuffer]? in
            guard !bytes.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 0 }) else { return nil }
            var words: [ByteBuffer] = []
            var p = 0
            while p < bytes.count {
                while p < bytes.count, isSpace(bytes[p]) { p += 1 }
                guard p < bytes.count else { break }
                let start = p
                while p < bytes.count, !endsUnquotedWord(bytes[p]) { p += 1 }
                words.append(line.getSlice(at: line.readerIndex + start, length: p - start)!)
                p += 1
            }
            return words
        }
    }

    private static func endsUnquotedWord(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    /// `sdssplitargs` step for step, quotes and escapes included.
    static func splitQuoted(_ line: ByteBuffer) throws(RESPProtocolError) -> [ByteBuffer] {
        let bytes = Array(line.readableBytesView)
        guard !bytes.contains(0) else { throw .nulInInlineRequest }
        // Reading past the end gives NUL, the C string's terminator, so the loop below can
        // follow sdssplitargs step for step.
        func at(_ index: Int) -> UInt8 {
            index < bytes.count ? bytes[index] : 0
        }

        var words: [ByteBuffer] = []
        var p = 0
        while true {
            while at(p) != 0, isSpace(at(p)) {
                p += 1
            }
            if at(p) == 0 {
                return words
            }

            var inDoubleQuotes = false
            var inSingleQuotes = false
            var done = false
            var word: [UInt8] = []
            while !done {
                let byte = at(p)
                if inDoubleQuotes {
                    if byte == UInt8(ascii: "\\"), at(p + 1) == UInt8(ascii: "x"),
                        let high = hexValue(at(p + 2)), let low = hexValue(at(p + 3))
                    {
                        word.append(high << 4 | low)
                        p += 3
                    } else if byte == UInt8(ascii: "\\"), at(p + 1) != 0 {
                        p += 1
                        word.append(unescape(at(p)))
                    } else if byte == UInt8(ascii: "\"") {
                        if at(p + 1) != 0, !isSpace(at(p + 1)) {
                            throw .unbalancedQuotes
                        }
                        done = true
                    } else if byte == 0 {
                        throw .unbalancedQuotes
                    } else {
                        word.append(byte)
                    }
                } else if inSingleQuotes {
                    if byte == UInt8(ascii: "\\"), at(p + 1) == UInt8(ascii: "'") {
                        p += 1
                        word.append(UInt8(ascii: "'"))
                    } else if byte == UInt8(ascii: "'") {
                        if at(p + 1) != 0, !isSpace(at(p + 1)) {
                            throw .unbalancedQuotes
                        }
                        done = true
                    } else if byte == 0 {
                        throw .unbalancedQuotes
                    } else {
                        word.append(byte)
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), 0:
                        done = true
                    case UInt8(ascii: "\""):
                        inDoubleQuotes = true
                    case UInt8(ascii: "'"):
                        inSingleQuotes = true
                    default:
                        word.append(byte)
                    }
                }
                if at(p) != 0 {
                    p += 1
                }
            }
            words.append(ByteBuffer(bytes: word))
        }
    }

    /// C's `isspace` in the C locale.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func unescape(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "n"): UInt8(ascii: "\n")
        case UInt8(ascii: "r"): UInt8(ascii: "\r")
        case UInt8(ascii: "t"): UInt8(ascii: "\t")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "a"): 0x07
        default: byte
        }
    }
}
